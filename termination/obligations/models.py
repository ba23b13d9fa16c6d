"""The calendar's data: one :class:`Obligation` per step the court owes after 终本.

These models are the public contract of ``termination calendar --format json`` and of the
service; labels for display come from corpus/glossary.yaml so every output speaks the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from termination import glossary

Kind = Literal[
    "database_entry",  # 纳入终本案件信息库
    "periodic_inquiry",  # 终本后每六个月网络查询
    "inquiry_notice",  # 将查询结果告知申请执行人
    "seizure_renewal",  # 续行查封、扣押、冻结
    "dishonest_deletion",  # 删除失信信息
    "database_removal",  # 从终本案件信息库屏蔽
    "resumption",  # 核查财产、恢复执行
]
Status = Literal["done", "due_soon", "overdue", "open", "not_yet_computable"]

KIND_LABEL: Mapping[str, str] = glossary.terms("obligation_kinds")
STATUS_LABEL: Mapping[str, str] = glossary.terms("obligation_statuses")
#: Display order of kinds on the same due date.
KIND_ORDER: dict[str, int] = {k: i for i, k in enumerate(get_args(Kind))}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Obligation(_Model):
    """One step the court must take after 终本, with its due date and state as of a date."""

    case_number: str = Field(description="案号")
    court: str = Field(description="执行法院")
    judge: str | None = Field(None, description="承办人")
    kind: Kind = Field(description="义务类型代码")
    ref: str | None = Field(
        None,
        description="义务所涉记录项：查封 id、被执行人 id 或查询期次（同一案件同类义务的区分）",
    )
    title: str = Field(description="应办事项（中文）")
    due: date | None = Field(None, description="到期日；无法计算时为空")
    status: Status
    done_on: date | None = Field(None, description="完成日期")
    requirement: str = Field(description="要求编号 R-…")
    citation: str = Field(description="法律依据，如《终本规定》第九条第二款")
    note: str | None = Field(None, description="说明（期限推算方式、数据缺失、条文未核实等）")

    @property
    def uid(self) -> str:
        """Stable identity: case number + kind + due (+ ref), e.g. for iCalendar UIDs."""
        parts = [self.case_number, self.kind, self.due.isoformat() if self.due else "none"]
        if self.ref:
            parts.append(self.ref)
        return "/".join(parts)


class RecordFinding(_Model):
    """A conflict or gap in the record found while computing obligations (data, not an error)."""

    case_number: str
    code: str = Field(description="问题代码，如 renewal_after_expiry")
    message: str = Field(description="说明（中文）")


class CaseObligations(_Model):
    """Everything the calendar knows about one case as of a date."""

    case_number: str
    as_of: date
    obligations: list[Obligation]
    findings: list[RecordFinding]


class CalendarReport(_Model):
    """The calendar for many cases: obligations sorted by due date, plus record findings."""

    as_of: date
    soon_days: int
    court: str | None = None
    judge: str | None = None
    obligations: list[Obligation]
    findings: list[RecordFinding]
