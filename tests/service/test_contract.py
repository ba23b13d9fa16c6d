"""The pinned OpenAPI document is a contract a client can be generated from: every route and
media type has a full schema, and the running service's answers validate against it.

The check is what a client generated from ``schemas/openapi.json`` relies on: each live answer
(a real ``termination serve`` process) is validated with ``jsonschema`` (OpenAPI 3.1 schemas are
JSON Schema 2020-12) against the schema the pinned document gives for its path, method, status
and media type; binary and text answers must be declared with their media type.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator

from tests.service.server import running_server

ROOT = Path(__file__).resolve().parents[2]
PINNED = json.loads((ROOT / "schemas" / "openapi.json").read_text(encoding="utf-8"))
CASE_01 = ROOT / "corpus" / "cases" / "01-compliant-person.json"
CASE_04 = ROOT / "corpus" / "cases" / "04-no-consumption-restriction.json"  # not ready: C01
TERMINATED = sorted(p for p in (ROOT / "corpus" / "terminated").glob("*.json") if not p.name.endswith(".expected.json"))
RULING = ROOT / "corpus" / "rulings" / "zb_2017_gansu_519.txt"


def _pointer(*parts: str) -> str:
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def declared(path: str, method: str, status: int, media: str) -> dict[str, Any]:
    """The pinned schema of one answer (KeyError when the answer is not declared at all)."""
    content = PINNED["paths"][path][method]["responses"][str(status)]["content"]
    return content[media]["schema"]  # type: ignore[no-any-return]


def assert_conforms(response: httpx.Response, path: str, method: str = "post") -> None:
    """The answer is declared in the pinned document and its body validates against the schema."""
    media = response.headers["content-type"].split(";")[0].strip()
    schema = declared(path, method, response.status_code, media)
    assert schema, f"{method} {path} {response.status_code} {media}: empty schema"
    if media.endswith("json"):
        root = {**PINNED, "$ref": _pointer("paths", path, method, "responses", str(response.status_code),
                                            "content", media, "schema")}
        errors = sorted(Draft202012Validator(root).iter_errors(response.json()), key=str)
        assert not errors, f"{method} {path} {response.status_code}: {errors[0].message} at {list(errors[0].path)}"
    elif schema.get("format") == "binary":
        assert response.content  # docx, zip, xlsx
    else:
        assert schema == {"type": "string"} and response.text


def test_every_answer_has_a_schema() -> None:
    for path, methods in PINNED["paths"].items():
        for method, op in methods.items():
            for status, answer in op["responses"].items():
                for media, body in answer.get("content", {}).items():
                    assert body.get("schema"), f"{method} {path} {status} {media} has no schema"
    assert Draft202012Validator.check_schema({"$defs": PINNED["components"]["schemas"]}) is None


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running_server(workers=1) as url:
        yield url


def test_live_answers_conform_to_the_pinned_document(base: str) -> None:
    case = CASE_01.read_bytes()
    json_body = {"Content-Type": "application/json"}
    with httpx.Client(base_url=base, timeout=60) as c:
        assert_conforms(c.get("/v1/health"), "/v1/health", "get")
        assert_conforms(c.get("/v1/rules", params={"on": "2024-06-25"}), "/v1/rules", "get")
        assert_conforms(c.get("/v1/schema/case"), "/v1/schema/case", "get")
        assert_conforms(c.post("/v1/check", content=case, headers=json_body), "/v1/check")
        assert_conforms(c.post("/v1/render", params={"only": "ruling"}, content=case, headers=json_body), "/v1/render")
        assert_conforms(c.post("/v1/render", params={"only": "notice", "format": "txt"}, content=case,
                               headers=json_body), "/v1/render")
        assert_conforms(c.post("/v1/render", content=case, headers=json_body), "/v1/render")  # zip
        ruling = RULING.read_bytes()
        assert_conforms(c.post("/v1/analyze", content=ruling, headers={"Content-Type": "text/plain"}), "/v1/analyze")
        cases = b"[" + b",".join(p.read_bytes() for p in TERMINATED[:2]) + b"]"
        for fmt in ("json", "ics", "xlsx"):
            assert_conforms(c.post("/v1/calendar", params={"as_of": "2026-03-20", "format": fmt}, content=cases,
                                   headers=json_body), "/v1/calendar")
        # problems: 400, 404-free routes' 409, 415, 422 — all application/problem+json
        assert_conforms(c.post("/v1/check", content=b"{", headers=json_body), "/v1/check")
        bad = c.post("/v1/check", json={"court": "x"})
        assert bad.status_code == 422 and bad.json()["errors"]
        assert_conforms(bad, "/v1/check")
        not_ready = c.post("/v1/render", content=CASE_04.read_bytes(), headers=json_body)
        assert not_ready.status_code == 409
        assert_conforms(not_ready, "/v1/render")
        assert_conforms(c.post("/v1/analyze", content=b"<x/>", headers={"Content-Type": "application/xml"}),
                        "/v1/analyze")


def test_unknown_query_parameter_is_a_422_problem(base: str) -> None:
    with httpx.Client(base_url=base, timeout=60) as c:
        answer = c.post("/v1/check", params={"asof": "2024-06-01"}, content=CASE_01.read_bytes(),
                        headers={"Content-Type": "application/json"})
        assert answer.status_code == 422
        body = answer.json()
        assert body["type"].endswith("/invalid-parameter") and body["field"] == "asof"
        assert "未知的查询参数" in body["detail"] and "as_of" in body["detail"]
        assert_conforms(answer, "/v1/check")
        for path in ("/v1/health", "/v1/rules", "/v1/schema/case"):
            assert c.get(path, params={"x": "1"}).status_code == 422, path


def test_409_lists_each_missing_step_structured(base: str) -> None:
    with httpx.Client(base_url=base, timeout=60) as c:
        body = c.post("/v1/render", content=CASE_04.read_bytes(), headers={"Content-Type": "application/json"}).json()
    [step] = body["missing"]
    assert step["rule"] == "C01" and step["status"] == "violated"
    assert step["message"] and step["remedy"] and step["citations"][0]["text"].startswith("《")
    assert "--draft" not in body["detail"] and "draft=true" in body["detail"]
