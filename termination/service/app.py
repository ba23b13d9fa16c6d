"""The HTTP service (FastAPI): ``create_app()`` and the ``/v1`` routes.

Run it with ``termination serve`` (uvicorn, ``--workers N`` processes). Each worker process
holds its own rules engine; inside a process the engine's lock serialises evaluations, and the
routes run the work in worker threads so the event loop stays responsive.

``python -m termination.service.app --write-openapi`` rewrites the pinned
``schemas/openapi.json``.
"""

from __future__ import annotations

import argparse
import functools
import hmac
import io
import json
import math
import os
import re
import zipfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import quote

import anyio
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic.json_schema import models_json_schema
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from termination import __version__, api, limits, paths
from termination.analysis.models import RulingAnalysis
from termination.case import SCHEMA_VERSION, CaseRecord
from termination.decision import DECISION_VERSION, Decision
from termination.errors import (
    CalendarNotCovered,
    CaseFileError,
    InputError,
    NotReadyError,
    RulingFileError,
    WithheldError,
    escape_controls,
)
from termination.io import decode, parse_document, parse_json, unwrap, validate
from termination.obligations.models import CalendarReport
from termination.schema_export import CaseJsonSchema
from termination.service.isolation import AnalysisFailed, AnalysisProcess, analysis_queue
from termination.service.middleware import RequestMiddleware
from termination.service.problems import (
    KINDS,
    HttpProblem,
    ProblemDetails,
    missing_steps,
    missing_values,
    openapi_responses,
    problem_response,
)
from termination.service.responses import BINARY, CASE_SCHEMA, TEXT, Health, RuleEntry

T = TypeVar("T")

OPENAPI_PATH = paths.SCHEMAS / "openapi.json"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEFAULT_MAX_BODY = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# ---------------------------------------------------------------- settings


#: RFC 6750 §2.1 b64token: what a Bearer token may consist of (ASCII, no spaces).
_TOKEN68 = re.compile(r"[A-Za-z0-9\-._~+/]+=*")


@dataclass(frozen=True)
class Settings:
    """Service settings, from the environment (read once per worker process)."""

    max_body: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    token: str | None = None
    header_timeout: float = limits.HEADER_SECONDS

    def __post_init__(self) -> None:
        # A token that is set but empty (TERMINATION_TOKEN=) must not switch authentication off
        # silently, and a token a client cannot send in an HTTP header can never match.
        if self.token is not None and not self.token:
            raise InputError("已设置但为空：要求令牌请设为非空值，不要求令牌请删除该变量", field="TERMINATION_TOKEN")
        if self.token is not None and not _TOKEN68.fullmatch(self.token):
            raise InputError("只能由字母、数字和 - . _ ~ + / 组成（末尾可有 =），不能含空格或中文（RFC 6750）",
                             field="TERMINATION_TOKEN")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read ``TERMINATION_MAX_BODY`` (bytes), ``TERMINATION_TIMEOUT`` and ``TERMINATION_HEADER_TIMEOUT``
        (s), ``TERMINATION_TOKEN``.

        Raises:
            InputError: a variable is set to a value that is not a positive number.
        """
        env = os.environ if environ is None else environ
        max_body, timeout = DEFAULT_MAX_BODY, DEFAULT_TIMEOUT
        if raw := env.get("TERMINATION_MAX_BODY", "").strip():
            if not raw.isdigit() or int(raw) <= 0:
                raise InputError(f"应为正整数（字节数），而不是“{raw}”", field="TERMINATION_MAX_BODY")
            max_body = int(raw)
        seconds = {"TERMINATION_TIMEOUT": timeout, "TERMINATION_HEADER_TIMEOUT": limits.HEADER_SECONDS}
        for name in seconds:
            if raw := env.get(name, "").strip():
                try:
                    seconds[name] = float(raw)
                except ValueError:
                    seconds[name] = -1.0
                if not 0 < seconds[name] < float("inf"):
                    raise InputError(f"应为正数（秒），而不是“{raw}”", field=name)
        return cls(max_body=max_body, timeout=seconds["TERMINATION_TIMEOUT"], token=env.get("TERMINATION_TOKEN"),
                   header_timeout=seconds["TERMINATION_HEADER_TIMEOUT"])


# ---------------------------------------------------------------- helpers


async def _offload(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run blocking work in a worker thread; abandoned (not awaited) when the time limit hits."""
    return await anyio.to_thread.run_sync(functools.partial(func, *args, **kwargs), abandon_on_cancel=True)


def _parse_date(value: str | None, name: str, *, required: bool = False) -> date | None:
    """A ``YYYY-MM-DD`` query parameter within the dates a record may hold (limits.DATE_MIN–DATE_MAX)."""
    if value is None or value == "":
        if required:
            raise HttpProblem("invalid-parameter", f"{name}：不得为空，应为 YYYY-MM-DD 日期", field=name)
        return None
    try:
        if _ISO_DATE.fullmatch(value):
            return limits.in_date_range(date.fromisoformat(value))
    except ValueError as exc:
        if str(exc) == limits.DATE_RANGE_MESSAGE:
            raise HttpProblem("invalid-parameter", f"{name}：{exc}", field=name) from None
    raise HttpProblem("invalid-parameter", f"{name}：日期“{value[:40]}”无效，应为 YYYY-MM-DD", field=name)


def _parse_case(body: bytes) -> CaseRecord:
    """The case record in a request body (as :mod:`termination.io` reads a case file: UTF-8,
    UTF-16 or GB18030; a bare record or a ``{"case": …}`` wrapper): 400 if it is not JSON at
    all, 422 with every problem (``errors``) if it is not a valid case."""
    try:
        data = parse_json(decode(body, what="请求体"))
    except CaseFileError as exc:
        raise HttpProblem("invalid-json", str(exc), field=exc.field) from None
    try:
        return validate(unwrap(data)[0])[0]
    except CaseFileError as exc:
        raise HttpProblem("invalid-case", str(exc), field=exc.field, errors=exc.problems) from None
    except RecursionError:
        raise HttpProblem("invalid-case", "案件：数据嵌套层数过多", field="案件") from None


async def _read_case(request: Request) -> CaseRecord:
    record = await _offload(_parse_case, await request.body())
    request.state.case_number = record.case_number  # the one identifier the log may name
    return record


def _parse_cases(body: bytes) -> list[CaseRecord]:
    """Several case records: a JSON array, or JSON Lines (bare records or ``{"case": …}`` lines);
    each problem names the item (第N项)."""
    items = list(parse_document(body, ""))
    if len(items) == 1 and items[0].record is None and items[0].line is None:
        problem = items[0].problems[0]  # the body as a whole is not JSON (or not an object)
        kind = "invalid-json" if problem.field == "案件" and "JSON" in problem.message else "invalid-case"
        raise HttpProblem(kind, f"案件列表：{problem}", field=problem.field or "案件")
    for n, item in enumerate(items, start=1):
        if item.record is None:
            problem = item.problems[0]
            kind = "invalid-json" if "不是有效的 JSON" in problem.message else "invalid-case"
            raise HttpProblem(kind, f"第{n}项：{problem}", field=problem.field, errors=item.problems)
    return [item.record for item in items if item.record is not None]



_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ -]*")


def _attachment(name: str) -> str:
    """Content-Disposition (RFC 6266): an ASCII ``filename`` and the exact UTF-8 ``filename*``."""
    suffix = Path(name).suffix
    ascii_name = name if _PLAIN_NAME.fullmatch(name) else "document" + (suffix if suffix[1:].isalnum() else "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"  # RFC 8187 attr-char


def _zip(files: dict[str, bytes], day: date) -> bytes:
    buffer = io.BytesIO()
    stamp = (min(max(day.year, 1980), 2107), day.month, day.day, 0, 0, 0)  # reproducible; the years ZIP can hold
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), data)
    return buffer.getvalue()


# ---------------------------------------------------------------- routes

_bearer = HTTPBearer(auto_error=False, description="设置环境变量 TERMINATION_TOKEN 后必需")


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    """When ``TERMINATION_TOKEN`` is set, demand ``Authorization: Bearer <token>``."""
    token: str | None = request.app.state.settings.token
    if token is None:
        return
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):  # constant time
        raise HttpProblem("unauthorized", "缺少或错误的访问令牌（Authorization: Bearer <令牌>）",
                          headers={"WWW-Authenticate": "Bearer"})


CASE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "案件数据（与命令行 termination check 读取的 JSON 文件相同）",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseRecord"}}},
    }
}
AS_OF = Query(None, description="评估日期 YYYY-MM-DD（默认：拟终本日期）", json_schema_extra={"format": "date"})
CASE_PROBLEMS = ("invalid-json", "unauthorized", "payload-too-large", "invalid-case", "invalid-parameter",
                 "calendar-not-covered", "internal-error", "timeout", "request-timeout")

def reject_unknown_query(request: Request) -> None:
    """422 for a query parameter the route does not declare: a typo (``asof=``) must not be
    silently ignored, since it would change the answer (the date a case is judged on)."""
    def names(dependant: Any) -> set[str]:  # the route's own query parameters and its dependencies'
        return {p.alias for p in dependant.query_params}.union(*(names(d) for d in dependant.dependencies))

    declared = getattr(request.scope.get("route"), "dependant", None)
    allowed = names(declared) if declared is not None else set()
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        name = escape_controls(unknown[0][:40])
        known = "、".join(sorted(allowed)) or "无"
        raise HttpProblem("invalid-parameter", f"{name}：未知的查询参数（本接口可用：{known}）", field=name)


v1 = APIRouter(prefix="/v1")
guarded = APIRouter(dependencies=[Depends(require_token), Depends(reject_unknown_query)])


@guarded.post(
    "/check",
    summary="检查案件是否符合终本条件",
    description="请求体为案件 JSON，响应为决定 JSON（与 `termination check --format json` 相同）。",
    response_class=JSONResponse,
    responses={200: {"description": "决定", "model": Decision}, **openapi_responses(*CASE_PROBLEMS)},
    openapi_extra=CASE_BODY,
)
async def post_check(request: Request, as_of: str | None = AS_OF) -> Response:
    """POST /v1/check."""
    day = _parse_date(as_of, "as_of")
    record = await _read_case(request)
    decision = await _offload(api.check, record, as_of=day)
    return Response(decision.json_text(), media_type="application/json")


@guarded.post(
    "/render",
    summary="生成执行裁定书及配套文书",
    description="只生成一份文书时返回 .docx，否则返回 zip。案件不符合终本条件且未要求草稿时返回 409，列出尚需完成的事项。"
                "publish=true 时返回公布版执行裁定书和公布处理说明（zip）；裁定书依法不在互联网公布的（法释〔2016〕19号第四条）返回 451，"
                "说明中写明依第六条应公布的案号、审理法院、裁判日期及不公开理由。",
    response_class=Response,
    responses={
        200: {"description": "文书：一份时为该文书（docx 或 text/plain），多份时为 zip",
              "content": {DOCX: {"schema": BINARY}, "application/zip": {"schema": BINARY},
                          "text/plain": {"schema": TEXT}}},
        **openapi_responses(*CASE_PROBLEMS, "not-ready", "withheld"),
    },
    openapi_extra=CASE_BODY,
)
async def post_render(
    request: Request,
    as_of: str | None = AS_OF,
    draft: bool = Query(False, description="草稿模式：不符合终本条件也生成，文书标注“草稿”"),
    only: str | None = Query(None, description="只生成这些文书，逗号分隔：ruling,notice,interview,approval,report"),
    format: Literal["docx", "txt"] = Query("docx", description="文书格式：docx 或 txt（纯文本）"),
    publish: bool = Query(False, description="公布版：在中国裁判文书网公布的执行裁定书（依法隐名、删除个人信息）"
                                             "及公布处理说明，以 zip 返回；依法不公布的案件返回 451"),
) -> Response:
    """POST /v1/render."""
    day = _parse_date(as_of, "as_of")
    names = only.split(",") if only else None
    if publish:
        from termination.publish import check_request

        check_request(draft=draft, only=names, flags=("publish", "draft", "only="))
    record = await _read_case(request)
    decision = await _offload(api.check, record, as_of=day)
    refusal = "案件尚不符合终本条件，未生成正式文书（可加参数 draft=true 生成标注缺项的草稿）"
    if not decision.ready and not draft:  # the same refusal as the command line, with the HTTP way out
        raise HttpProblem("not-ready", refusal, missing=missing_steps(decision))
    from termination.render import render_documents  # templates and python-docx: only now

    try:
        if publish:
            from termination.publish import publish as published_version

            files = (await _offload(published_version, record, decision, fmt=format)).files
        else:
            files = await _offload(render_documents, record, decision, draft=draft, only=names, fmt=format)
    except WithheldError as exc:  # 法释〔2016〕19号第四条: no version, and what 第六条 publishes instead
        raise HttpProblem("withheld", str(exc)) from None
    except NotReadyError as exc:  # a final document lacks a value the record does not hold
        raise HttpProblem("not-ready", str(exc), missing=missing_values(exc.missing)) from None
    if len(files) == 1:
        [(name, data)] = files.items()
        media = DOCX if format == "docx" else "text/plain; charset=utf-8"
        return Response(data, media_type=media, headers={"Content-Disposition": _attachment(name)})
    archive = _zip(files, day or record.termination.proposed_date)
    name = f"{record.case_number}.zip"
    return Response(archive, media_type="application/zip", headers={"Content-Disposition": _attachment(name)})


@guarded.post(
    "/analyze",
    summary="分析已公开的终本裁定书",
    description="请求体为裁定书文本（text/plain）、.docx 文件本身（Content-Type 为 .docx 的媒体类型），"
    "或以 multipart/form-data 上传字段 file（.docx 或 .txt）。",
    responses={200: {"description": "分析结果（与 termination analyze --format json 相同）", "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/RulingAnalysis"}}}},
               **openapi_responses("invalid-form", "unauthorized", "payload-too-large", "unsupported-media-type",
                                   "invalid-ruling", "invalid-parameter", "busy", "internal-error", "timeout",
                                   "request-timeout")},
    openapi_extra={"requestBody": {"required": True, "content": {
        "text/plain": {"schema": {"type": "string"}},
        DOCX: {"schema": BINARY},
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"],
                                           "properties": {"file": {"type": "string", "format": "binary"}}}},
    }}},
)
async def post_analyze(request: Request) -> JSONResponse:
    """POST /v1/analyze."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        try:
            form = await request.form(max_files=1, max_fields=4)
        except StarletteHTTPException:
            raise HttpProblem("invalid-form", "multipart 表单无法解析") from None
        try:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise HttpProblem("invalid-form", "file：缺少上传的裁定书文件（字段名 file）", field="file")
            suffix = Path(upload.filename or "裁定书.txt").suffix.lower()
            if suffix not in (".docx", ".txt"):
                raise HttpProblem("unsupported-media-type", "file：只支持 .docx 和 .txt 文件", field="file")
            data, name = await upload.read(), "上传的文件"  # the file's own name may name a party
        finally:
            await form.close()
    elif ctype in ("text/plain", ""):
        data, suffix, name = await request.body(), ".txt", "请求体"
    elif ctype == DOCX:
        data, suffix, name = await request.body(), ".docx", "请求体"
    else:
        raise HttpProblem("unsupported-media-type", f"Content-Type：不支持 {ctype[:60]}，请使用 text/plain 或 multipart/form-data")
    try:  # in the analysis process: killed at its deadline or when this request is abandoned
        return JSONResponse(await request.app.state.analysis.analyze(data, suffix, name))
    except AnalysisFailed as exc:
        if exc.kind == "internal-error":
            raise RuntimeError("analysis failed") from None  # logged and answered by the middleware
        headers = {"Retry-After": str(math.ceil(request.app.state.analysis.deadline))} if exc.kind == "busy" else None
        raise HttpProblem(exc.kind, exc.detail, headers=headers) from None


@guarded.post(
    "/calendar",
    summary="终本后义务日历",
    description="请求体为已终本案件的 JSON 数组（或 JSON Lines，每行一个案件）；响应与 "
    "`termination calendar --format json|ics|xlsx` 相同。",
    response_class=Response,
    responses={
        200: {"description": "日历（format=json、ics 或 xlsx）", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/CalendarReport"}},
            "text/calendar": {"schema": TEXT}, XLSX: {"schema": BINARY}}},
        **openapi_responses(*CASE_PROBLEMS),
    },
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/CaseRecord"}}},
        "application/x-ndjson": {"schema": {"type": "string"}},
    }}},
)
async def post_calendar(
    request: Request,
    as_of: str = Query(..., description="计算基准日 YYYY-MM-DD", json_schema_extra={"format": "date"}),
    soon_days: int = Query(30, ge=0, le=3650, description="多少日内到期视为“即将到期”"),
    court: str | None = Query(None, description="只列该法院的案件（全称）"),
    judge: str | None = Query(None, description="只列该承办人的案件"),
    format: Literal["json", "ics", "xlsx"] = Query("json", description="json、ics（iCalendar）或 xlsx"),
) -> Response:
    """POST /v1/calendar."""
    from termination.obligations import output

    day = _parse_date(as_of, "as_of", required=True)
    records = await _offload(_parse_cases, await request.body())
    report = await _offload(api.calendar, records, as_of=day, soon_days=soon_days, court=court, judge=judge)
    if format == "ics":
        return Response(output.to_ics(report), media_type="text/calendar; charset=utf-8",
                        headers={"Content-Disposition": _attachment("终本后义务.ics")})
    if format == "xlsx":
        return Response(output.to_xlsx(report), media_type=XLSX,
                        headers={"Content-Disposition": _attachment("终本后义务.xlsx")})
    return Response(report.model_dump_json(), media_type="application/json")


@guarded.get(
    "/rules",
    summary="某日有效的规则及其法律依据",
    description="与 `termination rules --on DATE --format json` 相同。",
    response_model=list[RuleEntry],
    responses=openapi_responses("unauthorized", "invalid-parameter", "internal-error", "timeout"),
)
async def get_rules(
    on: str | None = Query(None, description="日期 YYYY-MM-DD（默认今天）", json_schema_extra={"format": "date"}),
) -> JSONResponse:
    """GET /v1/rules."""
    return JSONResponse(await _offload(api.rules, _parse_date(on, "on")))


@guarded.get(
    "/schema/case",
    summary="案件数据的 JSON Schema",
    responses={200: {"description": "JSON Schema", "content": {"application/json": {"schema": CASE_SCHEMA}}},
               **openapi_responses("unauthorized", "invalid-parameter", "internal-error")},
)
async def get_case_schema() -> JSONResponse:
    """GET /v1/schema/case."""
    return JSONResponse(api.case_schema())


def _health_checks() -> dict[str, str]:
    """Load what every answer needs: the rules (cached once loaded) and each document template.

    A template is looked up on every call (jinja re-reads a file whose time stamp changed, and
    fails on one that is gone), so a deleted or broken template shows here, not at the next render.
    """
    from termination.render import DOCUMENTS, template

    checks: dict[str, str] = {}
    try:
        api.ruleset_version()
        checks["rules"] = "ok"
    except Exception as exc:  # noqa: BLE001 — reported, never raised
        checks["rules"] = f"error: {type(exc).__name__}"
    try:
        for name in DOCUMENTS:
            template(name)
        checks["templates"] = "ok"
    except Exception as exc:  # noqa: BLE001
        checks["templates"] = f"error: {type(exc).__name__}"
    return checks


@v1.get("/health", summary="服务状态（无需令牌）", dependencies=[Depends(reject_unknown_query)],
        response_model=Health,
        responses={503: {"description": "规则或文书模板无法加载（checks 指明哪一项）", "model": Health},
                   **openapi_responses("invalid-parameter")})
async def get_health() -> Response:
    """GET /v1/health: versions, the years the holiday calendar covers, and whether rules and templates load."""
    from termination.periods import calendar_coverage

    checks = await _offload(_health_checks)
    healthy = all(v == "ok" for v in checks.values())
    first, last = calendar_coverage()
    body = {
        "status": "ok" if healthy else "error",
        "checks": checks,
        "version": __version__,
        "ruleset_version": api.ruleset_version() if checks["rules"] == "ok" else None,
        "decision_version": DECISION_VERSION,
        "case_schema_version": SCHEMA_VERSION,
        "calendar": {"first_year": first, "last_year": last},
    }
    return JSONResponse(body, status_code=200 if healthy else 503)


v1.include_router(guarded)


# ---------------------------------------------------------------- error handlers


def _request_id(request: Request) -> str:
    return str(getattr(request.state, "request_id", "-"))


async def _on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HttpProblem)
    return problem_response(exc.kind, exc.detail, request_id=_request_id(request), field=exc.field,
                            missing=exc.missing, headers=exc.headers, errors=exc.errors)


async def _on_termination_error(request: Request, exc: Exception) -> Response:
    rid = _request_id(request)
    if isinstance(exc, NotReadyError):
        return problem_response("not-ready", str(exc), request_id=rid, missing=exc.missing)
    if isinstance(exc, CalendarNotCovered):
        return problem_response("calendar-not-covered", str(exc), request_id=rid, field=getattr(exc, "field", None))
    assert isinstance(exc, InputError)
    kind = "invalid-ruling" if isinstance(exc, RulingFileError) else "invalid-case" if isinstance(exc, CaseFileError) \
        else "invalid-parameter"
    return problem_response(kind, str(exc), request_id=rid, field=exc.field)


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    err = exc.errors()[0] if exc.errors() else {}
    loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "header"))
    kind, ctx = str(err.get("type", "")), err.get("ctx") or {}
    message = ("应为 true 或 false" if kind.startswith("bool")
               else f"取值应为：{str(ctx['expected']).replace(' or ', '、')}" if kind == "literal_error" and "expected" in ctx else "取值不符合要求")
    return problem_response("invalid-parameter", f"{loc}：{message}", request_id=_request_id(request), field=loc)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    kind = {401: "unauthorized", 404: "not-found", 405: "method-not-allowed", 413: "payload-too-large",
            415: "unsupported-media-type"}.get(exc.status_code, "invalid-parameter")
    detail = {"not-found": "没有这个地址（接口在 /v1/ 下）", "method-not-allowed": "该地址不支持此请求方法"}.get(kind, "请求不符合要求")
    if not request.url.path.startswith("/v1") and "text/html" in request.headers.get("accept", ""):
        from termination.workbench import error_page  # a browser outside the API: a page, not JSON

        page_detail = {"not-found": "没有这个页面。", "method-not-allowed": "该页面不支持此请求方法，请从首页重新打开。"}
        status, title = KINDS[kind]
        response = error_page(status, title, page_detail.get(kind, detail), _request_id(request))
        response.headers.update(exc.headers or {})
        return response
    return problem_response(kind, detail, request_id=_request_id(request), headers=exc.headers)  # e.g. Allow on 405


# ---------------------------------------------------------------- application


def _documentation(app: FastAPI) -> APIRouter:
    """``/openapi.json`` and ``/docs``, guarded like the ``/v1`` routes when a token is set."""
    from fastapi.openapi.docs import get_swagger_ui_html

    docs = APIRouter(dependencies=[Depends(require_token)], include_in_schema=False)

    @docs.get("/openapi.json")
    async def openapi_json() -> JSONResponse:
        return JSONResponse(app.openapi())

    @docs.get("/docs")
    async def swagger_ui() -> Response:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=app.title)

    return docs


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    await _offload(api.ruleset_version)  # load rules and build the engine before the first request
    try:
        yield
    finally:
        app.state.analysis.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI application (the uvicorn factory: ``termination.service.app:create_app``)."""
    app = FastAPI(
        title="终本规则检查服务",
        version=__version__,
        description="终结本次执行程序（终本）规则检查、文书生成与裁定书分析。错误以 RFC 9457 问题文档返回。",
        lifespan=_lifespan,
        redoc_url=None,
        docs_url=None,  # served below, behind the token when one is set
        openapi_url=None,
        redirect_slashes=False,  # no redirect (built from the Host header) before authentication
    )
    app.state.settings = settings or Settings.from_env()
    app.state.analysis = AnalysisProcess(queue=analysis_queue(app.state.settings.timeout))
    app.include_router(v1)
    app.include_router(_documentation(app))
    from termination.workbench import error_page, router as workbench  # the judge's pages at /, same token

    app.include_router(workbench)
    app.add_exception_handler(HttpProblem, _on_problem)
    for cls in (InputError, NotReadyError, CalendarNotCovered):
        app.add_exception_handler(cls, _on_termination_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.openapi = functools.partial(_openapi, app)  # type: ignore[method-assign]
    pages = {r.path for r in workbench.routes if "{" not in getattr(r, "path", "{")}
    paths = {*app.openapi()["paths"], "/docs", "/openapi.json", *pages}  # logged verbatim; others not
    app.add_middleware(RequestMiddleware, max_body=app.state.settings.max_body,
                       timeout=app.state.settings.timeout, known_paths=paths, page_error=error_page)
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document plus the case record and problem schemas the routes reference."""
    if app.openapi_schema is None:
        doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        _, extra = models_json_schema(
            [(CaseRecord, "validation"), (ProblemDetails, "serialization"), (CalendarReport, "serialization"),
             (RulingAnalysis, "serialization")],
            ref_template="#/components/schemas/{model}",
            schema_generator=CaseJsonSchema,  # the record's text constraints as its validator applies them
        )
        schemas = doc.setdefault("components", {}).setdefault("schemas", {})
        for name, schema in extra.get("$defs", {}).items():
            if name in schemas:  # FastAPI's rendering of the same model (a response) is kept
                if schemas[name].get("description") != schema.get("description"):
                    raise RuntimeError(f"OpenAPI component name clash: {name}")
                continue
            schemas[name] = schema
        app.openapi_schema = doc
    return app.openapi_schema


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document of the service (pinned in ``schemas/openapi.json``)."""
    return create_app(Settings()).openapi()


def openapi_text() -> str:
    """The pinned file's exact text."""
    return json.dumps(openapi_document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m termination.service.app --write-openapi``."""
    parser = argparse.ArgumentParser(prog="python -m termination.service.app")
    parser.add_argument("--write-openapi", nargs="?", type=Path, const=OPENAPI_PATH, metavar="PATH",
                        help="重写 OpenAPI 文档（默认 schemas/openapi.json）")
    args = parser.parse_args(argv)
    if args.write_openapi is None:
        parser.print_help()
        return 2
    from termination.io import write_atomic

    write_atomic(args.write_openapi, openapi_text().encode("utf-8"))
    print(f"已写入 {args.write_openapi}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
