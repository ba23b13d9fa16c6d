"""Render speed: median milliseconds of CPU per ruling .docx (target ≤ 50 ms on one core),
and its ratio to its floor.

Run: ``python bench/bench_render.py [N]`` (N ≥ 200 renders, default 300). The decision is
computed once per case outside the timing; each timed render builds the template values,
runs the Jinja template and writes the .docx bytes. Ready sample cases render as finals,
the others as drafts, in turn. The floor, measured interleaved with each ruling render:
python-docx opening the base document the ruling starts from (``Document(BytesIO(…))``).
Times are CPU times (``time.process_time``): other processes on a shared machine slow the
wall clock, not these figures.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from io import BytesIO  # noqa: E402

from docx import Document  # noqa: E402

from termination.decide import check  # noqa: E402
from termination.io import load_case  # noqa: E402
from termination.render import render_documents  # noqa: E402
from termination.render.writers.docx import base_document  # noqa: E402

TARGET_MS = 50.0


def _cases() -> list[tuple[object, object, bool]]:
    out = []
    for path in sorted((ROOT / "corpus" / "cases").glob("*.json")):
        if path.name.endswith(".expected.json"):
            continue
        case = load_case(path)
        decision = check(case)
        out.append((case, decision, not decision.ready))
    return out


def _median_ms(cases: list, n: int, floor: list[float] | None = None, **kwargs: object) -> float:
    times = []
    for i in range(n):
        case, decision, draft = cases[i % len(cases)]
        if floor is not None:  # the floor, interleaved: python-docx opening the base document
            start = time.process_time()
            Document(BytesIO(base_document(draft)))  # type: ignore[arg-type]
            floor.append((time.process_time() - start) * 1000)
        start = time.process_time()
        render_documents(case, decision, draft=draft, **kwargs)  # type: ignore[arg-type]
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main(n: int = 300) -> dict[str, float]:
    """Measure and print; returns the medians in ms."""
    n = max(n, 200)
    cases = _cases()
    render_documents(*cases[0][:2], only=["ruling"])  # warm-up: templates, base document
    floor: list[float] = []
    result = {
        "ruling_docx_ms": _median_ms(cases, n, floor, only=["ruling"]),
        "ruling_txt_ms": _median_ms(cases, n, only=["ruling"], fmt="txt"),
        "all_five_docx_ms": _median_ms(cases, max(n // 5, 40)),
    }
    result["floor_ms"] = statistics.median(floor)
    print(f"cases: {len(cases)}, renders: {n}; ms of CPU, medians")
    print(f"ruling .docx  {result['ruling_docx_ms']:.2f} ms  (target ≤ {TARGET_MS:.0f} ms)")
    print(f"  floor: python-docx opening the base document {result['floor_ms']:.2f} ms"
          f" — ruling / floor {result['ruling_docx_ms'] / result['floor_ms']:.2f} ×")
    print(f"ruling .txt   {result['ruling_txt_ms']:.2f} ms")
    print(f"all 5 .docx   {result['all_five_docx_ms']:.2f} ms")
    return result


if __name__ == "__main__":
    res = main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
    raise SystemExit(0 if res["ruling_docx_ms"] <= TARGET_MS else 1)
