"""The court's obligations after a 终本 ruling, computed from the case record.

**One period rule.** Every period follows :mod:`termination.periods` (民事诉讼法第八十五条: the
first day is not counted; months run to the corresponding day, or the month's end; a period
ending on a rest day ends on the next working day). ``due`` is then the legal last day
(``due_basis="legal_last_day"``), and ``deadline`` repeats it. This holds for the six-monthly
inquiries of 终本规定第九条第二款 too: period k ends ruling + 6k months (each computed from the
ruling, no drift) moved off rest days, and the windows ``(end k-1, end k]`` tile the five
years, so an inquiry on a working Sunday after a Saturday due date is in time. Two kinds of
due date are reminders instead, and say so:

* **Seizure renewals** (民诉法解释（2022）第四百八十五条、2015/2020 text 第四百八十七条, second
  paragraph: "在查封、扣押、冻结期限届满前办理续行"): the measure lapses at the end of its
  expiry day (查封扣押冻结规定（2020）第二十七条), which is ``deadline`` and is never rolled
  over; ``due`` is the last working day on or before it (the bank or registry acts on working
  days), ``due_basis="before_deadline"`` when earlier. A recorded term longer than the legal
  maximum (deposits 1 year, movables 2, real estate and other rights 3; 第一款) is renewed by the
  maximum, counted from the start day as a 协助执行通知书 states it (the earliest reading).
* **Duties without a period** ("及时" resumption, lifting a 限制消费令, 告知查询结果) get a
  reminder date (``due_basis="no_legal_period"``) that ``note`` explains.

Dates in a year whose holiday schedule the State Council has not published are computed from
the provisional schedule (:mod:`termination.holidays`) and marked ``provisional``; a finding
judged against such a date is marked too. Facts dated after ``as_of`` are treated as not yet
happened. Conflicts in the record become :class:`RecordFinding` rows, each also carried as a
warning on the obligation it concerns; nothing here raises on a valid :class:`CaseRecord`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from termination.case import CASE_NUMBER_RE, CaseRecord, PostInquiry, PostTermination, Seizure
from termination import editions, holidays
from termination.errors import CalendarNotCovered, InputError
from termination.obligations.models import (
    KIND_ORDER,
    CalendarReport,
    CaseObligations,
    DueBasis,
    HolidayYear,
    Kind,
    Obligation,
    RecordFinding,
    Status,
)
from termination.periods import (
    LegalDay,
    add_months,
    add_years,
    last_workday_on_or_before,
    legal_period_end,
)

NOT_COVERED = "节假日数据未覆盖，未作顺延"
PROVISIONAL_NOTE = (
    "所涉年度国务院尚未公布放假安排，节假日按《全国年节及纪念日放假办法》推算（未含调休、补假），"
    "待国务院公布放假安排后复核"
)
_FIELD_PREFIX = re.compile(r"^(?P<field>[a-z_]+(?:\.[a-z_]+|\[\d+\])*)：(?P<rest>.*)$", re.S)
PROVISIONAL_FINDING = "（所用期限按推算的节假日计算，待国务院公布放假安排后复核）"
UNVERIFIED = "条文序号未核实，办理前请核对官方文本"

CITE_DB_ENTRY = "《终本规定》（终本案件信息库条款，条文序号未核实）"
CITE_DB_REMOVAL = "《终本规定》（终本案件信息库屏蔽条款，条文序号未核实）"
CITE_INQUIRY = "《终本规定》第九条第二款"
CITE_SEIZURE_LAPSE = "《查封扣押冻结规定》第二十七条"
CITE_LIFT = "《限高规定》第九条"

INQUIRY_PERIODS = 10  # 五年内每六个月一次
INQUIRY_MONTHS = 6

# 民诉法解释（2022）第四百八十五条第一款: (measure, asset, maximum term in years)
SEIZURE_TERMS: dict[str, tuple[str, str, int]] = {
    "bank_deposit": ("冻结", "银行存款", 1),
    "movable": ("查封、扣押", "动产", 2),
    "real_estate": ("查封", "不动产", 3),
    "other_right": ("冻结", "其他财产权", 3),
}


class Due(NamedTuple):
    """A computed due date: the date, whether it is provisional, and how it was computed."""

    day: date
    provisional: bool
    note: str | None


def _deadline(start: date, *, days: int = 0, months: int = 0, working_days: int = 0) -> Due:
    """Legal last day of a period after ``start`` (民事诉讼法第八十五条, holiday roll-over)."""
    try:
        end: LegalDay = legal_period_end(
            start, days=days, months=months, working_days=working_days
        )
    except CalendarNotCovered:
        # No schedule, not even a provisional one (before 2004 or after 2100): calendar days.
        if months:
            return Due(add_months(start, months), False, NOT_COVERED)
        return Due(start + timedelta(days=days or working_days), False, NOT_COVERED)
    return Due(end.day, end.provisional, PROVISIONAL_NOTE if end.provisional else None)


def _renewal_due(expiry: date) -> Due:
    """Last working day on or before ``expiry`` (no roll-over: the measure lapses at expiry)."""
    try:
        day, provisional = last_workday_on_or_before(expiry)
    except CalendarNotCovered:
        return Due(expiry, False, f"{NOT_COVERED}（按期限届满日提示，请核对届满前最后一个工作日）")
    notes = [PROVISIONAL_NOTE] if provisional else []
    if day != expiry:
        notes.insert(
            0,
            f"期限届满日{expiry.isoformat()}为休息日，届满不顺延，提示日提前至届满前最后一个工作日",
        )
    return Due(day, provisional, "；".join(notes) or None)


def status_of(
    due: date | None,
    done_on: date | None,
    as_of: date,
    soon_days: int,
    deadline: date | None = None,
) -> Status:
    """done / overdue (the legal last day has passed) / due_soon (the due date is within
    ``soon_days``, today included, or has passed while the legal last day has not) / open."""
    if done_on is not None:
        return "done"
    if due is None:
        return "not_yet_computable"
    if (deadline or due) < as_of:
        return "overdue"
    if due <= as_of + timedelta(days=soon_days):
        return "due_soon"
    return "open"


def _jieshi_517(on: date) -> str:
    # 民诉法解释 终本条文第二款 (申请恢复执行): its number by edition (rulesets/articles.yaml);
    # a date before the first edition keeps the first edition's number.
    found = editions.find("zhongben_basis", on) or editions.history("zhongben_basis")[0]
    return f"{found.text}第二款"


class _Builder:
    """Collects the obligations and findings of one case."""

    def __init__(self, case: CaseRecord, as_of: date, soon_days: int) -> None:
        self.case = case
        self.as_of = as_of
        self.soon_days = soon_days
        self.ruling = case.termination.proposed_date
        self.obligations: list[Obligation] = []
        self.findings: list[RecordFinding] = []
        post = case.post or PostTermination()
        self.post = post
        self.entered = self.known(post.database_entered_on)
        self.removed = self.known(post.database_removed_on)
        self.performed = self.after_ruling(
            post.fully_performed_on, "post.fully_performed_on", "全部履行日期"
        )
        self.resumed = self.after_ruling(post.resumed_on, "post.resumed_on", "恢复执行日期")
        self.clue = self.after_ruling(
            post.new_clue_received_on, "post.new_clue_received_on", "收到财产线索日期"
        )
        self.inquiries = self._post_inquiries(post.inquiries)

    # -- facts ------------------------------------------------------------

    def known(self, d: date | None) -> date | None:
        """A recorded date counts only once it has happened (on or before ``as_of``)."""
        return d if d is not None and d <= self.as_of else None

    def after_ruling(self, d: date | None, field: str, label: str) -> date | None:
        """A post-终本 date; one before the ruling is a record conflict and is ignored."""
        d = self.known(d)
        if d is not None and d < self.ruling:
            self.finding(
                "date_before_ruling",
                f"{field}：{label}（{d}）早于终本裁定日期（{self.ruling}），未予采用",
            )
            return None
        return d

    def _post_inquiries(self, inquiries: Iterable[PostInquiry]) -> list[PostInquiry]:
        counted: list[PostInquiry] = []
        for i, inq in enumerate(inquiries):
            if self.known(inq.date) is None:
                continue
            if inq.notified_applicant_on is not None and inq.notified_applicant_on < inq.date:
                self.finding(
                    "notice_before_inquiry",
                    f"post.inquiries[{i}]：告知申请执行人日期"
                    f"（{inq.notified_applicant_on}）早于查询日期（{inq.date}）",
                )
            if inq.date <= self.ruling:
                # 第九条第二款：“终结本次执行程序后”的查询才计入；裁定当日（期间开始之日）不计入
                self.finding(
                    "inquiry_before_ruling",
                    f"post.inquiries[{i}]：终本后查询日期（{inq.date}）"
                    f"不晚于终本裁定日期（{self.ruling}），不计入终本后每六个月的查询",
                )
                continue
            counted.append(inq)
        return sorted(counted, key=lambda q: q.date)

    # -- output -----------------------------------------------------------

    def finding(
        self,
        code: str,
        message: str,
        *,
        kind: Kind | None = None,
        ref: str | None = None,
        provisional: bool = False,
    ) -> None:
        """A record problem; ``kind``/``ref`` tie it to the obligation it concerns. A leading
        ``field.path：`` goes to ``field`` so the message people read names no field."""
        field = None
        match = _FIELD_PREFIX.match(message)
        if match:
            field, message = match["field"], match["rest"]
        self.findings.append(
            RecordFinding(
                case_number=self.case.case_number,
                code=code,
                field=field,
                message=message + (PROVISIONAL_FINDING if provisional else ""),
                kind=kind,
                ref=ref,
                provisional=provisional,
            )
        )

    def add(
        self,
        kind: Kind,
        title: str,
        due: Due | None,
        done_on: date | None,
        requirement: str,
        citation: str,
        *notes: str | None,
        ref: str | None = None,
        basis: DueBasis = "legal_last_day",
        deadline: date | None = None,
    ) -> None:
        """One obligation; ``deadline`` defaults to ``due`` for a legal last day."""
        done_on = self.known(done_on)
        day = due.day if due else None
        if basis == "legal_last_day":
            deadline = day
        elif basis == "before_deadline" and deadline == day:
            basis = "legal_last_day"
        seq = 1 + sum(1 for o in self.obligations if o.kind == kind and o.ref == ref)
        self.obligations.append(
            Obligation(
                case_number=self.case.case_number,
                court=self.case.court,
                judge=self.case.judge,
                kind=kind,
                ref=ref,
                seq=seq,
                title=title,
                due=day,
                due_basis=basis if day else None,
                deadline=deadline,
                provisional=bool(due and due.provisional),
                status=status_of(day, done_on, self.as_of, self.soon_days, deadline),
                done_on=done_on,
                requirement=requirement,
                citation=citation,
                note="；".join(dict.fromkeys(n for n in (*notes, due and due.note) if n)) or None,
            )
        )

    def with_warnings(self) -> list[Obligation]:
        """The obligations, each carrying the findings that concern it."""
        out = []
        for o in self.obligations:
            mine = [f.message for f in self.findings if f.kind == o.kind and f.ref == o.ref]
            out.append(o.model_copy(update={"warnings": mine}) if mine else o)
        return out

    # -- obligations ------------------------------------------------------

    def database_entry(self) -> None:
        # 终本规定（信息库条款，序号未核实）：裁定书送达申请执行人后七日内纳入终本案件信息库
        served = self.case.termination.served_on
        due = None if served is None else _deadline(served, days=7)
        self.add(
            "database_entry",
            "将案件纳入终本案件信息库（裁定书送达申请执行人后七日内）",
            due,
            self.entered,
            "R-2016-DB-1",
            CITE_DB_ENTRY,
            "裁定书送达申请执行人日期未记录，无法计算七日期限" if due is None else None,
            UNVERIFIED,
        )
        if self.entered is not None and self.entered < self.ruling:
            self.finding(
                "date_before_ruling",
                f"post.database_entered_on：纳入终本案件库日期（{self.entered}）"
                f"早于终本裁定日期（{self.ruling}）",
                kind="database_entry",
            )
        elif self.entered is not None and due is not None and self.entered > due.day:
            self.finding(
                "database_entry_late",
                f"post.database_entered_on：纳入终本案件库日期（{self.entered}）"
                f"晚于七日期限（{due.day}）",
                kind="database_entry",
                provisional=due.provisional,
            )

    def periodic_inquiries(self) -> None:
        # 终本规定第九条第二款：终本后五年内每六个月查询一次，并将查询结果告知申请执行人
        stops = [d for d in (self.performed, self.resumed) if d is not None]
        stop = min(stops) if stops else None  # 全部履行或恢复执行后不再是终本案件
        previous = self.ruling
        for k in range(1, INQUIRY_PERIODS + 1):
            # 民事诉讼法第八十五条：自裁定之日起按月计算，届满日为休息日的顺延
            due = _deadline(self.ruling, months=INQUIRY_MONTHS * k)
            if stop is not None and due.day > stop:
                break
            raw = add_months(self.ruling, INQUIRY_MONTHS * k)
            rolled = (
                f"第{k}期届满日{raw.isoformat()}为休息日，依民事诉讼法第八十五条顺延至"
                f"{due.day.isoformat()}"
                if due.day != raw
                else None
            )
            window = [q for q in self.inquiries if previous < q.date <= due.day]
            first = previous + timedelta(days=1)
            ref = f"第{k}期"
            self.add(
                "periodic_inquiry",
                f"第{k}期网络查控查询被执行人财产（{first.isoformat()}至{due.day.isoformat()}）",
                due,
                window[0].date if window else None,
                "R-2016-9-2",
                CITE_INQUIRY,
                rolled,
                ref=ref,
            )
            if window:
                notices = [self.known(q.notified_applicant_on) for q in window]
                done = max(n for n in notices if n) if all(notices) else None
                self.add(
                    "inquiry_notice",
                    f"将第{k}期网络查询结果告知申请执行人",
                    due,
                    done,
                    "R-2016-9-2",
                    CITE_INQUIRY,
                    "法律未规定告知期限，以该期查询期限末日为提示日期",
                    ref=ref,
                    basis="no_legal_period",
                )
            previous = due.day

    def seizures(self) -> None:
        for i, s in enumerate(self.case.measures.seizures):
            if self.known(s.released_on) is None:
                self._seizure(i, s)

    def _term(
        self, i: int, s: Seizure, field: str, begins: date, recorded: date, renewal: bool
    ) -> date:
        """The day the measure lapses: ``recorded``, or the legal maximum if that is longer."""
        verb, asset, years = SEIZURE_TERMS[s.asset_type]
        # 民诉法解释第四百八十五条（2015/2020年文本第四百八十七条）：第一款各类财产的最长期限；
        # 第二款续行期限不得超过第一款的期限
        if recorded <= add_years(begins, years):
            return recorded
        # counted from its first day as the 协助执行通知书 states a term (自…起至…止): the
        # earliest reading of the maximum, so the reminder is never late
        cap = add_years(begins, years) - timedelta(days=1)
        what = "续行期限" if renewal else f"{asset}{verb}期限"
        self.finding(
            "renewal_term_exceeds_limit" if renewal else "seizure_term_exceeds_limit",
            f"measures.seizures[{i}].{field}：{what}（{begins}至{recorded}）超过法定最长期限"
            f"{years}年（{self._seizure_article(begins, first=True)}），"
            f"续行按法定最长期限于{cap}届满前办理",
            kind="seizure_renewal",
            ref=s.id,
        )
        return cap

    def _seizure(self, i: int, s: Seizure) -> None:
        verb, asset, _ = SEIZURE_TERMS[s.asset_type]
        what = s.description or f"{asset}（记录项{s.id}）"  # the record's own id only when nothing else names it
        expiry = self._term(i, s, "expiry", s.start, s.expiry, renewal=False)
        renewed = self.known(s.renewed_on)
        on_time = renewed is not None and renewed <= expiry
        late_note = None
        if renewed is not None and not on_time:
            late_note = (
                f"{renewed}办理的续行晚于期限届满日，"
                f"原{verb}已于{expiry}届满失效（{CITE_SEIZURE_LAPSE}）"
            )
            self.finding(
                "renewal_after_expiry",
                f"measures.seizures[{i}].renewed_on：续行日期（{renewed}）晚于"
                f"{verb}期限届满日（{expiry}），原{verb}效力已消灭（{CITE_SEIZURE_LAPSE}），"
                f"续行实为重新{verb}",
                kind="seizure_renewal",
                ref=s.id,
            )
        self._renewal(s, expiry, renewed if on_time else None, what, verb, late_note)
        if renewed is None:
            return
        if s.renewed_until is None:
            self.add(
                "seizure_renewal",
                f"再次办理续行{verb}手续：{what}",
                None,
                None,
                "R-JS2022-485-1",
                self._seizure_citation(renewed),
                "续行后的期限届满日未记录",
                ref=s.id,
            )
            return
        # an on-time renewal runs from the day after expiry; a late one is a new measure
        begins = expiry + timedelta(days=1) if on_time else renewed
        until = self._term(i, s, "renewed_until", begins, s.renewed_until, renewal=True)
        self._renewal(s, until, None, what, verb, None, again=True)

    def _renewal(
        self,
        s: Seizure,
        expiry: date,
        done_on: date | None,
        what: str,
        verb: str,
        late_note: str | None,
        *,
        again: bool = False,
    ) -> None:
        due = _renewal_due(expiry)
        step = "再次办理续行" if again else "办理续行"
        self.add(
            "seizure_renewal",
            f"{step}{verb}手续：{what}，期限{expiry.isoformat()}届满前",
            due,
            done_on,
            "R-JS2022-485-1",
            self._seizure_citation(due.day),
            late_note,
            ref=s.id,
            basis="before_deadline",
            deadline=expiry,
        )

    @staticmethod
    def _seizure_article(on: date, *, first: bool = False) -> str:
        found = editions.find("seizure_term", on) or editions.history("seizure_term")[0]
        return f"《{found.edition.short}》{found.text}{'第一款' if first else '第二款'}"

    @classmethod
    def _seizure_citation(cls, due: date) -> str:
        return f"{cls._seizure_article(due)}；{CITE_SEIZURE_LAPSE}"

    def _item4_trigger(self) -> tuple[date | None, bool]:
        """失信规定第十条第一款第（四）项: (date the condition was met, defeated?)."""
        for count, q in enumerate(self.inquiries, start=1):
            if self.clue is not None and self.clue <= q.date:
                return None, True  # 申请执行人或者其他人提供了有效财产线索
            if q.found:
                return None, True  # 查询发现了可供执行的财产
            if count == 2:  # 两次以上均未发现财产（此前各次均无财产、无线索）
                return q.date, False
        return None, self.clue is not None

    def dishonest_deletions(self) -> None:
        item4, defeated = self._item4_trigger()
        for i, listing in enumerate(self.case.measures.dishonest_listings):
            name = _party_name(self.case, listing.respondent)
            deleted = self.known(listing.deleted_on)
            title = f"删除被执行人{name}的失信信息"
            ref = listing.respondent
            due: Due | None = None
            note: str | None = None
            if listing.period_years is not None:
                if listing.ground == 1:
                    self.finding(
                        "listing_period_inconsistent",
                        f"measures.dishonest_listings[{i}].period_years："
                        "依《失信规定》第一条第一项纳入的不设期限，记录却载有期限，按记录计算",
                        kind="dishonest_deletion",
                        ref=ref,
                    )
                # 第十条第二款：有纳入期限的，不适用第一款；期限届满后三个工作日内删除
                expiry = add_years(listing.decided_on, listing.period_years)
                due = _deadline(expiry, working_days=3)
                title += f"（纳入期限{expiry.isoformat()}届满后三个工作日内）"
                citation = "《失信规定》第十条第二款"
            elif listing.ground != 1:
                self.finding(
                    "listing_period_missing",
                    f"measures.dishonest_listings[{i}].period_years："
                    f"依第一条第{listing.ground}项纳入应有期限（《失信规定》第二条），记录未载明",
                    kind="dishonest_deletion",
                    ref=ref,
                )
                citation, note = "《失信规定》第十条第二款", "纳入期限未记录，无法计算届满日"
            else:
                triggers = [
                    (d, item)
                    for d, item in ((self.performed, "一"), (item4, "四"))
                    if d is not None
                ]
                if triggers:
                    start, item = min(triggers)
                    due = _deadline(start, working_days=3)
                    reason = (
                        "全部履行" if item == "一" else "终本后两次网络查询均未发现财产且无有效线索"
                    )
                    title += f"（{reason}后三个工作日内）"
                    citation = f"《失信规定》第十条第一款第（{item}）项"
                elif deleted is not None or defeated:
                    continue  # 已删除，或第（四）项条件已不能成就（发现财产或收到线索 → 恢复执行）
                else:
                    citation = "《失信规定》第十条第一款第（四）项"
                    note = "待终本后两次以上网络查询均未发现财产且无有效财产线索时起算"
            self.add(
                "dishonest_deletion",
                title,
                due,
                deleted,
                "R-SX2017-10-1",
                citation,
                note,
                ref=ref,
            )
            if deleted is not None and due is not None and deleted > due.day:
                self.finding(
                    "dishonest_deletion_late",
                    f"measures.dishonest_listings[{i}].deleted_on：删除日期"
                    f"（{deleted}）晚于三个工作日期限（{due.day}）",
                    kind="dishonest_deletion",
                    ref=ref,
                    provisional=due.provisional,
                )

    def consumption_lifts(self) -> None:
        # 限高规定（2015修正）第九条：被执行人履行完毕生效法律文书确定的义务的，人民法院应当在
        # 本规定第六条通知或者公告的范围内及时以通知或者公告解除限制消费令
        if self.performed is None:
            return
        for r in self.case.measures.consumption_restrictions:
            if self.known(r.issued_on) is None or r.issued_on > self.performed:
                continue
            lifted = self.known(r.lifted_on)
            if lifted is not None and lifted < self.performed:
                continue  # 已在履行完毕前解除（提供担保或申请执行人同意）
            name = _party_name(self.case, r.respondent)
            self.add(
                "consumption_lift",
                f"解除对被执行人{name}的限制消费令（全部履行后，在原通知或公告范围内通知或公告解除）",
                _deadline(self.performed, working_days=3),
                lifted,
                "R-XG2015-LIFT-1",
                CITE_LIFT,
                f"{self.performed.isoformat()}全部履行；第九条要求“及时”解除，未规定期限，"
                "参照《失信规定》第十条第一款三个工作日提示",
                ref=r.respondent,
                basis="no_legal_period",
            )

    def resumption(self) -> None:
        # 终本规定第九条：发现可供执行财产，核查属实的，应当（及时）恢复执行；
        # 立“执恢”案号（立结案意见第六条）
        found = next((q.date for q in self.inquiries if q.found), None)
        triggers = [(d, why) for d, why in ((found, "found"), (self.clue, "clue")) if d is not None]
        if triggers:
            start, why = min(triggers)
            due = _deadline(start, days=7)
            citation = f"《终本规定》第九条；《民诉法解释》{_jieshi_517(due.day)}"
            basis: DueBasis = "legal_last_day"
            if why == "clue":
                citation = f"《财产调查规定》第二条；{citation}"
                how = f"{start.isoformat()}收到财产线索，七日内调查核实（情况紧急的三日内）"
            else:
                basis = "no_legal_period"
                how = (
                    f"{start.isoformat()}终本后查询发现财产；第九条第二款要求“及时”恢复执行，"
                    "参照《财产调查规定》第二条七日核查期限提示"
                )
            self.add(
                "resumption",
                "核查终本后发现的财产，属实的及时恢复执行（立“执恢”案号）",
                due,
                self.resumed,
                "R-2016-9-1",
                citation,
                how,
                basis=basis,
            )
        number = self.post.resumed_case_number
        if number:
            match = CASE_NUMBER_RE.match(
                number.replace("(", "（").replace(")", "）").replace(" ", "")
            )
            if match is None or match["kind"] != "执恢":
                self.finding(
                    "resumed_case_number_kind",
                    f"post.resumed_case_number：恢复执行案号“{number}”"
                    "应使用“执恢”类型代字（立结案意见第六条）",
                    kind="resumption",
                )

    def database_removal(self) -> None:
        # 终本规定（信息库条款，序号未核实）：全部履行、恢复执行等情形三日内屏蔽
        triggers = [
            (d, why) for d, why in ((self.performed, "全部履行"), (self.resumed, "恢复执行")) if d
        ]
        if not triggers:
            return
        start, why = min(triggers)
        due = _deadline(start, days=3)
        self.add(
            "database_removal",
            f"将案件从终本案件信息库屏蔽（{why}后三日内）",
            due,
            self.removed,
            "R-2016-DB-2",
            CITE_DB_REMOVAL,
            UNVERIFIED,
        )
        if self.removed is not None and self.removed > due.day:
            self.finding(
                "database_removal_late",
                f"post.database_removed_on：屏蔽日期（{self.removed}）晚于三日期限（{due.day}）",
                kind="database_removal",
                provisional=due.provisional,
            )


def _party_name(case: CaseRecord, party_id: str) -> str:
    return next((r.party.name for r in case.respondents if r.party.id == party_id), party_id)


def assess(case: CaseRecord, *, as_of: date, soon_days: int = 30) -> CaseObligations:
    """Obligations (sorted by due date) and record findings of one case as of ``as_of``."""
    if soon_days < 0:
        raise InputError("即将到期的天数不能为负数", field="soon_days")
    builder = _Builder(case, as_of, soon_days)
    if case.termination.served_on is None and case.post is None:
        builder.finding(
            "not_terminated",
            "记录中没有裁定书送达日期，也没有终本后记录，视为尚未终本，未生成终本后义务",
        )
    elif as_of < builder.ruling:
        builder.findings.clear()
        builder.finding(
            "not_terminated",
            f"计算基准日（{as_of}）早于终本裁定日期（{builder.ruling}），未生成终本后义务",
        )
    else:
        builder.database_entry()
        builder.periodic_inquiries()
        builder.seizures()
        builder.dishonest_deletions()
        builder.consumption_lifts()
        builder.resumption()
        builder.database_removal()
    return CaseObligations(
        case_number=case.case_number,
        as_of=as_of,
        obligations=sort_obligations(builder.with_warnings()),
        findings=builder.findings,
    )


def sort_obligations(items: Iterable[Obligation]) -> list[Obligation]:
    """By due date (undated last), then case number, kind and reference."""
    return sorted(
        items,
        key=lambda o: (
            o.due is None,
            o.due or date.max,
            o.case_number,
            KIND_ORDER[o.kind],
            _ref_key(o.ref),
        ),
    )


def _ref_key(ref: str | None) -> tuple[int, str]:
    digits = "".join(c for c in ref or "" if c.isdigit())
    return (int(digits) if digits else 0, ref or "")


def obligations(case: CaseRecord, *, as_of: date, soon_days: int = 30) -> list[Obligation]:
    """Every obligation that follows from the record of one terminated case, sorted by due date."""
    return assess(case, as_of=as_of, soon_days=soon_days).obligations


def findings(case: CaseRecord, *, as_of: date) -> list[RecordFinding]:
    """Conflicts and gaps in the post-termination record of one case."""
    return assess(case, as_of=as_of).findings


def build_calendar(
    cases: Iterable[CaseRecord],
    *,
    as_of: date,
    soon_days: int = 30,
    court: str | None = None,
    judge: str | None = None,
) -> CalendarReport:
    """Obligations of many cases (filtered by exact court / judge name) and their findings."""
    items: list[Obligation] = []
    found: list[RecordFinding] = []
    for case in cases:
        if (court is not None and case.court != court) or (
            judge is not None and case.judge != judge
        ):
            continue
        result = assess(case, as_of=as_of, soon_days=soon_days)
        items.extend(result.obligations)
        found.extend(result.findings)
    return CalendarReport(
        as_of=as_of,
        soon_days=soon_days,
        court=court,
        judge=judge,
        obligations=sort_obligations(items),
        findings=found,
        holidays=holiday_years(items),
    )


def holiday_years(items: Iterable[Obligation]) -> list[HolidayYear]:
    """The basis of the holidays of every year a due date or legal last day falls in."""
    years = sorted({d.year for o in items for d in (o.due, o.deadline) if d is not None})
    return [HolidayYear(**holidays.year_basis(y)._asdict()) for y in years]


def calendar(
    cases: Iterable[CaseRecord],
    *,
    as_of: date,
    soon_days: int = 30,
    court: str | None = None,
    judge: str | None = None,
) -> list[Obligation]:
    """All obligations of the cases, sorted by due date."""
    return build_calendar(
        cases, as_of=as_of, soon_days=soon_days, court=court, judge=judge
    ).obligations
