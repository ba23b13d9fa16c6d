"""A judge who knows the facts of a sample case and answers the workbench's questions from them.

Used by the in-process interview tests and the browser tests alike: each question's inputs are
filled with the sample's value at the input's path; a question the sample cannot answer (the
fact is not in the record) is set aside with 暂不回答, as a judge who does not know would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from termination.questions import Input, Question

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus" / "cases"


def sample(name: str) -> dict[str, Any]:
    """A bundled sample record as a dict."""
    data: dict[str, Any] = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def value_at(data: Any, path: str) -> Any:
    node = data
    for part in path.split("."):
        if isinstance(node, dict) and part.isdigit():
            node = [node]  # one object where the record now takes a list (interview, confirmation)
        if isinstance(node, list) and part.isdigit():
            node = node[int(part)] if int(part) < len(node) else None
        elif isinstance(node, dict):
            node = node.get(part)
            if node is None and part == "kind":
                return None
        else:
            return None
    return node


def _whose(data: dict[str, Any], person: Any) -> str | None:
    """The applicant a person acted for, as the judge knows it from the file: the applicant itself,
    its legal representative or its agent (the sample names them in the party block)."""
    for applicant in data.get("applicants", []):
        names = {applicant.get("name"), applicant.get("legal_representative"), (applicant.get("agent") or {}).get("name")}
        if person in names - {None}:
            return str(applicant["id"])
    return None


def known(data: dict[str, Any], path: str) -> Any:
    """What the judge knows at ``path``: the sample's value; parties default to natural persons."""
    value = value_at(data, path)
    if value is None and path.endswith(".applicant"):  # who signed or was heard: the judge knows whose
        item = value_at(data, path.rsplit(".", 1)[0]) or {}
        return _whose(data, item.get("signed_by") or item.get("interviewee"))
    if value is None and path.endswith(".kind") and value_at(data, path.rsplit(".", 1)[0]) is not None:
        return "person"
    return value


def form_value(inp: Input, value: Any) -> list[str]:
    """The raw form values that give ``value`` for this input."""
    if value is None:
        return []
    if inp.kind == "multi":
        return [str(v) for v in value]
    if inp.kind == "lines":
        return ["\n".join(str(v) for v in value)]
    if inp.kind == "yesno":
        return ["true" if value else "false"]
    return [str(value)]


def answers(question: Question, truth: dict[str, Any]) -> dict[str, list[str]] | None:
    """The form values answering ``question`` from the sample, or None when the sample does not know."""
    if question.kind == "add":
        index = question.inputs[0].path[len(question.path) + 1:].split(".", 1)[0]
        if value_at(truth, f"{question.path}.{index}") is None:
            return None
    elif known(truth, question.path) is None and not question.path.endswith(".kind"):
        return None
    values: dict[str, list[str]] = {}
    for inp in question.inputs:
        raw = form_value(inp, known(truth, inp.path))
        if raw:
            values[f"v:{inp.path}"] = raw
    return values


def wants_more(question: Question, truth: dict[str, Any]) -> bool:
    """Whether the judge adds another item after this one (保存，再记录一项): the sample has one more."""
    if question.kind != "add":
        return False
    index = int(question.inputs[0].path[len(question.path) + 1:].split(".", 1)[0])
    return value_at(truth, f"{question.path}.{index + 1}") is not None
