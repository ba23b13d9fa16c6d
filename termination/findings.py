"""Findings: each rule's outcome for one case, worded from its message templates.

Messages are Jinja templates in the rule files (``message``/``remedy``): Jinja is the
authoring language. A template is given only the names it reads. Findings are immutable
and most repeat from case to case (a satisfied rule with the same evidence says the same
thing), so they are shared, together with their JSON.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import jinja2
import jinja2.meta

from termination import text
from termination.case import CaseRecord
from termination.decision import BLOCKING_SEVERITIES, Citation, Finding
from termination.engine import Evaluator
from termination.facts import missing_paths
from termination.rules.conditions import deciding_unknowns
from termination.rules.schema import Rule

_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
_ENV.filters.update(text.FILTERS)

#: A rule in force on a date, with its citations in force: with the quoted text (for findings
#: that need action) and without it (for satisfied ones), and the ids of those provisions.
InForceRule = tuple[Rule, list[Citation], list[Citation], tuple[int, ...]]


class Message:
    """A message template: static text is kept as is; others render with only what they read."""

    def __init__(self, text: str) -> None:
        names = jinja2.meta.find_undeclared_variables(_ENV.parse(text))
        self.static = None if names else text.strip()
        self.names = tuple(sorted(names))
        self.template = _ENV.from_string(text)

    def render(self, context: Mapping[str, Any]) -> str:
        """The message for one case (``context``: facts, ``names``, ``case``, ``as_of``)."""
        if self.static is not None:
            return self.static
        return self.template.render({n: context[n] for n in self.names}).strip()


def compile_messages(rules: Sequence[Rule]) -> dict[tuple[str, str], Message]:
    """Every message of every rule, keyed ``(code, status)``, and ``(code, "remedy")``."""
    messages: dict[tuple[str, str], Message] = {}
    for rule in rules:
        for status, text in rule.message.model_dump().items():
            if text is not None:
                messages[(rule.code, status)] = Message(text)
        messages[(rule.code, "remedy")] = Message(rule.remedy)
    return messages


# Keys hold only values and the ids of citation objects that live as long as the process
# (built once in termination.decide.compiled).
_FINDINGS: dict[tuple[Any, ...], tuple[Finding, str]] = {}  # key → (finding, its JSON)
_FINDINGS_MAX = 4_096  # bounds memory (a few MB); repeated satisfied findings still hit


def build(
    in_force: Sequence[InForceRule],
    messages: Mapping[tuple[str, str], Message],
    evaluator: Evaluator,
    record: CaseRecord,
    on: date,
    facts: Mapping[str, Any],
    names: Mapping[str, list[str]],
    statuses: Mapping[str, str],
) -> tuple[list[Finding], list[str]]:
    """The findings of the rules in force that govern the case's court, and their JSON."""
    context = {**facts, "names": names, "case": record, "as_of": on}
    findings: list[Finding] = []
    findings_json: list[str] = []
    court, court_code = record.court, record.court_code
    for rule, quoted, unquoted, provisions in in_force:
        if not rule.applies_to_court(court, court_code):
            continue  # a local rule of another court (optional overlay)
        status = statuses[rule.code]
        message = messages.get((rule.code, status)) or messages[(rule.code, "satisfied")]
        failing = status in ("violated", "unknown")
        text = message.render(context)
        remedy = messages[(rule.code, "remedy")].render(context) if failing else None
        citations = quoted if failing else unquoted
        read = evaluator.facts_of(rule.code)
        missing = _missing(record, on, rule, facts) if status == "unknown" else ()
        key = (rule.code, status, text, remedy, provisions, tuple([facts[k] for k in read]), missing)
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
                missing=list(missing),
            )
            if len(_FINDINGS) >= _FINDINGS_MAX:
                _FINDINGS.clear()
            cached = _FINDINGS[key] = (finding, finding.model_dump_json())
        findings.append(cached[0])
        findings_json.append(cached[1])
    return findings, findings_json


def _missing(record: CaseRecord, on: date, rule: Rule, facts: Mapping[str, Any]) -> tuple[str, ...]:
    """The record fields behind an unknown finding (``Finding.missing``).

    Of the rule's unknown facts, those whose value can change the outcome; of the record
    fields each of them reads, those absent whose absence means "not established"
    (:mod:`termination.absence`), indexed (``respondents.1.dishonest_grounds``). Empty when
    the unknown has another cause (a period the holiday calendar does not cover).
    """
    paths: dict[str, None] = {}
    for name in deciding_unknowns(rule.applies_when, rule.condition, facts):
        for path in missing_paths(record, on, name):
            paths.setdefault(path, None)
    return tuple(paths)
