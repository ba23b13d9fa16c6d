"""Throughput of the ruling-text analysis (target: >= 1 MB/s of text per core after load).

Run: .venv/bin/python bench/bench_analysis.py [--mb 5] [--runs 5]

The sample rulings in corpus/rulings/ are repeated until about ``--mb`` MB of UTF-8 text, and
each run analyses every text once. The one-time jieba load is measured and reported apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from termination.analysis import analyze_text, read_ruling  # noqa: E402
from termination.analysis.segment import tokenizer, tokenizer_info  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="amount of text per run, in MB")
    parser.add_argument("--runs", type=int, default=5, help="number of timed runs (median reported)")
    args = parser.parse_args()

    samples = sorted(p for p in (ROOT / "corpus" / "rulings").rglob("*") if p.suffix in (".txt", ".docx"))
    texts = [read_ruling(p) for p in samples]

    started = time.perf_counter()
    tokenizer()
    load = time.perf_counter() - started
    info = tokenizer_info()

    unit = sum(len(t.encode("utf-8")) for t in texts)
    repeat = max(1, round(args.mb * 1_000_000 / unit))
    corpus = texts * repeat
    size = unit * repeat

    for text in texts:  # warm-up: regex caches, first model builds
        analyze_text(text)
    timings = []
    cpu = []
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for text in corpus:
            analyze_text(text)
        timings.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    median = statistics.median(timings)
    cpu_median = statistics.median(cpu)
    print(f"jieba load (one-time): {load:.3f} s (user dictionary loaded: {info.get('user_dict')})")
    print(f"texts per run: {len(corpus)} ({len(texts)} samples x {repeat}), {size / 1e6:.2f} MB UTF-8")
    print(f"runs: {', '.join(f'{t:.3f}' for t in timings)} s")
    print(f"throughput (median of {args.runs}): {size / median / 1e6:.2f} MB/s, {len(corpus) / median:.0f} rulings/s")
    print(f"CPU time (median of {args.runs}): {size / cpu_median / 1e6:.2f} MB/s of CPU time (steadier on a shared machine)")


if __name__ == "__main__":
    main()
