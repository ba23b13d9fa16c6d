"""Render a :class:`CalendarReport` as a Chinese text table, JSON, an Excel sheet or iCalendar."""

from __future__ import annotations

import io
import json
import unicodedata
from collections import Counter
from datetime import UTC, datetime, time, timedelta

from termination.obligations.models import KIND_LABEL, STATUS_LABEL, CalendarReport, Obligation

#: Columns of the Excel sheet: (header, width in characters).
XLSX_COLUMNS: tuple[tuple[str, int], ...] = (
    ("案号", 26),
    ("执行法院", 26),
    ("承办人", 10),
    ("事项", 60),
    ("到期日", 12),
    ("状态", 12),
    ("完成日期", 12),
    ("要求编号", 16),
    ("依据", 44),
    ("说明", 60),
)
PRODID = "-//termination//终本后义务日历//ZH"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def summary(report: CalendarReport) -> str:
    """One Chinese line counting obligations by status."""
    counts = Counter(o.status for o in report.obligations)
    parts = "，".join(f"{label}{counts[s]}" for s, label in STATUS_LABEL.items() if counts[s])
    return (
        f"共{len(report.obligations)}项义务"
        + (f"：{parts}" if parts else "")
        + f"；记录问题{len(report.findings)}条"
    )


def to_text(report: CalendarReport) -> str:
    """A Chinese table (案号, 事项, 到期日, 状态, 依据) sorted by due date, then the findings."""
    head = (
        f"终本后义务日历（计算基准日 {report.as_of.isoformat()}；"
        f"{report.soon_days}日内到期为“即将到期”"
    )
    if report.court:
        head += f"；法院：{report.court}"
    if report.judge:
        head += f"；承办人：{report.judge}"
    lines = [head + "）", summary(report), ""]
    rows = [("案号", "事项", "到期日", "状态", "依据")] + [
        (
            o.case_number,
            o.title,
            o.due.isoformat() if o.due else "—",
            STATUS_LABEL[o.status],
            f"{o.citation}（{o.requirement}）",
        )
        for o in report.obligations
    ]
    widths = [max(_width(r[c]) for r in rows) for c in range(4)]
    for n, row in enumerate(rows):
        lines.append(
            "  ".join(_pad(cell, widths[c]) for c, cell in enumerate(row[:4])) + "  " + row[4]
        )
        if n == 0:
            lines.append("-" * (sum(widths) + 8 + _width(row[4])))
            continue
        o = report.obligations[n - 1]
        extra = [f"完成于{o.done_on.isoformat()}" if o.done_on else "", o.note or ""]
        if any(extra):
            lines.append(" " * (widths[0] + 2) + "注：" + "；".join(e for e in extra if e))
    if report.findings:
        lines += ["", f"记录问题（{len(report.findings)}条）："]
        lines += [f"  {f.case_number}  [{f.code}] {f.message}" for f in report.findings]
    return "\n".join(lines) + "\n"


def to_json(report: CalendarReport) -> str:
    """The report as JSON (the public contract; dates as YYYY-MM-DD)."""
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def to_xlsx(report: CalendarReport) -> bytes:
    """One sheet, bold frozen header row, set column widths, real date cells."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    def text(value: str) -> str:  # XML cannot hold control characters; a record may (copied text)
        return ILLEGAL_CHARACTERS_RE.sub("", value)

    wb = Workbook()
    ws = wb.active
    ws.title = "终本后义务"
    ws.append([name for name, _ in XLSX_COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for o in report.obligations:
        ws.append(
            [
                o.case_number,
                text(o.court),
                text(o.judge or ""),
                text(o.title),
                o.due,
                STATUS_LABEL[o.status],
                o.done_on,
                o.requirement,
                o.citation,
                text(o.note or ""),
            ]
        )
    for col, (_, width) in enumerate(XLSX_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=7):
        for cell in row:
            if cell.value is not None and not isinstance(cell.value, str):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _event_description(o: Obligation) -> str:
    lines = [
        f"依据：{o.citation}",
        f"要求编号：{o.requirement}",
        f"状态：{STATUS_LABEL[o.status]}",
        f"执行法院：{o.court}",
    ]
    if o.judge:
        lines.append(f"承办人：{o.judge}")
    if o.note:
        lines.append(f"说明：{o.note}")
    return "\n".join(lines)


def to_ics(report: CalendarReport) -> bytes:
    """iCalendar: one all-day VEVENT per obligation not done and with a due date."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "终本后义务日历")
    stamp = datetime.combine(report.as_of, time(0), tzinfo=UTC)  # reproducible output
    for o in report.obligations:
        if o.status == "done" or o.due is None:
            continue
        event = Event()
        event.add("uid", f"{o.uid}@termination")
        event.add("dtstamp", stamp)
        event.add("dtstart", o.due)
        event.add("dtend", o.due + timedelta(days=1))
        event.add("summary", f"{o.case_number} {o.title}")
        event.add("description", _event_description(o))
        event.add("categories", [KIND_LABEL[o.kind], STATUS_LABEL[o.status]])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
