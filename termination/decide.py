"""Check a case against every 终本 rule in force on a date, and build the decision."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from collections.abc import Mapping
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from termination import text
from termination.case import CaseRecord
from termination.citations import format_citation
from termination.decision import BLOCKING_SEVERITIES, Citation, Decision, Finding
from termination.engine import Engine
from termination.facts import derive
from termination.io import load_case
from termination.rules.loader import RuleSet, load_ruleset
from termination.rules.schema import LegalBasis, Rule

_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
_ENV.filters.update(text.FILTERS)


class _Message:
    """A message template: static text is kept as is; others render with only what they read."""

    def __init__(self, text: str) -> None:
        names = jinja2.meta.find_undeclared_variables(_ENV.parse(text))
        self.static = None if names else text.strip()
        self.names = tuple(sorted(names))
        self.template = _ENV.from_string(text)

    def render(self, context: Mapping[str, Any]) -> str:
        if self.static is not None:
            return self.static
        return self.template.render({n: context[n] for n in self.names}).strip()


@dataclass(frozen=True)
class _Compiled:
    ruleset: RuleSet
    engine: Engine
    messages: dict[tuple[str, str], _Message]
    citations: dict[str, list[tuple[LegalBasis, Citation, Citation]]]  # basis, quoted, unquoted
    boundaries: list[date]  # every date on which a rule or a cited provision starts or ends


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    """Rules, engine, message templates and citations: built once per process, on first use."""
    ruleset = load_ruleset()
    messages: dict[tuple[str, str], _Message] = {}
    for rule in ruleset.rules:
        for status, text in rule.message.model_dump().items():
            if text is not None:
                messages[(rule.code, status)] = _Message(text)
        messages[(rule.code, "remedy")] = _Message(rule.remedy)
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
    return _Compiled(ruleset, Engine(ruleset.rules), messages, citations, sorted(edges))


def rules_in_force(on: date) -> list[Rule]:
    """The rules that apply on ``on`` (the public rule catalogue)."""
    return [rule for rule, *_ in _in_force(on)]


def ruleset_version() -> str:
    """The version of the rule set (``rulesets/sources.yaml``)."""
    return _compiled().ruleset.version


def citations_for(rule: Rule, on: date) -> list[Citation]:
    """The citations of a rule, limited to the provisions in force on ``on``."""
    return [c for b, c, _ in _compiled().citations[rule.code] if b.in_force(on)]


InForce = tuple[tuple[Rule, list[Citation], list[Citation], tuple[int, ...]], ...]
_BY_PERIOD: dict[int, InForce] = {}


def _in_force(on: date) -> InForce:
    """Rules in force on a date, with their citations in force: with the quoted text (for
    findings that need action) and without it (for satisfied ones), and the ids of the
    provisions in force (a cache key).

    The answer only changes on the dates where a rule or a provision starts or ends, so it is
    cached per period between those dates (a few dozen), not per date.
    """
    compiled = _compiled()
    period = bisect.bisect_right(compiled.boundaries, on)
    cached = _BY_PERIOD.get(period)
    if cached is None:
        cached = _BY_PERIOD[period] = _compute_in_force(compiled, on)
    return cached


def _compute_in_force(compiled: _Compiled, on: date) -> InForce:
    result = []
    for rule in compiled.ruleset.in_force(on):
        in_force = [(quoted, bare) for b, quoted, bare in compiled.citations[rule.code] if b.in_force(on)]
        ids = tuple(id(q) for q, _ in in_force)  # Citation objects live as long as _compiled()
        result.append((rule, [q for q, _ in in_force], [b for _, b in in_force], ids))
    return tuple(result)


# Findings are immutable and most repeat from case to case (a satisfied rule with the same
# evidence says the same thing), so they are shared. Keys hold only values and the ids of
# citation objects that live as long as the process (built once in _compiled).
_FINDINGS: dict[tuple[Any, ...], tuple[Finding, str]] = {}  # key → (finding, its JSON)
_FINDINGS_MAX = 4_096  # bounds memory (a few MB); repeated satisfied findings still hit


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
    on = as_of or record.termination.proposed_date
    compiled = _compiled()
    engine, messages = compiled.engine, compiled.messages
    facts, names = derive(record, on)
    statuses = engine.evaluate(facts)
    context = {**facts, "names": names, "case": record, "as_of": on}
    findings: list[Finding] = []
    findings_json: list[str] = []
    court_code = record.court_code
    for rule, quoted, unquoted, provisions in _in_force(on):
        if not rule.applies_to_court(record.court, court_code):
            continue  # a local rule of another court (optional overlay)
        status = statuses[rule.code]
        message = messages.get((rule.code, status)) or messages[(rule.code, "satisfied")]
        failing = status in ("violated", "unknown")
        text = message.render(context)
        remedy = messages[(rule.code, "remedy")].render(context) if failing else None
        citations = quoted if failing else unquoted
        read = engine.facts_of(rule.code)
        key = (rule.code, status, text, remedy, provisions, tuple([facts[k] for k in read]))
        cached = _FINDINGS.get(key)
        if cached is None:
            finding = Finding(
                rule=rule.code,
                title=rule.title,
                group=rule.group,
                category=rule.category,
                requirements=rule.requirements,
                status=status,  # type: ignore[arg-type]
                severity=rule.severity,
                blocks=failing and rule.severity in BLOCKING_SEVERITIES,
                message=text,
                remedy=remedy,
                citations=citations,
                evidence={k: facts[k] for k in read},
            )
            if len(_FINDINGS) >= _FINDINGS_MAX:
                _FINDINGS.clear()
            cached = _FINDINGS[key] = (finding, finding.model_dump_json())
        findings.append(cached[0])
        findings_json.append(cached[1])
    blocking = [f.rule for f in findings if f.blocks]
    decision = Decision(
        case_number=record.case_number,
        court=record.court,
        as_of=on,
        outcome="not_ready" if blocking else "ready",
        verdict="不得终本" if blocking else "可以终本",
        counts=dict(Counter(f.status for f in findings)),
        blocking_rules=blocking,
        findings=findings,
        ruleset_version=compiled.ruleset.version,
        engine="durable_rules 2.0.28",
    )
    decision._findings_json = ",".join(findings_json)
    return decision
