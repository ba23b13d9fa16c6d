"""Malformed input never gets a 500: random JSON, random bytes and mutated sample cases."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.service.conftest import CASES, RULINGS, make_client

CLIENT = make_client()


@pytest.fixture(scope="module", autouse=True)
def _one_event_loop() -> Iterator[None]:
    """One loop for the module: the analysis process of the app lives in it."""
    with CLIENT:
        yield
SAMPLES = [json.loads(p.read_text(encoding="utf-8")) for p in CASES]
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = (
    st.none() | st.booleans() | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
    | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat)
    | st.sampled_from(["R1", "A1", "C1", "P1", "person", "organisation", "money", "0", "-1", "1e400", "（2024）京0105执1号"])
)
json_values = st.recursive(scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                           max_leaves=12)


def assert_answer(response: Any) -> None:
    """200 with a decision, or a 4xx problem document — never a 500."""
    assert response.status_code in (200, 400, 422), (response.status_code, response.text[:300])
    if response.status_code == 200:
        body = response.json()
        assert body["decision_version"] == "1.1" and body["outcome"] in ("ready", "not_ready")
    else:
        assert response.headers["content-type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == response.status_code and body["detail"] and body["request_id"]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield from _paths(value, (*prefix, key))


def _mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    if not path:
        return value
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "add" and isinstance(parent, dict):
        parent[f"{key}_extra"] = value
    elif action == "add":
        parent.append(value)
    else:
        parent[key] = value
    return data


def _values_by_key(node: Any, key: str = "", out: dict[str, list[Any]] | None = None) -> dict[str, list[Any]]:
    """Every value seen under each key in the sample cases (list items under the list's key)."""
    out = {} if out is None else out
    if isinstance(node, dict):
        for k, v in node.items():
            _values_by_key(v, k, out)
    elif isinstance(node, list):
        for v in node:
            _values_by_key(v, key, out)
    if key and node not in out.setdefault(key, []):
        out[key].append(node)
    return out


VALUES: dict[str, list[Any]] = {}
for _sample in SAMPLES:
    _values_by_key(_sample, out=VALUES)


def _similar(value: Any, key: Any) -> st.SearchStrategy[Any]:
    """Values of the same kind as ``value``: these mostly pass validation and reach the rules."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
    if isinstance(key, str) and VALUES.get(key):
        return st.sampled_from(VALUES[key])  # what another sample case holds under the same key
    if isinstance(value, bool) or value is None:
        return st.sampled_from([True, False, None])
    if isinstance(value, int):
        return st.integers(min_value=-1, max_value=8)
    if isinstance(value, str) and value.replace(".", "", 1).isdigit():
        return st.decimals(min_value=0, max_value=10**9, places=2).map(str)
    if isinstance(value, list):
        return st.lists(st.sampled_from(value), max_size=len(value)) if value else st.just([])
    return json_values


@st.composite
def mutated_cases(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths[1:] if len(paths) > 1 else paths))
        action = draw(st.sampled_from(["similar", "similar", "similar", "replace", "delete", "add"]))
        if action == "similar":
            current = data
            for key in path:
                current = current[key]
            key = next((k for k in reversed(path) if isinstance(k, str)), None)
            data = _mutate(data, path, "replace", copy.deepcopy(draw(_similar(current, key))))
        else:
            data = _mutate(data, path, action, draw(json_values))
        if not isinstance(data, (dict, list)):
            break
    return data


@FUZZ
@given(json_values)
def test_random_json_values(value: Any) -> None:
    assert_answer(CLIENT.post("/v1/check", content=json.dumps(value).encode("utf-8")))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(raw: bytes) -> None:
    assert_answer(CLIENT.post("/v1/check", content=raw))


@FUZZ
@given(mutated_cases(), st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))))
def test_mutated_sample_cases(data: Any, as_of: date | None) -> None:
    params = {"as_of": as_of.isoformat()} if as_of else {}
    assert_answer(CLIENT.post("/v1/check", params=params, content=json.dumps(data, ensure_ascii=False).encode("utf-8")))


@FUZZ
@given(st.text(max_size=30))
def test_random_as_of(as_of: str) -> None:
    response = CLIENT.post("/v1/check", params={"as_of": as_of}, content=CASES[0].read_bytes())
    assert_answer(response)


RULING = (RULINGS / "zb_2017_gansu_519.txt").read_text(encoding="utf-8")


@st.composite
def mutated_rulings(draw: st.DrawFn) -> str:
    text = RULING
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        start = draw(st.integers(min_value=0, max_value=len(text)))
        end = draw(st.integers(min_value=start, max_value=min(len(text), start + 200)))
        text = text[:start] + draw(st.text(max_size=20)) + text[end:]
    return text


@FUZZ
@given(st.one_of(st.text(max_size=200), mutated_rulings()))
def test_analyze_random_and_mutated_rulings(text: str) -> None:
    response = CLIENT.post("/v1/analyze", content=text.encode("utf-8", "surrogatepass"),
                           headers={"Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code in (200, 422), (response.status_code, response.text[:300])
    if response.status_code == 422:
        assert response.json()["type"].endswith("/invalid-ruling")
