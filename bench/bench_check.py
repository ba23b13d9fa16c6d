"""What a check costs next to parsing and validating its input, stage by stage, on CPU time.

Run: ``python bench/bench_check.py`` (one core, ≈ 10 s). Options: ``--generated N`` cases
per round (default 400; 0 for the samples only), ``--rounds R`` (default 5), ``--seed S``.

Cases: the sample records of ``corpus/cases`` and, each round, N new generated ones
(``bench/generate.py`` with seed S + round: each round's cases are new to every cache).
For every case, in one process and interleaved so that machine load hits all figures alike:

* **validate**: ``load_case(bytes)`` — parse and validate, the denominator of the ratio;
* **check**: ``check(bytes).json_text()`` — bytes in, decision JSON out, end to end;
* the same check stage by stage: parse (``json.loads``), validate (pydantic), derive the facts,
  engine (durable_rules), findings (messages, findings, the decision), decision → JSON;
* the anchor: the engine stage by the pure-Python reference evaluator, and the ratio a check
  would have with it instead.

Times are CPU times (``time.process_time_ns``), so other processes on a shared machine slow
the wall clock but not the figures; reported: medians per case, and the ratio check/validate
as the median over rounds of (Σ check / Σ validate). Target (docs/benchmarks.md): ≤ 3×.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from time import process_time_ns
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from termination import findings  # noqa: E402
from termination.case import CaseRecord  # noqa: E402
from termination.decide import check, decision, engine_for, in_force  # noqa: E402
from termination.engine import ReferenceEvaluator  # noqa: E402
from termination.errors import TerminationError  # noqa: E402
from termination.facts import derive  # noqa: E402
from termination.io import load_case  # noqa: E402

STAGES = ("parse", "validate", "derive", "engine", "findings", "json")


def samples() -> list[bytes]:
    """The valid sample records, as bytes."""
    out = []
    for path in sorted((ROOT / "corpus" / "cases").glob("*.json")):
        if path.name.endswith(".expected.json"):
            continue
        try:
            load_case(path)
        except TerminationError:
            continue
        out.append(path.read_bytes())
    return out


def generated(n: int, seed: int) -> list[bytes]:
    """``n`` generated records (bench/generate.py), as bytes."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cases.jsonl"
        module.generate(n, out, seed=seed)
        lines = out.read_text(encoding="utf-8").splitlines()
    return [json.dumps(json.loads(line)["case"], ensure_ascii=False).encode() for line in lines]


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = process_time_ns()
    result = fn()
    return result, (process_time_ns() - start) / 1000


def measure(payload: bytes, references: dict[tuple[str, ...], ReferenceEvaluator]) -> dict[str, float]:
    """Every figure of one case, in µs of CPU time."""
    t: dict[str, float] = {}
    _, t["validate only"] = _timed(lambda: load_case(payload))
    _, t["check"] = _timed(lambda: check(payload).json_text())
    data, t["parse"] = _timed(lambda: json.loads(payload))
    record, t["validate"] = _timed(lambda: CaseRecord.model_validate(data))
    on = record.termination.proposed_date
    scope = in_force(on).scope(record.court, record.court_code)
    (facts, names), t["derive"] = _timed(lambda: derive(record, on, scope.facts))
    engine = engine_for(scope)
    statuses, t["engine"] = _timed(lambda: engine.evaluate(facts))
    reference = references.get(scope.codes) or references.setdefault(scope.codes, ReferenceEvaluator(scope.rules))
    _, t["reference engine"] = _timed(lambda: reference.evaluate(facts))
    result, t["findings"] = _timed(lambda: decision(record, on, findings.build(scope, record, on, facts, names, statuses), engine.name))
    _, t["json"] = _timed(result.json_text)
    return t


def run(sets: dict[str, Callable[[int], list[bytes]]], rounds: int) -> dict[str, dict[str, Any]]:
    """Measure every set for ``rounds`` rounds; medians and ratios per set."""
    references: dict[tuple[str, ...], ReferenceEvaluator] = {}  # per set of rules, like the engines
    for payload in sets["samples"](0):
        check(payload)  # warm-up: rules, engine, message functions
    report: dict[str, dict[str, Any]] = {}
    per_set: dict[str, list[dict[str, float]]] = {name: [] for name in sets}
    ratios: dict[str, list[float]] = {name: [] for name in sets}
    ref_ratios: dict[str, list[float]] = {name: [] for name in sets}
    rng = random.Random(0)
    for r in range(rounds):
        for name, make in sets.items():
            payloads = make(r)
            rng.shuffle(payloads)
            rows = [measure(p, references) for p in payloads]
            per_set[name] += rows
            validate = sum(x["validate only"] for x in rows)
            ratios[name].append(sum(x["check"] for x in rows) / validate)
            ref = sum(x["check"] - x["engine"] + x["reference engine"] for x in rows)
            ref_ratios[name].append(ref / validate)
    for name, rows in per_set.items():
        medians = {k: statistics.median(x[k] for x in rows) for k in rows[0]}
        report[name] = {
            "cases": len(rows) // rounds,
            "medians_us": medians,
            "ratio": statistics.median(ratios[name]),
            "ratio_rounds": ratios[name],
            "reference_ratio": statistics.median(ref_ratios[name]),
        }
    return report


def machine() -> str:
    """One line about the machine and its load."""
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, load average {load}"


def main(argv: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Measure and print; returns the report."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--generated", type=int, default=400, help="generated cases per round (default 400)")
    p.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    p.add_argument("--seed", type=int, default=1, help="seed of the first round's cases (default 1)")
    args = p.parse_args(argv)
    base = samples()
    sets: dict[str, Callable[[int], list[bytes]]] = {"samples": lambda r: list(base)}
    if args.generated:
        sets["generated"] = lambda r: generated(args.generated, args.seed + r)
    print(f"machine: {machine()}")
    report = run(sets, args.rounds)
    print(f"after: load average {machine().rsplit('load average ', 1)[1]}")
    for name, rep in report.items():
        m = rep["medians_us"]
        print(f"\n{name}: {rep['cases']} cases × {args.rounds} rounds — medians, µs of CPU per case")
        print(f"  parse + validate (load_case)      {m['validate only']:8.1f}")
        print(f"  check, bytes → decision JSON      {m['check']:8.1f}")
        for stage in STAGES:
            ref = f"   reference evaluator {m['reference engine']:6.1f}" if stage == "engine" else ""
            print(f"    {stage:30s}{m[stage]:8.1f}{ref}")
        rounds = ", ".join(f"{x:.2f}" for x in rep["ratio_rounds"])
        print(f"  check / validate                  {rep['ratio']:8.2f} ×   (rounds: {rounds})")
        print(f"  … with the reference evaluator    {rep['reference_ratio']:8.2f} ×")
    return report


if __name__ == "__main__":
    main()
