"""Check a case against every 终本 rule in force on a date, and build the decision.

The stages of a check, each in its own module: parse and validate the record
(:mod:`termination.io`), derive the facts (:mod:`termination.facts`), evaluate the rules
(:mod:`termination.engine`), word the findings (:mod:`termination.findings`). This module
holds what they share, built once per process (:func:`compiled`), and the orchestration.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from termination import findings as findings_
from termination.case import CaseRecord
from termination.citations import format_citation
from termination.decision import Citation, Decision, replaced
from termination.engine import Engine, Evaluator
from termination.facts import derive
from termination.io import load_case
from termination.messages import Message
from termination.rules.loader import RuleSet, load_ruleset
from termination.rules.schema import LegalBasis, Rule

@dataclass(frozen=True)
class Compiled:
    """What every check shares: rules, message templates, citations (engines: :func:`engine_for`)."""

    ruleset: RuleSet
    messages: dict[tuple[str, str], Message]
    citations: dict[str, list[tuple[LegalBasis, Citation, Citation]]]  # basis, quoted, unquoted
    boundaries: list[date]  # every date on which a rule or a cited provision starts or ends


@lru_cache(maxsize=1)
def compiled() -> Compiled:
    """Rules, message templates and citations: built once per process, on first use."""
    ruleset = load_ruleset()
    citations = {}
    for rule in ruleset.rules:
        quoted = [format_citation(ruleset.sources[b.source], b) for b in rule.legal_basis]
        citations[rule.code] = [
            (b, c, c.model_copy(update={"quote": None})) for b, c in zip(rule.legal_basis, quoted, strict=True)
        ]
    edges: set[date] = set()
    for rule in ruleset.rules:
        for start, end in [(rule.valid_from, rule.valid_to)] + [(b.valid_from, b.valid_to) for b in rule.legal_basis]:
            if start:
                edges.add(start)
            if end:
                edges.add(end + timedelta(days=1))
    messages = findings_.compile_messages(ruleset.rules)
    return Compiled(ruleset, messages, citations, sorted(edges))


def rules_in_force(on: date) -> list[Rule]:
    """The rules that apply on ``on`` (the public rule catalogue)."""
    return list(in_force(on).rules)


def ruleset_version() -> str:
    """The version of the rule set (``rulesets/sources.yaml``)."""
    return compiled().ruleset.version


def citations_for(rule: Rule, on: date) -> list[Citation]:
    """The citations of a rule, limited to the provisions in force on ``on``."""
    return [c for b, c, _ in compiled().citations[rule.code] if b.in_force(on)]


_BY_PERIOD: dict[int, findings_.Period] = {}


def in_force(on: date) -> findings_.Period:
    """The rules in force on a date, with their citations then in force.

    The answer only changes on the dates where a rule or a provision starts or ends, so it is
    cached per period between those dates (a few dozen), not per date.
    """
    c = compiled()
    period = bisect.bisect_right(c.boundaries, on)
    cached = _BY_PERIOD.get(period)
    if cached is None:
        cached = _BY_PERIOD[period] = _compute_in_force(c, on)
    return cached


_SLOTS: dict[tuple[int, tuple[int, ...]], findings_.Slot] = {}  # (id of the rule, its citations in force) → slot


def _compute_in_force(c: Compiled, on: date) -> findings_.Period:
    """The period's slots: one per rule and set of citations in force, shared by every period
    with the same (a rule and its citations mostly outlive several periods: 93 distinct slots
    in the 12 periods since 2016-12, 511 otherwise), so are the findings it has made."""
    slots = []
    for rule in c.ruleset.in_force(on):
        cited = [i for i, (b, _, _) in enumerate(c.citations[rule.code]) if b.in_force(on)]
        key = (id(rule), tuple(cited))  # the slot holds the rule: its id stays its own
        slot = _SLOTS.get(key)
        if slot is None:
            pairs = [c.citations[rule.code][i][1:] for i in cited]
            slot = _SLOTS[key] = findings_.Slot(rule, c.messages, [q for q, _ in pairs], [b for _, b in pairs])
        slots.append(slot)
    return findings_.Period(slots)


def check(case: CaseRecord | Mapping[str, Any] | str | bytes | Path, *, as_of: date | None = None) -> Decision:
    """Decide whether ``case`` may be terminated (终本) as of ``as_of``.

    Args:
        case: a validated record, or anything :func:`termination.io.load_case` accepts.
        as_of: the evaluation date; defaults to the proposed termination (ruling) date.
            The law in force on that date applies, and only measures dated on or before it count.

    Raises:
        CaseFileError: the case record is invalid (nothing is evaluated).
    """
    record = case if isinstance(case, CaseRecord) else load_case(case)
    return decide(record, as_of or record.termination.proposed_date)


def decide(record: CaseRecord, on: date, evaluator: Evaluator | None = None) -> Decision:
    """The decision on a validated record as of ``on``.

    Only the rules that govern the case are evaluated (in force on ``on``; national, or local
    rules of its court), by an engine compiled for exactly those rules, and only the facts
    they and their messages read are derived. ``evaluator`` replaces the engine (tests and
    benchmarks: the reference evaluator).
    """
    scope = in_force(on).scope(record.court, record.court_code)
    facts, names = derive(record, on, scope.facts)
    statuses = (evaluator or engine_for(scope)).evaluate(facts)
    found = findings_.build(scope, record, on, facts, names, statuses)
    return decision(record, on, found, (evaluator or scope.engine).name)


_ENGINES: dict[tuple[str, ...], Engine] = {}
_ENGINES_LOCK = threading.Lock()


def engine_for(scope: findings_.Scope) -> Evaluator:
    """The durable_rules engine compiled for exactly the rules of ``scope``.

    One per distinct set of rules (a handful: the national rules of a few eras, with or without
    a court's local rules), shared by every legal period with that set; ≈ 1.5 MB and 4 ms each.
    """
    if scope.engine is None:
        with _ENGINES_LOCK:
            engine = _ENGINES.get(scope.codes)
            if engine is None:
                engine = _ENGINES[scope.codes] = Engine(scope.rules)
            scope.engine = engine
    return scope.engine  # type: ignore[no-any-return]


def decision(record: CaseRecord, on: date, found: findings_.Found, engine: str) -> Decision:
    """The decision from the findings (and their JSON, spliced by :meth:`Decision.json_text`).

    Built without validation: every value comes from the validated record, the rules and
    :class:`~termination.decision.Finding` models already validated; validating the findings
    once more cost as much as evaluating a third of the rules. It is a copy of one decision
    with every field replaced (:func:`~termination.decision.replaced`: ``model_copy`` without
    pydantic's generic copy, which validates nothing either; ``model_construct`` looks up
    every field's default and alias on each call).
    """
    return replaced(_blank(), {
        "case_number": record.case_number,
        "court": record.court,
        "as_of": on,
        "outcome": "not_ready" if found.blocking else "ready",
        "verdict": "不得终本" if found.blocking else "可以终本",
        "counts": found.counts,
        "blocking_rules": found.blocking,
        "findings": found.findings,
        "ruleset_version": compiled().ruleset.version,
        "engine": engine,
    }, {"_findings_json": found.json})


@lru_cache(maxsize=1)
def _blank() -> Decision:
    """The decision every :func:`decision` copies (each of its fields replaced there)."""
    return Decision.model_construct(
        case_number="", court="", as_of=date.min, outcome="ready", verdict="", counts={}, blocking_rules=[],
        findings=[], ruleset_version="", engine="",
    )
