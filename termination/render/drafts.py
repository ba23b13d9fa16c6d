"""Draft policy: where a missing step is marked, and when a final document is refused.

A final document renders only from a ready decision, and only when every value a document must
state is present. A draft marks every page 草稿, shows each missing value and each blocking
finding in place (:func:`~termination.render.blocks.gap_marker`) and lists the missing steps at
the end. :class:`Drafts` collects the missing values of a final render instead of failing on
the first one, so the refusal names all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from termination.decision import Decision
from termination.render.blocks import Gap, gap_marker

#: The places in the ruling (and the companion documents) where a blocking finding is shown.
Section = Literal["measures", "property", "realized", "interview", "reasoning", "signature"]

_SECTION_BY_RULE: dict[str, Section] = {
    "A03": "realized", "G02": "realized", "G01": "signature",
    "D14": "property", "D15": "property", "D16": "property", "D17": "property",
}
_SECTION_BY_GROUP: dict[str, Section] = {
    "A": "reasoning", "B": "measures", "C": "measures", "D": "measures", "E": "measures",
    "F": "interview", "G": "reasoning",
}
#: F05–F07 are the approval route and the transfer to bankruptcy: the reasoning, not the hearing.
_REASONING_RULES = frozenset({"F05", "F06", "F07"})


def section_of(rule: str) -> Section:
    """The section where a finding of ``rule`` is shown in a draft."""
    if rule in _SECTION_BY_RULE:
        return _SECTION_BY_RULE[rule]
    if rule in _REASONING_RULES:
        return "reasoning"
    return _SECTION_BY_GROUP.get(rule[:1], "reasoning")


def missing_steps(decision: Decision, *, codes: bool = True) -> list[str]:
    """One Chinese line per blocking finding: rule, title, what is wrong and the remedy.

    ``codes=False`` for a document: a judge reads the rule's title, not the check's code.
    """
    lines = []
    for f in decision.findings:
        if f.blocks:
            line = f"{f.rule} {f.title}：{f.message}" if codes else f"{f.title}：{f.message}"
            if f.remedy:
                line += f"补正：{f.remedy}"
            lines.append(line)
    return lines


@dataclass
class Drafts:
    """Gaps of one render: markers in a draft; in a final render, the labels that refuse it."""

    decision: Decision
    draft: bool
    missing: list[str] = field(default_factory=list)

    def gap(self, label: str) -> Gap:
        """A value the document must state but the record lacks."""
        if self.draft:
            return gap_marker(label)
        if label not in self.missing:
            self.missing.append(label)
        return Gap("")  # never printed: the final render is refused

    def markers(self, section: Section) -> tuple[Gap, ...]:
        """Markers for the blocking findings shown in ``section`` (drafts only)."""
        if not self.draft:
            return ()
        return tuple(gap_marker(f"{f.title}——{f.message}")
                     for f in self.decision.findings if f.blocks and section_of(f.rule) == section)
