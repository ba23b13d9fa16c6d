"""The applicant told and heard (终本规定第五条, CORROBORATED), the 告知书 and its answer period,
and the approval route (民诉法解释第五百一十七条第一款).

The 告知书's answer period runs from the day after service (民事诉讼法第八十五条); a period
ending on a rest day ends on the next working day. Where the holiday data does not cover the
year, the end is given without that rule and the document says how it rolls over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from termination import periods
from termination.case import CaseRecord, InterviewItem, Organisation
from termination.errors import CalendarNotCovered
from termination.render.disclosure import Disclosure
from termination.render.narrative.parties import head_title

#: The answer period a 告知书 grants when the record does not say (法院指定期间).
DEFAULT_ANSWER_DAYS = 7


@dataclass(frozen=True)
class Interviewee:
    """Who was heard, and for which applicant."""

    name: str
    capacity: str  # applicant | agent | legal_representative | head | representative
    applicant: str  # the applicant's name ("" when the interviewee is the applicant)
    special_authority: bool


@dataclass(frozen=True)
class Interview:
    """约谈 (or another way of telling and hearing) as recorded."""

    on: date
    mode: str
    interviewee: Interviewee
    items: tuple[str, ...]
    all_items: bool
    opinion: str | None
    agrees: bool | None
    new_clues: bool | None


@dataclass(frozen=True)
class Notice:
    """The 告知书: dated (or to be dated), served, answer period and its end, the 回执."""

    issued_on: date | None
    served_on: date | None
    mode: str | None
    days: int
    ends_on: date | None
    exact: bool  # False: holidays of the year not known, the end is not rolled over
    replied_on: date | None


@dataclass(frozen=True)
class Confirmation:
    """申请执行人签字确认."""

    by: Interviewee
    on: date


@dataclass(frozen=True)
class Route:
    """The approval route and its dates (empty boxes on the form are filled by hand)."""

    confirmations: tuple[Confirmation, ...]  # one per applicant who signed
    collegial_on: date | None
    members: tuple[str, ...]
    presiding: str | None
    president_on: date | None
    president: str | None

    @property
    def confirmation(self) -> Confirmation | None:
        """The first signed confirmation (the route rests on the applicant's signature)."""
        return self.confirmations[0] if self.confirmations else None

    @property
    def collegial(self) -> bool:
        """The 合议庭 reviewed (then the president approves)."""
        return self.collegial_on is not None


@dataclass(frozen=True)
class Hearing:
    """Everything the documents say about telling and hearing the applicant."""

    interviews: tuple[Interview, ...]  # one per applicant heard, in the record's order
    notice: Notice
    route: Route
    requested: bool  # the applicant applied for 终本 itself
    objecting: bool  # an applicant said it does not agree
    clues_checked: bool  # an applicant gave new clues and they were checked
    several: bool  # several applicants: each is named when heard

    @property
    def interview(self) -> Interview | None:
        """The first interview (the forms that hold one)."""
        return self.interviews[0] if self.interviews else None


def _interviewee(case: CaseRecord, name: str, capacity: str | None, disclosure: Disclosure) -> Interviewee:
    """Who was heard; the applicant by the name the body uses (its 简称 once introduced)."""
    applicants = case.applicants

    def called(a: object) -> str:
        if isinstance(a, Organisation):
            return a.short_name or a.name
        return disclosure.person_name(a)  # type: ignore[arg-type]

    for a in applicants:
        if a.name == name:
            return Interviewee(called(a), "applicant", "", False)
    for a in applicants:
        if a.agent and a.agent.name == name:
            return Interviewee(disclosure.other_name(name), "agent", called(a), bool(a.agent.special_authority))
        if isinstance(a, Organisation) and a.legal_representative == name:
            return Interviewee(disclosure.other_name(name), "head" if head_title(a) == "负责人" else "legal_representative",
                               called(a), False)
    owner = "、".join(called(a) for a in applicants)
    if capacity in ("agent", "legal_representative"):
        return Interviewee(disclosure.other_name(name), capacity, owner, False)
    return Interviewee(disclosure.other_name(name), "representative", owner, False)


def answer_period_end(served: date, days: int) -> tuple[date, bool]:
    """Last day to answer a 告知书 served on ``served``; False when the holidays of that year are unknown."""
    try:
        return periods.period_end(served, days=days), True
    except CalendarNotCovered:
        return periods.period_end(served, days=days, roll_over_holiday=False), False


def _interview(case: CaseRecord, iv: object, disclosure: Disclosure) -> Interview:
    every = InterviewItem.__args__  # type: ignore[attr-defined]
    who = _interviewee(case, iv.interviewee, iv.capacity, disclosure)  # type: ignore[attr-defined]
    if who.capacity == "agent" and iv.special_authority:  # type: ignore[attr-defined]
        who = Interviewee(who.name, who.capacity, who.applicant, True)
    told = iv.items_told  # type: ignore[attr-defined]
    opinion = iv.opinion  # type: ignore[attr-defined]
    return Interview(
        iv.date, iv.mode, who, tuple(i for i in every if i in told), set(every) <= set(told),  # type: ignore[attr-defined]
        disclosure.free_text(opinion).strip().rstrip("。") if opinion else None,
        iv.agrees, iv.new_clues,  # type: ignore[attr-defined]
    )


def hearing(case: CaseRecord, disclosure: Disclosure) -> Hearing:
    """The hearing of the applicants (each interview and signed confirmation), the 告知书 and the
    approval route of ``case``."""
    interviews = tuple(_interview(case, iv, disclosure) for iv in case.interview)
    tn = case.termination_notice
    if tn is None:
        notice = Notice(None, None, None, DEFAULT_ANSWER_DAYS, None, True, None)
    else:
        ends, exact = answer_period_end(tn.served_on, tn.answer_days) if tn.served_on else (None, True)
        notice = Notice(tn.issued_on, tn.served_on, tn.service_mode, tn.answer_days, ends, exact, tn.replied_on)
    ap = case.approval
    confirmations = []
    for sc in ap.applicant_confirmation:
        capacity = next((iv.capacity for iv in case.interview if iv.interviewee == sc.signed_by), None)
        who = _interviewee(case, sc.signed_by, capacity, disclosure)
        confirmations.append(Confirmation(Interviewee(who.name, who.capacity, who.applicant, False), sc.signed_on))
    cr, pa = ap.collegial_review, ap.president_approval
    route = Route(
        tuple(confirmations),
        cr.date if cr else None,
        tuple(cr.members) if cr else (),
        (cr.presiding or cr.members[0]) if cr else None,
        pa.date if pa else None,
        pa.name if pa else None,
    )
    objecting = any(iv.agrees is False for iv in case.interview)
    clues_checked = any(bool(iv.new_clues) for iv in case.interview)
    return Hearing(interviews, notice, route, case.termination.applicant_requested, objecting, clues_checked,
                   len(case.applicants) > 1)
