"""The enforcement case record, as a case-management system (执行办案平台) holds it.

The record is *input*: plain facts with dates. It decides nothing; the rules do.
Every model is closed (``extra="forbid"``) and frozen, so a misspelt field is an error,
never silently ignored. Optional fields mean "not recorded": a rule that needs them
comes out *unknown* (待补充), never satisfied.

Parties are referenced by their ``id`` (e.g. ``"R1"``) throughout the timeline.
"""

from __future__ import annotations

import re
import datetime as dt
from decimal import Decimal
from typing import Annotated, Final, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from termination import limits
from termination.limits import CASE_NUMBER_RE

SCHEMA_VERSION: Final = "1.1"
#: Every version a record may declare: 1.1 only adds optional fields, so a 1.0 record reads the same.
SCHEMA_VERSIONS: Final = ("1.0", "1.1")

#: 北京时间 (UTC+8; no daylight saving since 1991): the legal day of an event is the Beijing day.
BEIJING: Final = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


_EIGHT_DIGITS = re.compile(r"\d{8}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d")


def _day(value: object) -> object:
    """Dates as case systems send them: ``2024-03-11``, ``20240311``, or a date-time
    (``2024-03-11T09:30:00``, ``2024-03-11 09:30:00``, with or without an offset such as
    ``Z`` or ``+08:00``): the day of the event in Beijing. A date-time with an offset is
    converted to Beijing time first (``2023-08-28T16:00:00Z`` is 29 August); one without is
    Beijing time already. ``""`` means not recorded."""
    if isinstance(value, str):
        text = value.strip()
        if text == "":
            return None
        if len(text) < 12 and len(text) != 8:  # the common YYYY-MM-DD (or nonsense): as it is
            return text
        if _EIGHT_DIGITS.fullmatch(text):
            return f"{text[:4]}-{text[4:6]}-{text[6:]}"
        if _DATE_TIME.match(text):
            try:
                moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
            except ValueError:
                return text[:10]  # an unusual time part: the date part is still the day
            if moment.tzinfo is not None:
                moment = moment.astimezone(BEIJING)
            return moment.date().isoformat()
        return text
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError("日期应为字符串 YYYY-MM-DD")  # never read numbers as Unix timestamps
    return value


def _amount(value: object) -> object:
    """Amounts may carry thousands separators (``200,000.00``, ``200，000.00``)."""
    if isinstance(value, str):
        return value.strip().replace(",", "").replace("，", "")
    return value


def _sex(value: object) -> object:
    """GB/T 2261.1 codes are accepted: 1 男, 2 女."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return {"1": "男", "2": "女", 1: "男", 2: "女"}.get(value, value)
    return value


def _one_or_many(value: object) -> object:
    """A list that may come as one object (records of schema 1.0 held one interview, one
    confirmation): one object reads as a list of it, null as none."""
    if value is None:
        return []
    return [value] if isinstance(value, (dict, BaseModel)) else value


def _none_as_empty(value: object) -> object:
    """Java systems (Jackson) send null for an empty list: read it as "none recorded"."""
    return [] if value is None else value


T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
# a list; null reads as []
Items = Annotated[list[T], BeforeValidator(_none_as_empty), Field(max_length=limits.MAX_ITEMS)]
# A date within limits.DATE_MIN–DATE_MAX; the published schema says so with a pattern on the year.
_Date = Annotated[
    dt.date,
    AfterValidator(limits.in_date_range),
    # the canonical date, or a date-time whose Beijing day is the date (schema 1.1 says so; 1.0 records are dates)
    WithJsonSchema({"anyOf": [
        {"type": "string", "format": "date", "pattern": limits.DATE_PATTERN},
        {"type": "string", "format": "date-time", "pattern": limits.DATETIME_PATTERN,
         "description": "日期时间（带时区偏移，如 Z、+08:00）：换算为北京时间后取其日期"},
    ]}),
]
Day = Annotated[_Date, BeforeValidator(_day)]
OptionalDay = Annotated[_Date | None, BeforeValidator(_day)]
# 0 to limits.MONEY_MAX, at most two decimals: a number, or text (the schema gives the canonical text).
Money = Annotated[
    Decimal,
    Field(ge=0, le=limits.MONEY_MAX, decimal_places=2),
    BeforeValidator(_amount),
    WithJsonSchema({"anyOf": [
        {"type": "number", "minimum": 0, "maximum": float(limits.MONEY_MAX), "multipleOf": 0.01},
        {"type": "string", "pattern": limits.MONEY_PATTERN},
    ]}),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, str_max_length=limits.MAX_TEXT)


def _kind_required(schema: dict[str, object]) -> None:
    """The party models' ``kind`` has a default in Python, but a record must state it (the tag of
    the ``Party`` union): the published schema says it is required."""
    properties = schema["properties"]
    assert isinstance(properties, dict)
    properties["kind"].pop("default", None)
    required = schema.setdefault("required", [])
    assert isinstance(required, list)
    required.insert(0, "kind")


# ---------------------------------------------------------------- parties


class Agent(_Model):
    """委托代理人."""

    name: str = Field(min_length=1, description="代理人姓名")
    special_authority: bool | None = Field(None, description="是否特别授权")
    firm: str | None = Field(None, description="所在律师事务所或单位")


class NaturalPerson(_Model):
    """自然人当事人."""

    model_config = ConfigDict(json_schema_extra=_kind_required)

    kind: Literal["person"] = "person"
    id: str = Field(min_length=1, description="案件内当事人标识，如 A1、R1")
    name: str = Field(min_length=1, description="姓名")
    sex: Annotated[Literal["男", "女"] | None, BeforeValidator(_sex)] = None
    ethnicity: str | None = Field(None, description="民族")
    birth_date: OptionalDay = Field(None, description="出生日期")
    id_number: str | None = Field(None, description="公民身份号码")
    address: str | None = Field(None, description="住所地")
    deceased: bool | None = Field(None, description="是否已死亡（身份核查结果）")
    missing: bool | None = Field(None, description="是否下落不明")
    agent: Agent | None = None


class Organisation(_Model):
    """法人或非法人组织当事人."""

    model_config = ConfigDict(json_schema_extra=_kind_required)

    kind: Literal["organisation"] = "organisation"
    id: str = Field(min_length=1)
    name: str = Field(min_length=1, description="名称")
    short_name: str | None = Field(None, description="简称，如 恒远公司（文书首次出现时注明“以下简称”）")
    org_type: Literal[
        "enterprise_legal_person", "non_enterprise_legal_person", "unincorporated", "branch",
        "autonomous_body",
    ] = Field(description="企业法人 / 非企业法人 / 非法人组织 / 分支机构 / 村（居）委会等自治组织")
    credit_code: str | None = Field(None, description="统一社会信用代码")
    address: str | None = None
    legal_representative: str | None = Field(None, description="法定代表人或负责人")
    representative_title: str | None = Field(None, description="法定代表人职务，如 执行董事")
    missing: bool | None = Field(None, description="是否下落不明（无法联系）")
    insolvent: bool | None = Field(
        None, description="是否具有企业破产法第二条第一款规定情形（不能清偿到期债务且资不抵债或明显缺乏清偿能力）"
    )
    agent: Agent | None = None


Party = Annotated[NaturalPerson | Organisation, Field(discriminator="kind")]


class Respondent(_Model):
    """被执行人, with the facts the law asks about the respondent itself."""

    party: Party
    dishonest_grounds: list[Annotated[int, Field(ge=1, le=6)]] | None = Field(
        None, max_length=6, description="经审查符合《失信规定》第一条的哪几项（空列表=均不符合；未填=未审查）"
    )
    security_provided: bool | None = Field(None, description="是否提供了充分有效担保（失信规定第三条）")
    subsidiary_liability: bool | None = Field(None, description="是否为履行顺序在后的被执行人（失信规定第三条）")
    concealment: bool | None = Field(None, description="是否隐匿财产、会计账簿等资料且拒不交出（须搜查）")


# ---------------------------------------------------------------- case header


class EnforcementBasis(_Model):
    """执行依据."""

    document_number: str = Field(min_length=1, description="执行依据文号，如（2023）京0105民初5678号")
    issuing_body: str = Field(min_length=1, description="作出执行依据的机关")
    by_this_court: bool | None = Field(
        None, description="是否为本院作出（文书称“本院”）；未填=以作出机关与执行法院名称是否相同判断"
    )
    document_type: str | None = Field(None, description="民事判决书 / 民事调解书 / 仲裁裁决书 …")
    effective_date: OptionalDay = None
    obligation: str | None = Field(None, description="执行依据确定的义务（摘要）")


class Claim(_Model):
    """申请执行的债权与实现情况."""

    claim_types: list[Literal["money", "property", "act"]] = Field(
        min_length=1, max_length=3, description="执行标的类型：金钱给付 / 财物交付 / 行为"
    )
    amount_due: Money = Field(description="申请执行标的金额（元）")
    interest: Money | None = Field(None, description="迟延履行期间的债务利息（元），已计算时填写")
    costs: Money | None = Field(None, description="执行费等（元）")
    amount_recovered: Money | None = Field(None, description="已执行到位金额（元）；未填=未知")

    @property
    def total_due(self) -> Decimal:
        """Principal plus interest and costs, as far as recorded."""
        return self.amount_due + (self.interest or 0) + (self.costs or 0)

    @property
    def outstanding(self) -> Decimal | None:
        """未执行到位金额, or None when the recovered amount is unknown."""
        if self.amount_recovered is None:
            return None
        return self.total_due - self.amount_recovered

    @model_validator(mode="after")
    def _within_total(self) -> Claim:
        # The documents state the total and the outstanding amount in words (below 一万亿元), and an
        # amount recovered beyond everything due means the record misses interest or costs, or is wrong.
        if self.total_due > limits.MONEY_MAX:
            raise ValueError(f"claim.amount_due：标的金额、利息与费用之和不得超过 {limits.MONEY_MAX} 元")
        if self.amount_recovered is not None and self.amount_recovered > self.total_due:
            raise ValueError("claim.amount_recovered：已执行到位金额大于标的金额、利息与费用之和，"
                             "请核对金额或补填迟延履行利息（interest）、执行费（costs）")
        return self


# ---------------------------------------------------------------- timeline

AssetCategory = Literal[
    "pboc",  # 人民银行（账户信息）
    "bank_deposit",  # 商业银行存款
    "internet_bank",  # 互联网银行 / 网络资金
    "securities",  # 证券
    "vehicle",  # 车辆
    "real_estate",  # 不动产
    "business_registration",  # 工商登记（股权）
    "insurance",  # 保险
    "civil_affairs",  # 民政（婚姻）
    "housing_fund",  # 住房公积金
    "wealth_management",  # 金融理财产品
    "dividends",  # 股息红利
    "tax",  # 税务
    "ship",  # 船舶
    "other",
]


class EnforcementNotice(_Model):
    """执行通知书 to one respondent."""

    respondent: str
    issued_on: Day
    served_on: OptionalDay = None
    names_delay_interest: bool | None = Field(None, description="是否载明迟延履行利息/迟延履行金")
    dishonest_warning: bool | None = Field(None, description="是否载明失信风险提示")


class ReportOrder(_Model):
    """报告财产令 to one respondent."""

    respondent: str
    issued_on: Day
    served_on: OptionalDay = None


class PropertyReport(_Model):
    """The respondent's answer to the 报告财产令 and the court's verification."""

    respondent: str
    status: Literal["reported", "none", "late", "refused", "false"] = Field(
        description="如实报告 / 未报告 / 逾期报告 / 拒绝报告 / 虚假报告"
    )
    received_on: OptionalDay = None
    verified_on: OptionalDay = Field(None, description="法院核查日期")
    verification_result: str | None = None
    good_reason: bool | None = Field(
        None, description="逾期报告是否有正当理由（财产调查规定第九条“无正当理由逾期报告”）；未填=未提出正当理由"
    )


class Sanction(_Model):
    """罚款、拘留 or a criminal referral against a respondent or another person."""

    target: str = Field(description="被执行人 id，或其他人员姓名")
    type: Literal["fine", "detention", "criminal_referral"]
    reason: Literal["report_violation", "obstruction", "restriction_violation", "other"]
    decided_on: Day
    amount: Money | None = None


class ConsumptionRestriction(_Model):
    """限制消费令."""

    respondent: str
    issued_on: Day
    lifted_on: OptionalDay = None
    lift_reason: Literal["security", "applicant_consent", "performed", "other"] | None = None
    signed_by_president: bool | None = None
    bound_persons: Items[str] = Field(default_factory=list, description="单位被执行人的法定代表人等")


class DishonestListing(_Model):
    """失信被执行人名单决定."""

    respondent: str
    ground: int = Field(ge=1, le=6, description="《失信规定》第一条第几项")
    decided_on: Day
    period_years: int | None = Field(None, ge=1, le=5, description="失信期限（年）；第一项无期限")
    served_on: OptionalDay = None
    deleted_on: OptionalDay = None


class NetworkInquiry(_Model):
    """A query through the 网络执行查控系统."""

    respondent: str
    system: Literal["总对总", "点对点"]
    scope: list[AssetCategory] = Field(min_length=1, max_length=limits.MAX_ITEMS)
    requested_on: Day
    feedback_on: OptionalDay = Field(None, description="反馈日期；未填=尚未反馈")
    found: Items[AssetCategory] = Field(default_factory=list, description="有财产反馈的类别")


class Clue(_Model):
    """财产线索."""

    id: str
    source: Literal["applicant", "other", "respondent_report"]
    description: str | None = None
    received_on: Day
    concrete: bool = Field(True, description="是否为具体财产线索（财产调查规定第二条）")
    urgent: bool = False
    verified_on: OptionalDay = None
    result: str | None = None


class OnsiteInvestigation(_Model):
    """现场调查（被执行人住所地或可能隐匿、转移财产所在地）."""

    respondent: str
    date: Day
    place: str
    result: str | None = None
    items: Items[AssetCategory] = Field(default_factory=list, description="调查涉及的财产类别")


class Search(_Model):
    """搜查."""

    respondent: str
    date: Day
    signed_by_president: bool | None = None


class InvestigationApplication(_Model):
    """申请执行人关于审计或悬赏的书面申请及其处理."""

    kind: Literal["audit", "reward"]
    received_on: Day
    decided_on: OptionalDay = None
    granted: bool | None = None
    carried_out_on: OptionalDay = None


class Interrogation(_Model):
    """对被执行人或其法定代表人、实际控制人等的调查询问."""

    respondent: str
    person: str
    date: Day


class DisposalAttempt(_Model):
    """One auction (拍卖, the first, second… in date order) or sale (变卖) of a found asset."""

    date: Day
    method: Literal["auction", "sale"] = Field(description="拍卖（按日期先后为第一次、第二次拍卖）/ 变卖")
    outcome: Literal["sold", "failed", "pending"] = Field(description="成交 / 流拍或变卖不成 / 进行中")


class Asset(_Model):
    """A property found during the investigation."""

    id: str
    respondent: str
    type: AssetCategory
    description: str
    value: Money | None = Field(None, description="价值或余额（元）")
    seized: bool | None = Field(None, description="是否已查封、扣押、冻结")
    physically_seized: bool | None = Field(None, description="车辆、船舶等是否已实际扣押")
    disposal_attempts: Items[DisposalAttempt] = Field(default_factory=list)
    accepted_in_lieu: bool | None = Field(
        None, description="流拍、变卖不成后申请执行人是否接受以物抵债（false：拒绝接受或依法不能交付其抵债）"
    )
    management_possible: bool | None = Field(None, description="是否可以强制管理")
    status: Literal["disposed", "disposing", "undisposed", "not_disposable"]
    non_disposable_reason: str | None = Field(None, description="财产不能处置的原因")
    first_seizing_court: str | None = Field(
        None, description="本院为轮候查封的，首先查封的法院（首封法院）；未填=本院首封或未被他院查封"
    )
    disposal_requested_on: OptionalDay = Field(
        None, description="轮候查封的，商请首封法院处置或移送处置权的日期"
    )


class Seizure(_Model):
    """查封、扣押、冻结 with its expiry (民诉法解释第四百八十五条)."""

    id: str
    respondent: str
    asset_type: Literal["bank_deposit", "movable", "real_estate", "other_right"]
    description: str | None = None
    start: Day
    expiry: Day
    renewed_on: OptionalDay = None
    renewed_until: OptionalDay = None
    released_on: OptionalDay = None


class LocateEffort(_Model):
    """查找下落不明的被执行人的措施."""

    respondent: str
    date: Day
    method: str


class Obstruction(_Model):
    """妨害执行的行为."""

    by: str = Field(description="被执行人 id 或其他人员姓名")
    date: Day
    description: str
    criminal_threshold_met: bool | None = Field(None, description="是否达到拒执罪立案标准")


class Measures(_Model):
    """执行经过：every measure and event of the enforcement, dated."""

    enforcement_notices: Items[EnforcementNotice] = Field(default_factory=list)
    report_orders: Items[ReportOrder] = Field(default_factory=list)
    property_reports: Items[PropertyReport] = Field(default_factory=list)
    sanctions: Items[Sanction] = Field(default_factory=list)
    consumption_restrictions: Items[ConsumptionRestriction] = Field(default_factory=list)
    dishonest_listings: Items[DishonestListing] = Field(default_factory=list)
    network_inquiries: Items[NetworkInquiry] = Field(default_factory=list)
    clues: Items[Clue] = Field(default_factory=list)
    onsite_investigations: Items[OnsiteInvestigation] = Field(default_factory=list)
    searches: Items[Search] = Field(default_factory=list)
    investigation_applications: Items[InvestigationApplication] = Field(default_factory=list)
    interrogations: Items[Interrogation] = Field(default_factory=list)
    assets: Items[Asset] = Field(default_factory=list)
    seizures: Items[Seizure] = Field(default_factory=list)
    locate_efforts: Items[LocateEffort] = Field(default_factory=list)
    obstructions: Items[Obstruction] = Field(default_factory=list)


# ---------------------------------------------------------------- applicant & approval

InterviewItem = Literal["execution_status", "investigation_measures", "property_status", "basis", "consequences"]


class QA(_Model):
    """One question and its answer as the 约谈笔录 recorded them."""

    question: str = Field(min_length=1, description="问")
    answer: str = Field(description="答（如实记录；未回答记空字符串）")


class Interview(_Model):
    """约谈申请执行人（终本规定第五条）: one applicant told and heard."""

    applicant: str | None = Field(
        None, description="被约谈的申请执行人 id（如 A1）；只有一名申请执行人时可不填"
    )
    date: Day
    interviewee: str = Field(description="被约谈人姓名")
    capacity: Literal["applicant", "agent", "legal_representative"]
    special_authority: bool | None = Field(None, description="代理人是否有特别授权")
    interviewer: str | None = Field(None, description="约谈人（承办人）")
    mode: Literal["in_person", "phone", "video", "written", "sms", "wechat", "email"]
    items_told: Items[InterviewItem] = Field(default_factory=list)
    opinion: str | None = Field(None, description="申请执行人的意见")
    agrees: bool | None = Field(None, description="是否同意终本")
    record_signed: bool | None = Field(None, description="约谈笔录是否经签名")
    new_clues: bool | None = Field(None, description="是否提供了新的财产线索")
    place: str | None = Field(None, description="约谈地点（电话、视频约谈不填）")
    transcript: Items[QA] = Field(
        default_factory=list, description="笔录记载的问答；未填=尚无笔录，文书生成空白笔录供约谈时填写"
    )


class TerminationNotice(_Model):
    """拟终结本次执行程序告知书 to the applicant(s): when issued and served, and the period to answer."""

    issued_on: Day = Field(description="告知书落款日期")
    served_on: OptionalDay = Field(None, description="送达申请执行人日期；答复期间自次日起算")
    service_mode: Literal["in_person", "post", "electronic", "lodged"] | None = Field(
        None, description="送达方式：直接送达（含代理人签收）/ 邮寄送达 / 电子送达 / 留置送达"
    )
    answer_days: int = Field(7, ge=1, le=90, description="告知书指定的答复期间（日）")
    replied_on: OptionalDay = Field(None, description="申请执行人交回回执（书面意见）日期")


class SignedConfirmation(_Model):
    """申请执行人签字确认终本 (one applicant's)."""

    applicant: str | None = Field(
        None, description="签字确认的申请执行人 id；未填=按签字人是否为申请执行人本人、法定代表人或特别授权代理人判断"
    )
    signed_on: Day
    signed_by: str


class CollegialReview(_Model):
    """合议庭审查核实."""

    date: Day
    members: list[str] = Field(min_length=3, max_length=limits.MAX_ITEMS)
    presiding: str | None = None


class PresidentApproval(_Model):
    """院长批准."""

    date: Day
    name: str


class Approval(_Model):
    """审批路径（民诉法解释第五百一十七条第一款）."""

    applicant_confirmation: Annotated[
        list[SignedConfirmation],
        BeforeValidator(_one_or_many, json_schema_input_type=SignedConfirmation | list[SignedConfirmation] | None),
    ] = Field(default_factory=list, description="申请执行人签字确认终本：每名申请执行人一份（1.0 记录的单个对象亦可）")
    collegial_review: CollegialReview | None = None
    president_approval: PresidentApproval | None = None


class BankruptcyInquiry(_Model):
    """执行转破产征询（执转破意见第4条）."""

    asked_on: Day
    applicant_answer: Literal["consent", "refuse", "no_answer"]
    respondent_answer: Literal["consent", "refuse", "no_answer"]
    written_consent: bool | None = Field(None, description="同意移送的一方是否书面同意")
    transfer_decided_on: OptionalDay = Field(None, description="移送决定日期")


SignerTitle = Literal["审判长", "审判员", "代理审判员", "人民陪审员", "执行长", "执行员"]


class Signer(_Model):
    """One signature of the ruling with the title the court uses."""

    title: SignerTitle
    name: str = Field(min_length=1)


class Termination(_Model):
    """The proposed (or, for a closed case, the actual) 终本."""

    proposed_date: Day = Field(description="拟终本日期（裁定日期）")
    applicant_requested: bool = Field(False, description="申请执行人申请终本")
    judges: Items[str] = Field(default_factory=list, description="署名的审判人员姓名；填写 signers 时可省略")
    signers: Items[Signer] = Field(
        default_factory=list,
        description="署名人员及职务（审判长/审判员/执行长/执行员…），按署名顺序；未填=按审批路径署名审判长、审判员",
    )
    judge_assistant: str | None = Field(None, description="法官助理（署名于日期之后，可不填）")
    clerk: str | None = Field(None, description="书记员")
    served_on: OptionalDay = Field(None, description="裁定书送达申请执行人日期（已结案件）")

    @model_validator(mode="before")
    @classmethod
    def _judges_from_signers(cls, data: object) -> object:
        """``judges`` (the names the checks compare) follow ``signers`` when only signers are given."""
        # before the types are checked: signers may be anything (5 made this a TypeError, a 500)
        signers = data.get("signers") if isinstance(data, dict) else None
        if isinstance(data, dict) and isinstance(signers, list) and signers and not data.get("judges"):
            names = [s.get("name") if isinstance(s, dict) else getattr(s, "name", None) for s in signers]
            if all(isinstance(n, str) for n in names):
                data = {**data, "judges": names}
        return data

    @model_validator(mode="after")
    def _signers_match_judges(self) -> Termination:
        if self.signers and [s.name for s in self.signers] != list(self.judges):
            raise ValueError("termination.judges：与 termination.signers 中的署名人员不一致（填写其一即可）")
        return self


class PostInquiry(_Model):
    """终本后的网络查询（终本规定第九条第二款）."""

    date: Day
    found: bool
    notified_applicant_on: OptionalDay = None


class PostTermination(_Model):
    """What happened after 终本 (for the obligations calendar)."""

    database_entered_on: OptionalDay = Field(None, description="纳入终本案件库日期")
    inquiries: Items[PostInquiry] = Field(default_factory=list)
    new_clue_received_on: OptionalDay = Field(None, description="终本后收到有效财产线索的日期")
    fully_performed_on: OptionalDay = None
    resumed_on: OptionalDay = None
    resumed_case_number: str | None = None
    database_removed_on: OptionalDay = None


# ---------------------------------------------------------------- the record


class Resumption(_Model):
    """执恢: the case this one resumes and the earlier 终本 ruling in it."""

    original_case_number: str = Field(min_length=1, description="原执行案件案号，如（2021）京0105执987号")
    ruling_number: str | None = Field(None, description="原终本裁定书文号；未填=与原案号相同")
    ruling_date: Day = Field(description="原终本裁定日期")


class CaseRecord(_Model):
    """One enforcement case (执行实施案件) proposed for, or closed by, 终本."""

    schema_version: Literal["1.0", "1.1"] = SCHEMA_VERSION
    court: str = Field(min_length=2, max_length=limits.MAX_COURT_NAME, description="执行法院全称")
    case_number: str = Field(pattern=limits.CASE_NUMBER_PATTERN,
                             description="案号，如（2024）京0105执1234号；恢复执行为 执恢（法院代字：省级简称加数字代码）")
    cause: str | None = Field(None, description="案由，如 民间借贷纠纷（执行依据的案由）")
    resumed_from: Resumption | None = Field(None, description="恢复执行案件（执恢）：原案号及原终本裁定")
    judge: str | None = Field(None, description="承办人")
    filing_date: Day = Field(description="立案日期")
    application_received_on: OptionalDay = Field(None, description="收到申请执行书或移交执行书日期")
    applicants: list[Party] = Field(min_length=1, max_length=limits.MAX_PARTIES)
    respondents: list[Respondent] = Field(min_length=1, max_length=limits.MAX_PARTIES)
    basis: EnforcementBasis
    claim: Claim
    measures: Measures = Field(default_factory=Measures)
    interview: Annotated[
        list[Interview], BeforeValidator(_one_or_many, json_schema_input_type=Interview | list[Interview] | None)
    ] = Field(default_factory=list, description="约谈申请执行人：每名申请执行人（或其特别授权代理人）一次或多次（1.0 记录的单个对象亦可）")
    termination_notice: TerminationNotice | None = Field(None, description="拟终结本次执行程序告知书")
    approval: Approval = Field(default_factory=Approval)
    bankruptcy: BankruptcyInquiry | None = None
    termination: Termination
    post: PostTermination | None = None

    @field_validator("case_number", mode="before")
    @classmethod
    def _normalise_case_number(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().replace("(", "（").replace(")", "）").replace(" ", "").translate(_FULL_WIDTH_DIGITS)
            if not CASE_NUMBER_RE.match(value):  # 《关于人民法院案件案号的若干规定》第三至五条
                raise ValueError("案号格式应为“（年度）法院代字+执或执恢+编号+号”，法院代字为省级简称加两位或四位数字，"
                                 "如（2024）京0105执1234号")
        return value

    @model_validator(mode="after")
    def _check_references_and_order(self) -> CaseRecord:
        # every problem is reported, one per line ("path：message"), not only the first
        problems: list[str] = []
        ids = {r.party.id for r in self.respondents}
        applicant_ids = {a.id for a in self.applicants}
        if len(ids) != len(self.respondents) or ids & applicant_ids:
            problems.append("当事人 id 重复：每个申请执行人、被执行人的 id 必须唯一")
        for field, items in (("interview", self.interview), ("approval.applicant_confirmation", self.approval.applicant_confirmation)):
            for i, item in enumerate(items):
                if item.applicant is not None and item.applicant not in applicant_ids:
                    problems.append(f"{field}.{i}.applicant：不是任何申请执行人的 id（应为 applicants 中的 id）")
        m = self.measures
        for name in ("enforcement_notices", "report_orders", "property_reports", "consumption_restrictions",
                     "dishonest_listings", "network_inquiries", "onsite_investigations", "searches",
                     "interrogations", "assets", "seizures", "locate_efforts"):
            for i, item in enumerate(getattr(m, name)):
                if item.respondent not in ids:
                    problems.append(f"measures.{name}.{i}.respondent：不是任何被执行人的 id（应为 respondents 中的 party.id）")
        # (later, earlier, field, index, label): the field is written out only for a problem
        order = [(self.termination.proposed_date, self.filing_date, "termination.proposed_date", None, "立案日期")]
        order += [(n.served_on, n.issued_on, "measures.enforcement_notices.{}.served_on", i, "发出日期")
                  for i, n in enumerate(m.enforcement_notices) if n.served_on is not None]
        order += [(q.feedback_on, q.requested_on, "measures.network_inquiries.{}.feedback_on", i, "查询日期")
                  for i, q in enumerate(m.network_inquiries) if q.feedback_on is not None]
        order += [(s.expiry, s.start, "measures.seizures.{}.expiry", i, "开始日期")
                  for i, s in enumerate(m.seizures) if s.expiry is not None]
        order += [(c.verified_on, c.received_on, "measures.clues.{}.verified_on", i, "收到线索日期")
                  for i, c in enumerate(m.clues) if c.verified_on is not None]
        problems += [p for args in order if (p := _ordered(*args))]
        for i, r in enumerate(self.respondents):
            p = r.party
            if isinstance(p, NaturalPerson) and p.birth_date and p.birth_date > self.filing_date:
                problems.append(f"respondents.{i}.party.birth_date：出生日期晚于立案日期")
        later = [(self.termination.served_on, self.termination.proposed_date, "termination.served_on", None, "裁定日期")]
        tn = self.termination_notice
        if tn is not None:
            later += [(tn.served_on, tn.issued_on, "termination_notice.served_on", None, "告知书落款日期"),
                      (tn.replied_on, tn.issued_on, "termination_notice.replied_on", None, "告知书落款日期")]
        problems += [p for args in later if (p := _ordered(*args))]
        if problems:
            raise ValueError("\n".join(problems))
        return self

    # -- convenience -----------------------------------------------------

    @property
    def court_code(self) -> str:
        """法院代字 from the case number, e.g. 京0105 (the first character is the province)."""
        match = CASE_NUMBER_RE.match(self.case_number)
        assert match is not None  # validated above
        return match["court"]

    @property
    def kind(self) -> Literal["执", "执恢"]:
        """执 (首次执行) or 执恢 (恢复执行)."""
        match = CASE_NUMBER_RE.match(self.case_number)
        assert match is not None  # validated above
        return "执恢" if match["kind"] == "执恢" else "执"

    @property
    def basis_by_this_court(self) -> bool:
        """Whether this court made the 执行依据 (the documents then say 本院)."""
        if self.basis.by_this_court is not None:
            return self.basis.by_this_court
        return self.basis.issuing_body == self.court

    def as_of(self, on: dt.date) -> CaseRecord:
        """The record as it stood on ``on``: events dated later are left out.

        An item of a timeline (a notice, an inquiry, a sanction…) dated after ``on`` is dropped;
        an optional event date after ``on`` (served, verified, fed back, lifted…) reads as not
        yet happened. Dates that are not events — the ruling date itself, expiries, birth
        dates — are kept. Documents render from this view, so they never state what the
        check, run as of the same date, did not count.
        """
        return _cut(self, on)

    @property
    def first_interview(self) -> Interview | None:
        """The first interview recorded (documents of a case with one applicant)."""
        return self.interview[0] if self.interview else None

    @property
    def first_confirmation(self) -> SignedConfirmation | None:
        """The first signed confirmation recorded."""
        return self.approval.applicant_confirmation[0] if self.approval.applicant_confirmation else None

    def respondent(self, party_id: str) -> Respondent:
        """The respondent with this id."""
        return next(r for r in self.respondents if r.party.id == party_id)


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _ordered(later: dt.date | None, earlier: dt.date, field: str, index: int | None, earlier_label: str) -> str | None:
    """The problem ``field：message`` when ``later`` is before ``earlier`` (``index`` fills the
    ``{}`` of a list item's field)."""
    if later is not None and later < earlier:
        field = field if index is None else field.format(index)
        return f"{field}：日期不得早于{earlier_label}（{earlier.isoformat()}）"
    return None


#: The date that places an item of the timeline (the first one a model has).
_EVENT_DATES = ("issued_on", "requested_on", "decided_on", "received_on", "asked_on", "signed_on", "date", "start")
#: Optional dates that are not events and stay as recorded.
_KEEP = frozenset({"renewed_until", "effective_date", "birth_date"})


def _placed_after(item: BaseModel, on: dt.date) -> bool:
    for name in _EVENT_DATES:
        if name in type(item).model_fields:
            value = getattr(item, name)
            return isinstance(value, dt.date) and value > on
    return False


def _cut(model: M, on: dt.date) -> M:
    updates: dict[str, object] = {}
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            if _placed_after(value, on) and not field.is_required():
                updates[name] = None
            else:
                updates[name] = _cut(value, on)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            updates[name] = [_cut(v, on) for v in value if not _placed_after(v, on)]
        elif (isinstance(value, dt.date) and value > on and not field.is_required()
              and name not in _KEEP and name not in _EVENT_DATES):
            updates[name] = None
    return model.model_copy(update=updates)
