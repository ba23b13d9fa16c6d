"""What several documents state alike, built once per render from the record and the decision.

:func:`facts_of` turns the record (already cut to the decision's date) into the typed values of
:mod:`termination.render.narrative`; each document's view takes the part it prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal

from termination.case import CaseRecord, Organisation
from termination.decision import Decision
from termination.render import legal
from termination.render.blocks import Gap
from termination.render.disclosure import Disclosure
from termination.render.drafts import Drafts, Section, missing_steps
from termination.render.narrative import amounts, hearing, measures, parties, property
from termination.render.narrative.signers import Signature, signature


@dataclass(frozen=True)
class Original:
    """执恢: the case resumed and its earlier 终本 ruling."""

    case_number: str
    ruling_number: str
    ruling_date: date


@dataclass(frozen=True)
class Intro:
    """The case: the parties as the body names them, 案由, 执行依据, application and filing."""

    applicants: tuple[str, ...]
    respondents: tuple[str, ...]
    introduced: tuple[tuple[str, str], ...]  # (full name, 简称) introduced at first mention
    cause: str | None
    basis_own: bool  # made by this court: 本院
    basis_body: str
    basis_number: str
    basis_type: str
    effective_on: date | None
    obligation: str | None
    applied_on: date | None
    filed_on: date
    resumed: bool
    original: Original | Gap | None


@dataclass(frozen=True)
class Facts:
    """Everything the documents of one case state, computed once."""

    court: str
    case_number: str
    draft: bool
    ruling_date: date
    judge: str | None
    clerk: str | None
    parties: tuple[parties.PartyEntry, ...]
    addressee: Literal["person", "unit", "several"]  # the 告知书 says 你 / 你单位 / 你们
    names: parties.Names
    intro: Intro
    steps: tuple[measures.Step, ...]
    clauses: tuple[measures.Clause, ...]
    measure_kinds: tuple[str, ...]  # the kinds of measures, in the order first taken (summaries)
    property: property.PropertyView
    figures: amounts.ClaimFigures
    hearing: hearing.Hearing
    basis: str  # 民诉法解释 article in force on the ruling date
    objection: str  # 民事诉讼法 article on 执行异议
    inform: str | None  # 终本规定第五条 (None before it took effect)
    conditions: str | None  # 终本规定第一条
    conditions_article: str | None  # 第一条 alone (after the 终本规定 was cited once)
    signature: Signature
    markers: dict[Section, tuple[Gap, ...]]
    missing: tuple[str, ...]  # missing steps (drafts list them at the end)
    decision: Decision


def _intro(case: CaseRecord, drafts: Drafts, disclosure: Disclosure) -> Intro:
    b = case.basis
    original: Original | Gap | None = None
    if case.kind == "执恢":
        rf = case.resumed_from
        original = (Original(rf.original_case_number, rf.ruling_number or rf.original_case_number, rf.ruling_date)
                    if rf is not None else drafts.gap("原执行案件的案号及原终结本次执行程序裁定的日期"))
    applicants = tuple(disclosure.person_name(a) if a.kind == "person" else a.name for a in case.applicants)
    respondents = tuple(disclosure.person_name(r.party) if r.party.kind == "person" else r.party.name
                        for r in case.respondents)
    introduced = parties.introduced(case)
    obligation = disclosure.free_text(b.obligation).strip().rstrip("。") if b.obligation else None
    if obligation and introduced:
        # the 简称 introduced just before stand for the full names from then on (longest name first)
        short = dict(introduced)
        pattern = "|".join(re.escape(full) for full in sorted(short, key=len, reverse=True))
        obligation = re.sub(pattern, lambda m: short[m.group(0)], obligation)
    return Intro(
        applicants, respondents, introduced, case.cause, case.basis_by_this_court,
        b.issuing_body, b.document_number, b.document_type or "法律文书", b.effective_date,
        obligation,
        case.application_received_on, case.filing_date, case.kind == "执恢", original,
    )


def facts_of(case: CaseRecord, decision: Decision, drafts: Drafts, disclosure: Disclosure) -> Facts:
    """The facts of ``case`` (cut to the decision's date) for its documents."""
    on = case.termination.proposed_date
    names = parties.names(case, disclosure)
    steps = measures.steps(case, disclosure, names.respondents)
    figures = amounts.figures(case, drafts, {a.id: disclosure.asset(a) for a in case.measures.assets})
    recovered = not isinstance(figures.recovered, Gap) and figures.recovered > 0
    sections: tuple[Section, ...] = ("measures", "property", "realized", "interview", "reasoning", "signature")
    return Facts(
        court=case.court,
        case_number=case.case_number,
        draft=drafts.draft,
        ruling_date=on,
        judge=case.judge or (case.termination.judges[0] if case.termination.judges else None),
        clerk=case.termination.clerk,
        parties=parties.party_block(case, drafts, disclosure),
        addressee=("several" if len(case.applicants) > 1
                   else "unit" if isinstance(case.applicants[0], Organisation) else "person"),
        names=names,
        intro=_intro(case, drafts, disclosure),
        steps=tuple(steps),
        clauses=tuple(measures.clauses(steps, names)),
        measure_kinds=measures.kinds(steps),
        property=property.property_view(case, drafts, disclosure, names.respondents, recovered),
        figures=figures,
        hearing=hearing.hearing(case, disclosure),
        basis=legal.basis_citation(on),
        objection=legal.objection_citation(on),
        inform=legal.zhongben_citation("zhongben_inform", on),
        conditions=legal.zhongben_citation("zhongben_conditions", on),
        conditions_article=legal.zhongben_article("zhongben_conditions", on),
        signature=signature(case, drafts),
        markers={s: drafts.markers(s) for s in sections},
        missing=tuple(missing_steps(decision, codes=False)) if drafts.draft else (),
        decision=decision,
    )


def as_context(view: Any) -> dict[str, Any]:
    """A view's fields as the template's variables (shallow: no copies)."""
    return {f.name: getattr(view, f.name) for f in fields(view)}
