"""Read a published 终本 ruling: kind, header facts, the five contents, measures, problems.

Three steps, each its own module: :mod:`~termination.analysis.text` (clean, normalise, mask
headings and draft markers, split sentences even where 。 was lost), :mod:`~termination.analysis.extract`
(text → :class:`~termination.analysis.facts.RulingFacts`, every value with its evidence span: header,
measures, contents) and
:mod:`~termination.analysis.checks` (facts → problems, each check under the rule contract of
``rulesets/ruling_text/``). This module only assembles the public
:class:`~termination.analysis.models.RulingAnalysis`.
"""

from __future__ import annotations

import datetime as dt

from termination.analysis import checks
from termination.analysis.extract import extract
from termination.analysis.facts import RulingFacts, Span
from termination.analysis.models import ContentItem, Contents, Measure, RightsItem, RulingAnalysis
from termination.analysis.text import EVIDENCE_MAX
from termination.errors import InputError


def _item(span: Span | None) -> ContentItem:
    return ContentItem(present=False) if span is None else ContentItem(present=True, evidence=span.evidence)


def _rights(facts: RulingFacts) -> RightsItem:
    spans = [facts.rights[h] for h in ("applicant_right", "respondent_duty") if h in facts.rights]  # type: ignore[index]
    parts = list(dict.fromkeys(s.evidence for s in spans))
    if sum(map(len, parts)) + len(parts) - 1 > EVIDENCE_MAX:  # two sentences: each shortened to fit
        half = (EVIDENCE_MAX - 1) // len(parts) - 1
        parts = [p if len(p) <= half + 1 else p[:half] + "…" for p in parts]
    evidence = "；".join(parts) or None
    return RightsItem(present=bool(spans), evidence=evidence, grade=facts.rights_grade, missing=facts.rights_missing)


def analysis_of(facts: RulingFacts, char_count: int) -> RulingAnalysis:
    """The public result for extracted ``facts``."""
    return RulingAnalysis(
        is_zhongben=facts.is_zhongben,
        kind=facts.kind,
        draft=facts.draft,
        case_number=facts.case_number,
        court=facts.court,
        date=facts.date,
        filing_date=facts.filing_date,
        parties=facts.parties,
        basis=facts.basis,
        claim_amount=facts.claim_amount,
        recovered_amount=facts.recovered_amount,
        outstanding_amount=facts.outstanding_amount,
        contents=Contents(
            claim=_item(facts.claim),
            process=_item(facts.process),
            property=_item(facts.property_found),
            realized=_item(facts.realized),
            rights=_rights(facts),
        ),
        measures=[Measure(measure=m.code, date=m.date, evidence=m.span.evidence) for m in facts.measures],
        problems=checks.run(facts),
        char_count=char_count,
    )


def analyze_text(text: str, *, filing_date: dt.date | None = None) -> RulingAnalysis:
    """Analyse the text of one published ruling.

    ``filing_date`` (立案日期), when given, overrides a date read from the text; it is used for
    the three-month check (终本规定第一条第（四）项).
    """
    if not isinstance(text, str):
        raise InputError("裁定书文本必须是字符串", field="text")
    if filing_date is not None and not isinstance(filing_date, dt.date):
        raise InputError("立案日期必须是日期", field="filing_date")
    return analysis_of(extract(text, filing_date=filing_date), len(text))
