"""Reading the review input (JSONL), one line at a time, with one-line Chinese errors.

Each non-blank line is one closed 终本 case, either a bare case record (the object
``termination check`` reads) or a wrapper::

    {"case": {...case record...},
     "ruling": "rulings/0001.docx",      # optional: published ruling text, .txt or .docx;
                                         # a relative path is relative to the JSONL file
     "judge": "王立新",                   # optional: 承办人 (overrides case.judge)
     "closed_on": "2024-06-30"}          # optional: 结案日期 (not earlier than the ruling)

Line numbers are 1-based physical lines of the file; blank lines are skipped, not counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from termination import glossary
from termination.case import CaseRecord
from termination.errors import CaseFileError
from termination.io import describe

Stratify = Literal["court", "judge", "month"]
STRATIFY_LABEL: Mapping[str, str] = glossary.terms("review_strata")
NO_JUDGE = "（未记载承办人）"


class ReviewInput(BaseModel):
    """One line of the review input: a closed case and, optionally, its published ruling."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    case: CaseRecord
    ruling: str | None = Field(None, min_length=1, description="裁定书文件路径（.txt / .docx），相对路径以 JSONL 文件所在目录为准")
    judge: str | None = Field(None, min_length=1, description="承办人")
    closed_on: date | None = Field(None, description="结案日期")

    @model_validator(mode="after")
    def _closed_after_ruling(self) -> ReviewInput:
        if self.closed_on is not None and self.closed_on < self.case.termination.proposed_date:
            raise ValueError(
                f"closed_on：结案日期不得早于裁定日期（{self.case.termination.proposed_date.isoformat()}）"
            )
        return self

    @property
    def judge_name(self) -> str:
        """承办人 for grouping: the wrapper's, else the record's."""
        return self.judge or self.case.judge or NO_JUDGE

    @property
    def month(self) -> str:
        """结案月份 ``YYYY-MM``: of ``closed_on``, else of the ruling date."""
        return (self.closed_on or self.case.termination.proposed_date).strftime("%Y-%m")

    def stratum(self, by: Stratify | None) -> str:
        """The stratum key for ``--stratify`` (one stratum ``全部`` without it)."""
        if by == "court":
            return self.case.court
        if by == "judge":
            return f"{self.case.court}／{self.judge_name}"  # the same name may serve in two courts
        if by == "month":
            return self.month
        return "全部"

    def ruling_path(self, base: Path) -> Path | None:
        """The ruling file, resolved against the directory of the JSONL file."""
        if self.ruling is None:
            return None
        p = Path(self.ruling)
        return p if p.is_absolute() else base / p


def parse_line(raw: bytes) -> ReviewInput:
    """Validate one JSONL line.

    Raises:
        CaseFileError: one Chinese line naming the field (``case.claim.amount_due`` …).
    """
    try:
        data: Any = json.loads(raw.decode("utf-8").strip())
    except UnicodeDecodeError:
        raise CaseFileError("不是 UTF-8 编码的文本") from None
    except json.JSONDecodeError as exc:
        raise CaseFileError(f"不是有效的 JSON（第{exc.colno}列：{exc.msg}）") from None
    if not isinstance(data, dict):
        raise CaseFileError("每行应为一个 JSON 对象（案件数据，或含 case 字段的对象）")
    bare = "case" not in data
    if bare:
        data = {"case": data}  # a bare case record
    try:
        return ReviewInput.model_validate(data)
    except ValidationError as exc:
        field, msg = describe(exc)
        if bare and field.startswith("case."):
            field = field[len("case."):]
        raise CaseFileError(msg, field=field) from None


def iter_lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """``(line number, byte offset, raw bytes)`` of every non-blank line, streamed."""
    with path.open("rb") as fh:
        offset = 0
        for number, raw in enumerate(fh, start=1):
            start = offset
            offset += len(raw)
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # UTF-8 BOM
            if raw.strip():
                yield number, start, raw


def read_at(fh: Any, offset: int) -> bytes:
    """The line starting at ``offset`` of an open binary file."""
    fh.seek(offset)
    raw: bytes = fh.readline()
    return raw[3:] if offset == 0 and raw.startswith(b"\xef\xbb\xbf") else raw
