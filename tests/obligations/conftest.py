"""Shared fixtures: sample terminated cases and a factory for edited copies."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from termination.case import CaseRecord

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "terminated"


def _merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        elif value is None:
            base.pop(key, None)
        else:
            base[key] = value
    return base


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def sample_dict() -> Callable[[str], dict[str, Any]]:
    """The raw JSON of a sample case (by file stem)."""

    def load(stem: str) -> dict[str, Any]:
        return json.loads((SAMPLES / f"{stem}.json").read_text(encoding="utf-8"))

    return load


@pytest.fixture
def make_case(sample_dict: Callable[[str], dict[str, Any]]) -> Callable[..., CaseRecord]:
    """Sample 01 (served 2025-09-30, ruling 2025-09-26, ground-1 listing) with changes merged in.

    A ``None`` value removes the key; nested dicts are merged; lists replace.
    """

    def make(
        changes: dict[str, Any] | None = None, stem: str = "01-served-before-national-day"
    ) -> CaseRecord:
        data = copy.deepcopy(sample_dict(stem))
        return CaseRecord.model_validate(_merge(data, changes or {}))

    return make
