"""A workbench page does not hold the worker while it is built (#14 campaign: the health probe
waited 2.4 s behind workbench pages, whose check and rendering ran on the worker's event loop)."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import pytest

from termination.workbench import pages
from tests.workbench.conftest import Session, make


def test_a_slow_page_leaves_other_requests_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pages.evaluate

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(1.5)  # a page that takes long to build (a big record, a loaded machine)
        return real(*args, **kwargs)

    monkeypatch.setattr(pages, "evaluate", slow)
    with make() as client:
        session = Session(client)
        session.get("/")
        draft = (pages.SAMPLES / "01-compliant-person.json").read_text(encoding="utf-8")
        answers: list[Any] = []
        post = threading.Thread(target=lambda: answers.append(
            session.post("/case/results", {"draft": json.dumps(json.loads(draft)), "skipped": "[]"})))
        post.start()
        time.sleep(0.3)
        started = time.perf_counter()
        assert client.get("/v1/health").status_code == 200
        waited = time.perf_counter() - started
        post.join(10)
    assert answers and answers[0].status_code == 200 and "执行裁定书" in answers[0].text
    assert waited < 0.7, f"the health probe waited {waited:.2f} s behind the page"
