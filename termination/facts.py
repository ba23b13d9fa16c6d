"""Derived facts: what the rules read, computed from the case record as of a date.

Rules stay declarative; the arithmetic of the record (who got which notice, how old an
inquiry is, which asset still waits for disposal) lives here, one small function per fact,
each named in :data:`FACTS` with its Chinese label. A fact is ``None`` when the record does
not establish it: the rules then come out *unknown* (待补充), never satisfied.

Counting facts ("how many respondents lack X") follow Kleene logic: a definite count when
some item is known to fail; ``None`` when none is known to fail but some are unknown; else 0.
Every measure counts only if it is dated on or before the evaluation date ``as_of``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from termination import editions, periods, text
from termination.absence import RECORD_PATHS, not_established, pattern
from termination.case import CaseRecord, NaturalPerson, Organisation, Respondent
from termination.reads import Recorder, wrap
from termination.errors import CalendarNotCovered

Value = bool | int | float | str | None

# 终本规定第三条第二项：存款、车辆及其他交通运输工具、不动产、有价证券
CORE_SCOPE = frozenset({"bank_deposit", "vehicle", "real_estate", "securities"})
# 系统校验第2项：人行、商业银行、互联网银行、证券、车辆、不动产、工商
SYSTEM_SCOPE = CORE_SCOPE | {"pboc", "internet_bank", "business_registration"}
# 系统校验第4项：金融理财产品、收益类保险、股息红利；自然人另查住房公积金
EXTENDED_SCOPE = frozenset({"wealth_management", "insurance", "dividends"})
EXTENDED_SCOPE_PERSON = EXTENDED_SCOPE | {"housing_fund"}
REPORT_VIOLATIONS = frozenset({"none", "late", "refused", "false"})
INTERVIEW_ITEMS = ("execution_status", "investigation_measures", "property_status", "basis", "consequences")
# 终本规定第五条：应当告知申请执行人的五项内容
INTERVIEW_LABEL = {
    "execution_status": "案件执行情况", "investigation_measures": "采取的财产调查措施",
    "property_status": "被执行人的财产情况", "basis": "终结本次执行程序的依据", "consequences": "法律后果",
}
# 《失信规定》（2017修正）与《财产调查规定》均自2017年5月1日起施行：此前作出的行为不适用其新规则
SHIXIN_2017 = date(2017, 5, 1)
CAICHAN_2017 = date(2017, 5, 1)
# 系统校验第2项例外：名称含下列字样且无组织机构代码的主体
SYSTEM_EXEMPT_NAMES = ("村委会", "村民委员会", "居民委员会", "村民小组", "居民小组", "业主委员会", "业委会", "业主大会", "分公司")
CATEGORY_LABEL = {
    "pboc": "人民银行", "bank_deposit": "存款", "internet_bank": "互联网银行", "securities": "有价证券",
    "vehicle": "车辆", "real_estate": "不动产", "business_registration": "工商登记", "insurance": "保险",
    "civil_affairs": "民政", "housing_fund": "住房公积金", "wealth_management": "金融理财产品",
    "dividends": "股息红利", "tax": "税务", "ship": "船舶", "other": "其他",
}


# ---------------------------------------------------------------- record paths the facts read


def _m(items: str, *fields: str) -> tuple[str, ...]:
    return tuple(f"measures.{items}[].{f}" for f in fields)


WHO = ("respondents[].party.id", "respondents[].party.name")  # whom a count names
CLAIM = ("claim.amount_due", "claim.interest", "claim.costs", "claim.amount_recovered")
NOTICES = _m("enforcement_notices", "respondent", "issued_on")
ORDERS = _m("report_orders", "respondent", "issued_on")
REPORTS = ("measures.property_reports",) + _m("property_reports", "respondent", "status", "received_on")
SANCTIONS = _m("sanctions", "reason", "target", "decided_on")
RESTRICTIONS = _m("consumption_restrictions", "respondent", "issued_on")
LISTINGS = _m("dishonest_listings", "respondent", "decided_on")
INQUIRIES = _m("network_inquiries", "respondent", "requested_on", "scope")
ONSITE = _m("onsite_investigations", "respondent", "date", "items")
# 单位的主要负责人或者直接责任人员（_related_persons）
RELATED = ("respondents[].party.legal_representative",) + _m("consumption_restrictions", "respondent", "bound_persons")
CONCEALMENT = ("respondents[].concealment",) + REPORTS + _m("obstructions", "by", "date")
GROUNDS = (
    ("respondents[].dishonest_grounds",) + REPORTS + ORDERS + _m("property_reports", "good_reason")
    + _m("obstructions", "by", "date") + SANCTIONS
)
ARTICLE_3 = ("respondents[].security_provided", "respondents[].subsidiary_liability") + _m("assets", "seized", "status", "value") + CLAIM


@dataclass
class Context:
    """The case, the evaluation date and the names behind each count (for messages)."""

    case: CaseRecord
    as_of: date
    names: dict[str, list[str]] = field(default_factory=dict)
    memo: dict[Any, Any] = field(default_factory=dict)
    recorder: Recorder | None = None  # set when tracing which fields a fact reads

    def on_time(self, d: date | None) -> bool:
        """A measure counts only if it happened on or before ``as_of``."""
        return d is not None and d <= self.as_of

    def name(self, party_id: str) -> str:
        """Display name of a respondent id (or the id itself for other persons)."""
        r = self.respondents().get(party_id)
        return party_id if r is None else r.party.name

    def respondent(self, party_id: str) -> Respondent:
        """The respondent with this id (validation guarantees ids are unique and exist)."""
        return self.respondents()[party_id]

    def respondents(self) -> dict[str, Respondent]:
        """The respondents by id, indexed once per case (reads every id: see WHO)."""
        index = self.memo.get("respondents")
        if index is None:
            index = self.memo["respondents"] = {r.party.id: r for r in self.case.respondents}
        return index  # type: ignore[no-any-return]


@dataclass(frozen=True)
class FactDef:
    """A derived fact: its name, Chinese label, the record paths it reads and how to compute it.

    ``reads`` are pattern paths of the record (``measures.assets[].accepted_in_lieu``; see
    :mod:`termination.absence`); a test runs every fact over a recording proxy of each sample
    and checks that it reads nothing else.
    """

    name: str
    label: str
    compute: Callable[[Context], Value]
    reads: frozenset[str] = frozenset()


FACTS: dict[str, FactDef] = {}


def fact(
    label: str, reads: tuple[str, ...] = ()
) -> Callable[[Callable[[Context], Value]], Callable[[Context], Value]]:
    """Register a derived fact under the function's name, with the record paths it reads."""

    def register(fn: Callable[[Context], Value]) -> Callable[[Context], Value]:
        unknown = [p for p in reads if p not in RECORD_PATHS]
        if unknown:
            raise ValueError(f"{fn.__name__}: reads unknown record paths {unknown}")
        FACTS[fn.__name__] = FactDef(fn.__name__, label, fn, frozenset(reads))
        return fn

    return register


def derive(
    case: CaseRecord, as_of: date, only: Collection[str] | None = None
) -> tuple[dict[str, Value], dict[str, list[str]]]:
    """Compute every fact (or those named in ``only``, in that order); return ``(facts, names)``
    where ``names`` lists who fails each count."""
    ctx = Context(case, as_of)
    if only is None:
        return {name: d.compute(ctx) for name, d in FACTS.items()}, ctx.names
    plan = _PLANS.get(only) if isinstance(only, tuple) else None
    if plan is None:
        plan = [(name, FACTS[name].compute) for name in only]
        if isinstance(only, tuple):
            if len(_PLANS) >= 64:
                _PLANS.clear()  # bounded: one plan per set of rules in force (a handful)
            _PLANS[only] = plan
    return {name: compute(ctx) for name, compute in plan}, ctx.names


#: (fact name, its function) in the order a check derives them, per tuple of names asked for
_PLANS: dict[tuple[str, ...], list[tuple[str, Callable[[Context], Value]]]] = {}


def trace(case: CaseRecord, as_of: date, name: str) -> tuple[Value, Recorder]:
    """Compute one fact over a recording proxy of the record: its value and what it read."""
    rec = Recorder()
    ctx = Context(wrap(case, "", rec), as_of, recorder=rec)
    return FACTS[name].compute(ctx), rec


def missing_paths(case: CaseRecord, as_of: date, name: str) -> list[str]:
    """The absent "not established" record fields behind an unknown fact, indexed
    (``respondents.1.dishonest_grounds``), in the order the fact reads them.

    Reads made for items whose verdict the fact found definite are left out (``_count``):
    recording those fields would not change the fact.
    """
    value, rec = trace(case, as_of, name)
    if value is not None:
        return []
    declared = FACTS[name].reads
    seen: dict[str, None] = {}
    for path, absent, needed in rec.undecided():
        if absent and (needed or not_established(path)) and pattern(path) in declared:
            seen.setdefault(path, None)
    return list(seen)


def _count(ctx: Context, key: str, items: Iterable[tuple[str, bool | None]]) -> int | None:
    """Kleene count of failing items; remembers the failing labels under ``key`` and the
    undecided ones under ``key + "_unknown"`` (for messages that name who lacks data)."""
    failing: list[str] = []
    unknown: list[str] = []
    rec = ctx.recorder
    if rec is None:  # a check (not a trace of what the fact reads): the plain loop
        for label, fails in items:
            if fails is None:
                unknown.append(label)
            elif fails:
                failing.append(label)
        names = ctx.names
        names[key] = failing
        names[_UNKNOWN.get(key) or _unknown_key(key)] = unknown
        if failing:
            return len(failing)
        return None if unknown else 0
    iterator = iter(items)
    while True:
        start = rec.mark() if rec else 0
        try:
            label, fails = next(iterator)
        except StopIteration:
            break
        if rec is not None and fails is not None:
            rec.settle(start)  # this item is decided: what it read is not what is missing
        if fails is None:
            unknown.append(label)
        elif fails:
            failing.append(label)
    return _counted(ctx, key, failing, unknown)


def _counted(ctx: Context, key: str, failing: list[str], unknown: list[str]) -> int | None:
    """The Kleene count of :func:`_count`, with the labels remembered for messages."""
    names = ctx.names
    names[key] = failing
    names[_UNKNOWN.get(key) or _unknown_key(key)] = unknown
    if failing:
        return len(failing)
    return None if unknown else 0


_UNKNOWN: dict[str, str] = {}  # key → key + "_unknown", written once


def _unknown_key(key: str) -> str:
    _UNKNOWN[key] = unknown = key + "_unknown"
    return unknown


def _resp(ctx: Context, key: str, test: Callable[[Respondent], bool | None]) -> int | None:
    """:func:`_count` over the respondents, labelled by name."""
    if ctx.recorder is not None:  # tracing: item by item (see _count)
        return _count(ctx, key, ((r.party.name, test(r)) for r in ctx.case.respondents))
    failing: list[str] = []
    unknown: list[str] = []
    for r in ctx.case.respondents:
        fails = test(r)
        if fails is None:
            unknown.append(r.party.name)
        elif fails:
            failing.append(r.party.name)
    names = ctx.names
    names[key] = failing
    names[_UNKNOWN.get(key) or _unknown_key(key)] = unknown
    if failing:
        return len(failing)
    return None if unknown else 0


#: the date that places a measure in time, per kind (``measures.<kind>``; required, so never absent)
DATED = {
    "enforcement_notices": "issued_on", "report_orders": "issued_on", "consumption_restrictions": "issued_on",
    "dishonest_listings": "decided_on", "network_inquiries": "requested_on", "onsite_investigations": "date",
    "searches": "date", "interrogations": "date", "locate_efforts": "date",
}
_NONE: list[Any] = []  # what a respondent has of a kind he has none of (never changed)


def _dated(ctx: Context, kind: str) -> list[Any]:
    """The measures of one kind dated on or before ``as_of``, in record order: one pass per case
    and kind, on first use, shared by every fact that reads the kind."""
    found = ctx.memo.get(kind)
    if found is None:
        items = getattr(ctx.case.measures, kind)
        if items:
            as_of, when = ctx.as_of, DATED[kind]
            found = [x for x in items if getattr(x, when) <= as_of]
        else:
            found = _NONE
        ctx.memo[kind] = found
    return found  # type: ignore[no-any-return]


def _by_respondent(ctx: Context, kind: str) -> dict[str, list[Any]]:
    """:func:`_dated` by respondent id (``id in _by_respondent(…)``: whether he has one)."""
    key = _BY_KEY[kind]
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = {}
        for x in _dated(ctx, kind):
            mine = found.get(x.respondent)
            if mine is None:
                found[x.respondent] = [x]
            else:
                mine.append(x)
    return found  # type: ignore[no-any-return]


_BY_KEY = {kind: kind + "[].respondent" for kind in DATED}


def _and(*values: bool | None) -> bool | None:
    """Kleene conjunction."""
    if False in values:
        return False
    return None if None in values else True


def _or(*values: bool | None) -> bool | None:
    """Kleene disjunction."""
    if True in values:
        return True
    return None if None in values else False


def _not(value: bool | None) -> bool | None:
    return None if value is None else not value


def _is_minor(r: Respondent, on: date) -> bool | None:
    """Whether a natural-person respondent is under 18 on ``on`` (organisations never are).

    年龄按周岁计算，出生之日不计入（民法典第二百零一条第一款），十八周岁期间至十八周岁生日当日
    届满（第二百零二条；二月二十九日出生的，平年以二月二十八日为生日）；故生日当日仍为未成年人，
    自生日的次日起为成年人（与最高人民法院关于“周岁…从周岁生日的第二天起算”的解释一致）。
    """
    p = r.party
    if isinstance(p, Organisation):
        return False
    if p.birth_date is None:
        return None
    return on <= periods.add_years(p.birth_date, 18)


def _related_persons(ctx: Context, r: Respondent) -> set[str]:
    """The respondent's id and, for a unit, the persons a sanction may lawfully target instead.

    《财产调查规定》第九条第二款、民事诉讼法（2023）第一百一十四条第二款：对单位可以对其主要负责人
    或者直接责任人员予以罚款、拘留 — its 法定代表人/负责人 and the persons its 限制消费令 names.
    """
    ids = {r.party.id}
    p = r.party
    if isinstance(p, Organisation):
        if p.legal_representative:
            ids.add(p.legal_representative)
        for c in ctx.case.measures.consumption_restrictions:
            if c.respondent == p.id:
                ids.update(c.bound_persons)
        # the same person may also be a respondent in his own right (e.g. a guarantor): his id counts too
        ids |= {x.party.id for x in ctx.case.respondents if x.party.name in ids}
    return ids


# ---------------------------------------------------------------- A 适用范围


@fact("终本日期在《终本规定》施行以后", reads=("termination.proposed_date",))
def zhongben_rules_in_force(ctx: Context) -> Value:
    # 终本规定自2016年12月1日起施行。此前的终本条件（立结案意见第十六条等，原文未核实）没有编码：
    # 对此前的终本，本工具说不出“符合”，结论为待补充，须对照当时的规定人工审查
    return True if ctx.as_of >= editions.editions("zhongben")[0].effective else None  # sources.yaml: 2016-12-01


@fact("执行标的包含金钱或财物给付", reads=("claim.claim_types",))
def claim_enforceable_type(ctx: Context) -> Value:
    return bool({"money", "property"} & set(ctx.case.claim.claim_types))


@fact("被执行人均为已死亡的自然人", reads=WHO + ("respondents[].party.deceased",))
def all_respondents_deceased(ctx: Context) -> Value:
    flags = [False if isinstance(r.party, Organisation) else r.party.deceased for r in ctx.case.respondents]
    ctx.names["all_respondents_deceased"] = [r.party.name for r, f in zip(ctx.case.respondents, flags) if f is None]
    if False in flags:
        return False
    return None if None in flags else True


@fact("未执行到位金额（元）", reads=CLAIM)
def outstanding_amount(ctx: Context) -> Value:
    out = ctx.case.claim.outstanding
    return None if out is None else float(out)


@fact("自立案之日起已超过三个月", reads=("filing_date",))
def three_months_elapsed(ctx: Context) -> Value:
    # 终本规定第一条第（四）项；期间开始之日不计算在内（民事诉讼法第八十五条）
    return periods.elapsed(ctx.case.filing_date, ctx.as_of, months=3)


@fact("最早可以终本的日期", reads=("filing_date",))
def earliest_termination_date(ctx: Context) -> Value:
    return (periods.add_months(ctx.case.filing_date, 3) + timedelta(days=1)).isoformat()


# ---------------------------------------------------------------- B 执行通知与报告财产


@fact("未发出执行通知的被执行人数", reads=WHO + NOTICES)
def respondents_without_notice(ctx: Context) -> Value:
    have = _first_notices(ctx)
    return _resp(ctx, "respondents_without_notice", lambda r: r.party.id not in have)


def _first_notices(ctx: Context) -> dict[str, date]:
    """The date of the first 执行通知 to each respondent, as far as issued by ``as_of``."""
    first: dict[str, date] | None = ctx.memo.get("first_notices")
    if first is None:
        first = ctx.memo["first_notices"] = {}
        for n in _dated(ctx, "enforcement_notices"):
            seen = first.get(n.respondent)
            if seen is None or n.issued_on < seen:
                first[n.respondent] = n.issued_on
    return first


@fact("收到申请执行书至最晚一份执行通知的天数", reads=("application_received_on",) + NOTICES)
def notice_delay_days(ctx: Context) -> Value:
    received = ctx.case.application_received_on
    first = _first_notices(ctx)
    if received is None or not first:
        return None
    return (max(first.values()) - received).days


@fact("执行通知均在收到申请执行书后十日内发出", reads=WHO + ("application_received_on",) + NOTICES)
def notice_in_time(ctx: Context) -> Value:
    # 民诉法解释（2022）第四百八十条第一款：收到申请执行书或者移交执行书后十日内发出执行通知；
    # 期间开始之日不计入，届满日为法定休假日的顺延（民事诉讼法第八十五条）
    received = ctx.case.application_received_on
    first = _first_notices(ctx)
    if received is None or not first:
        return None
    try:
        deadline = periods.period_end(received, days=10)
    except CalendarNotCovered:
        return None
    late = [ctx.name(rid) for rid, issued in first.items() if issued > deadline]
    ctx.names["notice_in_time"] = late
    return not late


@fact("执行通知均载明迟延履行利息或迟延履行金", reads=_m("enforcement_notices", "issued_on", "names_delay_interest"))
def notices_name_delay_interest(ctx: Context) -> Value:
    return _all([n.names_delay_interest for n in _dated(ctx, "enforcement_notices")])


def _notices_since_shixin_2017(ctx: Context) -> list[Any]:
    # 《失信规定》第五条第一款（2017修正）只约束2017年5月1日以后发出的执行通知
    return [n for n in _dated(ctx, "enforcement_notices") if n.issued_on >= SHIXIN_2017]


@fact("2017年5月1日以后发出的执行通知数", reads=_m("enforcement_notices", "issued_on"))
def notices_since_shixin_2017(ctx: Context) -> Value:
    return len(_notices_since_shixin_2017(ctx))


@fact("执行通知均载明失信风险提示", reads=WHO + NOTICES + _m("enforcement_notices", "dishonest_warning"))
def notices_dishonest_warning(ctx: Context) -> Value:
    items = _notices_since_shixin_2017(ctx)
    result = _all([n.dishonest_warning for n in items])
    ctx.names["notices_dishonest_warning"] = [ctx.name(n.respondent) for n in items if n.dishonest_warning is False]
    ctx.names["notices_dishonest_warning_unknown"] = list(dict.fromkeys(
        ctx.name(n.respondent) for n in items if n.dishonest_warning is None))
    return result


@fact("未发出报告财产令的被执行人数", reads=WHO + ORDERS)
def respondents_without_report_order(ctx: Context) -> Value:
    have = _by_respondent(ctx, "report_orders")
    return _resp(ctx, "respondents_without_report_order", lambda r: r.party.id not in have)


@fact("报告财产令未与执行通知同时发出的被执行人数", reads=WHO + ("claim.claim_types",) + NOTICES + ORDERS)
def report_orders_not_with_notice(ctx: Context) -> Value:
    # 《财产调查规定》第三条第一款：金钱债权执行中，报告财产令应当与执行通知同时发出（2017年5月1日起）
    money = "money" in ctx.case.claim.claim_types
    first = _first_notices(ctx)

    def late(r: Respondent) -> bool | None:
        notice = first.get(r.party.id)
        if not money or (notice is not None and notice < CAICHAN_2017):
            return False
        orders = [o.issued_on for o in _by_respondent(ctx, "report_orders").get(r.party.id, _NONE)]
        if notice is None and not orders:
            return False  # neither was issued: B01 and B04 say so; nothing to compare here
        if notice is None or not orders:
            return True  # one was issued without the other: not "together"
        return min(orders) != notice

    return _resp(ctx, "report_orders_not_with_notice", late)


def _reports(ctx: Context, r: Respondent) -> list[Any]:
    """The property reports of ``r`` received by ``as_of`` or undated, in record order."""
    if ctx.recorder is None:  # a check: every respondent's in one pass, on first use
        index: dict[str, list[Any]] | None = ctx.memo.get("property_reports")
        if index is None:
            index = ctx.memo["property_reports"] = {}
            as_of = ctx.as_of
            for p in ctx.case.measures.property_reports:
                if p.received_on is None or p.received_on <= as_of:
                    mine = index.get(p.respondent)
                    if mine is None:
                        index[p.respondent] = [p]
                    else:
                        mine.append(p)
        return index.get(r.party.id, _NONE)
    # tracing: r's reports only, when r is judged (an absent received_on is read for r's items alone)
    key = ("reports", r.party.id)
    if key not in ctx.memo:
        ctx.memo[key] = [
            p for p in ctx.case.measures.property_reports
            if p.respondent == r.party.id and (p.received_on is None or ctx.on_time(p.received_on))
        ]
    return ctx.memo[key]  # type: ignore[no-any-return]


def _report_status(ctx: Context, r: Respondent) -> str | None:
    reports = _reports(ctx, r)
    return reports[-1].status if reports else None


def _ordered_to_report(ctx: Context, r: Respondent) -> bool:
    """Whether a 报告财产令 reached this respondent by ``as_of`` (otherwise B04 is what fails)."""
    return r.party.id in _by_respondent(ctx, "report_orders")


@fact("已报告财产但未经核查的被执行人数", reads=WHO + REPORTS + ORDERS + _m("property_reports", "verified_on"))
def reports_unverified(ctx: Context) -> Value:
    def unverified(r: Respondent) -> bool | None:
        reports = _reports(ctx, r)
        if not reports:
            if not _ordered_to_report(ctx, r):
                return False  # no order, nothing to verify
            if ctx.recorder is not None:  # the answer to the order is what must be established
                ctx.recorder.need("measures.property_reports")
            return None
        return any(p.status != "none" and p.status != "refused" and not ctx.on_time(p.verified_on) for p in reports)

    return _resp(ctx, "reports_unverified", unverified)


def _violation(ctx: Context, r: Respondent) -> bool | None:
    """Whether ``r`` violated the duty to report (财产调查规定第九条、第十条；失信规定第一条第（四）项).

    Unknown when a 报告财产令 was issued and no answer is recorded: whether the respondent
    reported is then not established, and neither is whether a sanction or a listing is due.
    A late report with a good reason is no violation (第九条：“无正当理由逾期报告”).
    """
    reports = _reports(ctx, r)
    if not reports:
        if not _ordered_to_report(ctx, r):
            return False  # no order, no duty to report yet
        if ctx.recorder is not None:  # the answer to the order is what must be established
            ctx.recorder.need("measures.property_reports")
        return None
    last = reports[-1]
    if last.status == "late" and last.good_reason:
        return False
    return last.status in REPORT_VIOLATIONS


def _sanction_due(ctx: Context, r: Respondent) -> bool | None:
    """Whether a fine or detention is due for the violation (终本规定第二条第（三）项).

    A respondent who never answered because he is missing (下落不明, the order served by
    公告) cannot be fined or detained: locating him is what E01 asks.
    """
    violated = _violation(ctx, r)
    if violated and _report_status(ctx, r) == "none":
        return _not(r.party.missing)
    return violated


@fact("违反财产报告制度的被执行人数", reads=WHO + REPORTS + ORDERS + _m("property_reports", "good_reason"))
def report_violators(ctx: Context) -> Value:
    return _resp(ctx, "report_violators", lambda r: _violation(ctx, r))


@fact(
    "违反财产报告制度而应予罚款、拘留的被执行人数",
    reads=WHO + REPORTS + ORDERS + _m("property_reports", "good_reason") + ("respondents[].party.missing",),
)
def report_violators_sanctionable(ctx: Context) -> Value:
    return _resp(ctx, "report_violators_sanctionable", lambda r: _sanction_due(ctx, r))


@fact(
    "违反财产报告制度而未受罚款、拘留的被执行人数",
    reads=WHO + REPORTS + ORDERS + _m("property_reports", "good_reason") + ("respondents[].party.missing",)
    + RELATED + SANCTIONS,
)
def report_violators_unsanctioned(ctx: Context) -> Value:
    # 对单位被执行人，可以对其主要负责人或者直接责任人员罚款、拘留（财产调查规定第九条第二款）
    sanctioned = {
        s.target for s in ctx.case.measures.sanctions if s.reason == "report_violation" and ctx.on_time(s.decided_on)
    }

    causes: list[str] = []

    def unsanctioned(r: Respondent) -> bool | None:
        # nobody sanctioned: whom a sanction could have reached changes nothing (a trace still reads
        # it, as the missing fields of an unknown finding always have)
        if (sanctioned or ctx.recorder is not None) and _related_persons(ctx, r) & sanctioned:
            return False
        due = _sanction_due(ctx, r)
        if due is None:
            causes.append(f"已向被执行人{r.party.name}发出报告财产令，但其是否报告、如何报告未记录" if _violation(ctx, r) is None
                          else f"被执行人{r.party.name}未报告财产，其是否下落不明未记录")
        return due

    count = _resp(ctx, "report_violators_unsanctioned", unsanctioned)
    ctx.names["report_violators_unsanctioned_causes"] = causes
    return count


@fact(
    "违反财产报告制度而未纳入失信名单的被执行人数",
    reads=WHO + REPORTS + ORDERS + _m("property_reports", "good_reason") + LISTINGS + ("respondents[].party.birth_date",),
)
def report_violators_unlisted(ctx: Context) -> Value:
    listed = _by_respondent(ctx, "dishonest_listings")

    causes: list[str] = []

    def unlisted(r: Respondent) -> bool | None:
        if r.party.id in listed:
            return False
        # 财产调查规定第十条；失信规定第四条：不得纳入未成年人
        violated, minor = _violation(ctx, r), _is_minor(r, ctx.as_of)
        result = _and(violated, _not(minor))
        if result is None:
            name = r.party.name
            why = [f"已向被执行人{name}发出报告财产令，但其报告情况未记录"] if violated is None else []
            why += [f"被执行人{name}的出生日期未记录，无法排除其为未成年人"] if minor is None else []
            causes.extend(why)
        return result

    count = _resp(ctx, "report_violators_unlisted", unlisted)
    ctx.names["report_violators_unlisted_causes"] = causes
    return count


# ---------------------------------------------------------------- C 限制消费与失信


@fact("未发出限制消费令的被执行人数", reads=WHO + RESTRICTIONS)
def respondents_without_restriction(ctx: Context) -> Value:
    have = _by_respondent(ctx, "consumption_restrictions")
    return _resp(ctx, "respondents_without_restriction", lambda r: r.party.id not in have)


@fact("未经院长签发的限制消费令数", reads=WHO + RESTRICTIONS + _m("consumption_restrictions", "signed_by_president"))
def restrictions_unsigned(ctx: Context) -> Value:
    items = _dated(ctx, "consumption_restrictions")
    return _count(
        ctx, "restrictions_unsigned",
        ((ctx.name(c.respondent), None if c.signed_by_president is None else not c.signed_by_president) for c in items),
    )


@fact("单位被执行人数", reads=("respondents[].party",))
def organisation_respondents(ctx: Context) -> Value:
    return sum(isinstance(r.party, Organisation) for r in ctx.case.respondents)


@fact("限制消费令未列明法定代表人等人员的单位被执行人数", reads=WHO + RESTRICTIONS + _m("consumption_restrictions", "bound_persons"))
def org_restrictions_unbound(ctx: Context) -> Value:
    def unbound(r: Respondent) -> bool | None:
        if not isinstance(r.party, Organisation):
            return False
        orders = _by_respondent(ctx, "consumption_restrictions").get(r.party.id, _NONE)
        # no order yet: nothing to judge here (C01 says the order is missing)
        return bool(orders) and not any(c.bound_persons for c in orders)

    return _resp(ctx, "org_restrictions_unbound", unbound)


@fact("已发出限制消费令的单位被执行人数", reads=WHO + RESTRICTIONS)
def org_restrictions(ctx: Context) -> Value:
    ordered = _by_respondent(ctx, "consumption_restrictions")
    return sum(isinstance(r.party, Organisation) and r.party.id in ordered for r in ctx.case.respondents)


@fact(
    "终本前限制消费令已被解除的自然人被执行人数",
    reads=WHO + RESTRICTIONS + _m("consumption_restrictions", "lifted_on", "lift_reason"),
)
def restrictions_lifted_early(ctx: Context) -> Value:
    def lifted(r: Respondent) -> bool | None:
        if not isinstance(r.party, NaturalPerson):
            return False
        orders = _by_respondent(ctx, "consumption_restrictions").get(r.party.id, _NONE)
        if not orders:
            return False  # counted by respondents_without_restriction
        active = [c for c in orders if c.lifted_on is None or c.lifted_on > ctx.as_of]
        # 提供确实有效的担保或者经申请执行人同意的，可以解除（限高规定，条文序号未核实）
        lawful = [c for c in orders if ctx.on_time(c.lifted_on) and c.lift_reason in ("security", "applicant_consent")]
        return not active and not lawful

    return _resp(ctx, "restrictions_lifted_early", lifted)


def _dishonest_grounds(ctx: Context, r: Respondent) -> set[int] | None:
    """Grounds of 失信规定第一条 the respondent meets, or None if not assessed.

    The court's assessment (``dishonest_grounds``) plus what the record itself proves.
    """
    derived: set[int] = set()
    m = ctx.case.measures
    if _violation(ctx, r):
        derived.add(4)  # 第一条第（四）项 违反财产报告制度
    if any(o.by == r.party.id and ctx.on_time(o.date) for o in m.obstructions):
        derived.add(2)  # 第一条第（二）项 以暴力、威胁等方法妨碍、抗拒执行
    if any(
        s.reason == "restriction_violation" and s.target == r.party.id and ctx.on_time(s.decided_on)
        for s in m.sanctions
    ):
        derived.add(5)  # 第一条第（五）项 违反限制消费令（已因此受罚）
    if r.dishonest_grounds is None:
        return derived or None
    return derived | set(r.dishonest_grounds)


def _seized_sufficient(ctx: Context) -> bool | None:
    """失信规定第三条第（二）项：已被查封、扣押、冻结的财产足以清偿生效法律文书确定的债务.

    Counts seized property that can still be realised (not yet disposed, not found undisposable).
    Asked once per listing and respondent: remembered for the case, except while tracing (a
    remembered answer would hide what later items read; see :func:`_count`).
    """
    if ctx.recorder is None:
        if "seized_sufficient" not in ctx.memo:
            ctx.memo["seized_sufficient"] = _seized_sufficient_now(ctx)
        return ctx.memo["seized_sufficient"]  # type: ignore[no-any-return]
    return _seized_sufficient_now(ctx)


def _seized_sufficient_now(ctx: Context) -> bool | None:
    live = [a for a in ctx.case.measures.assets if a.status in ("undisposed", "disposing")]
    seized = [a for a in live if a.seized]
    maybe = [a for a in live if a.seized is None]  # whether seized is not established
    if not seized and not maybe:
        return False
    due = ctx.case.claim.outstanding
    if due is None:
        return None
    if sum((a.value for a in seized if a.value is not None), Decimal(0)) >= due:
        return True
    unsure = maybe or any(a.value is None for a in seized)
    return None if unsure else False


#: 失信规定第三条: why a respondent may not be listed under 第一条第一项, item by item
ARTICLE_3_ITEMS = (
    "已提供充分有效担保",  # 第三条第（一）项
    "已查封、扣押、冻结的财产足以清偿债务",  # 第三条第（二）项
    "履行顺序在后",  # 第三条第（三）项
    "经审查不具有第一条第一项情形",  # 第三条第（四）项
)


def _ground_one_barred(ctx: Context, r: Respondent) -> tuple[bool | None, list[str]]:
    """Whether 失信规定第三条 forbids listing ``r`` under 第一条第一项, and the reasons that hold
    (Kleene disjunction of its items, :data:`ARTICLE_3_ITEMS`)."""
    held = (
        r.security_provided, _seized_sufficient(ctx), r.subsidiary_liability,
        # 第三条第（四）项：法院审查认定其不具有“有履行能力而拒不履行”情形（未审查的，未查明）
        None if (grounds := r.dishonest_grounds) is None else 1 not in grounds,
    )
    reasons = [label for label, value in zip(ARTICLE_3_ITEMS, held) if value]
    return (True if reasons else None if None in held else False), reasons


@fact(
    "符合失信条件而未纳入失信名单的被执行人数",
    reads=WHO + GROUNDS + LISTINGS + ARTICLE_3 + ("respondents[].party.birth_date",),
)
def dishonest_eligible_unlisted(ctx: Context) -> Value:
    listed = _by_respondent(ctx, "dishonest_listings")

    causes: list[str] = []  # why each undecided respondent is undecided: what its unknown message says

    def unlisted(r: Respondent) -> bool | None:
        if r.party.id in listed:
            return False
        why: list[str] = []
        grounds = _dishonest_grounds(ctx, r)
        if grounds is None:
            eligible: bool | None = None
            why.append(f"被执行人{r.party.name}是否具有《失信规定》第一条各项情形尚未审查记录")
        elif grounds - {1}:
            eligible = True
        elif 1 in grounds:
            eligible = _not(_ground_one_barred(ctx, r)[0])  # 失信规定第三条
            if eligible is None:
                why.append(f"被执行人{r.party.name}是否属于《失信规定》第三条的除外情形（"
                           + "、".join(_article_3_open(ctx, r)) + "）尚未查明")
        else:
            eligible = False
        if eligible is False and _violation(ctx, r) is None:
            eligible = None  # 第一条第（四）项 is open while the answer to the 报告财产令 is unrecorded
            why.append(f"已向被执行人{r.party.name}发出报告财产令，但其报告情况未记录")
        minor = _is_minor(r, ctx.as_of)
        result = _and(eligible, _not(minor))  # 失信规定第四条：不得纳入未成年人
        if result is None:
            if minor is None and eligible is not False:
                why.append(f"被执行人{r.party.name}的出生日期未记录，无法排除其为未成年人")
            causes.extend(why)
        return result

    count = _resp(ctx, "dishonest_eligible_unlisted", unlisted)
    ctx.names["dishonest_eligible_unlisted_causes"] = causes
    return count


def _article_3_open(ctx: Context, r: Respondent) -> list[str]:
    """The exceptions of 失信规定第三条 whose facts are not established for ``r``."""
    open_ = [label for label, value in (
        ("是否提供充分有效担保", r.security_provided),
        ("已查封财产是否足以清偿", _seized_sufficient(ctx)),
        ("是否履行顺序在后", r.subsidiary_liability),
    ) if value is None]
    return open_ or ["是否具有第一条第一项情形"]


def _listings_since_2017(ctx: Context) -> list[Any]:
    # 失信规定第三条、第四条、第二条的期限和第五条的决定书规则自2017年5月1日起施行
    return [x for x in _dated(ctx, "dishonest_listings") if x.decided_on >= SHIXIN_2017]


@fact(
    "违反《失信规定》第三条依第一条第一项纳入失信名单的数量",
    reads=WHO + LISTINGS + _m("dishonest_listings", "ground") + ARTICLE_3 + ("respondents[].dishonest_grounds",),
)
def listings_barred_by_article_3(ctx: Context) -> Value:
    def label_and_status(x: Any) -> tuple[str, bool | None]:
        r = ctx.respondent(x.respondent)
        if x.ground != 1:
            return r.party.name, False
        barred, reasons = _ground_one_barred(ctx, r)
        if barred is None:  # the unknown message names exactly what is open for this respondent
            return f"被执行人{r.party.name}{'、'.join(_article_3_open(ctx, r))}未记录", None
        return (f"{r.party.name}（{'、'.join(reasons)}）" if reasons else r.party.name), barred

    return _count(ctx, "listings_barred_by_article_3", (label_and_status(x) for x in _listings_since_2017(ctx)))


@fact(
    "纳入失信名单时未满十八周岁的数量",
    reads=WHO + LISTINGS + _m("dishonest_listings", "deleted_on") + ("respondents[].party.birth_date",),
)
def minor_listings(ctx: Context) -> Value:
    # 失信规定第四条：被执行人为未成年人的，人民法院不得将其纳入失信被执行人名单
    def minor(x: Any) -> tuple[str, bool | None]:
        r = ctx.respondent(x.respondent)
        if ctx.on_time(x.deleted_on):
            return r.party.name, False  # revoked by the evaluation date (失信规定第九条): the defect is cured
        return r.party.name, _is_minor(r, x.decided_on)

    return _count(ctx, "minor_listings", map(minor, _listings_since_2017(ctx)))


@fact("未送达的失信决定书数", reads=WHO + LISTINGS + _m("dishonest_listings", "served_on"))
def listings_unserved(ctx: Context) -> Value:
    # 失信规定第五条第三款：决定书应当按照民事诉讼法规定的法律文书送达方式送达当事人
    items = _listings_since_2017(ctx)
    return _count(ctx, "listings_unserved", ((ctx.name(x.respondent), not ctx.on_time(x.served_on)) for x in items))


@fact("失信期限不符合规定的决定数", reads=WHO + LISTINGS + _m("dishonest_listings", "ground", "period_years"))
def listings_bad_period(ctx: Context) -> Value:
    def bad(x: Any) -> bool:
        # 失信规定第二条：第二至六项为二年，可延长一至三年；第一项不设期限
        if x.ground == 1:
            return x.period_years is not None
        return x.period_years is None or not 2 <= x.period_years <= 5

    return _count(ctx, "listings_bad_period", ((ctx.name(x.respondent), bad(x)) for x in _listings_since_2017(ctx)))


# ---------------------------------------------------------------- D 财产调查


def _inquiries(ctx: Context, r: Respondent) -> list[Any]:
    return _by_respondent(ctx, "network_inquiries").get(r.party.id, _NONE)


@fact("未经网络执行查控系统查询的被执行人数", reads=WHO + INQUIRIES)
def respondents_without_network_inquiry(ctx: Context) -> Value:
    return _resp(ctx, "respondents_without_network_inquiry", lambda r: not _inquiries(ctx, r))


def _system_exempt(r: Respondent) -> bool:
    # 系统校验第2项例外：村（居）委会、村（居）民小组、业主委员会、分公司等无组织机构代码的主体
    p = r.party
    if not isinstance(p, Organisation) or p.credit_code:
        return False
    return p.org_type in ("autonomous_body", "branch") or any(word in p.name for word in SYSTEM_EXEMPT_NAMES)


@fact(
    "终本前三个月内未经总对总全面查询的被执行人数",
    reads=WHO + INQUIRIES + _m("network_inquiries", "system") + ("respondents[].party.credit_code", "respondents[].party.org_type"),
)
def respondents_without_fresh_full_inquiry(ctx: Context) -> Value:
    window = ctx.as_of - timedelta(days=91)

    def stale(r: Respondent) -> bool:
        if _system_exempt(r):
            return False
        scope: set[str] = set()
        for q in _inquiries(ctx, r):
            if q.system == "总对总" and q.requested_on >= window:
                scope.update(q.scope)
        return not SYSTEM_SCOPE <= scope

    return _resp(ctx, "respondents_without_fresh_full_inquiry", stale)


def _onsite(ctx: Context, r: Respondent) -> list[Any]:
    return _by_respondent(ctx, "onsite_investigations").get(r.party.id, _NONE)


#: the asset categories a measure covers, per kind: a network inquiry's scope, an on-site investigation's items
COVERS = {"network_inquiries": "scope", "onsite_investigations": "items"}
_COVERED_KEY = {kind: f"{kind}[].{field}" for kind, field in COVERS.items()}


def _covered(ctx: Context, kind: str, r: Respondent) -> set[str]:
    """Every asset category the measures of ``kind`` (see :data:`COVERS`) covered for ``r`` by
    ``as_of``: once per case, kind and respondent, read by the inquiry-scope facts (not to be changed)."""
    key = _COVERED_KEY[kind]
    by_id: dict[str, set[str]] | None = ctx.memo.get(key)
    if by_id is None:
        by_id = ctx.memo[key] = {}
    rid = r.party.id
    covered = by_id.get(rid)
    if covered is None:
        covered = by_id[rid] = set()
        field = COVERS[kind]
        for x in _by_respondent(ctx, kind).get(rid, _NONE):
            covered.update(getattr(x, field))
    return covered


def _network_core_gap(ctx: Context, r: Respondent) -> frozenset[str]:
    """Core categories (终本规定第三条第二项) never queried through the network for ``r``."""
    return CORE_SCOPE - _covered(ctx, "network_inquiries", r)


_CATEGORY_ORDER = {c: i for i, c in enumerate(CATEGORY_LABEL)}


def _labels(categories: Iterable[str]) -> str:
    return "、".join(CATEGORY_LABEL[c] for c in sorted(categories, key=_CATEGORY_ORDER.__getitem__))


@fact("网络查询未覆盖存款、车辆、不动产、有价证券的被执行人数", reads=WHO + INQUIRIES)
def respondents_network_core_gap(ctx: Context) -> Value:
    return _count(
        ctx, "respondents_network_core_gap",
        ((f"{r.party.name}（{_labels(gap)}）" if gap else r.party.name, bool(gap))
         for r in ctx.case.respondents for gap in [_network_core_gap(ctx, r)]),
    )


@fact("存款、车辆、不动产、有价证券既未经网络查询也未经现场调查的被执行人数", reads=WHO + INQUIRIES + ONSITE)
def respondents_missing_core_scope(ctx: Context) -> Value:
    # 终本规定第三条第二项（网络查询）；网络无法查询的，第三项的现场调查可以替代（须记录调查的财产类别）
    def gap(r: Respondent) -> frozenset[str]:
        return _network_core_gap(ctx, r) - _covered(ctx, "onsite_investigations", r)

    return _count(
        ctx, "respondents_missing_core_scope",
        ((f"{r.party.name}（{_labels(g)}）" if g else r.party.name, bool(g)) for r in ctx.case.respondents for g in [gap(r)]),
    )


@fact("网络查询未覆盖且未进行现场调查的被执行人数", reads=WHO + INQUIRIES + ONSITE)
def core_gaps_without_onsite(ctx: Context) -> Value:
    return _resp(ctx, "core_gaps_without_onsite", lambda r: bool(_network_core_gap(ctx, r)) and not _onsite(ctx, r))


@fact("未核查的具体财产线索数", reads=_m("clues", "concrete", "description", "received_on", "verified_on"))
def clues_unverified(ctx: Context) -> Value:
    items = [c for c in ctx.case.measures.clues if c.concrete and ctx.on_time(c.received_on)]
    return _count(ctx, "clues_unverified", ((_clue(c), not ctx.on_time(c.verified_on)) for c in items))


@fact(
    "超过七日（紧急三日）核查的财产线索数",
    reads=_m("clues", "concrete", "description", "received_on", "source", "urgent", "verified_on"),
)
def clues_verified_late(ctx: Context) -> Value:
    def late(c: Any) -> bool | None:
        try:
            # 财产调查规定第二条第一款：申请执行人提供的线索明确、具体的，七日内调查核实；情况紧急的，三日内
            deadline = periods.period_end(c.received_on, days=3 if c.urgent else 7)
        except CalendarNotCovered:
            return None
        done = c.verified_on if ctx.on_time(c.verified_on) else None
        return (done or ctx.as_of) > deadline  # unverified and past the deadline is late too

    # the seven-day period governs clues from the applicant, received since 2017-05-01
    items = [
        c for c in ctx.case.measures.clues
        if c.concrete and c.source == "applicant" and ctx.on_time(c.received_on) and c.received_on >= CAICHAN_2017
    ]
    return _count(ctx, "clues_verified_late", ((_clue(c), late(c)) for c in items))


def _clue(c: Any) -> str:
    """A clue as a message names it: pasted text is quoted, so the sentence around it stays whole."""
    pasted = (c.description or "").strip().rstrip("。；;，,")
    return f"“{pasted}”" if pasted else f"{text.ymd(c.received_on)}收到的财产线索"


@fact(
    "传统查控措施（现场调查、搜查、悬赏、审计）数",
    reads=_m("onsite_investigations", "date") + _m("searches", "date") + _m("investigation_applications", "carried_out_on"),
)
def traditional_measures(ctx: Context) -> Value:
    return (
        len(_dated(ctx, "onsite_investigations")) + len(_dated(ctx, "searches"))
        + sum(ctx.on_time(a.carried_out_on) for a in ctx.case.measures.investigation_applications)
    )


@fact("未调查公积金、理财、保险、股息红利的被执行人数", reads=WHO + INQUIRIES + ONSITE)
def respondents_missing_extended_scope(ctx: Context) -> Value:
    def missing(r: Respondent) -> bool:
        scope = _covered(ctx, "network_inquiries", r) | _covered(ctx, "onsite_investigations", r)
        return not (EXTENDED_SCOPE_PERSON if isinstance(r.party, NaturalPerson) else EXTENDED_SCOPE) <= scope

    return _resp(ctx, "respondents_missing_extended_scope", missing)


@fact("隐匿财产、会计账簿且拒不交出的被执行人数", reads=WHO + CONCEALMENT)
def concealing_respondents(ctx: Context) -> Value:
    return _resp(ctx, "concealing_respondents", lambda r: _concealment(ctx, r))


def _concealment(ctx: Context, r: Respondent) -> bool | None:
    """Whether the respondent hid property or account books and refused to hand them over.

    Concealment is an event, like an obstruction: a case system records it when it happens and
    never records its absence. So an unrecorded flag reads as "none", unless the record itself
    points to possible concealment (a false property report, or obstruction by the respondent);
    then it is unknown and the judge must say (respondents[].concealment).
    """
    if r.concealment is not None:
        return r.concealment
    hints = _report_status(ctx, r) == "false" or any(
        o.by == r.party.id and ctx.on_time(o.date) for o in ctx.case.measures.obstructions
    )
    return None if hints else False


@fact("隐匿财产而未搜查的被执行人数", reads=WHO + CONCEALMENT + _m("searches", "respondent", "date"))
def concealing_without_search(ctx: Context) -> Value:
    searched = _by_respondent(ctx, "searches")

    def unsearched(r: Respondent) -> bool | None:
        hidden = _concealment(ctx, r)
        return None if hidden is None else hidden and r.party.id not in searched

    return _resp(ctx, "concealing_without_search", unsearched)


@fact(
    "尚未处理完毕的审计、悬赏申请数",
    reads=_m("investigation_applications", "kind", "received_on", "decided_on", "granted", "carried_out_on"),
)
def applications_pending(ctx: Context) -> Value:
    def pending(a: Any) -> bool | None:
        if not ctx.on_time(a.decided_on):
            return True
        if a.granted is None:
            return None
        return a.granted and not ctx.on_time(a.carried_out_on)

    items = [a for a in ctx.case.measures.investigation_applications if ctx.on_time(a.received_on)]
    return _count(ctx, "applications_pending", (({"audit": "审计", "reward": "悬赏"}[a.kind], pending(a)) for a in items))


@fact("超过十日作出决定的审计、悬赏申请数", reads=_m("investigation_applications", "kind", "received_on", "decided_on"))
def applications_decided_late(ctx: Context) -> Value:
    def late(a: Any) -> bool | None:
        if a.decided_on is None:
            return False
        try:
            # 财产调查规定第十七条、第二十一条：收到申请后十日内决定
            return a.decided_on > periods.period_end(a.received_on, days=10)
        except CalendarNotCovered:
            return None

    items = [
        a for a in ctx.case.measures.investigation_applications
        if ctx.on_time(a.received_on) and a.received_on >= CAICHAN_2017
    ]
    return _count(ctx, "applications_decided_late", (({"audit": "审计", "reward": "悬赏"}[a.kind], late(a)) for a in items))


@fact(
    "未经调查询问且非下落不明的被执行人数",
    reads=WHO + _m("interrogations", "respondent", "date") + ("respondents[].party.missing",),
)
def respondents_not_questioned(ctx: Context) -> Value:
    asked = _by_respondent(ctx, "interrogations")

    def not_asked(r: Respondent) -> bool | None:
        if r.party.id in asked:
            return False
        return None if r.party.missing is None else not r.party.missing

    return _resp(ctx, "respondents_not_questioned", not_asked)


@fact(
    "尚未反馈且未以线下查控替代的网络查询数",
    reads=WHO + INQUIRIES + _m("network_inquiries", "system", "feedback_on") + ONSITE,
)
def inquiries_without_feedback(ctx: Context) -> Value:
    # 江陵终本规范第2条第（5）项：网络查控尚未反馈的不得终本，但对线上查控事项已采取线下查控措施的除外
    def pending(q: Any) -> bool:
        if ctx.on_time(q.feedback_on):
            return False
        offline = _by_respondent(ctx, "onsite_investigations").get(q.respondent, _NONE)
        return not any(o.date >= q.requested_on and set(q.scope) <= set(o.items) for o in offline)

    items = _dated(ctx, "network_inquiries")
    return _count(
        ctx, "inquiries_without_feedback",
        ((f"{ctx.name(q.respondent)}{q.requested_on.isoformat()}{q.system}查询", pending(q)) for q in items),
    )


# 财产调查规定第十六条：机动车、船舶、航空器等特定动产（查封登记而未能实际扣押）
REGISTERED_MOVABLES = frozenset({"vehicle", "ship"})
# 拍卖变卖规定第二十五条：不动产或者其他财产权二拍流拍、不接受抵债的，还须再拍卖、变卖
PROPERTY_RIGHTS = frozenset({"real_estate", "business_registration", "securities", "wealth_management", "insurance", "dividends"})
DISPOSAL = _m("assets", "description", "status", "type", "seized", "physically_seized", "accepted_in_lieu", "management_possible",
              "first_seizing_court", "disposal_requested_on") + (
    "measures.assets[].disposal_attempts[].date", "measures.assets[].disposal_attempts[].method",
    "measures.assets[].disposal_attempts[].outcome",
)


def _disposal_gaps(ctx: Context, a: Any) -> tuple[bool | None, list[str]]:
    """Whether an asset labelled 不能处置 meets 终本规定第四条, and the steps still missing.

    (一) the disposal sequence ran and failed: a first and a second auction (网络司法拍卖规定
    第二十六条; 拍卖变卖规定第二十三条), for real estate and other property rights a 变卖 too
    (拍卖变卖规定第二十五条; 网络司法拍卖规定第二十六条第二款), the applicant refused 以物抵债 or it
    could not lawfully be delivered (拍卖变卖规定第二十四条、第二十五条; 民诉法解释第四百九十条),
    and no 强制管理 is possible (民诉法解释第四百九十条);
    (二) a vehicle, ship or the like registered as seized but not actually seized (财产调查规定第十六条).
    Returns (lawful, missing steps): lawful is None while a needed fact is not established.
    """
    attempts = [d for d in a.disposal_attempts if ctx.on_time(d.date)]
    auctions = sum(d.method == "auction" and d.outcome == "failed" for d in attempts)
    sale_failed = any(d.method == "sale" and d.outcome == "failed" for d in attempts)
    if a.type in REGISTERED_MOVABLES and auctions < 2:
        # no sale sequence ran: only 第四条第（二）项 can make the vehicle non-disposable, so whether it
        # was registered and could not be actually seized is all that decides (nothing else is read)
        unseizable = _and(a.seized, _not(a.physically_seized))
        if unseizable is None:
            asks = [q for q, v in (("是否已查封登记", a.seized), ("能否实际扣押", a.physically_seized)) if v is None]
            gaps = ["查明" + "、".join(asks)]
            if _waiting_unrequested(ctx, a):
                gaps.insert(0, f"商请首封法院{a.first_seizing_court}处置或移送处置权")
            return None, gaps
    gaps: list[str] = []
    if auctions < 1:
        gaps.append("第一次拍卖")
    if auctions < 2:
        gaps.append("第二次拍卖")
    if a.type in PROPERTY_RIGHTS and not sale_failed:
        gaps.append("变卖")
    if a.accepted_in_lieu is None:
        gaps.append("征询申请执行人是否接受以物抵债")
    elif a.accepted_in_lieu:
        gaps.append("作价交申请执行人抵债（申请执行人已表示接受）")
    if a.management_possible is None:
        gaps.append("审查能否强制管理")
    elif a.management_possible:
        gaps.append("经申请执行人同意交其管理（可以强制管理）")
    sequence = _and(auctions >= 2, a.type not in PROPERTY_RIGHTS or sale_failed,
                    _not(a.accepted_in_lieu), _not(a.management_possible))
    unseizable: bool | None = False
    if a.type in REGISTERED_MOVABLES:
        unseizable = _and(a.seized, _not(a.physically_seized))
        if unseizable is None and sequence is not True:
            gaps.append("查明是否已查封登记、能否实际扣押")
    lawful = _or(sequence, unseizable)
    if _waiting_unrequested(ctx, a):  # 轮候查封: the first-seizing court disposes, once asked
        gaps.insert(0, f"商请首封法院{a.first_seizing_court}处置或移送处置权")
    return lawful, ([] if lawful else gaps)


def _label(a: Any, gaps: list[str]) -> str:
    return f"{a.description}（尚需{'、'.join(gaps)}）" if gaps else a.description


def _waiting_unrequested(ctx: Context, a: Any) -> bool:
    """A 轮候查封 of this court whose first-seizing court was never asked to dispose or hand over disposal."""
    return bool(a.first_seizing_court) and a.status != "disposed" and not ctx.on_time(a.disposal_requested_on)


WAITING = _m("assets", "description", "status", "first_seizing_court", "disposal_requested_on")


@fact("尚未处置的可供执行财产数", reads=DISPOSAL + WAITING)
def assets_disposable_remaining(ctx: Context) -> Value:
    # 终本规定第一条第（三）项：财产未处置，或“不能处置”的认定不合第四条（或未查明），或轮候查封
    # 而未商请首封法院处置的，都不是“发现的财产不能处置”
    def remaining(a: Any) -> tuple[str, bool | None]:
        if _waiting_unrequested(ctx, a):
            return f"{a.description}（轮候查封，尚未商请首封法院{a.first_seizing_court}处置）", True
        if a.status in ("undisposed", "disposing"):
            if a.first_seizing_court:  # asked: the first-seizing court disposes, the surplus may come to this case
                return f"{a.description}（本院轮候查封，已商请首封法院{a.first_seizing_court}处置，尚未处置完毕）", True
            return a.description, True
        if a.status == "not_disposable":
            lawful, gaps = _disposal_gaps(ctx, a)
            return _label(a, gaps), _not(lawful)
        return a.description, False

    return _count(ctx, "assets_disposable_remaining", (remaining(a) for a in ctx.case.measures.assets))


@fact("被认定为不能处置的财产数", reads=_m("assets", "status"))
def assets_nondisposable(ctx: Context) -> Value:
    return sum(a.status == "not_disposable" for a in ctx.case.measures.assets)


@fact("不符合“财产不能处置”法定情形的财产数", reads=DISPOSAL)
def assets_nondisposable_unlawful(ctx: Context) -> Value:
    def unlawful(a: Any) -> tuple[str, bool | None]:
        lawful, gaps = _disposal_gaps(ctx, a)
        return _label(a, gaps), _not(lawful)

    items = [a for a in ctx.case.measures.assets if a.status == "not_disposable"]
    return _count(ctx, "assets_nondisposable_unlawful", (unlawful(a) for a in items))


@fact("轮候查封的未处置财产数", reads=WAITING)
def waiting_seizures(ctx: Context) -> Value:
    return sum(bool(a.first_seizing_court) and a.status != "disposed" for a in ctx.case.measures.assets)


@fact("轮候查封而未商请首封法院处置或移送处置权的财产数", reads=WAITING)
def waiting_seizures_unrequested(ctx: Context) -> Value:
    items = [a for a in ctx.case.measures.assets if a.first_seizing_court and a.status != "disposed"]
    return _count(
        ctx, "waiting_seizures_unrequested",
        ((f"{a.description}（首封法院为{a.first_seizing_court}）", _waiting_unrequested(ctx, a)) for a in items),
    )


@fact(
    "未记录不能处置原因的财产数（小额存款除外）",
    reads=("claim.amount_due",) + _m("assets", "description", "status", "type", "value", "non_disposable_reason"),
)
def assets_without_reason(ctx: Context) -> Value:
    due = ctx.case.claim.amount_due

    def small(a: Any) -> bool:
        # 系统校验第6项：银行、网络资金余额不足1000元且不超过应执行标的5%
        return (
            a.type in ("bank_deposit", "internet_bank") and a.value is not None
            and a.value < Decimal(1000) and a.value <= due * Decimal("0.05")
        )

    items = [a for a in ctx.case.measures.assets if a.status != "disposed" and not small(a)]
    return _count(ctx, "assets_without_reason", ((a.description, not a.non_disposable_reason) for a in items))


@fact("可供处置而未查封、扣押、冻结的财产数", reads=_m("assets", "description", "status", "seized"))
def assets_unseized(ctx: Context) -> Value:
    items = [a for a in ctx.case.measures.assets if a.status in ("undisposed", "disposing")]
    return _count(ctx, "assets_unseized", ((a.description, None if a.seized is None else not a.seized) for a in items))


# ---------------------------------------------------------------- E 下落不明与妨害执行


@fact("下落不明的被执行人数", reads=WHO + ("respondents[].party.missing",))
def missing_respondents(ctx: Context) -> Value:
    return _resp(ctx, "missing_respondents", lambda r: r.party.missing)


@fact(
    "下落不明而未依法查找的被执行人数",
    reads=WHO + ("respondents[].party.missing",) + _m("locate_efforts", "respondent", "date"),
)
def missing_without_locate(ctx: Context) -> Value:
    located = _by_respondent(ctx, "locate_efforts")
    return _resp(
        ctx, "missing_without_locate",
        lambda r: None if r.party.missing is None else r.party.missing and r.party.id not in located,
    )


def _obstructions(ctx: Context) -> list[Any]:
    return [o for o in ctx.case.measures.obstructions if ctx.on_time(o.date)]


@fact("妨害执行行为数", reads=_m("obstructions", "date"))
def obstructions(ctx: Context) -> Value:
    return len(_obstructions(ctx))


@fact("未依法采取罚款、拘留的妨害执行行为数", reads=WHO + RELATED + SANCTIONS + _m("obstructions", "by", "date", "description"))
def obstructions_unsanctioned(ctx: Context) -> Value:
    # 民事诉讼法（2023）第一百一十四条：违反限制消费令按拒不履行处理，单位可处罚其主要负责人或者直接责任人员
    sanctions = [
        s for s in ctx.case.measures.sanctions
        if s.reason in ("obstruction", "restriction_violation") and ctx.on_time(s.decided_on)
    ]
    ids = {r.party.id for r in ctx.case.respondents}

    def unsanctioned(o: Any) -> bool:
        targets = _related_persons(ctx, ctx.respondent(o.by)) if o.by in ids else {o.by}
        return not any(s.target in targets and s.decided_on >= o.date for s in sanctions)

    return _count(ctx, "obstructions_unsanctioned", ((f"{ctx.name(o.by)}于{text.ymd(o.date)}{o.description.rstrip('。；;，,')}", unsanctioned(o))
                                                      for o in _obstructions(ctx)))


@fact("达到拒执罪标准的妨害执行行为数", reads=WHO + _m("obstructions", "by", "date", "criminal_threshold_met"))
def criminal_obstructions(ctx: Context) -> Value:
    return _count(ctx, "criminal_obstructions", ((ctx.name(o.by), o.criminal_threshold_met) for o in _obstructions(ctx)))


@fact(
    "达到拒执罪标准而未启动刑事追究的行为数",
    reads=WHO + RELATED + _m("obstructions", "by", "date", "criminal_threshold_met") + _m("sanctions", "type", "target", "decided_on"),
)
def criminal_unreferred(ctx: Context) -> Value:
    referred = {s.target for s in ctx.case.measures.sanctions if s.type == "criminal_referral" and ctx.on_time(s.decided_on)}
    ids = {r.party.id for r in ctx.case.respondents}
    # an act whose threshold is unrecorded and that was not referred is open, never "none unreferred"
    items = [o for o in _obstructions(ctx) if o.criminal_threshold_met is not False]

    def unreferred(o: Any) -> bool | None:
        targets = _related_persons(ctx, ctx.respondent(o.by)) if o.by in ids else {o.by}
        if targets & referred:
            return False
        return True if o.criminal_threshold_met else None

    return _count(ctx, "criminal_unreferred", ((ctx.name(o.by), unreferred(o)) for o in items))


# ---------------------------------------------------------------- F 约谈与审批


# 终本规定第五条：每名申请执行人（或其特别授权的代理人）都须被告知并听取意见
INTERVIEWS = ("applicants[].id", "applicants[].name", "interview[].applicant", "interview[].date")


def _applicant_interviews(ctx: Context) -> list[tuple[Any, list[Any], bool]]:
    """Each applicant, its interviews held by ``as_of``, and whether an interview that names no
    applicant might be its own (several applicants: whom it heard is not established)."""
    if "interviews" in ctx.memo:
        return ctx.memo["interviews"]  # type: ignore[no-any-return]
    c = ctx.case
    single = len(c.applicants) == 1
    held = [i for i in c.interview if i.date <= ctx.as_of]
    if single:  # whom the interview heard needs no record: there is one applicant
        out = [(a, held, False) for a in c.applicants]
    else:
        unassigned = any(i.applicant is None for i in held)
        out = [(a, [i for i in held if i.applicant == a.id], unassigned) for a in c.applicants]
    ctx.memo["interviews"] = out
    return out


def _each_interviewed(ctx: Context, key: str, test: Callable[[list[Any]], bool | None]) -> bool | None:
    """Kleene "for every interviewed applicant, ``test`` holds of its interviews"; names who fails."""
    items = [(a.name, _not(test(own))) for a, own, _ in _applicant_interviews(ctx) if own]
    if not items:
        return None
    failing = _count(ctx, key, iter(items))
    return None if failing is None else failing == 0


@fact("终本前已约谈每一名申请执行人", reads=INTERVIEWS)
def interview_held(ctx: Context) -> Value:
    failing = _count(
        ctx, "interview_held",
        ((a.name, False if own else (None if maybe else True)) for a, own, maybe in _applicant_interviews(ctx)),
    )
    return None if failing is None else failing == 0


@fact("约谈日期晚于终本裁定日期", reads=("interview[].date",))
def interview_after_ruling(ctx: Context) -> Value:
    late = [i.date for i in ctx.case.interview if i.date > ctx.as_of]
    ctx.names["interview_after_ruling"] = [text.ymd(d) for d in sorted(late)]
    return bool(late)


@fact("约谈中未告知的法定事项数", reads=INTERVIEWS + ("interview[].items_told",))
def interview_items_missing(ctx: Context) -> Value:
    heard = [(a, own) for a, own, _ in _applicant_interviews(ctx) if own]
    if not heard:
        return None

    def missing(own: list[Any]) -> list[str] | None:
        told = {item for i in own for item in i.items_told}
        return [INTERVIEW_LABEL[item] for item in INTERVIEW_ITEMS if item not in told] if told else None

    if len(ctx.case.applicants) == 1:
        gaps = missing(heard[0][1])
        ctx.names["interview_items_missing"] = gaps or []
        return None if gaps is None else len(gaps)
    return _count(
        ctx, "interview_items_missing",
        ((f"{a.name}（{'、'.join(g)}）" if g else a.name, None if g is None else bool(g))
         for a, own in heard for g in [missing(own)]),
    )


@fact("已记录申请执行人的意见", reads=INTERVIEWS + ("interview[].opinion", "interview[].agrees"))
def interview_opinion_recorded(ctx: Context) -> Value:
    # not recorded: 待补充
    return _each_interviewed(
        ctx, "interview_opinion_recorded", lambda own: True if any(i.opinion or i.agrees is not None for i in own) else None
    )


# The record of each interview (signature, interviewee, interviewer, the system's 是否同意) is a
# property of the interview held, whoever it heard: these facts read every interview held by the
# ruling date, not the hearing of each applicant (F01).


def _held(ctx: Context) -> list[Any]:
    return [i for i in ctx.case.interview if i.date <= ctx.as_of]


@fact("终本日期当日或之前的约谈次数", reads=("interview[].date",))
def interviews_before_ruling(ctx: Context) -> Value:
    # 系统校验第8项：已完成终本约谈且约谈日期不晚于结案日期（一次约谈记录即可，不问约谈的是哪一名申请执行人）
    return len(_held(ctx))


@fact("终本前的约谈记录均载明申请执行人是否同意终本", reads=("interview[].date", "interview[].agrees"))
def interview_agreement_recorded(ctx: Context) -> Value:
    held = _held(ctx)
    return all(i.agrees is not None for i in held) if held else None


@fact("约谈笔录已签名", reads=("interview[].date", "interview[].record_signed"))
def interview_record_signed(ctx: Context) -> Value:
    return _all([i.record_signed for i in _held(ctx)])


@fact(
    "被约谈人为申请执行人本人、法定代表人或特别授权代理人",
    reads=("interview[].date", "interview[].capacity", "interview[].special_authority"),
)
def interviewee_authorised(ctx: Context) -> Value:
    return _all([True if i.capacity != "agent" else i.special_authority for i in _held(ctx)])


@fact("已记录约谈人", reads=("interview[].date", "interview[].interviewer"))
def interviewer_recorded(ctx: Context) -> Value:
    held = _held(ctx)
    return all(bool(i.interviewer) for i in held) if held else None


@fact("申请执行人申请终本", reads=("termination.applicant_requested",))
def applicant_requested(ctx: Context) -> Value:
    return ctx.case.termination.applicant_requested


@fact("申请执行人均为人民法院", reads=("applicants[].name",))
def applicants_all_courts(ctx: Context) -> Value:
    # 系统校验第8项例外：申请执行人为人民法院（如移送执行的罚款、诉讼费）
    return all(isinstance(a, Organisation) and "人民法院" in a.name for a in ctx.case.applicants)


@fact("系统校验要求终本约谈记录（申请执行人未申请终本且不是人民法院）", reads=("applicants[].name", "termination.applicant_requested"))
def system_requires_interview(ctx: Context) -> Value:
    # 系统校验第8项的两项可判断的例外；案由代码例外不在案件数据中
    return not ctx.case.termination.applicant_requested and not applicants_all_courts(ctx)


CONFIRMATIONS = (
    "applicants[].id", "applicants[].name", "applicants[].legal_representative", "applicants[].agent.name",
    "applicants[].agent.special_authority", "respondents[].party.name", "respondents[].party.legal_representative",
    "respondents[].party.agent.name",
    "approval.applicant_confirmation[].applicant", "approval.applicant_confirmation[].signed_by",
    "approval.applicant_confirmation[].signed_on",
)


def _confirms(ctx: Context, a: Any, sc: Any) -> bool | None:
    """Whether a signed confirmation is applicant ``a``'s: signed by it, its legal representative
    or its agent with special authority (民诉法解释第五百一十七条第一款“申请执行人签字确认”).

    A confirmation the record assigns to ``a`` still counts for nothing when the record places its
    signer on another side (a respondent, another applicant, or their representative or agent)."""
    if sc.applicant is not None and sc.applicant != a.id:
        return False
    who = sc.signed_by
    if who == a.name or (isinstance(a, Organisation) and who == a.legal_representative):
        return True
    if a.agent is not None and who == a.agent.name:
        return a.agent.special_authority
    if _placed_elsewhere(ctx, a, who):
        return False
    # someone the record does not place: the confirmation is a's when the record says so
    return True if sc.applicant is not None else None


def _placed_elsewhere(ctx: Context, a: Any, who: str) -> bool:
    """Whether the record names ``who`` as a party other than applicant ``a``, or its representative or agent."""
    parties = [p for p in (*ctx.case.applicants, *(r.party for r in ctx.case.respondents)) if p is not a]
    return any(
        who == p.name or (p.agent is not None and who == p.agent.name)
        or (isinstance(p, Organisation) and who == p.legal_representative)
        for p in parties
    )


def _signer_label(ctx: Context, who: str) -> str:
    """``张建国（被执行人）``: a signer the record names as someone other than an applicant."""
    for r in ctx.case.respondents:
        p = r.party
        if who == p.name:
            return f"{who}（被执行人）"
        if p.agent is not None and who == p.agent.name:
            return f"{who}（被执行人{p.name}的代理人）"
        if isinstance(p, Organisation) and who == p.legal_representative:
            return f"{who}（被执行人{p.name}的法定代表人）"
    return who


@fact("每一名申请执行人均已签字确认终本", reads=CONFIRMATIONS)
def signed_confirmation(ctx: Context) -> Value:
    signed = [sc for sc in ctx.case.approval.applicant_confirmation if sc.signed_on <= ctx.as_of]
    if not signed:
        ctx.names["signed_confirmation"] = [a.name for a in ctx.case.applicants]
        ctx.names["signed_confirmation_unknown"] = []
        ctx.names["signed_confirmation_void"] = []
        return False
    failing = _count(
        ctx, "signed_confirmation",
        ((a.name, _not(_or(*(_confirms(ctx, a, sc) for sc in signed)))) for a in ctx.case.applicants),
    )
    # signatures that count for no applicant, named so the message can say whose they are
    ctx.names["signed_confirmation_void"] = list(dict.fromkeys(
        _signer_label(ctx, sc.signed_by) for sc in signed
        if all(_confirms(ctx, a, sc) is False for a in ctx.case.applicants)
    ))
    return None if failing is None else failing == 0


@fact("已经合议庭审查核实", reads=("approval.collegial_review.date",))
def collegial_review(ctx: Context) -> Value:
    c = ctx.case.approval.collegial_review
    return c is not None and c.date <= ctx.as_of


@fact("已经院长批准", reads=("approval.president_approval.date", "approval.collegial_review.date"))
def president_approval(ctx: Context) -> Value:
    # 民诉法解释第五百一十七条第一款“合议庭审查核实并经院长批准”：院长批准的是合议庭审查的结果，不能早于审查
    p, c = ctx.case.approval.president_approval, ctx.case.approval.collegial_review
    return p is not None and p.date <= ctx.as_of and (c is None or p.date >= c.date)


# ---- 告知书的答复期间（F08）: the court's own period must have run, unless the opinion is on file


@fact("已向申请执行人发出终本告知书", reads=("termination_notice.issued_on",))
def termination_notice_issued(ctx: Context) -> Value:
    n = ctx.case.termination_notice
    return n is not None and n.issued_on <= ctx.as_of


@fact(
    "裁定前已记录申请执行人对终本的意见",
    reads=("termination.applicant_requested", "interview[].date", "interview[].opinion", "interview[].agrees",
           "approval.applicant_confirmation[].signed_on", "termination_notice.replied_on"),
)
def opinion_before_ruling(ctx: Context) -> Value:
    c = ctx.case
    n = c.termination_notice
    return bool(
        c.termination.applicant_requested  # 申请执行人申请终本：其意见已书面提出
        or any(i.date <= ctx.as_of and (i.opinion or i.agrees is not None) for i in c.interview)
        or any(sc.signed_on <= ctx.as_of for sc in c.approval.applicant_confirmation)
        or (n is not None and ctx.on_time(n.replied_on))
    )


@fact(
    "告知书指定的答复期间已届满",
    reads=("termination_notice.issued_on", "termination_notice.served_on", "termination_notice.answer_days"),
)
def answer_period_run(ctx: Context) -> Value:
    n = ctx.case.termination_notice
    ctx.names["answer_period_end"] = []
    if n is None:
        return None
    if n.served_on is not None and n.served_on > ctx.as_of:
        return False  # served after the ruling date: the period has not even begun
    # 民事诉讼法第八十五条：期间自送达之次日起算；届满日为法定休假日的，顺延至休假日后的第一日
    earliest = periods.period_end(n.served_on or n.issued_on, days=n.answer_days, roll_over_holiday=False)
    if ctx.as_of <= earliest:
        if n.served_on is not None:
            ctx.names["answer_period_end"] = [_period_end_or_raw(n.served_on, n.answer_days).isoformat()]
        return False  # served no earlier than dated: the period cannot have run yet
    if n.served_on is None:
        return None
    try:
        end = periods.period_end(n.served_on, days=n.answer_days)
    except CalendarNotCovered:
        return None
    ctx.names["answer_period_end"] = [end.isoformat()]
    return ctx.as_of > end


def _period_end_or_raw(start: date, days: int) -> date:
    try:
        return periods.period_end(start, days=days)
    except CalendarNotCovered:
        return periods.period_end(start, days=days, roll_over_holiday=False)


@fact("具有破产原因的企业法人被执行人数", reads=WHO + ("respondents[].party.org_type", "respondents[].party.insolvent"))
def insolvent_enterprises(ctx: Context) -> Value:
    def insolvent(r: Respondent) -> bool | None:
        p = r.party
        if not isinstance(p, Organisation) or p.org_type != "enterprise_legal_person":
            return False
        return p.insolvent

    return _resp(ctx, "insolvent_enterprises", insolvent)


@fact("已征询当事人是否同意移送破产审查", reads=("bankruptcy.asked_on",))
def bankruptcy_inquiry_made(ctx: Context) -> Value:
    b = ctx.case.bankruptcy
    return b is not None and b.asked_on <= ctx.as_of


@fact(
    "申请执行人或被执行人同意移送破产审查",
    reads=("bankruptcy.asked_on", "bankruptcy.applicant_answer", "bankruptcy.respondent_answer"),
)
def bankruptcy_consent(ctx: Context) -> Value:
    b = ctx.case.bankruptcy
    if b is None or not ctx.on_time(b.asked_on):
        return False
    return "consent" in (b.applicant_answer, b.respondent_answer)


@fact("同意移送破产审查为书面同意", reads=("bankruptcy.written_consent",))
def bankruptcy_written_consent(ctx: Context) -> Value:
    b = ctx.case.bankruptcy
    return None if b is None else b.written_consent


@fact("已作出移送破产审查决定", reads=("bankruptcy.transfer_decided_on",))
def bankruptcy_transfer_decided(ctx: Context) -> Value:
    b = ctx.case.bankruptcy
    return b is not None and ctx.on_time(b.transfer_decided_on)


# ---------------------------------------------------------------- G 裁定书


@fact("已确定署名的审判人员", reads=("termination.judges",))
def judges_recorded(ctx: Context) -> Value:
    # 民事诉讼法第一百五十七条第三款：裁定书由审判人员、书记员署名
    return True if ctx.case.termination.judges else None  # not yet designated: 待补充


@fact("已确定书记员", reads=("termination.clerk",))
def clerk_recorded(ctx: Context) -> Value:
    return True if ctx.case.termination.clerk else None  # not yet designated: 待补充


@fact("已知已执行到位金额", reads=("claim.amount_recovered",))
def recovered_known(ctx: Context) -> Value:
    return ctx.case.claim.amount_recovered is not None


def _all(flags: list[bool | None]) -> bool | None:
    if not flags:
        return None
    if False in flags:
        return False
    return None if None in flags else True


# ---------------------------------------------------------------- what a rule has to judge
# A rule with nothing to judge is 不适用, never ✓: these counts are the applies_when of the
# rules that judge items of a list (restrictions, listings, clues, applications, assets).


@fact("已发出的限制消费令数", reads=RESTRICTIONS)
def restrictions_issued(ctx: Context) -> Value:
    return len(_dated(ctx, "consumption_restrictions"))


@fact("已受限制消费的自然人被执行人数", reads=WHO + RESTRICTIONS)
def persons_restricted(ctx: Context) -> Value:
    have = _by_respondent(ctx, "consumption_restrictions")
    return sum(isinstance(r.party, NaturalPerson) and r.party.id in have for r in ctx.case.respondents)


@fact("2017年5月1日以后作出的失信决定数", reads=LISTINGS)
def listings_since_2017(ctx: Context) -> Value:
    return len(_listings_since_2017(ctx))


@fact("2017年5月1日以后依第一条第一项作出的失信决定数", reads=LISTINGS + _m("dishonest_listings", "ground"))
def ground_one_listings(ctx: Context) -> Value:
    return sum(x.ground == 1 for x in _listings_since_2017(ctx))


@fact("应比较报告财产令与执行通知日期的被执行人数", reads=WHO + ("claim.claim_types",) + NOTICES + ORDERS)
def report_order_comparisons(ctx: Context) -> Value:
    # 财产调查规定第三条第一款：金钱债权执行中；执行通知发出于2017年5月1日以后
    if "money" not in ctx.case.claim.claim_types:
        return 0
    first = _first_notices(ctx)
    ordered = _by_respondent(ctx, "report_orders")

    def compared(r: Respondent) -> bool:
        notice = first.get(r.party.id)
        return (notice is not None or r.party.id in ordered) and (notice is None or notice >= CAICHAN_2017)

    return sum(compared(r) for r in ctx.case.respondents)


@fact("已发出报告财产令的被执行人数", reads=WHO + ORDERS)
def respondents_ordered_to_report(ctx: Context) -> Value:
    return sum(_ordered_to_report(ctx, r) for r in ctx.case.respondents)


@fact("报告了财产的被执行人数", reads=WHO + REPORTS + ORDERS)
def respondents_who_reported(ctx: Context) -> Value:
    # 终本规定第二条第（二）项“对被执行人报告的财产情况予以核查”: only a report is verified;
    # a respondent who did not report or refused leaves nothing to verify (B07/B08 judge that)
    def reported(r: Respondent) -> bool | None:
        reports = _reports(ctx, r)
        if not reports:
            if not _ordered_to_report(ctx, r):
                return False
            if ctx.recorder is not None:  # the answer to the order is what must be established
                ctx.recorder.need("measures.property_reports")
            return None
        return any(p.status not in ("none", "refused") for p in reports)

    return _resp(ctx, "respondents_who_reported", reported)


@fact("收到的具体财产线索数", reads=_m("clues", "concrete", "received_on"))
def concrete_clues(ctx: Context) -> Value:
    return sum(c.concrete and ctx.on_time(c.received_on) for c in ctx.case.measures.clues)


@fact("2017年5月1日以后收到申请执行人的具体财产线索数", reads=_m("clues", "concrete", "received_on", "source"))
def applicant_clues_since_2017(ctx: Context) -> Value:
    return sum(
        c.concrete and c.source == "applicant" and ctx.on_time(c.received_on) and c.received_on >= CAICHAN_2017
        for c in ctx.case.measures.clues
    )


@fact("收到的审计、悬赏申请数", reads=_m("investigation_applications", "received_on"))
def applications_received(ctx: Context) -> Value:
    return sum(ctx.on_time(a.received_on) for a in ctx.case.measures.investigation_applications)


@fact("2017年5月1日以后收到的审计、悬赏申请数", reads=_m("investigation_applications", "received_on"))
def applications_since_2017(ctx: Context) -> Value:
    return sum(
        ctx.on_time(a.received_on) and a.received_on >= CAICHAN_2017 for a in ctx.case.measures.investigation_applications
    )


@fact(
    "已进行的财产调查数（网络查询、现场调查、发现的财产）",
    reads=_m("network_inquiries", "requested_on") + _m("onsite_investigations", "date") + ("measures.assets",),
)
def property_investigations(ctx: Context) -> Value:
    # 终本规定第一条第（三）项“未发现可供执行的财产”是调查的结果：没有任何调查，就没有可判断的结果
    return (len(_dated(ctx, "network_inquiries")) + len(_dated(ctx, "onsite_investigations"))
            + len(ctx.case.measures.assets))


@fact("发起的网络查询数", reads=_m("network_inquiries", "requested_on"))
def inquiries_made(ctx: Context) -> Value:
    return len(_dated(ctx, "network_inquiries"))


@fact("已发现而未处置完毕的财产数", reads=_m("assets", "status"))
def assets_not_disposed(ctx: Context) -> Value:
    return sum(a.status != "disposed" for a in ctx.case.measures.assets)


@fact("已发现的财产数", reads=("measures.assets",))
def assets_found(ctx: Context) -> Value:
    return len(ctx.case.measures.assets)
