"""POST /v1/calendar and api.calendar: the same obligations as `termination calendar`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import icalendar

from termination import api
from termination.cli import main
from tests.service.conftest import ROOT, TestClient

TERMINATED = sorted(p for p in (ROOT / "corpus" / "terminated").glob("*.json") if not p.name.endswith(".expected.json"))
AS_OF = "2026-03-20"


def _cli_json(capsys, paths: list[Path]) -> dict:  # type: ignore[no-untyped-def]
    assert main(["calendar", *map(str, paths), "--as-of", AS_OF, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_route_equals_the_command_line(client: TestClient, capsys) -> None:  # type: ignore[no-untyped-def]
    body = json.dumps([json.loads(p.read_text(encoding="utf-8")) for p in TERMINATED], ensure_ascii=False)
    response = client.post(f"/v1/calendar?as_of={AS_OF}", content=body.encode("utf-8"))
    assert response.status_code == 200
    assert response.json() == _cli_json(capsys, TERMINATED)


def test_json_lines_body_and_ics(client: TestClient) -> None:
    lines = "\n".join(json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False) for p in TERMINATED)
    response = client.post(f"/v1/calendar?as_of={AS_OF}&format=ics", content=lines.encode("utf-8"))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    report = api.calendar(TERMINATED, as_of=date.fromisoformat(AS_OF))
    uids = {str(e["UID"]) for e in events}
    pending = [o for o in report.obligations if o.status != "done" and o.due is not None]
    assert {o.ics_uid for o in pending} <= uids  # plus one event per case with record problems
    assert len(events) - len(pending) == len({f.case_number for f in report.findings if f.kind is None
                                              or not any(o.case_number == f.case_number and o.kind == f.kind
                                                         and o.ref == f.ref for o in pending)})


def test_filter_by_court(client: TestClient) -> None:
    record = json.loads(TERMINATED[0].read_text(encoding="utf-8"))
    body = json.dumps([json.loads(p.read_text(encoding="utf-8")) for p in TERMINATED], ensure_ascii=False)
    response = client.post("/v1/calendar", params={"as_of": AS_OF, "court": record["court"]}, content=body.encode())
    assert response.status_code == 200
    assert {o["court"] for o in response.json()["obligations"]} == {record["court"]}


def test_bad_item_is_named_and_as_of_is_required(client: TestClient) -> None:
    bad = client.post(f"/v1/calendar?as_of={AS_OF}", content=b'[{"court": 1}]')
    assert bad.status_code == 422 and bad.json()["detail"].startswith("第1项：执行法院（court）：")
    assert client.post("/v1/calendar", content=b"[]").status_code == 422
    broken = client.post(f"/v1/calendar?as_of={AS_OF}", content=b"[{")
    assert broken.status_code == 400 and broken.headers["content-type"].startswith("application/problem+json")
