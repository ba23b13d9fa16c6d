"""``termination review``: sample closed 终本 cases, review them, report the 终本合格率.

Exit status: 2 if any input line or ruling file was bad (or the file holds no case), else 1
if the pass rate (point estimate) is below 90 %, else 0. ``--size-for`` prints a sample size and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from termination.errors import InputError

if TYPE_CHECKING:
    from termination.review.figures import ReviewSummary

EPILOG = """输入：已结终本案件，每件为案件数据对象，或
  {"case": {…案件数据…}, "ruling": "裁定书.txt 或 .docx（相对输入文件所在目录）", "judge": "承办人", "closed_on": "YYYY-MM-DD"}
  可为 JSONL（每行一件）、JSON 数组、单个案件文件或包含这些文件的目录；编码 UTF-8、UTF-16 或 GB18030。
合格：终本条件（阻却性及系统校验规则）均符合、裁定书无问题、案件数据与裁定书一致；
待补充案件计入不合格数。
分层抽样按各层案件数比例分配样本，取整采用最大余数法。
退出码：2 有输入错误；1 合格率低于90%；0 其他。"""


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"“{value}”应为正整数")
    return n


def _seed(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"随机种子“{value}”应为非负整数")
    return n


def _fraction(label: str, *, closed: bool) -> type:
    def parse(value: str) -> float:
        try:
            x = float(value)
        except ValueError:
            x = -1.0
        if not (0 < x < 1 or (closed and x == 1)):
            raise argparse.ArgumentTypeError(f"{label}“{value}”应为 0 与 1 之间的小数，如 0.1")
        return x

    return parse  # type: ignore[return-value]


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``termination review``."""
    p.epilog = EPILOG
    p.add_argument("cases", nargs="?", type=Path, metavar="CASES.jsonl",
                   help="已结终本案件：JSONL（每行一件）、JSON 文件或目录")
    size = p.add_mutually_exclusive_group()
    size.add_argument("--sample", type=_positive_int, metavar="N", help="抽查件数")
    size.add_argument("--rate", type=_fraction("抽查比例", closed=True), metavar="R", help="抽查比例，如 0.1")
    p.add_argument("--seed", type=_seed, metavar="S", help="随机种子（相同种子抽取相同案件；未给出时随机生成并打印）")
    p.add_argument("--stratify", choices=("court", "judge", "month"),
                   help="分层抽样：court 法院 / judge 承办人 / month 结案月份")
    p.add_argument("-o", "--output", type=Path, metavar="OUTDIR",
                   help="报告目录（写入 review.xlsx、review.html、review.json）")
    p.add_argument("--workers", type=_positive_int, metavar="N", help="并行进程数（默认：CPU 核数）")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")
    p.add_argument("--format", choices=("text", "json"), default="text", help="标准输出的汇总格式（默认 text）")
    g = p.add_argument_group("样本量计算（--size-for）")
    g.add_argument("--size-for", action="store_true", help="计算达到给定误差幅度所需的抽查件数")
    g.add_argument("--margin", type=_fraction("误差幅度", closed=False), metavar="E", help="误差幅度，如 0.03")
    g.add_argument("--confidence", type=_fraction("置信水平", closed=False), default=0.95, metavar="C",
                   help="置信水平（默认 0.95）")
    g.add_argument("--expected", type=_fraction("预期合格率", closed=True), default=0.5, metavar="P",
                   help="预期合格率（默认 0.5，最保守）")
    g.add_argument("--population", type=_positive_int, metavar="N", help="总体案件数（有限总体校正）")


def summary_text(s: ReviewSummary, outdir: Path | None) -> str:
    """The Chinese summary printed after a run."""
    from termination.review.reports import REPORT_NAMES, describe_sampling

    def pct(x: float | None) -> str:
        return "—" if x is None else f"{x * 100:.1f}%"

    lines = [
        f"终本案件质量评查：{s.input}",
        f"抽样方式：{describe_sampling(s)}",
        (f"有效案件 {s.population} 件，抽查 {s.reviewed} 件：合格 {s.passed}，不合格 {s.failed}，"
         f"待补充 {s.pending}（计入不合格数）"),
    ]
    if s.pass_rate is not None:
        lines.append(f"终本合格率 {pct(s.pass_rate)}（95%置信区间 {pct(s.interval[0])}–{pct(s.interval[1])}）："
                     f"{s.position_label}")
    computable = "、".join(a.item for a in s.assessment if a.computable)
    missing = "、".join(a.item for a in s.assessment if not a.computable)
    if s.score is not None:
        lines.append(f"评估加权得分 {s.score:.1f} 分（按{computable}计算；{missing or '无'}无法计算）")
    if s.input_errors:
        lines.append(f"输入错误 {s.input_errors} 处（未计入抽查数，明细见标准错误输出及报告）")
    if outdir is not None:
        lines.append("报告：" + "、".join(str(outdir / n) for n in REPORT_NAMES))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run ``termination review``."""
    from termination.review.stats import TARGET_RATE, sample_size

    if args.size_for:
        if args.margin is None:
            raise InputError("使用 --size-for 时须给出 --margin（误差幅度，如 0.03）", field="--margin")
        n = sample_size(args.margin, args.confidence, args.expected, args.population)
        fpc = f"，总体 {args.population} 件（有限总体校正）" if args.population else ""
        text = (f"应抽查 {n} 件（误差幅度 ±{args.margin * 100:g}%，置信水平 {args.confidence * 100:g}%，"
                f"预期合格率 {args.expected * 100:g}%{fpc}）")
        sys.stdout.write(f"{n if args.format == 'json' else text}\n")
        return 0
    if args.cases is None:
        raise InputError("缺少参数 CASES.jsonl（或使用 --size-for 计算样本量）", field="CASES.jsonl")
    if args.stratify and args.sample is None and args.rate is None:
        raise InputError("--stratify 须与 --sample 或 --rate 一起使用", field="--stratify")
    from termination.review.batch import ReviewOptions, run_review

    options = ReviewOptions(
        sample=args.sample, rate=args.rate, seed=args.seed, stratify=args.stratify,
        progress=False if args.no_progress else None,
        **({"workers": args.workers} if args.workers else {}),
    )
    summary = run_review(args.cases, options, args.output)
    if args.format == "json":
        sys.stdout.write(json.dumps(summary.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(summary_text(summary, args.output))
    if summary.input_errors:
        return 2
    if summary.pass_rate is None:
        sys.stderr.write(f"termination：{args.cases}：文件中没有案件\n")
        return 2
    return 1 if summary.pass_rate < TARGET_RATE else 0
