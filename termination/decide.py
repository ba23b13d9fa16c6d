"""Check a case against every 终本 rule in force on a date, and build the decision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from termination.case import CaseRecord
from termination.citations import format_citation
from termination.decision import BLOCKING_SEVERITIES, Citation, Decision, Finding
from termination.engine import Engine
from termination.facts import derive
from termination.io import load_case
from termination.rules.loader import RuleSet, load_ruleset
from termination.rules.schema import Rule

_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
_ENV.filters["join_cn"] = lambda items: "、".join(str(i) for i in items)


@lru_cache(maxsize=1)
def _compiled() -> tuple[RuleSet, Engine, dict[tuple[str, str], jinja2.Template]]:
    """Rules, engine and message templates: built once per process, on first use."""
    ruleset = load_ruleset()
    templates: dict[tuple[str, str], jinja2.Template] = {}
    for rule in ruleset.rules:
        for status, text in rule.message.model_dump().items():
            if text is not None:
                templates[(rule.code, status)] = _ENV.from_string(text)
        templates[(rule.code, "remedy")] = _ENV.from_string(rule.remedy)
    return ruleset, Engine(ruleset.rules), templates


def rules_in_force(on: date) -> list[Rule]:
    """The rules that apply on ``on`` (the public rule catalogue)."""
    return _compiled()[0].in_force(on)


def citations_for(rule: Rule, on: date) -> list[Citation]:
    """The citations of a rule, limited to the provisions in force on ``on``."""
    sources = _compiled()[0].sources
    return [format_citation(sources[b.source], b) for b in rule.legal_basis if b.in_force(on)]


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
    ruleset, engine, templates = _compiled()
    facts, names = derive(record, on)
    statuses = engine.evaluate(facts)
    context = {**facts, "names": names, "case": record, "as_of": on}
    findings: list[Finding] = []
    for rule in ruleset.in_force(on):
        status = statuses[rule.code]
        template = templates.get((rule.code, status)) or templates[(rule.code, "unknown" if status == "unknown" else "satisfied")]
        failing = status in ("violated", "unknown")
        findings.append(
            Finding(
                rule=rule.code,
                title=rule.title,
                group=rule.group,
                category=rule.category,
                requirements=rule.requirements,
                status=status,  # type: ignore[arg-type]
                severity=rule.severity,
                blocks=failing and rule.severity in BLOCKING_SEVERITIES,
                message=template.render(context),
                remedy=templates[(rule.code, "remedy")].render(context) if failing else None,
                citations=citations_for(rule, on),
                evidence={k: facts[k] for k in engine.facts_of(rule.code)},
            )
        )
    blocking = [f.rule for f in findings if f.blocks]
    return Decision(
        case_number=record.case_number,
        court=record.court,
        as_of=on,
        outcome="not_ready" if blocking else "ready",
        verdict="不得终本" if blocking else "可以终本",
        counts=dict(Counter(f.status for f in findings)),
        blocking_rules=blocking,
        findings=findings,
        ruleset_version=ruleset.version,
        engine="durable_rules 2.0.28",
    )
