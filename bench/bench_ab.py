"""A/B: the check of this working tree against another commit, interleaved in one process.

Run: ``python bench/bench_ab.py [REF]`` (default ``main``; ≈ 20 s). Options: ``--generated N``
cases per round (default 400), ``--rounds R`` (default 5), ``--seed S``.

``REF`` is exported with ``git archive`` into a temporary folder and both copies of the
``termination`` package are imported into this process (each with its own modules; the one
whose turn it is sits in ``sys.modules``, for the imports made inside functions). Every case
is measured by both, in random order, with each copy's own ``bench/bench_check.py``
``measure`` (CPU time, stage by stage): the load of a shared machine hits A and B alike.
Cases: the sample records and, each round, N new generated ones (this tree's generator).
Reported per copy: medians per case (µs of CPU), the ratio check/validate as the median over
rounds of Σ check / Σ validate, and the per-round ratios side by side; and whether both copies
give byte-identical decision JSON on every case measured.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


class Copy:
    """One copy of the package: its modules and its ``bench_check`` module."""

    def __init__(self, label: str, root: Path, engine_names: int) -> None:
        self.label, self.root = label, root
        _forget()
        sys.path.insert(0, str(root))
        try:
            spec = importlib.util.spec_from_file_location(f"bench_check_{label}", root / "bench" / "bench_check.py")
            assert spec and spec.loader
            self.bench: Any = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(self.bench)
            # durable ruleset names are process-wide: keep the two copies' names apart
            sys.modules["termination.engine.durable"].Engine._names = itertools.count(engine_names)
            self.modules = {k: v for k, v in sys.modules.items() if _ours(k)}
            assert Path(self.modules["termination"].__file__).resolve().is_relative_to(root.resolve())
        finally:
            sys.path.remove(str(root))
        self.references: dict[Any, Any] = {}

    def activate(self) -> None:
        """Put this copy's modules in ``sys.modules`` (imports made inside functions)."""
        sys.modules.update(self.modules)


def _ours(name: str) -> bool:
    return name == "termination" or name.startswith("termination.")


def _forget() -> None:
    for name in [k for k in sys.modules if _ours(k)]:
        del sys.modules[name]


def export(ref: str, into: Path) -> None:
    """``git archive ref`` of this repository, unpacked into ``into``."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")


def run(copies: list[Copy], sets: dict[str, list[list[bytes]]], rounds: int) -> dict[str, dict[str, Any]]:
    """Measure every case with every copy, interleaved; medians and ratios per copy and set."""
    rows: dict[tuple[str, str], list[dict[str, float]]] = {}
    ratios: dict[tuple[str, str], list[float]] = {}
    rng = random.Random(0)
    for copy in copies:  # warm-up: rules, engines, message functions
        copy.activate()
        for payload in sets["samples"][0]:
            copy.bench.check(payload)
    for r in range(rounds):
        for name, per_round in sets.items():
            payloads = list(per_round[r])
            rng.shuffle(payloads)
            got: dict[str, list[dict[str, float]]] = {c.label: [] for c in copies}
            for payload in payloads:
                for copy in rng.sample(copies, len(copies)):
                    copy.activate()
                    got[copy.label].append(copy.bench.measure(payload, copy.references))
            for label, these in got.items():
                rows.setdefault((label, name), []).extend(these)
                ratio = sum(x["check"] for x in these) / sum(x["validate only"] for x in these)
                ratios.setdefault((label, name), []).append(ratio)
    report: dict[str, dict[str, Any]] = {}
    for (label, name), these in rows.items():
        report.setdefault(name, {})[label] = {
            "medians_us": {k: statistics.median(x[k] for x in these) for k in these[0]},
            "ratio": statistics.median(ratios[(label, name)]),
            "ratio_rounds": ratios[(label, name)],
        }
    return report


def same_decisions(copies: list[Copy], payloads: list[bytes]) -> tuple[int, list[bytes]]:
    """How many payloads every copy decides byte for byte alike, and those it does not."""
    differ = []
    for payload in payloads:
        texts = set()
        for copy in copies:
            copy.activate()
            texts.add(copy.bench.check(payload).json_text())
        if len(texts) > 1:
            differ.append(payload)
    return len(payloads) - len(differ), differ


def main(argv: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Measure and print; returns the report."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("ref", nargs="?", default="main", help="commit to compare with (default main)")
    p.add_argument("--generated", type=int, default=400, help="generated cases per round (default 400)")
    p.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    p.add_argument("--seed", type=int, default=1, help="seed of the first round's cases (default 1)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        export(args.ref, Path(tmp))
        a = Copy(f"A={args.ref}", Path(tmp), 1_000_000)
        b = Copy("B=tree", ROOT, 2_000_000)
        b.activate()
        print(f"machine: {b.bench.machine()}")
        base = b.bench.samples()
        sets = {"samples": [base] * args.rounds}
        if args.generated:
            sets["generated"] = [b.bench.generated(args.generated, args.seed + r) for r in range(args.rounds)]
        report = run([a, b], sets, args.rounds)
        print(f"after: load average {b.bench.machine().rsplit('load average ', 1)[1]}")
        every = [p for per_round in sets.values() for payloads in per_round for p in payloads]
        same, differ = same_decisions([a, b], list(dict.fromkeys(every)))
        print(f"decision JSON byte-identical: {same} of {same + len(differ)} cases")
    stages = ["validate only", "check", *b.bench.STAGES, "reference engine"]
    for name, by_copy in report.items():
        labels = list(by_copy)
        print(f"\n{name}: {len(sets[name][0])} cases × {args.rounds} rounds — medians, µs of CPU per case")
        print(f"  {'':28s}" + "".join(f"{x:>14s}" for x in labels) + f"{'B − A':>10s}")
        for stage in stages:
            values = [by_copy[x]["medians_us"][stage] for x in labels]
            print(f"  {stage:28s}" + "".join(f"{v:14.1f}" for v in values) + f"{values[-1] - values[0]:10.1f}")
        values = [by_copy[x]["ratio"] for x in labels]
        print(f"  {'check / validate':28s}" + "".join(f"{v:13.2f}×" for v in values) + f"{values[-1] - values[0]:9.2f}×")
        values = [by_copy[x]["medians_us"]["check"] / by_copy[x]["medians_us"]["validate only"] for x in labels]
        print(f"  {'  (ratio of the medians)':28s}" + "".join(f"{v:13.2f}×" for v in values) + f"{values[-1] - values[0]:9.2f}×")
        for x in labels:
            print(f"    rounds {x}: " + ", ".join(f"{v:.2f}" for v in by_copy[x]["ratio_rounds"]))
    return report


if __name__ == "__main__":
    main()
