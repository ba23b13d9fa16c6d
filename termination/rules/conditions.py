"""The small condition language of rule files, and its reference evaluator.

A condition is a tree::

    {all: [c, ...]} | {any: [c, ...]} | {not: c} | {fact: NAME, op: OP, value: V}

with ``OP`` one of ``eq ne lt le gt ge in``. Facts are flat: derived by
:mod:`termination.facts` from the case record. A fact that is absent (``None``) is
*unknown*, and conditions use three-valued (Kleene) logic: ``false ∧ unknown = false``,
``true ∧ unknown = unknown``, ``true ∨ unknown = true``, ``¬unknown = unknown``.

This module is the reference semantics. The durable_rules adapter compiles the same trees
to Rete patterns; the test-suite checks both agree on every inline rule case.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Op = Literal["eq", "ne", "lt", "le", "gt", "ge", "in"]
Truth = bool | None  # None = unknown

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
    "gt": operator.gt, "ge": operator.ge, "in": lambda a, b: a in b,
}
#: The comparison that holds exactly when ``op`` does not (for a known value).
NEGATED: dict[str, str] = {"eq": "ne", "ne": "eq", "lt": "ge", "le": "gt", "gt": "le", "ge": "lt"}

Scalar = bool | int | float | str


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Atom(_Node):
    """A comparison of one fact with a constant."""

    fact: str
    op: Op = "eq"
    value: Scalar | list[Scalar]


class All(_Node):
    """Conjunction."""

    all: list[Condition] = Field(min_length=1)


class AnyOf(_Node):
    """Disjunction."""

    any: list[Condition] = Field(min_length=1)


class Not(_Node):
    """Negation."""

    not_: Condition = Field(alias="not")


Condition = Union[Atom, All, AnyOf, Not]
All.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()


def evaluate(cond: Condition, facts: Mapping[str, Any]) -> Truth:
    """Kleene evaluation of ``cond`` over ``facts`` (missing or None = unknown)."""
    if isinstance(cond, Atom):
        value = facts.get(cond.fact)
        if value is None:
            return None
        return bool(_OPS[cond.op](value, cond.value))
    if isinstance(cond, Not):
        inner = evaluate(cond.not_, facts)
        return None if inner is None else not inner
    parts = [evaluate(c, facts) for c in (cond.all if isinstance(cond, All) else cond.any)]
    if isinstance(cond, All):
        return False if False in parts else (None if None in parts else True)
    return True if True in parts else (None if None in parts else False)


def fact_names(cond: Condition) -> Iterator[str]:
    """Every fact name a condition reads."""
    if isinstance(cond, Atom):
        yield cond.fact
    elif isinstance(cond, Not):
        yield from fact_names(cond.not_)
    else:
        for c in cond.all if isinstance(cond, All) else cond.any:
            yield from fact_names(c)


def rule_facts(applies_when: Condition | None, condition: Condition) -> tuple[str, ...]:
    """The fact names a rule reads, in its applicability and its condition, sorted."""
    names = set(fact_names(condition))
    if applies_when is not None:
        names |= set(fact_names(applies_when))
    return tuple(sorted(names))


def outcome(applies_when: Condition | None, condition: Condition, facts: Mapping[str, Any]) -> str:
    """Reference outcome of a rule: ``not_applicable``, ``satisfied``, ``violated`` or ``unknown``.

    Not applicable only when applicability is refuted; satisfied whenever the condition
    holds (even if applicability is unknown, the result is the same either way).
    """
    applies = True if applies_when is None else evaluate(applies_when, facts)
    holds = evaluate(condition, facts)
    if applies is False:
        return "not_applicable"
    if holds is True:
        return "satisfied"
    if holds is False and applies is True:
        return "violated"
    return "unknown"


def atoms(cond: Condition) -> Iterator[Atom]:
    """Every comparison in a condition."""
    if isinstance(cond, Atom):
        yield cond
    elif isinstance(cond, Not):
        yield from atoms(cond.not_)
    else:
        for c in cond.all if isinstance(cond, All) else cond.any:
            yield from atoms(c)


def _candidates(cond_atoms: list[Atom]) -> list[Any]:
    """Values that make each of these comparisons true and false in turn."""
    values: list[Any] = []
    for a in cond_atoms:
        for v in a.value if isinstance(a.value, list) else [a.value]:
            values.append(v)
            if isinstance(v, bool):
                values.append(not v)
            elif isinstance(v, (int, float)):
                values += [v - 1, v + 1]
            else:
                values.append(f"≠{v}")  # a string unequal to v
    return list(dict.fromkeys(values))


def deciding_unknowns(applies_when: Condition | None, condition: Condition, facts: Mapping[str, Any]) -> list[str]:
    """The unknown facts of a rule whose value can change its outcome.

    A fact is deciding when, for some values of the other unknown facts, two values of it
    give different outcomes (tried over the constants the rule compares it with). The
    others are unknown but idle: recording them would change nothing.
    """
    conds = [condition] + ([applies_when] if applies_when is not None else [])
    by_fact: dict[str, list[Atom]] = {}
    for c in conds:
        for a in atoms(c):
            if facts.get(a.fact) is None:
                by_fact.setdefault(a.fact, []).append(a)
    names = list(by_fact)
    choices = {n: _candidates(by_fact[n]) + [None] for n in names}
    deciding: list[str] = []
    for name in names:
        others = [n for n in names if n != name]
        for combo in itertools.product(*(choices[n] for n in others)):
            base = {**facts, **dict(zip(others, combo))}
            results = {outcome(applies_when, condition, {**base, name: v}) for v in choices[name]}
            if len(results) > 1:
                deciding.append(name)
                break
    return deciding
