"""Each rule's outcomes over the sample cases and generated ones, most common first: the table
the durable_rules adapter picks each rule's encoding from (``termination/engine/usual.py``).

Run: ``python bench/usual_outcomes.py`` (prints the counts; ≈ 15 s) or ``--write`` to rewrite
the table. Options: ``--generated N`` cases per seed (default 400), ``--seeds K`` (default 3).

The engine tells a rule's four outcomes by two Rete tests and the outcome when neither
matches; every matched test costs a firing (and the session's memory for its frames). So
each rule's most common outcome is the one that matches nothing (see
:func:`termination.engine.durable.encoding`). Outcomes are counted with the reference
evaluator on each case's ruling date, over the samples and generated cases.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_check  # noqa: E402

from termination.decide import in_force  # noqa: E402
from termination.engine import ReferenceEvaluator  # noqa: E402
from termination.facts import derive  # noqa: E402
from termination.io import load_case  # noqa: E402

TABLE = ROOT / "termination" / "engine" / "usual.py"
HEADER = '''"""Each rule's outcomes as measured over the sample cases and generated ones, most common first.

Written by ``python bench/usual_outcomes.py --write`` ({cases} cases: the samples and {generated}
generated ones); read by :func:`termination.engine.durable.encoding`, which makes each rule's
first outcome the one that matches no Rete test (no firing). An outcome not listed was not met.
Only the speed of the engine depends on this table, never an outcome: a rule missing here
is encoded as if it were usually satisfied (unconditional) or not applicable (conditional).
"""

USUAL: dict[str, tuple[str, ...]] = {{
'''


def census(generated: int, seeds: int) -> tuple[int, dict[str, Counter[str]]]:
    """How often each rule had each outcome, and over how many cases."""
    payloads = bench_check.samples() + [p for s in range(seeds) for p in bench_check.generated(generated, 1 + s)]
    counts: dict[str, Counter[str]] = {}
    evaluators: dict[tuple[str, ...], ReferenceEvaluator] = {}
    for payload in payloads:
        record = load_case(payload)
        on = record.termination.proposed_date
        scope = in_force(on).scope(record.court, record.court_code)
        facts, _ = derive(record, on, scope.facts)
        evaluator = evaluators.get(scope.codes) or evaluators.setdefault(scope.codes, ReferenceEvaluator(scope.rules))
        for code, status in evaluator.evaluate(facts).items():
            counts.setdefault(code, Counter())[status] += 1
    return len(payloads), counts


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--generated", type=int, default=400, help="generated cases per seed (default 400)")
    p.add_argument("--seeds", type=int, default=3, help="seeds 1…K (default 3)")
    p.add_argument("--write", action="store_true", help=f"rewrite {TABLE.relative_to(ROOT)}")
    args = p.parse_args(argv)
    cases, counts = census(args.generated, args.seeds)
    lines = []
    for code in sorted(counts):
        ranked = sorted(counts[code].items(), key=lambda kv: (-kv[1], kv[0]))
        print(f"{code}  " + "  ".join(f"{status} {n}" for status, n in ranked))
        statuses = ", ".join(f'"{s}"' for s, _ in ranked) + ("," if len(ranked) == 1 else "")
        lines.append(f'    "{code}": ({statuses}),\n')
    if args.write:
        TABLE.write_text(HEADER.format(cases=cases, generated=args.generated * args.seeds) + "".join(lines) + "}\n", encoding="utf-8")
        print(f"written: {TABLE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
