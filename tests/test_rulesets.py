"""Every inline test case of every rule file, through durable_rules and the reference evaluator."""

from __future__ import annotations

from functools import lru_cache

import pytest

from termination.engine import Engine
from termination.rules.conditions import outcome
from termination.rules.loader import load_ruleset
from termination.rules.schema import Rule

RULESET = load_ruleset()
CASES = [(rule, test) for rule in RULESET.rules for test in rule.tests]


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine(RULESET.rules)


def reference_status(rule: Rule, facts: dict[str, object]) -> str:
    return outcome(rule.applies_when, rule.condition, facts)


@pytest.mark.parametrize(("rule", "test"), CASES, ids=[f"{r.code}::{t.name}" for r, t in CASES])
def test_inline_case_durable(rule: Rule, test) -> None:  # type: ignore[no-untyped-def]
    assert engine().evaluate(test.facts)[rule.code] == test.expect


@pytest.mark.parametrize(("rule", "test"), CASES, ids=[f"{r.code}::{t.name}" for r, t in CASES])
def test_inline_case_reference(rule: Rule, test) -> None:  # type: ignore[no-untyped-def]
    assert reference_status(rule, test.facts) == test.expect


def test_every_rule_has_both_outcomes_and_cites_requirements() -> None:
    for rule in RULESET.rules:
        expects = {t.expect for t in rule.tests}
        assert {"satisfied", "violated"} <= expects, rule.code
        assert all(r.startswith("R-") for r in rule.requirements), rule.code
        assert rule.legal_basis, rule.code


def test_every_requirement_of_groups_a_to_g_is_encoded_or_declared() -> None:
    """§13 A–G of the legal reference, copied to tests/data (L-JL-2(4) normalised to R-L-JL-2(4))."""
    from pathlib import Path

    wanted = set(Path(__file__).with_name("data").joinpath("requirements_a_g.txt").read_text().split())
    encoded = {r for rule in RULESET.rules for r in rule.requirements}
    declared = {n.requirement for n in RULESET.not_encoded.not_encoded}
    assert wanted - encoded - declared == set()
    assert (encoded | declared) - wanted == set()
    assert encoded & declared == set()
