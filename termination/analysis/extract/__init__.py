"""Extraction: from the ruling text to :class:`~termination.analysis.facts.RulingFacts`.

Every feature is found with one ``finditer`` pass over the body and a bisect into the sentence
table, so the work is linear in the text length. jieba is only used on a short window before a
keyword (negation such as 未将其纳入失信被执行人名单). What counts as a statement of fact
(:mod:`.common`): not a 告知 or rights sentence, not a conditional clause (…的), not a warning,
an application or a negated act, not a section heading (masked in :mod:`termination.analysis.text`).

* :mod:`.header` — court, case number, kind, parties, 执行依据, filing date;
* :mod:`.measures` — the measures taken, with their dates;
* :mod:`.contents` — the five contents of 终本规定第六条第一款 and the amounts.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from termination.analysis import parsing as P
from termination.analysis.extract.common import first_valid, span
from termination.analysis.extract.contents import (
    _CLAIM_AMOUNT_RES,
    _OUTSTANDING_RES,
    _RECOVERED_RES,
    _ZERO_RE,
    _claim_pos,
    _first_amount,
    _process_pos,
    _property_pos,
    _realized_pos,
    _rights,
    _summary_amount,
    first_unrealized,
)
from termination.analysis.extract.header import (
    _NARRATIVE_RE,
    _basis,
    _case_number,
    _court,
    _filing_date,
    _kind,
    _parties,
)
from termination.analysis.extract.measures import _measures
from termination.analysis.facts import RulingFacts

__all__ = ["extract"]


def extract(raw: str, *, filing_date: dt.date | None = None) -> RulingFacts:
    """Every fact of one ruling text (``filing_date``, when given, overrides the text's)."""
    from termination.analysis.text import build

    doc = build(raw)
    court = _court(doc)
    case_number, own_kind = _case_number(doc)
    kind = _kind(doc, own_kind)
    filing = filing_date or _filing_date(doc, own_kind)
    measures = _measures(doc)
    facts_end = doc.facts_end
    main_end = doc.main_start if doc.main_start is not None else doc.end
    narrative = _NARRATIVE_RE.search(doc.norm, 0, facts_end)
    header_end = narrative.start() if narrative else 0

    recovered = _summary_amount(doc, _RECOVERED_RES, 0, facts_end)
    outstanding = _summary_amount(doc, _OUTSTANDING_RES, 0, facts_end)
    claim_pos = _claim_pos(doc)
    claim = _first_amount(doc, _CLAIM_AMOUNT_RES, 0, facts_end)
    claim_amount = claim[1] if claim else None
    if claim_amount is None and claim_pos is not None:
        s, e = doc.sentence(claim_pos)
        am = P.AMOUNT_RE.search(doc.norm, s, e)
        claim_amount = P.amount_from_match(am) if am else None
    recovered_amount = recovered[1] if recovered else None
    if recovered_amount is None and (
        first_valid(doc, _ZERO_RE, 0, facts_end) is not None or first_unrealized(doc, facts_end) is not None
    ):
        recovered_amount = Decimal("0.00")
    outstanding_amount = outstanding[1] if outstanding else None
    if claim_amount is not None:
        if outstanding_amount is None and recovered_amount is not None and recovered_amount <= claim_amount:
            outstanding_amount = claim_amount - recovered_amount
        elif recovered_amount is None and outstanding_amount is not None and outstanding_amount <= claim_amount:
            recovered_amount = claim_amount - outstanding_amount

    process = _process_pos(doc, measures, header_end)
    property_pos = _property_pos(doc, main_end)
    realized_pos = _realized_pos(doc, recovered)
    return RulingFacts(
        doc=doc,
        kind=kind,
        own_kind=own_kind,
        case_number=case_number,
        court=court,
        date=doc.date,
        filing_date=filing,
        parties=_parties(doc),
        basis=_basis(doc, court),
        claim_amount=claim_amount,
        recovered_amount=recovered_amount,
        outstanding_amount=outstanding_amount,
        measures=measures,
        claim=None if claim_pos is None else span(doc, claim_pos),
        process=None if process is None else span(doc, *process),
        property_found=None if property_pos is None else span(doc, *property_pos),
        realized=None if realized_pos is None else span(doc, realized_pos),
        rights=_rights(doc),
    )
