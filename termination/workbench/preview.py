"""The ruling as HTML for the results page: the document's blocks (``termination.render``), styled by kind.

The documents' own HTML writer does not exist yet (``render/writers/`` has docx and text); this is
the workbench's small stand-in: each block keeps its kind (title centred, case number and
signatures right-aligned, paragraphs indented) and a draft's gaps are marked. It writes no HTML
itself: the page template does, with autoescape on.
"""

from __future__ import annotations

from dataclasses import dataclass

from termination.case import CaseRecord
from termination.decision import Decision
from termination.render import render_blocks
from termination.render.blocks import CELL_BREAK, GAP_CLOSE, GAP_OPEN, GAP_RE


@dataclass(frozen=True)
class Line:
    """One block: its kind and its text in parts, each marked as a gap or not."""

    kind: str
    parts: tuple[tuple[str, bool], ...]


def _parts(text: str) -> tuple[tuple[str, bool], ...]:
    out = []
    for piece in GAP_RE.split(text):
        if piece:
            gap = piece.startswith(GAP_OPEN)
            out.append((piece.strip(GAP_OPEN + GAP_CLOSE), gap))
    return tuple(out)


def ruling(record: CaseRecord, decision: Decision) -> list[Line]:
    """The ruling's blocks (a draft, marking its gaps, when the case is not ready)."""
    blocks = render_blocks(["ruling"], record, decision, draft=not decision.ready)["ruling"]
    lines: list[Line] = []
    for b in blocks:
        if b.kind == "cols":
            continue
        text = "　".join(c.replace(CELL_BREAK, " ") for c in b.cells) if b.cells else b.text
        lines.append(Line(b.kind, _parts(text)))
    return lines
