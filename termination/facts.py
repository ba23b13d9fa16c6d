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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from termination import periods
from termination.case import CaseRecord, NaturalPerson, Organisation, Respondent
from termination.errors import CalendarNotCovered

Value = bool | int | float | str | None

# 终本规定第三条第二项：存款、车辆及其他交通运输工具、不动产、有价证券
CORE_SCOPE = frozenset({"bank_deposit", "vehicle", "real_estate", "securities"})
# 系统校验第2项：人行、商业银行、互联网银行、证券、车辆、不动产、工商
SYSTEM_SCOPE = CORE_SCOPE | {"pboc", "internet_bank", "business_registration"}
# 系统校验第4项：金融理财产品、收益类保险、股息红利；自然人另查住房公积金
EXTENDED_SCOPE = frozenset({"wealth_management", "insurance", "dividends"})
REPORT_VIOLATIONS = frozenset({"none", "late", "refused", "false"})
INTERVIEW_ITEMS = ("execution_status", "investigation_measures", "property_status", "basis", "consequences")


@dataclass
class Context:
    """The case, the evaluation date and the names behind each count (for messages)."""

    case: CaseRecord
    as_of: date
    names: dict[str, list[str]] = field(default_factory=dict)

    def on_time(self, d: date | None) -> bool:
        """A measure counts only if it happened on or before ``as_of``."""
        return d is not None and d <= self.as_of

    def name(self, party_id: str) -> str:
        """Display name of a respondent id (or the id itself for other persons)."""
        for r in self.case.respondents:
            if r.party.id == party_id:
                return r.party.name
        return party_id


@dataclass(frozen=True)
class FactDef:
    """A derived fact: its name, Chinese label and how to compute it."""

    name: str
    label: str
    compute: Callable[[Context], Value]


FACTS: dict[str, FactDef] = {}


def fact(label: str) -> Callable[[Callable[[Context], Value]], Callable[[Context], Value]]:
    """Register a derived fact under the function's name."""

    def register(fn: Callable[[Context], Value]) -> Callable[[Context], Value]:
        FACTS[fn.__name__] = FactDef(fn.__name__, label, fn)
        return fn

    return register


def derive(case: CaseRecord, as_of: date) -> tuple[dict[str, Value], dict[str, list[str]]]:
    """Compute every fact; return ``(facts, names)`` where ``names`` lists who fails each count."""
    ctx = Context(case, as_of)
    return {name: d.compute(ctx) for name, d in FACTS.items()}, ctx.names


def _count(ctx: Context, key: str, items: Iterable[tuple[str, bool | None]]) -> int | None:
    """Kleene count of failing items; remembers the failing labels under ``key``."""
    failing: list[str] = []
    unknown = False
    for label, fails in items:
        if fails is None:
            unknown = True
        elif fails:
            failing.append(label)
    ctx.names[key] = failing
    if failing:
        return len(failing)
    return None if unknown else 0


def _resp(ctx: Context, key: str, test: Callable[[Respondent], bool | None]) -> int | None:
    return _count(ctx, key, ((r.party.name, test(r)) for r in ctx.case.respondents))


def _ids(items: Iterable[Any], ctx: Context, attr: str = "issued_on") -> set[str]:
    return {i.respondent for i in items if ctx.on_time(getattr(i, attr))}


def _is_minor(r: Respondent, on: date) -> bool | None:
    p = r.party
    if isinstance(p, Organisation):
        return False
    if p.birth_date is None:
        return None
    return periods.add_years(p.birth_date, 18) > on


# ---------------------------------------------------------------- A 适用范围


@fact("执行标的包含金钱或财物给付")
def claim_enforceable_type(ctx: Context) -> Value:
    return bool({"money", "property"} & set(ctx.case.claim.claim_types))


@fact("被执行人均为已死亡的自然人")
def all_respondents_deceased(ctx: Context) -> Value:
    flags = [False if isinstance(r.party, Organisation) else r.party.deceased for r in ctx.case.respondents]
    if False in flags:
        return False
    return None if None in flags else True


@fact("未执行到位金额（元）")
def outstanding_amount(ctx: Context) -> Value:
    out = ctx.case.claim.outstanding
    return None if out is None else float(out)


@fact("自立案之日起已超过三个月")
def three_months_elapsed(ctx: Context) -> Value:
    # 终本规定第一条第（四）项；期间开始之日不计算在内（民事诉讼法第八十五条）
    return periods.elapsed(ctx.case.filing_date, ctx.as_of, months=3)


@fact("最早可以终本的日期")
def earliest_termination_date(ctx: Context) -> Value:
    return (periods.add_months(ctx.case.filing_date, 3) + timedelta(days=1)).isoformat()


# ---------------------------------------------------------------- B 执行通知与报告财产


@fact("未发出执行通知的被执行人数")
def respondents_without_notice(ctx: Context) -> Value:
    have = _ids(ctx.case.measures.enforcement_notices, ctx)
    return _resp(ctx, "respondents_without_notice", lambda r: r.party.id not in have)


@fact("收到申请执行书至发出执行通知的天数")
def notice_delay_days(ctx: Context) -> Value:
    received = ctx.case.application_received_on
    issued = [n.issued_on for n in ctx.case.measures.enforcement_notices if ctx.on_time(n.issued_on)]
    if received is None or not issued:
        return None
    return (min(issued) - received).days


@fact("执行通知均载明迟延履行利息或迟延履行金")
def notices_name_delay_interest(ctx: Context) -> Value:
    flags = [n.names_delay_interest for n in ctx.case.measures.enforcement_notices]
    return _all(flags)


@fact("执行通知均载明失信风险提示")
def notices_dishonest_warning(ctx: Context) -> Value:
    return _all([n.dishonest_warning for n in ctx.case.measures.enforcement_notices])


@fact("未发出报告财产令的被执行人数")
def respondents_without_report_order(ctx: Context) -> Value:
    have = _ids(ctx.case.measures.report_orders, ctx)
    return _resp(ctx, "respondents_without_report_order", lambda r: r.party.id not in have)


@fact("报告财产令未与执行通知同时发出的被执行人数")
def report_orders_not_with_notice(ctx: Context) -> Value:
    m = ctx.case.measures

    def late(r: Respondent) -> bool | None:
        notices = [n.issued_on for n in m.enforcement_notices if n.respondent == r.party.id]
        orders = [o.issued_on for o in m.report_orders if o.respondent == r.party.id]
        if not notices or not orders:
            return None
        return min(orders) != min(notices)

    return _resp(ctx, "report_orders_not_with_notice", late)


def _report_status(ctx: Context, r: Respondent) -> str | None:
    reports = [p for p in ctx.case.measures.property_reports if p.respondent == r.party.id]
    return reports[-1].status if reports else None


@fact("已报告财产但未经核查的被执行人数")
def reports_unverified(ctx: Context) -> Value:
    def unverified(r: Respondent) -> bool | None:
        reports = [p for p in ctx.case.measures.property_reports if p.respondent == r.party.id]
        if not reports:
            return None
        return any(p.status != "none" and p.status != "refused" and not ctx.on_time(p.verified_on) for p in reports)

    return _resp(ctx, "reports_unverified", unverified)


@fact("违反财产报告制度的被执行人数")
def report_violators(ctx: Context) -> Value:
    def violates(r: Respondent) -> bool | None:
        status = _report_status(ctx, r)
        return None if status is None else status in REPORT_VIOLATIONS

    return _resp(ctx, "report_violators", violates)


def _violators(ctx: Context) -> list[Respondent]:
    return [r for r in ctx.case.respondents if _report_status(ctx, r) in REPORT_VIOLATIONS]


@fact("违反财产报告制度而未受罚款、拘留的被执行人数")
def report_violators_unsanctioned(ctx: Context) -> Value:
    sanctioned = {
        s.target for s in ctx.case.measures.sanctions if s.reason == "report_violation" and ctx.on_time(s.decided_on)
    }
    return _count(ctx, "report_violators_unsanctioned", ((r.party.name, r.party.id not in sanctioned) for r in _violators(ctx)))


@fact("违反财产报告制度而未纳入失信名单的被执行人数")
def report_violators_unlisted(ctx: Context) -> Value:
    listed = _ids(ctx.case.measures.dishonest_listings, ctx, "decided_on")
    return _count(
        ctx,
        "report_violators_unlisted",
        ((r.party.name, r.party.id not in listed and _is_minor(r, ctx.as_of) is not True) for r in _violators(ctx)),
    )


# ---------------------------------------------------------------- C 限制消费与失信


@fact("未发出限制消费令的被执行人数")
def respondents_without_restriction(ctx: Context) -> Value:
    have = _ids(ctx.case.measures.consumption_restrictions, ctx)
    return _resp(ctx, "respondents_without_restriction", lambda r: r.party.id not in have)


@fact("未经院长签发的限制消费令数")
def restrictions_unsigned(ctx: Context) -> Value:
    items = ctx.case.measures.consumption_restrictions
    return _count(
        ctx, "restrictions_unsigned",
        ((ctx.name(c.respondent), None if c.signed_by_president is None else not c.signed_by_president) for c in items),
    )


@fact("单位被执行人数")
def organisation_respondents(ctx: Context) -> Value:
    return sum(isinstance(r.party, Organisation) for r in ctx.case.respondents)


@fact("限制消费令未列明法定代表人等人员的单位被执行人数")
def org_restrictions_unbound(ctx: Context) -> Value:
    m = ctx.case.measures

    def unbound(r: Respondent) -> bool | None:
        if not isinstance(r.party, Organisation):
            return False
        orders = [c for c in m.consumption_restrictions if c.respondent == r.party.id]
        return None if not orders else not any(c.bound_persons for c in orders)

    return _resp(ctx, "org_restrictions_unbound", unbound)


@fact("终本前限制消费令已被解除的自然人被执行人数")
def restrictions_lifted_early(ctx: Context) -> Value:
    m = ctx.case.measures

    def lifted(r: Respondent) -> bool | None:
        if not isinstance(r.party, NaturalPerson):
            return False
        orders = [c for c in m.consumption_restrictions if c.respondent == r.party.id and ctx.on_time(c.issued_on)]
        if not orders:
            return False  # counted by respondents_without_restriction
        active = [c for c in orders if c.lifted_on is None or c.lifted_on > ctx.as_of]
        lawful = [c for c in orders if c.lift_reason in ("security", "applicant_consent")]
        return not active and not lawful

    return _resp(ctx, "restrictions_lifted_early", lifted)


def _dishonest_grounds(ctx: Context, r: Respondent) -> set[int] | None:
    """Grounds of 失信规定第一条 the respondent meets, or None if not assessed."""
    derived: set[int] = set()
    if _report_status(ctx, r) in REPORT_VIOLATIONS:
        derived.add(4)  # 第一条第（四）项 违反财产报告制度
    if any(o.by == r.party.id and ctx.on_time(o.date) for o in ctx.case.measures.obstructions):
        derived.add(2)  # 第一条第（二）项 以暴力、威胁等方法妨碍、抗拒执行
    if r.dishonest_grounds is None:
        return derived or None
    grounds = derived | set(r.dishonest_grounds)
    if 1 in grounds and (r.security_provided or r.subsidiary_liability):
        grounds.discard(1)  # 失信规定第三条
    return grounds


@fact("符合失信条件而未纳入失信名单的被执行人数")
def dishonest_eligible_unlisted(ctx: Context) -> Value:
    listed = _ids(ctx.case.measures.dishonest_listings, ctx, "decided_on")

    def unlisted(r: Respondent) -> bool | None:
        if r.party.id in listed:
            return False
        grounds = _dishonest_grounds(ctx, r)
        if grounds is None:
            return None
        if not grounds:
            return False
        minor = _is_minor(r, ctx.as_of)
        return None if minor is None else not minor  # 失信规定第四条：不得纳入未成年人

    return _resp(ctx, "dishonest_eligible_unlisted", unlisted)


@fact("依法不得纳入而被纳入失信名单的数量")
def unlawful_listings(ctx: Context) -> Value:
    def unlawful(listing: Any) -> bool | None:
        r = ctx.case.respondent(listing.respondent)
        minor = _is_minor(r, listing.decided_on)
        exempt = listing.ground == 1 and bool(r.security_provided or r.subsidiary_liability)
        if minor or exempt:
            return True
        return None if minor is None else False

    items = ctx.case.measures.dishonest_listings
    return _count(ctx, "unlawful_listings", ((ctx.name(x.respondent), unlawful(x)) for x in items if ctx.on_time(x.decided_on)))


@fact("未送达的失信决定书数")
def listings_unserved(ctx: Context) -> Value:
    items = ctx.case.measures.dishonest_listings
    return _count(ctx, "listings_unserved", ((ctx.name(x.respondent), not ctx.on_time(x.served_on)) for x in items))


@fact("失信期限不符合规定的决定数")
def listings_bad_period(ctx: Context) -> Value:
    def bad(x: Any) -> bool:
        # 失信规定第二条：第二至六项为二年，可延长一至三年；第一项不设期限
        if x.ground == 1:
            return x.period_years is not None
        return x.period_years is None or not 2 <= x.period_years <= 5

    return _count(ctx, "listings_bad_period", ((ctx.name(x.respondent), bad(x)) for x in ctx.case.measures.dishonest_listings))


# ---------------------------------------------------------------- D 财产调查


def _inquiries(ctx: Context, r: Respondent) -> list[Any]:
    return [q for q in ctx.case.measures.network_inquiries if q.respondent == r.party.id and ctx.on_time(q.requested_on)]


@fact("未经网络执行查控系统查询的被执行人数")
def respondents_without_network_inquiry(ctx: Context) -> Value:
    return _resp(ctx, "respondents_without_network_inquiry", lambda r: not _inquiries(ctx, r))


def _system_exempt(r: Respondent) -> bool:
    # 系统校验第2项例外：村（居）委会、业委会、分公司等无组织机构代码的主体
    p = r.party
    return isinstance(p, Organisation) and p.org_type in ("autonomous_body", "branch") and not p.credit_code


@fact("终本前三个月内未经总对总全面查询的被执行人数")
def respondents_without_fresh_full_inquiry(ctx: Context) -> Value:
    def stale(r: Respondent) -> bool:
        if _system_exempt(r):
            return False
        window = ctx.as_of - timedelta(days=91)
        scope: set[str] = set()
        for q in _inquiries(ctx, r):
            if q.system == "总对总" and q.requested_on >= window:
                scope |= set(q.scope)
        return not SYSTEM_SCOPE <= scope

    return _resp(ctx, "respondents_without_fresh_full_inquiry", stale)


def _missing_core(ctx: Context, r: Respondent) -> bool:
    scope = {s for q in _inquiries(ctx, r) for s in q.scope}
    return not CORE_SCOPE <= scope


@fact("网络查询未覆盖存款、车辆、不动产、证券的被执行人数")
def respondents_missing_core_scope(ctx: Context) -> Value:
    return _resp(ctx, "respondents_missing_core_scope", lambda r: _missing_core(ctx, r))


@fact("网络查询未覆盖且未进行现场调查的被执行人数")
def core_gaps_without_onsite(ctx: Context) -> Value:
    onsite = _ids(ctx.case.measures.onsite_investigations, ctx, "date")
    return _resp(ctx, "core_gaps_without_onsite", lambda r: _missing_core(ctx, r) and r.party.id not in onsite)


@fact("未核查的具体财产线索数")
def clues_unverified(ctx: Context) -> Value:
    items = [c for c in ctx.case.measures.clues if c.concrete and ctx.on_time(c.received_on)]
    return _count(ctx, "clues_unverified", ((c.description or c.id, not ctx.on_time(c.verified_on)) for c in items))


@fact("超过七日（紧急三日）核查的财产线索数")
def clues_verified_late(ctx: Context) -> Value:
    def late(c: Any) -> bool | None:
        try:
            # 财产调查规定第二条第二款：七日内核查，情况紧急的三日内
            deadline = periods.period_end(c.received_on, days=3 if c.urgent else 7)
        except CalendarNotCovered:
            return None
        done = c.verified_on if ctx.on_time(c.verified_on) else None
        return (done or ctx.as_of) > deadline  # unverified and past the deadline is late too

    items = [c for c in ctx.case.measures.clues if c.concrete and ctx.on_time(c.received_on)]
    return _count(ctx, "clues_verified_late", ((c.description or c.id, late(c)) for c in items))


@fact("传统查控措施（现场调查、搜查、悬赏、审计）数")
def traditional_measures(ctx: Context) -> Value:
    m = ctx.case.measures
    return (
        sum(ctx.on_time(o.date) for o in m.onsite_investigations)
        + sum(ctx.on_time(s.date) for s in m.searches)
        + sum(ctx.on_time(a.carried_out_on) for a in m.investigation_applications)
    )


@fact("未调查公积金、理财、保险、股息红利的被执行人数")
def respondents_missing_extended_scope(ctx: Context) -> Value:
    def missing(r: Respondent) -> bool:
        scope = {s for q in _inquiries(ctx, r) for s in q.scope}
        scope |= {s for o in ctx.case.measures.onsite_investigations if o.respondent == r.party.id for s in o.items}
        need = EXTENDED_SCOPE | ({"housing_fund"} if isinstance(r.party, NaturalPerson) else set())
        return not need <= scope

    return _resp(ctx, "respondents_missing_extended_scope", missing)


@fact("隐匿财产、会计账簿且拒不交出的被执行人数")
def concealing_respondents(ctx: Context) -> Value:
    return _resp(ctx, "concealing_respondents", lambda r: r.concealment)


@fact("隐匿财产而未搜查的被执行人数")
def concealing_without_search(ctx: Context) -> Value:
    searched = _ids(ctx.case.measures.searches, ctx, "date")
    return _resp(ctx, "concealing_without_search", lambda r: None if r.concealment is None else r.concealment and r.party.id not in searched)


@fact("尚未处理完毕的审计、悬赏申请数")
def applications_pending(ctx: Context) -> Value:
    def pending(a: Any) -> bool | None:
        if not ctx.on_time(a.decided_on):
            return True
        if a.granted is None:
            return None
        return a.granted and not ctx.on_time(a.carried_out_on)

    items = [a for a in ctx.case.measures.investigation_applications if ctx.on_time(a.received_on)]
    return _count(ctx, "applications_pending", (({"audit": "审计", "reward": "悬赏"}[a.kind], pending(a)) for a in items))


@fact("超过十日作出决定的审计、悬赏申请数")
def applications_decided_late(ctx: Context) -> Value:
    def late(a: Any) -> bool | None:
        if a.decided_on is None:
            return False
        try:
            # 财产调查规定第十七条、第二十一条：收到申请后十日内决定
            return a.decided_on > periods.period_end(a.received_on, days=10)
        except CalendarNotCovered:
            return None

    items = ctx.case.measures.investigation_applications
    return _count(ctx, "applications_decided_late", (({"audit": "审计", "reward": "悬赏"}[a.kind], late(a)) for a in items))


@fact("未经调查询问且非下落不明的被执行人数")
def respondents_not_questioned(ctx: Context) -> Value:
    asked = _ids(ctx.case.measures.interrogations, ctx, "date")

    def not_asked(r: Respondent) -> bool | None:
        if r.party.id in asked:
            return False
        return None if r.party.missing is None else not r.party.missing

    return _resp(ctx, "respondents_not_questioned", not_asked)


@fact("尚未反馈的网络查询数")
def inquiries_without_feedback(ctx: Context) -> Value:
    items = [q for q in ctx.case.measures.network_inquiries if ctx.on_time(q.requested_on)]
    return _count(ctx, "inquiries_without_feedback", ((f"{ctx.name(q.respondent)}{q.system}", not ctx.on_time(q.feedback_on)) for q in items))


@fact("尚未处置的可供执行财产数")
def assets_disposable_remaining(ctx: Context) -> Value:
    items = ctx.case.measures.assets
    return _count(ctx, "assets_disposable_remaining", ((a.description, a.status in ("undisposed", "disposing")) for a in items))


@fact("不符合“财产不能处置”法定情形的财产数")
def assets_nondisposable_unlawful(ctx: Context) -> Value:
    def unlawful(a: Any) -> bool | None:
        # 终本规定第四条：(一) 依法拍卖、变卖不成，申请执行人不接受抵债，且不能强制管理；
        #                (二) 车辆、船舶等已查封但未能实际扣押
        if a.type in ("vehicle", "ship") and a.physically_seized is False:
            return False
        failed = any(d.outcome == "failed" for d in a.disposal_attempts)
        if not failed:
            return True
        if a.accepted_in_lieu is None or a.management_possible is None:
            return None
        return a.accepted_in_lieu or a.management_possible

    items = [a for a in ctx.case.measures.assets if a.status == "not_disposable"]
    return _count(ctx, "assets_nondisposable_unlawful", ((a.description, unlawful(a)) for a in items))


@fact("未记录不能处置原因的财产数（小额存款除外）")
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


@fact("可供处置而未查封、扣押、冻结的财产数")
def assets_unseized(ctx: Context) -> Value:
    items = [a for a in ctx.case.measures.assets if a.status in ("undisposed", "disposing")]
    return _count(ctx, "assets_unseized", ((a.description, None if a.seized is None else not a.seized) for a in items))


# ---------------------------------------------------------------- E 下落不明与妨害执行


@fact("下落不明的被执行人数")
def missing_respondents(ctx: Context) -> Value:
    return _resp(ctx, "missing_respondents", lambda r: r.party.missing)


@fact("下落不明而未依法查找的被执行人数")
def missing_without_locate(ctx: Context) -> Value:
    located = _ids(ctx.case.measures.locate_efforts, ctx, "date")
    return _resp(
        ctx, "missing_without_locate",
        lambda r: None if r.party.missing is None else r.party.missing and r.party.id not in located,
    )


def _obstructions(ctx: Context) -> list[Any]:
    return [o for o in ctx.case.measures.obstructions if ctx.on_time(o.date)]


@fact("妨害执行行为数")
def obstructions(ctx: Context) -> Value:
    return len(_obstructions(ctx))


@fact("未依法采取罚款、拘留的妨害执行行为数")
def obstructions_unsanctioned(ctx: Context) -> Value:
    sanctions = [s for s in ctx.case.measures.sanctions if s.reason == "obstruction" and ctx.on_time(s.decided_on)]

    def unsanctioned(o: Any) -> bool:
        return not any(s.target == o.by and s.decided_on >= o.date for s in sanctions)

    return _count(ctx, "obstructions_unsanctioned", ((f"{ctx.name(o.by)}：{o.description}", unsanctioned(o)) for o in _obstructions(ctx)))


@fact("达到拒执罪标准的妨害执行行为数")
def criminal_obstructions(ctx: Context) -> Value:
    return _count(ctx, "criminal_obstructions", ((ctx.name(o.by), o.criminal_threshold_met) for o in _obstructions(ctx)))


@fact("达到拒执罪标准而未启动刑事追究的行为数")
def criminal_unreferred(ctx: Context) -> Value:
    referred = {s.target for s in ctx.case.measures.sanctions if s.type == "criminal_referral" and ctx.on_time(s.decided_on)}
    items = [o for o in _obstructions(ctx) if o.criminal_threshold_met]
    return _count(ctx, "criminal_unreferred", ((ctx.name(o.by), o.by not in referred) for o in items))


# ---------------------------------------------------------------- F 约谈与审批


@fact("终本前已约谈申请执行人")
def interview_held(ctx: Context) -> Value:
    i = ctx.case.interview
    return i is not None and i.date <= ctx.as_of


@fact("约谈日期晚于终本裁定日期")
def interview_after_ruling(ctx: Context) -> Value:
    i = ctx.case.interview
    return i is not None and i.date > ctx.as_of


@fact("约谈中未告知的法定事项数")
def interview_items_missing(ctx: Context) -> Value:
    i = ctx.case.interview
    if i is None or not i.items_told:
        return None
    missing = [item for item in INTERVIEW_ITEMS if item not in i.items_told]
    ctx.names["interview_items_missing"] = missing
    return len(missing)


@fact("已记录申请执行人的意见")
def interview_opinion_recorded(ctx: Context) -> Value:
    i = ctx.case.interview
    return None if i is None else bool(i.opinion) or i.agrees is not None


@fact("已记录申请执行人是否同意终本")
def interview_agreement_recorded(ctx: Context) -> Value:
    i = ctx.case.interview
    return None if i is None else i.agrees is not None


@fact("约谈笔录已签名")
def interview_record_signed(ctx: Context) -> Value:
    i = ctx.case.interview
    return None if i is None else i.record_signed


@fact("被约谈人为申请执行人本人、法定代表人或特别授权代理人")
def interviewee_authorised(ctx: Context) -> Value:
    i = ctx.case.interview
    if i is None:
        return None
    return True if i.capacity != "agent" else i.special_authority


@fact("已记录约谈人")
def interviewer_recorded(ctx: Context) -> Value:
    i = ctx.case.interview
    return None if i is None else bool(i.interviewer)


@fact("申请执行人申请终本")
def applicant_requested(ctx: Context) -> Value:
    return ctx.case.termination.applicant_requested


@fact("申请执行人已签字确认终本")
def signed_confirmation(ctx: Context) -> Value:
    c = ctx.case.approval.applicant_confirmation
    return c is not None and c.signed_on <= ctx.as_of


@fact("已经合议庭审查核实")
def collegial_review(ctx: Context) -> Value:
    c = ctx.case.approval.collegial_review
    return c is not None and c.date <= ctx.as_of


@fact("已经院长批准")
def president_approval(ctx: Context) -> Value:
    p = ctx.case.approval.president_approval
    return p is not None and p.date <= ctx.as_of


@fact("具有破产原因的企业法人被执行人数")
def insolvent_enterprises(ctx: Context) -> Value:
    def insolvent(r: Respondent) -> bool | None:
        p = r.party
        if not isinstance(p, Organisation) or p.org_type != "enterprise_legal_person":
            return False
        return p.insolvent

    return _resp(ctx, "insolvent_enterprises", insolvent)


@fact("已征询当事人是否同意移送破产审查")
def bankruptcy_inquiry_made(ctx: Context) -> Value:
    b = ctx.case.bankruptcy
    return b is not None and b.asked_on <= ctx.as_of


@fact("申请执行人或被执行人同意移送破产审查")
def bankruptcy_consent(ctx: Context) -> Value:
    b = ctx.case.bankruptcy
    if b is None:
        return False
    return "consent" in (b.applicant_answer, b.respondent_answer)


@fact("同意移送破产审查为书面同意")
def bankruptcy_written_consent(ctx: Context) -> Value:
    b = ctx.case.bankruptcy
    return None if b is None else b.written_consent


@fact("已作出移送破产审查决定")
def bankruptcy_transfer_decided(ctx: Context) -> Value:
    b = ctx.case.bankruptcy
    return b is not None and ctx.on_time(b.transfer_decided_on)


# ---------------------------------------------------------------- G 裁定书


@fact("署名审判人员与审批路径一致")
def signatories_match_route(ctx: Context) -> Value:
    judges = ctx.case.termination.judges
    review = ctx.case.approval.collegial_review
    if not judges:
        return None
    if review is not None:
        # 合议庭审查的，由合议庭成员署名（民事诉讼法第一百五十七条第三款）
        return len(judges) >= 3 and set(judges) <= set(review.members)
    if ctx.case.approval.applicant_confirmation is not None:
        return True  # 申请执行人签字确认的，可由承办人独任署名
    return None


@fact("已确定书记员")
def clerk_recorded(ctx: Context) -> Value:
    return bool(ctx.case.termination.clerk)


@fact("已知已执行到位金额")
def recovered_known(ctx: Context) -> Value:
    return ctx.case.claim.amount_recovered is not None


def _all(flags: list[bool | None]) -> bool | None:
    if not flags:
        return None
    if False in flags:
        return False
    return None if None in flags else True
