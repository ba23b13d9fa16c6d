"""The reference evaluator: the Kleene semantics of :mod:`termination.rules.conditions`, rule by rule.

Slow enough to be obviously right; the durable_rules engine must agree with it on every input
(``tests/test_engine.py``), and ``bench/bench_check.py`` reports it beside the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from termination.rules.conditions import outcome
from termination.rules.schema import Rule


class ReferenceEvaluator:
    """Evaluates each rule with :func:`termination.rules.conditions.outcome`."""

    name = "reference evaluator"

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)

    def evaluate(self, facts: Mapping[str, Any]) -> dict[str, str]:
        """``{code: status}`` for every rule; a fact absent or ``None`` is unknown."""
        return {r.code: outcome(r.applies_when, r.condition, facts) for r in self.rules}

