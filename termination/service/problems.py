"""Errors as data: RFC 9457 problem documents (``application/problem+json``).

Every error response of the service is one of the problem *kinds* below: a stable ``type``
URI, a Chinese ``title``, the HTTP status, a Chinese ``detail`` (for bad input: the same
one-line message the command line prints), the ``field`` path when known, and the
``request_id`` that also appears in the ``X-Request-ID`` header and in the log.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from termination.decision import Citation, Decision

from termination.errors import escape_controls

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://termination.example/problems/"

#: kind → (HTTP status, Chinese title)
KINDS: dict[str, tuple[int, str]] = {
    "invalid-json": (400, "请求体不是有效的 JSON"),
    "request-timeout": (408, "请求发送超时"),
    "invalid-form": (400, "上传表单无法解析"),
    "unauthorized": (401, "未授权"),
    "not-found": (404, "未找到"),
    "method-not-allowed": (405, "不支持的请求方法"),
    "not-ready": (409, "案件尚不符合终本条件"),
    "payload-too-large": (413, "请求体过大"),
    "unsupported-media-type": (415, "不支持的内容类型"),
    "invalid-case": (422, "案件数据不符合要求"),
    "withheld": (451, "裁定书依法不在互联网公布"),
    "invalid-parameter": (422, "请求参数不符合要求"),
    "invalid-ruling": (422, "裁定书无法读取"),
    "calendar-not-covered": (422, "日期超出节假日日历范围"),
    "busy": (429, "正在分析的裁定书过多"),
    "internal-error": (500, "服务内部错误"),
    "timeout": (503, "请求处理超时"),
}


class ProblemDetails(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str = Field(description="问题类型 URI，如 https://termination.example/problems/invalid-case")
    title: str = Field(description="问题类型的中文标题")
    status: int = Field(description="HTTP 状态码")
    detail: str = Field(description="中文说明（与命令行的错误信息一致）")
    field: str | None = Field(None, description="出错字段的路径，如 claim.amount_due")
    request_id: str = Field(description="请求编号（同 X-Request-ID 响应头，日志按此检索）")
    missing: list[MissingStep] | None = Field(None, description="仅 not-ready：终本前尚需完成的事项，每项一条规则")
    errors: list[FieldProblem] | None = Field(None, description="仅 invalid-case：案件数据的每一处问题")


class MissingStep(BaseModel):
    """One step still to take before a final ruling: the rule that is not satisfied and how to cure it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str | None = Field(description="规则代码，如 C01；文书缺少必要内容时为空")
    title: str = Field(description="规则标题，或文书缺少的内容")
    status: Literal["violated", "unknown"] = Field(description="violated 不符合；unknown 待补充")
    message: str = Field(description="结论说明")
    remedy: str | None = Field(None, description="补正措施")
    citations: list[Citation] = Field(description="法律依据")


class FieldProblem(BaseModel):
    """One problem of a case record: the field, its Chinese name, what is expected."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str = Field(description="字段路径，如 claim.amount_due")
    label: str = Field(description="字段的中文名称，如 执行债权·执行标的金额（未知字段为空）")
    message: str = Field(description="中文说明：应当是什么")


class HttpProblem(Exception):
    """Raised by a route to answer with a problem document of ``kind``."""

    def __init__(self, kind: str, detail: str, *, field: str | None = None,
                 missing: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None, errors: Sequence[Any] | None = None) -> None:
        super().__init__(detail)
        self.kind, self.detail, self.field, self.missing = kind, detail, field, missing
        self.headers = headers or {}
        self.errors = [{"field": p.field, "label": p.label, "message": p.message} for p in errors or ()] or None


def problem_body(kind: str, detail: str, *, request_id: str, field: str | None = None,
                 missing: list[dict[str, Any]] | None = None, errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The JSON object of a problem document (``missing`` and ``errors`` only when given)."""
    status, title = KINDS[kind]
    body: dict[str, Any] = {  # detail and field may quote a key of the request: printable, encodable
        "type": TYPE_BASE + kind, "title": title, "status": status, "detail": escape_controls(detail),
        "field": None if field is None else escape_controls(field), "request_id": request_id,
    }
    if missing is not None:
        body["missing"] = missing
    if errors:
        body["errors"] = errors
    return body


def problem_response(kind: str, detail: str, *, request_id: str, field: str | None = None,
                     missing: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None,
                     errors: list[dict[str, str]] | None = None) -> Response:
    """A complete ``application/problem+json`` response."""
    body = problem_body(kind, detail, request_id=request_id, field=field, missing=missing, errors=errors)
    return Response(
        json.dumps(body, ensure_ascii=False).encode("utf-8"),
        status_code=body["status"],
        media_type=MEDIA_TYPE,
        headers=headers,
    )


def openapi_responses(*kinds: str) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entries documenting the problem kinds a route can return."""
    by_status: dict[int, list[str]] = {}
    for kind in kinds:
        by_status.setdefault(KINDS[kind][0], []).append(kind)
    return {
        status: {
            "description": "；".join(f"{KINDS[k][1]}（{k}）" for k in names),
            "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}},
        }
        for status, names in sorted(by_status.items())
    }


def missing_steps(decision: Decision) -> list[dict[str, Any]]:
    """The 409's ``missing``: every finding that blocks a final ruling, structured."""
    return [
        {"rule": f.rule, "title": f.title, "status": f.status, "message": f.message, "remedy": f.remedy,
         "citations": [c.model_dump(mode="json") for c in f.citations]}
        for f in decision.findings if f.blocks
    ]


def missing_values(labels: Sequence[str]) -> list[dict[str, Any]]:
    """The 409's ``missing`` when a final document lacks a value the record does not hold."""
    return [{"rule": None, "title": label, "status": "unknown", "message": f"文书缺少必要内容：{label}",
             "remedy": f"在案件数据中补充{label}", "citations": []} for label in labels]
