"""``termination analyze PATH [--format text|json]``: review the text of published rulings.

Exit codes: 0 all files read and no problem found; 1 some 终本 text has problems;
2 some input could not be read (each is reported, the rest are still analysed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from termination import glossary
from termination.analysis.analyzer import analyze_text
from termination.analysis.models import MEASURE_LABELS, RulingAnalysis
from termination.analysis.reader import SUFFIXES, read_ruling
from termination.errors import RulingFileError

KIND_LABELS: Mapping[str, str] = glossary.terms("ruling_kinds")
CONTENT_LABELS: Mapping[str, str] = glossary.terms("ruling_contents")
ROLE_LABELS: Mapping[str, str] = glossary.terms("ruling_roles")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``termination analyze``."""
    parser.description = "分析已公开的终本裁定书文本：是否为终本、法定五项内容、执行措施及存在的问题。"
    parser.add_argument("path", metavar="PATH", type=Path, help="裁定书文件（.txt 或 .docx）或包含这些文件的文件夹")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="输出格式：text（中文报告，默认）或 json（每个文件一个 JSON 对象，文件夹输出为列表）",
    )


def _inputs(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in SUFFIXES and p.is_file() and not p.name.startswith(("~$", "."))
        )
    return [path]


def run(args: argparse.Namespace) -> int:
    """Analyse ``args.path`` and print the report; return the exit code."""
    path: Path = args.path
    out: TextIO = sys.stdout
    if not path.exists():
        print(f"错误：路径“{path}”不存在", file=sys.stderr)
        return 2
    files = _inputs(path)
    if not files:
        print(f"错误：文件夹“{path}”中没有 .txt 或 .docx 文件", file=sys.stderr)
        return 2
    unreadable = False
    with_problems = False
    records: list[dict[str, Any]] = []
    for number, file in enumerate(files):
        try:
            result = analyze_text(read_ruling(file))
        except RulingFileError as exc:
            unreadable = True
            print(f"错误：{exc}", file=sys.stderr)
            records.append({"path": str(file), "error": str(exc)})
            continue
        with_problems = with_problems or bool(result.problems)
        if args.format == "json":
            records.append({"path": str(file), **result.model_dump(mode="json")})
        else:
            if number:
                out.write("\n")
            out.write(render_text(file, result))
    if args.format == "json":
        payload: Any = records if path.is_dir() else (records[0] if records and "error" not in records[0] else None)
        if payload is not None:
            json.dump(payload, out, ensure_ascii=False, indent=2)
            out.write("\n")
    return 2 if unreadable else (1 if with_problems else 0)


def render_text(path: Path, result: RulingAnalysis) -> str:
    """Chinese plain-text report for one ruling."""
    lines = [f"文件：{path}", f"文书类型：{KIND_LABELS[result.kind]}"]
    if result.draft:
        lines.append("本文本是草稿（标有“草稿”或“待补充”），不是正式裁定书。")
    lines.append(
        f"案号：{result.case_number or '未识别'}　法院：{result.court or '未识别'}　"
        f"裁定日期：{result.date.isoformat() if result.date else '未识别'}　"
        f"立案日期：{result.filing_date.isoformat() if result.filing_date else '未识别'}"
    )
    if result.parties:
        parties = "；".join(
            f"{ROLE_LABELS[p.role]} {p.name}（{'单位' if p.kind == 'organisation' else '自然人'}）" for p in result.parties
        )
        lines.append(f"当事人：{parties}")
    if result.basis:
        b = result.basis
        issuer = f"（{b.issuer}）" if b.issuer else ""
        lines.append(f"执行依据：{b.number or ''}{b.document or ''}{issuer}")
    amounts = [
        (label, value)
        for label, value in (
            ("申请执行标的", result.claim_amount),
            ("已执行到位", result.recovered_amount),
            ("未执行到位", result.outstanding_amount),
        )
        if value is not None
    ]
    if amounts:
        lines.append("金额：" + "；".join(f"{label} {value}元" for label, value in amounts))
    if not result.is_zhongben:
        lines.append("本文书不是终结本次执行程序裁定，不作终本评查。")
        return "\n".join(lines) + "\n"
    lines.append("法定内容（终本规定第六条，条文措辞未核实）：")
    for name, label in CONTENT_LABELS.items():
        item = getattr(result.contents, name)
        partial = name == "rights" and result.contents.rights.grade == "partial"
        mark = "△" if partial else "✓" if item.present else "✗"
        note = "（只写明了一半，见下列问题）" if partial else ""
        lines.append(f"  {mark} {label}：{item.evidence if item.present else '未写明'}{note}")
    lines.append("执行措施：" if result.measures else "执行措施：未识别到")
    for m in result.measures:
        when = m.date.isoformat() if m.date else "日期未载明"
        lines.append(f"  - {MEASURE_LABELS[m.measure]}（{when}）：{m.evidence}")
    if result.problems:
        lines.append(f"发现问题（{len(result.problems)}项）：")
        for p in result.problems:
            lines.append(f"  ✗ [{p.code}] {p.message}")
            lines.append(f"    依据：{p.citation}")
    else:
        lines.append("未发现问题。")
    return "\n".join(lines) + "\n"
