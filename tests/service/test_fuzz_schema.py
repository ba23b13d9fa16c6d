"""Fuzzing from the published JSON Schema (#14 item 16 and the zero-5xx goal).

Records are drawn from ``schemas/case.schema.json`` itself (a small converter from JSON Schema to
hypothesis strategies, below), then half of them have their references repaired (party ids,
dates in order) so that they get past validation and reach the rules, the documents and the
calendar. Every answer must be a 2xx or a 4xx problem document, never a 5xx; and a record that
the schema accepts may be refused only for a rule JSON Schema cannot state (references between
fields, dates in order, sums): everything else the schema promises, the validator keeps.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import hostile_docx
from termination.schema_export import case_schema
from tests.service.conftest import make_client

SCHEMA = case_schema()
#: examples per property; CI keeps it small (seconds), a longer run: TERMINATION_FUZZ_EXAMPLES=2000
EXAMPLES = int(os.environ.get("TERMINATION_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
FEW = settings(max_examples=max(EXAMPLES // 3, 10), deadline=None, suppress_health_check=list(HealthCheck))
CLIENT = make_client()

#: What a schema-valid record may still be refused for: rules between fields, which JSON Schema
#: cannot state (each is a check of the validator, named by its message).
CROSS_FIELD = re.compile(
    "当事人 id 重复|不是任何被执行人的 id|不是任何申请执行人的 id|日期不得早于|出生日期晚于立案日期|"
    "与 termination.signers 中的署名人员不一致|标的金额、利息与费用之和不得超过|已执行到位金额大于|"
    "案号|法院代字|立案日期"  # consistency of the case number with the court and the filing date
)


@pytest.fixture(scope="module", autouse=True)
def _one_event_loop() -> Iterator[None]:
    with CLIENT:
        yield


# ---------------------------------------------------------------- JSON Schema → strategy


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def strategy(node: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values valid for ``node`` (a subset of JSON Schema: what pydantic emits for the case record)."""
    node = _resolve(node)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    for key in ("anyOf", "oneOf"):
        if key in node:
            return st.one_of([strategy(option, depth) for option in node[key]])
    kind = node.get("type")
    if kind == "object":
        props: dict[str, Any] = node.get("properties", {})
        required = set(node.get("required", []))
        optional = [k for k in props if k not in required]
        if depth > 3:  # keep records small: deep optional parts only now and then
            optional = []

        @st.composite
        def build(draw: st.DrawFn) -> dict[str, Any]:
            chosen = draw(st.lists(st.sampled_from(optional), unique=True, max_size=4)) if optional else []
            return {k: draw(strategy(props[k], depth + 1)) for k in props if k in required or k in chosen}

        return build()
    if kind == "array":
        low = node.get("minItems", 0)
        return st.lists(strategy(node["items"], depth + 1), min_size=low, max_size=max(low, 2))
    if kind == "string":
        if node.get("format") == "date":
            return st.dates(date(1900, 1, 1), date(2099, 12, 31)).map(date.isoformat)
        if node.get("format") == "date-time":  # a day away from the bounds: its Beijing day stays in range
            zones = st.sampled_from([timezone.utc, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30))])
            return st.datetimes(datetime(1900, 1, 2), datetime(2099, 12, 30), timezones=zones).map(
                lambda moment: moment.isoformat(timespec="seconds"))
        if "pattern" in node:
            return st.from_regex(node["pattern"], fullmatch=True).filter(lambda s: len(s) <= node.get("maxLength", 10**9))
        low = node.get("minLength", 0)
        return st.text(min_size=low, max_size=max(low, 8))
    if kind == "integer":
        return st.integers(node.get("minimum", -(2**31)), node.get("maximum", 2**31))
    if kind == "number":
        if node.get("multipleOf") == 0.01:
            top = int(round(node.get("maximum", 10**9) * 100))
            return st.integers(int(node.get("minimum", 0) * 100), top).map(lambda cents: cents / 100)
        return st.floats(node.get("minimum"), node.get("maximum"), allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    raise AssertionError(f"schema keyword not handled by the fuzzer: {node}")


def _repair(data: dict[str, Any]) -> dict[str, Any]:
    """Make references and orders hold, so the record reaches the rules (the schema cannot say them)."""
    data = copy.deepcopy(data)
    for i, party in enumerate(data["applicants"]):
        party["id"] = f"A{i + 1}"
    for i, respondent in enumerate(data["respondents"]):
        respondent["party"]["id"] = f"R{i + 1}"
    measures = data.get("measures") or {}
    for items in measures.values():
        for item in items or []:
            if isinstance(item, dict) and "respondent" in item:
                item["respondent"] = "R1"
    for holder, key in ((data, "interview"), (data.get("approval") or {}, "applicant_confirmation")):
        items = holder.get(key)
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, dict) and item.get("applicant") is not None:
                item["applicant"] = "A1"
    data["filing_date"] = "2020-01-02"
    data["termination"]["proposed_date"] = "2024-06-25"
    data["termination"].pop("served_on", None)
    return data


records = strategy(SCHEMA).flatmap(lambda r: st.sampled_from([r, _repair(r)]))


def _messages(body: dict[str, Any]) -> list[str]:
    return [e["message"] for e in body.get("errors") or []] or [body["detail"]]


def assert_no_5xx(response: Any) -> dict[str, Any] | None:
    assert response.status_code < 500, (response.status_code, response.text[:500])
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json", response.text[:300]
        body: dict[str, Any] = response.json()
        assert body["status"] == response.status_code and body["detail"]
        return body
    return None


# ---------------------------------------------------------------- the properties


@FUZZ
@given(records)
def test_schema_records_checked_never_5xx_and_refused_only_for_cross_field_rules(record: dict[str, Any]) -> None:
    body = assert_no_5xx(CLIENT.post("/v1/check", content=json.dumps(record, ensure_ascii=False).encode("utf-8")))
    if body is not None:
        assert body["type"].endswith(("/invalid-case", "/calendar-not-covered")), body
        if body["type"].endswith("/invalid-case"):
            refused = [m for m in _messages(body) if not CROSS_FIELD.search(m)]
            assert not refused, f"schema-valid record refused: {refused}"


@FEW
@given(records, st.sampled_from(["txt", "docx"]), st.booleans())
def test_schema_records_rendered_never_5xx(record: dict[str, Any], fmt: str, draft: bool) -> None:
    response = CLIENT.post(f"/v1/render?draft={str(draft).lower()}&format={fmt}",
                           content=json.dumps(record, ensure_ascii=False).encode("utf-8"))
    assert_no_5xx(response)


@FEW
@given(st.lists(records, min_size=1, max_size=3), st.sampled_from(["json", "ics", "xlsx"]),
       st.dates(date(1900, 1, 1), date(2099, 12, 31)))
def test_schema_records_in_the_calendar_never_5xx(batch: list[dict[str, Any]], fmt: str, as_of: date) -> None:
    response = CLIENT.post(f"/v1/calendar?as_of={as_of.isoformat()}&format={fmt}",
                           content=json.dumps(batch, ensure_ascii=False).encode("utf-8"))
    assert_no_5xx(response)


@FUZZ
@given(st.sampled_from(sorted(hostile_docx.HOSTILE)), st.data())
def test_mutated_docx_uploads_never_5xx(name: str, data: st.DataObject) -> None:
    raw = bytearray(hostile_docx.valid("执行裁定书\n本院认为，被执行人暂无财产可供执行。\n终结本次执行程序。"))
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    response = CLIENT.post("/v1/analyze", files={"file": ("a.docx", bytes(raw), "application/octet-stream")})
    assert response.status_code in (200, 422), (name, response.status_code, response.text[:300])


@FUZZ
@given(st.dictionaries(st.sampled_from(["as_of", "draft", "only", "format", "soon_days", "court", "judge", "on"]),
                       st.text(max_size=12), max_size=3),
       st.sampled_from(["/v1/check", "/v1/render", "/v1/calendar"]))
def test_random_query_parameters_never_5xx(params: dict[str, str], route: str) -> None:
    sample = json.loads(hostile_docx_free_sample())
    body = [sample] if route == "/v1/calendar" else sample
    assert_no_5xx(CLIENT.post(route, params=params, content=json.dumps(body, ensure_ascii=False).encode("utf-8")))


def hostile_docx_free_sample() -> str:
    from tests.service.conftest import ROOT

    return (ROOT / "corpus" / "cases" / "01-compliant-person.json").read_text(encoding="utf-8")
