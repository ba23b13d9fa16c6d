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
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from termination.review.figures import SEVERITY_CN, GroupFigures, ReviewSummary
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
    size = f"{s.sample} 件" if s.sample is not None else f"比例 {s.rate:g}"
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


def write_xlsx(summary: ReviewSummary, spool: Path, target: Path) -> None:
    """The workbook: 汇总, 抽查案件 (one row per case), one sheet per court."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold, title_font = Font(bold=True), Font(bold=True, size=14)
    head_fill = PatternFill("solid", fgColor="DDE7F3")
    wrap = Alignment(wrap_text=True, vertical="top")
    fills = {"合格": PatternFill("solid", fgColor="E3F1E4"), "不合格": PatternFill("solid", fgColor="FBE3E3"),
             "待补充": PatternFill("solid", fgColor="FFF1D6")}

    def _clean_text(value: str) -> str:
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32000]

    def cell(ws: Any, value: Any, *, font: Font | None = None, fill: PatternFill | None = None,
             align: Alignment | None = None, fmt: str | None = None) -> Any:
        if isinstance(value, str):
            value = _clean_text(value)
        c = WriteOnlyCell(ws, value=value)
        if font:
            c.font = font
        if fill:
            c.fill = fill
        if align:
            c.alignment = align
        if fmt:
            c.number_format = fmt
        return c

    def header(ws: Any, names: list[str]) -> None:
        ws.append([cell(ws, n, font=bold, fill=head_fill) for n in names])

    # 汇总
    ws = wb.create_sheet("汇总")
    for col, width in zip("ABCDEFG", (30, 14, 14, 14, 14, 14, 60), strict=True):
        ws.column_dimensions[col].width = width
    ws.append([cell(ws, "终本案件质量评查汇总", font=title_font)])
    ws.append([])
    rate_row = [cell(ws, "终本合格率", font=bold), cell(ws, summary.pass_rate, fmt="0.0%")]
    rows: list[list[Any]] = [
        ["输入文件", summary.input], ["生成时间", summary.generated_at], ["抽样方式", describe_sampling(summary)],
        ["读取行数", summary.lines], ["有效案件（总体）", summary.population], ["抽中案件", summary.drawn],
        ["抽查数", summary.reviewed], ["合格", summary.passed], ["不合格", summary.failed],
        ["待补充（计入不合格数）", summary.pending], ["不合格数", summary.not_passed],
    ]
    for label, value in rows:
        ws.append([cell(ws, label, font=bold), value])
    ws.append(rate_row)
    ws.append([cell(ws, "95%置信区间（Wilson）", font=bold), cell(ws, summary.interval[0], fmt="0.0%"),
               cell(ws, summary.interval[1], fmt="0.0%")])
    ws.append([cell(ws, "与90%目标比较", font=bold), summary.position_label or "—"])
    ws.append([cell(ws, "附裁定书评查", font=bold), summary.text_reviewed])
    ws.append([cell(ws, "仅依案件数据评查", font=bold), summary.record_only])
    ws.append([cell(ws, "输入错误", font=bold), summary.input_errors])
    ws.append([])
    ws.append([cell(ws, "第三方评估指标（终本案件）", font=title_font)])
    header(ws, ["项目", "权重", "达标比例", "评查件数", "不符合", "待补充", "口径"])
    for a in summary.assessment:
        ws.append([a.item, cell(ws, a.weight, fmt="0%"),
                   cell(ws, a.share, fmt="0.0%") if a.computable else "无法计算",
                   a.assessed, a.violated, a.unknown, cell(ws, a.definition, align=wrap)])
    ws.append([cell(ws, "加权得分（可计算项目归一）", font=bold),
               cell(ws, summary.score, fmt="0.0") if summary.score is not None else "无法计算"])
    ws.append([])
    ws.append([cell(ws, "按要求统计（案件数）", font=title_font)])
    header(ws, ["要求编号", "不符合", "待补充", "仅提示", "", "", "规则或问题"])
    for r in summary.by_requirement:
        ws.append([r.requirement, r.violated, r.unknown, r.advisory, None, None, r.title])
    ws.append([])
    ws.append([cell(ws, "按规则统计（案件数）", font=title_font)])
    header(ws, ["代码", "不符合", "待补充", "类别", "来源", "要求编号", "规则"])
    for rule in summary.by_rule:
        ws.append([rule.code, rule.violated, rule.unknown, SEVERITY_CN.get(rule.severity, rule.severity), rule.source,
                   "、".join(rule.requirements), rule.title])
    for title, groups in (("各法院", summary.by_court), ("各承办人", summary.by_judge)):
        ws.append([])
        ws.append([cell(ws, title, font=title_font)])
        header(ws, ["法院" if title == "各法院" else "承办人", "抽查数", "合格", "不合格", "待补充", "合格率",
                    "95%置信区间", *([] if title == "各法院" else ["法院"])])
        for g in groups:
            ws.append([g.name, g.reviewed, g.passed, g.failed, g.pending, cell(ws, g.pass_rate, fmt="0.0%"),
                       f"{_pct(g.interval[0])}–{_pct(g.interval[1])}", *([g.court] if g.court else [])])
    if summary.errors:
        ws.append([])
        ws.append([cell(ws, f"输入错误（共 {summary.input_errors} 处）", font=title_font)])
        header(ws, ["行号", "说明"])
        for e in summary.errors:
            ws.append([e.line, e.message])

    # 抽查案件 and one sheet per court
    def case_sheet(name: str) -> Any:
        sheet = wb.create_sheet(name)
        for i, (_, width) in enumerate(CASE_COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "D2"
        header(sheet, [c for c, _ in CASE_COLUMNS])
        return sheet

    all_cases = case_sheet("抽查案件")
    used = {"汇总", "抽查案件"}
    courts: dict[str, tuple[Any, int]] = {}
    for g in summary.by_court[:MAX_COURT_SHEETS]:
        name = re.sub(r"[\[\]:*?/\\]", "", g.name)[:31] or "法院"
        k = 2
        while name in used:
            suffix = f"（{k}）"
            name, k = name[: 31 - len(suffix)] + suffix, k + 1
        used.add(name)
        courts[g.name] = (case_sheet(name), 0)
    for i, case in enumerate(_iter_cases(spool), start=1):
        values = _case_row(i, case)
        targets = [(all_cases, i)]
        if case["court"] in courts:
            sheet, n = courts[case["court"]]
            courts[case["court"]] = (sheet, n + 1)
            targets.append((sheet, n + 1))
        for sheet, number in targets:
            # styled cells only where needed: openpyxl styles cost time per cell
            row: list[Any] = [number, *values[1:9]]
            row[7] = cell(sheet, row[7], fill=fills[row[7]])
            row.extend(cell(sheet, v, align=wrap) if "\n" in v else _clean_text(v) for v in values[9:])
            sheet.append(row)
    wb.save(target)


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
</style></head>
<body><main>
<h1>终本案件质量评查报告</h1>
<div class="meta">输入：{{ s.input }}　|　{{ sampling }}　|　生成时间：{{ s.generated_at }}</div>

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
<table><tr><th>项目</th><th class="n">权重</th><th class="n">达标比例</th><th class="n">评查件数</th><th class="n">不符合</th><th class="n">待补充</th><th>口径</th></tr>
{% for a in s.assessment %}<tr><td>{{ a.item }}</td><td class="n">{{ '%d' % (a.weight * 100) }}%</td>
<td class="n">{{ pct(a.share) if a.computable else '无法计算' }}</td><td class="n">{{ a.assessed if a.computable else '—' }}</td>
<td class="n">{{ a.violated if a.computable else '—' }}</td><td class="n">{{ a.unknown if a.computable else '—' }}</td><td>{{ a.definition }}</td></tr>
{% endfor %}</table>
<p>加权得分（可计算项目按权重归一）：<span class="score">{{ '%.1f' % s.score if s.score is not none else '无法计算' }}</span> 分</p>

<h2>按要求统计的不符合案件数</h2>
<div class="panel"><div class="legend"><span><i style="background:#c62828"></i>不符合</span><span><i style="background:#ef8f00"></i>待补充</span></div>
{{ req_svg }}
{% if advisory %}<p class="muted">另有仅涉及程序瑕疵或地方规范（不影响合格判定）的要求：{% for r in advisory %}{{ r.requirement }}（{{ r.advisory }} 件）{{ '、' if not loop.last }}{% endfor %}。</p>{% endif %}</div>

<h2>各法院终本合格率</h2>
<div class="panel">{{ court_svg }}
<p class="muted">圆点为合格率，线段为 95% 置信区间，红色虚线为 90%。绿色：达标；红色：未达标；橙色：置信区间跨越 90%，尚不能下结论。</p></div>
<table><tr><th>法院</th><th class="n">抽查数</th><th class="n">合格</th><th class="n">不合格</th><th class="n">待补充</th><th class="n">合格率</th><th class="n">95%置信区间</th></tr>
{% for g in s.by_court %}<tr><td>{{ g.name }}</td><td class="n">{{ g.reviewed }}</td><td class="n">{{ g.passed }}</td><td class="n">{{ g.failed }}</td><td class="n">{{ g.pending }}</td><td class="n">{{ pct(g.pass_rate) }}</td><td class="n">{{ pct(g.interval[0]) }}–{{ pct(g.interval[1]) }}</td></tr>
{% endfor %}</table>

<h2>各承办人</h2>
<table><tr><th>承办人</th><th>法院</th><th class="n">抽查数</th><th class="n">合格</th><th class="n">不合格</th><th class="n">待补充</th><th class="n">合格率</th><th class="n">95%置信区间</th></tr>
{% for g in judges %}<tr><td>{{ g.name }}</td><td>{{ g.court }}</td><td class="n">{{ g.reviewed }}</td><td class="n">{{ g.passed }}</td><td class="n">{{ g.failed }}</td><td class="n">{{ g.pending }}</td><td class="n">{{ pct(g.pass_rate) }}</td><td class="n">{{ pct(g.interval[0]) }}–{{ pct(g.interval[1]) }}</td></tr>
{% endfor %}</table>
{% if s.by_judge|length > judges|length %}<p class="muted">仅列出抽查数最多的 {{ judges|length }} 名承办人，全部见 review.xlsx。</p>{% endif %}

<h2>按规则统计</h2>
<table><tr><th>代码</th><th>规则或问题</th><th>类别</th><th>要求编号</th><th class="n">不符合</th><th class="n">待补充</th></tr>
{% for r in s.by_rule %}<tr><td>{{ r.code }}</td><td>{{ r.title }}</td><td>{{ severity[r.severity] }}</td><td>{{ r.requirements|join('、') }}</td><td class="n">{{ r.violated }}</td><td class="n">{{ r.unknown }}</td></tr>
{% endfor %}</table>

<h2>不合格及待补充案件</h2>
{% if cases %}<table><tr><th>行号</th><th>案号</th><th>法院 / 承办人</th><th>结论</th><th>问题</th></tr>
{% for c in cases %}<tr><td class="n">{{ c.line }}</td><td>{{ c.case_number }}</td><td>{{ c.court }}<br><span class="muted">{{ c.judge }}</span></td>
<td><span class="tag {{ c.verdict }}">{{ c.verdict }}</span></td>
<td><ul class="defects">{% for d in c.defects if d.counts %}<li>{{ d.code }} {{ d.message if d.source == '核对' else d.title }}{% if d.status == 'unknown' %}（待补充）{% endif %}</li>{% endfor %}</ul></td></tr>
{% endfor %}</table>
{% if more_cases %}<p class="muted">另有 {{ more_cases }} 件未列出，全部见 review.xlsx 与 review.json。</p>{% endif %}
{% else %}<p class="muted">没有不合格或待补充的案件。</p>{% endif %}

{% if s.errors %}<h2>输入错误（{{ s.input_errors }} 处）</h2>
<table><tr><th>行号</th><th>说明</th></tr>{% for e in s.errors[:errors_max] %}<tr><td class="n">{{ e.line }}</td><td>{{ e.message }}</td></tr>{% endfor %}</table>
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
    page = env.from_string(_HTML).render(
        s=summary, sampling=describe_sampling(summary), pct=_pct, severity=SEVERITY_CN,
        rate_svg=Markup(pass_rate_svg(summary)),
        req_svg=Markup(bars_svg(req_rows, label_width=430, aria="按要求统计的不符合案件数")),
        advisory=advisory,
        court_svg=Markup(forest_svg(summary.by_court[:40], aria="各法院终本合格率")),
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
    """Write the three reports; none of the final names exists half-written at any time."""
    outdir.mkdir(parents=True, exist_ok=True)
    writers = {"review.xlsx": write_xlsx, "review.html": write_html, "review.json": write_json}
    temps: dict[str, Path] = {}
    umask = os.umask(0)
    os.umask(umask)
    try:
        for name, writer in writers.items():
            fd, tmp_name = tempfile.mkstemp(dir=outdir, prefix=f".{name}.", suffix=".tmp")
            os.close(fd)
            os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp makes 0600; reports are ordinary files
            temps[name] = Path(tmp_name)
            writer(summary, spool, temps[name])
        for name, tmp in temps.items():
            os.replace(tmp, outdir / name)
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
    return [outdir / n for n in REPORT_NAMES]
