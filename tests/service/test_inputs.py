"""The service reads bodies through the same input layer as the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "corpus" / "cases" / "01-compliant-person.json"
PRETTY = json.dumps(json.loads(CASE.read_text(encoding="utf-8")), ensure_ascii=False, indent=2)
ENCODED = {"gbk": PRETTY.encode("gbk"), "utf-16-bom": PRETTY.encode("utf-16"), "utf-8-bom": PRETTY.encode("utf-8-sig")}


def _with(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CASE.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def test_the_service_takes_gbk_and_utf16_bodies(client: TestClient) -> None:
    for name in ("gbk", "utf-16-bom", "utf-8-bom"):
        answer = client.post("/v1/check", content=ENCODED[name], headers={"Content-Type": "application/json"})
        assert answer.status_code == 200, (name, answer.text)
        assert answer.json()["outcome"] == "ready"
    bad = client.post("/v1/check", json=_with(court="x", filing_date="nope"))
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"court", "filing_date"}
    assert all(e["label"] and e["message"] for e in bad.json()["errors"])


def test_calendar_takes_wrapper_lines(client: TestClient) -> None:
    line = json.dumps({"case": json.loads(CASE.read_text(encoding="utf-8")), "judge": "王立新"}, ensure_ascii=False)
    answer = client.post("/v1/calendar?as_of=2026-03-20", content=(line + "\n" + line).encode("utf-8"),
                         headers={"Content-Type": "application/x-ndjson"})
    assert answer.status_code == 200, answer.text
