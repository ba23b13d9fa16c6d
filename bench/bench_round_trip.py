"""Round trip over generated cases: the ruling rendered for every ready case reads back clean.

Run: .venv/bin/python bench/bench_round_trip.py [--n 1000] [--seed 1]

Cases come from bench/generate.py (mutations of the compliant samples). For each ready case the
ruling is rendered as text, analysed, and cross-checked against its record: a 终本 ruling, all
five contents (rights complete), no problem, no difference. The test suite checks a seeded
subset (tests/analysis/test_round_trip.py); this runs the full set and prints every failure.
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

from termination.case import CaseRecord  # noqa: E402
from termination.decide import check  # noqa: E402
from termination.render import render_documents  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests" / "analysis"))
    from test_round_trip import round_trip_defects  # the suite's definition of a clean read-back

    rng = random.Random(args.seed)
    compliant = [t for t in generate._templates() if t[0] in generate.COMPLIANT]
    ready = 0
    failures: Counter[str] = Counter()
    examples: dict[str, str] = {}
    started = time.perf_counter()
    for i in range(args.n):
        _name, template = rng.choice(compliant)
        record = CaseRecord.model_validate(generate.mutate(template, rng, 100000 + i, True))
        decision = check(record, as_of=record.termination.proposed_date)
        if not decision.ready:
            continue
        ready += 1
        text = render_documents(record, decision, only=["ruling"], fmt="txt")["执行裁定书.txt"].decode("utf-8")
        for defect in round_trip_defects(record, text):
            key = defect.split("：")[0][:60]
            failures[key] += 1
            examples.setdefault(key, f"{record.case_number}: {defect}")
    elapsed = time.perf_counter() - started
    print(f"generated {args.n} cases (seed {args.seed}): {ready} ready, rendered and read back in {elapsed:.1f} s")
    print(f"all {ready} read back clean" if not failures else f"{sum(failures.values())} defects:")
    for key, count in failures.most_common():
        print(f"{count:5d}  {examples[key]}")
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
