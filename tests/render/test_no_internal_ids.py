"""Documents are read and signed by judges: no rule code (A01…, F01) and no field path of the
case record appears in any document, final or draft, of any sample case (the CLI's `check`
list keeps its codes; documents name a rule by its title)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termination.io import load_case
from termination.decide import check
from termination.render import render_documents

from tests.render.support import case_files

#: a rule code of the check (A01, F08, G02…) standing alone, not inside a case number or an amount
RULE_CODE = re.compile(r"(?<![A-Za-z0-9])[A-H]\d{2}(?![0-9])")
#: a field path of the record (interview[].items_told, respondents.party, measures.network_inquiries)
FIELD_PATH = re.compile(r"[a-z_]+(?:\[\])?\.[a-z_]+|[a-z]+_[a-z_]+")


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_no_document_shows_a_rule_code_or_a_field_path(path: Path) -> None:
    case = load_case(path.read_text(encoding="utf-8"))
    decision = check(case)
    variants = [True] + ([False] if decision.ready else [])
    for draft in variants:
        for name, data in render_documents(case, decision, draft=draft, fmt="txt").items():
            text = data.decode("utf-8")
            assert not RULE_CODE.findall(text), (name, draft, RULE_CODE.findall(text)[:5])
            assert not FIELD_PATH.findall(text), (name, draft, FIELD_PATH.findall(text)[:5])


def test_the_patterns_find_what_they_guard_against() -> None:
    assert RULE_CODE.findall("1. F01 告知申请执行人") == ["F01"]
    assert not RULE_CODE.findall("（2024）京0105执12345号，金额1,000.00元")
    assert FIELD_PATH.findall("缺少 interview[].items_told") == ["interview[].items_told"]
