"""termination.glossary: one label table for the whole package, read from corpus/glossary.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termination import glossary
from termination.render import _environment

ROOT = Path(__file__).resolve().parents[1]


def test_field_labels() -> None:
    assert glossary.field("interview.items_told") == "告知事项"
    assert glossary.field("respondents[1].party.name") == "姓名或名称"  # indices are dropped
    assert glossary.field("respondents.1.party.name") == "姓名或名称"
    assert glossary.field_chain("measures.searches.date") == ("执行措施", "搜查", "日期")
    with pytest.raises(KeyError, match="interview.nonsense"):
        glossary.field("interview.nonsense")


def test_terms() -> None:
    assert glossary.term("asset_categories", "pboc") == "人民银行"
    assert glossary.term("finding_statuses", "unknown") == "待补充"
    assert list(glossary.terms("severities")) == ["blocking", "system", "warning", "local"]
    assert glossary.terms("verifications")["UNOFFICIAL"] == "非官方复现"
    with pytest.raises(KeyError, match="asset_categories.gold"):
        glossary.term("asset_categories", "gold")
    with pytest.raises(KeyError, match="no section"):
        len(glossary.terms("colours"))


def test_jinja_term_filter() -> None:
    template = _environment().from_string('{{ "real_estate" | term("asset_categories") }}')
    assert template.render() == "不动产"


# Each document wording of _wording.j2 → the glossary section whose values it words (all of them,
# unless the document never prints a value: asset_status "not_disposable" has its own sentence).
_WORDING_SECTIONS = {
    "asset": "asset_categories",
    "interview_items": "interview_items",
    "capacity": "interview_capacities",
    "interview_mode": "interview_modes",
    "sanction_reason": "sanction_reasons",
    "lift_reason": "lift_reasons",
    "report_status": "report_status",
    "severity_note": "severities",
}


def test_document_wording_covers_every_value() -> None:
    wording = _environment().get_template("_wording.j2").module
    for name, section in _WORDING_SECTIONS.items():
        assert set(getattr(wording, name)) == set(glossary.terms(section)), name
    assert set(wording.asset_status) == set(glossary.terms("asset_status")) - {"not_disposable"}
    assert list(wording.rule_group) == list("ABCDEFG")


# Label tables that still live in code, each with the reason it is not a glossary lookup yet.
# The list may only shrink.
_LABEL_TABLES_TODO = {
    # rule-message wording (终本规定第三条、第五条 phrasing) built by facts into names lists; it moves
    # into the rule messages once facts emit codes (law engineer, #10/#16)
    ("termination/facts.py", "INTERVIEW_LABEL"),
    ("termination/facts.py", "CATEGORY_LABEL"),
}


def test_no_label_table_outside_the_glossary() -> None:
    table = re.compile(r"^\s*([A-Z][A-Z0-9_]*_LABELS?)\s*(?::[^=]*)?=\s*(?:dict\()?\{", re.M)
    found = set()
    for path in sorted((ROOT / "termination").rglob("*.py")):
        for m in table.finditer(path.read_text(encoding="utf-8")):
            found.add((path.relative_to(ROOT).as_posix(), m.group(1)))
    assert found == _LABEL_TABLES_TODO
