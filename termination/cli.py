"""The ``termination`` command line (help and messages in Chinese).

Sub-commands live in their own modules and are imported only when used, so
``termination check`` never pays for jieba, python-docx or FastAPI.
Exit codes: 0 success / ready, 1 not ready (or problems found), 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from termination.errors import CaseFileError, TerminationError

#: sub-command → (module with configure()/run(), Chinese help)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("termination.cli", "检查案件是否符合终本条件，输出清单"),
    "render": ("termination.render.cli", "生成执行裁定书及配套文书（.docx / 文本）"),
    "analyze": ("termination.analysis.cli", "分析已公开的终本裁定书文本"),
    "review": ("termination.review.cli", "抽查已结终本案件并计算终本合格率"),
    "calendar": ("termination.obligations.cli", "生成终本后义务日历"),
    "holidays": ("termination.holidays.cli", "节假日数据：各年度依据、查看某年休息日、导入国务院放假安排"),
    "serve": ("termination.service.cli", "启动 HTTP 服务"),
    "rules": ("termination.cli", "列出某日有效的规则及其法律依据"),
    "schema": ("termination.cli", "输出案件数据的 JSON Schema"),
}


#: sub-command → its exit codes, shown at the end of every ``-h``
EXIT_CODES: dict[str, str] = {
    "check": "0 全部案件可以终本；1 有案件不得终本；2 输入有误（文件无法读取或案件数据无效）；4 无法写出结果",
    "render": "0 文书已写入；1 案件尚不符合终本条件（未加 --draft），缺少的事项列在标准错误输出；2 输入有误；"
              "4 无法写入（磁盘已满、没有权限等，不留下任何文书）；5 裁定书依法不在互联网公布（--publish）",
    "analyze": "0 已读取且未发现问题；1 终本裁定书有问题；2 有文件无法读取；4 无法写出结果",
    "review": "0 合格率达到 90%；1 合格率低于 90%；2 有输入错误或没有案件；4 无法写入报告（不留下任何报告）",
    "calendar": "0 日历已输出；2 有案件记录无效（其余案件照常输出）或参数有误；4 无法写入输出文件",
    "holidays": "0 已输出或已导入；2 文件或参数有误（数据文件不变）",
    "serve": "0 服务正常停止；2 参数或环境变量有误",
    "rules": "0 已输出；2 参数有误",
    "schema": "0 已输出",
}

#: one unit of wrapping: an ASCII word (never split) or one wide character, with the opening
#: brackets before it and the closing punctuation after it (kept on the same line); or spaces
_TOKEN = re.compile(r"\s+|[（“《「]*(?:[!-~]+|.)[）”》」，。、；：！？]*", re.S)


def _width(text: str) -> int:
    """Display width in terminal columns (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Wrap mixed Chinese/ASCII text by display width, breaking between CJK characters or at
    spaces, never inside an ASCII word such as ``approval`` or ``--draft``."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            if line:
                line += " "
            continue
        if line and _width(line.rstrip() + token) > width:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        # descriptions and epilogs keep their line breaks and indentation; long lines wrap
        out: list[str] = []
        for line in text.splitlines():
            lead = line[: len(line) - len(line.lstrip())]
            out.extend(indent + lead + part for part in (wrap(line, width - len(lead)) or [""]))
        return "\n".join(out)


class Parser(argparse.ArgumentParser):
    """argparse with Chinese headings and errors that exit 2 with one line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示帮助并退出")

    def error(self, message: str) -> NoReturn:
        """Print a one-line Chinese error and exit 2."""
        sys.stderr.write(f"termination：参数错误：{_translate(message)}（使用 -h 查看帮助）\n")
        raise SystemExit(2)


def _translate(message: str) -> str:
    return (
        message.replace("the following arguments are required", "缺少参数")
        .replace("unrecognized arguments", "无法识别的参数")
        .replace("invalid choice", "无效的选项")
        .replace("argument", "参数")
        .replace("expected one argument", "需要一个值")
        .replace("choose from", "可选")
    )


def build_parser() -> Parser:
    """The top-level parser with every sub-command."""
    from termination import __version__

    parser = Parser(prog="termination", description="终结本次执行程序（终本）规则检查与文书助手",
                    epilog="每个命令的用法和退出码：termination 命令 -h\n"
                           "退出码：0 成功；1 不得终本或发现问题；2 输入有误；3 内部错误；4 无法写入输出；5 裁定书依法不在互联网公布；130 已中断")
    parser.add_argument("--version", action="version", version=f"termination {__version__}",
                        help="显示版本并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=Parser)
    sub.required = True
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        configure = _CONFIGURE.get(name)
        if configure is None:
            try:
                configure = importlib.import_module(module).configure
            except ModuleNotFoundError:
                continue  # a sub-command not built yet
        configure(p)
        codes = f"退出码：{EXIT_CODES[name]}"
        if "退出码" not in (p.epilog or ""):
            p.epilog = f"{p.epilog}\n{codes}" if p.epilog else codes
        p.set_defaults(_module=module)
    return parser


# ---------------------------------------------------------------- check


CASE_INPUT_HELP = ("案件文件（.json：一件案件或案件数组；.jsonl：每行一件）或包含这些文件的目录；"
                   "每件可为案件数据，或 {\"case\": 案件数据, \"ruling\": …}；编码 UTF-8、UTF-16 或 GB18030")


def configure_check(p: argparse.ArgumentParser) -> None:
    """Arguments of ``termination check``."""
    from termination.io import iso_date  # io loads the case model: only for this sub-command

    p.add_argument("cases", nargs="+", type=Path, metavar="CASE", help=CASE_INPUT_HELP)
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="评估日期（默认：拟终本日期）")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="输出格式（默认 text）。json：一件案件输出一个决定对象；目录、多个文件或案件数组输出列表，"
                        "每项为 {\"path\", \"decision\", \"warnings\"} 或 {\"path\", \"error\", \"problems\"}")
    p.add_argument("--problems-only", action="store_true",
                   help="只列出问题：单个案件只列不符合和待补充的项目；多个案件只列不得终本和输入有误的案件")


def batch_summary(ready: int, not_ready: int, broken: int) -> str:
    """The line printed after several cases: how many may be terminated, may not, or could not be read."""
    total = ready + not_ready + broken
    tail = f"，输入有误 {broken} 件" if broken else ""
    return f"共 {total} 件：可以终本 {ready} 件，不得终本 {not_ready} 件{tail}"


def problem_lines(source: str, problems: Sequence[Any], *, warning: bool = False) -> str:
    """One stderr line per problem of an input record, prefixed by where it was read."""
    tag = "提示：" if warning else ""
    where = f"{source}：" if source else ""
    return "".join(f"{where}{tag}{p}\n" for p in problems)


def problem_json(problems: Sequence[Any]) -> list[dict[str, Any]]:
    """Problems as JSON: field path, Chinese field name, message, severity."""
    return [{"field": p.field, "label": p.label, "message": p.message, "severity": p.severity} for p in problems]


def run_check(args: argparse.Namespace) -> int:
    """Check one or more case files; print a checklist (or a line per case and a summary for several)."""
    from termination.decide import check
    from termination.io import read_items
    from termination.report import checklist_text, summary_line

    items = list(read_items(args.cases))
    # a list whenever the input is a folder, several files or a file of several cases (array, JSONL)
    several = len(args.cases) > 1 or any(p.is_dir() for p in args.cases) or len(items) > 1 \
        or any(i.source.endswith("项") for i in items)
    counts = {"ready": 0, "not_ready": 0, "broken": 0}
    results: list[dict[str, Any]] = []
    for item in items:
        name = Path(item.source).name if item.line is None else item.source
        if item.record is None:
            sys.stderr.write(problem_lines(item.source, item.problems))
            counts["broken"] += 1
            results.append({"path": item.source, "error": str(item.problems[0]),
                            "problems": problem_json(item.problems)})
            if args.format == "text" and several:
                sys.stdout.write(f"! {name}  输入有误：{item.problems[0]}\n")
            continue
        sys.stderr.write(problem_lines(item.source, item.warnings, warning=True))
        decision = check(item.record, as_of=args.as_of)
        counts["ready" if decision.ready else "not_ready"] += 1
        if args.format == "json":
            results.append({"path": item.source, "decision": decision.model_dump(mode="json"),
                            "warnings": problem_json(item.warnings)})
        elif not several:
            sys.stdout.write(checklist_text(decision, problems_only=args.problems_only))
        elif not (args.problems_only and decision.ready):
            sys.stdout.write(summary_line(name, decision) + "\n")
    if args.format == "json":
        if several:
            sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
        elif "decision" in results[0]:
            sys.stdout.write(json.dumps(results[0]["decision"], ensure_ascii=False, indent=2) + "\n")
    elif several:
        sys.stdout.write(batch_summary(counts["ready"], counts["not_ready"], counts["broken"]) + "\n")
    return 2 if counts["broken"] else 1 if counts["not_ready"] else 0


# ---------------------------------------------------------------- rules & schema


def configure_rules(p: argparse.ArgumentParser) -> None:
    """Arguments of ``termination rules``."""
    from termination.io import iso_date  # io loads the case model: only for this sub-command

    p.add_argument("--on", type=iso_date, default=None, metavar="DATE", help="日期（默认今天）")
    p.add_argument("--format", choices=("text", "json"), default="text")


def run_rules(args: argparse.Namespace) -> int:
    """Print the rule catalogue in force on a date."""
    from termination.api import rules
    from termination.decision import SEVERITY_LABEL

    on = args.on or date.today()
    rows = rules(on)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    sys.stdout.write(f"{on.isoformat()} 有效的终本规则（{len(rows)} 条）\n")
    for r in rows:
        cites = "；".join(f"{c['text']}〔{c['verification']}〕" for c in r["citations"])
        sys.stdout.write(f"{r['rule']}  {r['title']}［{SEVERITY_LABEL[r['severity']]}］\n      {' '.join(r['requirements'])}  {cites}\n")
    return 0


def configure_schema(p: argparse.ArgumentParser) -> None:
    """``termination schema`` takes no arguments."""


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the case record."""
    from termination.schema_export import case_schema

    sys.stdout.write(json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


_CONFIGURE = {"check": configure_check, "rules": configure_rules, "schema": configure_schema}
_RUN = {"check": run_check, "rules": run_rules, "schema": run_schema}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``termination`` console script."""
    args = build_parser().parse_args(argv)
    try:
        code = _RUN[args.command](args) if args.command in _RUN else int(importlib.import_module(args._module).run(args))
        sys.stdout.flush()  # a full disk behind stdout is reported here, not at interpreter exit
        return code
    except CaseFileError as exc:  # every problem of the record, one line each
        sys.stderr.write("".join(f"termination：{p}\n" for p in exc.problems) if len(exc.problems) > 1
                         else f"termination：{exc}\n")
        return exc.exit_code
    except TerminationError as exc:
        sys.stderr.write(f"termination：{exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("termination：已中断\n")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # disk full, read-only target …: one line, no traceback
        from termination.errors import os_error_text

        where = f"“{exc.filename}”" if exc.filename else "输出"
        sys.stderr.write(f"termination：无法读写{where}：{os_error_text(exc)}\n")
        return 4


if __name__ == "__main__":
    raise SystemExit(main())
