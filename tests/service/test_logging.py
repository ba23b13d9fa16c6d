"""Personal data stays in: one log line per request, naming the case number, never a party."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from termination import api
from tests.service.conftest import CASES, make_client

PERSONAL_KEYS = {"name", "id_number", "address", "legal_representative", "credit_code", "birth_date",
                 "interviewee", "signed_by", "person", "place"}


def personal_values(data: Any) -> Iterator[str]:
    """Every party name, 身份证号, address (and similar) anywhere in a case record."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in PERSONAL_KEYS and isinstance(value, str) and len(value) >= 2:
                yield value
            yield from personal_values(value)
    elif isinstance(data, list):
        for item in data:
            yield from personal_values(item)


def test_sample_cases_carry_personal_data_to_look_for() -> None:
    values = {v for case in CASES for v in personal_values(json.loads(case.read_text(encoding="utf-8")))}
    assert "张建国" in values and len(values) > 3 * len(CASES)


def test_logs_name_request_and_case_but_no_personal_data(caplog: pytest.LogCaptureFixture,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    secrets: set[str] = set()
    requests = 0
    with make_client() as client, caplog.at_level(logging.INFO, logger="termination"):
        for case in CASES:
            data = json.loads(case.read_text(encoding="utf-8"))
            secrets |= set(personal_values(data))
            raw = case.read_bytes()
            response = client.post("/v1/check", content=raw)
            assert response.status_code == 200
            assert client.post("/v1/render", content=raw).status_code in (200, 409)
            broken = dict(data, claim=dict(data["claim"], amount_due=data["applicants"][0]["name"]))
            assert client.post("/v1/check", json=broken).status_code == 422
            requests += 3
        real_check = api.check

        def failing(case: Any, **kwargs: Any) -> Any:
            raise ValueError(f"internal failure near {case.respondents[0].party.name}")

        monkeypatch.setattr(api, "check", failing)
        first = CASES[0].read_bytes()
        assert client.post("/v1/check", content=first).status_code == 500
        requests += 1
        monkeypatch.setattr(api, "check", real_check)
    lines = [r for r in caplog.records if r.name.startswith("termination")]
    text = "\n".join(r.getMessage() + " " + json.dumps(r.__dict__, default=str, ensure_ascii=False) for r in lines)
    leaked = sorted(s for s in secrets if s in text)
    assert not leaked, f"personal data in the log: {leaked}"
    request_lines = [r for r in lines if r.getMessage().startswith("request ")]
    assert len(request_lines) == requests
    first_number = json.loads(first)["case_number"]
    assert f"case_number={first_number}" in request_lines[0].getMessage()
    assert "method=POST path=/v1/check status=200" in request_lines[0].getMessage()
    errors = [r for r in lines if r.levelno >= logging.WARNING]
    assert len(errors) == 1 and "error=ValueError" in errors[0].getMessage()
    assert f"case_number={first_number}" in errors[0].getMessage()
