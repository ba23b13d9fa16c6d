"""The published version end to end: no personal-data value of a sample or generated record survives,
nothing else is removed (the analyzer finds the five contents of 终本规定第六条 and the record-vs-text
cross-check agrees), 隐名 where 第八条 says so, and no version at all where 第四条 says so.

The personal values searched for are collected here from the records, independently of the code under
test: ID numbers, the part of a natural person's address after its county (cut by a plain rule of this
test: after the first 区/县/旗, else after the city), the names of persons who must be 隐名, and the
values planted in free text (phones, plates, cards, certificate numbers, e-mail, health).
"""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from termination import api
from termination.analysis import analyze_text
from termination.case import CaseRecord
from termination.cli import main
from termination.decide import check
from termination.errors import NotReadyError, WithheldError
from termination.io import load_case
from termination.publish import REPORT_FILE, RULING_FILE, plain_text, publish, redact_record
from termination.render import render_documents
from termination.review.crosscheck import crosscheck
from tests.generated import generator

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "corpus" / "cases").glob("*.json") if not p.name.endswith(".expected.json"))
PERSONAL = ROOT / "tests" / "publish" / "cases" / "personal-data.json"

#: what tests/publish/cases/personal-data.json plants in its free text
PLANTED = ["川A·5K2J8", "5K2J8", "粤BD12345", "BD12345", "13812345678", "6222021234567890128", "6217000000123456786",
           "0012345", "京（2019）朝阳区不动产权第0012345号", "X京房权证朝字第123456号", "123456", "110012345678",
           "51010719900101123X", "010-85123456", "85123456", "lichunhua@example.com", "lch_1975", "尿毒症", "透析",
           "住院", "八里庄西里", "团结湖北里"]


# ---------------------------------------------------------------- the oracle


def below_county(address: str) -> str:
    """The part of an address after its county, by this test's own plain rule."""
    m = re.search(r"[区县旗]", address[:14]) or None
    if m is None:
        cities = [i for i, ch in enumerate(address[:10]) if ch == "市"]
        return address[cities[-1] + 1:] if cities else address
    return address[m.end():]


def personal_values(record: dict[str, Any], anonymised: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Every personal value of a record the published version must not show."""
    values: list[str] = []
    parties = [*record["applicants"], *(r["party"] for r in record["respondents"])]
    for p in parties:
        if p.get("id_number"):
            values.append(p["id_number"])
        if p["kind"] == "person" and p.get("address"):
            values.append(p["address"])
            tail = below_county(p["address"])
            if len(tail) >= 3:
                values.append(tail)
            values += re.findall(r"[\u4e00-\u9fff]{2,}(?:路|街|巷|弄|里|大道)(?=\d)", tail)
        if p["kind"] == "person" and p["name"] in anonymised:
            values.append(p["name"])
    people = {p["id"] for p in parties if p["kind"] == "person"}
    for o in record.get("measures", {}).get("onsite_investigations", []):
        if o["respondent"] in people:
            tail = below_county(o["place"])
            if len(tail) >= 3:
                values.append(tail)
    return values


_INDEPENDENT = (  # what must not be left in any published text, whatever the record says
    re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)"),  # an 18-character ID-like number
    re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"),  # a mobile number
    re.compile(r"(?<!\d)62\d{14,17}(?!\d)"),  # a UnionPay card
    re.compile(r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·]?[A-Z0-9]{5,6}"),  # a plate
    re.compile(r"\d+号楼\d+单元"),  # a flat
)


def survivors(text: str, values: list[str]) -> list[str]:
    found = [v for v in values if v and v in text]
    found += [m[0] for rx in _INDEPENDENT for m in rx.finditer(text)]
    return found


def defects(record: CaseRecord, text: str) -> list[str]:
    """What a reviewer would hold against a published ruling of a ready record (as the round-trip test)."""
    analysis = analyze_text(text, filing_date=record.filing_date)
    out = [] if analysis.is_zhongben else [f"kind {analysis.kind}"]
    out += [f"content {n} absent" for n in ("claim", "process", "property", "realized")
            if not getattr(analysis.contents, n).present]
    if analysis.contents.rights.grade != "complete":
        out.append(f"rights {analysis.contents.rights.grade}")
    out += [f"{p.code}: {p.message}" for p in analysis.problems]
    out += [f"{m.code}: {m.message}" for m in crosscheck(record, analysis, text)]
    return out


def _published(record: CaseRecord, fmt: str = "txt") -> tuple[str, str]:
    pub = publish(record, check(record), fmt=fmt)
    assert set(pub.files) == {f"{RULING_FILE}.{fmt}", REPORT_FILE}
    return plain_text(pub.files[f"{RULING_FILE}.{fmt}"], fmt), pub.files[REPORT_FILE].decode("utf-8")


# ---------------------------------------------------------------- the record full of personal data


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_no_planted_value_survives_and_nothing_else_is_removed(fmt: str) -> None:
    record = load_case(PERSONAL)
    raw = json.loads(PERSONAL.read_text(encoding="utf-8"))
    values = [*PLANTED, *personal_values(raw)]
    text, report = _published(record, fmt)
    assert survivors(text, values) == [] and survivors(report, values) == []
    assert defects(record, text) == []
    # kept (第十一条第（一）项): names, birth dates, sex, the county; the court, judges and clerk
    for kept in ("李春华，女，1975年6月12日出生，汉族，住北京市朝阳区。", "被执行人：张建国", "审判员　王立新", "书记员　赵晓雪",
                 "北京市明正律师事务所", "（2024）京0105执12346号", "川A××", "卡号××"):
        assert kept in text, kept
    assert "身患" not in text and "名下有中国工商银行账户（账号××）存款" in text


def test_the_report_names_each_redaction_and_its_article() -> None:
    _, report = _published(load_case(PERSONAL))
    assert "被执行人第1项·当事人·公民身份号码：删除身份证号码，整项删除（第十条第一款第（一）项）" in report
    assert "申请执行人第1项·住所地：删除县级以下住址，公布版为“北京市朝阳区”（第十条第一款第（一）项、第十一条第（一）项）" in report
    assert re.search(r"执行措施·财产线索第1项·内容：删除车牌号码.*第十条第一款第（二）项、第十条第二款", report)
    assert "执行措施·现场调查第1项·结果：删除健康状况" in report
    assert "涉及国家秘密的不在互联网公布（第四条第（一）项）" in report  # what the judge must confirm


# ---------------------------------------------------------------- every sample


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_no_personal_value_of_a_sample_survives(path: Path) -> None:
    record = load_case(path)
    values = personal_values(json.loads(path.read_text(encoding="utf-8")))
    decision = check(record)
    if decision.ready:
        text, report = _published(record)
        assert survivors(text, values) == [] and survivors(report, values) == []
        assert defects(record, text) == []
    else:  # no published version of a case not ready: the redacted record itself, rendered as a draft
        with pytest.raises(NotReadyError):
            publish(record, decision)
        redacted, _, _ = redact_record(record)
        # the redacted record's own decision: the original's messages quote record text (a plate in an
        # asset's description) that redaction removed
        draft = render_documents(redacted, check(redacted), draft=True, only=["ruling"], fmt="txt")["执行裁定书.txt"]
        assert survivors(draft.decode("utf-8"), values) == []


# ---------------------------------------------------------------- generated records


def _id_number(rng: random.Random) -> str:
    from stdnum.cn import ric

    base = f"{rng.choice(['110105', '310115', '510107', '440106'])}{rng.randint(1950, 2000)}{rng.randint(1, 12):02d}" \
           f"{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
    return base + ric.calc_check_digit(base + "0")


def _card(rng: random.Random) -> str:
    from stdnum import luhn

    base = "62" + "".join(str(rng.randint(0, 9)) for _ in range(15))
    return base + luhn.calc_check_digit(base)


def plant(rec: dict[str, Any], rng: random.Random) -> list[str]:
    """Personal data written into a generated record's personal fields and free text; returns it."""
    planted: list[str] = []
    for p in [*rec["applicants"], *(r["party"] for r in rec["respondents"])]:
        if p["kind"] == "person":
            p["id_number"] = _id_number(rng)
    m = rec.setdefault("measures", {})
    phone = f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}"
    plate = f"{rng.choice('京沪川粤浙苏')}{rng.choice('ABCDE')}·{rng.randint(1, 9)}{rng.choice('KLMNP')}{rng.randint(100, 999)}"
    card = _card(rng)
    for clue in m.get("clues", []):
        clue["description"] = f"{clue.get('description') or '财产线索'}，车牌号{plate}，线索提供人电话{phone}"
        planted += [plate, plate.replace("·", ""), phone]
    for asset in m.get("assets", []):
        asset["description"] = f"{asset['description']}（账号{card}）"
        planted.append(card)
    for report in m.get("property_reports", []):
        report["verification_result"] = f"{report.get('verification_result') or '已核查'}；被执行人称其患有糖尿病"
        planted.append("糖尿病")
    return planted


def test_no_personal_value_of_generated_records_survives() -> None:
    gen = generator()
    rng = random.Random(17)
    templates = [t for t in gen._templates() if t[0] in gen.COMPLIANT]
    published = 0
    for i in range(24):
        _, template = rng.choice(templates)
        rec = gen.mutate(template, rng, 20000 + i, True)
        planted = plant(copy.deepcopy(rec) and rec, rng)
        record = CaseRecord.model_validate(rec)
        if not check(record).ready:
            continue
        text, report = _published(record)
        values = [*planted, *personal_values(rec)]
        assert survivors(text, values) == [] and survivors(report, values) == [], rec["case_number"]
        assert defects(record, text) == [], rec["case_number"]
        published += 1
    assert published >= 18


# ---------------------------------------------------------------- 隐名 (第八条、第九条)


def _variant(**changes: Any) -> dict[str, Any]:
    rec: dict[str, Any] = json.loads(PERSONAL.read_text(encoding="utf-8"))
    for path, value in changes.items():
        target = rec
        keys = path.split("__")
        for k in keys[:-1]:
            target = target[int(k)] if k.isdigit() else target[k]
        target[keys[-1]] = value
    return rec


def test_family_case_parties_are_named_by_surname_and_analysis_still_reads_them() -> None:
    rec = _variant(cause="赡养费纠纷", applicants__0__name="张春华",
                   basis__obligation="张建国每月支付张春华赡养费1,000元")
    record = CaseRecord.model_validate(rec)
    text, report = _published(record)
    assert "张建国" not in text and "张春华" not in text
    assert "申请执行人：张某1，女" in text and "被执行人：张某2，男" in text  # 第九条第二款
    assert "张某2每月支付张某1赡养费1,000元" in text
    assert "婚姻家庭、继承纠纷案件的当事人隐名（第八条第（一）项、第九条第一款第（一）项）" in report
    assert defects(record, text) == []


def test_minor_applicant_and_the_agent_who_is_not_a_lawyer() -> None:
    rec = _variant(applicants__0__birth_date="2010-05-01")
    rec["applicants"][0]["agent"] = {"name": "李国强", "special_authority": True}
    rec["interview"]["interviewee"] = "李国强"
    rec["approval"]["applicant_confirmation"]["signed_by"] = "李国强"
    record = CaseRecord.model_validate(rec)
    text, report = _published(record)
    assert "李春华" not in text and "李国强" not in text and "被执行人：张建国" in text
    assert "申请执行人：李某1" in text and "李某2" in text
    assert "未成年人隐名（第八条第（三）项" in report


def test_criminal_case_victim_is_named_by_surname() -> None:
    rec = _variant(basis__document_type="刑事附带民事判决书")
    text, report = _published(CaseRecord.model_validate(rec))
    assert "申请执行人：李某，女" in text and "被执行人：张建国" in text
    assert "刑事案件被害人、附带民事诉讼原告人隐名（第八条第（二）项" in report
    assert "请核对犯罪时的年龄" in report


# ---------------------------------------------------------------- withheld (第四条、第六条)


@pytest.mark.parametrize(("changes", "reason"), [
    ({"cause": "离婚纠纷"}, "第四条第（四）项"),
    ({"cause": "抚养费纠纷"}, "第四条第（四）项"),
    ({"basis__obligation": "张建国每月支付婚生女抚养费2,000元"}, "第四条第（四）项"),
    ({"basis__document_type": "刑事判决书", "respondents__0__party__birth_date": "2006-05-01",
      "basis__effective_date": "2023-12-20"}, "第四条第（二）项"),
])
def test_withheld_cases_get_no_version(changes: dict[str, Any], reason: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    rec = _variant(**changes)
    with pytest.raises(WithheldError) as err:
        publish(CaseRecord.model_validate(rec), check(CaseRecord.model_validate(rec)))
    assert reason in str(err.value)
    case = tmp_path / "case.json"
    case.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    assert main(["render", str(case), "-o", str(tmp_path / "out"), "--publish"]) == 5
    assert not (tmp_path / "out").exists()
    message = capsys.readouterr().err
    assert "依法不在互联网公布" in message and "案号：（2024）京0105执12346号" in message and "不公开理由" in message


# ---------------------------------------------------------------- the command line and the API


def test_command_line_writes_the_ruling_and_the_report(tmp_path: Path) -> None:
    assert main(["render", str(PERSONAL), "-o", str(tmp_path), "--publish"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{RULING_FILE}.docx", REPORT_FILE])


@pytest.mark.parametrize("extra", [["--draft"], ["--only", "notice"], ["--only", "ruling,report"]])
def test_publish_is_of_the_made_ruling_only(extra: list[str], tmp_path: Path) -> None:
    assert main(["render", str(PERSONAL), "-o", str(tmp_path / "out"), "--publish", *extra]) == 2
    assert not (tmp_path / "out").exists()


def test_api_render_publish() -> None:
    files = api.render(PERSONAL, publish=True, fmt="txt", only=["ruling"])
    assert set(files) == {f"{RULING_FILE}.txt", REPORT_FILE}
    assert "13812345678" not in files[f"{RULING_FILE}.txt"].decode("utf-8")
