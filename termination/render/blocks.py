"""The small block structure the templates produce (the writers in :mod:`termination.render.writers` print it).

A template renders to lines ``@kind text``. Kinds:

=========  =====================================================
title      court name / document title (centred, 小标宋 二号)
caseno     case number (right-aligned)
heading    section heading (黑体)
center     a centred heading (黑体), e.g. the 回执 under a cut line
para       body paragraph with a two-character indent
left       body paragraph without indent (labels, addressee)
sign       signature line (right-aligned)
date       date line under the signatures (right-aligned)
blank      empty line
break      page break
note       small note under a table (table-text size, no indent)
aside      a line of the signature block with a note at the left margin: ``left¦right`` (本件与原本核对无异¦书记员　张三)
cut        a cut line across the page (the 回执 is cut off along it), centred
footer     the page footer of the document instead of the page number; ``{PAGE}`` and
           ``{NUMPAGES}`` become fields (第{PAGE}页共{NUMPAGES}页)
cols       starts a table: column widths in cm, e.g. ``@cols 3 12.6``; a ``c`` after a width
           centres that column (``@cols 1.3c 4.3``)
head, row  table rows: cells separated by ``¦`` (U+00A6); ``¶`` starts a new line in a cell
=========  =====================================================

Empty lines are ignored, so templates may use Jinja freely. Any other line is a template
bug and raises. Values printed by templates pass :func:`clean`, which removes line breaks,
tabs, the cell separator ``¦``, the cell line break ``¶``, characters XML cannot hold, and
invisible characters that change how text reads (bidirectional overrides such as U+202E,
zero-width spaces and joiners, private-use characters), so user text can never break a line
or a cell, nor show other than it is.

A draft marks a missing step in place with :func:`gap_marker`. The marker is delimited by two
private-use characters that :func:`clean` removes from every other value, so only a real gap
is styled as one: user text that happens to read 【待补充：…】 stays plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

KINDS = frozenset({"title", "caseno", "heading", "para", "left", "sign", "date", "blank", "break", "note", "cols",
                   "head", "row", "cut", "footer", "aside", "center"})
_LINE_RE = re.compile(r"^@(?P<kind>[a-z]+)(?: (?P<text>.*))?$")
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff"
    # invisible format characters: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
    # space/joiners, LRM/RLM, bidi embeddings and overrides (U+202A–E), word joiner and invisible
    # operators, bidi isolates (U+2066–9), BOM; then the private-use area (used for the gap delimiters)
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ue000-\uf8ff]"
)
_BREAKS_RE = re.compile(r"[\r\n\t\x85\u2028\u2029]+")
GAP_OPEN = "\ue000"
GAP_CLOSE = "\ue001"
GAP_RE = re.compile(f"({GAP_OPEN}[^{GAP_CLOSE}]*{GAP_CLOSE})")
CELL_SEP = "¦"
CELL_BREAK = "¶"
DRAFT_BANNER = "【草稿】未经审批，不得作为正式文书使用"


@dataclass(frozen=True)
class Block:
    """One paragraph-level element of a document."""

    kind: str
    text: str = ""
    cells: tuple[str, ...] = field(default_factory=tuple)


class Gap(str):
    """A draft's marker of a missing step, printed as is (already cleaned, delimited)."""

    __slots__ = ()


def clean(value: Any) -> str:
    """Jinja ``finalize``: every printed value as one safe line (None is a template bug)."""
    if value is None:
        raise ValueError("模板输出了空值（None）")
    if isinstance(value, Gap):
        return str(value)
    text = value if isinstance(value, str) else str(value)
    return _CONTROL_RE.sub("", _BREAKS_RE.sub(" ", text)).replace(CELL_SEP, "|").replace(CELL_BREAK, " ")


def gap_marker(label: str) -> Gap:
    """The in-place marker of a missing step in a draft: 【待补充：…】 between the gap delimiters."""
    return Gap(f"{GAP_OPEN}【待补充：{clean(label)}】{GAP_CLOSE}")


def plain(text: str) -> str:
    """Text without the gap delimiters (what a reader sees)."""
    return text.replace(GAP_OPEN, "").replace(GAP_CLOSE, "")


def parse(rendered: str) -> list[Block]:
    """Parse template output into blocks.

    Raises:
        ValueError: a line without a known ``@kind`` marker.
    """
    blocks: list[Block] = []
    for number, raw in enumerate(rendered.splitlines(), 1):
        line = raw.strip(" ")
        if not line:
            continue
        match = _LINE_RE.match(line)
        if not match or match["kind"] not in KINDS:
            raise ValueError(f"模板输出第{number}行缺少有效的样式标记：{line[:40]}")
        kind, text = match["kind"], (match["text"] or "").strip(" ")
        if kind in ("row", "head", "aside"):
            blocks.append(Block(kind, cells=tuple(c.strip(" ") for c in text.split(CELL_SEP))))
        else:
            blocks.append(Block(kind, text))
    return blocks
