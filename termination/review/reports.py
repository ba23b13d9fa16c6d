"""The review reports: ``review.xlsx``, ``review.html`` (self-contained) and ``review.json``.

All three are built from the summary and the spool of case results (streamed: the Excel
workbook is written in openpyxl's write-only mode, the JSON case list line by line), into
temporary files in the output directory that replace the final names only when all three
are complete.
"""

from __future__ import annotations

import html
import json
import math
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from termination.review.figures import ASSESSMENT_SOURCE, MIN_RATED, SEVERITY_CN, GroupFigures, ReviewSummary
from termination.review.inputs import STRATIFY_LABEL
from termination.review.stats import TARGET_RATE

REPORT_NAMES = ("review.xlsx", "review.html", "review.json")
HTML_CASES_MAX = 200
HTML_ERRORS_MAX = 100
MAX_COURT_SHEETS = 250

GREEN, RED, AMBER, BLUE, GREY = "#2e7d32", "#c62828", "#ef8f00", "#1f5fa8", "#9e9e9e"


# ---------------------------------------------------------------- helpers


def _pct(x: float | None, digits: int = 1) -> str:
    return "—" if x is None else f"{x * 100:.{digits}f}%"


def _iter_cases(spool: Path) -> Iterator[dict[str, Any]]:
    with spool.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _defect_lines(case: dict[str, Any], pred: Callable[[dict[str, Any]], bool]) -> str:
    return "\n".join(f"{d['code']} {d['title']}：{d['message']}" if d["title"] != d["message"]
                     else f"{d['code']} {d['message']}" for d in case["defects"] if pred(d))


def describe_sampling(s: ReviewSummary) -> str:
    """The sampling method in one Chinese sentence."""
    if s.sample is None and s.rate is None:
        return "全部评查（未抽样）"
    if s.sample is not None and s.sample >= s.population:  # asked for more than there is: all were taken
        return f"要求抽查 {s.sample} 件，有效案件只有 {s.population} 件，已全部评查（未抽样）"
    size = f"{s.sample} 件" if s.sample is not None else f"比例 {s.rate:g}（{s.drawn} 件）"
    strat = f"，按{STRATIFY_LABEL[s.stratify]}分层按比例分配（最大余数法）" if s.stratify else "（简单随机抽样）"
    return f"随机抽样 {size}{strat}，随机种子 {s.seed}"


def _verdict_fields(case: dict[str, Any]) -> list[Any]:
    return [
        _defect_lines(case, lambda d: d["source"] == "案件数据" and d["counts"] and d["status"] == "violated"),
        _defect_lines(case, lambda d: d["source"] == "案件数据" and d["counts"] and d["status"] == "unknown"),
        _defect_lines(case, lambda d: d["source"] == "裁定书"),
        _defect_lines(case, lambda d: d["source"] == "核对"),
        _defect_lines(case, lambda d: not d["counts"]),
    ]


CASE_COLUMNS = (
    ("序号", 6), ("行号", 7), ("案号", 24), ("法院", 22), ("承办人", 10), ("结案月份", 9), ("裁定日期", 11),
    ("评查结论", 9), ("裁定书", 12), ("不符合项", 50), ("待补充项", 40), ("裁定书问题", 40),
    ("数据与文本不一致", 40), ("其他提示（不影响合格）", 40),
)


def _case_row(i: int, case: dict[str, Any]) -> list[Any]:
    return [i, case["line"], case["case_number"], case["court"], case["judge"], case["month"],
            case["ruling_date"], case["verdict"], Path(case["ruling"]).name if case["ruling"] else "未提供",
            *_verdict_fields(case)]


# ---------------------------------------------------------------- xlsx

#: the sheets of the workbook before the case sheets, one table each
TABLE_SHEETS = ("概况", "评估指标", "按要求", "按规则", "各法院", "各承办人")


def _group_rate(g: GroupFigures) -> tuple[float | None, float | None, float | str | None]:
    """Rate and interval of a group, or a note in place of the interval when it is too small to rate."""
    if g.reviewed < MIN_RATED:
        return None, None, f"抽查不足 {MIN_RATED} 件，不计算合格率"
    return g.pass_rate, g.interval[0], g.interval[1]


class _Book:
    """A write-only workbook whose every sheet is one table: header row, frozen, autofiltered."""

    FORMATS = {"pct": "0.0%", "pct0": "0%", "date": "yyyy-mm-dd", "time": "yyyy-mm-dd hh:mm:ss", "num": "0.0"}

    def __init__(self) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill

        from termination.outputs import unnamed_openpyxl_temp_files

        unnamed_openpyxl_temp_files()  # a killed run leaves no sheet of party names in the temp folder
        self.wb = Workbook(write_only=True)
        self.bold, self.head_fill = Font(bold=True), PatternFill("solid", fgColor="DDE7F3")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.fills = {"合格": PatternFill("solid", fgColor="E3F1E4"), "不合格": PatternFill("solid", fgColor="FBE3E3"),
                      "待补充": PatternFill("solid", fgColor="FFF1D6")}

    def sheet(self, name: str, columns: Sequence[tuple[str, float]], freeze: str = "A2") -> Any:
        """A new sheet with its header row written."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        ws = self.wb.create_sheet(name)
        for i, (_, width) in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = freeze
        head = [WriteOnlyCell(ws, value=c) for c, _ in columns]
        for c in head:
            c.font, c.fill = self.bold, self.head_fill
        ws.append(head)
        return ws

    @staticmethod
    def append(ws: Any, row: list[Any]) -> None:
        """Write a row; text without the control characters a worksheet cannot hold (any text of a
        record may carry one, and openpyxl refuses the whole workbook: #14 finding 6)."""
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v)[:32000] if isinstance(v, str) else v for v in row])

    @staticmethod
    def close(ws: Any, columns: int, rows: int) -> None:
        """The autofilter over the header and ``rows`` data rows."""
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"

    def cell(self, ws: Any, value: Any, fmt: str | None = None, *, fill: Any = None, wrap: bool = False) -> Any:
        """A cell with a number format (``pct``, ``date`` …), fill or wrapping."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)[:32000]
        c = WriteOnlyCell(ws, value=value)
        if fmt:
            c.number_format = self.FORMATS[fmt]
        if fill is not None:
            c.fill = fill
        if wrap:
            c.alignment = self.wrap
        return c

    def table(self, name: str, columns: Sequence[tuple[str, float]], rows: Callable[[Any], Iterator[list[Any]]]) -> None:
        """A sheet holding one table; ``rows(ws)`` yields its rows (cells made with :meth:`cell`)."""
        ws = self.sheet(name, columns)
        n = 0
        for row in rows(ws):
            self.append(ws, row)
            n += 1
        self.close(ws, len(columns), n)


def write_xlsx(summary: ReviewSummary, spool: Path, target: Path) -> None:
    """The workbook a 评查 office prints and filters: one table per sheet (概况, 评估指标, 按要求,
    按规则, 各法院, 各承办人, 输入错误, 抽查案件, one sheet per court), dates as dates, rates and
    intervals as numbers, Beijing time, no rate for groups of fewer than five sampled cases."""
    s, book = summary, _Book()
    c = book.cell
    generated = datetime.fromisoformat(s.generated_at).replace(tzinfo=None)  # Beijing time, said in the note

    def overview(ws: Any) -> Iterator[list[Any]]:
        yield ["输入", s.input, "文件或目录名"]
        yield ["生成时间", c(ws, generated, "time"), "北京时间（UTC+8）"]
        yield ["抽样方式", describe_sampling(s), ""]
        for label, value, note in (
            ("读取案件数", s.lines, "非空行（JSONL）或案件数"), ("有效案件（总体）", s.population, ""),
            ("抽中案件", s.drawn, ""), ("抽查数", s.reviewed, "完成评查的案件"), ("合格", s.passed, ""),
            ("不合格", s.failed, ""), ("待补充", s.pending, "计入不合格数"), ("不合格数", s.not_passed, "不合格 + 待补充"),
        ):
            yield [label, value, note]
        yield ["终本合格率", c(ws, s.pass_rate, "pct"), "1 − 不合格数 / 抽查数"]
        yield ["95%置信区间下限", c(ws, s.interval[0] if s.reviewed else None, "pct"), "Wilson 区间"]
        yield ["95%置信区间上限", c(ws, s.interval[1] if s.reviewed else None, "pct"), "Wilson 区间"]
        yield ["与90%目标比较", s.position_label or "—", "“四个90%”之终本合格率"]
        yield ["评估加权得分", c(ws, s.score, "num"),
               "可计算项目按权重归一，权重及来源见“评估指标”" if s.score is not None else "无法计算"]
        yield ["附裁定书评查", s.text_reviewed, ""]
        yield ["仅依案件数据评查", s.record_only, ""]
        yield ["输入错误", s.input_errors, "未计入抽查数，明细见“输入错误”" if s.input_errors else ""]

    book.table("概况", [("项目", 20), ("数值", 44), ("说明", 44)], overview)
    book.table("评估指标", [("项目", 12), ("权重", 8), ("达标比例", 10), ("评查件数", 10), ("不符合", 8), ("待补充", 8),
                           ("口径", 60), ("权重来源", 60)],
               lambda ws: ([a.item, c(ws, a.weight, "pct0"), c(ws, a.share, "pct") if a.computable else "无法计算",
                            a.assessed if a.computable else None, a.violated if a.computable else None,
                            a.unknown if a.computable else None, c(ws, a.definition, wrap=True),
                            c(ws, ASSESSMENT_SOURCE, wrap=True)] for a in s.assessment))
    book.table("按要求", [("要求编号", 16), ("不符合", 8), ("待补充", 8), ("仅提示", 8), ("规则或问题", 60)],
               lambda ws: ([r.requirement, r.violated, r.unknown, r.advisory, r.title] for r in s.by_requirement))
    book.table("按规则", [("代码", 10), ("不符合", 8), ("待补充", 8), ("类别", 12), ("来源", 10), ("要求编号", 30),
                         ("规则", 60)],
               lambda ws: ([r.code, r.violated, r.unknown, SEVERITY_CN.get(r.severity, r.severity), r.source,
                            "、".join(r.requirements), r.title] for r in s.by_rule))
    rate_cols = [("抽查数", 8), ("合格", 8), ("不合格", 8), ("待补充", 8), ("合格率", 10), ("95%置信区间下限", 16),
                 ("95%置信区间上限", 24)]

    def groups(items: list[GroupFigures], judges: bool) -> Callable[[Any], Iterator[list[Any]]]:
        def rows(ws: Any) -> Iterator[list[Any]]:
            for g in items:
                rate, low, high = _group_rate(g)
                yield [g.name, *([g.court] if judges else []), g.reviewed, g.passed, g.failed, g.pending,
                       c(ws, rate, "pct"), c(ws, low, "pct"), high if isinstance(high, str) else c(ws, high, "pct")]
        return rows

    book.table("各法院", [("法院", 32), *rate_cols], groups(s.by_court, False))
    book.table("各承办人", [("承办人", 14), ("法院", 32), *rate_cols], groups(s.by_judge, True))
    if s.errors:
        book.table("输入错误", [("行号", 8), ("说明", 100)], lambda ws: ([e.line, e.message] for e in s.errors))

    # 抽查案件 and one sheet per court
    all_cases = book.sheet("抽查案件", CASE_COLUMNS, freeze="D2")
    used = {*TABLE_SHEETS, "输入错误", "抽查案件"}
    courts: dict[str, list[Any]] = {}  # court → [sheet, rows written]
    for g in s.by_court[:MAX_COURT_SHEETS]:
        name = re.sub(r"[\[\]:*?/\\\x00-\x1f\x7f]", "", g.name)[:31] or "法院"
        k = 2
        while name in used:
            suffix = f"（{k}）"
            name, k = name[: 31 - len(suffix)] + suffix, k + 1
        used.add(name)
        courts[g.name] = [book.sheet(name, CASE_COLUMNS, freeze="D2"), 0]
    total = 0
    for i, case in enumerate(_iter_cases(spool), start=1):
        total = i
        values = _case_row(i, case)
        targets = [(all_cases, i)]
        if case["court"] in courts:
            courts[case["court"]][1] += 1
            targets.append((courts[case["court"]][0], courts[case["court"]][1]))
        for sheet, number in targets:
            # styled cells only where needed: openpyxl styles cost time per cell
            row: list[Any] = [number, *values[1:9]]
            row[6] = c(sheet, date.fromisoformat(row[6]), "date")  # 裁定日期: a date, not text
            row[7] = c(sheet, row[7], fill=book.fills[row[7]])
            row.extend(c(sheet, v, wrap=True) if "\n" in v else c(sheet, v) for v in values[9:])
            book.append(sheet, row)
    book.close(all_cases, len(CASE_COLUMNS), total)
    for sheet, n in courts.values():
        book.close(sheet, len(CASE_COLUMNS), n)
    book.wb.save(target)


# ---------------------------------------------------------------- svg charts


def _esc(s: object) -> str:
    return html.escape(str(s), quote=True)


def _axis_min(values: list[float]) -> float:
    """Left end of a rate axis: a round tenth below the lowest value, never above 80 %."""
    low = min([TARGET_RATE, *values])
    return max(0.0, min(0.8, math.floor(low * 10) / 10 - 0.1))


def pass_rate_svg(s: ReviewSummary) -> str:
    """The pass rate with its 95 % interval against the 90 % line."""
    w, h, left, right = 1000, 150, 40, 40
    lo = 0.0 if s.pass_rate is None else _axis_min([s.interval[0]])
    span = 1.0 - lo

    def x(v: float) -> float:
        return left + (v - lo) / span * (w - left - right)

    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
              'aria-label="终本合格率及置信区间">')]
    parts.append(f'<rect x="{left}" y="50" width="{w - left - right}" height="34" fill="#eef1f5" rx="4"/>')
    step = 0.1 if span > 0.3 else 0.05
    t = lo
    while t <= 1.0 + 1e-9:
        parts.append(f'<line x1="{x(t):.1f}" y1="84" x2="{x(t):.1f}" y2="90" stroke="#777"/>'
                     f'<text x="{x(t):.1f}" y="106" font-size="13" text-anchor="middle" fill="#555">{t * 100:.0f}%</text>')
        t += step
    if s.pass_rate is not None:
        colour = {"above": GREEN, "below": RED}.get(s.position or "", AMBER)
        a, b = s.interval
        parts.append(f'<rect x="{x(lo):.1f}" y="58" width="{x(s.pass_rate) - x(lo):.1f}" height="18" '
                     f'fill="{colour}" opacity="0.85" rx="3"/>')
        parts.append(f'<line x1="{x(a):.1f}" y1="67" x2="{x(b):.1f}" y2="67" stroke="#222" stroke-width="2"/>'
                     f'<line x1="{x(a):.1f}" y1="59" x2="{x(a):.1f}" y2="75" stroke="#222" stroke-width="2"/>'
                     f'<line x1="{x(b):.1f}" y1="59" x2="{x(b):.1f}" y2="75" stroke="#222" stroke-width="2"/>')
        parts.append(f'<circle cx="{x(s.pass_rate):.1f}" cy="67" r="6" fill="#fff" stroke="#222" stroke-width="2"/>')
        anchor = "end" if x(s.pass_rate) > w * 0.6 else "start"
        dx = -10 if anchor == "end" else 10
        parts.append(f'<text x="{x(s.pass_rate) + dx:.1f}" y="38" font-size="16" font-weight="bold" '
                     f'text-anchor="{anchor}" fill="{colour}">合格率 {_pct(s.pass_rate)}'
                     f'（95%置信区间 {_pct(a)}–{_pct(b)}）</text>')
    tx = x(TARGET_RATE)
    parts.append(f'<line x1="{tx:.1f}" y1="44" x2="{tx:.1f}" y2="92" stroke="{RED}" stroke-width="2.5" '
                 f'stroke-dasharray="6 4"/>'
                 f'<text x="{tx:.1f}" y="128" font-size="13" text-anchor="middle" fill="{RED}">90% 目标线</text>')
    parts.append("</svg>")
    return "".join(parts)


def bars_svg(rows: list[tuple[str, list[tuple[int, str, str]], str]], *, label_width: int = 260,
             aria: str) -> str:
    """Horizontal stacked bars: ``(label, [(value, colour, legend)], right-hand text)`` per row."""
    if not rows:
        return '<p class="muted">无数据</p>'
    w, row_h, top = 1000, 26, 8
    right = 150
    total_max = max(sum(v for v, _, _ in segs) for _, segs, _ in rows) or 1
    scale = (w - label_width - right) / total_max
    h = top + row_h * len(rows) + 8
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
              f'aria-label="{_esc(aria)}">')]
    for i, (label, segs, tail) in enumerate(rows):
        y = top + i * row_h
        short = label if len(label) <= 30 else label[:29] + "…"
        parts.append(f'<text x="{label_width - 8}" y="{y + 17}" font-size="13" text-anchor="end" fill="#333">'
                     f'<title>{_esc(label)}</title>{_esc(short)}</text>')
        xpos = float(label_width)
        for value, colour, legend in segs:
            if value <= 0:
                continue
            width = value * scale
            parts.append(f'<rect x="{xpos:.1f}" y="{y + 4}" width="{width:.1f}" height="{row_h - 8}" fill="{colour}">'
                         f'<title>{_esc(legend)}：{value}</title></rect>')
            xpos += width
        parts.append(f'<text x="{xpos + 6:.1f}" y="{y + 17}" font-size="12" fill="#444">{_esc(tail)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def forest_svg(groups: list[GroupFigures], *, aria: str, label_width: int = 230) -> str:
    """Pass rate and 95 % interval per group, against the 90 % line."""
    groups = [g for g in groups if g.reviewed]
    if not groups:
        return '<p class="muted">无数据</p>'
    w, row_h, top, right = 1000, 26, 26, 150
    lo = _axis_min([g.interval[0] for g in groups])
    span = 1.0 - lo

    def x(v: float) -> float:
        return label_width + (v - lo) / span * (w - label_width - right)

    h = top + row_h * len(groups) + 10
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
              f'aria-label="{_esc(aria)}">')]
    step = 0.1 if span > 0.3 else 0.05
    t = lo
    while t <= 1.0 + 1e-9:
        parts.append(f'<line x1="{x(t):.1f}" y1="{top - 4}" x2="{x(t):.1f}" y2="{h - 6}" stroke="#e3e6ea"/>'
                     f'<text x="{x(t):.1f}" y="{top - 10}" font-size="12" text-anchor="middle" fill="#666">'
                     f'{t * 100:.0f}%</text>')
        t += step
    parts.append(f'<line x1="{x(TARGET_RATE):.1f}" y1="{top - 4}" x2="{x(TARGET_RATE):.1f}" y2="{h - 6}" '
                 f'stroke="{RED}" stroke-width="2" stroke-dasharray="6 4"/>')
    for i, g in enumerate(groups):
        y = top + i * row_h + row_h / 2
        a, b = g.interval
        rate = g.pass_rate or 0.0
        colour = GREEN if a >= TARGET_RATE else RED if b < TARGET_RATE else AMBER
        short = g.name if len(g.name) <= 18 else g.name[:17] + "…"
        parts.append(f'<text x="{label_width - 8}" y="{y + 5:.1f}" font-size="13" text-anchor="end" fill="#333">'
                     f'<title>{_esc(g.name)}</title>{_esc(short)}</text>')
        parts.append(f'<line x1="{x(a):.1f}" y1="{y:.1f}" x2="{x(b):.1f}" y2="{y:.1f}" stroke="{colour}" '
                     f'stroke-width="3"/><circle cx="{x(rate):.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>')
        parts.append(f'<text x="{w - right + 10}" y="{y + 5:.1f}" font-size="12" fill="#444">'
                     f'{_pct(rate)}（{g.passed}/{g.reviewed}）</text>')
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- html

_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>终本案件质量评查报告</title>
<style>
body{margin:0;background:#f4f6f9;color:#222;font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:1100px;margin:0 auto;padding:28px 32px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:34px 0 12px;padding-left:10px;border-left:4px solid #1f5fa8}
.meta{color:#555;font-size:14px}.muted{color:#777}
.cards{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin:22px 0 8px}
.card{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.card .k{font-size:13px;color:#666}.card .v{font-size:26px;font-weight:bold}
.card.big{grid-column:span 2}.card.big .v{font-size:32px}
.panel{background:#fff;border-radius:8px;padding:16px 18px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13.5px}
th,td{border-bottom:1px solid #e5e8ec;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef3f9;font-weight:600;white-space:nowrap}th.n{text-align:right}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.tag{display:inline-block;padding:0 8px;border-radius:10px;font-size:12.5px;color:#fff;white-space:nowrap}
.合格{background:#2e7d32}.不合格{background:#c62828}.待补充{background:#ef8f00}
.above{color:#2e7d32}.below{color:#c62828}.straddles{color:#ef8f00}
.legend span{display:inline-block;margin-right:16px;font-size:13px}.legend i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px}
ul.defects{margin:0;padding-left:18px}ul.defects li{margin:0}
.score{font-size:20px;font-weight:bold}
.source{font-size:12.5px;color:#555}td.k{white-space:nowrap}
@page{size:A4;margin:16mm 14mm 18mm}
@media print{
body{background:#fff;font-size:10.5pt}
main{max-width:none;padding:0}
.cards{grid-template-columns:repeat(3,1fr);gap:6px}
.card,.panel{box-shadow:none;border:1px solid #c9ced6}
.card.big{grid-column:span 3}
h2{margin-top:18px;break-after:avoid;page-break-after:avoid}
table{font-size:9pt}
thead{display:table-header-group}
tr,.card,.panel,svg{break-inside:avoid;page-break-inside:avoid}
.tag{color:#000;border:1px solid #888;background:none!important}
a{color:inherit;text-decoration:none}
}
</style></head>
<body><main>
<h1>终本案件质量评查报告</h1>
<div class="meta">输入：{{ s.input }}　|　{{ sampling }}　|　生成时间：{{ generated }}（北京时间）</div>

<div class="cards">
  <div class="card big"><div class="k">终本合格率（1 − 不合格数 / 抽查数）</div>
    <div class="v {{ s.position or '' }}">{{ pct(s.pass_rate) }}</div>
    <div class="k">95%置信区间 {{ pct(s.interval[0]) }}–{{ pct(s.interval[1]) }}<br>{{ s.position_label or '' }}</div></div>
  <div class="card"><div class="k">抽查数</div><div class="v">{{ s.reviewed }}</div><div class="k">总体 {{ s.population }} 件</div></div>
  <div class="card"><div class="k">合格</div><div class="v above">{{ s.passed }}</div></div>
  <div class="card"><div class="k">不合格 / 待补充</div><div class="v below">{{ s.failed }} / <span class="straddles">{{ s.pending }}</span></div><div class="k">不合格数 {{ s.not_passed }}</div></div>
  <div class="card"><div class="k">输入错误</div><div class="v {{ 'below' if s.input_errors else '' }}">{{ s.input_errors }}</div><div class="k">未计入抽查数</div></div>
</div>

<h2>终本合格率与 90% 目标</h2>
<div class="panel">{{ rate_svg }}
<p class="muted">条形为合格率，黑线为 Wilson 95% 置信区间，红色虚线为“四个90%”中终本合格率 90% 的目标。待补充案件计入不合格数。</p></div>

<h2>第三方评估指标（终本案件）</h2>
<table><thead><tr><th>项目</th><th class="n">权重</th><th class="n">达标比例</th><th class="n">评查件数</th><th class="n">不符合</th><th class="n">待补充</th><th>口径</th></tr></thead>
{% for a in s.assessment %}<tr><td class="k">{{ a.item }}</td><td class="n">{{ '%d' % (a.weight * 100) }}%</td>
<td class="n">{{ pct(a.share) if a.computable else '无法计算' }}</td><td class="n">{{ a.assessed if a.computable else '—' }}</td>
<td class="n">{{ a.violated if a.computable else '—' }}</td><td class="n">{{ a.unknown if a.computable else '—' }}</td><td>{{ a.definition }}</td></tr>
{% endfor %}</table>
<p class="source">权重来源：{{ source }}。“四个90%”中终本合格率的目标为 90%。</p>
<p>加权得分（可计算项目按权重归一）：<span class="score">{{ '%.1f' % s.score if s.score is not none else '无法计算' }}</span> 分</p>

<h2>按要求统计的不符合案件数</h2>
<div class="panel"><div class="legend"><span><i style="background:#c62828"></i>不符合</span><span><i style="background:#ef8f00"></i>待补充</span></div>
{{ req_svg }}
{% if advisory %}<p class="muted">另有仅涉及程序瑕疵或地方规范（不影响合格判定）的要求：{% for r in advisory %}{{ r.requirement }}（{{ r.advisory }} 件）{{ '、' if not loop.last }}{% endfor %}。</p>{% endif %}</div>

<h2>各法院终本合格率</h2>
<div class="panel">{{ court_svg }}
<p class="muted">圆点为合格率，线段为 95% 置信区间，红色虚线为 90%。绿色：达标；红色：未达标；橙色：置信区间跨越 90%，尚不能下结论。{% if small_courts %}抽查不足 {{ min_rated }} 件的 {{ small_courts }} 个法院未列入图中。{% endif %}</p></div>
<table><thead><tr><th>法院</th><th class="n">抽查数</th><th class="n">合格</th><th class="n">不合格</th><th class="n">待补充</th><th class="n">合格率</th><th class="n">95%置信区间</th></tr></thead>
{% for g in s.by_court %}<tr><td>{{ g.name }}</td><td class="n">{{ g.reviewed }}</td><td class="n">{{ g.passed }}</td><td class="n">{{ g.failed }}</td><td class="n">{{ g.pending }}</td>{{ rate_cells(g) }}</tr>
{% endfor %}</table>

<h2>各承办人</h2>
<table><thead><tr><th>承办人</th><th>法院</th><th class="n">抽查数</th><th class="n">合格</th><th class="n">不合格</th><th class="n">待补充</th><th class="n">合格率</th><th class="n">95%置信区间</th></tr></thead>
{% for g in judges %}<tr><td>{{ g.name }}</td><td>{{ g.court }}</td><td class="n">{{ g.reviewed }}</td><td class="n">{{ g.passed }}</td><td class="n">{{ g.failed }}</td><td class="n">{{ g.pending }}</td>{{ rate_cells(g) }}</tr>
{% endfor %}</table>
<p class="muted">抽查不足 {{ min_rated }} 件的法院、承办人只列件数，不计算合格率：件数过少的比率没有意义，也不宜据以评价个人。</p>
{% if s.by_judge|length > judges|length %}<p class="muted">仅列出抽查数最多的 {{ judges|length }} 名承办人，全部见 review.xlsx。</p>{% endif %}

<h2>按规则统计</h2>
<table><thead><tr><th>代码</th><th>规则或问题</th><th>类别</th><th>要求编号</th><th class="n">不符合</th><th class="n">待补充</th></tr></thead>
{% for r in s.by_rule %}<tr><td>{{ r.code }}</td><td>{{ r.title }}</td><td>{{ severity[r.severity] }}</td><td>{{ r.requirements|join('、') }}</td><td class="n">{{ r.violated }}</td><td class="n">{{ r.unknown }}</td></tr>
{% endfor %}</table>

<h2>不合格及待补充案件</h2>
{% if cases %}<table><thead><tr><th>行号</th><th>案号</th><th>法院 / 承办人</th><th>结论</th><th>问题</th></tr></thead>
{% for c in cases %}<tr><td class="n">{{ c.line }}</td><td>{{ c.case_number }}</td><td>{{ c.court }}<br><span class="muted">{{ c.judge }}</span></td>
<td><span class="tag {{ c.verdict }}">{{ c.verdict }}</span></td>
<td><ul class="defects">{% for d in c.defects if d.counts %}<li>{{ d.code }} {{ d.message if d.source == '核对' else d.title }}{% if d.status == 'unknown' %}（待补充）{% endif %}</li>{% endfor %}</ul></td></tr>
{% endfor %}</table>
{% if more_cases %}<p class="muted">另有 {{ more_cases }} 件未列出，全部见 review.xlsx 与 review.json。</p>{% endif %}
{% else %}<p class="muted">没有不合格或待补充的案件。</p>{% endif %}

{% if s.errors %}<h2>输入错误（{{ s.input_errors }} 处）</h2>
<table><thead><tr><th>行号</th><th>说明</th></tr></thead>{% for e in s.errors[:errors_max] %}<tr><td class="n">{{ e.line }}</td><td>{{ e.message }}</td></tr>{% endfor %}</table>
{% if s.input_errors > errors_max %}<p class="muted">仅列出前 {{ errors_max }} 处。</p>{% endif %}{% endif %}

<h2>说明</h2>
<ul>{% for n in s.notes %}<li>{{ n }}</li>{% endfor %}
<li>合格：终本条件（阻却性规则及系统校验规则）均符合，裁定书无文本问题，案件数据与裁定书一致。</li></ul>
</main></body></html>
"""


def write_html(summary: ReviewSummary, spool: Path, target: Path) -> None:
    """The self-contained HTML report (inline CSS and SVG, no external resources)."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    cases: list[dict[str, Any]] = []
    more = 0
    for case in _iter_cases(spool):
        if case["verdict"] != "合格":
            if len(cases) < HTML_CASES_MAX:
                cases.append(case)
            else:
                more += 1
    reqs = [r for r in summary.by_requirement if r.violated or r.unknown][:15]
    req_rows = [(f"{r.requirement} {r.title}", [(r.violated, RED, "不符合"), (r.unknown, AMBER, "待补充")],
                 f"{r.violated}" + (f" + {r.unknown}" if r.unknown else "")) for r in reqs]
    advisory = [r for r in summary.by_requirement if r.advisory and not (r.violated or r.unknown)]
    def rate_cells(g: GroupFigures) -> Markup:
        if g.reviewed < MIN_RATED:
            return Markup('<td class="n">—</td><td class="n muted">不足{}件</td>').format(MIN_RATED)
        return Markup('<td class="n">{}</td><td class="n">{}–{}</td>').format(
            _pct(g.pass_rate), _pct(g.interval[0]), _pct(g.interval[1]))

    rated_courts = [g for g in summary.by_court if g.reviewed >= MIN_RATED]
    generated = datetime.fromisoformat(summary.generated_at)
    page = env.from_string(_HTML).render(
        s=summary, sampling=describe_sampling(summary), pct=_pct, severity=SEVERITY_CN,
        generated=f"{generated.year}年{generated.month}月{generated.day}日 {generated:%H:%M}",
        source=ASSESSMENT_SOURCE, min_rated=MIN_RATED, rate_cells=rate_cells,
        small_courts=len(summary.by_court) - len(rated_courts),
        rate_svg=Markup(pass_rate_svg(summary)),
        req_svg=Markup(bars_svg(req_rows, label_width=430, aria="按要求统计的不符合案件数")),
        advisory=advisory,
        court_svg=Markup(forest_svg(rated_courts[:40], aria="各法院终本合格率")),
        judges=summary.by_judge[:30], cases=cases, more_cases=more, errors_max=HTML_ERRORS_MAX,
    )
    target.write_text(page, encoding="utf-8")


# ---------------------------------------------------------------- json


def write_json(summary: ReviewSummary, spool: Path, target: Path) -> None:
    """``{"summary": …, "cases": [CaseResult, …]}``, streamed."""
    with target.open("w", encoding="utf-8") as out:
        out.write('{"summary": ')
        out.write(json.dumps(summary.model_dump(mode="json"), ensure_ascii=False, indent=1))
        out.write(',\n "cases": [')
        first = True
        with spool.open(encoding="utf-8") as fh:
            for line in fh:
                out.write("\n  " if first else ",\n  ")
                out.write(line.rstrip("\n"))
                first = False
        out.write("\n ]\n}\n")


# ---------------------------------------------------------------- all three, atomically


def write_reports(summary: ReviewSummary, spool: Path, outdir: Path) -> list[Path]:
    """Write the three reports; they appear together or not at all (even under kill -9)."""
    from termination.outputs import write_set

    writers = {"review.xlsx": write_xlsx, "review.html": write_html, "review.json": write_json}
    write_set(outdir, {name: functools.partial(writer, summary, spool) for name, writer in writers.items()})
    return [outdir / n for n in REPORT_NAMES]
