"""The calendar's data: one :class:`Obligation` per step the court owes after 终本.

These models are the public contract of ``termination calendar --format json`` and of the
service; labels for display come from corpus/glossary.yaml so every output speaks the same words.
"""

from __future__ import annotations

import uuid
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
    "consumption_lift",  # 全部履行后解除限制消费令
    "database_removal",  # 从终本案件信息库屏蔽
    "resumption",  # 核查财产、恢复执行
]
Status = Literal["done", "due_soon", "overdue", "open", "not_yet_computable"]
#: What the due date is: the legal last day itself, a reminder before it, or a reminder for a
#: duty the law gives no period ("及时").
DueBasis = Literal["legal_last_day", "before_deadline", "no_legal_period"]

KIND_LABEL: Mapping[str, str] = glossary.terms("obligation_kinds")
STATUS_LABEL: Mapping[str, str] = glossary.terms("obligation_statuses")
DUE_BASIS_LABEL: Mapping[str, str] = glossary.terms("obligation_due_basis")
#: Marks every date computed from a provisional holiday schedule, in every output.
PROVISIONAL_MARK = "推算日期，待国务院公布放假安排后复核"
#: Namespace of the iCalendar UIDs (uuid5 of :attr:`Obligation.uid`).
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "termination:obligations")
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
    seq: int = Field(1, ge=1, description="同一案件同类同一记录项义务的序号（如第二次续行为 2）")
    title: str = Field(description="应办事项（中文）")
    due: date | None = Field(None, description="到期日（应办日期）；无法计算时为空")
    due_basis: DueBasis | None = Field(
        None,
        description="到期日性质：legal_last_day 即法定期限末日；before_deadline 为早于法定期限末日的"
        "提示日；no_legal_period 法律未规定期限，为提示日",
    )
    deadline: date | None = Field(
        None, description="法定期限末日（期间届满日，已按民事诉讼法第八十五条顺延；查封冻结为届满日）"
    )
    provisional: bool = Field(
        False, description="到期日按推算的节假日计算（国务院尚未公布该年放假安排），待公布后复核"
    )
    status: Status
    done_on: date | None = Field(None, description="完成日期")
    requirement: str = Field(description="要求编号 R-…")
    citation: str = Field(description="法律依据，如《终本规定》第九条第二款")
    note: str | None = Field(None, description="说明（期限推算方式、数据缺失、条文未核实等）")
    warnings: list[str] = Field(
        default_factory=list, description="与本项义务有关的记录问题（同 findings 中的说明）"
    )

    @property
    def uid(self) -> str:
        """Stable identity: case number + kind (+ ref) + sequence, never the date, so a moved
        due date keeps its identity (an iCalendar re-import updates the event)."""
        return "/".join([self.case_number, self.kind, self.ref or "-", str(self.seq)])

    @property
    def ics_uid(self) -> str:
        """The iCalendar UID: a name-based UUID of :attr:`uid` (ASCII, same on every export)."""
        return f"{uuid.uuid5(UID_NAMESPACE, self.uid)}@termination"


class RecordFinding(_Model):
    """A conflict or gap in the record found while computing obligations (data, not an error)."""

    case_number: str
    code: str = Field(description="问题代码，如 renewal_after_expiry")
    message: str = Field(description="说明（中文）")
    field: str | None = Field(None, description="所涉记录字段，如 measures.seizures[0].expiry")
    kind: Kind | None = Field(None, description="所涉义务类型（与义务无关时为空）")
    ref: str | None = Field(None, description="所涉义务的记录项")
    provisional: bool = Field(
        False, description="判断所用期限按推算的节假日计算，待国务院公布放假安排后复核"
    )


class CaseObligations(_Model):
    """Everything the calendar knows about one case as of a date."""

    case_number: str
    as_of: date
    obligations: list[Obligation]
    findings: list[RecordFinding]


class HolidayYear(_Model):
    """Where the holidays of a year used by the calendar come from."""

    year: int
    basis: Literal["package", "notice", "provisional", "none"]
    text: str = Field(description="依据（中文）")


class CalendarReport(_Model):
    """The calendar for many cases: obligations sorted by due date, plus record findings."""

    as_of: date
    soon_days: int
    court: str | None = None
    judge: str | None = None
    obligations: list[Obligation]
    findings: list[RecordFinding]
    holidays: list[HolidayYear] = Field(
        default_factory=list, description="日历所涉各年度节假日的依据（官方通知或推算）"
    )
