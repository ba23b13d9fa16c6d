"""Server time per answer of the workbench's interview (target: median < 50 ms).

Run: ``python bench/bench_workbench.py [--rounds 5]``. Replays the interview of an empty case up
to a ready decision for sample 01 (the answers come from the sample, as in the browser test):

* **over HTTP** — ``termination serve`` on a free 127.0.0.1 port (one worker), each answer a
  ``POST /case/interview`` like the browser's; the time is the client's round trip on loopback,
  an upper bound of the server's time;
* **in process** — the parts of one answer: reading and validating the draft and writing the
  answer in (``forms.answer``), checking it and deriving the next question (``state.evaluate``),
  and rendering the page.

Prints Markdown tables (the ones in docs/workbench.md). Bounded: ``--rounds`` interviews.
"""

from __future__ import annotations

import argparse
import html
import platform
import re
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.service.server import running_server  # noqa: E402
from tests.workbench.judge import answers, sample  # noqa: E402


def _hidden(page: str, name: str) -> str:
    m = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert m, name
    return html.unescape(m.group(1))


def _interview_http(base: str) -> list[float]:
    from termination.workbench import forms
    from termination.workbench.state import evaluate

    truth = sample("01-compliant-person")
    times: list[float] = []
    with httpx.Client(base_url=base, timeout=30.0, headers={"Accept": "text/html"}) as client:
        client.get("/")
        csrf = client.cookies["termination_csrf"]
        page = client.post("/case/open", data={"csrf": csrf, "source": "empty"}).text
        while True:
            draft, skipped = _hidden(page, "draft"), _hidden(page, "skipped")
            state = evaluate(forms.decode(draft), forms.decode_list(skipped))
            if state.decision is not None and state.decision.ready:
                return times
            q = state.question
            assert q is not None
            values = answers(q, truth)
            data = {"csrf": csrf, "draft": draft, "skipped": skipped, "key": q.key,
                    "action": "skip" if values is None else "answer", **(values or {})}
            started = time.perf_counter()
            response = client.post("/case/interview", data=data)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
            page = response.text


def _interview_parts() -> dict[str, list[float]]:
    from starlette.requests import Request

    from termination.workbench import forms, pages
    from termination.workbench.state import evaluate

    truth = sample("01-compliant-person")
    parts: dict[str, list[float]] = {"answer": [], "evaluate": [], "render": []}
    draft: dict = {}  # type: ignore[type-arg]
    app = type("App", (), {"state": type("S", (), {"settings": type("T", (), {"token": None})()})()})()
    scope = {"type": "http", "method": "POST", "path": "/case/interview", "headers": [], "app": app,
             "query_string": b"", "state": {}}
    state = evaluate(draft)
    while not (state.decision is not None and state.decision.ready):
        q = state.question
        assert q is not None
        values = answers(q, truth) or {}
        t0 = time.perf_counter()
        draft, problems = forms.answer(draft, q, values)
        t1 = time.perf_counter()
        state = evaluate(draft)
        t2 = time.perf_counter()
        pages.page(Request(scope), "interview.html.j2", s=state, errors=problems, notice=None,
                   groups=pages._groups(state.decision), submitted=None)
        t3 = time.perf_counter()
        parts["answer"].append((t1 - t0) * 1000)
        parts["evaluate"].append((t2 - t1) * 1000)
        parts["render"].append((t3 - t2) * 1000)
    return parts


def _row(name: str, xs: list[float]) -> str:
    xs = sorted(xs)
    p90 = xs[min(len(xs) - 1, int(0.9 * len(xs)))]
    return f"| {name} | {len(xs)} | {statistics.median(xs):.1f} | {p90:.1f} | {xs[-1]:.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, {args.rounds} interviews of sample 01 from an "
          "empty case to a ready decision\n")
    http: list[float] = []
    with running_server(workers=1) as base:
        _interview_http(base)  # warm-up: templates, rules, caches
        for _ in range(args.rounds):
            http += _interview_http(base)
    parts: dict[str, list[float]] = {"answer": [], "evaluate": [], "render": []}
    _interview_parts()
    for _ in range(args.rounds):
        for k, v in _interview_parts().items():
            parts[k] += v
    total = [a + b + c for a, b, c in zip(parts["answer"], parts["evaluate"], parts["render"], strict=True)]
    print("| per answer (ms) | n | median | p90 | max |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(_row("HTTP round trip, loopback (`POST /case/interview`)", http))
    print(_row("in process: answer written in and validated", parts["answer"]))
    print(_row("in process: check + next question", parts["evaluate"]))
    print(_row("in process: page rendered", parts["render"]))
    print(_row("in process: total", total))


if __name__ == "__main__":
    main()
