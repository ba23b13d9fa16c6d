"""Blocks → plain UTF-8 text: no styling, paragraphs indented with two full-width spaces.

The page footer (a per-page signature line, 第X页共Y页) has no pages to repeat on: it is printed
once at the end, without the page numbers.
"""

from __future__ import annotations

import re

from termination.render.blocks import CELL_BREAK, DRAFT_BANNER, Block, plain

_PAGES_RE = re.compile(r"第\{PAGE\}页\s*共\{NUMPAGES\}页")


def to_text(blocks: list[Block], *, draft: bool) -> bytes:
    """The same blocks as UTF-8 plain text: no styling, paragraphs indented with two full-width spaces."""
    lines: list[str] = [DRAFT_BANNER, ""] if draft else []
    footer: list[str] = []
    for b in blocks:
        if b.kind in ("row", "head"):
            lines.append(" | ".join(" ".join(c.split(CELL_BREAK)).strip() for c in b.cells))
        elif b.kind == "para":
            lines.append("　　" + b.text)
        elif b.kind in ("blank", "break"):
            lines.append("")
        elif b.kind == "cols":
            continue
        elif b.kind == "footer":
            footer.append(_PAGES_RE.sub("", b.text).rstrip("　 "))
            continue
        elif b.kind == "aside":
            lines.append("　　".join(b.cells))
        elif b.kind == "cut":
            lines.append(b.text)
        else:
            lines.append(b.text)
    lines += ["", *footer] if footer else []
    return plain("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
