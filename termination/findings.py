"""Findings: each rule's outcome for one case, worded from its message templates.

Messages are Jinja templates in the rule files (``message``/``remedy``), compiled once to
plain functions (:mod:`termination.messages`). Findings are immutable and most repeat from
case to case (a satisfied rule with the same evidence says the same thing), so each rule in
force in a legal period (a :class:`Slot`) keeps the findings it made, with their JSON, keyed
on everything a finding holds that varies: status, message, remedy and evidence. When only
the message differs (a date in it), the finding is copied from one that differs only there.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import pydantic_core

from termination.case import CaseRecord
from termination.decision import BLOCKING_SEVERITIES, Citation, Finding
from termination.facts import FACTS, missing_paths
from termination.messages import Message
from termination.rules.conditions import deciding_unknowns, rule_facts
from termination.rules.schema import Rule

FAILING = frozenset({"violated", "unknown"})
_CACHE_MAX = 32  # findings kept per rule and period: bounds memory; repeated findings still hit


def compile_messages(rules: Sequence[Rule]) -> dict[tuple[str, str], Message]:
    """Every message of every rule, keyed ``(code, status)``, and ``(code, "remedy")``."""
    messages: dict[tuple[str, str], Message] = {}
    for rule in rules:
        for status, text in rule.message.model_dump().items():
            if text is not None:
                messages[(rule.code, status)] = Message(text)
        messages[(rule.code, "remedy")] = Message(rule.remedy)
    return messages


def _reader(names: Sequence[str]) -> Callable[[Mapping[str, Any]], Any]:
    """``facts →`` the values of ``names`` at C speed: a tuple, or the one value itself."""
    if names:
        return operator.itemgetter(*names)
    return lambda facts: ()


class Slot:
    """One rule in force in one legal period: its messages, the citations then in force
    (quoted for findings that need action, bare for the others) and the findings it made."""

    def __init__(
        self, rule: Rule, messages: Mapping[tuple[str, str], Message], quoted: list[Citation], unquoted: list[Citation]
    ) -> None:
        self.rule, self.code = rule, rule.code
        self.local = rule.jurisdiction is not None
        satisfied = messages[(rule.code, "satisfied")]
        self.messages = {s: messages.get((rule.code, s), satisfied) for s in ("satisfied", "violated", "unknown", "not_applicable")}
        self.remedy = messages[(rule.code, "remedy")]
        self.quoted, self.unquoted = quoted, unquoted
        self.evidence = rule_facts(rule.applies_when, rule.condition)
        self.read = _reader(self.evidence)
        # the facts a check must derive for this rule: what it reads and what its messages name
        wording = [*self.messages.values(), self.remedy]
        named = {n for m in wording for n in m.names} | {k.removesuffix("_unknown") for m in wording for k in m.name_keys}
        self.facts = frozenset(self.evidence) | {n for n in named if n in FACTS}
        self.single = len(self.evidence) == 1  # read gives the value itself, not a tuple
        self.findings: dict[tuple[Any, ...], tuple[Finding, str]] = {}  # key → (finding, its JSON)
        self.shapes: dict[tuple[Any, ...], tuple[Finding, str, str]] = {}  # all but the message → JSON around it

    def finding(
        self, status: str, text: str, remedy: str | None, values: Any, exact: bool, missing: tuple[str, ...] = ()
    ) -> tuple[Finding, str]:
        """The finding (and its JSON) of this rule for one case (``values``: as :attr:`read` gives them)."""
        kinds = (type(values),) if self.single else tuple(map(type, values))
        shape = (status, remedy, values, missing) if exact else (status, remedy, values, missing, kinds)
        key = (text, *shape)
        cached = self.findings.get(key)
        if cached is not None:
            return cached
        around = self.shapes.get(shape)
        if around is not None:  # only the message differs (a date, an amount): copy, splice the JSON
            template, head, tail = around
            finding = template.model_copy(update={"message": text})
            json = f"{head}{pydantic_core.to_json(text).decode()}{tail}"
        else:
            failing = status in FAILING
            finding = Finding(
                rule=self.code,
                title=self.rule.title,
                group=self.rule.group,
                category=self.rule.category,
                requirements=self.rule.requirements,
                status=status,  # type: ignore[arg-type]
                severity=self.rule.severity,
                blocks=failing and self.rule.severity in BLOCKING_SEVERITIES,
                message=text,
                remedy=remedy,
                citations=self.quoted if failing else self.unquoted,
                evidence=dict(zip(self.evidence, (values,) if self.single else values, strict=True)),
                missing=list(missing),
            )
            json = finding.model_dump_json()
            # '"message":' occurs once outside strings (inside one its quote would be escaped)
            cut = json.index('"message":') + len('"message":')
            message_json = pydantic_core.to_json(text).decode()
            if json.startswith(message_json, cut):
                if len(self.shapes) >= _CACHE_MAX:
                    self.shapes.clear()
                self.shapes[shape] = (finding, json[:cut], json[cut + len(message_json) :])
        if len(self.findings) >= _CACHE_MAX:
            self.findings.clear()
        self.findings[key] = (finding, json)
        return finding, json


class Period:
    """The rules in force in one legal period (between two dates on which a rule or a cited
    provision starts or ends), as :class:`Slot` s."""

    def __init__(self, slots: Iterable[Slot]) -> None:
        self.slots = tuple(slots)
        self.rules = [s.rule for s in self.slots]
        self._local = [s for s in self.slots if s.local]
        self._scopes: dict[tuple[str, ...], Scope] = {}

    def scope(self, court: str, court_code: str) -> Scope:
        """The rules that govern a case of this court: the national ones and its local ones."""
        local = tuple(s.code for s in self._local if s.rule.applies_to_court(court, court_code))
        scope = self._scopes.get(local)
        if scope is None:
            scope = self._scopes[local] = Scope([s for s in self.slots if not s.local or s.code in local])
        return scope


class Scope:
    """The rules that govern one case (those in force, national or of its court): their
    :class:`Slot` s, and the facts a check must derive for them — no other."""

    def __init__(self, slots: Iterable[Slot]) -> None:
        self.slots = tuple(slots)
        self.rules = [s.rule for s in self.slots]
        self.codes = tuple(s.code for s in self.slots)
        self.facts: frozenset[str] = frozenset().union(*(s.facts for s in self.slots))
        evidence = sorted({n for s in self.slots for n in s.evidence})
        self._evidence = evidence
        self._read_all = _reader(evidence)
        self._single = len(evidence) == 1  # _read_all gives the value itself
        self._types: dict[str, type] = {}  # the one type each evidence fact has had (None aside)
        self._signatures: dict[Any, bool] = {}  # types of all evidence → consistent?
        self.engine: Any = None  # the evaluator compiled for exactly these rules (termination.decide)

    def exact_by_value(self, facts: Mapping[str, Any]) -> bool:
        """Whether equal evidence values mean equal JSON for this case.

        Python's ``True == 1 == 1.0`` would let a cached ``true`` stand for a ``1``. That cannot
        happen while every fact keeps one type from case to case, which holds for the facts of
        :mod:`termination.facts`; a case where one changes type is keyed on types too.
        """
        values = self._read_all(facts)
        signature = (type(values),) if self._single else tuple(map(type, values))
        consistent = self._signatures.get(signature)
        if consistent is None:
            consistent = True
            for name, kind in zip(self._evidence, signature, strict=True):
                if kind is not type(None) and self._types.setdefault(name, kind) is not kind:
                    consistent = False
            if len(self._signatures) >= 1_024:
                self._signatures.clear()
            self._signatures[signature] = consistent
        return consistent


def build(
    scope: Scope,
    record: CaseRecord,
    on: date,
    facts: Mapping[str, Any],
    names: Mapping[str, list[str]],
    statuses: Mapping[str, str],
) -> Found:
    """The findings of the rules that govern the case (:meth:`Period.scope`), and their JSON."""
    exact = scope.exact_by_value(facts)
    found = Found()
    findings, findings_json, blocking = found.findings, found.json, found.blocking
    for slot in scope.slots:
        status = statuses[slot.code]
        message = slot.messages[status]
        text = message.static
        if text is None:
            text = message.word(facts, names, record, on)
        if status in FAILING:
            missing = _missing(record, on, slot.rule, facts) if status == "unknown" else ()
            remedy = slot.remedy.word(facts, names, record, on)
            cached = slot.finding(status, text, remedy, slot.read(facts), exact, missing)
            if cached[0].blocks:
                blocking.append(slot.code)
        else:  # the common case, inline: (message, status, no remedy, evidence values) → finding
            values = slot.read(facts)
            cached = slot.findings.get((text, status, None, values, ())) if exact else None
            if cached is None:
                cached = slot.finding(status, text, None, values, exact)
        findings.append(cached[0])
        findings_json.append(cached[1])
    found.counts = dict(Counter(map(statuses.__getitem__, scope.codes)))  # in the order of findings
    return found


class Found:
    """The findings of one case, their JSON (in the same order), their statuses counted and the
    rules that block termination."""

    __slots__ = ("blocking", "counts", "findings", "json")

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.json: list[str] = []
        self.counts: dict[str, int] = {}
        self.blocking: list[str] = []


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
