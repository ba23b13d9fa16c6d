"""Evaluators: what decides each rule's outcome from the derived facts of one case.

Two implementations of one :class:`Evaluator` protocol:

* :class:`termination.engine.durable.Engine` — durable_rules (Rete, C core): the engine the
  product is built on and the one :func:`termination.decide.check` uses;
* :class:`termination.engine.reference.ReferenceEvaluator` — the pure-Python Kleene
  evaluator of :mod:`termination.rules.conditions`: the oracle the tests compare the engine
  with, and the anchor the benchmarks report beside it.

Only :mod:`termination.engine.durable` imports durable_rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from termination.engine.durable import Engine
from termination.engine.reference import ReferenceEvaluator
from termination.rules.schema import Rule

__all__ = ["Engine", "Evaluator", "ReferenceEvaluator"]


class Evaluator(Protocol):
    """Outcome of every rule for one case's facts."""

    rules: list[Rule]
    name: str  # as the decision names it, e.g. "durable_rules 2.0.28"

    def evaluate(self, facts: Mapping[str, Any]) -> dict[str, str]:
        """``{code: status}`` for every rule; a fact absent or ``None`` is unknown."""
        ...
