"""Benchmark of the batch review: 100,000 generated cases, with and without sampling.

Usage::

    python bench/bench_review.py [--cases 100000] [--rulings 0.1] [--workers 2] [--dir TMPDIR/bench-review]

Generates the cases with ``bench/generate.py`` (once; reused when present), then runs each
scenario in a fresh process so that its peak memory is its own, and reports wall time,
cases per second (cases read from the input per second of wall time) and peak RSS:
``ru_maxrss`` of the process itself and of its largest child (a pool worker), and the sum
``self + workers × largest child`` as an upper bound of the whole run. Target: < 500 MB.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_MB = 500

SCENARIOS: dict[str, dict[str, object]] = {
    "全部评查（不抽样）": {},
    "抽样 400 件（按法院分层）": {"sample": 400, "seed": 1, "stratify": "court"},
    "抽样 10%（简单随机）": {"rate": 0.1, "seed": 1},
}


def _run_one(path: Path, outdir: Path, workers: int, options: dict[str, object]) -> dict[str, float]:
    """Run one scenario in this process; return its measurements."""
    from termination.review.batch import ReviewOptions, run_review

    started = time.perf_counter()
    summary = run_review(path, ReviewOptions(workers=workers, progress=False, **options), outdir,  # type: ignore[arg-type]
                         stderr=io.StringIO())
    wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"wall_s": wall, "lines": summary.lines, "reviewed": summary.reviewed,
            "lines_per_s": summary.lines / wall, "reviewed_per_s": summary.reviewed / wall,
            "self_mb": own, "child_mb": child, "bound_mb": own + workers * child,
            "pass_rate": summary.pass_rate or 0.0,
            "report_mb": sum(p.stat().st_size for p in outdir.iterdir()) / 2**20}


def main(argv: list[str] | None = None) -> int:
    """Generate the input, run the scenarios, print the table."""
    p = argparse.ArgumentParser(description="评查批处理基准测试")
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--rulings", type=float, default=0.1, help="附裁定书文本的比例")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "bench-review")
    p.add_argument("--one", nargs=2, metavar=("SCENARIO", "OUTDIR"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    data = args.dir / f"cases-{args.cases}.jsonl"
    if args.one:
        name, outdir = args.one
        result = _run_one(data, Path(outdir), args.workers, SCENARIOS[name])
        print(json.dumps(result))
        return 0
    if not data.exists():
        from bench.generate import generate

        started = time.perf_counter()
        generate(args.cases, data, seed=1, rulings=args.rulings)
        print(f"生成 {args.cases} 件：{time.perf_counter() - started:.1f} 秒，"
              f"{data.stat().st_size / 2**20:.0f} MB（{data}）")
    print(f"输入 {data}（{data.stat().st_size / 2**20:.0f} MB），进程数 {args.workers}")
    print(f"{'场景':<22}{'耗时(秒)':>9}{'行/秒':>9}{'评查件':>9}{'主进程MB':>9}{'子进程MB':>9}{'合计上限MB':>11}{'报告MB':>8}")
    worst = 0.0
    for name in SCENARIOS:
        out = args.dir / f"out-{list(SCENARIOS).index(name)}"
        out.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            [sys.executable, __file__, "--cases", str(args.cases), "--workers", str(args.workers),
             "--dir", str(args.dir), "--one", name, str(out)],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        worst = max(worst, r["bound_mb"])
        print(f"{name:<22}{r['wall_s']:>9.1f}{r['lines_per_s']:>9.0f}{r['reviewed']:>9.0f}{r['self_mb']:>9.0f}"
              f"{r['child_mb']:>9.0f}{r['bound_mb']:>11.0f}{r['report_mb']:>8.1f}")
    print(f"峰值内存上限 {worst:.0f} MB，目标 < {TARGET_MB} MB：{'达到' if worst < TARGET_MB else '未达到'}")
    return 0 if worst < TARGET_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
