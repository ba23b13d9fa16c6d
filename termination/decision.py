"""The decision: the one output every document, report and calendar is rendered from.

A :class:`Decision` is produced by :func:`termination.check.check` and never re-decided
downstream. Its JSON form (``model_dump(mode="json")``) is the public contract of the CLI
(``--format json``) and of ``POST /v1/check``; ``DECISION_VERSION`` changes when it does.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from termination import glossary

DECISION_VERSION: Final = "1.1"

Status = Literal["satisfied", "violated", "unknown", "not_applicable"]
Severity = Literal["blocking", "system", "warning", "local"]
SourceKind = Literal["binding", "system_check", "local"]
Verification = Literal["VERIFIED", "PARTIAL", "CORROBORATED", "UNVERIFIED", "UNOFFICIAL"]

STATUS_MARK: dict[str, str] = {"satisfied": "✓", "violated": "✗", "unknown": "?", "not_applicable": "—"}
# Labels come from corpus/glossary.yaml (termination.glossary), loaded on first use.
STATUS_LABEL: Mapping[str, str] = glossary.terms("finding_statuses")
SEVERITY_LABEL: Mapping[str, str] = glossary.terms("severity_notes")
SOURCE_KIND_LABEL: Mapping[str, str] = glossary.terms("source_kinds")
VERIFICATION_LABEL: Mapping[str, str] = glossary.terms("verifications")
#: Severities whose violated or unknown findings forbid a final 终本 ruling.
BLOCKING_SEVERITIES: frozenset[str] = frozenset({"blocking", "system"})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=_Model)


def replaced(model: M, update: Mapping[str, Any], private: dict[str, Any] | None = None) -> M:
    """``model.model_copy(update=update)``, then its private attributes set to ``private``: the same
    object without pydantic's generic copy (``copy.copy`` of each of its parts, an extra-fields
    check), which costs 3–6 µs a call inside a check, where findings and the decision are built
    (models of this module only: no extra fields; every value already validated).
    """
    new = object.__new__(type(model))
    fields = model.__dict__.copy()
    fields.update(update)
    setattr_ = object.__setattr__
    setattr_(new, "__dict__", fields)
    setattr_(new, "__pydantic_fields_set__", model.__pydantic_fields_set__ | update.keys())
    setattr_(new, "__pydantic_extra__", None)
    setattr_(new, "__pydantic_private__", private)
    return new


class Citation(_Model):
    """One legal source of a finding, formatted for people and structured for machines."""

    text: str = Field(description="引用，如《终本规定》第一条第（四）项")
    title: str = Field(description="文件全称")
    short: str
    doc_no: str | None = None
    article: str | None = Field(None, description="如 第一条")
    paragraph: int | None = None
    item: int | None = None
    kind: SourceKind
    verification: Verification
    quote: str | None = Field(None, description="条文原文：仅对 VERIFIED 条文、且仅在不符合或待补充的结论中给出")

    def describe(self) -> str:
        """``《终本规定》第一条第（四）项（法律依据，已核实原文）`` — for people, never the wording itself."""
        return f"{self.text}（{SOURCE_KIND_LABEL[self.kind]}，{VERIFICATION_LABEL[self.verification]}）"


class Finding(_Model):
    """The outcome of one rule for one case."""

    rule: str = Field(description="规则代码，如 A04")
    title: str
    group: str = Field(description="§13 分组 A–G")
    category: str = Field(description="实质要件 / 程序要件 / 期限 / 文书")
    requirements: list[str] = Field(description="实现的要求编号 R-…")
    status: Status
    severity: Severity
    blocks: bool = Field(description="是否阻却终本（严重性为阻却且未满足）")
    message: str = Field(description="结论说明")
    remedy: str | None = Field(None, description="补正措施（仅不符合或待补充时）")
    citations: list[Citation]
    evidence: dict[str, Any] = Field(default_factory=dict, description="规则读取的事实及其值")
    missing: list[str] = Field(
        default_factory=list,
        description=(
            "待补充（unknown）结论背后未记录的案件数据字段，带下标的路径，如 respondents.1.dishonest_grounds："
            "只列出记录后可能改变结论、且缺失即表示“未查明”的字段（见 termination/absence.py）；"
            "其他结论为空列表。自 decision_version 1.1 起"
        ),
    )


class Decision(_Model):
    """Whether a case may be terminated (终本) as of a date, and why."""

    decision_version: Literal["1.1"] = DECISION_VERSION
    case_number: str
    court: str
    as_of: date
    outcome: Literal["ready", "not_ready"]
    verdict: str = Field(description="可以终本 / 不得终本")
    counts: dict[str, int]
    blocking_rules: list[str] = Field(description="阻却终本的规则代码")
    findings: list[Finding]
    ruleset_version: str
    engine: str

    @property
    def ready(self) -> bool:
        """True when every blocking requirement is satisfied or not applicable."""
        return self.outcome == "ready"

    def finding(self, rule: str) -> Finding:
        """The finding of one rule (KeyError if the rule did not run)."""
        for f in self.findings:
            if f.rule == rule:
                return f
        raise KeyError(rule)

    # The findings' JSON when the producer already has it (findings repeat between cases and
    # their JSON is cached by termination.findings): serialising is then mostly one join.
    _findings_json: list[str] | None = PrivateAttr(default=None)

    def json_text(self) -> str:
        """Exactly ``model_dump_json()``, faster when the findings' JSON is known (hot path)."""
        private = self.__pydantic_private__  # a slot: ``self._findings_json`` goes through
        # pydantic's __getattr__ (≈ 2 µs of a check)
        items = private.get("_findings_json") if private else None
        if items is None:
            items = [f.model_dump_json() for f in self.findings]
        head = self.model_dump_json(exclude={"findings"})
        cut = head.index(',"ruleset_version":')  # "findings" is declared just before it
        opening, closing = f'{head[:cut]},"findings":[', f"]{head[cut:]}"
        if len(items) < 2:
            return opening + "".join(items) + closing
        # one copy of the findings' text: the head and the tail join the first and the last item
        return ",".join([opening + items[0], *items[1:-1], items[-1] + closing])

    def violated_requirements(self) -> list[str]:
        """Sorted requirement IDs of all violated findings."""
        return sorted({r for f in self.findings if f.status == "violated" for r in f.requirements})
