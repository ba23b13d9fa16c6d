"""The law behind the published version: 法释〔2016〕19号 in the corpus, the rule file, the code's citations,
and the personal-data kind of every record field.

Expected wording is read from corpus/law/caipan-gongbu-2016.md (copied from the national database
mirror), never from the code under test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termination import law
from termination.absence import RECORD_PATHS
from termination.personal import PERSONAL, text_fields
from termination.publish.rules import DOC_NO, rule_file

ROOT = Path(__file__).resolve().parents[2]
DOC = "caipan-gongbu-2016"
_ITEM = "一二三四五六七八九十"


def _provision(article: str, paragraph: int | None, item: int | None) -> str:
    """The text of one 条 / 款 / 项 from the corpus (paragraphs are the lines that are not items)."""
    text = law.article_text(DOC, article)
    assert text is not None, f"{article} 不在语料中或未核实"
    lines = text.split("\n")
    if item is not None:
        # the items of the cited paragraph (or of the article, when it has one list)
        start = 0
        if paragraph is not None:
            paras = [i for i, ln in enumerate(lines) if not ln.startswith("（")]
            start = paras[paragraph - 1]
        items = [ln for ln in lines[start + 1:] if ln.startswith("（")]
        return next(ln for ln in items if ln.startswith(f"（{_ITEM[item - 1]}）"))
    if paragraph is not None:
        paras = [ln for ln in lines if not ln.startswith("（")]
        return paras[paragraph - 1]
    return text


def test_the_regulation_is_in_the_corpus_in_full() -> None:
    meta = law.document_meta(DOC)
    assert meta["doc_no"] == "法释〔2016〕19号" and meta["effective"] == "2016-10-01"
    assert [a for a in law.articles(DOC) if a != "序言"] == [f"第{n}条" for n in (
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
        "十六", "十七", "十八")]
    assert law.article_text(DOC, "第十八条") == (
        "本规定自2016年10月1日起施行。最高人民法院以前发布的司法解释和规范性文件与本规定不一致的，以本规定为准。")


@pytest.mark.parametrize("code", sorted(rule_file().rules))
def test_every_rule_quotes_the_provision_it_cites(code: str) -> None:
    r = rule_file().rules[code]
    assert r.quote in _provision(r.basis.article, r.basis.paragraph, r.basis.item), code


def test_the_rule_file_cites_its_source() -> None:
    sources = (ROOT / "rulesets" / "sources.yaml").read_text(encoding="utf-8")
    assert rule_file().source == DOC and f"corpus: {DOC}" in sources and "doc_no: 法释〔2016〕19号" in sources


_CITE_RE = re.compile(r"法释〔2016〕19号(第[一二三四五六七八九十]+条(?:第[一二三四五六七八九十]+款)?(?:第（[一二三四五六七八九十]+）项)?)")


def test_every_citation_in_the_code_is_a_provision_of_the_rule_file() -> None:
    cited = {m[1] for p in (ROOT / "termination" / "publish").glob("*.py")
             for m in _CITE_RE.finditer(p.read_text(encoding="utf-8"))}
    cited |= {m[1] for m in _CITE_RE.finditer((ROOT / "termination" / "errors.py").read_text(encoding="utf-8"))}
    rules = rule_file().rules.values()
    known = {r.basis.text() for r in rules} | {r.basis.article for r in rules}
    known |= {r.basis.model_copy(update={"item": None}).text() for r in rules}  # 第十条第一款 (the list as a whole)
    assert cited and cited <= known, sorted(cited - known)
    assert "第十条第一款第（一）项" in cited and "第九条第二款" in cited and "第四条第（四）项" in cited


def test_citation_text() -> None:
    r = rule_file().rules
    assert r["D-ID-NUMBER"].citation() == f"{DOC_NO}第十条第一款第（一）项"
    assert r["W-FAMILY"].citation() == f"{DOC_NO}第四条第（四）项"
    assert r["X-PARTIAL"].citation() == f"{DOC_NO}第十条第二款"


def test_every_text_field_of_the_record_has_a_personal_data_kind() -> None:
    missing = text_fields() - set(PERSONAL)
    assert not missing, f"personal.py 未声明这些字段的个人信息种类：{sorted(missing)}"
    assert set(PERSONAL) <= RECORD_PATHS
    assert PERSONAL["respondents[].party.id_number"] == "id_number"
    assert PERSONAL["measures.clues[].description"] == "text"
    assert PERSONAL["court"] is None
