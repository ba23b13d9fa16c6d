"""The public Python API: check, render, analyze, rules, case_schema.

Importing this module is cheap: the rules, the durable_rules engine, the document templates,
python-docx and the jieba dictionary load on first use, not at import::

    from termination import api

    decision = api.check(Path("corpus/cases/01-compliant-person.json"))
    decision = api.check(case_dict, as_of=date(2024, 6, 25))    # or JSON text / bytes
    files = api.render(case, draft=True)          # {"…裁定书.docx": b"PK…", …}
    analysis = api.analyze(ruling_text)           # or api.analyze(Path("ruling.docx"))
    catalogue = api.rules(date(2024, 6, 25))      # as ``termination rules --format json``
    report = api.calendar([case], as_of=date(2026, 3, 20))   # obligations after 终本
    schema = api.case_schema()                    # the case record's JSON Schema

**What a case argument may be.** A :class:`~termination.case.CaseRecord`, a dict, JSON bytes, a
:class:`~pathlib.Path`, or a ``str``: a ``str`` whose first non-blank character is ``{`` is JSON
text; any other ``str`` is a file name (``api.check("case.json")`` reads the file, and a name that
does not exist is a ``CaseFileError``, never parsed as JSON).

Errors are :mod:`termination.errors` exceptions whose ``str()`` is one Chinese line:
``CaseFileError`` (bad case record), ``RulingFileError`` (unreadable ruling),
``NotReadyError`` (final documents for a case that may not be terminated; ``.missing``),
``WithheldError`` (a published version of a ruling the law keeps off the internet).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from termination.analysis.models import RulingAnalysis
    from termination.obligations.models import CalendarReport
    from termination.case import CaseRecord
    from termination.decision import Decision

__all__ = ["CaseInput", "analyze", "calendar", "case_schema", "check", "render", "rules", "ruleset_version"]

#: What every function taking a case accepts: a record, a dict, JSON text/bytes or a path.
CaseInput: TypeAlias = "CaseRecord | Mapping[str, Any] | str | bytes | Path"


def _record(case: CaseInput) -> CaseRecord:
    from termination.case import CaseRecord
    from termination.io import load_case

    if isinstance(case, CaseRecord):
        return case
    if isinstance(case, str) and not case.lstrip("\ufeff \t\r\n").startswith("{"):
        return load_case(Path(case))  # a file name (see the module docstring)
    return load_case(case)


def check(case: CaseInput, *, as_of: date | None = None) -> Decision:
    """Decide whether a case may be terminated (终本) as of ``as_of``.

    Args:
        case: a :class:`~termination.case.CaseRecord`, a dict, JSON text/bytes, or a path
            (a ``str`` not starting with ``{`` is a file name).
        as_of: evaluation date; default: the proposed termination date of the record.

    Returns:
        The decision; ``decision.model_dump(mode="json")`` is the JSON of
        ``termination check --format json`` and of ``POST /v1/check``.

    Raises:
        CaseFileError: the record is not valid (one Chinese line naming the field).
    """
    from termination.decide import check as _check

    return _check(_record(case), as_of=as_of)


def render(
    case: CaseInput,
    *,
    as_of: date | None = None,
    draft: bool = False,
    only: Sequence[str] | None = None,
    fmt: str = "docx",
    publish: bool = False,
) -> dict[str, bytes]:
    """Render the ruling and its companion documents to bytes (``{file name: content}``).

    Args:
        only: document names (``ruling``, ``notice``, ``interview``, ``approval``, ``report``);
            default all.
        fmt: ``"docx"`` or ``"txt"``.
        publish: the version of the ruling for 中国裁判文书网 instead (法释〔2016〕19号: 隐名 and
            personal data removed), with the clerk's report: ``{"执行裁定书（公布版）.docx": …,
            "公布处理说明.txt": …}`` (the same as ``termination render --publish``).

    Raises:
        CaseFileError: the record is not valid.
        NotReadyError: ``draft`` is false and the case may not be terminated yet;
            ``.missing`` lists the steps still to take (call again with ``draft=True`` for drafts
            that mark every gap).
        InputError: an unknown document name or format; ``publish`` with ``draft`` or with a
            document other than the ruling.
        WithheldError: ``publish`` and 法释〔2016〕19号第四条 keeps the ruling off the internet
            (``.notice`` is what its 第六条 publishes instead).
    """
    from termination.render import render_documents  # templates and python-docx: only now

    record = _record(case)
    if publish:
        from termination.publish import check_request, publish as _publish

        check_request(draft=draft, only=only, flags=("publish", "draft", "only="))
        return _publish(record, check(record, as_of=as_of), fmt=fmt).files
    return render_documents(record, check(record, as_of=as_of), draft=draft, only=only, fmt=fmt)  # type: ignore[arg-type]


def analyze(text_or_path: str | os.PathLike[str]) -> RulingAnalysis:
    """Analyze a published 终本 ruling: ``str`` is the ruling text, a path is a .txt/.docx file.

    Raises:
        RulingFileError: the file cannot be read.
    """
    import termination.analysis as analysis

    if isinstance(text_or_path, os.PathLike):
        return analysis.analyze_file(Path(text_or_path))
    return analysis.analyze_text(text_or_path)


def rules(on: date | None = None) -> list[dict[str, Any]]:
    """The rule catalogue in force on ``on`` (default today), with citations and dates in force.

    Same rows as ``termination rules --on DATE --format json``.
    """
    from termination.decide import citations_for, rules_in_force

    day = on or date.today()
    return [
        {
            "rule": r.code,
            "title": r.title,
            "group": r.group,
            "category": r.category,
            "severity": r.severity,
            "requirements": r.requirements,
            "valid_from": r.valid_from.isoformat(),
            "valid_to": r.valid_to.isoformat() if r.valid_to else None,
            "citations": [c.model_dump(mode="json") for c in citations_for(r, day)],
        }
        for r in rules_in_force(day)
    ]


def ruleset_version() -> str:
    """Version of the loaded rule set (``rulesets/sources.yaml``); loads the rules."""
    from termination.decide import ruleset_version as version

    return version()


def case_schema() -> dict[str, Any]:
    """The JSON Schema of the case record (pinned in ``schemas/case.schema.json``)."""
    from termination.schema_export import case_schema as _case_schema

    return _case_schema()


def calendar(
    cases: Sequence[CaseInput],
    *,
    as_of: date,
    soon_days: int = 30,
    court: str | None = None,
    judge: str | None = None,
) -> CalendarReport:
    """The obligations after 终本 of terminated cases, sorted by due date, with record findings.

    Same as ``termination calendar CASES --as-of DATE --format json``.

    Raises:
        CaseFileError: a record is not valid.
    """
    from termination.obligations import build_calendar

    records = [_record(c) for c in cases]
    return build_calendar(records, as_of=as_of, soon_days=soon_days, court=court, judge=judge)
