"""termination.render.narrative.measures: steps merged on data, in linear time (#14)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from termination.decide import check
from termination.case import CaseRecord
from termination.render import render_documents
from termination.render.narrative.measures import merge_by
from tests.render.support import CASE01, load


class _Key:
    """A hashable key that counts every comparison the merge makes."""

    comparisons = 0

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return hash(self.value)

    def __eq__(self, other: object) -> bool:
        _Key.comparisons += 1
        return isinstance(other, _Key) and self.value == other.value


def test_identical_steps_of_one_respondent_merge_in_linear_time() -> None:
    """5,000 identical steps for one respondent stay 5,000 clauses; the merge compares keys a bounded
    number of times per step (the old merge grew its key per repeat: cubic)."""
    n = 5_000
    items = [("same", "R1")] * n
    _Key.comparisons = 0
    groups = merge_by(items, key=lambda i: _Key(i[0]), who=lambda i: (i[1],))
    assert len(groups) == n and all(len(members) == 1 for _, members in groups)
    assert _Key.comparisons <= 4 * n


def test_the_same_step_for_several_respondents_is_one_group_and_a_repeat_opens_the_next() -> None:
    items = [("notice", "R1"), ("notice", "R2"), ("notice", "R1"), ("notice", "R3"), ("other", "R1")]
    groups = merge_by(items, key=lambda i: i[0], who=lambda i: (i[1],))
    assert [[m[1] for m in members] for _, members in groups] == [["R1", "R2", "R3"], ["R1"], ["R1"]]


def _many_inquiries(n: int) -> dict[str, Any]:
    data = load(CASE01)
    start = date(2024, 3, 7)
    data["measures"]["network_inquiries"] = [
        {"respondent": "R1", "system": "总对总", "scope": ["bank_deposit", "vehicle", "real_estate", "securities"],
         "requested_on": (start + timedelta(days=i % 90)).isoformat(), "feedback_on": "2024-06-14"}
        for i in range(n)
    ]
    return data


def test_a_thousand_and_more_measures_render_as_one_clause() -> None:
    """1,000 inquiries (the most a record holds) and 1,000 restrictions: more than 1,000 measures
    (cn_number stopped at 999 once), the inquiries on 90 distinct days in one clause."""
    data = _many_inquiries(1_000)
    data["measures"]["consumption_restrictions"] = [data["measures"]["consumption_restrictions"][0]] * 1_000
    case = CaseRecord.model_validate(data)
    docs = render_documents(case, check(case), draft=True, fmt="txt")
    ruling = docs["执行裁定书.txt"].decode("utf-8")
    assert "于2024年3月7日至6月4日间先后九十次通过网络执行查控系统查询被执行人的银行存款、车辆、不动产、证券，" in ruling
    assert ruling.count("网络执行查控系统") == 1


def test_many_identical_clauses_render() -> None:
    """1,000 identical restrictions of one respondent (a data-entry loop): each is stated, nothing fails."""
    data = load(CASE01)
    data["measures"]["consumption_restrictions"] = [data["measures"]["consumption_restrictions"][0]] * 1_000
    case = CaseRecord.model_validate(data)
    ruling = render_documents(case, check(case), draft=True, only=["ruling"], fmt="txt")["执行裁定书.txt"].decode()
    assert ruling.count("向被执行人发出限制消费令") == 1_000


def test_no_cached_property_holds_a_lock_across_requests() -> None:
    """functools.cached_property (Python ≤ 3.11) computes under one lock per class, shared by every
    instance: while the slow merge ran for one request, every other render of that worker waited on
    it and timed out (#14, finding 1). The package caches per instance without it."""
    import ast
    from pathlib import Path

    import termination

    offenders = []
    for path in sorted(Path(termination.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            named = (isinstance(node, ast.Attribute) and node.attr == "cached_property") or (
                isinstance(node, ast.alias) and node.name == "cached_property")
            if named:
                offenders.append(f"{path.name}:{node.lineno}" if hasattr(node, "lineno") else path.name)
    assert offenders == []
