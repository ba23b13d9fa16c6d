"""The ``termination`` command line (help and messages in Chinese).

Sub-commands live in their own modules and are imported only when used, so
``termination check`` never pays for jieba, python-docx or FastAPI.
Exit codes: 0 success / ready, 1 not ready (or problems found), 2 bad input.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from termination.errors import InputError, TerminationError

#: sub-command → (module with configure()/run(), Chinese help)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("termination.cli", "检查案件是否符合终本条件，输出清单"),
    "render": ("termination.render.cli", "生成执行裁定书及配套文书（.docx / 文本）"),
    "analyze": ("termination.analysis.cli", "分析已公开的终本裁定书文本"),
    "review": ("termination.review.cli", "抽查已结终本案件并计算终本合格率"),
    "calendar": ("termination.obligations.cli", "生成终本后义务日历"),
    "serve": ("termination.service.cli", "启动 HTTP 服务"),
    "rules": ("termination.cli", "列出某日有效的规则及其法律依据"),
    "schema": ("termination.cli", "输出案件数据的 JSON Schema"),
}


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


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


def iso_date(value: str) -> date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{value}”无效，应为 YYYY-MM-DD") from None


def build_parser() -> Parser:
    """The top-level parser with every sub-command."""
    parser = Parser(prog="termination", description="终结本次执行程序（终本）规则检查与文书助手")
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
        p.set_defaults(_module=module)
    return parser


# ---------------------------------------------------------------- check


def configure_check(p: argparse.ArgumentParser) -> None:
    """Arguments of ``termination check``."""
    p.add_argument("cases", nargs="+", type=Path, metavar="CASE", help="案件 JSON 文件，或包含 .json 文件的目录")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="评估日期（默认：拟终本日期）")
    p.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（默认 text）")


def _case_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        # A directory holds case files; expectation files beside them (NAME.expected.json) are not cases.
        files.extend(sorted(f for f in p.glob("*.json") if not f.name.endswith(".expected.json")) if p.is_dir() else [p])
    return files


def run_check(args: argparse.Namespace) -> int:
    """Check one or more case files; print a checklist (or a summary for several)."""
    from termination.decide import check
    from termination.io import load_case
    from termination.report import checklist_text, summary_line

    files = _case_files(args.cases)
    if not files:
        sys.stderr.write("termination：没有找到案件文件\n")
        return 2
    worst = 0
    results: list[dict[str, Any]] = []
    for path in files:
        try:
            decision = check(load_case(path), as_of=args.as_of)
        except InputError as exc:
            sys.stderr.write(f"{path}：{exc}\n")
            worst = 2
            continue
        worst = max(worst, 0 if decision.ready else 1)
        if args.format == "json":
            results.append(decision.model_dump(mode="json"))
        elif len(files) == 1:
            sys.stdout.write(checklist_text(decision))
        else:
            sys.stdout.write(summary_line(path.name, decision) + "\n")
    if args.format == "json" and results:
        payload: Any = results[0] if len(files) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return worst


# ---------------------------------------------------------------- rules & schema


def configure_rules(p: argparse.ArgumentParser) -> None:
    """Arguments of ``termination rules``."""
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
        if args.command in _RUN:
            return _RUN[args.command](args)
        return int(importlib.import_module(args._module).run(args))
    except TerminationError as exc:
        sys.stderr.write(f"termination：{exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("termination：已中断\n")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
