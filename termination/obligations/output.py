"""Render a :class:`CalendarReport` as a Chinese text table, JSON, an Excel sheet or iCalendar."""

from __future__ import annotations

import io
import json
import unicodedata
import uuid
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from typing import Any

from termination.obligations.compute import PROVISIONAL_NOTE
from termination.obligations.models import (
    DUE_BASIS_LABEL,
    KIND_LABEL,
    PROVISIONAL_MARK,
    STATUS_LABEL,
    UID_NAMESPACE,
    CalendarReport,
    Obligation,
    RecordFinding,
)

#: Columns of the Excel sheet: (header, width in characters).
XLSX_COLUMNS: tuple[tuple[str, int], ...] = (
    ("案号", 26),
    ("执行法院", 26),
    ("承办人", 10),
    ("事项", 60),
    ("到期日", 12),
    ("到期日性质", 22),
    ("法定期限末日", 14),
    ("推算日期", 10),
    ("状态", 12),
    ("完成日期", 12),
    ("要求编号", 16),
    ("依据", 44),
    ("说明", 60),
    ("记录问题", 60),
)
#: Columns of the sheet of record findings.
XLSX_FINDING_COLUMNS: tuple[tuple[str, int], ...] = (("案号", 26), ("问题", 100), ("推算日期", 10))
#: Date columns of the obligations sheet (1-based), formatted as dates.
_XLSX_DATE_COLUMNS = (5, 7, 10)
PRODID = "-//termination//终本后义务日历//ZH"
#: Reminders before each due date: (trigger before the all-day event's start, words).
ALARMS: tuple[tuple[timedelta, str], ...] = (
    (timedelta(days=6, hours=15), "七日后到期"),  # 09:00 seven days before
    (timedelta(hours=15), "明日到期"),  # 09:00 the day before
)


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
    lines = [head + "）", summary(report)]
    if any(o.provisional for o in report.obligations):
        lines.append(
            "注：标“（推算）”的日期所涉年度国务院尚未公布放假安排，节假日按《全国年节及纪念日放假办法》"
            "推算（未含调休、补假），待国务院公布放假安排后复核"
        )
    lines.append("")
    rows = [("案号", "事项", "到期日", "状态", "依据")] + [
        (
            o.case_number,
            o.title,
            _due_text(o),
            STATUS_LABEL[o.status],
            o.citation,
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
        extra = [
            f"完成于{o.done_on.isoformat()}" if o.done_on else "",
            _basis_text(o),
            # the header explains "（推算）" once instead of on every row
            (o.note or "").replace(PROVISIONAL_NOTE, "").replace("；；", "；").strip("；"),
        ]
        if any(extra):
            lines.append(" " * (widths[0] + 2) + "注：" + "；".join(e for e in extra if e))
        for w in o.warnings:
            lines.append(" " * (widths[0] + 2) + f"记录问题：{w}")
    if report.findings:
        lines += ["", f"记录问题（{len(report.findings)}条）："]
        lines += [f"  {f.case_number}  {f.message}" for f in report.findings]
    if report.holidays:
        lines += ["", "节假日依据："]
        lines += [f"  {h.year}年：{h.text}" for h in report.holidays]
    return "\n".join(lines) + "\n"


def _due_text(o: Obligation) -> str:
    if o.due is None:
        return "—"
    return o.due.isoformat() + ("（推算）" if o.provisional else "")


def _basis_text(o: Obligation) -> str:
    """Which date the due date is, when it is not simply the legal last day."""
    if o.due is None or o.due_basis in (None, "legal_last_day"):
        return ""
    if o.due_basis == "before_deadline" and o.deadline is not None:
        return f"到期日为提示日，法定期限末日为{o.deadline.isoformat()}"
    return "到期日为提示日（法律未规定期限）"


def to_json(report: CalendarReport) -> str:
    """The report as JSON (the public contract; dates as YYYY-MM-DD)."""
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def to_xlsx(report: CalendarReport) -> bytes:
    """Two sheets (obligations; record findings): bold frozen header, set widths, real dates."""
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
    for o in report.obligations:
        ws.append(
            [
                o.case_number,
                text(o.court),
                text(o.judge or ""),
                text(o.title),
                o.due,
                DUE_BASIS_LABEL[o.due_basis] if o.due_basis else "",
                o.deadline,
                "是（待复核）" if o.provisional else "",
                STATUS_LABEL[o.status],
                o.done_on,
                o.requirement,
                o.citation,
                text(o.note or ""),
                text("\n".join(o.warnings)),
            ]
        )
    _format_sheet(ws, XLSX_COLUMNS, Font, get_column_letter)
    for row in ws.iter_rows(min_row=2):
        for col in _XLSX_DATE_COLUMNS:
            cell = row[col - 1]
            if cell.value is not None and not isinstance(cell.value, str):
                cell.number_format = "yyyy-mm-dd"
    wf = wb.create_sheet("记录问题")
    wf.append([name for name, _ in XLSX_FINDING_COLUMNS])
    for f in report.findings:
        wf.append([f.case_number, text(f.message), "是（待复核）" if f.provisional else ""])
    _format_sheet(wf, XLSX_FINDING_COLUMNS, Font, get_column_letter)
    if report.holidays:
        wh = wb.create_sheet("节假日依据")
        wh.append(["年度", "依据"])
        for h in report.holidays:
            wh.append([h.year, text(h.text)])
        _format_sheet(wh, (("年度", 8), ("依据", 120)), Font, get_column_letter)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _format_sheet(ws: Any, columns: tuple[tuple[str, int], ...], font: Any, letter: Any) -> None:
    for cell in ws[1]:
        cell.font = font(bold=True)
    for col, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[letter(col)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def _event_description(o: Obligation) -> str:
    lines = []
    if o.provisional:
        lines.append(f"【{PROVISIONAL_MARK}】")
    lines += [f"【记录问题】{w}" for w in o.warnings]
    lines += [
        f"依据：{o.citation}",
        f"状态：{STATUS_LABEL[o.status]}",
        f"执行法院：{o.court}",
    ]
    if o.due_basis:
        lines.append(f"到期日性质：{DUE_BASIS_LABEL[o.due_basis]}")
    if o.deadline is not None and o.deadline != o.due:
        lines.append(f"法定期限末日：{o.deadline.isoformat()}")
    if o.judge:
        lines.append(f"承办人：{o.judge}")
    if o.note:
        lines.append(f"说明：{o.note}")
    return "\n".join(lines)


def _summary(o: Obligation) -> str:
    marks = ("【推算·待复核】" if o.provisional else "") + ("【有记录问题】" if o.warnings else "")
    return f"{marks}{o.case_number} {o.title}"


def _case_findings(report: CalendarReport) -> dict[str, list[RecordFinding]]:
    """Findings no exported event carries, by case (kept in their order)."""
    shown = {(o.case_number, o.kind, o.ref) for o in report.obligations if _exported(o)}
    by_case: dict[str, list[RecordFinding]] = {}
    for f in report.findings:
        if f.kind is None or (f.case_number, f.kind, f.ref) not in shown:
            by_case.setdefault(f.case_number, []).append(f)
    return by_case


def _exported(o: Obligation) -> bool:
    return o.status != "done" and o.due is not None


def to_ics(report: CalendarReport) -> bytes:
    """iCalendar: one all-day VEVENT per obligation not done and with a due date, with two
    reminders (VALARM) before it; one event on the base date per case whose record problems
    no obligation carries. UIDs depend on case, kind, record item and sequence, never on the
    date, so re-importing after a due date moves updates the event instead of adding one."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "终本后义务日历")
    stamp = datetime.combine(report.as_of, time(0), tzinfo=UTC)  # reproducible output
    for o in report.obligations:
        if not _exported(o) or o.due is None:
            continue
        event = Event()
        event.add("uid", o.ics_uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", o.due)
        event.add("dtend", o.due + timedelta(days=1))
        event.add("summary", _summary(o))
        event.add("description", _event_description(o))
        categories = [KIND_LABEL[o.kind], STATUS_LABEL[o.status]]
        event.add("categories", categories + (["待复核"] if o.provisional else []))
        event.add("transp", "TRANSPARENT")
        for before, words in ALARMS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", -before)
            alarm.add("description", f"{words}：{o.case_number} {o.title}")
            event.add_component(alarm)
        cal.add_component(event)
    for case_number, items in _case_findings(report).items():
        event = Event()
        event.add("uid", f"{uuid.uuid5(UID_NAMESPACE, case_number + '/record_findings')}@termination")
        event.add("dtstamp", stamp)
        event.add("dtstart", report.as_of)
        event.add("dtend", report.as_of + timedelta(days=1))
        event.add("summary", f"【记录问题】{case_number} 终本后记录有{len(items)}处问题，请核对")
        event.add("description", "\n".join(f"{n}. {f.message}" for n, f in enumerate(items, 1)))
        event.add("categories", ["记录问题"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
