"""The guided interview: which question to ask next, from what the decision says is missing.

Pure functions over a draft record (a dict, possibly incomplete) and, once the draft is a
valid record, its :class:`~termination.decision.Decision`:

* :func:`bootstrap` — the required fields an empty or partial draft still lacks (court, case
  number, parties, basis, claim, ruling date), in the order of the record;
* :func:`questions` — for a valid record, the fields the law still needs, most blocking first:

  - an **unknown** finding names them in ``Finding.missing`` (absent fields whose absence means
    "not established", :mod:`termination.absence`): each is asked as it is;
  - a **violated** finding may rest on an event the record does not hold (no 限制消费令, no
    interview): the absent parts of the record its facts read (the same recording proxy
    behind ``Finding.missing``, :func:`termination.facts.trace`) are offered to be recorded —
    add a measure, record the interview, fill a date — and a timeline list the rule reads
    may get one more item.

Every question carries the input kinds its form needs (:class:`Input`: date, yes/no, amount,
a choice among the parties, a choice of terms, several terms, text, lines), derived from the
types of :class:`~termination.case.CaseRecord`; labels come from :mod:`termination.glossary`
and the wording of each question from ``templates/web/questions.j2``. The legal reason is the
rule's title and citation, never its code or a field name.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal

import jinja2
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from termination import glossary, paths
from termination.absence import ABSENCE, DID, NOT, pattern
from termination.case import CaseRecord, NaturalPerson, Organisation

if typing.TYPE_CHECKING:
    from termination.decision import Decision, Finding

__all__ = ["Input", "Kind", "Question", "bootstrap", "item_inputs", "missing_required", "next_question", "questions",
           "question_for", "read_patterns", "resolve", "wording", "field_input", "model_for", "shape_of", "Shape"]

#: How a value is asked for.
Kind = Literal["text", "lines", "date", "yesno", "amount", "number", "choice", "multi", "party", "group", "add"]

YES_NO: tuple[tuple[str, str], ...] = (("true", "是"), ("false", "否"))
PARTY_KINDS = ("person", "organisation")
#: fields that name a party by its id: asked as a choice among those parties (by name)
PARTY_FIELDS = {"respondent": "respondents", "applicant": "applicants"}
#: lists whose items the court *finds* rather than *does*: adding one never cures a violation
FOUND_LISTS = frozenset({"measures.assets", "measures.clues", "measures.obstructions"})
#: fields given by the workbench itself (party and item identifiers)
AUTO_FIELDS = frozenset({"id", "kind"})
_SEVERITY_RANK = {"blocking": 0, "system": 0, "warning": 1, "local": 2}
_INDEX = re.compile(r"\.(\d+)(?=\.|$)")


@dataclass(frozen=True)
class Input:
    """One input of a question's form: where its value goes and how it is asked."""

    path: str  # indexed record path, e.g. measures.consumption_restrictions.0.issued_on
    label: str  # the glossary label
    kind: Kind
    required: bool
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""  # the record model's description, when it adds something


@dataclass(frozen=True)
class Question:
    """One question of the interview."""

    key: str  # what 暂不回答 remembers: the path, with "+" when it adds an item
    path: str  # the indexed record path answered (a field, an object to record, a list to extend)
    label: str  # the question, in Chinese
    kind: Kind  # "add" (one more item of a list), "group" (record an object) or an input kind
    choices: tuple[tuple[str, str], ...]
    reason: str  # the legal reason: the rule's title and citations
    inputs: tuple[Input, ...]
    severity: str = "blocking"
    findings: tuple[str, ...] = field(default=(), compare=False)  # rule codes served (ordering, tests)

    @property
    def blocking(self) -> bool:
        """Whether answering it may cure a finding that blocks 终本."""
        return _SEVERITY_RANK.get(self.severity, 2) == 0


# ---------------------------------------------------------------- wording


@lru_cache(maxsize=1)
def _wording() -> tuple[Mapping[str, str], Mapping[int, str]]:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(paths.TEMPLATES), autoescape=False)
    module = env.get_template("web/questions.j2").module
    return module.ASK, module.GROUNDS  # type: ignore[attr-defined]


def wording() -> Mapping[str, str]:
    """The question wording table (pattern path → question)."""
    return _wording()[0]


# ---------------------------------------------------------------- the record's types


@dataclass(frozen=True)
class Shape:
    """A field's type, reduced to what a form needs."""

    kind: Literal["scalar", "literal", "model", "list"]
    type: Any = None  # scalar type, or model class
    values: tuple[Any, ...] = ()  # literal values
    models: tuple[type[BaseModel], ...] = ()  # a union of models (the party)
    item: Shape | None = None  # list item


def shape_of(annotation: Any) -> Shape:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return shape_of(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return shape_of(args[0])
        shapes = [shape_of(a) for a in args]
        if all(s.kind == "model" for s in shapes):
            return Shape("model", shapes[0].type, models=tuple(s.type for s in shapes))
        if all(s.kind == "literal" for s in shapes):
            return Shape("literal", values=tuple(v for s in shapes for v in s.values))
        raise TypeError(f"unsupported union {annotation!r}")
    if origin is Literal:
        return Shape("literal", values=typing.get_args(annotation))
    if origin is list:
        return Shape("list", item=shape_of(typing.get_args(annotation)[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("model", annotation, models=(annotation,))
    return Shape("scalar", annotation)


def model_for(shape: Shape, data: Any) -> type[BaseModel]:
    """The model of an object: for the party union, by its ``kind``."""
    if len(shape.models) > 1:
        kind = data.get("kind") if isinstance(data, Mapping) else None
        return Organisation if kind == "organisation" else NaturalPerson
    return shape.type  # type: ignore[no-any-return]


def resolve(path: str, draft: Mapping[str, Any] | None = None) -> tuple[FieldInfo, Shape]:
    """The field info and shape of an indexed (or pattern) record path.

    Raises:
        KeyError: the path is not a field of the record.
    """
    parts = [p for p in path.replace("[]", "").split(".") if p]
    model: type[BaseModel] = CaseRecord
    data: Any = draft or {}
    info: FieldInfo | None = None
    shape: Shape | None = None
    for part in parts:
        if part.isdigit():
            if shape is None or shape.kind != "list" or shape.item is None:
                raise KeyError(path)
            shape = shape.item
            data = data[int(part)] if isinstance(data, list) and int(part) < len(data) else {}
            if shape.kind == "model":
                model = model_for(shape, data)
            continue
        if shape is not None and shape.kind == "list" and shape.item is not None and shape.item.kind == "model":
            shape = shape.item  # a pattern path without index: the items' model
            model = model_for(shape, {})
        if part not in model.model_fields:
            if shape is not None and len(shape.models) > 1:  # a field of the other party kind
                other = [m for m in shape.models if part in m.model_fields]
                if other:
                    model = other[0]
            if part not in model.model_fields:
                raise KeyError(path)
        info = model.model_fields[part]
        shape = shape_of(info.annotation)
        data = data.get(part) if isinstance(data, Mapping) else None
        if shape.kind == "model":
            model = model_for(shape, data)
    if info is None or shape is None:
        raise KeyError(path)
    return info, shape


@lru_cache(maxsize=64)
def _section(values: frozenset[str]) -> str | None:
    """The glossary section whose terms are exactly these values."""
    for name in ("claim_types", "asset_categories", "report_status", "sanction_types", "sanction_reasons",
                 "lift_reasons", "inquiry_systems", "clue_sources", "investigation_kinds", "disposal_methods",
                 "disposal_outcomes", "asset_status", "seizure_asset_types", "interview_items",
                 "interview_capacities", "interview_modes", "bankruptcy_answers", "service_modes",
                 "signer_titles", "org_types", "party_kinds"):
        if frozenset(glossary.terms(name)) == values:
            return name
    return None


def _choices(shape: Shape) -> tuple[tuple[str, str], ...]:
    values = [str(v) for v in shape.values]
    section = _section(frozenset(values))
    if section is None:
        return tuple((v, v) for v in values)
    return tuple((v, glossary.term(section, v)) for v in values)


def _parties(draft: Mapping[str, Any], group: str = "respondents") -> tuple[tuple[str, str], ...]:
    out = []
    for r in draft.get(group) or []:
        party = (r.get("party") if group == "respondents" else r) if isinstance(r, Mapping) else None
        if isinstance(party, Mapping) and party.get("id"):
            out.append((str(party["id"]), str(party.get("name") or party["id"])))
    return tuple(out)


def field_input(path: str, info: FieldInfo, shape: Shape, draft: Mapping[str, Any], *, required: bool
                ) -> Input | None:
    """The form input of one field, or None for what a form does not ask (nested lists of objects)."""
    name = path.rsplit(".", 1)[-1]
    label = glossary.field(path)
    hint = info.description or ""
    hint = "" if hint.isascii() else hint
    kind: Kind
    choices: tuple[tuple[str, str], ...] = ()
    if shape.kind == "literal":
        kind, choices = "choice", _choices(shape)
    elif shape.kind == "list" and shape.item is not None:
        item = shape.item
        if item.kind == "literal":
            kind, choices = "multi", _choices(item)
        elif item.kind == "scalar" and item.type is int:  # 《失信规定》第一条各项
            kind, choices = "multi", tuple((str(k), v) for k, v in _wording()[1].items())
        elif item.kind == "scalar":
            kind = "lines"
        else:
            return None
    elif shape.kind == "model":
        return None
    elif shape.type is dt.date:
        kind = "date"
    elif shape.type is bool:
        kind, choices = "yesno", YES_NO
    elif shape.type is Decimal:
        kind = "amount"
    elif shape.type is int:
        kind = "number"
    elif name in PARTY_FIELDS:
        kind, choices = "party", _parties(draft, PARTY_FIELDS[name])
    else:
        kind = "text"
    return Input(path, label, kind, required, choices, hint)


@lru_cache(maxsize=1)
def read_patterns() -> frozenset[str]:
    """Every record path some fact declares it reads (what the law looks at)."""
    from termination.facts import FACTS

    return frozenset().union(*(f.reads for f in FACTS.values()))


def _asked(pat: str, info: FieldInfo) -> bool:
    """Whether a form recording an event asks this field: required, or an event detail the rules read.

    Findings ("not established") are left to their own question, asked only when a rule needs them.
    """
    return info.is_required() or (ABSENCE.get(pat) == DID and pat in read_patterns())


def item_inputs(path: str, draft: Mapping[str, Any], model: type[BaseModel] | None = None,
                *, every: bool = False) -> tuple[Input, ...]:
    """The inputs that record a new object at ``path`` (an indexed path: a list item or an object).

    A party asks its kind, name and organisation type; other objects ask their required fields
    and the event details the rules read (``every``: all fields, for the edit page).
    """
    if model is None:
        _, shape = resolve(path, draft)
        model = shape.item.type if shape.kind == "list" and shape.item is not None else shape.type
    assert model is not None
    pat = pattern(path)
    out: list[Input] = []
    if model in (NaturalPerson, Organisation):
        return _party_inputs(path, draft)
    for name, info in model.model_fields.items():
        sub, sub_pat = f"{path}.{name}", f"{pat}.{name}"
        if name in AUTO_FIELDS and sub_pat not in ("measures.investigation_applications[].kind",):
            continue
        shape = shape_of(info.annotation)
        if shape.kind == "model":
            if len(shape.models) > 1:  # the respondent's party
                out += _party_inputs(sub, draft)
            elif info.is_required() or every:
                out += item_inputs(sub, draft, shape.type, every=every)
            continue
        if not (every or _asked(sub_pat, info)):
            continue
        made = field_input(sub, info, shape, draft, required=info.is_required())
        if made is not None:
            out.append(made)
    return tuple(out)


def _party_inputs(path: str, draft: Mapping[str, Any]) -> tuple[Input, ...]:
    kinds = tuple((k, glossary.term("party_kinds", k)) for k in PARTY_KINDS)
    org = Organisation.model_fields["org_type"]
    return (
        Input(f"{path}.kind", glossary.field(f"{path}.kind"), "choice", True, kinds),
        Input(f"{path}.name", glossary.field(f"{path}.name"), "text", True),
        Input(f"{path}.org_type", glossary.field(f"{path}.org_type"), "choice", False,
              _choices(shape_of(org.annotation)),
              "单位填写；自然人不填"),
    )


# ---------------------------------------------------------------- describing where a question points


def value_at(draft: Any, path: str) -> Any:
    """The value at an indexed path of a draft record (None when absent)."""
    node = draft
    for part in path.split("."):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, Mapping):
            node = node.get(part)
        else:
            return None
    return node


def _party_name(draft: Mapping[str, Any], party_id: Any) -> str:
    for group in ("respondents", "applicants"):
        for p in draft.get(group) or []:
            party = p.get("party", p) if isinstance(p, Mapping) else {}
            if isinstance(party, Mapping) and party.get("id") == party_id:
                return str(party.get("name") or party_id)
    return str(party_id)


_DATE_KEYS = ("issued_on", "requested_on", "decided_on", "received_on", "date", "start", "asked_on", "signed_on")


def _item_name(draft: Mapping[str, Any], item_path: str) -> str:
    """限制消费令（张建国，2024年3月25日）: a list item named by its list, party and date."""
    item = value_at(draft, item_path)
    label = glossary.field(item_path)
    if not isinstance(item, Mapping):
        return label
    bits: list[str] = []
    who = item.get("respondent") or item.get("target") or item.get("by")
    if who:
        bits.append(_party_name(draft, who))
    if item.get("description"):
        bits.append(str(item["description"])[:30])
    for key in _DATE_KEYS:
        if item.get(key):
            try:
                from termination.text import ymd

                bits.append(ymd(dt.date.fromisoformat(str(item[key])[:10])))
            except ValueError:
                bits.append(str(item[key]))
            break
    return f"{label}（{'，'.join(bits)}）" if bits else label


def _who(draft: Mapping[str, Any], path: str) -> str:
    m = re.match(r"(respondents|applicants)\.(\d+)", path)
    if not m:
        return ""
    node = value_at(draft, m.group(0))
    party = node.get("party", node) if isinstance(node, Mapping) else {}
    return str(party.get("name") or "") if isinstance(party, Mapping) else ""


def _item_of(path: str) -> str | None:
    """The indexed path of the innermost list item above the last field (None if none)."""
    found = list(_INDEX.finditer(path))
    if not found:
        return None
    return path[: found[-1].end()]


def _label(path: str, draft: Mapping[str, Any], *, adding: bool) -> str:
    ask = wording()
    text = ask.get(pattern(path)) or ask.get(pattern(path).replace("[]", ""))  # an object that became a list
    item = _item_of(path)
    where = _item_name(draft, item) if item and item != path and not path.startswith(("respondents", "applicants")) \
        else ""
    if text is None:
        chain = glossary.field(path)
        text = f"请填写{where or _who(draft, path)}{'的' if where or _who(draft, path) else ''}{chain}"
        if adding:
            text = f"请记录一项{chain}"
    return text.replace("{who}", _who(draft, path)).replace("{item}", where)


# ---------------------------------------------------------------- bootstrap: the required fields


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _missing_required(model: type[BaseModel], data: Mapping[str, Any], prefix: str, out: list[str]) -> None:
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        value = data.get(name)
        shape = shape_of(info.annotation)
        if _empty(value):
            if info.is_required() and name not in AUTO_FIELDS:
                out.append(path)
            continue
        if shape.kind == "model" and isinstance(value, Mapping):
            _missing_required(model_for(shape, value), value, f"{path}.", out)
        elif shape.kind == "list" and shape.item is not None and shape.item.kind == "model" and isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Mapping):
                    _missing_required(model_for(shape.item, item), item, f"{path}.{i}.", out)


def missing_required(draft: Mapping[str, Any]) -> list[str]:
    """The required fields the draft lacks (indexed paths, in the order of the record)."""
    out: list[str] = []
    _missing_required(CaseRecord, draft, "", out)
    return out


def question_for(path: str, draft: Mapping[str, Any], *, reason: str = "") -> Question | None:
    """The question that records ``path`` (one more item, for a list), outside any decision."""
    return _question(path, draft, reason=reason)


def _question(path: str, draft: Mapping[str, Any], *, adding: bool = False, reason: str = "",
              severity: str = "blocking", rules: tuple[str, ...] = ()) -> Question | None:
    """The question that records ``path``: one field, an object, or one more item of a list."""
    try:
        info, shape = resolve(path, draft)
    except KeyError:
        return None
    if shape.kind == "list" and shape.item is not None and shape.item.kind == "model":
        current = value_at(draft, path)
        index = len(current) if isinstance(current, list) else 0
        inputs = item_inputs(f"{path}.{index}", draft, model_for(shape.item, {}))
        return Question(f"{path}+", path, _label(path, draft, adding=True), "add", (), reason, inputs, severity, rules)
    if shape.kind == "model":
        inputs = item_inputs(path, draft, model_for(shape, {}))
        return Question(path, path, _label(path, draft, adding=False), "group", (), reason, inputs, severity, rules)
    single = field_input(path, info, shape, draft, required=True)
    if single is None:
        return None
    return Question(path, path, _label(path, draft, adding=adding), single.kind, single.choices, reason,
                    (single,), severity, rules)


def bootstrap(draft: Mapping[str, Any]) -> list[Question]:
    """The questions that make an empty or partial draft a record: its missing required fields.

    A missing field inside an object already begun is asked on its own; a missing object or
    list is asked as a whole (the parties one at a time).
    """
    out: list[Question] = []
    seen: set[str] = set()
    for path in missing_required(draft):
        q = _question(path, draft, reason="检查终本条件之前，须先记录案件的基本信息")
        if q is not None and q.key not in seen:
            seen.add(q.key)
            out.append(q)
    return out


# ---------------------------------------------------------------- from the decision


def _reason(f: Finding) -> str:
    """The rule's title and its citations (the first three; a rule rarely needs more to be understood)."""
    cites = "；".join(c.text for c in f.citations[:3]) + ("等" if len(f.citations) > 3 else "")
    return f"{f.title}（{cites}）" if cites else f.title


@lru_cache(maxsize=256)
def _rule_facts(code: str, on: dt.date) -> tuple[str, ...]:
    from termination.decide import rules_in_force
    from termination.rules.conditions import fact_names

    for rule in rules_in_force(on):
        if rule.code == code:
            names = list(fact_names(rule.condition))
            if rule.applies_when is not None:
                names += list(fact_names(rule.applies_when))
            return tuple(dict.fromkeys(names))
    return ()


def _lists_read(names: Iterable[str]) -> list[str]:
    """The top-level timeline lists (``measures.X``) the facts read."""
    from termination.facts import FACTS

    lists: dict[str, None] = {}
    for name in names:
        for p in sorted(FACTS[name].reads):
            if p.startswith("measures.") and "[]" in p:
                lists.setdefault(p.split("[]", 1)[0], None)
    return list(lists)


def _recordable(record: CaseRecord, f: Finding, on: dt.date) -> list[str]:
    """For a violated finding (or an unknown one whose ``missing`` is empty): the absent parts of the
    record its facts read, then the lists it reads.

    Indexed paths; "detail" fields are left out, and the lists of what the
    court finds (assets, clues, obstructions) too: recording more of them cures nothing.
    """
    from termination.facts import FACTS, trace
    from termination.reads import covered

    names = _rule_facts(f.rule, on)
    out: dict[str, None] = {}
    for name in names:
        declared = FACTS[name].reads
        _, rec = trace(record, on, name)
        for path, absent in rec.log:
            pat = pattern(path)
            if not absent or ABSENCE.get(pat) not in (DID, NOT) or not covered(pat, declared):
                continue
            if pat in FOUND_LISTS:
                continue
            out.setdefault(path, None)
    for lst in _lists_read(names):
        if lst not in FOUND_LISTS:
            out.setdefault(lst, None)
    return list(out)


def questions(record: CaseRecord, decision: Decision, draft: Mapping[str, Any] | None = None) -> list[Question]:
    """Every question the decision still raises, most blocking first.

    Ordered by severity (终本条件 and 系统校验, then 程序瑕疵, then 地方规范), then by how many
    blocking findings the answer may cure, then in the order of the checklist.
    """
    data = draft if draft is not None else record.model_dump(mode="json", exclude_none=True)
    by_key: dict[str, Question] = {}
    served: dict[str, list[Finding]] = {}
    order: dict[str, int] = {}
    for n, f in enumerate(decision.findings):
        if f.status == "unknown" and f.missing:
            targets = list(f.missing)
        elif f.status in ("violated", "unknown"):  # an unknown with nothing "not established" behind it
            targets = _recordable(record, f, decision.as_of)
        else:
            continue
        for path in targets:
            q = _question(path, data, reason=_reason(f), severity=f.severity)
            if q is None:
                continue
            by_key.setdefault(q.key, q)
            served.setdefault(q.key, []).append(f)
            order.setdefault(q.key, n)

    def rank(key: str) -> tuple[int, int, int]:
        fs = served[key]
        severity = min(_SEVERITY_RANK.get(f.severity, 2) for f in fs)
        blocking = sum(1 for f in fs if f.blocks)
        return severity, -blocking, order[key]

    out = []
    for key in sorted(by_key, key=rank):
        q, fs = by_key[key], served[key]
        first = min(fs, key=lambda f: _SEVERITY_RANK.get(f.severity, 2))
        out.append(Question(q.key, q.path, q.label, q.kind, q.choices, _reason(first), q.inputs,
                            first.severity, tuple(dict.fromkeys(f.rule for f in fs))))
    return out


def next_question(questions_: Sequence[Question], skipped: Iterable[str]) -> Question | None:
    """The first question not set aside with 暂不回答."""
    skip = set(skipped)
    return next((q for q in questions_ if q.key not in skip), None)

