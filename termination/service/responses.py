"""Schemas of the service's 200 answers that no package model already describes (for OpenAPI)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from termination.decision import Citation, Severity

BINARY: dict[str, Any] = {"type": "string", "format": "binary"}
TEXT: dict[str, Any] = {"type": "string"}

#: GET /v1/schema/case: a JSON Schema (draft 2020-12) document, the pinned schemas/case.schema.json
CASE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "案件数据的 JSON Schema（draft 2020-12），与 schemas/case.schema.json 相同",
    "required": ["$schema", "$id", "type", "properties"],
    "properties": {
        "$schema": {"const": "https://json-schema.org/draft/2020-12/schema"},
        "$id": {"type": "string", "format": "uri"},
        "type": {"const": "object"},
        "properties": {"type": "object"},
        "required": {"type": "array", "items": {"type": "string"}},
        "$defs": {"type": "object"},
    },
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleEntry(_Model):
    """One rule in force on a date (``termination rules --format json``)."""

    rule: str = Field(description="规则代码，如 A04")
    title: str
    group: str = Field(description="§13 分组 A–G")
    category: str = Field(description="实质要件 / 程序要件 / 期限 / 文书")
    severity: Severity
    requirements: list[str] = Field(description="实现的要求编号 R-…")
    valid_from: str = Field(description="规则施行日 YYYY-MM-DD", json_schema_extra={"format": "date"})
    valid_to: str | None = Field(description="规则失效日 YYYY-MM-DD（仍有效为空）", json_schema_extra={"format": "date"})
    citations: list[Citation]


class CalendarCoverage(_Model):
    """The years the statutory-holiday calendar covers."""

    first_year: int
    last_year: int


class Health(_Model):
    """GET /v1/health."""

    status: Literal["ok", "error"]
    checks: dict[str, str] = Field(description="rules / templates：ok，或 error: 错误类型")
    version: str
    ruleset_version: str | None
    decision_version: str
    case_schema_version: str
    calendar: CalendarCoverage
