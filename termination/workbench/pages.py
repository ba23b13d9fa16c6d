"""The workbench's pages: thin handlers over the draft, the decision and the documents.

Every handler reads the draft the page sent, works out the state (:mod:`.state`), and renders a
page from ``templates/web/``. Errors are Chinese messages on the page, never a trace; nothing
is written to disk except the reviewer's upload, in a temporary folder removed before the
response.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import re
import tempfile
import threading
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import anyio
import jinja2
from fastapi import APIRouter, Request
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, RedirectResponse, Response

from termination import api, glossary, paths
from termination.absence import RECORD_PATHS
from termination.decision import SEVERITY_LABEL, STATUS_LABEL, STATUS_MARK, Decision
from termination.errors import CaseFileError, InputError, NotReadyError, TerminationError
from termination.io import load_case
from termination.report import CATEGORY_ORDER
from termination.workbench import forms, security
from termination.workbench.state import CaseState, evaluate

STATIC = paths.PACKAGE / "workbench" / "static"
STATIC_FILES = {
    "htmx.min.js": "text/javascript; charset=utf-8",
    "htmx.LICENSE.txt": "text/plain; charset=utf-8",
    "workbench.css": "text/css; charset=utf-8",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCUMENTS = ("ruling", "notice", "interview", "approval", "report")
SAMPLES = paths.CORPUS / "cases"
#: upload limits of the pages (the service's body limit applies first)
MAX_RULINGS = 200
#: Content Security Policy: this origin only; no inline script, no other site.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")

router = APIRouter(include_in_schema=False)
_review_lock = threading.Lock()  # the review evaluates in-process with module-level worker state


# ---------------------------------------------------------------- rendering


def _plain(text: str | None) -> str:
    """A rule message for the page: record field names (``claim.amount_recovered``) left out."""
    if not text:
        return ""
    return _FIELD_NAME.sub("", text).replace("（）", "").replace("()", "")


_NAMES = sorted({seg for p in RECORD_PATHS for seg in p.replace("[]", "").split(".") if "_" in seg or len(seg) > 5},
                key=len, reverse=True)
_FIELD_NAME = re.compile(
    r"\s?[（(]?\b(?:" + "|".join(re.escape(n) for n in _NAMES) + r")(?:\.[a-z_]+)*\b[）)]?\s?"
)


@jinja2.pass_context
def _csrf(ctx: jinja2.runtime.Context) -> str:
    return security.csrf_token(ctx["request"])


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.TEMPLATES / "web"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["plain"] = _plain
    env.filters["term"] = lambda value, enum: glossary.term(enum, value)
    from termination.review.figures import SEVERITY_CN
    from termination.review.reports import _pct

    env.globals.update(
        pct=_pct, REVIEW_SEVERITY=SEVERITY_CN, value_at=forms.value_at,
        errors_for=lambda errors, path: [e.message for e in errors if e.field == path],
        csrf=_csrf, encode=forms.encode, STATUS_MARK=STATUS_MARK, STATUS_LABEL=STATUS_LABEL,
        SEVERITY_LABEL=SEVERITY_LABEL, SEVERITY_TAG=glossary.terms("severities"), CATEGORY_ORDER=CATEGORY_ORDER,
        PREFIX=forms.PREFIX, UNSET=forms.UNSET,
        label_of=forms.label_of, DOCUMENT_NAMES={"ruling": "执行裁定书", "notice": "告知书", "interview": "约谈笔录",
                                                   "approval": "审批表", "report": "合规审查报告"},
    )
    return env


_ENV: jinja2.Environment | None = None


def env() -> jinja2.Environment:
    """The HTML environment (autoescape on), built once."""
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV


def page(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    """Render ``templates/web/<name>`` with the security headers every page carries."""
    token = request.app.state.settings.token
    signed_in = token is None or security.session_valid(token, request.cookies.get(security.SESSION_COOKIE))
    html = env().get_template(name).render(request=request, token_set=token is not None, signed_in=signed_in,
                                           **values)
    response = HTMLResponse(html, status_code=status)
    secure_headers(response)
    security.keep_csrf(request, response)
    return response


def secure_headers(response: Response) -> None:
    """No caching of pages that hold personal data, no framing, this origin only."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Frame-Options"] = "DENY"


def error_page(status: int, title: str, detail: str, request_id: str = "-") -> Response:
    """A self-contained Chinese error page (for errors raised before any handler: size, time, 500)."""
    html = env().get_template("error.html.j2").render(status_code=status, title=title, detail=detail, login=False,
                                                      request_id=request_id, request=None, token_set=False,
                                                      signed_in=False)
    response = HTMLResponse(html, status_code=status)
    secure_headers(response)
    return response


def _case_page(request: Request, state: CaseState, *, status: int = 200, errors: Sequence[forms.Problem] = (),
               notice: str | None = None, submitted: Mapping[str, list[str]] | None = None) -> HTMLResponse:
    return page(request, "interview.html.j2", status=status, s=state, errors=list(errors), notice=notice,
                groups=_groups(state.decision), submitted=submitted)


def _groups(decision: Decision | None) -> list[tuple[str, list[Any]]]:
    """The findings by category, in the order of the command line's checklist."""
    if decision is None:
        return []
    return [(c, [f for f in decision.findings if f.category == c]) for c in CATEGORY_ORDER
            if any(f.category == c for f in decision.findings)]


# ---------------------------------------------------------------- guards


class _Refused(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


def _guard_get(request: Request) -> None:
    if not security.authenticated(request):
        raise _Refused(RedirectResponse("/login", status_code=303))


async def _guard_post(request: Request, *, upload: bool = False) -> FormData:
    """The form of an authenticated, same-site post with a valid CSRF value (read once, by :func:`_run`)."""
    guarded: FormData | None = getattr(request.state, "guarded", None)
    if guarded is not None:
        return guarded
    if not security.authenticated(request):
        raise _Refused(page(request, "error.html.j2", status=401, status_code=401, title="需要登录",
                            detail="登录已失效或尚未登录，请重新输入访问令牌。", login=True, request_id=_rid(request)))
    try:
        form = await request.form(max_files=MAX_RULINGS + 2 if upload else 1, max_fields=5000,
                                  max_part_size=request.app.state.settings.max_body)
    except StarletteHTTPException:
        raise _Refused(page(request, "error.html.j2", status=400, status_code=400, title="表单无法读取",
                            detail="提交的表单无法解析，请返回重试。", login=False, request_id=_rid(request))) from None
    request.state.form = form  # closed by _run (uploads are spooled to temporary files)
    if not security.csrf_valid(request, _text(form, "csrf")):
        raise _Refused(page(request, "error.html.j2", status=403, status_code=403, title="表单已过期",
                            detail="表单已过期或来自其他网站，请重新打开页面后再提交。", login=False,
                            request_id=_rid(request)))
    request.state.guarded = form
    return form


def _rid(request: Request) -> str:
    return str(getattr(request.state, "request_id", "-"))


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _values(form: FormData) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if key.startswith(forms.PREFIX) and isinstance(value, str):
            out.setdefault(key, []).append(value)
    return out


def _state(form: FormData) -> tuple[dict[str, Any], list[str]]:
    return forms.decode(_text(form, "draft")), forms.decode_list(_text(form, "skipped"))


async def _run(request: Request, handler: Any, *, post: bool = False, upload: bool = False) -> Response:
    """Run a handler; refusals and bad input become pages.

    A post's form is read first, here, on the worker's event loop where the body arrives; the
    handler's work (validation, the check, documents, the page) then runs in a worker thread on an
    event loop of its own. On the worker's loop it held every other request of the process for
    as long as a page took (#14 campaign: the health probe waited 2.4 s behind workbench pages)."""
    try:
        if post or upload:
            await _guard_post(request, upload=upload)
        response: Response = await anyio.to_thread.run_sync(_in_own_loop, handler, abandon_on_cancel=True)
        return response
    except _Refused as refused:
        return refused.response
    except InputError as exc:
        return page(request, "error.html.j2", status=422, status_code=422, title="输入有误", detail=str(exc),
                    login=False, request_id=_rid(request))
    finally:
        form = getattr(request.state, "form", None)
        if form is not None:
            await form.close()


def _in_own_loop(handler: Any) -> Response:
    response: Response = asyncio.run(handler())
    return response


# ---------------------------------------------------------------- static files


@router.get("/static/{name}")
async def static(name: str) -> Response:
    """The vendored library, its license and the style sheet (public: no data in them)."""
    if name not in STATIC_FILES:
        raise StarletteHTTPException(404)
    response = Response((STATIC / name).read_bytes(), media_type=STATIC_FILES[name])
    response.headers["Cache-Control"] = "public, max-age=86400"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# ---------------------------------------------------------------- login


@router.get("/login")
async def login_form(request: Request) -> Response:
    """The token form (only when a token is configured)."""
    if request.app.state.settings.token is None:
        return RedirectResponse("/", status_code=303)
    return page(request, "login.html.j2", error=None)


@router.post("/login")
async def login(request: Request) -> Response:
    """Check the token, set the session cookie."""
    token = request.app.state.settings.token
    if token is None:
        return RedirectResponse("/", status_code=303)
    form = await request.form(max_files=0, max_fields=4)
    request.state.form = form  # closed by _run (uploads are spooled to temporary files)
    if not security.csrf_valid(request, _text(form, "csrf")):
        return page(request, "login.html.j2", status=403, error="表单已过期，请重新输入。")
    if not security.token_matches(token, _text(form, "token").strip()):
        return page(request, "login.html.j2", status=401, error="访问令牌不正确。")
    response = RedirectResponse("/", status_code=303)
    security.set_session(response, request, token)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    """End the session."""
    async def handle() -> Response:
        await _guard_post(request)
        response = RedirectResponse("/login" if request.app.state.settings.token else "/", status_code=303)
        security.clear_session(response)
        return response

    return await _run(request, handle, post=True)


# ---------------------------------------------------------------- opening a case


def _samples() -> list[tuple[str, str]]:
    out = []
    for p in sorted(SAMPLES.glob("*.json")):
        if p.name.endswith(".expected.json"):
            continue
        note = ""
        expected = p.with_name(p.stem + ".expected.json")
        if expected.is_file():
            note = str(json.loads(expected.read_text(encoding="utf-8")).get("note", ""))
        out.append((p.stem, f"{p.stem.split('-', 1)[0]} {note[:48]}{'…' if len(note) > 48 else ''}"))
    return out


@router.get("/")
async def home(request: Request) -> Response:
    """Open a case: paste, upload, a bundled sample, or an empty case."""
    async def handle() -> Response:
        _guard_get(request)
        return page(request, "home.html.j2", samples=_samples(), error=None, pasted="")

    return await _run(request, handle)


@router.post("/case/open")
async def open_case(request: Request) -> Response:
    """Read the case the judge brought (any encoding the command line reads) and start the interview."""
    async def handle() -> Response:
        form = await _guard_post(request, upload=True)
        source = _text(form, "source")
        pasted = _text(form, "text")
        try:
            if source == "empty":
                draft: dict[str, Any] = {}
            elif source == "sample":
                name = _text(form, "sample")
                if name not in dict(_samples()):
                    raise CaseFileError("请选择一个随附的样本案件", field="样本")
                draft = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
            elif source == "upload":
                upload = form.get("file")
                if not isinstance(upload, UploadFile) or not upload.filename:
                    raise CaseFileError("请选择要上传的案件文件（.json）", field="文件")
                data = await upload.read()
                draft = _draft_of(load_case(data))
                draft = _raw_or(data, draft)
            else:
                if not pasted.strip():
                    raise CaseFileError("请粘贴案件 JSON，或选择上传文件、样本案件、空白案件", field="案件")
                draft = _raw_or(pasted.encode("utf-8"), _draft_of(load_case(pasted.encode("utf-8"))))
        except CaseFileError as exc:
            problems = forms.problems_of(exc)
            return page(request, "home.html.j2", status=422, samples=_samples(), pasted=pasted,
                        error=[f"{forms.label_of(p.field) if p.field and p.field != '案件' else '案件'}：{p.message}"
                               for p in problems][:20])
        return _case_page(request, evaluate(draft))

    return await _run(request, handle, upload=True)


def _draft_of(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json", exclude_none=True)
    return data


def _raw_or(data: bytes, fallback: dict[str, Any]) -> dict[str, Any]:
    """The record as the judge wrote it when it is plain UTF-8 JSON (keeps its own spelling), else as validated."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return fallback
    return forms.shaped(raw) if isinstance(raw, dict) and "case" not in raw else fallback


# ---------------------------------------------------------------- the interview


@router.post("/case/interview")
async def interview(request: Request) -> Response:
    """Answer the question asked, set it aside (暂不回答), or show the interview again."""
    async def handle() -> Response:
        form = await _guard_post(request)
        draft, skipped = _state(form)
        action = _text(form, "action")
        key = _text(form, "key")
        state = evaluate(draft, skipped, again=_text(form, "again"))
        if action == "reset":
            state.skipped = []
            return _case_page(request, state)
        asked = next((q for q in state.questions if q.key == key), None)
        if asked is None or action not in ("answer", "more", "skip"):
            return _case_page(request, state)
        if action == "skip":
            state.skipped.append(asked.key)
            return _case_page(request, state)
        new, problems = forms.answer(draft, asked, _values(form))
        if problems:
            return _case_page(request, state, status=422, errors=problems, submitted=_values(form))
        return _case_page(request, evaluate(new, skipped, again=asked.key if action == "more" else ""))

    return await _run(request, handle, post=True)


# ---------------------------------------------------------------- editing the whole record


@router.post("/case/edit")
async def edit(request: Request) -> Response:
    """The whole record as a form: fields, add and remove items; messages beside the fields."""
    async def handle() -> Response:
        form = await _guard_post(request)
        draft, skipped = _state(form)
        action = _text(form, "action") or "open"
        if action == "open":
            return page(request, "edit.html.j2", draft=draft, skipped=skipped, sections=forms.layout(draft),
                        problems={}, general=[], saved=False)
        new, problems = forms.edit(draft, _values(form), action)
        state = evaluate(new, skipped)
        problems += state.problems
        if action == "done" and not problems and not state.error:
            return _case_page(request, state, notice="已保存修改")
        by_field: dict[str, list[str]] = {}
        fields = {i.path for _, s in forms.layout(new) for i in forms.inputs_of(s)}
        general: list[str] = []
        for p in problems:
            if p.field in fields:
                by_field.setdefault(p.field, []).append(p.message)
            elif p.field and not state.bootstrapping:
                general.append(f"{forms.label_of(p.field)}：{p.message}")
        status = 422 if by_field or general else 200
        return page(request, "edit.html.j2", status=status, draft=new, skipped=skipped,
                    sections=forms.layout(new), problems=by_field, general=general,
                    saved=action == "save" and status == 200)

    return await _run(request, handle, post=True)


# ---------------------------------------------------------------- results and downloads


@router.post("/case/results")
async def results(request: Request) -> Response:
    """The checklist, the documents, the record and the calendar."""
    async def handle() -> Response:
        form = await _guard_post(request)
        draft, skipped = _state(form)
        state = evaluate(draft, skipped)
        preview = None
        if state.record is not None and state.decision is not None:
            from termination.workbench import preview as document

            try:
                preview = document.ruling(state.record, state.decision)
            except TerminationError:
                preview = None
        return page(request, "results.html.j2", s=state, groups=_groups(state.decision), preview=preview)

    return await _run(request, handle, post=True)


@router.post("/case/download")
async def download(request: Request) -> Response:
    """One document (.docx: final when ready, else a draft), the record (.json) or the calendar (.ics)."""
    async def handle() -> Response:
        from termination.service.app import _attachment

        form = await _guard_post(request)
        draft, _ = _state(form)
        what = _text(form, "what")
        record, problems = forms.validate(draft)
        if record is None:
            detail = "；".join(f"{forms.label_of(p.field)}：{p.message}" for p in problems[:5]) or "案件信息尚不完整"
            raise CaseFileError(detail, field=None)
        if what == "json":
            body = json.dumps(draft, ensure_ascii=False, indent=2).encode("utf-8")
            response = Response(body, media_type="application/json; charset=utf-8",
                                headers={"Content-Disposition": _attachment(f"{record.case_number}.json")})
        elif what == "ics":
            from termination.obligations.output import to_ics

            if record.termination.served_on is None:
                raise InputError("裁定书送达后才有终本后义务日历：请先在“终本裁定”中填写送达日期")
            report = api.calendar([record], as_of=date.today())
            response = Response(to_ics(report), media_type="text/calendar; charset=utf-8",
                                headers={"Content-Disposition": _attachment("终本后义务.ics")})
        elif what in DOCUMENTS:
            decision = api.check(record)
            try:
                files = api.render(record, draft=not decision.ready, only=[what])
            except NotReadyError as exc:  # not reached: drafts are asked for when not ready
                raise InputError(str(exc)) from None
            [(name, data)] = files.items()
            response = Response(data, media_type=DOCX, headers={"Content-Disposition": _attachment(name)})
        else:
            raise InputError("未知的下载项目")
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    return await _run(request, handle, post=True)


# ---------------------------------------------------------------- the reviewer


@router.get("/review")
async def review_form(request: Request) -> Response:
    """Upload a JSONL batch and its rulings; sample size and seed."""
    async def handle() -> Response:
        _guard_get(request)
        return page(request, "review.html.j2", summary=None, error=None, downloads={}, values={})

    return await _run(request, handle)


_RULING_NAME = re.compile(r"[^/\\\x00]{1,200}\.(txt|docx)", re.IGNORECASE)


@router.post("/review")
async def review(request: Request) -> Response:
    """Run the review (in this process, in a temporary folder removed before the answer)."""
    async def handle() -> Response:
        form = await _guard_post(request, upload=True)
        values = {k: _text(form, k) for k in ("sample", "seed", "stratify")}
        try:
            options = _review_options(values)
            batch = form.get("batch")
            if not isinstance(batch, UploadFile) or not batch.filename:
                raise InputError("请选择案件批量文件（.jsonl，每行一个已结终本案件）", field="批量文件")
            data = await batch.read()
            rulings: dict[str, bytes] = {}
            for upload in form.getlist("rulings"):
                if isinstance(upload, UploadFile) and upload.filename:
                    name = Path(upload.filename.replace("\\", "/")).name
                    if not _RULING_NAME.fullmatch(name):
                        raise InputError(f"裁定书只能是 .txt 或 .docx 文件：“{name[:60]}”", field="裁定书")
                    rulings[name] = await upload.read()
            summary, downloads = await _offload(_run_review, data, Path(batch.filename).name or "cases.jsonl",
                                                rulings, options)
        except InputError as exc:
            return page(request, "review.html.j2", status=422, summary=None, error=str(exc), downloads={},
                        values=values)
        return page(request, "review.html.j2", summary=summary, error=None, downloads=downloads, values=values)

    return await _run(request, handle, upload=True)


def _review_options(values: Mapping[str, str]) -> Any:
    from termination.review.batch import ReviewOptions

    sample = values.get("sample", "").strip()
    seed = values.get("seed", "").strip()
    stratify = values.get("stratify", "").strip() or None
    if sample and not (sample.isdigit() and 1 <= int(sample) <= 100_000):
        raise InputError("应为 1 至 100000 的整数；不填则评查全部案件", field="抽查件数")
    if seed and not (seed.isdigit() and len(seed) <= 12):
        raise InputError("应为非负整数；不填则随机选取并在报告中注明", field="随机种子")
    if stratify not in (None, "court", "judge", "month"):
        raise InputError("分层方式不正确", field="分层")
    if stratify and not sample:
        raise InputError("分层抽样须同时填写抽查件数", field="分层")
    return ReviewOptions(sample=int(sample) if sample else None, seed=int(seed) if seed else None,
                         stratify=stratify, workers=1, progress=False)  # type: ignore[arg-type]


async def _offload(func: Any, *args: Any) -> Any:
    from termination.service.app import _offload as offload

    return await offload(func, *args)


def _run_review(data: bytes, filename: str, rulings: dict[str, bytes], options: Any) -> tuple[Any, dict[str, str]]:
    """Review an uploaded batch; the summary and the reports as data: URLs (nothing stays on disk)."""
    from termination.review.batch import run_review
    from termination.review.reports import write_reports

    _check_ruling_references(data, rulings)
    cases: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="termination-workbench-") as tmp:
        folder = Path(tmp)
        batch = folder / "cases.jsonl"
        batch.write_bytes(data)
        for name, content in rulings.items():
            (folder / name).write_bytes(content)
        with _review_lock:
            summary = run_review(batch, options, None, stderr=io.StringIO(), on_result=cases.append)
        summary = summary.model_copy(update={"input": filename})
        if summary.reviewed == 0 and not summary.input_errors:
            raise InputError("文件中没有案件", field="批量文件")
        spool = folder / "spool.jsonl"
        spool.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
        out = folder / "reports"
        write_reports(summary, spool, out)
        downloads = {
            "review.xlsx": f"data:{XLSX};base64," + base64.b64encode((out / "review.xlsx").read_bytes()).decode(),
            "review.html": "data:text/html;charset=utf-8;base64,"
            + base64.b64encode((out / "review.html").read_bytes()).decode(),
        }
    return summary, downloads


def _check_ruling_references(data: bytes, rulings: Mapping[str, bytes]) -> None:
    """Every ruling a line names must be one of the uploaded files (no other path is read)."""
    for n, line in enumerate(data.splitlines(), start=1):
        if b'"ruling"' not in line:
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError):
            continue  # the review reports the line
        ruling = item.get("ruling") if isinstance(item, dict) else None
        if isinstance(ruling, str) and ruling not in rulings:
            raise InputError(f"第{n}行：裁定书文件“{Path(ruling).name[:60]}”未随批量文件一同上传"
                             "（请在“裁定书文件”中选择，且 JSONL 中只写文件名）", field="裁定书")
