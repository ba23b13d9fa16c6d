"""Findings of the attack campaign (#14) on the HTTP layer, each reproduced and kept as a test."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from termination.cli import main
from termination.errors import InputError
from termination.service.app import Settings, _attachment
from termination.service.middleware import escape_controls
from tests.service.conftest import ROOT, make_client
from tests.service.test_http import assert_problem

CASE_01 = (ROOT / "corpus" / "cases" / "01-compliant-person.json").read_bytes()
TOKEN = "s3cret-token_1.2~3+4/5=="


# ---------------------------------------------------------------- 9, 13: the token


@pytest.mark.parametrize(("value", "message"), [
    ("", "已设置但为空"),
    ("秘密", "只能由字母、数字"),
    ("two words", "只能由字母、数字"),
    ("token\n", "只能由字母、数字"),
])
def test_a_token_that_is_empty_or_cannot_be_sent_refuses_to_start(value: str, message: str,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(InputError, match=message):
        Settings.from_env({"TERMINATION_TOKEN": value})
    with pytest.raises(InputError, match=message):
        Settings(token=value)
    monkeypatch.setenv("TERMINATION_TOKEN", value)
    assert main(["serve", "--port", "8"]) == 2  # refused before binding
    err = capsys.readouterr().err
    assert err.startswith("termination：TERMINATION_TOKEN：" + message) and err.count("\n") == 1


def test_docs_and_openapi_need_the_token_when_one_is_set() -> None:
    with make_client(token=TOKEN) as c:
        for path in ("/docs", "/openapi.json"):
            assert_problem(c.get(path), 401, "unauthorized")
            assert_problem(c.get(path, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
            assert c.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert c.get("/v1/health").status_code == 200
    with make_client() as open_client:
        assert open_client.get("/openapi.json").json()["openapi"].startswith("3.")
        assert "swagger" in open_client.get("/docs").text.lower()


def test_a_non_ascii_authorization_header_is_refused_not_crashed() -> None:
    with make_client(token=TOKEN) as c:
        response = c.post("/v1/check", content=CASE_01, headers={"Authorization": "Bearer 秘密".encode()})
        assert_problem(response, 401, "unauthorized")


def test_no_redirect_is_built_from_the_host_header() -> None:
    with make_client(token=TOKEN) as c:
        response = c.post("/v1/check/", content=CASE_01, headers={"Host": "evil.example"}, follow_redirects=False)
        assert_problem(response, 404, "not-found")
        assert "location" not in response.headers and "evil.example" not in response.text


# ---------------------------------------------------------------- 17, 11: the HTTP contract


def test_405_names_the_allowed_methods() -> None:
    with make_client() as c:
        response = c.put("/v1/check", content=CASE_01)
        assert_problem(response, 405, "method-not-allowed")
        assert response.headers["allow"] == "POST"
        assert c.post("/v1/rules").headers["allow"] == "GET"


@pytest.mark.parametrize("name", ["（2024）京0105执12345号.zip", "a/b\\c\"d;e.docx", "执行裁定书.docx", "plain-name.ics"])
def test_content_disposition_encodes_every_reserved_character(name: str) -> None:
    header = _attachment(name)
    header.encode("ascii")  # a header value is ASCII
    plain, star = header.split("; filename*=UTF-8''")
    from urllib.parse import unquote

    assert unquote(star) == name
    assert not set(star) & set("/\\\"; ,")  # RFC 8187 attr-char only
    ascii_name = plain.removeprefix('attachment; filename="').removesuffix('"')
    assert '"' not in ascii_name and "/" not in ascii_name and "\\" not in ascii_name
    assert ascii_name == name if name == "plain-name.ics" else ascii_name.startswith("document.")


# ---------------------------------------------------------------- 15: health


def test_health_fails_when_a_template_cannot_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from termination import render

    with make_client() as c:
        healthy = c.get("/v1/health")
        assert healthy.status_code == 200 and healthy.json()["checks"] == {"rules": "ok", "templates": "ok"}
        monkeypatch.setattr(render, "TEMPLATES_DIR", tmp_path)  # an install without templates/
        render._environment.cache_clear()
        try:
            broken = c.get("/v1/health")
        finally:
            monkeypatch.undo()
            render._environment.cache_clear()
        assert broken.status_code == 503
        body = broken.json()
        assert body["status"] == "error" and body["checks"]["templates"] == "error: TemplateNotFound"
        assert body["checks"]["rules"] == "ok"
        (tmp_path / "ruling.j2").write_text("{% if %}", encoding="utf-8")  # a broken template
        monkeypatch.setattr(render, "TEMPLATES_DIR", tmp_path)
        render._environment.cache_clear()
        try:
            assert c.get("/v1/health").json()["checks"]["templates"] == "error: TemplateSyntaxError"
        finally:
            monkeypatch.undo()
            render._environment.cache_clear()
        assert c.get("/v1/health").status_code == 200


# ---------------------------------------------------------------- 7: control characters in the log


def test_control_characters_are_escaped_in_every_log_line(caplog: pytest.LogCaptureFixture) -> None:
    assert escape_controls("a\x1b[2Jb\x00\r\nc\u202e\u200bd\ud800 京") == "a\\x1b[2Jb\\x00\\x0d\\x0ac\\u202e\\u200bd\\ud800 京"
    with caplog.at_level(logging.INFO, logger="termination.service"):
        logging.getLogger("termination.service").info("request case_number=%s", "（2024）京\x1b]0;pwned\x07执1号")
    [record] = caplog.records
    assert record.getMessage() == "request case_number=（2024）京\\x1b]0;pwned\\x07执1号"


def test_the_served_log_configuration_escapes_on_every_handler() -> None:
    from termination.service.cli import log_config

    config = log_config("info")
    assert config["filters"]["escape"]["()"] == "termination.service.middleware.EscapeControls"
    assert all("escape" in h["filters"] for h in config["handlers"].values())
