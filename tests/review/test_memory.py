"""Memory stays bounded on a generated 5,000-case batch (RSS growth, not time)."""

from __future__ import annotations

import io
import multiprocessing
from pathlib import Path
from typing import Any

from termination.review.batch import ReviewOptions, run_review
from tests.generated import generator


def _generate(n: int, out: Path) -> None:
    generator().generate(n, out, seed=7, rulings=0.05)


def _rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _workers_rss() -> list[float]:
    return [_rss_mb(p.pid) for p in multiprocessing.active_children() if p.pid]


def test_memory_is_flat_over_5000_cases(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    _generate(5000, path)
    with path.open(encoding="utf-8") as fh:
        assert sum(1 for _ in fh) == 5000
    marks: dict[int, tuple[float, list[float]]] = {}
    seen = 0

    def hook(_case: dict[str, Any]) -> None:
        nonlocal seen
        seen += 1
        if seen in (1000, 5000):
            marks[seen] = (_rss_mb(), _workers_rss())

    summary = run_review(path, ReviewOptions(workers=2, chunksize=8), tmp_path / "out",
                         stderr=io.StringIO(), on_result=hook)
    assert summary.reviewed == 5000
    assert (tmp_path / "out" / "review.xlsx").is_file()
    (main_1k, workers_1k), (main_5k, workers_5k) = marks[1000], marks[5000]
    assert len(workers_1k) == len(workers_5k) == 2
    # The parent keeps counters and a spool file, nothing per case: holding the 4,000 results
    # (each a dict of a few KB) would add well over 10 MB.
    assert main_5k - main_1k < 5, marks
    # Each worker's growth is its bounded rule caches (decide: per date, shared findings);
    # anything kept per case at 15 KB or more (a decision's findings as objects are larger)
    # would add over 30 MB across the 2,000 cases each worker reviews in between.
    assert all(after - before < 30 for before, after in zip(workers_1k, workers_5k, strict=True)), marks
