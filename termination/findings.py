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
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import pydantic_core
from pydantic_core import to_json

from termination.case import CaseRecord
from termination.decision import BLOCKING_SEVERITIES, Citation, Finding, replaced
from termination.facts import FACTS, missing_paths
from termination.messages import Message
from termination.rules.conditions import deciding_unknowns, rule_facts
from termination.rules.schema import Rule

FAILING = frozenset({"violated", "unknown"})
_CACHE_MAX = 128  # findings kept per rule and period (the oldest go first): bounds memory


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
        # key → (finding, its JSON); oldest first (a dict would find its oldest key by scanning
        # past every one deleted before it: ≈ 3 µs a new finding)
        self.findings: OrderedDict[tuple[Any, ...], tuple[Finding, str]] = OrderedDict()
        self.shapes: OrderedDict[tuple[Any, ...], tuple[Finding, str, str]] = OrderedDict()  # all but the message → JSON around it
        self.seen: set[Any] = set()  # evidence values met (up to _VOLATILE): see Scope
        self._template: Finding | None = None  # the slot's first finding, validated (see _new)
        self._spliced = False  # whether _splice writes what the model's serialiser writes
        self._head: str | None = None
        self.volatile = False  # its evidence takes many values: worded case by case
        # its usual outcomes' messages name something of the case (a date, an amount): worded
        # case by case, and its evidence is no part of the key of a case (see Scope)
        self.personal = any(self.messages[s].static is None for s in ("satisfied", "not_applicable"))

    def word(self, status: str, record: CaseRecord, on: date, facts: Mapping[str, Any], names: Mapping[str, list[str]]) -> tuple[Finding, str]:
        """The finding (and its JSON) of this rule for one case, whose outcome is ``status``."""
        text = self.messages[status].word(facts, names, record, on)
        if status in FAILING:
            missing = _missing(record, on, self.rule, facts) if status == "unknown" else ()
            return self.finding(status, text, self.remedy.word(facts, names, record, on), self.read(facts), missing)
        return self.finding(status, text, None, self.read(facts))

    def finding(
        self, status: str, text: str, remedy: str | None, values: Any, missing: tuple[str, ...] = ()
    ) -> tuple[Finding, str]:
        """The finding (and its JSON) with these contents (``values``: as :attr:`read` gives them).

        Keyed on the types of the evidence too: Python's ``True == 1 == 1.0`` must not let a
        cached ``true`` stand for a ``1``.
        """
        kinds = type(values) if self.single else tuple(map(type, values))
        shape = (status, remedy, values, missing, kinds)
        key = (text, *shape)
        cached = self.findings.get(key)
        if cached is not None:
            return cached
        around = self.shapes.get(shape)
        if around is not None:  # only the message differs (a date, an amount): copy, splice the JSON
            template, head, tail = around
            finding = replaced(template, {"message": text})
            json = f"{head}{pydantic_core.to_json(text).decode()}{tail}"
        else:
            finding, json = self._new(status, text, remedy, values, missing)
            # '"message":' occurs once outside strings (inside one its quote would be escaped)
            cut = json.index('"message":') + len('"message":')
            message_json = pydantic_core.to_json(text).decode()
            if json.startswith(message_json, cut):
                if len(self.shapes) >= _CACHE_MAX:
                    self.shapes.popitem(last=False)  # the oldest
                self.shapes[shape] = (finding, json[:cut], json[cut + len(message_json) :])
        if len(self.findings) >= _CACHE_MAX:
            self.findings.popitem(last=False)  # the oldest
        self.findings[key] = (finding, json)
        return finding, json

    def _new(self, status: str, text: str, remedy: str | None, values: Any, missing: tuple[str, ...]) -> tuple[Finding, str]:
        """A finding not met before, and its JSON.

        The first finding of a slot is validated and serialised by its model; the next ones are
        copies of it with the fields of a case replaced (:func:`replaced`: every value comes from
        the rules, the engine's outcome and the validated record), and their JSON is spliced
        from the parts that never change and the few that do, the same text as the model's
        serialiser writes (compared with it on the first finding: a difference and the slot
        keeps the model's serialiser).
        """
        failing = status in FAILING
        fields = {
            "status": status,
            "blocks": failing and self.rule.severity in BLOCKING_SEVERITIES,
            "message": text,
            "remedy": remedy,
            "citations": self.quoted if failing else self.unquoted,
            "evidence": dict(zip(self.evidence, (values,) if self.single else values, strict=True)),
            "missing": list(missing),
        }
        if self._template is None:
            rule = self.rule
            finding = Finding(
                rule=self.code, title=rule.title, group=rule.group, category=rule.category,
                requirements=rule.requirements, severity=rule.severity, **fields,  # type: ignore[arg-type]
            )
            json = finding.model_dump_json()
            self._template = finding
            self._spliced = self._splice(finding.__dict__) == json
            return finding, json
        finding = replaced(self._template, fields)
        return finding, self._splice(fields) if self._spliced else finding.model_dump_json()

    def _splice(self, fields: Mapping[str, Any]) -> str:
        """The JSON of a finding of this slot with these fields, written part by part."""
        if self._head is None:
            rule = self.rule
            self._head = to_json({
                "rule": self.code, "title": rule.title, "group": rule.group, "category": rule.category,
                "requirements": rule.requirements, "status": "",
            }).decode()[: -len('""}')]  # up to and with '"status":'
            self._severity = f',"severity":{to_json(rule.severity).decode()},"blocks":'
            self._citations = {True: to_json(self.quoted).decode(), False: to_json(self.unquoted).decode()}
        return (
            f'{self._head}"{fields["status"]}"{self._severity}{"true" if fields["blocks"] else "false"}'
            f',"message":{to_json(fields["message"]).decode()},"remedy":{to_json(fields["remedy"]).decode()}'
            f',"citations":{self._citations[fields["status"] in FAILING]},"evidence":{to_json(fields["evidence"]).decode()}'
            f',"missing":{to_json(fields["missing"]).decode()}}}'
        )


class Period:
    """The rules in force in one legal period (between two dates on which a rule or a cited
    provision starts or ends), as :class:`Slot` s."""

    def __init__(self, slots: Iterable[Slot]) -> None:
        self.slots = tuple(slots)
        self.rules = [s.rule for s in self.slots]
        self._local = [s for s in self.slots if s.local]
        self._scopes: dict[tuple[str, ...], Scope] = {}
        self._courts: dict[tuple[str, str], Scope] = {}  # (court, court code) → its scope

    def scope(self, court: str, court_code: str) -> Scope:
        """The rules that govern a case of this court: the national ones and its local ones."""
        known = self._courts.get((court, court_code))
        if known is not None:
            return known
        local = tuple(s.code for s in self._local if s.rule.applies_to_court(court, court_code))
        scope = self._scopes.get(local)
        if scope is None:
            scope = self._scopes[local] = Scope([s for s in self.slots if not s.local or s.code in local])
        if len(self._courts) >= 4_096:
            self._courts.clear()  # bounded: courts number a few thousand
        self._courts[(court, court_code)] = scope
        return scope


class Scope:
    """The rules that govern one case (those in force, national or of its court): their
    :class:`Slot` s, the facts a check must derive for them (no other), and the findings of
    the cases met so far.

    Most cases of a scope repeat each other's findings: the same outcomes over the same counts
    and flags say the same thing. So a case's findings are looked up whole, keyed on the outcome
    of every rule and the evidence (values and types) of the rules whose findings are shared.
    The others are worded case by case: rules whose satisfied or not-applicable message names
    something of the case (a date, an amount: keyed on those, nothing would repeat), rules
    whose evidence turned out to take many values (*volatile*), failing rules (their remedy and
    missing fields name the case) and any message naming something of the case.
    """

    def __init__(self, slots: Iterable[Slot]) -> None:
        self.slots = tuple(slots)
        self.rules = [s.rule for s in self.slots]
        self.codes = tuple(s.code for s in self.slots)
        needed = frozenset().union(*(s.facts for s in self.slots))
        self.facts = tuple(n for n in FACTS if n in needed)  # in the order of termination.facts
        self.engine: Any = None  # the evaluator compiled for exactly these rules (termination.decide)
        self._outcomes = _reader(self.codes)  # statuses → the outcome of every rule, in order
        self._cases: dict[Any, _Case] = {}
        self._keyed()

    def _keyed(self) -> None:
        """(Re)build the key of a case from the evidence of the rules not volatile."""
        evidence = sorted({n for s in self.slots if not (s.volatile or s.personal) for n in s.evidence})
        self._evidence = _reader(evidence)
        self._single = len(evidence) == 1
        self._cases.clear()

    def build(self, record: CaseRecord, on: date, facts: Mapping[str, Any], names: Mapping[str, list[str]], statuses: Mapping[str, str]) -> Found:
        """The findings of one case, and their JSON."""
        outcomes = self._outcomes(statuses)
        values = self._evidence(facts)
        key = (outcomes, values, type(values) if self._single else tuple(map(type, values)))
        case = self._cases.get(key)
        if case is None:
            case = self._case(key, outcomes, record, on, facts, names, statuses)
        found = Found(case.findings.copy(), case.json.copy(), case.counts, case.blocking)
        slots = self.slots
        for i in case.worded:
            found.findings[i], found.json[i] = slots[i].word(statuses[slots[i].code], record, on, facts, names)
        return found

    def _case(self, key: Any, outcomes: Any, record: CaseRecord, on: date, facts: Mapping[str, Any], names: Mapping[str, list[str]], statuses: Mapping[str, str]) -> _Case:
        """The findings shared by every case with this key, and which are worded per case."""
        case = _Case()
        volatile = False
        for i, slot in enumerate(self.slots):
            status = statuses[slot.code]
            message = slot.messages[status]
            if slot.volatile or slot.personal or status in FAILING or message.static is None:
                case.worded.append(i)
                finding, json = None, ""
            else:
                values = slot.read(facts)
                finding, json = slot.finding(status, message.static, None, values)
                slot.seen.add(values)
                if len(slot.seen) > _VOLATILE:
                    slot.volatile = volatile = True
            case.findings.append(finding)  # type: ignore[arg-type]
            case.json.append(json)
            if status in FAILING and slot.rule.severity in BLOCKING_SEVERITIES:
                case.blocking.append(slot.code)
        case.counts = dict(Counter(outcomes if len(self.slots) != 1 else (outcomes,)))  # in the order of findings
        if volatile:
            self._keyed()  # a rule became volatile: cases are keyed without its evidence from now on
        else:
            if len(self._cases) >= _CASES_MAX:
                self._cases.clear()
            self._cases[key] = case
        return case


_VOLATILE = 16  # distinct evidence values after which a rule's findings are worded per case
_CASES_MAX = 512  # cases kept per scope: bounds memory (each holds references, not copies)


class _Case:
    """The findings of the cases that share one key: shared ones, and the positions worded per case."""

    __slots__ = ("blocking", "counts", "findings", "json", "worded")

    def __init__(self) -> None:
        self.findings: list[Finding | None] = []
        self.json: list[str] = []
        self.worded: list[int] = []
        self.blocking: list[str] = []
        self.counts: dict[str, int] = {}


def build(
    scope: Scope,
    record: CaseRecord,
    on: date,
    facts: Mapping[str, Any],
    names: Mapping[str, list[str]],
    statuses: Mapping[str, str],
) -> Found:
    """The findings of the rules that govern the case (:meth:`Period.scope`), and their JSON."""
    return scope.build(record, on, facts, names, statuses)


class Found:
    """The findings of one case, their JSON (in the same order), their statuses counted and the
    rules that block termination."""

    __slots__ = ("blocking", "counts", "findings", "json")

    def __init__(self, findings: list[Any], json: list[str], counts: dict[str, int], blocking: list[str]) -> None:
        self.findings: list[Finding] = findings
        self.json = json
        self.counts = counts
        self.blocking = blocking


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
