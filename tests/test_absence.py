"""The declared reading of absence, the record paths each fact reads, and ``Finding.missing``.

Expected paths are worked out by hand from the sample records and the law.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from termination.absence import PROMPTED, ABSENCE, OPTIONAL_PATHS, RECORD_PATHS, pattern, reading
from termination.case import CaseRecord
from termination.decide import check
from termination.facts import FACTS, derive, trace
from termination.io import load_case
from termination.reads import covered

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(
    p for p in [*(ROOT / "corpus/cases").glob("*.json"), *(ROOT / "tests/render/cases").glob("*.json")]
    if not p.name.endswith(".expected.json")
)
BASE = json.loads((ROOT / "corpus/cases/01-compliant-person.json").read_text(encoding="utf-8"))


def _rule_facts(rule: Any) -> set[str]:
    from termination.rules.conditions import fact_names

    return set(fact_names(rule.condition)) | (set(fact_names(rule.applies_when)) if rule.applies_when else set())


def generated(n: int, seed: int) -> list[CaseRecord]:
    """Cases made by the benchmark generator (mutations of the samples)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import generate  # type: ignore[import-not-found]

    rng = random.Random(seed)
    templates = generate._templates()
    out = []
    for i in range(n):
        _, rec = templates[rng.randrange(len(templates))]
        out.append(load_case(generate.mutate(copy.deepcopy(rec), rng, i, rng.random() < 0.5)))
    return out


RECORDS = [load_case(p) for p in SAMPLES] + generated(60, seed=7)


def test_every_optional_field_has_a_declared_reading() -> None:
    assert set(ABSENCE) == OPTIONAL_PATHS
    assert set(ABSENCE.values()) == {"did_not_happen", "not_established", "detail"}


def test_readings_of_fields_the_law_asks_the_judge_to_find() -> None:
    # 失信规定第一条、第三条; 终本规定第五条; 终本规定第四条 — findings, never presumed
    for path in ("respondents.1.dishonest_grounds", "respondents.0.security_provided",
                 "measures.assets.2.accepted_in_lieu", "claim.amount_recovered", "respondents.0.party.missing"):
        assert reading(path) == "not_established", path
    # events the case system records when they happen
    for path in ("measures.sanctions", "measures.enforcement_notices.0.served_on", "bankruptcy", "measures.assets.0.disposal_attempts"):
        assert reading(path) == "did_not_happen", path
    assert pattern("measures.assets.12.disposal_attempts.3.outcome") == "measures.assets[].disposal_attempts[].outcome"


def test_every_declared_read_is_a_record_field() -> None:
    for d in FACTS.values():
        assert d.reads, f"{d.name} declares no reads"
        assert d.reads <= RECORD_PATHS, d.name


@pytest.mark.parametrize("name", list(FACTS))
def test_facts_read_only_what_they_declare(name: str) -> None:
    """Run over a recording proxy on every sample and 60 generated cases: nothing undeclared is read,
    and the proxy changes no value."""
    read: set[str] = set()
    for record in RECORDS:
        on = record.termination.proposed_date
        value, rec = trace(record, on, name)
        assert value == derive(record, on)[0][name]
        read |= {pattern(p) for p, _ in rec.log}
    undeclared = {p for p in read if not covered(p, FACTS[name].reads)}
    assert not undeclared, f"{name} reads undeclared paths {sorted(undeclared)}"


def case(**changes: Any) -> CaseRecord:
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = data
        for p in parents:
            node = node[int(p)] if p.isdigit() else node[p]
        if value is ...:
            del node[last]
        else:
            node[last] = value
    return load_case(data)


def test_missing_names_the_unassessed_respondent_only() -> None:
    second = copy.deepcopy(BASE["respondents"][0])
    second["party"] = {**second["party"], "id": "R2", "name": "王二"}
    record = case(respondents=[BASE["respondents"][0], {**second, "dishonest_grounds": None}])
    finding = check(record).finding("C05")
    assert finding.status == "unknown"
    assert finding.missing == ["respondents.1.dishonest_grounds"]


def test_missing_is_empty_when_the_finding_is_not_unknown() -> None:
    d = check(case())
    assert d.outcome == "ready"
    assert all(f.missing == [] for f in d.findings)


def test_missing_lists_what_the_applicant_was_told() -> None:
    record = case(interview__items_told=[], interview__opinion=..., interview__agrees=...)
    finding = check(record).finding("F01")
    assert finding.status == "unknown"
    assert set(finding.missing) == {"interview.0.items_told", "interview.0.opinion", "interview.0.agrees"}


def test_missing_leaves_out_fields_that_cannot_change_the_outcome() -> None:
    # the respondent refused to report: 失信规定第一条第（四）项 holds whatever the court's own
    # assessment says, so the unassessed grounds are not what C05 waits for
    record = case(
        respondents__0__dishonest_grounds=..., measures__dishonest_listings=[],
        measures__property_reports=[{"respondent": "R1", "status": "refused"}],
    )
    d = check(record)
    assert d.finding("C05").status == "violated"
    assert d.finding("C05").missing == []


def test_missing_of_the_recovered_amount() -> None:
    record = case(claim__amount_recovered=...)
    d = check(record)
    assert d.finding("A03").status == "unknown"
    assert d.finding("A03").missing == ["claim.amount_recovered"]


def test_missing_is_in_the_json_of_every_finding() -> None:
    payload = json.loads(check(case(claim__amount_recovered=...)).json_text())
    assert payload["decision_version"] == "1.1"
    assert all("missing" in f for f in payload["findings"])


def _value_at(record: CaseRecord, path: str) -> Any:
    node: Any = record
    for part in path.split("."):
        node = node[int(part)] if part.isdigit() else getattr(node, part)
    return node


def test_every_missing_path_is_an_absent_finding_read_by_the_rule() -> None:
    seen = 0
    for record in RECORDS:
        for f in check(record).findings:
            declared = set().union(*(FACTS[n].reads for n in f.evidence))  # the facts the rule read
            for path in f.missing:
                seen += 1
                assert f.status == "unknown"
                assert reading(path) == "not_established" or pattern(path) in PROMPTED
                assert pattern(path) in declared
                assert _value_at(record, path) in (None, [])
    assert seen > 0


def test_deciding_unknowns_leave_out_idle_facts() -> None:
    from termination.rules.conditions import deciding_unknowns
    from pydantic import TypeAdapter

    from termination.rules.conditions import Condition

    def cond(data: dict[str, Any]) -> Any:
        return TypeAdapter(Condition).validate_python(data)

    both = cond({"all": [{"fact": "a", "op": "eq", "value": 0}, {"fact": "b", "op": "eq", "value": True}]})
    assert deciding_unknowns(None, both, {}) == ["a", "b"]
    # b is known false: the rule is violated whatever a is — nothing is deciding
    assert deciding_unknowns(None, both, {"b": False}) == []
    # a = 0 alone does not satisfy; a only matters together with b
    assert deciding_unknowns(None, both, {"b": True}) == ["a"]
