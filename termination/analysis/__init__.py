"""Analysis of published 终本 ruling texts for quality review (质量评查).

::

    analyze_text(text, *, filing_date=None) -> RulingAnalysis
    analyze_file(path) -> RulingAnalysis      # .txt or .docx

Importing this package does not import jieba; the tokenizer is loaded on first analysis.
"""

from __future__ import annotations

from pathlib import Path

from termination.analysis.analyzer import analyze_text
from termination.analysis.models import (
    Basis,
    ContentItem,
    Contents,
    Measure,
    Party,
    Problem,
    RulingAnalysis,
)
from termination.analysis.parsing import (
    cut_appendix,
    normalize_case_number,
    parse_amount,
    parse_date,
)
from termination.analysis.reader import read_ruling


def analyze_file(path: Path) -> RulingAnalysis:
    """Read a .txt (UTF-8, UTF-8 with BOM, GB18030) or .docx ruling and analyse it.

    Raises :class:`termination.errors.RulingFileError` (Chinese message naming the path) when
    the file cannot be read.
    """
    return analyze_text(read_ruling(Path(path)))


__all__ = [
    "Basis",
    "ContentItem",
    "Contents",
    "Measure",
    "Party",
    "Problem",
    "RulingAnalysis",
    "analyze_file",
    "analyze_text",
    "cut_appendix",
    "normalize_case_number",
    "parse_amount",
    "parse_date",
    "read_ruling",
]
