"""Helpers for the render tests: sample cases, date shifting, reading .docx back."""

from __future__ import annotations

import copy
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import docx

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "corpus" / "cases"
CASE01 = CASES / "01-compliant-person.json"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def case_files() -> list[Path]:
    """Every sample case record (not the expected-decision files)."""
    return sorted(p for p in CASES.glob("*.json") if not p.name.endswith(".expected.json"))


def load(path: Path = CASE01) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def shift_dates(data: Any, days: int) -> Any:
    """A copy of a case dict with every ISO date moved by ``days`` (intervals unchanged)."""
    if isinstance(data, dict):
        out = {k: shift_dates(v, days) for k, v in data.items()}
        if isinstance(out.get("case_number"), str) and isinstance(out.get("filing_date"), str):
            # 案号规定第二条: the number's year is the year the case was filed
            out["case_number"] = re.sub(r"^（\d{4}）", f"（{out['filing_date'][:4]}）", out["case_number"])
        return out
    if isinstance(data, list):
        return [shift_dates(v, days) for v in data]
    if isinstance(data, str) and _ISO.match(data):
        return (date.fromisoformat(data) + timedelta(days=days)).isoformat()
    return copy.deepcopy(data)


def ymd(d: date | str) -> str:
    """The body date format written by hand: 2024年3月6日."""
    d = date.fromisoformat(d) if isinstance(d, str) else d
    return f"{d.year}年{d.month}月{d.day}日"


def paragraphs(data: bytes) -> list[str]:
    """Body paragraph texts of a .docx."""
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def body_text(data: bytes) -> str:
    """All text of a .docx body: paragraphs and table cells."""
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def flat(text: str) -> str:
    """Text without the full-width spaces used to align signature names."""
    return text.replace("　", "")
