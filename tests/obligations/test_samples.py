"""Each sample in corpus/terminated/ against its hand-computed expectation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from termination.io import load_case
from termination.obligations import assess

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "terminated"

CASES = sorted(p for p in SAMPLES.glob("*.json") if not p.name.endswith(".expected.json"))


def test_enough_samples_each_with_an_expectation() -> None:
    assert len(CASES) >= 5
    for path in CASES:
        assert path.with_name(path.stem + ".expected.json").is_file(), path.name


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_sample_matches_hand_calculation(path: Path) -> None:
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    result = assess(
        load_case(path),
        as_of=date.fromisoformat(expected["as_of"]),
        soon_days=expected["soon_days"],
    )
    got = sorted(
        (
            o.kind,
            o.ref or "",
            o.due.isoformat() if o.due else "",
            o.status,
            o.done_on.isoformat() if o.done_on else "",
        )
        for o in result.obligations
    )
    want = sorted(
        (o["kind"], o["ref"] or "", o["due"] or "", o["status"], o["done_on"] or "")
        for o in expected["obligations"]
    )
    assert got == want
    assert sorted(f.code for f in result.findings) == sorted(expected["findings"])
    # optional hand-computed details: legal last day, what the due date is, provisional or not
    by_key = {(o.kind, o.ref or "", o.seq): o for o in result.obligations}
    seqs: dict[tuple[str, str], int] = {}
    for o in sorted(expected["obligations"], key=lambda o: (o["kind"], o["ref"] or "", o["due"] or "")):
        key = (o["kind"], o["ref"] or "")
        seqs[key] = seqs.get(key, 0) + 1
        mine = by_key[(*key, seqs[key])]
        if "deadline" in o:
            assert (mine.deadline.isoformat() if mine.deadline else None) == o["deadline"], o
        for field in ("due_basis", "provisional"):
            if field in o:
                assert getattr(mine, field) == o[field], o


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_sample_obligations_are_sorted_and_cited(path: Path) -> None:
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    result = assess(load_case(path), as_of=date.fromisoformat(expected["as_of"]))
    dated = [o.due for o in result.obligations if o.due is not None]
    assert dated == sorted(dated)
    undated = [o.due for o in result.obligations[len(dated) :]]
    assert all(d is None for d in undated)  # undated obligations come last
    for o in result.obligations:
        assert o.requirement.startswith("R-")
        assert o.citation.startswith("《")
        assert o.case_number == result.case_number
