"""The service's HTTP layer: server CPU per ``POST /v1/check`` with each protocol and event loop.

Run: ``python bench/bench_http_layer.py [--requests 800] [--rounds 3]`` (≈ 2 minutes). For each
variant — uvicorn's HTTP protocol (the service's own h11 protocol with its header time limit,
or uvicorn's httptools protocol) × event loop (asyncio, uvloop) — starts one worker on a free
127.0.0.1 port, sends the sample cases round-robin over one keep-alive connection (100
warm-up requests, then ``--requests``) and reads the server process's CPU time from
``/proc`` before and after. Variants run in a new random order each round, so the load of a
shared machine hits them alike; reported: the median over rounds of server CPU µs per request
(clock ticks of 10 ms over all requests: ±12 µs at 800) and of the wall time per request.
Linux only (``/proc``); a variant whose package is missing is skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
OURS = "termination.service.protocol:HeaderTimeoutProtocol"
VARIANTS = {
    "service's h11 protocol, asyncio": (OURS, "asyncio"),
    "service's h11 protocol, uvloop": (OURS, "uvloop"),
    "httptools, asyncio": ("httptools", "asyncio"),
    "httptools, uvloop": ("httptools", "uvloop"),
}
STARTUP = 60.0  # seconds for a server to answer /v1/health


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(http: str, loop: str, bodies: list[bytes], requests: int) -> tuple[float, float]:
    """(server CPU µs, wall µs) per request for one variant."""
    port = _free_port()
    code = (
        "import uvicorn; uvicorn.run('termination.service.app:create_app', factory=True, host='127.0.0.1', "
        f"port={port}, http={http!r}, loop={loop!r}, workers=1, access_log=False, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP
        while True:
            try:
                httpx.get(f"{base}/v1/health", timeout=1.0)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"server ({http}, {loop}) did not start") from None
                time.sleep(0.1)
        headers = {"Content-Type": "application/json"}
        with httpx.Client(base_url=base, timeout=30.0) as client:
            for i in range(100):  # warm-up: rules, engines, connection
                client.post("/v1/check", content=bodies[i % len(bodies)], headers=headers)
            cpu, wall = _cpu_seconds(proc.pid), time.perf_counter()
            for i in range(requests):
                response = client.post("/v1/check", content=bodies[i % len(bodies)], headers=headers)
                if response.status_code != 200:
                    raise RuntimeError(f"HTTP {response.status_code}")
            cpu, wall = _cpu_seconds(proc.pid) - cpu, time.perf_counter() - wall
        return cpu / requests * 1e6, wall / requests * 1e6
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str] | None = None) -> dict[str, tuple[float, float]]:
    """Measure and print; returns medians (server CPU µs, wall µs) per variant."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--requests", type=int, default=800, help="timed requests per variant and round (default 800)")
    p.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    args = p.parse_args(argv)
    bodies = [x.read_bytes() for x in sorted((ROOT / "corpus" / "cases").glob("*.json")) if not x.name.endswith(".expected.json")]
    variants = {k: v for k, v in VARIANTS.items() if all(importlib.util.find_spec(m) for m in {v[0], v[1]} - {OURS, "asyncio"})}
    rows: dict[str, list[tuple[float, float]]] = {k: [] for k in variants}
    order = list(variants)
    for r in range(args.rounds):
        random.Random(r).shuffle(order)
        for name in order:
            rows[name].append(measure(*variants[name], bodies, args.requests))
    out = {}
    for name, got in rows.items():
        out[name] = (statistics.median(x[0] for x in got), statistics.median(x[1] for x in got))
        rounds = ", ".join(f"{x[0]:.0f}" for x in got)
        print(f"{name:32s} server CPU {out[name][0]:6.0f} µs/request (rounds {rounds}); wall {out[name][1]:6.0f} µs")
    return out


if __name__ == "__main__":
    main()
