"""``termination holidays``: where each year's holidays come from, and importing a new year.

::

    termination holidays [list]                       各年度的节假日依据
    termination holidays show 2027                    某年的节假日和调休上班日（注明依据）
    termination holidays import 2027.json --number 国办发明电〔2026〕N号 --issued 2026-11-DD
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from termination import holidays
from termination.io import iso_date
from termination.errors import InputError
from termination.holidays import data, provisional
from termination.io import write_atomic

_WEEKDAYS = "一二三四五六日"


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``termination holidays``."""
    sub = p.add_subparsers(dest="action", metavar="操作", parser_class=type(p))
    sub.add_parser("list", help="列出各年度的节假日依据（默认）", description="列出各年度的节假日依据")
    show = sub.add_parser("show", help="列出某年的节假日和调休上班日", description="列出某年的节假日和调休上班日")
    show.add_argument("year", type=int, metavar="YEAR", help="年份，如 2027")
    imp = sub.add_parser(
        "import",
        help="导入国务院公布的某年放假安排（holiday-cn JSON 格式）",
        description="导入国务院公布的某年放假安排（holiday-cn JSON 格式：year、papers、days[name, date, isOffDay]），"
        "写入仓库的节假日数据文件。必须注明通知的文号和发布日期。",
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="holiday-cn 格式的年度 JSON 文件")
    imp.add_argument("--number", required=True, metavar="文号", help="通知文号，如 国办发明电〔2025〕7号")
    imp.add_argument("--issued", required=True, type=iso_date, metavar="DATE", help="通知发布日期（YYYY-MM-DD）")
    imp.add_argument("--title", metavar="标题", help="通知标题（默认：国务院办公厅关于YYYY年部分节假日安排的通知）")
    imp.add_argument("--url", metavar="URL", help="通知网址（默认取文件中的 papers）")
    imp.add_argument("--replace", action="store_true", help="替换数据文件中已有的同一年度")
    imp.add_argument("--data", type=Path, default=None, metavar="FILE", help="节假日数据文件（默认为仓库中的 corpus/holidays/official.json）")


def run(args: argparse.Namespace) -> int:
    """Dispatch to list / show / import."""
    action = args.action or "list"
    if action == "show":
        sys.stdout.write(show_year(args.year))
    elif action == "import":
        sys.stdout.write(import_file(args) + "\n")
    else:
        sys.stdout.write(list_years())
    return 0


def list_years() -> str:
    """One line per source of holiday data, then the provisional rule."""
    first, last = holidays.package_years()
    lines = [f"{first}—{last}年：国务院办公厅放假安排通知（{holidays.package_label()} 数据）"]
    content = data.load_file(data.DATA_FILE)
    for y in sorted(content.years, key=lambda y: y.year):
        lines.append(f"{y.year}年：{holidays.year_basis(y.year).text}")
    later = max(holidays.official_years()) + 1
    lines.append(
        f"{later}年起（国务院尚未公布或尚未导入）：{provisional.RULE_TEXT}；"
        f"据此计算的日期均标注“{holidays.PROVISIONAL_MARK}”，不作为终本检查的依据"
    )
    return "\n".join(lines) + "\n"


def show_year(year: int) -> str:
    """Every rest day that is not a plain weekend, and every working weekend, of ``year``."""
    basis = holidays.year_basis(year)
    if basis.basis == "none":
        raise InputError(holidays.not_official_message(year), field="YEAR")
    lines = [f"{year}年节假日（依据：{basis.text}）"]
    d = date(year, 1, 1)
    while d.year == year:
        info = holidays.day_info(d)
        weekend = d.weekday() >= 5
        name = provisional.statutory_days(year).get(d, "") if info.provisional else ""
        if info.workday and weekend:
            what = "调休上班"
        elif not info.workday and not weekend:
            what = f"放假 {name}".rstrip()
        elif name:
            what = f"{name}（适逢周末）"
        else:
            d += timedelta(days=1)
            continue
        lines.append(f"  {d.isoformat()}（星期{_WEEKDAYS[d.weekday()]}）{what}")
        d += timedelta(days=1)
    return "\n".join(lines) + "\n"


def import_file(args: argparse.Namespace) -> str:
    """Validate a holiday-cn file and write its year into the data file (atomically)."""
    target: Path = args.data or data.DATA_FILE
    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取文件（{exc.strerror}）", field=str(args.file)) from None
    year_hint = data.parse_holiday_cn(raw)[0]
    title = args.title or f"国务院办公厅关于{year_hint}年部分节假日安排的通知"
    try:
        notice = data.Notice(title=title, number=args.number, issued_on=args.issued, url=args.url)
    except ValueError:
        raise InputError("通知标题和文号不能为空", field="--number") from None
    schedule = data.schedule_from_holiday_cn(raw, notice)
    first, last = holidays.package_years()
    if first <= schedule.year <= last:
        raise InputError(
            f"{schedule.year}年已由 {holidays.package_label()} 收录（{first}—{last}年），无需导入",
            field="FILE",
        )
    if args.issued.year not in (schedule.year - 1, schedule.year):
        raise InputError(f"发布日期{args.issued}不像{schedule.year}年放假安排的发布日期", field="--issued")
    content = data.load_file(target)
    existing = [y for y in content.years if y.year == schedule.year]
    if existing and not args.replace:
        raise InputError(f"数据文件中已有{schedule.year}年（如确需替换，加 --replace）", field="FILE")
    years = [y for y in content.years if y.year != schedule.year] + [schedule]
    write_atomic(target, data.dump_file(content.model_copy(update={"years": years})))
    holidays.reload()
    off = sum(d.off for d in schedule.days)
    return (
        f"已导入{schedule.year}年放假安排（{notice.number}，{notice.issued_on.isoformat()}）："
        f"放假{off}天，调休上班{len(schedule.days) - off}天，写入 {target}"
    )
