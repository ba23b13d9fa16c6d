"""Unknown is never a pass, nothing-to-judge is never a pass, and rules about one requirement agree.

Hypothesis builds records from the sample cases and generated cases by changing what the
published schema leaves open: it drops optional fields and list items, flips yes/no
findings and picks other values of the enumerations. On each record:

1. removing any set of fields whose absence means "not established" (termination/absence.py)
   never turns a finding from unknown or violated into satisfied;
2. a rule with nothing to judge (no listing, no restriction, no clue…) is 不适用, never ✓;
3. the implications of ``rulesets/zhongben/implications.yaml`` hold, and two findings that
   share a requirement ID are never ✓ and ✗ at once unless declared as separate parts.

Bounded: a fixed number of examples, no deadline flakiness (a check takes milliseconds).
"""

from __future__ import annotations

import copy
import json
import random
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from termination.absence import ABSENCE, pattern
from termination.case import CaseRecord
from termination.decide import check
from termination.decision import Decision
from termination.errors import CaseFileError
from termination.io import load_case

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(
    p for p in [*(ROOT / "corpus/cases").glob("*.json"), *(ROOT / "tests/render/cases").glob("*.json")]
    if not p.name.endswith(".expected.json")
)
DECLARED = yaml.safe_load((ROOT / "rulesets/zhongben/implications.yaml").read_text(encoding="utf-8"))
SETTINGS = settings(
    max_examples=120, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _generated(n: int, seed: int) -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT / "bench"))
    import generate  # type: ignore[import-not-found]

    rng = random.Random(seed)
    templates = generate._templates()
    return [
        generate.mutate(copy.deepcopy(templates[rng.randrange(len(templates))][1]), rng, i, rng.random() < 0.5)
        for i in range(n)
    ]


BASES: list[dict[str, Any]] = [json.loads(p.read_text(encoding="utf-8")) for p in SAMPLES] + _generated(20, seed=11)


# ---------------------------------------------------------------- walking a record as JSON


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, Any, Any, Any]]:
    """Every (indexed path, value, parent container, key) of a JSON record."""
    if isinstance(node, dict):
        for key, value in list(node.items()):
            sub = f"{path}.{key}" if path else key
            yield sub, value, node, key
            yield from _walk(value, sub)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}.{i}")


def _present(data: dict[str, Any], kind: str) -> list[str]:
    """Paths of recorded fields whose absence reads ``kind``."""
    return [p for p, v, _, _ in _walk(data) if ABSENCE.get(pattern(p)) == kind and v not in (None, [], False)]


def _drop(data: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    for path in sorted(paths, key=lambda p: -p.count(".")):  # deepest first
        for p, _, parent, key in _walk(out):
            if p == path and isinstance(parent, dict):
                del parent[key]
                break
    return out


ENUMS: dict[str, list[Any]] = {
    "measures.property_reports[].status": ["reported", "none", "late", "refused", "false"],
    "measures.assets[].status": ["disposed", "disposing", "undisposed", "not_disposable"],
    "measures.assets[].disposal_attempts[].outcome": ["sold", "failed", "pending"],
    "respondents[].dishonest_grounds": [[], [1], [4], [1, 4], None],
}


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """A sample or generated record, changed where the schema leaves it open."""
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(0, 6))):
        spots = [(p, v, parent, key) for p, v, parent, key in _walk(data) if pattern(p) in ABSENCE or pattern(p) in ENUMS]
        if not spots:
            break
        path, value, parent, key = draw(st.sampled_from(spots))
        pat = pattern(path)
        action = draw(st.sampled_from(["drop", "flip", "enum", "shorten"]))
        if action == "drop":
            del parent[key]
        elif action == "flip" and isinstance(value, bool):
            parent[key] = not value
        elif action == "enum" and pat in ENUMS:
            parent[key] = draw(st.sampled_from(ENUMS[pat]))
        elif action == "shorten" and isinstance(value, list) and value:
            del value[draw(st.integers(0, len(value) - 1))]
    return data


def _load(data: dict[str, Any]) -> CaseRecord | None:
    try:
        return load_case(data)
    except CaseFileError:
        return None


def _statuses(d: Decision) -> dict[str, str]:
    return {f.rule: f.status for f in d.findings}


# ---------------------------------------------------------------- 1. unknown is never a pass


@SETTINGS
@given(records(), st.data())
def test_removing_a_finding_never_makes_a_rule_pass(data: dict[str, Any], more: st.DataObject) -> None:
    record = _load(data)
    assume(record is not None)
    assert record is not None
    findings = _present(data, "not_established")
    assume(findings)
    removed = more.draw(st.lists(st.sampled_from(findings), min_size=1, max_size=4, unique=True))
    smaller = _load(_drop(data, removed))
    assume(smaller is not None)
    assert smaller is not None
    on = record.termination.proposed_date
    before, after = _statuses(check(record, as_of=on)), _statuses(check(smaller, as_of=on))
    for rule, status in before.items():
        if status in ("unknown", "violated"):
            assert after.get(rule) != "satisfied", f"{rule}: {status} → satisfied after removing {removed}"


# ---------------------------------------------------------------- 2. nothing to judge is 不适用


def _on(record: CaseRecord, d: date | None) -> bool:
    return d is not None and d <= record.termination.proposed_date


SHIXIN_2017 = date(2017, 5, 1)
#: rule → whether the record gives it something to judge (as of the ruling date)
SUBJECT: dict[str, Callable[[CaseRecord], bool]] = {
    "B05": lambda r: "money" in r.claim.claim_types and any(
        _on(r, x.issued_on) and x.issued_on >= SHIXIN_2017
        for x in [*r.measures.enforcement_notices, *r.measures.report_orders]
    ),
    # 终本规定第二条第（二）项: a report to verify (not none/refused); an order unanswered is unknown, never ✓
    "B06": lambda r: any(
        p.status not in ("none", "refused") and (p.received_on is None or _on(r, p.received_on))
        for p in r.measures.property_reports
    ),
    "C02": lambda r: any(_on(r, c.issued_on) for c in r.measures.consumption_restrictions),
    "C03": lambda r: any(
        _on(r, c.issued_on) and r.respondent(c.respondent).party.kind == "organisation"
        for c in r.measures.consumption_restrictions
    ),
    "C04": lambda r: any(
        _on(r, c.issued_on) and r.respondent(c.respondent).party.kind == "person"
        for c in r.measures.consumption_restrictions
    ),
    **{code: (lambda r: any(_on(r, x.decided_on) and x.decided_on >= SHIXIN_2017 for x in r.measures.dishonest_listings))
       for code in ("C07", "C08", "C09")},
    "C06": lambda r: any(
        _on(r, x.decided_on) and x.decided_on >= SHIXIN_2017 and x.ground == 1 for x in r.measures.dishonest_listings
    ),
    "D04": lambda r: any(c.concrete and _on(r, c.received_on) for c in r.measures.clues),
    "D05": lambda r: any(
        c.concrete and c.source == "applicant" and _on(r, c.received_on) and c.received_on >= SHIXIN_2017
        for c in r.measures.clues
    ),
    "D10": lambda r: any(_on(r, a.received_on) for a in r.measures.investigation_applications),
    "D11": lambda r: any(_on(r, a.received_on) and a.received_on >= SHIXIN_2017 for a in r.measures.investigation_applications),
    "D13": lambda r: any(_on(r, q.requested_on) for q in r.measures.network_inquiries),
    "D14": lambda r: bool(r.measures.assets) or any(_on(r, q.requested_on) for q in r.measures.network_inquiries)
    or any(_on(r, o.date) for o in r.measures.onsite_investigations),
    "D15": lambda r: any(a.status == "not_disposable" for a in r.measures.assets),
    "D16": lambda r: any(a.status != "disposed" for a in r.measures.assets),
    "D17": lambda r: bool(r.measures.assets),
}


@SETTINGS
@given(records())
def test_nothing_to_judge_is_not_applicable(data: dict[str, Any]) -> None:
    record = _load(data)
    assume(record is not None)
    assert record is not None
    statuses = _statuses(check(record))
    for rule, has_subject in SUBJECT.items():
        if rule in statuses and not has_subject(record):
            assert statuses[rule] != "satisfied", f"{rule} says ✓ with nothing to judge"


# ---------------------------------------------------------------- 3. rules about one requirement agree


PARTS = {frozenset(p["rules"]) for p in DECLARED["parts"]}


def _unrecorded_reports(record: CaseRecord) -> set[str]:
    """Respondents ordered to report (by the ruling date) whose answer is not recorded."""
    ordered = {o.respondent for o in record.measures.report_orders if _on(record, o.issued_on)}
    answered = {p.respondent for p in record.measures.property_reports if p.received_on is None or _on(record, p.received_on)}
    return ordered - answered


def _already(record: CaseRecord, what: str, ids: set[str]) -> bool:
    if what == "listed":
        done = {x.respondent for x in record.measures.dishonest_listings if _on(record, x.decided_on)}
    else:
        done = {s.target for s in record.measures.sanctions if s.reason == "report_violation" and _on(record, s.decided_on)}
    return ids <= done


def _contradictions(d: Decision, record: CaseRecord) -> list[str]:
    found = []
    statuses = _statuses(d)
    for imp in DECLARED["implications"]:
        if "unless" in imp and _already(record, imp["unless"], _unrecorded_reports(record)):
            continue
        if statuses.get(imp["if"]) in imp["status"]:
            found += [f"{imp['if']} {statuses[imp['if']]} but {t} ✓" for t in imp["then"] if statuses.get(t) == "satisfied"]
    for a in d.findings:
        for b in d.findings:
            if (a.status == "satisfied" and b.status == "violated" and set(a.requirements) & set(b.requirements)
                    and frozenset({a.rule, b.rule}) not in PARTS):
                found.append(f"{sorted(set(a.requirements) & set(b.requirements))} met by {a.rule} and broken by {b.rule}")
    return found


@SETTINGS
@given(records())
def test_rules_about_one_requirement_agree(data: dict[str, Any]) -> None:
    record = _load(data)
    assume(record is not None)
    assert record is not None
    assert _contradictions(check(record), record) == []


def test_the_declared_rules_exist() -> None:
    from termination.decide import compiled

    codes = {r.code for r in compiled().ruleset.rules}
    for imp in DECLARED["implications"]:
        assert {imp["if"], *imp["then"]} <= codes and imp["reason"]
    for part in DECLARED["parts"]:
        assert set(part["rules"]) <= codes and part["reason"]
    assert set(SUBJECT) <= codes


@pytest.mark.parametrize("path", ["respondents.0.dishonest_grounds", "measures.assets.0.accepted_in_lieu"])
def test_drop_removes_exactly_that_field(path: str) -> None:
    data = {"respondents": [{"dishonest_grounds": [1], "x": 1}], "measures": {"assets": [{"accepted_in_lieu": False}]}}
    out = _drop(data, [path])
    assert path.rsplit(".", 1)[1] not in json.dumps(out) and data != out
