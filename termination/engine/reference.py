"""The reference evaluator: the Kleene semantics of :mod:`termination.rules.conditions`, rule by rule.

Slow enough to be obviously right; the durable_rules engine must agree with it on every input
(``tests/test_engine.py``), and ``bench/bench_check.py`` reports it beside the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from termination.rules.conditions import fact_names, outcome
from termination.rules.schema import Rule


class ReferenceEvaluator:
    """Evaluates each rule with :func:`termination.rules.conditions.outcome`."""

    name = "reference evaluator"

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)
        self._rule_facts = {r.code: rule_facts(r) for r in self.rules}

    def facts_of(self, code: str) -> tuple[str, ...]:
        """The fact names one rule reads (its evidence), sorted."""
        return self._rule_facts[code]

    def evaluate(self, facts: Mapping[str, Any]) -> dict[str, str]:
        """``{code: status}`` for every rule; a fact absent or ``None`` is unknown."""
        return {r.code: outcome(r.applies_when, r.condition, facts) for r in self.rules}


def rule_facts(rule: Rule) -> tuple[str, ...]:
    """The fact names a rule reads, in its condition and its applicability, sorted."""
    names = set(fact_names(rule.condition))
    if rule.applies_when is not None:
        names |= set(fact_names(rule.applies_when))
    return tuple(sorted(names))
