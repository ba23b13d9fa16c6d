"""HTTP service throughput and latency over loopback: ``POST /v1/check`` at concurrency 1, 4, 16.

Run: ``python bench/bench_service.py [--workers 2] [--requests 600]``. Starts ``termination
serve`` on a free 127.0.0.1 port, sends the sample cases round-robin (each level after a short
warm-up), prints a Markdown table (the one in docs/service.md), then stops the server.
Bounded: at most ``--requests`` per level and a time limit per level.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.service.server import running_server  # noqa: E402 (after the sys.path line)

LEVELS = (1, 4, 16)
TIME_LIMIT = 120.0  # seconds per concurrency level


def _cases() -> list[bytes]:
    return [p.read_bytes() for p in sorted((ROOT / "corpus" / "cases").glob("*.json"))
            if not p.name.endswith(".expected.json")]


def _level(base: str, bodies: list[bytes], concurrency: int, requests: int) -> dict[str, float]:
    """Send ``requests`` checks with ``concurrency`` client threads; rate and latency percentiles."""
    latencies: list[float] = []
    with httpx.Client(base_url=base, timeout=30.0, limits=httpx.Limits(max_connections=concurrency)) as client:

        def one(i: int) -> float:
            started = time.perf_counter()
            response = client.post("/v1/check", content=bodies[i % len(bodies)],
                                   headers={"Content-Type": "application/json"})
            if response.status_code != 200:
                raise RuntimeError(f"HTTP {response.status_code}: {response.text[:200]}")
            return time.perf_counter() - started

        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            list(pool.map(one, range(min(50, requests)), timeout=TIME_LIMIT))  # warm-up: connections, caches
            started = time.perf_counter()
            latencies = list(pool.map(one, range(requests), timeout=TIME_LIMIT))
            elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {"rps": requests / elapsed, "p50": cuts[49] * 1000, "p99": cuts[98] * 1000}


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=600)
    args = parser.parse_args(argv)
    bodies = _cases()
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{args.workers} worker process(es), {len(bodies)} sample cases, {args.requests} requests per level")
    print()
    print("| concurrency | requests/s | p50 ms | p99 ms |")
    print("|---:|---:|---:|---:|")
    with running_server(workers=args.workers) as base:
        for level in LEVELS:
            r = _level(base, bodies, level, args.requests)
            print(f"| {level} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
