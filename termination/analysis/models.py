"""Result model of the ruling-text analysis (``RulingAnalysis``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from termination import glossary

Kind = Literal["zhongben", "zhongjie", "objection", "completion", "suspension", "resumption", "unknown"]
Role = Literal["applicant", "respondent", "agent", "legal_representative"]
MeasureCode = Literal[
    "enforcement_notice",
    "report_order",
    "network_inquiry",
    "onsite_investigation",
    "consumption_restriction",
    "dishonest_list",
    "fine",
    "detention",
    "search",
    "reward",
    "audit",
    "applicant_informed",
]
CONTENT_NAMES: tuple[str, ...] = ("claim", "process", "property", "realized", "rights")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(_Model):
    """A party named in the heading block of the ruling."""

    name: str = Field(description="名称或姓名（可能已隐名，如 张某某、李**）")
    role: Role = Field(description="申请执行人 / 被执行人 / 委托代理人 / 法定代表人或负责人")
    kind: Literal["person", "organisation"] = Field(description="自然人 / 单位")


class Basis(_Model):
    """执行依据: the enforceable document the case rests on."""

    number: str | None = Field(None, description="执行依据文号，如 （2023）京0105民初5678号")
    issuer: str | None = Field(None, description="作出机关，如 北京市朝阳区人民法院")
    document: str | None = Field(None, description="文书种类，如 民事判决书")


class ContentItem(_Model):
    """Whether one mandatory content is present, with the sentence that shows it."""

    present: bool
    evidence: str | None = None


class RightsItem(ContentItem):
    """The rights statement (第（五）项) has two halves: complete, partial (one half) or absent."""

    grade: Literal["complete", "partial", "absent"] = "absent"
    missing: list[Literal["applicant_right", "respondent_duty"]] = Field(
        default_factory=list, description="未写明的一半：applicant_right 申请执行人的权利 / respondent_duty 被执行人的继续履行义务"
    )


class Contents(_Model):
    """The five contents a 终本 ruling must state (终本规定第六条, wording UNVERIFIED)."""

    claim: ContentItem = Field(description="申请执行的债权情况")
    process: ContentItem = Field(description="执行经过及采取的执行措施、强制措施")
    property: ContentItem = Field(description="查明的被执行人财产情况")
    realized: ContentItem = Field(description="实现的债权情况")
    rights: RightsItem = Field(description="申请执行人的权利与被执行人的继续履行义务（complete / partial / absent）")


class Measure(_Model):
    """An enforcement measure the ruling says was taken."""

    measure: MeasureCode
    date: dt.date | None = None
    evidence: str


class Problem(_Model):
    """A defect found in the text of a 终本 ruling (metadata: ``rulesets/ruling_text/<code>.yaml``)."""

    code: str
    message: str
    citation: str
    title: str = ""
    requirements: list[str] = Field(default_factory=list)


class RulingAnalysis(_Model):
    """What a reviewer reads from the published text of one ruling."""

    is_zhongben: bool
    kind: Kind
    draft: bool = Field(False, description="文本是草稿（标有“草稿”或“待补充”），不是正式裁定书")
    case_number: str | None = None
    court: str | None = None
    date: dt.date | None = Field(None, description="裁定（落款）日期")
    filing_date: dt.date | None = Field(None, description="立案日期（给定或从正文读出）")
    parties: list[Party] = Field(default_factory=list)
    basis: Basis | None = None
    claim_amount: Decimal | None = None
    recovered_amount: Decimal | None = None
    outstanding_amount: Decimal | None = None
    contents: Contents
    measures: list[Measure] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    char_count: int = Field(ge=0, description="输入文本的字符数")


#: Chinese names of the measure codes (one vocabulary for the analysis and the review).
MEASURE_LABELS: Mapping[str, str] = glossary.terms("ruling_measures")
