"""``termination render CASE.json -o OUTDIR [--draft] [--only ...] [--format docx|txt] [--as-of DATE] [--publish]``.

Checks the case, renders the documents in memory, and only then writes them, each
atomically; if anything fails, nothing is left behind. Exit codes: 0 written, 1 the case is
not ready (missing steps on stderr) and ``--draft`` was not given, 2 bad input, 5 (with
``--publish``) the ruling may not be published on the internet (法释〔2016〕19号第四条).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termination.errors import InputError, NotReadyError


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``termination render``."""
    from termination.io import iso_date

    p.add_argument("case", type=Path, metavar="CASE",
                   help="案件文件（.json，或只有一件案件的 .jsonl；编码 UTF-8、UTF-16 或 GB18030）")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR", help="输出目录（不存在时自动创建）")
    p.add_argument("--draft", action="store_true", help="生成草稿：每页标注“草稿”，缺项就地标出并在文末列明")
    p.add_argument("--only", metavar="LIST",
                   help="只生成所列文书，逗号分隔：ruling（裁定书）、notice（告知书）、interview（约谈笔录）、"
                        "approval（办理情况表）、report（合规审查报告）")
    p.add_argument("--format", choices=("docx", "txt"), default="docx", help="输出格式（默认 docx）")
    p.add_argument("--as-of", type=iso_date, metavar="DATE", help="检查的评估日期（默认：拟终本日期）")
    p.add_argument("--publish", action="store_true",
                   help="生成在中国裁判文书网公布的执行裁定书：按《最高人民法院关于人民法院在互联网公布裁判文书的规定》"
                        "隐名、删除个人信息，并附处理说明（公布处理说明.txt）；依法不公布的案件不生成，退出码 5")


def _write_all(outdir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write the set of documents in one step (all or none, even under kill -9)."""
    from termination.errors import OutputError
    from termination.outputs import write_set

    if outdir.exists() and not outdir.is_dir():
        raise InputError("输出路径已存在且不是目录", field=str(outdir))
    try:
        return write_set(outdir, files)
    except OSError as exc:
        raise OutputError.from_os_error(exc, outdir) from None


def run(args: argparse.Namespace) -> int:
    """Check, render, write; print the written paths."""
    from termination.cli import problem_lines
    from termination.decide import check
    from termination.errors import CaseFileError
    from termination.io import read_items
    from termination.render import render_documents

    only = args.only.split(",") if args.only is not None else None
    items = list(read_items([args.case]))
    if len(items) != 1:
        raise InputError(f"有 {len(items)} 件案件，render 每次只生成一件案件的文书", field=str(args.case))
    [item] = items
    if item.record is None:
        raise CaseFileError(item.problems[0].message, field=item.problems[0].field, problems=item.problems)
    sys.stderr.write(problem_lines(str(args.case), item.warnings, warning=True))
    case = item.record
    decision = check(case, as_of=args.as_of)
    if args.publish:
        from termination.publish import check_request

        check_request(draft=args.draft, only=only, flags=("--publish", "--draft", "--only"))
    try:
        if args.publish:
            from termination.publish import publish

            files = publish(case, decision, fmt=args.format).files
        else:
            files = render_documents(case, decision, draft=args.draft, only=only, fmt=args.format)
    except NotReadyError as exc:
        lines = [f"termination：{exc.message}（加 --draft 生成草稿）", "尚需补正的事项："]
        lines += [f"  {i}. {m}" for i, m in enumerate(exc.missing, 1)]
        sys.stderr.write("\n".join(lines) + "\n")
        return 1
    for path in _write_all(args.output, files):
        sys.stdout.write(f"{path}\n")
    return 0
