"""Safe under load: many concurrent requests to a real 2-worker server equal the sequential answers."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import httpx

from termination import api
from tests.service.conftest import CASES
from tests.service.server import running_server

REQUESTS = 480  # ≥ 400, bounded
THREADS = 24
TIME_LIMIT = 120.0  # seconds for the whole burst (it takes a few seconds)
AS_OF = (None, date(2024, 6, 1), date(2025, 12, 31))


def test_concurrent_answers_equal_sequential_answers() -> None:
    jobs = [(CASES[i % len(CASES)], AS_OF[(i // len(CASES)) % len(AS_OF)]) for i in range(REQUESTS)]
    expected = {(case, as_of): api.check(case, as_of=as_of).model_dump(mode="json") for case, as_of in set(jobs)}
    bodies = {case: case.read_bytes() for case in CASES}
    with running_server(workers=2) as base:
        limits = httpx.Limits(max_connections=THREADS)
        with httpx.Client(base_url=base, timeout=30.0, limits=limits) as client:

            def send(job: tuple[Any, date | None]) -> tuple[int, Any, str]:
                case, as_of = job
                params = {"as_of": as_of.isoformat()} if as_of else {}
                response = client.post("/v1/check", params=params, content=bodies[case],
                                       headers={"Content-Type": "application/json"})
                return response.status_code, response.json(), response.headers["x-request-id"]

            started = time.monotonic()
            with ThreadPoolExecutor(max_workers=THREADS) as pool:
                answers = list(pool.map(send, jobs, timeout=TIME_LIMIT))
            elapsed = time.monotonic() - started
    assert elapsed < TIME_LIMIT
    assert len(answers) == REQUESTS
    assert len({rid for _, _, rid in answers}) == REQUESTS  # every request answered once, separately
    wrong = [(job[0].name, job[1]) for job, (status, body, _) in zip(jobs, answers, strict=True)
             if status != 200 or body != expected[job]]
    assert not wrong, f"{len(wrong)} answers differ from the sequential run, e.g. {wrong[:3]}"


def test_threads_interleaving_inside_one_process_get_sequential_answers() -> None:
    """The routes run the engine in worker threads; force frequent thread switches and compare.

    (Without the engine's process-wide lock this crashes durable_rules within a few requests.)
    """
    import sys
    import threading

    from termination.service.app import Settings, create_app
    from tests.service.conftest import TestClient

    expected = {case: api.check(case).model_dump(mode="json") for case in CASES}
    app = create_app(Settings())
    results: list[bool] = []
    lock = threading.Lock()

    def worker(offset: int) -> None:
        with TestClient(app) as own:  # one client (and event loop) per thread, one shared app
            for i in range(10):
                case = CASES[(offset + i) % len(CASES)]
                ok = own.post("/v1/check", content=case.read_bytes()).json() == expected[case]
                with lock:
                    results.append(ok)

    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        threads = [threading.Thread(target=worker, args=(n,)) for n in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    finally:
        sys.setswitchinterval(previous)
    assert len(results) == 120 and all(results)
