"""Contract stability: the OpenAPI document is pinned; versions travel with the JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from termination.service.app import OPENAPI_PATH, main, openapi_document, openapi_text
from tests.service.conftest import ROOT, TestClient

PINNED = ROOT / "schemas" / "openapi.json"


def test_openapi_document_is_pinned() -> None:
    assert OPENAPI_PATH == PINNED
    assert openapi_document() == json.loads(PINNED.read_text(encoding="utf-8")), (
        "the HTTP contract changed: if deliberate, run `python -m termination.service.app --write-openapi`"
    )


def test_write_openapi_writes_the_pinned_text(tmp_path: Path) -> None:
    target = tmp_path / "openapi.json"
    assert main(["--write-openapi", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == openapi_text() == PINNED.read_text(encoding="utf-8")


def test_openapi_names_every_route_and_the_versioned_models(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert sorted(doc["paths"]) == ["/v1/analyze", "/v1/calendar", "/v1/check", "/v1/health", "/v1/render", "/v1/rules", "/v1/schema/case"]
    schemas = doc["components"]["schemas"]
    assert schemas["CaseRecord"]["properties"]["schema_version"]["enum"] == ["1.0", "1.1"]
    assert schemas["Decision"]["properties"]["decision_version"]["const"] == "1.1"
    check = doc["paths"]["/v1/check"]["post"]
    assert check["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/CaseRecord"}
    assert check["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Decision"}
    assert set(check["responses"]) >= {"200", "400", "401", "413", "422", "500", "503"}
    assert "security" not in doc["paths"]["/v1/health"]["get"]


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def test_every_reference_resolves_to_a_component() -> None:
    doc = openapi_document()
    refs = set(_refs(doc))
    assert "#/components/schemas/ProblemDetails" in refs
    prefix = "#/components/schemas/"
    assert all(ref.startswith(prefix) for ref in refs), sorted(r for r in refs if not r.startswith(prefix))
    assert {ref[len(prefix):] for ref in refs} <= set(doc["components"]["schemas"])
