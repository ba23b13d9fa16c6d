"""The version of a 终本 ruling for 中国裁判文书网, with the redactions 法释〔2016〕19号 requires.

:func:`publish` checks first whether the ruling may be published at all (第四条: it raises
:class:`~termination.errors.WithheldError` with what 第六条 publishes instead), then renders the
ruling from the same decision on a redacted view of the record (:mod:`termination.publish.record`:
personal data replaced at its source), reads the rendered text once more for anything personal
the record still let through (known values of the record, and the patterns of
:mod:`termination.publish.patterns`), and writes the clerk's report beside it
(:mod:`termination.publish.report`). It builds on the record and on the rendered text, not on
how the documents are laid out, so the documents can change without the redaction changing.

A 终本 ruling is an 执行裁定书 (第三条第（二）项): published, unless 第四条 says otherwise.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from termination.case import CaseRecord
from termination.decision import Decision
from termination.errors import InputError, WithheldError
from termination.publish import places
from termination.publish.record import MARK, Anonymised, Redaction, redact_record, redact_text, withheld
from termination.publish.rules import rule
from termination.text import ymd

RULING_FILE = "执行裁定书（公布版）"
REPORT_FILE = "公布处理说明.txt"

__all__ = ["REPORT_FILE", "RULING_FILE", "Publication", "check_request", "publish", "redact_record", "withheld"]


@dataclass(frozen=True)
class Publication:
    """The published ruling, its redactions and the clerk's report."""

    files: dict[str, bytes]  # 执行裁定书（公布版）.docx|.txt and 公布处理说明.txt
    redactions: tuple[Redaction, ...]
    record: CaseRecord  # the redacted view the ruling was rendered from


def check_request(*, draft: bool, only: Sequence[str] | None, flags: tuple[str, str, str]) -> None:
    """A published version is of a made ruling only: no draft, no other document.

    ``flags``: how the caller names publish, draft and only (``--publish`` on the command line).
    """
    publish_flag, draft_flag, only_flag = flags
    if draft:
        raise InputError(f"草稿不在互联网公布：{publish_flag} 不能与 {draft_flag} 同用", field=publish_flag)
    if only is not None and [n.strip() for n in only if n.strip()] != ["ruling"]:
        raise InputError(f"在互联网公布的只有执行裁定书：{publish_flag} 只能与 {only_flag} ruling 同用", field=only_flag)


def withheld_notice(case: CaseRecord, reasons: list[tuple[str, str]]) -> WithheldError:
    """The error for a ruling 第四条 keeps off the internet, with what 第六条 publishes instead."""
    cited = "；".join(f"{why}（{rule(code).citation()}）" for code, why in reasons)
    # 法释〔2016〕19号第六条：不在互联网公布的，应当公布案号、审理法院、裁判日期及不公开理由
    notice = (f"案号：{case.case_number}；审理法院：{case.court}；裁判日期：{ymd(case.termination.proposed_date)}；"
              f"不公开理由：{'；'.join(why for _, why in reasons)}")
    return WithheldError(f"本案执行裁定书依法不在互联网公布：{cited}。依{rule('W-NOTICE').citation()}，"
                         f"应当公布——{notice}", reasons=[c for c, _ in reasons], notice=notice)


def publish(case: CaseRecord, decision: Decision, *, fmt: str = "docx") -> Publication:
    """The published version of the ruling of ``case`` from its ``decision``.

    Raises:
        WithheldError: 第四条 keeps the ruling off the internet (the message says what 第六条
            publishes instead).
        NotReadyError: the decision is not ready (only a ruling that is made is published).
        InputError: an unknown format.
    """
    from termination.render import render_documents

    if fmt not in ("docx", "txt"):
        raise InputError(f"未知的输出格式“{fmt}”，可选：docx、txt", field="format")
    reasons = withheld(case)
    if reasons:
        raise withheld_notice(case, reasons)
    redacted, redactions, anon = redact_record(case)
    rendered = render_documents(redacted, decision, only=["ruling"], fmt=fmt)
    (name, data), = rendered.items()
    check = _TextCheck(case, anon)
    data = _docx_pass(data, check) if fmt == "docx" else check.text(data.decode("utf-8")).encode("utf-8")
    redactions = [*redactions, *check.found]
    from termination.publish.report import report

    text = report(case, decision, redactions, anon)
    suffix = name.rsplit(".", 1)[1]
    return Publication({f"{RULING_FILE}.{suffix}": data, REPORT_FILE: text.encode("utf-8")},
                       tuple(redactions), redacted)


class _TextCheck:
    """The rendered ruling read once more: known personal values of the record, then the patterns."""

    def __init__(self, case: CaseRecord, anon: Anonymised) -> None:
        self.anon = anon
        self.found: list[Redaction] = []
        parties = [*case.applicants, *(r.party for r in case.respondents)]
        people = {p.id for p in parties if p.kind == "person"}
        known: dict[str, str] = {}
        for p in parties:
            if p.kind == "person" and p.id_number:
                known[p.id_number] = MARK
        homes = [p.address for p in parties if p.kind == "person" and p.address]
        homes += [o.place for o in case.measures.onsite_investigations if o.respondent in people]
        for value in homes:
            cut = places.cut_to_county(value)
            known[value] = cut.county if cut else MARK
            if cut and len(cut.rest) >= 4:
                known[cut.rest] = MARK
        self.known = dict(sorted(known.items(), key=lambda kv: -len(kv[0])))
        # what the law keeps and the patterns must leave alone (第十一条第（一）项、第十五条第一款)
        self.protect = tuple(v for v in (
            case.court, case.case_number, case.basis.document_number, case.basis.issuing_body,
            *(p.address for p in parties if p.kind == "organisation"),
            *(p.credit_code for p in parties if p.kind == "organisation"),
        ) if v)

    def text(self, text: str) -> str:
        lines = text.split("\n")
        return "\n".join(self.line(line) for line in lines)

    def line(self, line: str) -> str:
        for value, shown in self.known.items():
            if value in line:
                line = line.replace(value, shown)
                self.found.append(Redaction(("D-ADDRESS",) if shown != MARK else ("D-ID-NUMBER",),
                                            "文书复核", "裁定书正文", shown, "案件数据中的个人信息出现在文书中，已替换"))
        return redact_text(line, "裁定书正文（文书复核）", self.anon, self.found, self.protect)


def _docx_pass(data: bytes, check: _TextCheck) -> bytes:
    """Every paragraph of the .docx (body and table cells) through the same check; a changed
    paragraph keeps the formatting of its first run."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    paragraphs = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    changed = False
    for p in paragraphs:
        before = p.text
        after = check.line(before)
        if after != before and p.runs:
            p.runs[0].text = after
            for r in p.runs[1:]:
                r.text = ""
            changed = True
    if not changed:
        return data
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def plain_text(data: bytes, suffix: str) -> str:
    """The text of a published ruling (.txt or .docx), for tests and the review side."""
    if suffix == "txt":
        return data.decode("utf-8")
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)

