"""Running a review over a JSONL stream: passes, worker pool, progress, atomic reports.

Passes (memory stays flat: no pass holds more than the sample and some counters):

* without sampling — one pass: every line is validated and reviewed in the pool;
* with sampling — pass 1 validates every line in the pool and counts the strata (invalid
  lines and missing ruling files are reported here and excluded from the population);
  pass 2 draws the sample (:mod:`termination.review.sampling`; stratified runs validate
  again in the pool to learn each line's stratum); pass 3 reviews the sampled lines, read
  back by byte offset.

Results go to a spool of unnamed scratch files (:class:`termination.outputs.Spool`); the three
reports are built from it at the end and appear together (:func:`termination.outputs.write_set`).
An interrupted run (Ctrl-C, even kill -9) leaves no spool and no report, complete or partial.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from termination.errors import CaseFileError, InputError, OutputError
from termination.outputs import Spool
from termination.review import evaluate
from termination.review.figures import Aggregator, ReviewSummary, StratumFigures
from termination.review.inputs import Stratify, as_jsonl, iter_lines, read_at
from termination.review.sampling import Selector, allocate, total_size

T = TypeVar("T")
R = TypeVar("R")

#: Reports are dated in Beijing time (China has kept UTC+8 all year since 1992), whatever the
#: machine's time zone: the legal day and the office's clock are Beijing's.
BEIJING = timezone(timedelta(hours=8), "北京时间")

#: Called in the parent process with every case result (tests use it to interrupt a run).
HOOK: Callable[[dict[str, Any]], None] | None = None


class ReviewOptions(BaseModel):
    """How to run a review."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sample: int | None = Field(None, ge=1, description="抽查件数")
    rate: float | None = Field(None, gt=0, le=1, description="抽查比例")
    seed: int | None = Field(None, ge=0, description="随机种子")
    stratify: Stratify | None = None
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    chunksize: int = Field(8, ge=1)
    progress: bool | None = Field(None, description="进度条；None = 标准错误输出为终端时显示")

    @model_validator(mode="after")
    def _one_size(self) -> ReviewOptions:
        if self.sample is not None and self.rate is not None:
            raise ValueError("--sample 与 --rate 只能选择一个")
        if self.stratify is not None and self.sampling is False:
            raise ValueError("--stratify 须与 --sample 或 --rate 一起使用")
        return self

    @property
    def sampling(self) -> bool:
        """Whether a sample is drawn (else every case is reviewed)."""
        return self.sample is not None or self.rate is not None


# ---------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, label: str, total: int | None, enabled: bool, stream: IO[str]) -> None:
        self.label, self.total, self.enabled, self.stream = label, total, enabled, stream
        self.done = 0
        self.started = self._last = time.monotonic()

    def step(self, n: int = 1) -> None:
        """Count ``n`` more items; redraw at most ten times a second."""
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self._last >= 0.1 or self.done == self.total):
            self._last = now
            self._draw(now)

    def write(self, line: str) -> None:
        """Print a message line without tearing the bar (the bar is redrawn on the next step)."""
        self.stream.write(("\r\033[K" if self.enabled else "") + line + "\n")

    def _draw(self, now: float) -> None:
        speed = self.done / max(now - self.started, 1e-9)
        if self.total:
            frac = min(1.0, self.done / self.total)
            bar = "█" * int(frac * 30) + "░" * (30 - int(frac * 30))
            text = f"\r{self.label} {bar} {self.done}/{self.total}（{frac:.0%}）{speed:,.0f} 件/秒"
        else:
            text = f"\r{self.label} {self.done} 件 {speed:,.0f} 件/秒"
        self.stream.write(text)
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self.done:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


# ---------------------------------------------------------------- pool plumbing


class _Runner:
    """Maps a worker function over a stream: in a process pool, or in-process for one worker."""

    def __init__(self, options: ReviewOptions, base: Path) -> None:
        self.options = options
        self.pool: Any = None
        if options.workers > 1:
            # spawn: every worker imports afresh and builds its own rules engine
            ctx = multiprocessing.get_context("spawn")
            self.pool = ctx.Pool(options.workers, initializer=evaluate.init_worker,
                                 initargs=(base, options.stratify))
        else:
            evaluate.init_worker(base, options.stratify, ignore_sigint=False)

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Results in input order; at most a bounded window of items is in flight."""
        if self.pool is None:
            yield from map(func, items)
            return
        chunk = self.options.chunksize
        window = threading.Semaphore(chunk * self.options.workers * 4)
        stop = threading.Event()

        def feed() -> Iterator[T]:  # runs in the pool's task-feeder thread
            for item in items:
                while not window.acquire(timeout=0.1):
                    if stop.is_set():
                        return
                yield item

        try:
            for result in self.pool.imap(func, feed(), chunk):
                window.release()
                yield result
        finally:
            stop.set()

    def close(self, *, ok: bool) -> None:
        """Shut the pool down (terminated at once after an error or Ctrl-C)."""
        if self.pool is not None:
            if ok:
                self.pool.close()
            else:
                self.pool.terminate()
            self.pool.join()
            self.pool = None


def _count_lines(path: Path) -> int:
    """Physical newline-terminated lines (a cheap total for the progress bar)."""
    n = 0
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            n += block.count(b"\n")
    return n


# ---------------------------------------------------------------- the run


def run_review(path: Path, options: ReviewOptions, outdir: Path | None = None, *,
               stderr: IO[str] | None = None, on_result: Callable[[dict[str, Any]], None] | None = None,
               ) -> ReviewSummary:
    """Review the cases in ``path`` (JSONL) and write the reports into ``outdir``.

    Bad lines and ruling files are reported on ``stderr`` (one Chinese line each) and counted.

    Raises:
        CaseFileError: ``path`` cannot be read at all.
        KeyboardInterrupt: passed on after the workers are stopped; no report is written.
    """
    err = stderr or sys.stderr
    hook = on_result or HOOK
    path = Path(path)
    if not path.exists():
        raise CaseFileError("文件或目录不存在", field=str(path))
    if outdir is not None:  # fail before the batch, not after it (created only with the reports)
        existing = next(p for p in (outdir, *outdir.parents) if p.exists())
        if not existing.is_dir():
            raise InputError("报告目录的路径中有一项不是目录", field=str(outdir))
        if not os.access(existing, os.W_OK):
            raise OutputError("无法写入：没有权限", field=str(outdir))
    show = options.progress if options.progress is not None else err.isatty()
    base = path.resolve() if path.is_dir() else path.resolve().parent  # where relative ruling paths start
    source = path
    seed = options.seed
    if options.sampling and seed is None:
        import secrets

        seed = secrets.randbelow(10**9)  # unpredictable, and printed so the draw can be repeated
        err.write(f"随机种子：{seed}（如需重现本次抽样，请使用 --seed {seed}）\n")
    agg = Aggregator()
    lines = 0
    strata: list[StratumFigures] = []
    population = drawn = 0
    ok = False
    runner: _Runner | None = None
    spool_dir = Spool()  # unnamed scratch files: nothing with a party's name stays in the temp folder
    try:
        path, unreadable = as_jsonl(path, spool_dir)  # a folder, an array, UTF-16 … as JSON Lines
        lines += len(unreadable)
        for number, message in unreadable:
            agg.add_error(number, message)
            err.write(message + "\n")
        runner = _Runner(options, base)
        spool_path = spool_dir / "cases.jsonl"
        with spool_path.open("w", encoding="utf-8") as spool:
            if options.sampling:
                assert seed is not None
                counts: Counter[str] = Counter()
                bad: set[int] = set()
                bar = Progress("校验", _count_lines(path) if show else None, show, err)
                for number, _offset, stratum, error in runner.map(evaluate.screen, iter_lines(path)):
                    lines += 1
                    bar.step()
                    if error is not None:
                        bad.add(number)
                        agg.add_error(number, error)
                        bar.write(error)
                    else:
                        counts[str(stratum)] += 1
                bar.close()
                population = sum(counts.values())
                n = total_size(population, sample=options.sample, rate=options.rate)
                sizes = allocate(counts, n)
                strata = [StratumFigures(stratum=k, population=counts[k], sample=sizes[k]) for k in sorted(counts)]
                selector = Selector(seed, sizes)
                if options.stratify is None:
                    for number, offset, _raw in iter_lines(path):
                        selector.offer(number, None if number in bad else "全部", offset)
                else:
                    for number, offset, stratum, _error in runner.map(evaluate.screen, iter_lines(path)):
                        selector.offer(number, None if number in bad else stratum, offset)
                chosen = selector.selected()
                drawn = len(chosen)

                def tasks() -> Iterator[tuple[int, int, bytes]]:
                    with path.open("rb") as fh:
                        for number, offset, _stratum in chosen:
                            yield number, offset, read_at(fh, offset)

                todo: Iterable[tuple[int, int, bytes]] = tasks()
                total: int | None = drawn
            else:
                todo = iter_lines(path)
                total = _count_lines(path) if show else None
            bar = Progress("评查", total, show, err)
            for number, case, error in runner.map(evaluate.review_task, todo):
                if not options.sampling:
                    lines += 1
                bar.step()
                if error is not None:
                    agg.add_error(number, error)
                    bar.write(error)
                    continue
                assert case is not None
                agg.add(case)
                spool.write(json.dumps(case, ensure_ascii=False) + "\n")
                if hook is not None:
                    hook(case)
            bar.close()
        if not options.sampling:  # every valid case is drawn and reviewed
            population = drawn = agg.total.passed + agg.total.failed + agg.total.pending
        summary = agg.summary(
            input=source.name or str(source), generated_at=datetime.now(BEIJING).isoformat(timespec="seconds"),
            sample=options.sample, rate=options.rate, seed=seed if options.sampling else None,
            stratify=options.stratify, lines=lines, population=population, strata=strata, drawn=drawn,
        )
        if outdir is not None:
            from termination.review.reports import write_reports

            try:
                write_reports(summary, spool_path, outdir)
            except OSError as exc:
                raise OutputError.from_os_error(exc, outdir) from None
        ok = True
        return summary
    finally:
        if runner is not None:
            runner.close(ok=ok)
        spool_dir.close()
