"""Shared helpers for the review tests: JSONL batches built from the sample cases."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "corpus" / "cases"
DATA = Path(__file__).parent / "data"


def case(name: str = "01-compliant-person", **changes: Any) -> dict[str, Any]:
    """A sample case record as a dict, with top-level fields replaced."""
    data: dict[str, Any] = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


def variant(i: int, court: str = "北京市朝阳区人民法院", name: str = "01-compliant-person", **extra: Any) -> dict[str, Any]:
    """Case ``i`` of a batch: its own case number, in ``court``."""
    return case(name, court=court, case_number=f"（2024）京0105执{1000 + i}号", **extra)


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[[Iterable[Any]], Path]:
    """Write lines (dicts are JSON-encoded, strings written as they are) to ``cases.jsonl``."""

    def write(lines: Iterable[Any], name: str = "cases.jsonl") -> Path:
        path = tmp_path / name
        with path.open("w", encoding="utf-8") as fh:
            for line in lines:
                fh.write((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n")
        return path

    return write
