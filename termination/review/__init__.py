"""Quality review (质量评查) of closed 终本 cases: sampling, checks from both sides, 合格率.

Input — ``termination review CASES.jsonl``: one closed case per line (UTF-8 JSON Lines,
blank lines ignored), either a bare case record (:class:`termination.case.CaseRecord`) or::

    {"case": {...case record...},          # required
     "ruling": "rulings/0001.docx",        # optional: the published ruling (.txt or .docx);
                                           #   a relative path starts at the JSONL file's folder
     "judge": "王立新",                     # optional: 承办人 (else case.judge)
     "closed_on": "2024-06-30"}            # optional: 结案日期, not before the ruling date

validated by :class:`termination.review.inputs.ReviewInput`. The file is streamed, never
loaded whole; a bad line, an invalid record, a missing or unreadable ruling is reported with
its line number (one Chinese line on stderr), counted as 输入错误 and skipped.

Each sampled case is judged as of its ruling date (``termination.proposed_date``):
:func:`termination.decide.check` on the record, :mod:`termination.analysis` on the text,
:func:`crosscheck` between the two. 合格 iff the decision is ready, the text has no problem
and the two agree; 待补充 (a blocking fact unknown) counts as not 合格.

API::

    run_review(path, ReviewOptions(sample=…, rate=…, seed=…, stratify=…), outdir) -> ReviewSummary
    crosscheck(record, analysis, text=None) -> list[Mismatch]
    review_case(item: ReviewInput) -> CaseResult
    wilson_interval(successes, n, confidence=0.95) -> (low, high)
    sample_size(margin, confidence=0.95, expected=0.5, population=None) -> int
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from termination.review.batch import ReviewOptions, run_review
    from termination.review.crosscheck import Mismatch, crosscheck
    from termination.review.evaluate import CaseResult, Defect, review_case
    from termination.review.figures import ReviewSummary
    from termination.review.inputs import ReviewInput, parse_line
    from termination.review.stats import sample_size, wilson_interval

_LAZY = {
    "ReviewOptions": "batch", "run_review": "batch", "Mismatch": "crosscheck", "crosscheck": "crosscheck",
    "CaseResult": "evaluate", "Defect": "evaluate", "review_case": "evaluate", "ReviewSummary": "figures",
    "ReviewInput": "inputs", "parse_line": "inputs", "sample_size": "stats", "wilson_interval": "stats",
}
__all__ = [
    "CaseResult", "Defect", "Mismatch", "ReviewInput", "ReviewOptions", "ReviewSummary", "crosscheck",
    "parse_line", "review_case", "run_review", "sample_size", "wilson_interval",
]


def __getattr__(name: str) -> Any:
    """Import public names on first use, so ``termination --help`` stays fast."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"termination.review.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'termination.review' has no attribute {name!r}")
