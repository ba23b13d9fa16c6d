"""The /v1 routes in process: same answers as the command line, errors as problem documents."""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from termination import api
from termination.cli import main
from tests.service.conftest import CASES, ROOT, RULINGS, TestClient, expected, make_client

CASE_01 = ROOT / "corpus" / "cases" / "01-compliant-person.json"
CASE_08 = ROOT / "corpus" / "cases" / "08-applicant-not-interviewed.json"
PROBLEM_KEYS = {"type", "title", "status", "detail", "field", "request_id"}


def assert_problem(response: Any, status: int, kind: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert PROBLEM_KEYS <= set(body)
    assert body["type"] == f"https://termination.example/problems/{kind}"
    assert body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text
    return body


def cli_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    main(argv)
    return json.loads(capsys.readouterr().out)


# ---------------------------------------------------------------- check


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_check_returns_the_cli_decision_json(case: Path, client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    response = client.post("/v1/check", content=case.read_bytes(), headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body == cli_json(["check", str(case), "--format", "json"], capsys)
    assert body["outcome"] == expected(case)["outcome"]
    assert body["decision_version"] == "1.1"


def test_check_as_of_query_is_the_evaluation_date(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    response = client.post("/v1/check?as_of=2024-06-01", content=CASE_01.read_bytes())
    assert response.status_code == 200
    assert response.json()["as_of"] == "2024-06-01"
    assert response.json() == cli_json(["check", str(CASE_01), "--as-of", "2024-06-01", "--format", "json"], capsys)


@pytest.mark.parametrize("value", ["2024-13-01", "20240601", "yesterday", "2024-6-1"])
def test_check_bad_as_of_is_422_naming_the_parameter(client: TestClient, value: str) -> None:
    body = assert_problem(client.post("/v1/check", params={"as_of": value}, content=CASE_01.read_bytes()), 422,
                          "invalid-parameter")
    assert body["field"] == "as_of"
    assert body["detail"] == f"as_of：日期“{value}”无效，应为 YYYY-MM-DD"


def test_unparseable_json_is_400_with_the_cli_message(client: TestClient, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    bad = b'{"court": "x",'
    body = assert_problem(client.post("/v1/check", content=bad), 400, "invalid-json")
    (tmp_path / "bad.json").write_bytes(bad)
    assert main(["check", str(tmp_path / "bad.json")]) == 2
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'bad.json'}：{body['detail']}"
    assert body["detail"].startswith("案件：不是有效的 JSON")


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d["claim"].update(amount_due="三十万"), "claim.amount_due"),
        (lambda d: d.pop("court"), "court"),
        (lambda d: d.update(colour="red"), "colour"),
        (lambda d: d["termination"].update(proposed_date="2024-02-30"), "termination.proposed_date"),
    ],
)
def test_invalid_case_is_422_naming_the_field(client: TestClient, mutate: Any, field: str) -> None:
    data = json.loads(CASE_01.read_text(encoding="utf-8"))
    mutate(data)
    body = assert_problem(client.post("/v1/check", json=data), 422, "invalid-case")
    assert body["field"] == field
    assert body["detail"].startswith((f"{field}：", f"{body['errors'][0]['label']}（{field}）："))
    assert body["errors"][0]["field"] == field
    assert body["title"] == "案件数据不符合要求"


@pytest.mark.parametrize("raw", [b"[]", b"42", b'"case"', b"null"])
def test_json_that_is_not_an_object_is_422(client: TestClient, raw: bytes) -> None:
    body = assert_problem(client.post("/v1/check", content=raw), 422, "invalid-case")
    assert body["detail"].startswith("案件：案件数据应为 JSON 对象")


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe\x00garbage", b"[" * 50_000, b"1" * 5000])
def test_hostile_bodies_are_400_not_500(client: TestClient, raw: bytes) -> None:
    assert_problem(client.post("/v1/check", content=raw), 400, "invalid-json")


# ---------------------------------------------------------------- limits, ids, auth


def test_body_over_the_limit_is_413_by_content_length() -> None:
    with make_client(max_body=1000) as c:
        body = assert_problem(c.post("/v1/check", content=b" " * 1001), 413, "payload-too-large")
        assert "1000" in body["detail"]
        assert c.post("/v1/check", content=b" " * 1000).status_code == 400  # at the limit: read, then not JSON


def test_chunked_body_over_the_limit_is_413() -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b" " * 100

    with make_client(max_body=1000) as c:
        response = c.post("/v1/check", content=chunks())
        assert "content-length" not in {k.lower() for k in response.request.headers}
        assert_problem(response, 413, "payload-too-large")


def test_slow_request_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    real_check = api.check

    def slow_check(*args: Any, **kwargs: Any) -> Any:
        time.sleep(1.0)
        return real_check(*args, **kwargs)

    monkeypatch.setattr(api, "check", slow_check)
    with make_client(timeout=0.2) as c:
        started = time.perf_counter()
        body = assert_problem(c.post("/v1/check", content=CASE_01.read_bytes()), 503, "timeout")
        assert time.perf_counter() - started < 0.9  # answered at the limit, not when the work ended
        assert "0.2" in body["detail"]


def test_unexpected_exception_is_500_with_request_id_and_no_detail_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("张建国 110101198002030000 北京市朝阳区")

    monkeypatch.setattr(api, "check", broken)
    with make_client() as c:
        response = c.post("/v1/check", content=CASE_01.read_bytes())
    body = assert_problem(response, 500, "internal-error")
    assert body["request_id"] in body["detail"]
    for secret in ("张建国", "110101198002030000", "朝阳区", "RuntimeError", "api.py"):
        assert secret not in response.text


def test_every_response_carries_a_request_id(client: TestClient) -> None:
    ids = {
        client.get("/v1/health").headers["x-request-id"],
        client.get("/nowhere").headers["x-request-id"],
        client.post("/v1/check", content=b"{").headers["x-request-id"],
        client.post("/v1/check", content=CASE_01.read_bytes()).headers["x-request-id"],
    }
    assert len(ids) == 4 and all(len(i) == 32 for i in ids)  # fresh uuid4 hex each time


def test_a_clean_client_request_id_is_echoed_and_a_dirty_one_replaced(client: TestClient) -> None:
    assert client.get("/v1/health", headers={"X-Request-ID": "case-sys.42_a"}).headers["x-request-id"] == "case-sys.42_a"
    replaced = client.get("/v1/health", headers={"X-Request-ID": "bad id\twith spaces"}).headers["x-request-id"]
    assert replaced != "bad id\twith spaces" and len(replaced) == 32


def test_token_guards_every_route_but_health() -> None:
    with make_client(token="s3cret-令牌".encode().hex()) as c:
        token = "s3cret-令牌".encode().hex()
        assert c.get("/v1/health").status_code == 200
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {token}"}):
            response = c.post("/v1/check", content=CASE_01.read_bytes(), headers=headers)
            assert_problem(response, 401, "unauthorized")
            assert response.headers["www-authenticate"] == "Bearer"
            assert_problem(c.get("/v1/rules", headers=headers), 401, "unauthorized")
            assert_problem(c.get("/v1/schema/case", headers=headers), 401, "unauthorized")
        good = {"Authorization": f"Bearer {token}"}
        assert c.post("/v1/check", content=CASE_01.read_bytes(), headers=good).status_code == 200
        assert c.get("/v1/schema/case", headers=good).status_code == 200


def test_unknown_route_and_wrong_method_are_problem_documents(client: TestClient) -> None:
    assert_problem(client.get("/v2/check"), 404, "not-found")
    assert_problem(client.get("/v1/check"), 405, "method-not-allowed")


# ---------------------------------------------------------------- other routes


def test_health_reports_versions_and_calendar(client: TestClient) -> None:
    body = client.get("/v1/health").json()
    assert body["status"] == "ok"
    assert body["decision_version"] == "1.1" and body["case_schema_version"] == "1.1"
    assert body["ruleset_version"] == api.check(CASE_01).ruleset_version
    # chinese_calendar covers 2004 at the start; the last year is whatever the installed version knows
    assert body["calendar"]["first_year"] == 2004 and body["calendar"]["last_year"] >= 2025


def test_rules_route_equals_the_cli(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    body = client.get("/v1/rules", params={"on": "2017-06-30"}).json()
    assert body == cli_json(["rules", "--on", "2017-06-30", "--format", "json"], capsys)
    assert_problem(client.get("/v1/rules", params={"on": "30/06/2017"}), 422, "invalid-parameter")


def test_schema_route_is_the_pinned_case_schema(client: TestClient) -> None:
    pinned = json.loads((ROOT / "schemas" / "case.schema.json").read_text(encoding="utf-8"))
    assert client.get("/v1/schema/case").json() == pinned


def test_render_not_ready_is_409_listing_the_missing_steps(client: TestClient) -> None:
    body = assert_problem(client.post("/v1/render", content=CASE_08.read_bytes()), 409, "not-ready")
    blocking = api.check(CASE_08).blocking_rules
    decision = api.check(CASE_08)
    assert [step["rule"] for step in body["missing"]] == blocking
    for step in body["missing"]:
        finding = decision.finding(step["rule"])
        assert (step["title"], step["status"], step["message"], step["remedy"]) == \
            (finding.title, finding.status, finding.message, finding.remedy)
        assert [c["text"] for c in step["citations"]] == [c.text for c in finding.citations]


def test_analyze_text_plain_upload_and_docx_agree(client: TestClient, tmp_path: Path) -> None:
    import docx  # python-docx, a declared dependency

    path = RULINGS / "zb_2017_gansu_519.txt"
    text = path.read_text(encoding="utf-8")
    want = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    plain = client.post("/v1/analyze", content=text.encode("utf-8"), headers={"Content-Type": "text/plain; charset=utf-8"})
    assert plain.status_code == 200
    assert plain.json()["case_number"] == want["case_number"]
    assert plain.json() == api.analyze(text).model_dump(mode="json")
    upload = client.post("/v1/analyze", files={"file": ("裁定.txt", text.encode("utf-8"), "text/plain")})
    assert upload.json() == plain.json()
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    from_docx = client.post("/v1/analyze", files={"file": ("ruling.docx", buffer.getvalue(), "application/octet-stream")})
    assert from_docx.status_code == 200
    assert from_docx.json()["case_number"] == want["case_number"]
    assert from_docx.json()["is_zhongben"] is True


def test_analyze_rejects_bad_uploads(client: TestClient) -> None:
    assert_problem(client.post("/v1/analyze", content=b"   ", headers={"Content-Type": "text/plain"}), 422, "invalid-ruling")
    assert_problem(client.post("/v1/analyze", files={"file": ("a.pdf", b"%PDF", "application/pdf")}), 415,
                   "unsupported-media-type")
    assert_problem(client.post("/v1/analyze", files={"other": ("a.txt", b"x", "text/plain")}), 400, "invalid-form")
    body = assert_problem(client.post("/v1/analyze", files={"file": ("坏.docx", b"not a zip", "application/octet-stream")}),
                          422, "invalid-ruling")
    assert "/tmp" not in body["detail"] and "坏.docx" not in body["detail"]  # a file name may name a party
    assert body["detail"].startswith("无法读取裁定书文件“上传的文件”")
    assert_problem(client.post("/v1/analyze", content=b"<x/>", headers={"Content-Type": "application/xml"}), 415,
                   "unsupported-media-type")


def test_render_one_document_is_the_docx_itself(client: TestClient) -> None:
    response = client.post("/v1/render", params={"only": "ruling"}, content=CASE_01.read_bytes())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response.content == api.render(CASE_01, only=["ruling"])["执行裁定书.docx"]
    assert "filename*=UTF-8''%E6%89%A7%E8%A1%8C%E8%A3%81%E5%AE%9A%E4%B9%A6.docx" in response.headers["content-disposition"]


def test_render_text_format(client: TestClient) -> None:
    response = client.post("/v1/render", params={"only": "notice", "format": "txt"}, content=CASE_01.read_bytes())
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert "终结本次执行程序告知书" in response.content.decode("utf-8")


def test_render_several_documents_is_a_zip_of_them(client: TestClient) -> None:
    response = client.post("/v1/render", params={"draft": "true"}, content=CASE_08.read_bytes())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    files = api.render(CASE_08, draft=True)
    assert len(files) == 5  # ruling, notice, interview, approval, report
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert sorted(archive.namelist()) == sorted(files)
        assert all(archive.read(name)[:2] == b"PK" for name in archive.namelist())  # each a .docx (zip)


def test_render_bad_parameters_are_422(client: TestClient) -> None:
    body = assert_problem(client.post("/v1/render", params={"only": "ruling,verdict"}, content=CASE_01.read_bytes()),
                          422, "invalid-parameter")
    assert body["field"] == "only" and "verdict" in body["detail"]
    body = assert_problem(client.post("/v1/render", params={"format": "pdf"}, content=CASE_01.read_bytes()),
                          422, "invalid-parameter")
    assert body["field"] == "format"
    body = assert_problem(client.post("/v1/render", params={"draft": "maybe"}, content=CASE_01.read_bytes()),
                          422, "invalid-parameter")
    assert body["detail"] == "draft：应为 true 或 false"
