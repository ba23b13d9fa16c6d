"""After 终本: the court's obligations calendar (issue 5, requirements group H).

::

    obligations(case, *, as_of, soon_days=30) -> list[Obligation]
    findings(case, *, as_of) -> list[RecordFinding]
    assess(case, *, as_of, soon_days=30) -> CaseObligations        # both at once
    calendar(cases, *, as_of, soon_days=30, court=None, judge=None) -> list[Obligation]
    build_calendar(...) -> CalendarReport                           # obligations + findings

Renderers (text / JSON / xlsx / ics) live in :mod:`termination.obligations.output`.
"""

from __future__ import annotations

from termination.obligations.compute import (
    NOT_COVERED,
    assess,
    build_calendar,
    calendar,
    findings,
    obligations,
    sort_obligations,
    status_of,
)
from termination.obligations.models import (
    KIND_LABEL,
    STATUS_LABEL,
    CalendarReport,
    CaseObligations,
    Obligation,
    RecordFinding,
)

__all__ = [
    "KIND_LABEL",
    "NOT_COVERED",
    "STATUS_LABEL",
    "CalendarReport",
    "CaseObligations",
    "Obligation",
    "RecordFinding",
    "assess",
    "build_calendar",
    "calendar",
    "findings",
    "obligations",
    "sort_obligations",
    "status_of",
]
