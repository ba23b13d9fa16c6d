"""Findings of the attack campaign (#14) on the HTTP layer, each reproduced and kept as a test."""

from __future__ import annotations

import copy
import io
import json
import logging
import sys
import zipfile
from pathlib import Path
from typing import Any

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


# ---------------------------------------------------------------- 3, 5, 6: dates, amounts, calendar input

CASE = json.loads(CASE_01)
TERMINATED = (ROOT / "corpus" / "terminated" / "01-served-before-national-day.json").read_text(encoding="utf-8")
ROUTES = ("/v1/check", "/v1/render", "/v1/calendar")


def _post(c: Any, route: str, data: Any, query: str = "") -> Any:
    body = [data] if route == "/v1/calendar" else data
    query = query or ("as_of=2026-03-20" if route == "/v1/calendar" else "")
    return c.post(f"{route}?{query}", content=json.dumps(body, ensure_ascii=False).encode("utf-8"))


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2100-01-01", "9998-01-01"])
def test_query_dates_outside_the_legal_range_are_422(day: str) -> None:
    with make_client() as c:
        for route in ROUTES:
            body = assert_problem(_post(c, route, CASE, f"as_of={day}"), 422, "invalid-parameter")
            assert body["field"] == "as_of" and body["detail"] == "as_of：日期应在 1900-01-01 至 2099-12-31 之间"
        assert_problem(c.get("/v1/rules", params={"on": day}), 422, "invalid-parameter")


@pytest.mark.parametrize("day", ["9998-12-01", "0001-01-01"])
def test_record_dates_outside_the_legal_range_are_422_on_every_route(day: str) -> None:
    data = copy.deepcopy(CASE)
    data["termination"]["proposed_date"] = day
    with make_client() as c:
        for route in ROUTES:
            body = assert_problem(_post(c, route, data), 422, "invalid-case")
            assert body["field"].endswith("termination.proposed_date") or "termination.proposed_date" in body["detail"]


def test_the_last_legal_day_renders_without_breaking_the_zip() -> None:
    data = copy.deepcopy(CASE)
    data["termination"]["proposed_date"] = "2099-12-31"
    with make_client() as c:
        response = _post(c, "/v1/render", data, "draft=true")
        assert response.status_code == 200, response.text[:300]
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        assert archive.testzip() is None and len(archive.namelist()) == 5


@pytest.mark.parametrize(("claim", "field"), [
    ({"amount_recovered": "400000.00"}, "claim.amount_recovered"),  # more than the 315,619.00 due
    ({"amount_due": "1000000000000"}, "claim.amount_due"),
    ({"amount_due": "999999999999.00", "interest": "5.00"}, "claim.amount_due"),
])
def test_amounts_render_cannot_write_are_invalid_records_everywhere(claim: dict[str, str], field: str,
                                                                    capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path) -> None:
    data = copy.deepcopy(CASE)
    data["claim"].update(claim)
    with make_client() as c:
        for route in ROUTES:
            assert assert_problem(_post(c, route, data), 422, "invalid-case")["field"].endswith(field)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert field in capsys.readouterr().err


def test_calendar_needs_a_date() -> None:
    with make_client() as c:
        for query in ("as_of=", ""):
            response = c.post(f"/v1/calendar?{query}", content=f"[{TERMINATED}]".encode("utf-8"))
            assert response.status_code == 422 and response.json()["field"] == "as_of", response.text


@pytest.mark.parametrize("patch", ['"court": "\\ud800"', '"\\udc00": 1'])
def test_a_lone_surrogate_in_a_calendar_array_is_422(patch: str) -> None:
    body = f"[{TERMINATED.rstrip()[:-1]}, {patch}}}]"
    with make_client() as c:
        response = c.post("/v1/calendar?as_of=2026-03-20", content=body.encode("utf-8"))
        problem = assert_problem(response, 422, "invalid-case")
        assert problem["detail"].startswith("第1项：")


def test_control_characters_do_not_break_the_calendar_workbook() -> None:
    from openpyxl import load_workbook

    data = json.loads(TERMINATED)
    data["court"] = "北京市\x01海淀区\x0b人民法院"
    data["judge"] = "李\x1b四"
    data["respondents"][0]["party"]["name"] += "\x07"
    with make_client() as c:
        response = _post(c, "/v1/calendar", data, "as_of=2026-03-20&format=xlsx")
    assert response.status_code == 200, response.text[:300]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows and {r[1] for r in rows} == {"北京市海淀区人民法院"} and {r[2] for r in rows} == {"李四"}


# ---------------------------------------------------------------- 2, 4, 8: hostile rulings, bounded analysis

from bench import hostile_docx  # noqa: E402
from termination.service.isolation import AnalysisProcess  # noqa: E402

#: each hostile .docx (at a size that keeps the test fast) → what the 422 must say
HOSTILE: dict[str, tuple[Any, str]] = {
    "zip_bomb": (lambda: hostile_docx.zip_bomb(mb=24), "XML 内容过大"),
    "many_small_bombs": (hostile_docx.many_small_bombs, "解压后过大"),
    "entry_flood": (lambda: hostile_docx.entry_flood(1200), "压缩包内文件过多"),
    "lying_size": (lambda: hostile_docx.lying_size(mb=4), "不是有效的 .docx 文件"),
    "corrupt_deflate": (hostile_docx.corrupt_deflate, "不是有效的 .docx 文件"),
    "garbage_crc": (hostile_docx.garbage_crc, "不是有效的 .docx 文件"),
    "encrypted_entry": (hostile_docx.encrypted_entry, "文件已加密"),
    "unknown_compression": (hostile_docx.unknown_compression, "压缩方式"),
    "bzip2_entries": (hostile_docx.bzip2_entries, "压缩方式"),
    "malformed_xml": (hostile_docx.malformed_xml, "XML"),
    "deep_xml": (hostile_docx.deep_xml, "XML"),
    "billion_laughs": (hostile_docx.billion_laughs, "XML"),
    "external_entity": (hostile_docx.external_entity, "没有文字"),  # the entity is never resolved
    "no_document_part": (hostile_docx.no_document_part, "不是有效的 .docx 文件"),
    "not_a_zip": (hostile_docx.not_a_zip, "不是有效的 .docx 文件"),
    "truncated": (hostile_docx.truncated, "不是有效的 .docx 文件"),
    "too_much_text": (hostile_docx.too_much_text, "超过 200000 字"),
}


@pytest.fixture(scope="module")
def analysing() -> Any:
    with make_client() as c:
        yield c


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_docx_is_a_clear_422(name: str, analysing: Any) -> None:
    make, reason = HOSTILE[name]
    data = make()
    upload = analysing.post("/v1/analyze", files={"file": ("张三诉李四.docx", data, "application/octet-stream")})
    body = assert_problem(upload, 422, "invalid-ruling")
    assert reason in body["detail"] and "张三" not in body["detail"]
    raw = analysing.post("/v1/analyze", content=data, headers={"Content-Type": hostile_docx_type()})
    assert assert_problem(raw, 422, "invalid-ruling")["detail"] == body["detail"].replace("上传的文件", "请求体")


def hostile_docx_type() -> str:
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_the_cli_reads_hostile_docx_as_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("zip_bomb", "encrypted_entry", "deep_xml", "corrupt_deflate"):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(HOSTILE[name][0]())
        assert main(["analyze", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and HOSTILE[name][1] in err and "Traceback" not in err


def test_no_upload_is_named_in_the_temp_folder_while_it_is_analysed(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """kill -9 in the middle of an analysis must leave no ruling on disk: the upload goes to the
    analysis process through a pipe, and starlette's spool of a large upload is an unnamed file."""
    import os
    import tempfile
    import threading
    import time

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where a temporary file would be named
    big = hostile_docx.package(hostile_docx.document_xml(hostile_docx.paragraph("执行裁定书")),
                               extra={"word/media/image1.png": os.urandom(1_500_000)})  # spooled past 1 MB
    with make_client() as c:
        c.app.state.analysis = AnalysisProcess(deadline=2, command=[sys.executable, "-c", "import time; time.sleep(60)"])
        thread = threading.Thread(target=c.post, args=("/v1/analyze",),
                                  kwargs={"files": {"file": ("张三.docx", big, "application/octet-stream")}})
        thread.start()
        time.sleep(1.0)
        during = list(tmp_path.iterdir())
        thread.join(10)
    assert during == [] and list(tmp_path.iterdir()) == []


def test_an_analysis_past_its_deadline_is_killed_and_blocks_no_one() -> None:
    """A child that never answers stands for any pathological text: 422 at the deadline, the
    child process killed, and other requests answered meanwhile."""
    import threading
    import time

    with make_client() as c:
        stuck = AnalysisProcess(deadline=1.5, command=[sys.executable, "-c", "import time; time.sleep(120)"])
        c.app.state.analysis = stuck
        result: dict[str, Any] = {}

        def analyse() -> None:
            started = time.perf_counter()
            result["response"] = c.post("/v1/analyze", content="执行裁定书".encode(), headers={"Content-Type": "text/plain"})
            result["seconds"] = time.perf_counter() - started

        thread = threading.Thread(target=analyse)
        thread.start()
        time.sleep(0.3)
        child = stuck._process
        assert child is not None and child.poll() is None
        started = time.perf_counter()
        assert c.post("/v1/check", content=CASE_01).status_code == 200  # not queued behind the analysis
        assert time.perf_counter() - started < 1.0
        thread.join(10)
        body = assert_problem(result["response"], 422, "invalid-ruling")
        assert "未能在 1.5 秒内分析完毕" in body["detail"] and 1.4 < result["seconds"] < 4
        assert child.poll() is not None  # killed
        c.app.state.analysis = AnalysisProcess()
        assert c.post("/v1/analyze", content="执行裁定书".encode(), headers={"Content-Type": "text/plain"}).status_code == 200


def test_an_abandoned_analysis_is_killed() -> None:
    with make_client(timeout=0.5) as c:
        stuck = AnalysisProcess(command=[sys.executable, "-c", "import time; time.sleep(120)"])
        c.app.state.analysis = stuck
        response = c.post("/v1/analyze", content="执行裁定书".encode(), headers={"Content-Type": "text/plain"})
        assert_problem(response, 503, "timeout")
        assert stuck._process is None  # killed when the request was cancelled


def test_analyses_queued_past_the_time_limit_are_refused_at_once() -> None:
    """#14 campaign: eight texts that each ran to the deadline, sent together to one worker, made
    an ordinary analysis wait 30 s for a 503. Now one runs, ``queue`` wait, and one more is
    answered 429 at once; the queue drains and analyses are taken again."""
    import threading
    import time

    with make_client() as c:
        stuck = AnalysisProcess(deadline=1.5, queue=1, command=[sys.executable, "-c", "import time; time.sleep(120)"])
        c.app.state.analysis = stuck
        answers: list[Any] = []

        def analyse() -> None:
            answers.append(c.post("/v1/analyze", content="执行裁定书".encode(), headers={"Content-Type": "text/plain"}))

        threads = [threading.Thread(target=analyse) for _ in range(2)]  # one runs, one waits
        for thread in threads:
            thread.start()
        time.sleep(0.4)
        started = time.perf_counter()
        busy = c.post("/v1/analyze", content="执行裁定书".encode(), headers={"Content-Type": "text/plain"})
        assert time.perf_counter() - started < 1.0
        body = assert_problem(busy, 429, "busy")
        assert busy.headers["retry-after"] == "2" and body["detail"] == "正在分析的裁定书过多，请 2 秒后重试"
        for thread in threads:
            thread.join(10)
        assert sorted(a.status_code for a in answers) == [422, 422]  # each at its own deadline
        assert stuck._jobs == 0


@pytest.mark.parametrize("timeout", [0.5, 5.0, 12.0, 30.0, 300.0])
def test_the_last_analysis_waiting_ends_inside_the_time_limit(timeout: float) -> None:
    from termination import limits
    from termination.service.isolation import analysis_queue

    queue = analysis_queue(timeout)
    assert 0 <= queue <= limits.ANALYSIS_QUEUE
    assert queue == 0 or (queue + 1) * limits.ANALYSIS_SECONDS <= timeout - 5.0
    assert analysis_queue(30.0) == limits.ANALYSIS_QUEUE == 4


def test_a_text_that_made_the_analysis_quadratic_is_bounded(analysing: Any) -> None:
    import time

    started = time.perf_counter()
    response = analysing.post("/v1/analyze", content=b"\n" * 150_000 + "执行裁定书".encode(),
                              headers={"Content-Type": "text/plain"})
    assert response.status_code in (200, 422)
    assert time.perf_counter() - started < 5.0 + 3.0  # the deadline, plus starting a new child


# ---------------------------------------------------------------- 14: slow clients


def _read_all(sock: Any, limit: float) -> bytes:
    import socket as socket_module

    sock.settimeout(limit)
    chunks = []
    try:
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    except socket_module.timeout:
        chunks.append(b"<still open>")
    return b"".join(chunks)


def test_slow_headers_and_slow_bodies_are_cut_off_by_the_real_server() -> None:
    """slowloris: a connection that sends part of its headers (or nothing) is answered 408 and
    closed after TERMINATION_HEADER_TIMEOUT; a body still arriving at TERMINATION_TIMEOUT is 408."""
    import socket
    import time

    from tests.service.server import running_server

    env = {"TERMINATION_HEADER_TIMEOUT": "1", "TERMINATION_TIMEOUT": "1.5"}
    with running_server(workers=1, env=env) as base:
        host, port = base.removeprefix("http://").split(":")
        address = (host, int(port))
        started = time.monotonic()
        with socket.create_connection(address) as partial, socket.create_connection(address) as silent:
            partial.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Ty")
            answer = _read_all(partial, 5)
            assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
            assert _read_all(silent, 5) == answer  # nothing sent at all: the same
        assert time.monotonic() - started < 4
        with socket.create_connection(address) as slow_body:
            slow_body.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              b"Content-Length: 100\r\n\r\n{\"court\":")
            answer = _read_all(slow_body, 5)
            head, _, body = answer.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 408 "), answer[:300]
            assert json.loads(body)["type"].endswith("/request-timeout")
        import httpx

        assert httpx.post(f"{base}/v1/check", content=CASE_01).status_code == 200  # others are served


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_a_bad_header_timeout_refuses_to_start(value: str) -> None:
    with pytest.raises(InputError, match="应为正数"):
        Settings.from_env({"TERMINATION_HEADER_TIMEOUT": value})
