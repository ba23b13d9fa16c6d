"""The law corpus, the glossary and the jieba user dictionary in ``corpus/``.

Expected law wording is copied from ``shared/legal/requirements.md`` (the project's legal
reference), never produced by the code under test.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from pathlib import Path

import jieba
import pytest
import yaml
from pydantic import BaseModel

from termination import case, decision, law
from termination.analysis import models as analysis_models
from termination.obligations import models as obligation_models
from termination.review import inputs as review_inputs
from termination.review import stats as review_stats

ROOT = Path(__file__).resolve().parent.parent
LAW_DIR = ROOT / "corpus" / "law"
USERDICT = ROOT / "corpus" / "jieba_userdict.txt"
GLOSSARY = ROOT / "corpus" / "glossary.yaml"

EXPECTED_DOCS = {
    "zhongben-2016", "minsu-jieshi-2015", "minsu-jieshi-2022", "lijie-2014", "shixin-2017",
    "xiangao-2015", "caichan-diaocha-2020", "zhizhuanpo-2017", "cpl-2023", "yiyi-qixian-2016",
    "yiyi-fuyi-2020", "chafeng-2020", "juzhi-2024",
}
REQUIRED_META = ("title", "short", "issuer", "doc_no", "issued", "effective", "status", "source", "articles")
NON_ARTICLE_HEADINGS = {"序言", "正文", "条文序号对照", "其余条文（序号未核实）"}
ARTICLE_RE = re.compile(r"^第[一二三四五六七八九十百零]+条$")
LAW_FILES = sorted(LAW_DIR.glob("*.md"))


def _split(path: Path) -> tuple[dict[str, typing.Any], list[str]]:
    """Front matter (parsed independently of termination.law) and body lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "---", f"{path.name}: 缺少 front matter"
    end = lines.index("---", 1)
    return yaml.safe_load("\n".join(lines[1:end])), lines[end + 1 :]


def _sections(body: list[str]) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for line in body:
        if line.startswith("## "):
            out.append((line[3:].strip(), []))
        elif out and line.strip():
            out[-1][1].append(line.strip())
    return out


# ---------------------------------------------------------------- law files


def test_every_expected_document_is_present() -> None:
    assert {p.stem for p in LAW_FILES} >= EXPECTED_DOCS
    assert set(law.documents()) == {p.stem for p in LAW_FILES}


@pytest.mark.parametrize("path", LAW_FILES, ids=lambda p: p.stem)
def test_front_matter_is_complete_with_iso_dates(path: Path) -> None:
    meta, _ = _split(path)
    for key in REQUIRED_META:
        assert meta.get(key), f"{path.name}: front matter 缺少 {key}"
    assert meta["title"].startswith("《") and meta["title"].endswith("》")
    assert meta["status"] in {"现行有效", "已修改"}
    # YAML turns an ISO date into datetime.date; anything else stays a string.
    for key in ("issued", "effective", "effective_until", "first_effective"):
        if key in meta:
            assert isinstance(meta[key], dt.date), f"{path.name}: {key} 不是 ISO 日期"
    assert meta["issued"] <= meta["effective"]
    if "effective_until" in meta:
        assert meta["effective_until"] > meta["effective"]
        assert meta["status"] == "已修改"


@pytest.mark.parametrize("path", LAW_FILES, ids=lambda p: p.stem)
def test_anchors_are_unique_and_match_the_status_map(path: Path) -> None:
    meta, body = _split(path)
    headings = [h for h, _ in _sections(body)]
    assert len(headings) == len(set(headings)), f"{path.name}: 重复的锚点"
    assert headings == list(meta["articles"]), f"{path.name}: articles 与 ## 标题不一致"
    for heading in headings:
        assert ARTICLE_RE.match(heading) or heading in NON_ARTICLE_HEADINGS, heading
    assert set(meta["articles"].values()) <= law.ARTICLE_STATUSES


@pytest.mark.parametrize("path", LAW_FILES, ids=lambda p: p.stem)
def test_only_verified_articles_hold_law_text(path: Path) -> None:
    meta, body = _split(path)
    for heading, lines in _sections(body):
        status = meta["articles"][heading]
        text = [ln for ln in lines if not ln.startswith(">")]
        if status in ("verified", "partial"):
            assert text, f"{path.name}#{heading}: 无条文"
            assert all(not ln.startswith("> 未核实") for ln in text)
        elif status != "table":
            # paraphrase is allowed only inside a "> " note line
            assert text == [], f"{path.name}#{heading}: 非原文内容须写在“> ”注释行"
        if status == "partial":
            assert law.GAP in text, f"{path.name}#{heading}: 部分条文须以〔…〕标出缺漏"
        if status in ("corroborated", "unverified"):
            assert any("未核实" in ln for ln in lines), f"{path.name}#{heading}: 须标明“未核实”"


def test_zhongben_article_1_items_are_verbatim() -> None:
    # 终本规定第一条 — requirements.md §1, VERIFIED
    text = law.article_text("zhongben-2016", "第一条")
    assert text is not None
    assert text.splitlines() == [
        "人民法院终结本次执行程序，应当同时符合下列条件：",
        "（一）已向被执行人发出执行通知、责令被执行人报告财产；",
        "（二）已向被执行人发出限制消费令，并将符合条件的被执行人纳入失信被执行人名单；",
        "（三）已穷尽财产调查措施，未发现被执行人有可供执行的财产或者发现的财产不能处置；",
        "（四）自执行案件立案之日起已超过三个月；",
        "（五）被执行人下落不明的，已依法予以查找；被执行人或者其他人妨害执行的，"
        "已依法采取罚款、拘留等强制措施，构成犯罪的，已依法启动刑事责任追究程序。",
    ]


def test_minsu_jieshi_517_and_519_texts() -> None:
    text_517 = law.article_text("minsu-jieshi-2022", "第五百一十七条")
    assert text_517 is not None
    assert "签字确认或者执行法院组成合议庭审查核实并经院长批准后" in text_517
    assert text_517.endswith("再次申请不受申请执行时效期间的限制。")
    # the reference reads the 2020 第五百一十九条 with the same wording
    assert law.article_text("minsu-jieshi-2015", "第五百一十九条") == text_517
    assert law.article_text("minsu-jieshi-2022", "第五百一十九条") is None


def test_minsu_jieshi_editions_meet_on_2022_04_10() -> None:
    old, new = law.document_meta("minsu-jieshi-2015"), law.document_meta("minsu-jieshi-2022")
    assert old["effective"] == "2015-02-04"
    assert new["effective"] == "2022-04-10"
    assert dt.date.fromisoformat(old["effective_until"]) + dt.timedelta(days=1) == dt.date(2022, 4, 10)


def test_other_key_texts() -> None:
    assert law.article_text("zhongben-2016", "第九条") == (
        "终结本次执行程序后，申请执行人发现被执行人有可供执行财产的，可以向执行法院申请恢复执行。"
        "申请恢复执行不受申请执行时效期间的限制。执行法院核查属实的，应当恢复执行。\n"
        "终结本次执行程序后的五年内，执行法院应当每六个月通过网络执行查控系统查询一次被执行人的财产，"
        "并将查询结果告知申请执行人。符合恢复执行条件的，执行法院应当及时恢复执行。"
    )
    art_10 = law.article_text("shixin-2017", "第十条")
    assert art_10 is not None
    assert "（四）终结本次执行程序后，通过网络执行查控系统查询被执行人财产两次以上" in art_10
    art_236 = law.article_text("cpl-2023", "第二百三十六条")
    assert art_236 is not None and "十五日内审查" in art_236
    caichan = law.articles("caichan-diaocha-2020")
    assert caichan[0] == "序言" and caichan[-1] == "第二十六条" and len(caichan) == 27


def test_cpl_number_table_maps_225_to_236() -> None:
    body = (LAW_DIR / "cpl-2023.md").read_text(encoding="utf-8")
    table = body.split("## 条文序号对照", 1)[1]
    assert re.search(r"\| 225 \| 232 \| \*\*236\*\* \|", table)
    assert re.search(r"\| 254 \| 261 \| \*\*265\*\* \|", table)
    assert law.article_text("cpl-2023", "条文序号对照") is None


def test_document_meta() -> None:
    meta = law.document_meta("zhongben-2016")
    assert meta["short"] == "终本规定"
    assert meta["doc_no"] == "法〔2016〕373号"
    assert meta["issued"] == "2016-10-29" and meta["effective"] == "2016-12-01"
    assert "articles" not in meta
    assert all(isinstance(v, str) for v in meta.values())
    assert law.document_meta("no-such-law") == {}


def test_article_text_never_raises_and_never_returns_notes() -> None:
    assert law.article_text("zhongben-2016", "第四条") is None  # paraphrase only
    assert law.article_text("zhongben-2016", "第九十九条") is None
    assert law.article_text("no-such-law", "第一条") is None
    assert law.article_text("../../etc/passwd", "第一条") is None
    assert law.article_text("", "") is None
    assert law.article_status("zhongben-2016", "第三条") == "partial"
    partial = law.article_text("zhongben-2016", "第三条")
    assert partial is not None and law.GAP in partial and "未核实" not in partial
    for doc in law.documents():
        for article in law.articles(doc):
            text = law.article_text(doc, article)
            assert text is None or not any(ln.startswith(">") for ln in text.splitlines())


# ---------------------------------------------------------------- jieba dictionary


def _userdict() -> dict[str, tuple[int, str]]:
    raw = USERDICT.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "用户词典不应带 BOM"
    entries: dict[str, tuple[int, str]] = {}
    for n, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        word, freq, tag = line.split(" ")
        assert word not in entries, f"第{n}行重复：{word}"
        assert int(freq) > 0 and re.fullmatch(r"[a-z]+", tag), f"第{n}行格式错误：{line}"
        entries[word] = (int(freq), tag)
    return entries


@pytest.fixture(scope="module")
def tokenizer() -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    # pass an open file: given a path, jieba 0.42 never closes it (ResourceWarning)
    with USERDICT.open("rb") as f:
        tk.load_userdict(f)
    return tk


def test_userdict_format_and_size() -> None:
    entries = _userdict()
    assert 150 <= len(entries) <= 400
    for term in ("终结本次执行程序", "终本", "执行裁定书", "限制消费令", "限制高消费", "失信被执行人名单",
                 "网络执行查控系统", "总对总", "点对点", "报告财产令", "执行通知书", "申请执行人", "被执行人",
                 "恢复执行", "迟延履行期间的债务利息", "执行依据", "财产调查", "现场调查", "悬赏公告", "司法审计",
                 "搜查令", "查封", "扣押", "冻结", "拍卖", "变卖", "流拍", "以物抵债", "民事判决书", "民事调解书",
                 "仲裁裁决书", "合议庭", "审判长", "审判员", "执行员", "书记员", "法官助理", "约谈", "执行异议",
                 "执行和解", "住房公积金", "不动产"):
        assert term in entries, term


def test_key_terms_are_single_tokens(tokenizer: jieba.Tokenizer) -> None:
    tokens = tokenizer.lcut("本院依法向被执行人发出限制消费令并通过网络执行查控系统查询")
    assert "限制消费令" in tokens and "网络执行查控系统" in tokens and "被执行人" in tokens
    for term in ("终结本次执行程序", "限制消费令", "失信被执行人名单", "网络执行查控系统", "报告财产令"):
        assert tokenizer.lcut(f"本院依法作出{term}。") == ["本院", "依法", "作出", term, "。"], term


def test_law_short_names_and_plain_titles_are_in_the_dictionary() -> None:
    entries = _userdict()
    for doc in law.documents():
        meta = law.document_meta(doc)
        assert meta["short"] in entries, meta["short"]
        title = meta["title"][1:-1]
        if re.fullmatch(r"[\u4e00-\u9fff]+", title):  # 含标点的标题不可能成为单个词
            assert title in entries, title


def test_every_glossary_term_is_one_token(tokenizer: jieba.Tokenizer) -> None:
    entries = _userdict()
    glossary = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    for section, mapping in glossary.items():
        if section in OUTPUT_LABELS:
            continue  # phrases printed to users, never sought in ruling text
        for key, term in mapping.items():
            word = re.sub(r"（.*?）", "", term)  # 工商登记（股权） → 工商登记
            if len(word) < 2:
                continue
            assert word in entries or tokenizer.lcut(word, HMM=False) == [word], f"{section}.{key}: {word}"


# ---------------------------------------------------------------- glossary ↔ case record


def _models(annotation: typing.Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _paths(model_fields: dict[str, typing.Any], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for name, field in model_fields.items():
        path = prefix + name
        out.add(path)
        merged: dict[str, typing.Any] = {}
        for sub in _models(field.annotation):
            for sub_name, sub_field in sub.model_fields.items():
                merged.setdefault(sub_name, sub_field)
        if merged:
            out |= _paths(merged, path + ".")
    return out


def _literal(annotation: typing.Any) -> set[object]:
    if typing.get_origin(annotation) is typing.Literal:
        return set(typing.get_args(annotation))
    return {v for arg in typing.get_args(annotation) for v in _literal(arg)}


ENUMS: dict[str, typing.Any] = {
    "party_kinds": typing.Literal["person", "organisation"],
    "org_types": case.Organisation.model_fields["org_type"].annotation,
    "claim_types": case.Claim.model_fields["claim_types"].annotation,
    "asset_categories": case.AssetCategory,
    "report_status": case.PropertyReport.model_fields["status"].annotation,
    "sanction_types": case.Sanction.model_fields["type"].annotation,
    "sanction_reasons": case.Sanction.model_fields["reason"].annotation,
    "lift_reasons": case.ConsumptionRestriction.model_fields["lift_reason"].annotation,
    "inquiry_systems": case.NetworkInquiry.model_fields["system"].annotation,
    "clue_sources": case.Clue.model_fields["source"].annotation,
    "investigation_kinds": case.InvestigationApplication.model_fields["kind"].annotation,
    "disposal_methods": case.DisposalAttempt.model_fields["method"].annotation,
    "disposal_outcomes": case.DisposalAttempt.model_fields["outcome"].annotation,
    "asset_status": case.Asset.model_fields["status"].annotation,
    "seizure_asset_types": case.Seizure.model_fields["asset_type"].annotation,
    "interview_items": case.InterviewItem,
    "interview_capacities": case.Interview.model_fields["capacity"].annotation,
    "interview_modes": case.Interview.model_fields["mode"].annotation,
    "bankruptcy_answers": case.BankruptcyInquiry.model_fields["applicant_answer"].annotation,
    "service_modes": case.TerminationNotice.model_fields["service_mode"].annotation,
    "signer_titles": case.SignerTitle,
}


#: Labels of the outputs (decision, analysis, calendar, review) → the values they label.
OUTPUT_LABELS: dict[str, typing.Any] = {
    "finding_statuses": decision.Status,
    "severities": decision.Severity,
    "severity_notes": decision.Severity,
    "source_kinds": decision.SourceKind,
    "verifications": decision.Verification,
    "ruling_measures": analysis_models.MeasureCode,
    "ruling_kinds": analysis_models.Kind,
    "ruling_contents": typing.Literal[tuple(analysis_models.Contents.model_fields)],
    "ruling_roles": analysis_models.Role,
    "obligation_kinds": obligation_models.Kind,
    "obligation_statuses": obligation_models.Status,
    "obligation_due_basis": obligation_models.DueBasis,
    "review_positions": review_stats.Position,
    "review_strata": review_inputs.Stratify,
    "review_check_kinds": typing.Literal["text", "crosscheck"],
}


@pytest.fixture(scope="module")
def glossary() -> dict[str, dict[str, str]]:
    data = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_glossary_sections(glossary: dict[str, dict[str, str]]) -> None:
    required = {"fields", "asset_categories", "interview_items", "org_types", "sanction_types", "report_status"}
    assert required <= set(glossary)
    assert set(glossary) == {"fields"} | set(ENUMS) | set(OUTPUT_LABELS)
    for section, mapping in glossary.items():
        for key, term in mapping.items():
            assert isinstance(key, str) and isinstance(term, str) and term, f"{section}.{key}"


def test_glossary_fields_cover_the_case_record(glossary: dict[str, dict[str, str]]) -> None:
    paths = _paths(case.CaseRecord.model_fields)
    assert set(glossary["fields"]) - paths == set(), "glossary 中有 case.py 不存在的字段"
    assert paths - set(glossary["fields"]) == set(), "case.py 中有字段缺少中文术语"
    assert glossary["fields"]["measures.consumption_restrictions"] == "限制消费令"
    assert glossary["fields"]["measures.dishonest_listings"] == "失信被执行人名单"


@pytest.mark.parametrize("section", sorted(ENUMS))
def test_glossary_enums_match_case_literals(section: str, glossary: dict[str, dict[str, str]]) -> None:
    assert set(glossary[section]) == _literal(ENUMS[section]) - {None}


@pytest.mark.parametrize("section", sorted(OUTPUT_LABELS))
def test_glossary_output_labels_match_their_literals(section: str, glossary: dict[str, dict[str, str]]) -> None:
    assert set(glossary[section]) == _literal(OUTPUT_LABELS[section])


def test_asset_category_terms(glossary: dict[str, dict[str, str]]) -> None:
    assert glossary["asset_categories"] == {
        "pboc": "人民银行", "bank_deposit": "银行存款", "internet_bank": "互联网银行", "securities": "证券",
        "vehicle": "车辆", "real_estate": "不动产", "business_registration": "工商登记（股权）",
        "insurance": "保险", "civil_affairs": "民政", "housing_fund": "住房公积金",
        "wealth_management": "金融理财产品", "dividends": "股息红利", "tax": "税务", "ship": "船舶",
        "other": "其他",
    }
    # 终本规定第五条 (CORROBORATED wording): the five items told to the applicant
    assert list(glossary["interview_items"].values()) == [
        "案件执行情况", "财产调查措施", "被执行人的财产情况", "终结本次执行程序的依据", "法律后果",
    ]
