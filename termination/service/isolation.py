"""Ruling analysis in a child process, so that its deadline really stops the work.

The analysis runs regular expressions over text from an unknown sender. Python's ``re`` holds
the interpreter lock while it matches, so one pathological text analysed in a worker thread
would stop every other request of that worker process, and a thread cannot be killed when its
request is abandoned. Here each service worker process keeps one child process
(``python -m termination.service.isolation``) that reads and analyses uploaded rulings, one at a
time; the request waits for its answer without blocking the event loop. When the analysis takes
longer than :data:`termination.limits.ANALYSIS_SECONDS`, or the request is abandoned (time
limit, client gone), the child is killed and the next request starts a new one. At most
``queue`` jobs wait while one runs (:func:`analysis_queue`); one more is refused at once
(:class:`AnalysisFailed` ``busy``, HTTP 429), so that no request waits out its time limit behind
the analyses of others.

The upload goes to the child through a pipe: nothing is written to disk. The child also caps
its address space (:data:`termination.limits.ANALYSIS_MEMORY`) and the CPU time of each job,
and it ends when its parent closes the pipe.

Protocol, one job at a time: the parent writes a JSON header line ``{"suffix", "name", "size"}``
and ``size`` bytes; the child answers a JSON header line ``{"ok": true, "size"}`` followed by the
analysis JSON, or ``{"ok": false, "kind", "detail"}`` (``kind`` ``invalid-ruling``, or
``internal-error`` with the exception type and where it was raised, never its message).
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import subprocess
import sys
from typing import IO, Any

import anyio

from termination import limits

logger = logging.getLogger("termination.service")


class AnalysisFailed(Exception):
    """The child could not analyse the ruling: ``kind`` is a problem kind, ``detail`` a Chinese line."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind, self.detail = kind, detail


class AnalysisProcess:
    """One child process per service worker; jobs run one after the other.

    The child is a plain :class:`subprocess.Popen` (bound to no event loop); a worker thread
    waits for its answer, and killing the child ends that wait at once.
    """

    def __init__(self, deadline: float = limits.ANALYSIS_SECONDS, command: list[str] | None = None,
                 queue: int = limits.ANALYSIS_QUEUE) -> None:
        self.deadline = deadline
        self.command = command or [sys.executable, "-m", "termination.service.isolation"]
        self.queue = queue
        self._jobs = 0  # running or waiting (one event loop: no lock needed)
        self._process: subprocess.Popen[bytes] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock: anyio.Lock | None = None

    def _bind(self) -> anyio.Lock:
        """The lock of the running event loop (uvicorn runs one per worker; a test client may run several)."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop or self._lock is None:
            self._loop, self._lock = loop, anyio.Lock()
        return self._lock

    async def analyze(self, data: bytes, suffix: str, name: str) -> dict[str, Any]:
        """The analysis JSON of a ruling file's bytes; :class:`AnalysisFailed` when it cannot be had."""
        if self._jobs > self.queue:  # one running and ``queue`` waiting: do not queue past the time limit
            raise AnalysisFailed("busy", f"正在分析的裁定书过多，请 {math.ceil(self.deadline)} 秒后重试")
        self._jobs += 1
        try:
            return await self._analyze(data, suffix, name)
        finally:
            self._jobs -= 1

    async def _analyze(self, data: bytes, suffix: str, name: str) -> dict[str, Any]:
        async with self._bind():
            process = self._start()
            try:
                with anyio.fail_after(self.deadline):
                    header, body = await anyio.to_thread.run_sync(
                        _exchange, process, data, suffix, name, abandon_on_cancel=True)
            except TimeoutError:
                self._kill()
                raise AnalysisFailed("invalid-ruling", f"裁定书未能在 {self.deadline:g} 秒内分析完毕，"
                                                       "文本结构异常，请检查文件") from None
            except BaseException:  # the request was abandoned: stop the work
                self._kill()
                raise
            if header is None:  # the child died (resource limit)
                self._kill()
                raise AnalysisFailed("invalid-ruling", "裁定书分析超出资源上限而中止，请检查文件")
        if header.get("ok"):
            result: dict[str, Any] = json.loads(body)
            return result
        if header.get("kind") == "internal-error":
            logger.error("internal_error in analysis process: error=%s at=%s", header.get("error"), header.get("at"))
        raise AnalysisFailed(str(header.get("kind", "internal-error")), str(header.get("detail", "")))

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
        return self._process

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.kill()  # the thread waiting on its pipe sees the end of it and returns
            process.wait()
            for pipe in (process.stdin, process.stdout):
                if pipe is not None:
                    try:
                        pipe.close()
                    except OSError:
                        pass

    def close(self) -> None:
        """Stop the child (at shutdown)."""
        self._kill()


def analysis_queue(timeout: float, deadline: float = limits.ANALYSIS_SECONDS) -> int:
    """How many analyses may wait while one runs, so that the last one ends 5 s before ``timeout``
    (at most :data:`termination.limits.ANALYSIS_QUEUE`)."""
    return max(0, min(limits.ANALYSIS_QUEUE, int((timeout - 5.0) // deadline) - 1))


def _exchange(process: subprocess.Popen[bytes], data: bytes, suffix: str,
              name: str) -> tuple[dict[str, Any] | None, bytes]:
    """Send one job and read its answer (blocking; runs in a worker thread)."""
    assert process.stdin is not None and process.stdout is not None
    job = json.dumps({"suffix": suffix, "name": name, "size": len(data)}, ensure_ascii=True).encode()
    try:
        process.stdin.write(job + b"\n" + data)
        process.stdin.flush()
        line = process.stdout.readline(65536)
        if not line.endswith(b"\n"):
            return None, b""
        header: dict[str, Any] = json.loads(line)
        size = int(header.get("size", 0)) if header.get("ok") else 0
        body = process.stdout.read(size)
        return (header, body) if len(body) == size else (None, b"")
    except (OSError, ValueError):  # broken pipe, closed file: the child was killed or died
        return None, b""


# ---------------------------------------------------------------- the child


def _cap_cpu() -> None:
    """The job at hand may use at most twice the deadline of CPU time more (then the kernel ends
    the process): a job whose service worker died is never orphaned for long."""
    try:
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        soft = int(usage.ru_utime + usage.ru_stime + 2 * limits.ANALYSIS_SECONDS) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.getrlimit(resource.RLIMIT_CPU)[1]))
    except (ImportError, ValueError, OSError):
        pass


def _cap_memory() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limits.ANALYSIS_MEMORY, limits.ANALYSIS_MEMORY))
    except (ImportError, ValueError, OSError):
        pass


def _job(stdin: IO[bytes]) -> tuple[dict[str, Any], bytes] | None:
    line = stdin.readline()
    if not line:
        return None
    job: dict[str, Any] = json.loads(line)
    size = int(job["size"])
    data = stdin.read(size)
    if len(data) != size:
        return None
    return job, data


def _answer(job: dict[str, Any], data: bytes) -> tuple[dict[str, Any], bytes]:
    from termination.analysis import analyze_text
    from termination.analysis.reader import read_ruling_bytes
    from termination.errors import RulingFileError
    from termination.service.middleware import _frames

    try:
        text = read_ruling_bytes(data, job["suffix"], job["name"])
        body = json.dumps(analyze_text(text).model_dump(mode="json"), ensure_ascii=False).encode("utf-8")
        return {"ok": True, "size": len(body)}, body
    except RulingFileError as exc:
        return {"ok": False, "kind": "invalid-ruling", "detail": str(exc)}, b""
    except (MemoryError, RecursionError):
        return {"ok": False, "kind": "invalid-ruling", "detail": "裁定书分析超出资源上限而中止，请检查文件"}, b""
    except Exception as exc:  # noqa: BLE001 — our bug: the type and place, never the message
        return {"ok": False, "kind": "internal-error", "detail": "服务内部错误",
                "error": type(exc).__name__, "at": _frames(exc)}, b""


def main() -> int:
    """Serve analysis jobs on stdin/stdout until stdin closes."""
    _cap_memory()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the reply stream
    while (job := _job(stdin)) is not None:
        _cap_cpu()
        header, body = _answer(*job)
        stdout.write(json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n" + body)
        stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
