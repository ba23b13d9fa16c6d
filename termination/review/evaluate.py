"""Judging one sampled case: rules on the record, analysis of the text, cross-check.

These functions run inside the worker processes of the batch (each process builds its own
rules engine on first use: durable_rules is not thread-safe), so they take and return plain
picklable values.

A case is **合格** iff the decision is ready (no blocking or system-check finding violated
or unknown), the ruling text (when given) has no problem, and record and text agree.
It is **待补充** when nothing is violated but a blocking finding is unknown — counted as not
合格 in the pass rate — and **不合格** otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from termination.decision import BLOCKING_SEVERITIES, Decision
from termination.errors import InputError, TerminationError
from termination.review.inputs import ReviewInput, Stratify, parse_line

Verdict = Literal["合格", "不合格", "待补充"]
ItemStatus = Literal["ok", "violated", "unknown"]

#: 评估指标“是否符合终本的实质要件”：按终本规定规定的条件检查 — the blocking and system-check
#: rules of groups A–E (threshold, notices and reports, 限消 and 失信, property investigation,
#: missing respondent and obstruction: 终本规定第一条至第四条).
SUBSTANTIVE_GROUPS = frozenset("ABCDE")
#: 评估指标“是否符合终本的程序要求”：是否将相关情况告知了申请执行人并听取其意见（终本规定第五条）.
PROCEDURE_REQUIREMENTS = frozenset({"R-2016-5-1", "R-2016-5-2", "R-SYS-8"})
#: 评估指标“终本裁定书内容”: the rules on the ruling itself (group G), the text problems and
#: the record-versus-text mismatches.
DOCUMENT_GROUPS = frozenset("G")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Defect(_Model):
    """One reason a case is not 合格 (or a warning that does not affect the verdict)."""

    source: Literal["案件数据", "裁定书", "核对"]
    code: str = Field(description="规则代码（A04）、文书问题代码（TXT-…）或核对代码（X-…）")
    title: str
    requirements: list[str] = Field(default_factory=list)
    status: Literal["violated", "unknown"]
    severity: Literal["blocking", "system", "warning", "local", "text", "crosscheck"]
    counts: bool = Field(description="是否影响合格判定")
    message: str


class CaseResult(_Model):
    """The review of one sampled case (one row of 抽查案件)."""

    line: int
    case_number: str
    court: str
    judge: str
    month: str
    ruling_date: str
    ruling: str | None = Field(None, description="裁定书文件（未提供时为空：仅依案件数据评查）")
    verdict: Verdict
    outcome: Literal["ready", "not_ready"]
    text_reviewed: bool
    items: dict[str, ItemStatus | None] = Field(description="评估指标：实质要件 / 程序要求 / 裁定书内容")
    defects: list[Defect]


def _relative(message: str) -> str:
    """A message with the local folder of the input left out (reports carry no local paths)."""
    base = str(_BASE.resolve())
    return message.replace(base + "/", "").replace(base, ".")


def _all(exc: InputError) -> str:
    """Every problem of a bad line, on one line."""
    problems = getattr(exc, "problems", ())
    return "；".join(str(p) for p in problems) if len(problems) > 1 else str(exc)


# ---------------------------------------------------------------- worker state

_BASE = Path(".")
_STRATIFY: Stratify | None = None


def init_worker(base: Path, stratify: Stratify | None, ignore_sigint: bool = True) -> None:
    """Pool initializer: where relative ruling paths start, how to stratify; Ctrl-C is the parent's."""
    global _BASE, _STRATIFY
    _BASE, _STRATIFY = base, stratify
    if ignore_sigint:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)


def screen(task: tuple[int, int, bytes]) -> tuple[int, int, str | None, str | None]:
    """Validate one line for sampling: ``(line, offset, stratum or None, error or None)``."""
    number, offset, raw = task
    try:
        item = parse_line(raw)
    except InputError as exc:
        return number, offset, None, f"第{number}行：{_all(exc)}"
    path = item.ruling_path(_BASE)
    if path is not None and not path.is_file():  # named as the input names it: no local path in reports
        return number, offset, None, f"第{number}行：裁定书文件“{item.ruling}”不存在"
    return number, offset, item.stratum(_STRATIFY), None


def review_task(task: tuple[int, int, bytes]) -> tuple[int, dict[str, Any] | None, str | None]:
    """Review one line: ``(line, CaseResult as JSON-able dict or None, error or None)``."""
    number, _offset, raw = task
    try:
        item = parse_line(raw)
        result = review_case(item, number, _BASE)
    except InputError as exc:
        return number, None, f"第{number}行：{_relative(_all(exc))}"
    except TerminationError as exc:
        return number, None, f"第{number}行：无法评查（{exc}）"
    except Exception as exc:  # a defect of ours must not stop a batch of 100,000 cases
        return number, None, f"第{number}行：评查时发生内部错误（{type(exc).__name__}：{exc}），请报告此问题"
    return number, result.model_dump(mode="json"), None


# ---------------------------------------------------------------- judging


def _status(violated: bool, unknown: bool) -> ItemStatus:
    return "violated" if violated else "unknown" if unknown else "ok"


def review_case(item: ReviewInput, line: int = 0, base: Path = Path(".")) -> CaseResult:
    """Judge one closed case as of its ruling date.

    Raises:
        RulingFileError: the ruling file is missing or unreadable.
    """
    from termination.decide import check

    record = item.case
    decision: Decision = check(record, as_of=record.termination.proposed_date)
    defects: list[Defect] = []
    for f in decision.findings:
        if f.status in ("violated", "unknown"):
            defects.append(Defect(
                source="案件数据", code=f.rule, title=f.title, requirements=f.requirements, status=f.status,
                severity=f.severity, counts=f.severity in BLOCKING_SEVERITIES, message=f.message,
            ))
    path = item.ruling_path(base)
    text_reviewed = path is not None
    doc_violated = any(d.status == "violated" and d.counts and d.code[:1] in DOCUMENT_GROUPS for d in defects)
    doc_unknown = any(d.status == "unknown" and d.counts and d.code[:1] in DOCUMENT_GROUPS for d in defects)
    if path is not None:
        from termination.analysis import analyze_text, read_ruling
        from termination.review.crosscheck import crosscheck

        text = read_ruling(path)
        analysis = analyze_text(text, filing_date=record.filing_date)
        for p in analysis.problems:
            defects.append(Defect(source="裁定书", code=p.code, title=p.title or p.message,
                                  requirements=list(p.requirements), status="violated", severity="text",
                                  counts=True, message=f"{p.message}（{p.citation}）"))
        for m in crosscheck(record, analysis, text):
            defects.append(Defect(source="核对", code=m.code, title=m.title or m.message,
                                  requirements=[m.requirement] if m.requirement else [], status="violated",
                                  severity="crosscheck", counts=True, message=m.message))
        doc_violated = doc_violated or any(d.source != "案件数据" for d in defects)

    counting = [d for d in defects if d.counts]
    if any(d.status == "violated" for d in counting):
        verdict: Verdict = "不合格"
    elif counting:
        verdict = "待补充"
    else:
        verdict = "合格"

    def flags(pred: Any) -> tuple[bool, bool]:
        hits = [d for d in defects if d.source == "案件数据" and d.counts and pred(d)]
        return any(d.status == "violated" for d in hits), any(d.status == "unknown" for d in hits)

    sub_v, sub_u = flags(lambda d: d.code[:1] in SUBSTANTIVE_GROUPS)
    proc_v, proc_u = flags(lambda d: PROCEDURE_REQUIREMENTS.intersection(d.requirements))
    items: dict[str, ItemStatus | None] = {
        "实质要件": _status(sub_v, sub_u),
        "程序要求": _status(proc_v, proc_u),
        "裁定书内容": _status(doc_violated, doc_unknown) if text_reviewed else None,
    }
    return CaseResult(
        line=line,
        case_number=record.case_number,
        court=record.court,
        judge=item.judge_name,
        month=item.month,
        ruling_date=record.termination.proposed_date.isoformat(),
        ruling=item.ruling,  # as the input names it (relative to its folder): no local path in reports
        verdict=verdict,
        outcome=decision.outcome,
        text_reviewed=text_reviewed,
        items=items,
        defects=defects,
    )
