"""终结本次执行程序告知书（致申请执行人）, with its 回执.

The five items the applicant must be told (终本规定第五条, CORROBORATED: paraphrased, the
article number cited) and the period to answer. The 告知书 is dated as the record gives it
(``termination_notice.issued_on``); without that it is printed undated, for the clerk to date
when it is served: a ruling is never dated inside an answer period the documents invent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from termination.render.blocks import Gap
from termination.case import CaseRecord
from termination.render.disclosure import Disclosure
from termination.render.documents.common import Facts, Intro
from termination.render.drafts import Drafts, Section
from termination.render.narrative import amounts, hearing, parties, property

NAME = "notice"
TEMPLATE = "notice.j2"


@dataclass(frozen=True)
class NoticeView:
    """What the 告知书 prints."""

    court: str
    case_number: str
    draft: bool
    addressee: Literal["person", "unit", "several"]
    names: parties.Names
    intro: Intro
    measure_kinds: tuple[str, ...]
    property: property.PropertyView
    figures: amounts.ClaimFigures
    hearing: hearing.Hearing
    basis: str
    inform: str | None
    conditions: str | None
    conditions_article: str | None
    judge: str | None
    dated: date | None
    markers: dict[Section, tuple[Gap, ...]]
    missing: tuple[str, ...]


def build(facts: Facts, drafts: Drafts, case: CaseRecord, disclosure: Disclosure) -> NoticeView:
    """The 告知书's view."""
    from termination.render.documents import pick

    return pick(NoticeView, facts, dated=facts.hearing.notice.issued_on)
