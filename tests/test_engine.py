"""The durable_rules adapter agrees with the reference Kleene evaluator, leaks nothing between
cases, and is safe to call from many threads."""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termination.engine import Engine
from termination.engine.usual import USUAL
from termination.rules.conditions import Atom, fact_names, outcome
from termination.rules.loader import load_ruleset

RULES = load_ruleset().rules
ENGINE = Engine(RULES)
_TAGS = itertools.count()
STATUSES = ("satisfied", "violated", "unknown", "not_applicable")
# Every way of encoding every rule: each order of the four outcomes as the measured "most common
# first" (termination/engine/usual.py), so every default and every outcome told by both tests.
ORDERS = list(itertools.permutations(STATUSES))


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


def _as_numbers(facts: dict[str, Any]) -> dict[str, Any]:
    """The same facts with flags written as numbers (True → 1, False → 0.0): equal in Python."""
    return {k: (int(v) if v else float(v)) if isinstance(v, bool) else v for k, v in facts.items()}


@settings(max_examples=300, deadline=None)
@given(FACTS)
def test_engine_equals_reference_on_random_facts(facts: dict[str, Any]) -> None:
    present = {k: v for k, v in facts.items() if v is not None}
    got = ENGINE.evaluate(present)
    with_none = ENGINE.evaluate(facts)  # None is unknown, like an absent fact
    # The engine caches each chunk's JSON on its values, and Python's True == 1 == 1.0: durable
    # must compare them alike too, or the cached text of one would stand for the other.
    as_numbers = ENGINE.evaluate(_as_numbers(facts))
    for rule in RULES:
        expected = outcome(rule.applies_when, rule.condition, present)
        assert got[rule.code] == with_none[rule.code] == as_numbers[rule.code] == expected, rule.code


@pytest.fixture(scope="module")
def encoded_every_way() -> list[Engine]:
    return [Engine(RULES, usual=dict.fromkeys((r.code for r in RULES), order)) for order in ORDERS]


@settings(max_examples=60, deadline=None)
@given(facts=FACTS)
def test_every_encoding_equals_reference_on_random_facts(encoded_every_way: list[Engine], facts: dict[str, Any]) -> None:
    """The encoding a rule gets (which outcome matches no test) changes no outcome."""
    for engine in encoded_every_way:
        got = engine.evaluate(facts)
        for rule in RULES:
            assert got[rule.code] == outcome(rule.applies_when, rule.condition, facts), (rule.code, engine.encodings[rule.code].tests)


def test_the_usual_outcome_matches_no_test() -> None:
    """A rule's most common outcome (as measured) is the one that costs no firing."""
    conditional = next(r for r in RULES if r.applies_when is not None)
    unconditional = next(r for r in RULES if r.applies_when is None)
    for order in ORDERS:
        engine = Engine([conditional, unconditional], usual={conditional.code: order, unconditional.code: order})
        assert engine.encodings[conditional.code].default == order[0]
        # an unconditional rule is never not applicable: its most common outcome among the other three
        assert engine.encodings[unconditional.code].default == next(s for s in order if s != "not_applicable")
        # the rarest of the other three is told by both tests, the other two by one each
        assert engine.encodings[conditional.code].decode[3] == order[3]
    assert Engine([conditional]).encodings[conditional.code].default == (USUAL.get(conditional.code) or ("not_applicable",))[0]


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


def test_each_case_gets_its_own_session_and_leaves_none_behind() -> None:
    import durable_rules_engine

    engine = Engine(RULES)
    answers = [engine.evaluate(_bad() if i % 2 else _good()) for i in range(6)]
    assert answers[1]["B01"] == "violated" and answers[2]["B01"] == "satisfied"
    for sid in range(6):  # sessions "0"…"5": one per case, each deleted once evaluated
        with pytest.raises(durable_rules_engine.error, match="error code: 309"):  # sid not found
            durable_rules_engine.get_state(engine._handle, str(sid))


def test_a_failing_case_leaves_no_session_behind_and_the_next_case_is_unaffected() -> None:
    import durable_rules_engine

    from termination.errors import EngineError

    engine = Engine(RULES)

    class FailsOnSecondFact:
        calls = 0

        def __getattr__(self, name: str) -> Any:
            return getattr(durable_rules_engine, name)

        def assert_fact(self, handle: int, fact: str) -> Any:
            self.calls += 1
            if self.calls == 2:
                raise durable_rules_engine.error("Could not assert fact, error code: 303")
            return durable_rules_engine.assert_fact(handle, fact)

    engine._core = FailsOnSecondFact()
    with pytest.raises(EngineError, match="303"):
        engine.evaluate(_bad())
    with pytest.raises(durable_rules_engine.error, match="error code: 309"):
        durable_rules_engine.get_state(engine._handle, "0")
    assert engine.evaluate(_good())["B01"] == "satisfied"


def test_concurrent_calls_match_sequential_answers() -> None:
    inputs = [_bad() if i % 3 else _good() for i in range(400)]
    sequential = [ENGINE.evaluate(f) for f in inputs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(ENGINE.evaluate, inputs))
    assert concurrent == sequential


def _conditional_rule(applies: list[dict[str, Any]], condition: list[dict[str, Any]]) -> Any:
    from termination.rules.schema import Rule

    return Rule.model_validate({
        "code": "A99", "title": "t", "group": "A", "category": "实质要件", "requirements": ["R-X"],
        "severity": "blocking", "valid_from": "2016-01-01",
        "legal_basis": [{"source": "s", "label": "x", "verification": "VERIFIED"}],
        "applies_when": {"all": applies}, "condition": {"all": condition},
        "message": {"satisfied": "s", "violated": "v", "unknown": "u"}, "remedy": "r",
        "tests": [{"name": "s", "facts": {}, "expect": "satisfied"}, {"name": "v", "facts": {}, "expect": "violated"}],
    })


A = {"fact": "a", "op": "eq", "value": True}
B = {"fact": "b", "op": "gt", "value": 0}
C = {"fact": "c", "op": "eq", "value": 0}
D = {"fact": "d", "op": "eq", "value": True}
E = {"fact": "e", "op": "le", "value": 10}
F = {"fact": "f", "op": "in", "value": [1, 2]}
VALUES = {"a": [None, True, False], "b": [None, 0, 1], "c": [None, 0, 1], "d": [None, True, False],
          "e": [None, 5, 11], "f": [None, 1, 3]}


@pytest.mark.parametrize(
    ("applies", "condition", "patterns"),
    [
        ([A, B], [C, D, E], 3),  # its "failing" test holds 15 $and/$or: durable's limit, one pattern
        ([A, B, F], [C, D, E], 5),  # beyond the limit: each test is split into two patterns
    ],
    ids=["at-the-expression-limit", "split"],
)
def test_large_conditional_rule_compiles_and_matches_reference(
    applies: list[dict[str, Any]], condition: list[dict[str, Any]], patterns: int
) -> None:
    """Conditional rules big enough to reach durable's 32 expressions per pattern (error 113)."""
    rule = _conditional_rule(applies, condition)
    engine = Engine([rule])
    assert engine.patterns == patterns  # the sentinel and the rule's (split) tests
    names = sorted({n for c in (*applies, *condition) for n in [c["fact"]]})
    engines = [engine] + [Engine([rule], usual={"A99": order}) for order in ORDERS]  # and encoded every way
    for combo in itertools.product(*(VALUES[n] for n in names)):
        facts = {k: v for k, v in zip(names, combo, strict=True) if v is not None}
        for e in engines:
            assert e.evaluate(facts)["A99"] == outcome(rule.applies_when, rule.condition, facts), (facts, e.encodings["A99"].tests)


def test_the_operator_limit_is_durables() -> None:
    """MAX_OPERATORS $and/$or fit in one durable pattern; one more is error 113."""
    import json

    import durable_rules_engine

    from termination.engine.durable import MAX_OPERATORS

    def nested(k: int) -> dict[str, Any]:
        pattern: dict[str, Any] = {"x": 1}
        for i in range(k):
            pattern = {"$and": [pattern, {f"y{i}": i}]}
        return pattern

    tag = next(_TAGS)  # ruleset names are global to the C core and cannot be registered twice
    durable_rules_engine.create_ruleset(f"limit_ok_{tag}", json.dumps({"r": {"all": [{"m": nested(MAX_OPERATORS)}]}}))
    with pytest.raises(durable_rules_engine.error, match="error code: 113"):
        over = {"r": {"all": [{"m": nested(MAX_OPERATORS + 1)}]}}
        durable_rules_engine.create_ruleset(f"limit_over_{tag}", json.dumps(over))
