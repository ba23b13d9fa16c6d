"""``RulingFacts``: what the text says, each value with the span that shows it.

Extraction (:mod:`termination.analysis.extract`) fills it; the checks
(:mod:`termination.analysis.checks`) judge it; :func:`termination.analysis.analyze_text` turns
both into the public :class:`~termination.analysis.models.RulingAnalysis`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from termination.analysis.models import Basis, Kind, MeasureCode, Party
from termination.analysis.text import RulingText

RightsHalf = Literal["applicant_right", "respondent_duty"]


@dataclass(frozen=True)
class Span:
    """Where a value was read: offsets into the text, and the evidence sentence shown to users."""

    start: int
    end: int
    evidence: str


@dataclass(frozen=True)
class MeasureHit:
    """A measure the text says was taken."""

    code: MeasureCode
    date: dt.date | None
    span: Span


@dataclass
class RulingFacts:
    """Every value extracted from one ruling text."""

    doc: RulingText
    kind: Kind
    own_kind: str | None
    case_number: str | None
    court: str | None
    date: dt.date | None
    filing_date: dt.date | None
    parties: list[Party]
    basis: Basis | None
    claim_amount: Decimal | None
    recovered_amount: Decimal | None
    outstanding_amount: Decimal | None
    measures: list[MeasureHit]
    #: the five contents of 终本规定第六条第一款 (None: not stated)
    claim: Span | None = None
    process: Span | None = None
    property_found: Span | None = None
    realized: Span | None = None
    #: the two halves of the rights statement (第（五）项)
    rights: dict[RightsHalf, Span] = field(default_factory=dict)

    @property
    def is_zhongben(self) -> bool:
        return self.kind == "zhongben"

    @property
    def draft(self) -> bool:
        return self.doc.draft

    @property
    def rights_grade(self) -> Literal["complete", "partial", "absent"]:
        return "complete" if len(self.rights) == 2 else "partial" if self.rights else "absent"

    @property
    def rights_missing(self) -> list[RightsHalf]:
        return [h for h in ("applicant_right", "respondent_duty") if h not in self.rights]  # type: ignore[misc]
