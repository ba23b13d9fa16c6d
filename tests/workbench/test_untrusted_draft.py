"""The draft a page posts back is input like any other (#14 campaign on the workbench: 15 of
10,000 requests answered 500, each a draft whose shape was not the record's — a list where an
object belongs, an id that is a list — or a record whose signers were a number)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

from termination.workbench import forms
from tests.test_any_value import ROOT, SCHEMA, _paths
from tests.workbench.conftest import Session

CASE = json.loads((ROOT / "corpus" / "cases" / "01-compliant-person.json").read_text(encoding="utf-8"))
WRONG: list[Any] = [5, "x", [], {}]


def _places(data: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    """Every place of the record that holds an object or a list (where the form code walks)."""
    for path in _paths(data, SCHEMA):
        node: Any = data
        try:
            for key in path:
                node = node[key]
        except (KeyError, IndexError):
            continue
        if isinstance(node, (dict, list)) or path[-1] == "id":
            yield path


def _with(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    parent = out
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return out


def test_a_value_of_any_kind_anywhere_in_the_draft_is_shaped_or_kept_and_never_fails_the_form() -> None:
    inputs = [i.path for _, s in forms.layout(CASE) for i in forms.inputs_of(s)]
    form = {forms.PREFIX + p: ["1"] for p in inputs[::7]}  # some fields typed in as well
    failures = []
    for path in _places(CASE):
        for value in WRONG:
            draft = forms.decode(json.dumps(_with(CASE, path, value), ensure_ascii=False))
            for action in ("save", "add:measures.clues"):
                try:
                    forms.edit(draft, form, action)
                except Exception as exc:  # noqa: BLE001 — what the test is for
                    failures.append(f"{'.'.join(map(str, path))} = {value!r}, {action}: {type(exc).__name__}")
    assert failures == []


def test_shaping_leaves_out_only_what_has_the_wrong_kind() -> None:
    draft = _with(_with(_with(CASE, ("termination",), []), ("respondents", 0, "party", "id"), ["R1"]),
                  ("applicants",), {"name": "x"})
    shaped = forms.shaped(draft)
    assert "termination" not in shaped and "applicants" not in shaped
    assert "id" not in shaped["respondents"][0]["party"] and shaped["respondents"][0]["party"]["name"] == "张建国"
    assert forms.shaped(copy.deepcopy(CASE)) == CASE  # a record of the right shape is kept whole
    assert forms.shaped({**CASE, "unknown": [1]})["unknown"] == [1]  # the validator names unknown fields


@pytest.mark.parametrize(("route", "draft"), [
    ("/case/edit", _with(CASE, ("respondents", 0, "party"), [])),
    ("/case/edit", _with(CASE, ("respondents", 0, "party", "id"), [])),
    ("/case/results", _with(CASE, ("measures",), [1])),
    ("/case/download", _with(CASE, ("termination",), True)),
])
def test_the_campaigns_drafts_are_answered(session: Session, route: str, draft: dict[str, Any]) -> None:
    response = session.post(route, {"draft": json.dumps(draft, ensure_ascii=False), "skipped": "[]",
                                    "action": "save", "what": "ruling"})
    assert response.status_code in (200, 422), response.text[:300]


def test_a_pasted_record_whose_signers_are_a_number_is_a_clear_error(session: Session) -> None:
    data = copy.deepcopy(CASE)
    data["termination"].pop("judges")
    data["termination"]["signers"] = 5
    response = session.post("/case/open", {"source": "text", "text": json.dumps(data, ensure_ascii=False)})
    assert response.status_code == 422 and "署名" in response.text
