"""Shared fixtures of the service tests: the sample cases and an in-process client."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    # starlette's TestClient asks for httpx2 (it still works with httpx, the declared test dependency)
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from termination.service.app import Settings, create_app

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted(p for p in (ROOT / "corpus" / "cases").glob("*.json") if not p.name.endswith(".expected.json"))
RULINGS = ROOT / "corpus" / "rulings"


def expected(case: Path) -> dict[str, Any]:
    """The hand-written expectation beside a sample case (``NN-name.expected.json``)."""
    data: dict[str, Any] = json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return data


def make_client(**settings: Any) -> TestClient:
    """A client of a fresh app; ``raise_server_exceptions=False`` so a 500 is seen as the user sees it."""
    return TestClient(create_app(Settings(**settings)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with make_client() as c:  # runs the lifespan (rules loaded before the first request)
        yield c
