"""执行裁定书（终结本次执行程序）: continuous court narrative in the order published rulings use.

案由 and 执行依据, the application and filing; the course of enforcement (measures grouped, one
network-inquiry clause per respondent); the property found and the amounts realised; the
applicant told and heard; 本院认为 with the reasons; the basis for the date; 裁定如下; then the
rights of the applicant and the continuing duty of the respondent, the effect, the objection
clause and the signatures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from termination.render.blocks import Gap
from termination.case import CaseRecord
from termination.render.disclosure import Disclosure
from termination.render.documents.common import Facts, Intro
from termination.render.drafts import Drafts, Section
from termination.render.narrative import amounts, hearing, measures, parties, property
from termination.render.narrative.signers import Signature

NAME = "ruling"
TEMPLATE = "ruling.j2"


@dataclass(frozen=True)
class RulingView:
    """What the ruling prints."""

    court: str
    case_number: str
    draft: bool
    ruling_date: date
    parties: tuple[parties.PartyEntry, ...]
    names: parties.Names
    intro: Intro
    clauses: tuple[measures.Clause, ...]
    property: property.PropertyView
    figures: amounts.ClaimFigures
    hearing: hearing.Hearing
    basis: str
    objection: str
    markers: dict[Section, tuple[Gap, ...]]
    missing: tuple[str, ...]
    signature: Signature


def build(facts: Facts, drafts: Drafts, case: CaseRecord, disclosure: Disclosure) -> RulingView:
    """The ruling's view."""
    from termination.render.documents import pick

    return pick(RulingView, facts)
