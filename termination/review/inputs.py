"""Reading the review input (JSONL), one line at a time, with one-line Chinese errors.

Each non-blank line is one closed 终本 case, either a bare case record (the object
``termination check`` reads) or a wrapper::

    {"case": {...case record...},
     "ruling": "rulings/0001.docx",      # optional: published ruling text, .txt or .docx;
                                         # a relative path is relative to the JSONL file
     "judge": "王立新",                   # optional: 承办人 (overrides case.judge)
     "closed_on": "2024-06-30"}          # optional: 结案日期 (not earlier than the ruling)

Line numbers are 1-based physical lines of the file; blank lines are skipped, not counted.
Each line is decoded on its own (UTF-8, else GB18030) and validated by :mod:`termination.io`
like every other input. Inputs that are not line-oriented (a folder, a JSON array, a
pretty-printed case, UTF-16) are first rewritten as UTF-8 JSON Lines by :func:`as_jsonl`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from termination import glossary
from termination.case import CaseRecord
from termination.errors import CaseFileError
from termination.io import (
    case_files,
    decode,
    detect_encoding,
    ime_hint,
    parse_json,
    problems_of,
    read_bytes,
    unwrap,
    validate,
)

if TYPE_CHECKING:
    from termination.outputs import Spool

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
        CaseFileError: every problem of the line (``.problems``), each naming the field
            (``claim.amount_due`` for a bare record, ``case.claim.amount_due`` in a wrapper).
    """
    text = decode(raw.strip(), what="该行")
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseFileError(f"不是有效的 JSON：第{exc.colno}列附近有语法错误{ime_hint(text, exc.pos)}") from None
    except (ValueError, RecursionError):
        raise CaseFileError("JSON 嵌套层数过深或数字过长") from None
    if not isinstance(data, dict):
        raise CaseFileError("每行应为一个 JSON 对象（案件数据，或含 case 字段的对象）", field="案件")
    wrapped = "case" in data
    case, extra = unwrap(data)
    try:
        record, _warnings = validate(case)
    except CaseFileError as exc:
        if not wrapped:
            raise
        problems = tuple(replace(p, field=f"case.{p.field}") for p in exc.problems)
        raise CaseFileError(problems[0].message, field=problems[0].field, problems=problems) from None
    try:
        return ReviewInput.model_validate({"case": record, **extra})
    except ValidationError as exc:
        problems = problems_of(exc)
        raise CaseFileError(problems[0].message, field=problems[0].field, problems=problems) from None


def _is_jsonl(head: bytes) -> bool:
    """Whether a file starting with ``head`` is line-oriented JSON in UTF-8 or GB18030."""
    encoding = detect_encoding(head[: head.rfind(b"\n") + 1] or head)
    if encoding not in ("utf-8", "utf-8-sig", "gb18030"):
        return False
    for raw in head.split(b"\n"):
        if raw.strip():
            try:
                return isinstance(json.loads(decode(raw.strip().removeprefix(b"\xef\xbb\xbf"))), dict)
            except (ValueError, RecursionError, CaseFileError):
                return False
    return False


def as_jsonl(path: Path, workdir: Path | Spool) -> tuple[Path, list[tuple[int, str]]]:
    """The review input as JSON Lines: ``path`` itself when it is, else a UTF-8 rewrite in ``workdir``
    (a folder, or a :class:`~termination.outputs.Spool` of unnamed files).

    A folder is read file by file (sorted by name); each case of a JSON array or object becomes
    one line, numbered in that order. Returns the file to stream and the problems met while
    rewriting, as ``(line number, message)``: a document that cannot be read at all.
    """
    if path.is_file():
        with path.open("rb") as fh:
            head = fh.read(1 << 16)
            if not head.strip() or _is_jsonl(head):  # an empty file holds no case: said by the caller
                return path, []
    files = case_files(path) if path.is_dir() else [path]
    out = workdir / "input.jsonl"
    problems: list[tuple[int, str]] = []
    number = 0
    with out.open("w", encoding="utf-8") as sink:
        for f in files:
            where = f.name if path.is_dir() else ""
            doc = None
            try:
                text = decode(read_bytes(f))
                try:
                    doc: Any = parse_json(text)
                    elements = doc if isinstance(doc, list) else [doc]
                except CaseFileError:
                    elements = [ln.strip() for ln in text.splitlines() if ln.strip()]  # JSON Lines, as text
                    if not elements or not _is_jsonl(elements[0].encode("utf-8")):
                        raise
            except CaseFileError as exc:
                number += 1
                sink.write("\n")  # keeps the numbering: this case is reported, not reviewed
                problems.append((number, f"{where}：{exc}" if where else str(exc)))
                continue
            for element in elements:
                number += 1
                sink.write((element if isinstance(element, str) and doc is None else
                            json.dumps(element, ensure_ascii=False)) + "\n")
    if path.is_dir() and not files:
        raise CaseFileError("目录中没有案件文件（.json 或 .jsonl）", field=str(path))
    return out, problems


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
