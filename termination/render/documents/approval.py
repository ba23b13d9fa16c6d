"""终结本次执行程序案件审批表: one or two pages for the signatures, the checklist as an attachment.

The form states the case, the amounts, a summary of the investigation and of the hearing, the
result of the check and the approval route; the boxes for the opinions of the judge in charge,
the 合议庭, the head of the enforcement division and the president are left empty for hand
signature (a recorded approval is never printed above an empty box). The full checklist of
the decision follows on its own page, headed 附件.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from termination.decision import Decision
from termination.case import CaseRecord
from termination.render.disclosure import Disclosure
from termination.render.documents.common import Facts, Intro
from termination.render.documents.report import Row, rows
from termination.render.drafts import Drafts
from termination.render.narrative import amounts, hearing, measures, property

NAME = "approval"
TEMPLATE = "approval.j2"


@dataclass(frozen=True)
class Investigation:
    """The investigation in figures, for the summary row."""

    inquiry_rounds: tuple[date, ...]
    onsite: tuple[date, ...]
    interrogations: int
    clues: int
    searches: int
    restriction_on: tuple[date, ...]
    dishonest_on: tuple[date, ...]
    seizures: int
    sanctions: int


@dataclass(frozen=True)
class ApprovalView:
    """What the 审批表 prints."""

    court: str
    case_number: str
    draft: bool
    ruling_date: date
    judge: str | None
    intro: Intro
    figures: amounts.ClaimFigures
    property: property.PropertyView
    investigation: Investigation
    hearing: hearing.Hearing
    decision: Decision
    checklist: tuple[Row, ...]
    missing: tuple[str, ...]


def _investigation(steps: tuple[measures.Step, ...]) -> Investigation:
    def dates(kind: str) -> tuple[date, ...]:
        return tuple(sorted({s.on for s in steps if s.kind == kind and s.on}))

    rounds = sorted({d for s in steps if s.kind == "inquiry" for d in s.detail.rounds})
    return Investigation(
        tuple(rounds), dates("onsite"), sum(1 for s in steps if s.kind == "interrogation"),
        sum(1 for s in steps if s.kind == "clue"), sum(1 for s in steps if s.kind == "search"),
        dates("restriction"), dates("dishonest"), sum(1 for s in steps if s.kind == "seizure"),
        sum(1 for s in steps if s.kind == "sanction"),
    )


def build(facts: Facts, drafts: Drafts, case: CaseRecord, disclosure: Disclosure) -> ApprovalView:
    """The 审批表's view."""
    from termination.render.documents import pick

    return pick(ApprovalView, facts, investigation=_investigation(facts.steps),
                checklist=rows(facts.decision, drafts))
