"""The pages in process: the interview from an empty case, editing, downloads, review, security."""

from __future__ import annotations

import io
import json
import logging
import re
import tempfile
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.workbench.conftest import TOKEN, Session, form_fields, make
from tests.workbench.judge import answers, sample, wants_more

ROOT = Path(__file__).resolve().parents[2]
CASE_01 = ROOT / "corpus" / "cases" / "01-compliant-person.json"
REVIEW_DATA = ROOT / "tests" / "review" / "data"


def interview(s: Session, truth: dict, limit: int = 80) -> list[str]:  # type: ignore[type-arg]
    """Answer every question from ``truth`` until the case is ready; the keys asked."""
    asked: list[str] = []
    while len(asked) < limit:
        state = s.state(again=True)
        if state.decision is not None and state.decision.ready:
            return asked
        q = state.question
        assert q is not None, f"no question left but not ready: {state.decision and state.decision.blocking_rules}"
        asked.append(q.key)
        values = answers(q, truth)
        action = "skip" if values is None else "more" if wants_more(q, truth) else "answer"
        again = s.hidden("again") if 'name="again"' in s.page else ""
        data = {**s.case(), "again": again, "key": q.key, "action": action, **(values or {})}
        response = s.post("/case/interview", data)
        assert response.status_code == 200, re.findall(r'class="message" role="alert">(.*?)<', response.text)
    raise AssertionError(f"not ready after {limit} questions")


def test_an_empty_case_reaches_a_ready_decision_by_answering_questions(session: Session) -> None:
    session.post("/case/open", {"source": "empty"})
    assert "执行法院的全称是什么？" in session.page
    asked = interview(session, sample("01-compliant-person"))
    assert len(asked) <= 30  # docs/workbench.md: 8 to start the record, the rest the rules raise
    assert asked[:8] == ["court", "case_number", "filing_date", "applicants+", "respondents+", "basis", "claim",
                         "termination"]
    assert len(set(asked)) == len(asked) - 2  # only 网络查询 is asked again (three inquiries recorded)
    assert "可以终本：全部终本条件均已符合" in session.page
    decision = session.state().decision
    assert decision is not None and decision.ready


def test_several_parties_are_added_one_after_another(session: Session) -> None:
    truth = json.loads((ROOT / "tests" / "render" / "cases" / "multi-party-zhihui.json").read_text(encoding="utf-8"))
    session.post("/case/open", {"source": "empty"})
    asked = interview(session, truth)
    assert asked.count("applicants+") == 2 and asked.count("respondents+") == 3
    draft = forms_draft(session)
    assert [r["party"]["name"] for r in draft["respondents"]] == [r["party"]["name"] for r in truth["respondents"]]
    assert "保存，再记录一项" in session.page or session.state().decision.ready  # type: ignore[union-attr]


def test_set_aside_leaves_the_fact_unknown_and_the_question_comes_back_on_request(session: Session) -> None:
    session.post("/case/open", {"source": "sample", "sample": "16-dishonest-grounds-unassessed"})
    q = session.state().question
    assert q is not None and q.path.endswith("dishonest_grounds")
    session.post("/case/interview", {**session.case(), "key": q.key, "action": "skip"})
    state = session.state()
    assert state.decision is not None and state.decision.finding("C05").status == "unknown"
    assert state.question is None or state.question.key != q.key
    assert "暂不回答的问题（1）" in session.page and "尚不能终本" in session.page
    session.post("/case/interview", {**session.case(), "action": "reset"})
    assert session.state().question.key == q.key  # type: ignore[union-attr]
    session.post("/case/interview", {**session.case(), "key": q.key, "action": "answer", "v:" + q.path: ["1"]})
    assert session.state().decision.finding("C05").status != "unknown"  # type: ignore[union-attr]


def test_a_wrong_answer_is_refused_beside_its_field_and_keeps_what_was_typed(session: Session) -> None:
    session.post("/case/open", {"source": "empty"})
    for key, value in (("court", "北京市朝阳区人民法院"),):
        session.post("/case/interview", {**session.case(), "key": key, "action": "answer", f"v:{key}": value})
    response = session.post("/case/interview", {**session.case(), "key": "case_number", "action": "answer",
                                                 "v:case_number": "京0105执12345"})
    assert response.status_code == 422
    assert re.search(r'data-path="case_number">.*?class="message" role="alert">案号格式应为', response.text, re.S)
    assert 'value="京0105执12345"' in response.text
    assert "case_number" not in forms_draft(session)


def forms_draft(s: Session) -> dict:  # type: ignore[type-arg]
    return json.loads(s.hidden("draft"))


def _edit(s: Session, action: str, **changes: str) -> object:
    fields = form_fields(s.page, "edit-form")
    fields.pop("csrf", None)
    fields.update({k: [v] for k, v in changes.items()})
    return s.post("/case/edit", {**fields, "action": action})


def test_edit_adds_and_removes_a_measure_and_names_bad_fields(session: Session) -> None:
    session.post("/case/open", {"source": "sample", "sample": "04-no-consumption-restriction"})
    session.post("/case/edit", {**session.case(), "action": "open"})
    _edit(session, "add:measures.consumption_restrictions")
    assert len(forms_draft(session)["measures"]["consumption_restrictions"]) == 1
    response = _edit(session, "save", **{"v:measures.consumption_restrictions.0.respondent": "R1",
                                         "v:measures.consumption_restrictions.0.issued_on": "2024-02-30"})
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert re.search(r'data-path="measures.consumption_restrictions.0.issued_on">.*?role="alert">[^<]*日期',
                     session.page, re.S)
    response = _edit(session, "done", **{"v:measures.consumption_restrictions.0.issued_on": "2022-08-01"})
    assert response.status_code == 200 and "已保存修改" in session.page  # type: ignore[attr-defined]
    assert session.state().decision.finding("C01").status == "satisfied"  # type: ignore[union-attr]
    session.post("/case/edit", {**session.case(), "action": "open"})
    _edit(session, "remove:measures.consumption_restrictions.0")
    assert forms_draft(session)["measures"]["consumption_restrictions"] == []


def test_editing_nothing_keeps_the_record_as_it_was(session: Session) -> None:
    session.post("/case/open", {"source": "sample", "sample": "01-compliant-person"})
    session.post("/case/edit", {**session.case(), "action": "open"})
    _edit(session, "save")
    from termination.io import load_case

    assert load_case(forms_draft(session)) == load_case(sample("01-compliant-person"))


def test_documents_record_and_calendar_download(session: Session) -> None:
    session.post("/case/open", {"source": "sample", "sample": "01-compliant-person"})
    response = session.client.post("/case/download", data={"csrf": session.csrf, **session.case(), "what": "ruling"})
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "执行裁定书" in text and "（2024）京0105执12345号" in text and "草稿" not in text
    record = session.client.post("/case/download", data={"csrf": session.csrf, **session.case(), "what": "json"})
    assert json.loads(record.content) == sample("01-compliant-person")
    ics = session.client.post("/case/download", data={"csrf": session.csrf, **session.case(), "what": "ics"})
    assert ics.status_code == 422 and "送达" in ics.text  # the calendar starts once the ruling is served
    session.post("/case/open", {"source": "sample", "sample": "04-no-consumption-restriction"})
    draft = session.client.post("/case/download", data={"csrf": session.csrf, **session.case(), "what": "ruling"})
    assert "草稿" in "\n".join(p.text for p in docx.Document(io.BytesIO(draft.content)).paragraphs)


def test_the_calendar_downloads_once_the_ruling_is_served(session: Session) -> None:
    truth = sample("01-compliant-person")
    truth["termination"]["served_on"] = "2024-06-28"
    session.post("/case/open", {"source": "paste", "text": json.dumps(truth, ensure_ascii=False)})
    response = session.client.post("/case/download", data={"csrf": session.csrf, **session.case(), "what": "ics"})
    assert response.status_code == 200 and response.content.startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("body, message", [
    (b"{not json", "不是有效的 JSON"),
    (json.dumps({**sample("01-compliant-person"), "filing_date": "2024-13-01"}).encode(), "立案日期"),
    (json.dumps({**sample("01-compliant-person"), "claim": {"claim_types": ["money"]}}).encode(), "执行标的金额"),
])
def test_a_bad_upload_is_a_chinese_message_on_the_page(session: Session, body: bytes, message: str) -> None:
    response = session.client.post("/case/open", data={"csrf": session.csrf, "source": "upload"},
                                   files={"file": ("case.json", body, "application/json")})
    assert response.status_code == 422 and "text/html" in response.headers["content-type"]
    assert "案件数据有误，未能打开" in response.text and message in response.text
    assert "Traceback" not in response.text


def test_uploads_in_utf16_open_like_utf8(session: Session) -> None:
    text = CASE_01.read_text(encoding="utf-8")
    response = session.client.post("/case/open", data={"csrf": session.csrf, "source": "upload"},
                                   files={"file": ("case.json", text.encode("utf-16"), "application/json")})
    assert response.status_code == 200 and "可以终本" in response.text


def _batch(tmp: Path) -> bytes:
    def case(name: str) -> str:
        return (ROOT / "corpus" / "cases" / f"{name}.json").read_text(encoding="utf-8").replace("\n", " ")
    lines = [json.dumps({"case": json.loads(case("01-compliant-person")), "ruling": "01-ruling.txt",
                         "closed_on": "2024-06-28"}, ensure_ascii=False)]
    lines += [case(n) for n in ("02-compliant-organisation", "04-no-consumption-restriction",
                                "16-dishonest-grounds-unassessed", "08-applicant-not-interviewed")]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_a_review_batch_gives_the_report_and_the_workbook(session: Session, tmp_path: Path) -> None:
    before = {p.name for p in Path(tempfile.gettempdir()).glob("termination-workbench-*")}
    response = session.client.post(
        "/review", data={"csrf": session.csrf, "sample": "", "seed": ""},
        files=[("batch", ("cases.jsonl", _batch(tmp_path), "application/octet-stream")),
               ("rulings", ("01-ruling.txt", (REVIEW_DATA / "01-ruling.txt").read_bytes(), "text/plain"))])
    assert response.status_code == 200, response.text[:500]
    assert re.search(r'id="pass-rate">40\.0%<', response.text)
    assert re.search(r'id="reviewed">5<', response.text)
    href = re.search(r'id="download-xlsx" download="[^"]+" href="data:[^;]+;base64,([^"]+)"', response.text)
    assert href
    import base64

    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(href.group(1))))
    assert book.sheetnames
    assert {p.name for p in Path(tempfile.gettempdir()).glob("termination-workbench-*")} == before  # nothing left


def test_a_review_cannot_read_files_it_was_not_given(session: Session) -> None:
    line = json.dumps({"case": sample("01-compliant-person"), "ruling": "../../etc/passwd"}).encode()
    response = session.client.post("/review", data={"csrf": session.csrf},
                                   files=[("batch", ("cases.jsonl", line, "application/octet-stream"))])
    assert response.status_code == 422 and "未随批量文件一同上传" in response.text


# ---------------------------------------------------------------- security


def test_with_a_token_the_pages_need_a_login_and_the_cookie_holds_no_token() -> None:
    with make(token=TOKEN) as client:
        s = Session(client)
        response = s.get("/", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/login"
        s.get("/login")
        assert s.post("/case/open", {"source": "empty"}).status_code == 401  # a post without a session
        assert s.post("/login", {"token": "wrong"}).status_code == 401 and "访问令牌不正确" in s.page
        response = s.post("/login", {"token": TOKEN}, follow_redirects=False)
        assert response.status_code == 303
        cookie = response.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and TOKEN not in cookie
        assert s.post("/case/open", {"source": "empty"}).status_code == 200
        # the API does not take the cookie: a browser must not authenticate /v1 automatically
        assert client.post("/v1/check", content=CASE_01.read_bytes()).status_code == 401
        s.post("/logout")
        assert s.get("/", follow_redirects=False).status_code == 303


def test_a_bearer_token_opens_the_pages_as_it_opens_the_api() -> None:
    with make(token=TOKEN) as client:
        response = client.get("/", headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200 and "打开案件" in response.text


@pytest.mark.parametrize("headers, csrf", [
    ({}, ""),  # no CSRF value
    ({}, "x" * 43),  # another value than the cookie's
    ({"Sec-Fetch-Site": "cross-site"}, None),  # the browser says another site sent it
    ({"Origin": "http://evil.example", "Sec-Fetch-Site": "same-origin"}, None),
])
def test_every_form_post_needs_the_csrf_value_from_this_site(session: Session, headers: dict, csrf: str | None) -> None:  # type: ignore[type-arg]
    data = {"csrf": session.csrf if csrf is None else csrf, "source": "empty"}
    response = session.client.post("/case/open", data=data, headers={"Accept": "text/html", **headers})
    assert response.status_code == 403 and "表单已过期或来自其他网站" in response.text


def test_pages_carry_the_security_headers_and_no_outside_resource(session: Session) -> None:
    response = session.get("/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    assert not re.search(r'(src|href)="(https?:)?//', response.text)
    js = session.client.get("/static/htmx.min.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert session.client.get("/static/../pyproject.toml").status_code == 404


def test_errors_are_pages_for_browsers_and_problems_for_the_api(session: Session) -> None:
    page = session.client.get("/no-such-page", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "没有这个页面" in page.text
    api = session.client.get("/v1/no-such-route", headers={"Accept": "text/html"})
    assert api.headers["content-type"].startswith("application/problem+json")
    with make(max_body=2000) as small:
        s = Session(small)
        s.get("/")
        response = s.post("/case/open", {"source": "paste", "text": "x" * 5000})
        assert response.status_code == 413 and "请求体过大" in response.text
        assert "text/html" in response.headers["content-type"]


def test_no_personal_data_in_the_log(session: Session, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="termination")
    session.post("/case/open", {"source": "sample", "sample": "01-compliant-person"})
    q = session.state().question
    session.post("/case/edit", {**session.case(), "action": "open"})
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "path=/case/open" in text and "path=/case/edit" in text
    for personal in ("张建国", "李春华", "北京市朝阳区八里庄", "周文斌"):
        assert personal not in text
    del q


def test_the_results_page_previews_the_ruling_and_marks_a_drafts_gaps(session: Session) -> None:
    session.post("/case/open", {"source": "sample", "sample": "01-compliant-person"})
    page = session.post("/case/results", session.case()).text
    assert '<p class="b-title">执行裁定书</p>' in page and "<mark>" not in page
    assert '<p class="b-caseno">（2024）京0105执12345号</p>' in page
    session.post("/case/open", {"source": "sample", "sample": "08-applicant-not-interviewed"})
    page = session.post("/case/results", session.case()).text
    assert "<mark>【待补充：" in page and "（草稿） .docx" in page


def test_the_login_page_offers_no_logout_and_no_pages_before_login() -> None:
    with make(token=TOKEN) as client:
        s = Session(client)
        s.get("/login")
        assert "退出登录" not in s.page and 'href="/review"' not in s.page
        s.post("/login", {"token": TOKEN})
        s.get("/")
        assert "退出登录" in s.page and 'href="/review"' in s.page
