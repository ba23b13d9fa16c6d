"""Check throughput: JSON bytes in → decision out, next to parse+validate alone.

Run: ``python bench/bench_check.py`` (one core; prints medians of several rounds).
Targets (docs/benchmarks.md): ≥ 2,000 cases/s end to end; checking ≤ 3× validation.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from termination.decide import check  # noqa: E402
from termination.io import load_case  # noqa: E402


def _payloads() -> list[bytes]:
    return [p.read_bytes() for p in sorted((ROOT / "corpus" / "cases").glob("*.json"))]


def _rate(fn, payloads: list[bytes], n: int) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for i in range(n):
        fn(payloads[i % len(payloads)])
    return n / (time.perf_counter() - start)


def main(n: int = 3000, rounds: int = 7) -> dict[str, float]:
    """Measure and print; returns the medians."""
    payloads = [p for p in _payloads() if _valid(p)]
    check(payloads[0])  # warm-up: loads rules, builds the engine
    validate, full = [], []
    for _ in range(rounds):
        validate.append(_rate(load_case, payloads, n))
        full.append(_rate(lambda b: check(load_case(b)).json_text(), payloads, n))
    v, f = statistics.median(validate), statistics.median(full)
    size = statistics.mean(len(p) for p in payloads)
    parts = _breakdown(payloads, n)
    result = {"validate_per_s": v, "check_per_s": f, "ratio": v / f, "mean_case_bytes": size, **parts}
    print(f"cases: {len(payloads)} sample records, mean {size:,.0f} bytes, {n} per round, {rounds} rounds (medians)")
    print(f"parse + validate only : {v:10,.0f} cases/s  ({1e6 / v:7.1f} µs/case)")
    print(f"check end to end      : {f:10,.0f} cases/s  ({1e6 / f:7.1f} µs/case)  incl. JSON decision out")
    print(f"check / validate cost : {v / f:10.2f} ×")
    print("where the time goes (µs/case, medians):")
    for name, us in parts.items():
        print(f"  {name:28s}{us:8.1f}")
    print(f"rules (facts + engine) / validate: {(parts['derive facts'] + parts['durable_rules engine']) * v / 1e6:.2f} ×")
    return result


def _breakdown(payloads: list[bytes], n: int) -> dict[str, float]:
    """Median µs per case of each stage of a check."""
    from termination.decide import compiled
    from termination.facts import derive

    engine = compiled().engine
    records = [load_case(p) for p in payloads]
    stages: dict[str, list[float]] = {k: [] for k in ("validate", "derive facts", "durable_rules engine", "check (record in)", "decision → JSON")}
    for i in range(n):
        payload, record = payloads[i % len(payloads)], records[i % len(records)]
        t0 = time.perf_counter()
        load_case(payload)
        t1 = time.perf_counter()
        facts, _ = derive(record, record.termination.proposed_date)
        t2 = time.perf_counter()
        engine.evaluate(facts)
        t3 = time.perf_counter()
        decision = check(record)
        t4 = time.perf_counter()
        decision.json_text()
        t5 = time.perf_counter()
        for key, a, b in zip(stages, (t0, t1, t2, t3, t4), (t1, t2, t3, t4, t5), strict=True):
            stages[key].append((b - a) * 1e6)
    medians = {k: statistics.median(v) for k, v in stages.items()}
    medians["build findings + messages"] = medians["check (record in)"] - medians["derive facts"] - medians["durable_rules engine"]
    return medians


def _valid(p: bytes) -> bool:
    try:
        load_case(p)
        return True
    except Exception:
        return False


if __name__ == "__main__":
    main()
