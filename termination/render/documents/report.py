"""合规审查报告: the decision as a readable document, rule group by rule group.

Citations give article numbers. Their verification status is shown only where the wording is
in doubt (partly read, corroborated, unverified, the unofficial reproduction of the case
system's checks, local rules): a judge does not need to be told that a verified article of
a statute is verified. An article of a statute (法律, e.g. 民事诉讼法) is the statute: the
numbering of its older editions, which we hold only through the table of old and new numbers,
is not presented as doubt about the law. The case system's checks are named as such, never by
our internal label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from termination.decision import Citation, Decision, Finding
from termination.render.blocks import Gap
from termination.case import CaseRecord
from termination.render.disclosure import Disclosure
from termination.render.documents.common import Facts, Intro
from termination.render.drafts import Drafts

NAME = "report"
TEMPLATE = "report.j2"
_SYSTEM_LABEL = re.compile(r"^《[^》]*》(?:第(?P<item>\d+)项)?(?P<what>.*)$")


@dataclass(frozen=True)
class Cited:
    """A citation as printed: the text, and the doubt about its wording (None: none to show)."""

    text: str
    system_item: str | None  # the case system's check: its number (the text is then what it checks)
    doubt: str | None  # a verification key of the glossary, or "local"


@dataclass(frozen=True)
class Row:
    """One finding of the checklist."""

    finding: Finding
    cited: tuple[Cited, ...]
    gap: Gap | None  # drafts: the message of a blocking finding, marked


def cited(c: Citation) -> Cited:
    """How a citation is printed."""
    if c.kind == "system_check":  # 《终本系统校验》第12项（…） is our label: print what the check checks
        m = _SYSTEM_LABEL.match(c.text)
        what = m["what"] if m else c.text
        if what.startswith("（") and what.endswith("）"):
            what = what[1:-1]
        return Cited(what, (m["item"] or "") if m else "", "UNOFFICIAL")
    if c.kind == "local":
        return Cited(c.text, None, "local")
    statute = c.title.startswith("中华人民共和国")  # 法律: the statute itself is not in doubt
    doubt = None if c.verification == "VERIFIED" or statute else c.verification
    return Cited(c.text, None, doubt)


def rows(decision: Decision, drafts: Drafts) -> tuple[Row, ...]:
    """Every finding with its citations as printed."""
    return tuple(
        Row(f, tuple(cited(c) for c in f.citations),
            drafts.gap(f.message) if f.blocks and drafts.draft else None)
        for f in decision.findings
    )


@dataclass(frozen=True)
class ReportView:
    """What the report prints."""

    court: str
    case_number: str
    ruling_date: date
    intro: Intro
    decision: Decision
    groups: tuple[tuple[str, tuple[Row, ...]], ...]
    blocking: tuple[Finding, ...]
    doubts: tuple[str, ...]  # the kinds of doubt that occur (explained at the end)
    missing_lines: tuple[str, ...]


def build(facts: Facts, drafts: Drafts, case: CaseRecord, disclosure: Disclosure) -> ReportView:
    """The report's view."""
    from termination.render.documents import pick
    from termination.render.drafts import missing_steps

    all_rows = rows(facts.decision, drafts)
    groups = tuple((g, tuple(r for r in all_rows if r.finding.group == g))
                   for g in sorted({r.finding.group for r in all_rows}))
    doubts = tuple(dict.fromkeys(c.doubt for r in all_rows for c in r.cited if c.doubt))
    return pick(ReportView, facts, groups=groups, blocking=tuple(f for f in facts.decision.findings if f.blocks),
                doubts=doubts, missing_lines=tuple(missing_steps(facts.decision, codes=False)))
