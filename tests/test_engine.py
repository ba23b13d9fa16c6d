"""The durable_rules adapter agrees with the reference Kleene evaluator, leaks nothing between
cases, and is safe to call from many threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from termination.engine import Engine
from termination.rules.conditions import Atom, fact_names, outcome
from termination.rules.loader import load_ruleset

RULES = load_ruleset().rules
ENGINE = Engine(RULES)


def _atoms(cond: Any) -> list[Atom]:
    if isinstance(cond, Atom):
        return [cond]
    kids = getattr(cond, "all", None) or getattr(cond, "any", None) or [cond.not_]
    return [a for k in kids for a in _atoms(k)]


# Each fact's type, read from the constants it is compared with in the rule files.
FACT_KINDS: dict[str, str] = {}
for _rule in RULES:
    for _cond in filter(None, (_rule.condition, _rule.applies_when)):
        for _atom in _atoms(_cond):
            FACT_KINDS[_atom.fact] = "bool" if isinstance(_atom.value, bool) else "int"


def _value(kind: str) -> st.SearchStrategy[Any]:
    known = st.booleans() if kind == "bool" else st.integers(min_value=0, max_value=12)
    return st.one_of(st.none(), known)


FACTS = st.fixed_dictionaries({name: _value(kind) for name, kind in sorted(FACT_KINDS.items())})


@settings(max_examples=300, deadline=None)
@given(FACTS)
def test_engine_equals_reference_on_random_facts(facts: dict[str, Any]) -> None:
    present = {k: v for k, v in facts.items() if v is not None}
    got = ENGINE.evaluate(present)
    for rule in RULES:
        assert got[rule.code] == outcome(rule.applies_when, rule.condition, present), rule.code


def test_every_rule_fact_is_typed() -> None:
    used = {n for r in RULES for c in filter(None, (r.condition, r.applies_when)) for n in fact_names(c)}
    assert used == set(FACT_KINDS)


def _bad() -> dict[str, Any]:
    return {"respondents_without_notice": 2, "three_months_elapsed": False, "obstructions": 1, "obstructions_unsanctioned": 1}


def _good() -> dict[str, Any]:
    return {"respondents_without_notice": 0, "three_months_elapsed": True, "obstructions": 0, "obstructions_unsanctioned": 0}


def test_no_state_leaks_between_cases() -> None:
    first = ENGINE.evaluate(_bad())
    second = ENGINE.evaluate(_good())
    assert (first["B01"], first["A04"], first["E02"]) == ("violated", "violated", "violated")
    assert (second["B01"], second["A04"], second["E02"]) == ("satisfied", "satisfied", "not_applicable")


def test_many_sessions_are_cleaned_up() -> None:
    # durable_rules allows 1024 live session ids per ruleset: 3000 cases prove deletion works.
    for i in range(3000):
        result = ENGINE.evaluate(_bad() if i % 2 else _good())
    assert result["B01"] == "violated"


def test_concurrent_calls_match_sequential_answers() -> None:
    inputs = [_bad() if i % 3 else _good() for i in range(400)]
    sequential = [ENGINE.evaluate(f) for f in inputs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(ENGINE.evaluate, inputs))
    assert concurrent == sequential


def test_large_conditional_rule_compiles_and_matches_reference() -> None:
    """A conditional rule big enough to exceed durable's 32 expressions per pattern unless split."""
    import itertools

    from termination.rules.schema import Rule

    rule = Rule.model_validate({
        "code": "A99", "title": "t", "group": "A", "category": "实质要件", "requirements": ["R-X"],
        "severity": "blocking", "valid_from": "2016-01-01",
        "legal_basis": [{"source": "s", "label": "x", "verification": "VERIFIED"}],
        "applies_when": {"all": [{"fact": "a", "op": "eq", "value": True}, {"fact": "b", "op": "gt", "value": 0}]},
        "condition": {"all": [{"fact": "c", "op": "eq", "value": 0}, {"fact": "d", "op": "eq", "value": True},
                              {"fact": "e", "op": "le", "value": 10}]},
        "message": {"satisfied": "s", "violated": "v", "unknown": "u"}, "remedy": "r",
        "tests": [{"name": "s", "facts": {}, "expect": "satisfied"}, {"name": "v", "facts": {}, "expect": "violated"}],
    })
    engine = Engine([rule])
    values = {"a": [None, True, False], "b": [None, 0, 1], "c": [None, 0, 1], "d": [None, True, False], "e": [None, 5, 11]}
    for combo in itertools.product(*values.values()):
        facts = {k: v for k, v in zip(values, combo, strict=True) if v is not None}
        assert engine.evaluate(facts)["A99"] == outcome(rule.applies_when, rule.condition, facts), facts


def test_decisions_through_the_reference_evaluator_are_byte_identical_on_every_sample() -> None:
    """The whole decision (findings, messages, evidence, JSON), not only the statuses."""
    from pathlib import Path

    from termination.decide import compiled, decide
    from termination.engine import ReferenceEvaluator
    from termination.io import load_case

    reference = ReferenceEvaluator(compiled().ruleset.rules)
    root = Path(__file__).resolve().parents[1]
    samples = [p for p in sorted((root / "corpus" / "cases").glob("*.json")) if not p.name.endswith(".expected.json")]
    assert len(samples) >= 20
    for path in samples:
        record = load_case(path)
        on = record.termination.proposed_date
        engine = decide(record, on).json_text()
        oracle = decide(record, on, reference).json_text()
        assert oracle == engine.replace('"engine":"durable_rules 2.0.28"', '"engine":"reference evaluator"'), path.name
