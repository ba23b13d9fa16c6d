"""The question generator: what it asks, in what words, why, and in which order."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from termination import api
from termination.absence import ABSENCE, NOT, OPTIONAL_PATHS
from termination.io import load_case
from termination.questions import bootstrap, questions, read_patterns, resolve, wording

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted(p for p in (ROOT / "corpus" / "cases").glob("*.json") if not p.name.endswith(".expected.json"))
#: what a person must never read in a question: record field names, rule codes, requirement IDs
_IDENTIFIER = re.compile(r"[a-z]+_[a-z_]+|\b[A-G]\d{2}\b|R-[A-Z0-9-]+")


def _questions(case: Path) -> list:  # type: ignore[type-arg]
    record = load_case(case)
    return questions(record, api.check(record), json.loads(case.read_text(encoding="utf-8")))


def test_an_empty_case_is_asked_the_required_facts_in_the_order_of_the_record() -> None:
    keys = [q.key for q in bootstrap({})]
    assert keys == ["court", "case_number", "filing_date", "applicants+", "respondents+", "basis", "claim",
                    "termination"]
    claim = next(q for q in bootstrap({}) if q.key == "claim")
    kinds = [(i.path, i.kind) for i in claim.inputs][:2]
    assert kinds == [("claim.claim_types", "multi"), ("claim.amount_due", "amount")]
    assert dict(claim.inputs[0].choices)["money"] == "金钱给付"  # glossary terms, not identifiers


def test_a_partly_filled_case_is_asked_only_what_it_lacks() -> None:
    draft = {"court": "北京市朝阳区人民法院", "basis": {"document_number": "（2023）京0105民初5678号"}}
    keys = [q.key for q in bootstrap(draft)]
    assert "court" not in keys and "basis" not in keys
    assert "basis.issuing_body" in keys  # inside an object already begun, the one missing field


def test_every_finding_the_law_leaves_open_has_its_own_wording() -> None:
    ask = wording()
    for path, reading in ABSENCE.items():
        if reading == NOT and path in read_patterns():
            assert path in ask or path.replace("[]", "") in ask, f"no question wording for {path}"
    for path in ask:  # and every wording belongs to a real field, list or object of the record
        resolve(path)
    for path in OPTIONAL_PATHS:
        _, shape = resolve(path)
        timeline = shape.kind == "list" and shape.item is not None and shape.item.kind == "model"
        if timeline and path.startswith("measures."):
            assert path in ask, f"no wording to add an item to {path}"


def test_unknown_findings_become_questions_for_the_fields_they_name() -> None:
    qs = _questions(ROOT / "corpus/cases/16-dishonest-grounds-unassessed.json")
    q = next(q for q in qs if q.path.endswith("dishonest_grounds"))
    assert q.kind == "multi" and len(q.choices) == 6
    assert q.choices[0][1] == "（一）有履行能力而拒不履行生效法律文书确定义务的"  # 《失信规定》第一条 verbatim
    assert "失信规定" in q.reason and q.blocking
    assert "C05" in q.findings


def test_a_missing_measure_is_asked_as_one_to_add_with_the_right_inputs() -> None:
    qs = _questions(ROOT / "corpus/cases/04-no-consumption-restriction.json")
    q = qs[0]
    assert q.key == "measures.consumption_restrictions+" and q.kind == "add"
    kinds = {i.path.rsplit(".", 1)[-1]: i.kind for i in q.inputs}
    assert kinds["respondent"] == "party" and kinds["issued_on"] == "date"
    assert all(i.path.startswith("measures.consumption_restrictions.0.") for i in q.inputs)  # the first item
    assert "限制消费令" in q.label and "终本规定" in q.reason


def test_a_ready_case_raises_no_blocking_question() -> None:
    assert not [q for q in _questions(ROOT / "corpus/cases/01-compliant-person.json") if q.blocking]


def test_blocking_questions_come_first() -> None:
    qs = _questions(ROOT / "corpus/cases/20-amount-recovered-missing.json")
    ranks = [0 if q.blocking else 1 for q in qs]
    assert qs and ranks == sorted(ranks)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_no_question_shows_a_field_name_or_a_rule_code(case: Path) -> None:
    for q in _questions(case):
        assert not _IDENTIFIER.search(q.label), q.label
        assert not _IDENTIFIER.search(q.reason), q.reason
        for i in q.inputs:
            assert not _IDENTIFIER.search(i.label + i.help), (i.label, i.help)
            assert all(not _IDENTIFIER.search(label) for _, label in i.choices if i.kind != "party")


def test_who_signed_or_was_heard_is_a_choice_among_the_applicants_by_name() -> None:
    from termination.questions import question_for

    draft = json.loads((ROOT / "corpus/cases/01-compliant-person.json").read_text(encoding="utf-8"))
    for path in ("approval.applicant_confirmation.0.applicant", "interview.0.applicant"):
        q = question_for(path, draft)
        assert q is not None and q.kind == "party", path
        assert q.choices == (("A1", "李春华"),)  # the judge picks a name, never an id
