"""``termination calendar``: the obligations calendar of terminated cases.

Input: whatever :mod:`termination.io` reads — case files, JSON arrays, JSON Lines (bare records
or ``{"case": …}`` lines), folders of them, in UTF-8, UTF-16 or GB18030. A bad line or file is
reported on stderr (one Chinese line per problem, with the file and line) and skipped; the
calendar is still written, then exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termination.case import CaseRecord
from termination.cli import CASE_INPUT_HELP, problem_lines
from termination.errors import InputError, OutputError
from termination.io import iso_date, read_items, write_atomic
from termination.obligations.compute import build_calendar
from termination.obligations.output import summary, to_ics, to_json, to_text, to_xlsx

FORMATS = ("text", "json", "xlsx", "ics")


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``termination calendar``."""
    p.add_argument(
        "cases",
        nargs="+",
        type=Path,
        metavar="CASES",
        help=CASE_INPUT_HELP,
    )
    p.add_argument(
        "--as-of", type=iso_date, required=True, metavar="DATE", help="计算基准日（YYYY-MM-DD）"
    )
    p.add_argument(
        "--soon-days",
        type=int,
        default=30,
        metavar="N",
        help="多少日内到期视为“即将到期”（默认 30）",
    )
    p.add_argument("--court", metavar="COURT", help="只列出该执行法院（全称）的案件")
    p.add_argument("--judge", metavar="JUDGE", help="只列出该承办人的案件")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="输出格式：text 中文表格 / json / xlsx 表格 / ics 日历（默认 text）",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="输出文件（xlsx 必须指定；默认输出到标准输出）",
    )


def run(args: argparse.Namespace) -> int:
    """Compute the calendar and write it; exit 2 if any input line or file was bad."""
    if args.soon_days < 0:
        raise InputError("不能为负数", field="--soon-days")
    if args.format == "xlsx" and args.output is None:
        raise InputError("xlsx 格式必须用 -o 指定输出文件", field="--output")
    cases: list[CaseRecord] = []
    bad = 0
    for item in read_items(args.cases):
        if item.record is None:
            sys.stderr.write(problem_lines(f"termination：{item.source}", item.problems))
            bad += 1
        else:
            sys.stderr.write(problem_lines(f"termination：{item.source}", item.warnings, warning=True))
            cases.append(item.record)
    if not cases and bad == 0:
        raise InputError("没有找到案件记录", field="CASES")
    report = build_calendar(
        cases, as_of=args.as_of, soon_days=args.soon_days, court=args.court, judge=args.judge
    )
    data: bytes
    if args.format == "xlsx":
        data = to_xlsx(report)
    elif args.format == "ics":
        data = to_ics(report)
    elif args.format == "json":
        data = to_json(report).encode("utf-8")
    else:
        data = to_text(report).encode("utf-8")
    if args.format in ("xlsx", "ics"):
        for f in report.findings:  # these formats carry obligations only
            sys.stderr.write(f"termination：记录问题：{f.case_number}：{f.message}\n")
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))  # text, json or ics (xlsx always goes to a file)
    else:
        try:
            write_atomic(args.output, data)
        except OSError as exc:
            raise OutputError.from_os_error(exc, args.output) from None
        sys.stderr.write(f"termination：已写入 {args.output}（{summary(report)}）\n")
    return 2 if bad else 0
