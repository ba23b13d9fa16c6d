"""Answers and edits ⇄ the draft record (a dict), and the validation of the result.

A form field is named ``v:<indexed record path>`` (``v:measures.consumption_restrictions.0.issued_on``);
its value becomes the value at that path. An empty answer removes the field ("not recorded").
Validation is the record's own (:func:`termination.io.load_case`); while the draft still lacks
required fields, the part just answered is validated with the type of its field in
:class:`~termination.case.CaseRecord`, so an empty case can be built one question at a time.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from termination import glossary
from termination.case import CaseRecord
from termination.errors import CaseFileError
from termination.io import load_case
from termination.questions import (
    Input,
    Question,
    Shape,
    field_input,
    missing_required,
    model_for,
    resolve,
    shape_of,
    value_at,
)

PREFIX = "v:"
#: the choice that leaves an optional list "not established" (None) rather than empty
UNSET = "__unset__"
_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_ID_PREFIX = {"applicants": "A", "respondents": "R", "measures.clues": "C", "measures.assets": "P",
              "measures.seizures": "S"}


@dataclass(frozen=True)
class Problem:
    """A validation problem: the indexed field path ("" for the record) and the Chinese message."""

    field: str
    message: str


# ---------------------------------------------------------------- the draft in the page


def encode(draft: Mapping[str, Any]) -> str:
    """The draft as the page carries it (compact JSON)."""
    return json.dumps(draft, ensure_ascii=False, separators=(",", ":"))


def decode(text: str | None) -> dict[str, Any]:
    """The draft a page sent back.

    Raises:
        CaseFileError: not a JSON object.
    """
    if not text:
        return {}
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise CaseFileError("页面携带的案件数据已损坏，请重新打开案件", field="案件") from None
    if not isinstance(data, dict):
        raise CaseFileError("页面携带的案件数据已损坏，请重新打开案件", field="案件")
    return shaped(data)


def shaped(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft with the record's shape: a value of the wrong kind where the record holds an object,
    a list or a plain value is left out (its field shows empty). A draft comes back from the page,
    so it is input like any other: a list where an object belongs once made the form code fail
    (#14 campaign, 15 of 10,000 workbench requests answered 500)."""
    from termination.schema_export import case_schema

    schema = case_schema()
    kept = _shape(draft, schema, schema["$defs"])
    return kept if isinstance(kept, dict) else {}


_LEFT_OUT = object()


def _shape(value: Any, schema: Mapping[str, Any], defs: Mapping[str, Any]) -> Any:
    options = [schema]
    while any(key in o for o in options for key in ("$ref", "anyOf", "oneOf", "allOf")):
        options = [x for o in options for x in (
            [defs[o["$ref"].rsplit("/", 1)[-1]]] if "$ref" in o
            else o.get("anyOf") or o.get("oneOf") or o.get("allOf") or [o])]
    kinds = {t for o in options for t in (o.get("type") if isinstance(o.get("type"), list) else [o.get("type")])}
    if None in kinds:  # not described (an unknown field): the validator says so
        return value
    if isinstance(value, dict):
        objects = [o for o in options if o.get("type") == "object"]
        if not objects:
            return _LEFT_OUT
        fields: dict[str, Any] = {}
        for node in objects:  # a person or an organisation: the fields of either
            fields = {**node.get("properties", {}), **fields}
        out = {k: _shape(v, fields[k], defs) if k in fields else v for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not _LEFT_OUT}
    if isinstance(value, list):
        node = next((o for o in options if o.get("type") == "array"), None)
        if node is None:
            return _LEFT_OUT
        out = [_shape(v, node.get("items", {}), defs) for v in value]
        return [v for v in out if v is not _LEFT_OUT]
    return _LEFT_OUT if kinds <= {"object", "array"} else value


def decode_list(text: str | None) -> list[str]:
    """A JSON list of strings carried by the page (the questions set aside)."""
    try:
        data = json.loads(text or "[]")
    except (ValueError, RecursionError):
        return []
    return [str(x) for x in data][:500] if isinstance(data, list) else []


# ---------------------------------------------------------------- paths in a dict


def put(draft: dict[str, Any], path: str, value: Any) -> None:
    """Set (or, for None, remove) the value at an indexed path, creating objects and list items."""
    parts = path.split(".")
    node: Any = draft
    for i, part in enumerate(parts[:-1]):
        following = parts[i + 1]
        blank: Any = [] if following.isdigit() else {}
        if isinstance(node, list):
            index = int(part)
            while len(node) <= index:
                node.append({})
            if not isinstance(node[index], (dict, list)):
                node[index] = blank
            node = node[index]
        else:
            if not isinstance(node.get(part), (dict, list)):
                if value is None:
                    return
                node[part] = blank
            node = node[part]
    last = parts[-1]
    if isinstance(node, list):
        index = int(last)
        while len(node) <= index:
            node.append({})
        node[index] = value
    elif value is None:
        node.pop(last, None)
    else:
        node[last] = value


# ---------------------------------------------------------------- reading one input


def convert(inp: Input, raw: Sequence[str]) -> tuple[Any, str | None]:
    """The record value of a form input's raw values, or an error message."""
    if inp.kind == "multi":
        values = [v for v in raw if v != ""]
        if UNSET in values:
            return None, None
        if inp.choices and not all(v in dict(inp.choices) for v in values):
            return None, "请从列出的选项中选择"
        if inp.choices and all(k.isdigit() for k, _ in inp.choices):
            return [int(v) for v in values], None
        return values, None
    text = (raw[-1] if raw else "").strip()
    if text == "":
        return None, None
    if inp.kind == "lines":
        items = [s.strip() for s in re.split(r"[\n\r、，,；;]+", text) if s.strip()]
        return items or None, None
    if inp.kind == "date":
        m = _DATE.match(text)
        if not m:
            return None, "应为日期，如 2024-03-25"
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}", None
    if inp.kind == "yesno":
        if text not in ("true", "false"):
            return None, "请选择“是”或“否”"
        return text == "true", None
    if inp.kind == "number":
        if not re.fullmatch(r"\d{1,9}", text):
            return None, "应为整数"
        return int(text), None
    if inp.kind == "amount":
        cleaned = text.replace(",", "").replace("，", "").replace("元", "").strip()
        if not re.fullmatch(r"\d{1,13}(\.\d{1,2})?", cleaned):
            return None, "应为金额（元），最多两位小数，如 12600.00"
        return cleaned, None
    if inp.kind in ("choice", "party") and inp.choices and text not in dict(inp.choices):
        return None, "请从列出的选项中选择"
    return text, None


def read_inputs(draft: dict[str, Any], inputs: Sequence[Input], form: Mapping[str, Sequence[str]]
                ) -> list[Problem]:
    """Write the submitted values of ``inputs`` into ``draft``; the conversion problems."""
    problems: list[Problem] = []
    for inp in inputs:
        value, error = convert(inp, form.get(PREFIX + inp.path, ()))
        if error is not None:
            problems.append(Problem(inp.path, error))
            continue
        old = value_at(draft, inp.path)
        if isinstance(old, list) and isinstance(value, list) and sorted(map(str, old)) == sorted(map(str, value)):
            continue  # the same choices: the record keeps its own order
        put(draft, inp.path, value)
    _tidy_parties(draft)
    return problems


def _tidy_parties(draft: dict[str, Any]) -> None:
    """A natural person has no organisation type; give every party and found item an id."""
    for group in ("applicants", "respondents"):
        for entry in draft.get(group) or []:
            party = entry.get("party", entry) if group == "respondents" and isinstance(entry, dict) else entry
            if isinstance(party, dict) and party.get("kind", "person") == "person":
                for key in ("org_type", "credit_code", "legal_representative", "representative_title", "insolvent"):
                    party.pop(key, None)
            elif isinstance(party, dict):
                for key in ("sex", "ethnicity", "birth_date", "id_number", "deceased"):
                    party.pop(key, None)
    for path, prefix in _ID_PREFIX.items():
        items = value_at(draft, path)
        if not isinstance(items, list):
            continue
        holders = [i.get("party", i) if path == "respondents" and isinstance(i, dict) else i for i in items]
        taken = {h.get("id") for h in holders if isinstance(h, dict)}
        n = 1
        for holder in holders:
            if isinstance(holder, dict) and not holder.get("id"):
                while f"{prefix}{n}" in taken:
                    n += 1
                holder["id"] = f"{prefix}{n}"
                holder.setdefault("kind", "person") if path in ("applicants", "respondents") else None
                taken.add(holder["id"])


# ---------------------------------------------------------------- validation


def problems_of(exc: CaseFileError) -> list[Problem]:
    """Every problem of a rejected record (all of them when the input layer lists them)."""
    listed = getattr(exc, "problems", None)
    if listed:
        return [Problem(str(p.field), str(p.message)) for p in listed]
    return [Problem(exc.field or "", exc.message)]


#: Stand-ins for the required fields an unfinished draft lacks, so that the parts already answered
#: are validated by the record's own validators (dates far apart: no order rule can fire on them).
_SKELETON: dict[str, Any] = {
    "court": "北京市朝阳区人民法院", "case_number": "（2024）京0105执1号", "filing_date": "1900-01-01",
    "applicants": [{"kind": "person", "id": "A0", "name": "甲"}],
    "respondents": [{"party": {"kind": "person", "id": "R0", "name": "乙"}}],
    "basis": {"document_number": "（2023）京0105民初1号", "issuing_body": "北京市朝阳区人民法院"},
    "claim": {"claim_types": ["money"], "amount_due": "1"},
    "termination": {"proposed_date": "2099-12-31"},
}


def validate(draft: Mapping[str, Any]) -> tuple[CaseRecord | None, list[Problem]]:
    """The record, once the draft is complete and valid (:func:`termination.io.load_case`); else the problems.

    An unfinished draft is checked by the record model with stand-ins for what it lacks, and
    only the problems of the fields it holds are reported.
    """
    if not missing_required(draft):
        try:
            return load_case(dict(draft)), []
        except CaseFileError as exc:
            return None, problems_of(exc)
    probe = {**_SKELETON, **{k: v for k, v in draft.items() if not _empty_required(k, v)}}
    try:
        CaseRecord.model_validate(probe)
    except ValidationError as exc:
        held = set(draft)
        return None, [p for p in _translate(exc) if p.field.split(".", 1)[0] in held]
    return None, []


def _empty_required(name: str, value: Any) -> bool:
    """A required part the draft holds only in part: the stand-in is used while it is asked."""
    return any(p == name or p.startswith(name + ".") for p in missing_required({name: value}))


def _translate(exc: ValidationError) -> list[Problem]:
    """Every error of a record validation in the input layer's Chinese."""
    from termination import io as input_layer

    lister = getattr(input_layer, "problems_of", None)  # every problem, where the input layer lists them
    if lister is not None:
        return [Problem(str(p.field), str(p.message)) for p in lister(exc)]
    field_, message = input_layer.describe(exc)
    return [Problem(field_, message)]


# ---------------------------------------------------------------- answering a question


def answer(draft: Mapping[str, Any], question: Question, form: Mapping[str, Sequence[str]]
           ) -> tuple[dict[str, Any], list[Problem]]:
    """The draft with the answer written in, or the unchanged draft and what is wrong with the answer."""
    new = copy.deepcopy(dict(draft))
    problems = read_inputs(new, question.inputs, form)
    for inp in question.inputs:
        if inp.required and value_at(new, inp.path) in (None, "") and not any(p.field == inp.path for p in problems):
            if not (inp.kind == "multi" and value_at(new, inp.path) == []):
                problems.append(Problem(inp.path, "请填写此项，或选择“暂不回答”"))
    if problems:
        return dict(draft), problems
    _, found = validate(new)
    answered = {i.path for i in question.inputs}
    mine = [p for p in found if p.field in answered or any(p.field.startswith(a + ".") for a in answered)
            or p.field.startswith(question.path)]
    if mine:
        return dict(draft), mine
    if found and not missing_required(new):
        return dict(draft), [Problem(question.path, p.message if not p.field else
                                     f"{label_of(p.field)}：{p.message}") for p in found]
    return new, []


def label_of(path: str) -> str:
    """The Chinese name of a field path; the whole case when it names none."""
    return glossary.path_label(path) or "案件"


# ---------------------------------------------------------------- the edit page


@dataclass(frozen=True)
class Node:
    """One part of the edit form: a field, an object, or a list of objects."""

    kind: str  # "input", "object", "list"
    path: str
    label: str
    input: Input | None = None
    children: tuple[Node, ...] = ()
    present: bool = True  # an optional object that is recorded
    removable: bool = False


SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("案件基本信息", ("court", "case_number", "cause", "judge", "filing_date", "application_received_on",
                "resumed_from")),
    ("当事人", ("applicants", "respondents")),
    ("执行依据与债权", ("basis", "claim")),
    ("执行措施", ("measures",)),
    ("约谈、告知与审批", ("interview", "termination_notice", "approval", "bankruptcy")),
    ("终本裁定", ("termination",)),
    ("终本之后", ("post",)),
)


def layout(draft: Mapping[str, Any]) -> list[tuple[str, tuple[Node, ...]]]:
    """The edit form of the whole record, by section, shaped by the draft (its list lengths)."""
    return [(title, tuple(n for name in names for n in _nodes(name, draft, top=True))) for title, names in SECTIONS]


def _nodes(path: str, draft: Mapping[str, Any], *, top: bool = False) -> list[Node]:
    info, shape = resolve(path, draft)
    label = glossary.field(path)
    value = value_at(draft, path)
    if shape.kind == "list" and shape.item is not None and shape.item.kind == "model":
        items = value if isinstance(value, list) else []
        children = tuple(_object(f"{path}.{i}", draft, shape.item, removable=True) for i in range(len(items)))
        return [Node("list", path, label, children=children)]
    if shape.kind == "model":
        if path == "measures" and top:
            return [n for name in _fields_of(shape) for n in _nodes(f"measures.{name}", draft)]
        if value is None and not info.is_required():
            return [Node("object", path, label, present=False, removable=True)]
        node = _object(path, draft, shape, removable=not info.is_required())
        return [node]
    made = field_input(path, info, shape, draft, required=info.is_required())
    return [Node("input", path, label, input=made)] if made is not None else []


def _fields_of(shape: Shape) -> list[str]:
    return list(shape.type.model_fields)


def _object(path: str, draft: Mapping[str, Any], shape: Shape, *, removable: bool) -> Node:
    value = value_at(draft, path)
    model = model_for(shape, value if isinstance(value, Mapping) else {})
    children: list[Node] = []
    for name, info in model.model_fields.items():
        sub = f"{path}.{name}"
        if name == "id" and path.split(".")[0] in ("applicants", "respondents"):
            continue
        if name == "schema_version":
            continue
        sub_shape = shape_of(info.annotation)
        if name == "kind" and len(shape.models) > 1:
            children.append(Node("input", sub, glossary.field(sub), input=Input(
                sub, glossary.field(sub), "choice", True,
                tuple((k, glossary.term("party_kinds", k)) for k in ("person", "organisation")))))
            continue
        if sub_shape.kind in ("model", "list") and (sub_shape.kind == "model" or (
                sub_shape.item is not None and sub_shape.item.kind == "model")):
            children += _nodes(sub, draft)
            continue
        made = field_input(sub, info, sub_shape, draft, required=info.is_required())
        if made is not None:
            children.append(Node("input", sub, made.label, input=made))
    label = glossary.field(path)
    if path.rsplit(".", 1)[-1].isdigit():
        label = f"{label}第{int(path.rsplit('.', 1)[-1]) + 1}项"
    return Node("object", path, label, children=tuple(children), removable=removable)


def inputs_of(nodes: Sequence[Node]) -> list[Input]:
    """Every input of a form, depth first."""
    out: list[Input] = []
    for n in nodes:
        if n.input is not None:
            out.append(n.input)
        out += inputs_of(n.children)
    return out


def edit(draft: Mapping[str, Any], form: Mapping[str, Sequence[str]], action: str
         ) -> tuple[dict[str, Any], list[Problem]]:
    """Apply the edit form to the draft, then the structural ``action``:
    ``add:<path>`` (one more item, or record an object), ``remove:<path>``, or ``save``."""
    new = copy.deepcopy(dict(draft))
    nodes = [n for _, section in layout(draft) for n in section]
    problems = read_inputs(new, inputs_of(nodes), form)
    verb, _, target = action.partition(":")
    if verb in ("add", "remove") and target:
        try:
            info, shape = resolve(target, new)
        except KeyError:
            return new, [Problem("", "无法识别要添加或删除的项目")]
        if verb == "add" and shape.kind == "list":
            current = value_at(new, target)
            put(new, target, [*(current if isinstance(current, list) else []), {}])
            _tidy_parties(new)
        elif verb == "add" and shape.kind == "model":
            put(new, target, {})
        elif verb == "remove":
            parent, _, last = target.rpartition(".")
            container = value_at(new, parent) if parent else new
            if last.isdigit() and isinstance(container, list) and int(last) < len(container):
                container.pop(int(last))
            elif isinstance(container, dict):
                container.pop(last, None)
    return new, problems
