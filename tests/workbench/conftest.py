"""Fixtures of the workbench tests: an in-process client that behaves like a browser session."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from termination.service.app import Settings, create_app
from termination.workbench import forms
from termination.workbench.state import evaluate

TOKEN = "workbench-test-token"
BASE = "http://127.0.0.1:8000"


class Session:
    """A browser-like session: keeps cookies, the CSRF value and the page's hidden case state."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.page = ""

    @property
    def csrf(self) -> str:
        return str(self.client.cookies.get("termination_csrf", ""))

    def get(self, path: str, **kw: Any) -> Any:
        response = self.client.get(path, headers={"Accept": "text/html"}, **kw)
        self.page = response.text
        return response

    def post(self, path: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
        body = {"csrf": self.csrf, **(data or {})}
        headers = {"Accept": "text/html", "Origin": BASE, "Sec-Fetch-Site": "same-origin", **kw.pop("headers", {})}
        response = self.client.post(path, data=body, headers=headers, **kw)
        self.page = response.text
        return response

    def hidden(self, name: str) -> str:
        m = re.search(rf'name="{name}" value="([^"]*)"', self.page)
        assert m, f"no hidden field {name} on the page"
        return html.unescape(m.group(1))

    def case(self) -> dict[str, str]:
        """The case state the page carries (posted back by every case form)."""
        return {"draft": self.hidden("draft"), "skipped": self.hidden("skipped")}

    def state(self, again: bool = False) -> Any:
        """What the page shows: the case state (with the repeated add question when ``again``)."""
        repeat = self.hidden("again") if again and 'name="again"' in self.page else ""
        return evaluate(forms.decode(self.hidden("draft")), forms.decode_list(self.hidden("skipped")), again=repeat)


def make(token: str | None = None, **settings: Any) -> TestClient:
    return TestClient(create_app(Settings(token=token, **settings)), base_url=BASE, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def app_client() -> Iterator[TestClient]:
    with make() as c:
        yield c


@pytest.fixture()
def session(app_client: TestClient) -> Session:
    app_client.cookies.clear()
    s = Session(app_client)
    s.get("/")
    return s


class _FormReader(__import__("html.parser").parser.HTMLParser):
    """What a browser submits for one form: text and hidden inputs, checked boxes, selected options, text areas."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside, self.values = form_id, False, []  # type: ignore[var-annotated]
        self._select: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "input" and a.get("name") and a.get("type", "text") not in ("submit", "button", "file"):
            if a.get("type") in ("radio", "checkbox"):
                if "checked" in a:
                    self.values.append((a["name"], a.get("value", "on")))
            else:
                self.values.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select is not None and "selected" in a:
            self.values.append((self._select, a.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.values.append((self._textarea, self._text))
            self._textarea = None


def form_fields(page: str, form_id: str) -> dict[str, list[str]]:
    """The fields a browser would submit from the form ``form_id`` of ``page``."""
    reader = _FormReader(form_id)
    reader.feed(page)
    out: dict[str, list[str]] = {}
    for name, value in reader.values:
        out.setdefault(name, []).append(value)
    return out
