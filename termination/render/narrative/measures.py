"""The course of enforcement as typed steps: what was done, when, and to whom — no wording.

Every measure of the record becomes one :class:`Step` whose ``detail`` is a small frozen
dataclass of its kind. Steps equal in everything but the respondent merge into one (the same
notice sent to two respondents on one day is one clause): the merge is keyed on data, never on
text, and runs in linear time even when thousands of steps are identical.

Network inquiries are summarised, not listed: one step per respondent (or per group of
respondents with the same rounds) gives the dates and systems of every round and the union of
the items queried, as published rulings state them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeVar

from termination.case import CaseRecord, Organisation
from termination.render.disclosure import Disclosure

StepKind = Literal[
    "documents", "report", "inquiry", "restriction", "dishonest", "clue", "onsite", "interrogation", "search",
    "application", "seizure", "disposal", "locate", "obstruction", "sanction", "bankruptcy",
]
#: the usual sequence of the measures on one day (and the tie-break of the sort)
ORDER: dict[StepKind, int] = {k: i for i, k in enumerate(StepKind.__args__)}  # type: ignore[attr-defined]
#: who acts in the step: the court, or a party (its own sentence)
Subject = Literal["court", "respondent", "applicant", "other"]


@dataclass(frozen=True)
class Documents:
    """执行通知书 and/or 报告财产令 sent on one day."""

    notice: bool
    order: bool


@dataclass(frozen=True)
class Report:
    """The respondent's answer to the 报告财产令 and its verification."""

    status: str
    verified_on: date | None
    result: str | None
    received: tuple[date | None, ...] = ()  # per respondent of the step, when its answer came in


@dataclass(frozen=True)
class Inquiry:
    """Every round of network inquiries about a respondent: dates, systems, items, findings."""

    rounds: tuple[date, ...]
    systems: tuple[str, ...]
    scope: tuple[str, ...]
    found: tuple[str, ...]
    pending: tuple[date, ...]  # rounds with no feedback yet
    #: respondents queried in the same rounds with different findings: (respondent ids, found) per
    #: group, in the order of the record; () when every respondent of the step found the same
    found_by: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Restriction:
    """限制消费令."""

    bound: tuple[str, ...]
    lifted_on: date | None
    lift_reason: str | None


@dataclass(frozen=True)
class Dishonest:
    """纳入失信被执行人名单."""

    ground: int
    years: int | None
    deleted_on: date | None


@dataclass(frozen=True)
class ClueCheck:
    """A property clue, when it was given, and what checking it found (the step's date is the check's)."""

    source: str
    description: str | None
    received_on: date
    result: str | None


@dataclass(frozen=True)
class Onsite:
    """现场调查 (``at_home``: at the respondent's recorded address, which the party block states)."""

    place: str
    items: tuple[str, ...]
    result: str | None
    at_home: bool


@dataclass(frozen=True)
class Interrogation:
    """调查询问 of the respondent itself, of a unit's head, or of another person about it."""

    person: str
    capacity: Literal["self", "head", "other"]
    head_title: str | None


@dataclass(frozen=True)
class SearchDone:
    """搜查."""

    by_president: bool | None


@dataclass(frozen=True)
class Application:
    """The applicant's written application for an audit or a reward notice, and how it was decided."""

    kind: str
    decided_on: date | None
    granted: bool | None
    carried_out_on: date | None


@dataclass(frozen=True)
class SeizureDone:
    """查封、扣押、冻结 with its term."""

    asset_type: str
    description: str | None
    expiry: date
    renewed_on: date | None
    renewed_until: date | None
    released_on: date | None


@dataclass(frozen=True)
class Disposal:
    """Every auction or sale of one found asset."""

    asset: str
    attempts: tuple[tuple[date, str, str], ...]  # (date, auction|sale, sold|failed|pending)
    by: str | None = None  # 轮候查封: the first-seizing court that auctioned or sold it, not this court


@dataclass(frozen=True)
class Locate:
    """A measure to find a respondent whose whereabouts are unknown."""

    method: str


@dataclass(frozen=True)
class ObstructionSeen:
    """妨害执行."""

    by: str
    description: str


@dataclass(frozen=True)
class SanctionDone:
    """罚款、拘留 or a criminal referral; ``whom`` is the person sanctioned when not the actor."""

    actor: str
    whom: str | None
    whom_title: str | None
    type: str
    reason: str
    amount: Decimal | None


@dataclass(frozen=True)
class Bankruptcy:
    """执行转破产征询."""

    applicant_answer: str
    respondent_answer: str
    transfer_decided_on: date | None


@dataclass(frozen=True)
class Step:
    """One clause of the course of enforcement."""

    kind: StepKind
    on: date | None
    detail: Any  # one of the dataclasses above (hashable)
    who: tuple[str, ...] = ()  # respondent ids concerned
    served: tuple[date | None, ...] = ()  # per respondent of ``who``: when the document was served
    subject: Subject = "court"
    sort_on: date | None = None  # where an undated step belongs

    def said(self) -> frozenset[date]:
        """Every date the clause of this step states (its own, service, verification, expiry, rounds…)."""
        found: set[date] = set()
        stack: list[Any] = [getattr(self.detail, f) for f in getattr(self.detail, "__dataclass_fields__", ())]
        while stack:
            value = stack.pop()
            if isinstance(value, date):
                found.add(value)
            elif isinstance(value, tuple):
                stack.extend(value)
        if self.kind == "clue" and self.subject == "court":
            found.discard(self.detail.received_on)  # a checked clue is dated by its check alone
        found.update(d for d in self.served if d)
        if self.on:
            found.add(self.on)
        return frozenset(found)

    def key(self) -> tuple[Hashable, ...]:
        """Steps with the same key merge (their respondents and service dates are joined)."""
        return (self.kind, self.on, self.detail, self.subject, self.sort_on, self.served[:1] == (None,))


T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def merge_by(items: Iterable[T], key: Callable[[T], K], who: Callable[[T], Sequence[str]]) -> list[tuple[T, list[T]]]:
    """Group items with equal keys, in first-seen order; an item whose respondent is already in
    the group opens the next group of that key (the same measure recorded twice for one
    respondent stays two clauses).

    Linear: each item costs one dictionary lookup per respondent, however many items are equal.
    Returns ``(first item, all items)`` per group.
    """
    groups: list[tuple[T, list[T]]] = []
    # key → list of group indexes; (key, respondent) → how many of those groups already hold it
    by_key: dict[K, list[int]] = {}
    taken: dict[tuple[K, str], int] = {}
    for item in items:
        k = key(item)
        ids = who(item)
        slot = max((taken.get((k, r), 0) for r in ids), default=0)
        indexes = by_key.setdefault(k, [])
        if slot == len(indexes):
            indexes.append(len(groups))
            groups.append((item, [item]))
        else:
            groups[indexes[slot]][1].append(item)
        for r in ids:
            taken[(k, r)] = slot + 1
    return groups


def merge(steps: Iterable[Step]) -> list[Step]:
    """Steps equal in all but their respondents become one; in date order (undated ones after
    what they answer, else last), the usual sequence of the measures within a day."""
    merged = []
    for first, items in merge_by(steps, Step.key, lambda s: s.who):
        if len(items) == 1:
            merged.append(first)
        else:
            merged.append(replace(first, who=tuple(r for s in items for r in s.who),
                                  served=tuple(d for s in items for d in s.served)))
    return sorted(merged, key=lambda s: (s.on or s.sort_on or date.max, ORDER[s.kind]))


#: the items queried, in the order a ruling names them: 终本规定第三条第二项 first (存款、车辆、不动产、有价证券)
_PRIORITY = ("bank_deposit", "vehicle", "real_estate", "securities", "internet_bank", "pboc", "business_registration",
             "housing_fund", "wealth_management", "insurance", "dividends", "civil_affairs", "tax", "ship", "other")
_CAPACITY_NOTE = re.compile(r"（(?:法定代表人|负责人)）$")


def _inquiries(case: CaseRecord) -> list[Step]:
    """The network inquiries, summarised: one step per group of respondents queried in the same
    rounds (the systems and items of the group are joined); what each found is told apart
    (查询到被执行人甲的…，未发现被执行人乙有可供执行的财产) when it differs."""
    by_respondent: dict[str, list[Any]] = {}
    for q in case.measures.network_inquiries:
        by_respondent.setdefault(q.respondent, []).append(q)
    groups: dict[tuple[Hashable, ...], tuple[dict[str, tuple[str, ...]], dict[str, None], dict[str, None]]] = {}
    for rid, queries in by_respondent.items():
        rounds = tuple(sorted({q.requested_on for q in queries}))
        found = tuple(sorted({s for q in queries for s in q.found}, key=_PRIORITY.index))
        pending = tuple(sorted({q.requested_on for q in queries if q.feedback_on is None}))
        found_of, systems, scope = groups.setdefault((rounds, pending), ({}, {}, {}))
        found_of[rid] = found
        for q in sorted(queries, key=lambda q: q.requested_on):
            systems.setdefault(q.system)
            scope.update(dict.fromkeys(q.scope))
    steps = []
    for (rounds, pending), (found_of, systems, scope) in groups.items():
        by_found: dict[tuple[str, ...], list[str]] = {}
        for rid, found in found_of.items():
            by_found.setdefault(found, []).append(rid)
        union = tuple(sorted({s for f in by_found for s in f}, key=_PRIORITY.index))
        found_by = tuple((tuple(ids), found) for found, ids in by_found.items()) if len(by_found) > 1 else ()
        detail = Inquiry(rounds, tuple(systems), tuple(sorted(scope, key=_PRIORITY.index)), union, pending,  # type: ignore[arg-type]
                         found_by)
        steps.append(Step("inquiry", rounds[0], detail, tuple(found_of)))  # type: ignore[index]
    return steps


def steps(case: CaseRecord, disclosure: Disclosure, names: dict[str, str]) -> list[Step]:
    """Every measure of the record as steps, merged and in date order.

    ``names`` maps respondent ids to the names the body uses (for sanctions on a unit's head).
    """
    m = case.measures
    text = disclosure.free_text
    ids = {r.party.id for r in case.respondents}
    out: list[Step] = []
    # 执行通知书 and 报告财产令 sent together (财产调查规定第三条) are one clause per respondent and day
    sent: dict[tuple[str, date], list[Any]] = {}
    for n in m.enforcement_notices:
        sent.setdefault((n.respondent, n.issued_on), [False, False, None])
        sent[(n.respondent, n.issued_on)][0] = True
        sent[(n.respondent, n.issued_on)][2] = n.served_on
    first_order: dict[str, date] = {}
    for o in m.report_orders:
        first_order.setdefault(o.respondent, o.issued_on)
        entry = sent.setdefault((o.respondent, o.issued_on), [False, False, None])
        entry[1] = True
        if entry[2] is None or (o.served_on and o.served_on > entry[2]):
            entry[2] = o.served_on  # served when the later of the two was served
    for (rid, on), (notice, order, served) in sent.items():
        out.append(Step("documents", on, Documents(notice, order), (rid,), (served,)))
    # answers alike in all but the day they came in are one clause (甲、乙分别于…、…报告了财产情况，经本院于…核查)
    reports = merge_by(m.property_reports, lambda r: (r.status, r.verified_on, r.verification_result),
                       lambda r: (r.respondent,))
    for r, alike in reports:
        received = tuple(x.received_on for x in alike)
        known = [d for d in received if d]
        out.append(Step("report", min(known) if known else None,
                        Report(r.status, r.verified_on, r.verification_result and text(r.verification_result),
                               received if len(set(received)) > 1 else ()),
                        tuple(x.respondent for x in alike), subject="respondent",
                        sort_on=min((d for x in alike if (d := first_order.get(x.respondent))), default=None)))
    out += _inquiries(case)
    # orders of one day are one clause, whoever else each binds (同时限制甲、乙的高消费…)
    for cr, alike in merge_by(m.consumption_restrictions, lambda c: (c.issued_on, c.lifted_on, c.lift_reason),
                              lambda c: (c.respondent,)):
        bound = tuple(dict.fromkeys(disclosure.other_name(b) for x in alike for b in x.bound_persons))
        out.append(Step("restriction", cr.issued_on, Restriction(bound, cr.lifted_on, cr.lift_reason),
                        tuple(x.respondent for x in alike)))
    for dl in m.dishonest_listings:
        out.append(Step("dishonest", dl.decided_on, Dishonest(dl.ground, dl.period_years, dl.deleted_on),
                        (dl.respondent,), (dl.served_on,)))
    for cl in m.clues:
        # a checked clue is the court's act on the day it checked it (what the check found belongs to that
        # day); an unchecked one is the party's act on the day it gave it
        detail = ClueCheck(cl.source, cl.description and text(cl.description), cl.received_on,
                           cl.result and text(cl.result))
        if cl.verified_on is not None:
            out.append(Step("clue", cl.verified_on, detail))
        else:
            out.append(Step("clue", cl.received_on, detail, subject="applicant" if cl.source == "applicant" else "other"))
    for oi in m.onsite_investigations:
        home = case.respondent(oi.respondent).party.address
        out.append(Step("onsite", oi.date, Onsite(disclosure.place(oi.place), tuple(i for i in oi.items if i != "other"),
                                                  oi.result and text(oi.result), home is not None and oi.place == home),
                        (oi.respondent,)))
    out += _interrogations(case, disclosure)
    for s in m.searches:
        out.append(Step("search", s.date, SearchDone(s.signed_by_president), (s.respondent,)))
    for a in m.investigation_applications:
        out.append(Step("application", a.received_on, Application(a.kind, a.decided_on, a.granted, a.carried_out_on),
                        subject="applicant"))
    for sz in m.seizures:
        out.append(Step("seizure", sz.start,
                        SeizureDone(sz.asset_type, sz.description and text(sz.description), sz.expiry, sz.renewed_on,
                                    sz.renewed_until, sz.released_on), (sz.respondent,)))
    for asset in m.assets:
        if asset.disposal_attempts:
            attempts = tuple((x.date, x.method, x.outcome) for x in sorted(asset.disposal_attempts, key=lambda x: x.date))
            # 轮候查封: the first-seizing court auctions and sells (its own sentence, not the court's act)
            by = asset.first_seizing_court
            out.append(Step("disposal", attempts[0][0], Disposal(disclosure.asset(asset), attempts, by),
                            (asset.respondent,), subject="other" if by else "court"))
    for le in m.locate_efforts:
        out.append(Step("locate", le.date, Locate(text(le.method)), (le.respondent,)))
    for ob in m.obstructions:
        by = names.get(ob.by, disclosure.other_name(ob.by))
        out.append(Step("obstruction", ob.date, ObstructionSeen(by, text(ob.description)),
                        (ob.by,) if ob.by in ids else (), subject="respondent" if ob.by in ids else "other"))
    for sa in m.sanctions:
        # The one who acted and the one sanctioned differ for a unit: 因被执行人甲公司违反财产报告制度，
        # 决定对其法定代表人乙罚款（财产调查规定第九条第二款）.
        who: tuple[str, ...] = ()
        actor, whom, title = "", None, None
        if sa.target in ids:
            who = (sa.target,)
        else:
            unit = _unit_of(case, sa.target, names)
            if unit is not None:
                who, title = (unit[0],), unit[1]
                whom = disclosure.other_name(sa.target)
            else:
                actor = disclosure.other_name(sa.target)
        out.append(Step("sanction", sa.decided_on, SanctionDone(actor, whom, title, sa.type, sa.reason, sa.amount), who))
    if case.bankruptcy is not None:
        b = case.bankruptcy
        out.append(Step("bankruptcy", b.asked_on, Bankruptcy(b.applicant_answer, b.respondent_answer, b.transfer_decided_on)))
    return merge(out)


def _interrogations(case: CaseRecord, disclosure: Disclosure) -> list[Step]:
    """调查询问; a unit's head questioned the same day as a respondent in person is said once, with
    the questioning of that respondent."""
    from termination.render.narrative.parties import head_title

    selves: set[tuple[date, str]] = set()  # (day, person) questioned as a respondent that day
    for it in case.measures.interrogations:
        party = case.respondent(it.respondent).party
        person = _CAPACITY_NOTE.sub("", it.person)  # "陈志明（法定代表人）" → 陈志明
        if not (isinstance(party, Organisation) and person == party.legal_representative) and person == party.name:
            selves.add((it.date, person))
    steps = []
    for it in case.measures.interrogations:
        party = case.respondent(it.respondent).party
        person = _CAPACITY_NOTE.sub("", it.person)
        if isinstance(party, Organisation) and person == party.legal_representative:
            if (it.date, person) in selves:
                continue  # said with the questioning of the person as a respondent
            detail = Interrogation(disclosure.other_name(person), "head", head_title(party))
        elif person == party.name:
            detail = Interrogation("", "self", None)  # named by the step's respondents: several merge
        else:
            detail = Interrogation(disclosure.other_name(it.person), "other", None)
        steps.append(Step("interrogation", it.date, detail, (it.respondent,)))
    return steps


def _unit_of(case: CaseRecord, person: str, names: dict[str, str]) -> tuple[str, str] | None:
    """(the unit respondent's id, the person's title) when ``person`` acts for a unit respondent."""
    from termination.render.narrative.parties import head_title

    for r in case.respondents:
        p = r.party
        if isinstance(p, Organisation) and p.legal_representative == person:
            return p.id, head_title(p)
    for cr in case.measures.consumption_restrictions:
        if person in cr.bound_persons and cr.respondent in names:
            return cr.respondent, "主要负责人"
    return None


@dataclass(frozen=True)
class Clause:
    """A step as the template words it: whether it continues the court's sentence, and on the same day."""

    step: Step
    who: tuple[str, ...]  # display names; () when the step concerns the only respondent, or each of several
    first_of_sentence: bool
    same_day: bool  # the clause before stated this date and no other
    every: bool = False  # the step concerns each of several respondents: 各被执行人
    same_who: bool = False  # continues the sentence about the same named respondents: 其
    #: an inquiry's findings told apart: (display names, found) per group of respondents
    found_by: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()


def clauses(steps_: list[Step], names: Any) -> list[Clause]:
    """The steps as clauses: consecutive acts of the court share one sentence (本院于…；于…)."""
    out: list[Clause] = []
    previous: Step | None = None
    for s in steps_:
        # 各被执行人 only when no date differs by respondent (分别于…、… needs the names in order)
        apart = ((s.kind == "documents" and len({d for d in s.served if d}) > 1)
                 or bool(getattr(s.detail, "received", ())))
        every = bool(s.who) and names.every(s.who) and not apart
        who = () if s.who and (every or names.all_respondents(s.who)) else names.of(s.who)
        first = previous is None or s.subject != "court" or previous.subject != "court"
        # 同日 refers to the date just read: only after a clause that states that one date and no
        # other (after "…于5月31日报告…，经本院于6月7日核查" a 同日 would be read as 6月7日)
        same = previous is not None and s.on is not None and previous.said() == {s.on}
        same_who = (not first and previous is not None and bool(s.who) and s.who == previous.who
                    and not every and not names.all_respondents(s.who))
        found_by = tuple((names.of(ids), found) for ids, found in getattr(s.detail, "found_by", ()))
        out.append(Clause(s, who, first, same, every, same_who, found_by))
        previous = s
    return out


def kinds(steps_: list[Step]) -> tuple[str, ...]:
    """The kinds of measures in the order first taken, for a summary; the documents sent say which
    (notice_and_order, notice, order); an obstruction is no measure of the court."""
    out: dict[str, None] = {}
    for step in steps_:
        if step.kind == "obstruction":
            continue
        if step.kind == "documents":
            d = step.detail
            out.setdefault("notice_and_order" if d.notice and d.order else ("notice" if d.notice else "order"))
        else:
            out.setdefault(step.kind)
    return tuple(out)
