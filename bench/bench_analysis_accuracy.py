"""Accuracy of the ruling analysis on real published rulings, field by field.

Run: .venv/bin/python bench/bench_analysis_accuracy.py [--dir corpus/rulings/real] [--misses]

For each field group: accuracy over the labelled rulings and, where a positive is meaningful,
precision and recall (for the five contents a positive is a *defect* — the content absent, or
for the rights statement absent or partial — because a wrong defect is what a reviewer pays
for; for is_zhongben a positive is a 终本 ruling; for problems each code separately). Known
misses (``todo`` in the label files) are counted, not dropped. Labels were written by reading
the rulings (see corpus/rulings/real/README.md); figures go to docs/analysis-accuracy.md.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from termination.analysis import analyze_file  # noqa: E402
from termination.analysis.evaluation import Score, compare, contents_fields, load, score, unknown_fields  # noqa: E402


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:5.1f} %"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "corpus" / "rulings" / "real")
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    args = parser.parse_args()

    items = load(args.dir)
    outcomes = [o for item in items for o in compare(item, analyze_file(item.path))]
    scores = score(outcomes)
    zhongben = [i for i in items if i.labels["is_zhongben"]]
    years = Counter(i.labels["year"] for i in items)
    provinces = Counter(i.labels["province"] for i in items)
    kinds = Counter(i.labels["kind"] for i in items)
    truncated = sum(bool(i.labels.get("truncated")) for i in items)
    unknown = sum(len(unknown_fields(i.labels)) for i in items)
    sources = Counter("code index" if i.labels["source"].get("index_id") else "web page" for i in items)
    print(f"rulings: {len(items)} ({len(zhongben)} 终本, {len(items) - len(zhongben)} contrast); "
          f"{len(provinces)} provinces; years {min(years)}–{max(years)}; {truncated} cut off "
          f"({unknown} fields labelled unknown, not scored)")
    print("kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("sources: " + ", ".join(f"{k} {n}" for k, n in sources.most_common()))
    print("provinces: " + ", ".join(f"{k} {n}" for k, n in provinces.most_common()))
    print(f"{'field':<28}{'n':>4}{'accuracy':>10}{'precision':>11}{'recall':>9}{'todo':>6}")
    order = ["is_zhongben", "kind", *contents_fields(), "problems"]
    rest = sorted(k for k in scores if k not in order)
    for key in order + rest:
        s: Score | None = scores.get(key)
        if s is None:
            continue
        print(f"{key:<28}{s.total:>4}{_pct(s.accuracy):>10}{_pct(s.precision):>11}{_pct(s.recall):>9}{s.todo:>6}")
    if args.misses:
        print()
        for key in order + rest:
            for miss in scores.get(key, Score()).misses:
                print("  ", miss)


if __name__ == "__main__":
    main()
