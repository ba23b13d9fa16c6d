"""Round trip over generated cases: the ruling rendered for every ready case reads back clean.

Run: .venv/bin/python bench/bench_round_trip.py [--ready 1000] [--seed 1]

First every sample case (corpus/cases, tests/render/cases): a ready one's ruling is rendered and
read back, a case that is not ready is rendered as a draft and must be read as a draft. Then
cases from bench/generate.py (mutations of the compliant samples) until ``--ready`` of them are
ready. For each ready case the ruling is rendered as text, analysed, and cross-checked against
its record: a 终本 ruling, all five contents (rights complete), no problem, no difference. The
test suite checks a seeded subset (tests/analysis/test_round_trip.py); this runs the full set
and prints every failure.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

from termination.analysis import analyze_text  # noqa: E402
from termination.case import CaseRecord  # noqa: E402
from termination.decide import check  # noqa: E402
from termination.io import load_case  # noqa: E402
from termination.render import render_documents  # noqa: E402


def _ruling(record: CaseRecord, decision: object, *, draft: bool = False) -> str:
    docs = render_documents(record, decision, draft=draft, only=["ruling"], fmt="txt")  # type: ignore[arg-type]
    return docs["执行裁定书.txt"].decode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ready", type=int, default=1000, help="generated ready cases to read back")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests" / "analysis"))
    from test_round_trip import SAMPLES, round_trip_defects  # the suite's definition of a clean read-back

    failures: Counter[str] = Counter()
    examples: dict[str, str] = {}

    def fail(case: str, defects: list[str]) -> None:
        for defect in defects:
            key = defect.split("：")[0][:60]
            failures[key] += 1
            examples.setdefault(key, f"{case}: {defect}")

    started = time.perf_counter()
    sample_ready = drafts = 0
    for path in SAMPLES:
        record = load_case(path)
        decision = check(record, as_of=record.termination.proposed_date)
        if decision.ready:
            sample_ready += 1
            fail(path.stem, round_trip_defects(record, _ruling(record, decision)))
        else:
            drafts += 1
            analysis = analyze_text(_ruling(record, decision, draft=True), filing_date=record.filing_date)
            if not analysis.draft or "TXT-DRAFT" not in [p.code for p in analysis.problems]:
                fail(path.stem, ["draft not reported as a draft"])

    rng = random.Random(args.seed)
    compliant = [t for t in generate._templates() if t[0] in generate.COMPLIANT]
    ready = generated = 0
    while ready < args.ready and generated < 3 * args.ready:
        _name, template = rng.choice(compliant)
        record = CaseRecord.model_validate(generate.mutate(template, rng, 100000 + generated, True))
        generated += 1
        decision = check(record, as_of=record.termination.proposed_date)
        if not decision.ready:
            continue
        ready += 1
        fail(record.case_number, round_trip_defects(record, _ruling(record, decision)))
    elapsed = time.perf_counter() - started
    print(f"samples: {len(SAMPLES)} ({sample_ready} ready read back, {drafts} not ready rendered as drafts)")
    print(f"generated {generated} cases (seed {args.seed}): {ready} ready, rendered and read back")
    print(f"{elapsed:.1f} s in all")
    total = sample_ready + drafts + ready
    print(f"all {total} read back clean (drafts as drafts)" if not failures else f"{sum(failures.values())} defects:")
    for key, count in failures.most_common():
        print(f"{count:5d}  {examples[key]}")
    if ready < args.ready:
        print(f"only {ready} ready cases in {generated} generated")
    raise SystemExit(1 if failures or ready < args.ready else 0)


if __name__ == "__main__":
    main()
