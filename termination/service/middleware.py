"""One ASGI middleware for what every request needs.

* a request id (the client's ``X-Request-ID`` if it is a short token, else a new one), echoed
  in the ``X-Request-ID`` response header of every response, problem documents included;
* the body size limit (413 before reading when ``Content-Length`` is too large, and while
  reading for chunked bodies);
* the time limit (503 when the answer is not ready in time);
* unexpected exceptions → 500 with the request id, never a stack trace in the response;
* one log line per request: method, path, status, ms, request id, case number.

Personal data stays in: the log names the route, the request id and the case number, never a
party's name, 身份证号 or address, and never an exception's message (it may quote input).
"""

from __future__ import annotations

import logging
import re
import time
import traceback
import uuid
from collections.abc import Callable, Collection
from typing import Any

import anyio
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from termination.errors import escape_controls
from termination.service.problems import KINDS, problem_response

#: ``(status, title, detail, request id) -> Response``: how a browser page shows an error
PageError = Callable[[int, str, str, str], Any]

_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
class EscapeControls(logging.Filter):
    """Log filter: the formatted message with control characters escaped (one line, as sent)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        safe = escape_controls(message)
        if safe != message:
            record.msg, record.args = safe, None
        return True


logger = logging.getLogger("termination.service")
logger.addFilter(EscapeControls())  # every line of this logger, whatever handler prints it


_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


class BodyTooLarge(Exception):
    """The request body exceeds the configured limit."""


def _frames(exc: BaseException) -> str:
    """Where an exception was raised (file:line(function) chain), without its message."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames[:-1] if "/termination/" in f.filename] + frames[-1:]  # skip framework frames
    return " > ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}({f.name})" for f in ours[-6:])


class RequestMiddleware:
    """Request id, body limit, time limit, 500 guard and the per-request log line."""

    def __init__(self, app: ASGIApp, *, max_body: int, timeout: float, known_paths: Collection[str],
                 page_error: PageError | None = None) -> None:
        self.app = app
        self.page_error = page_error  # pages (not /v1) asked for by a browser get an HTML error page
        self.max_body = max_body
        self.timeout = timeout
        self.known_paths = frozenset(known_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope.get("headers") or [])
        client_id = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = client_id if _CLIENT_ID.match(client_id) else uuid.uuid4().hex
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = request_id
        sent = {"status": 0, "started": False, "closed": False, "body_complete": False}
        received = 0

        async def send_wrapper(message: Message) -> None:
            if sent["closed"]:
                return  # the time limit already answered for this request
            if message["type"] == "http.response.start":
                sent["started"], sent["status"] = True, message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        async def receive_wrapper() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
                if not message.get("more_body", False):
                    sent["body_complete"] = True
            return message

        async def answer(kind: str, detail: str) -> None:
            if not sent["started"]:
                path = str(scope.get("path", ""))
                if self.page_error is not None and not path.startswith("/v1") and b"text/html" in headers.get(b"accept", b""):
                    status, title = KINDS[kind]
                    await self.page_error(status, title, detail, request_id)(scope, receive, send_wrapper)
                else:
                    # a body left half-sent cannot be skipped: the connection ends with this answer
                    close = {"Connection": "close"} if kind == "request-timeout" else None
                    await problem_response(kind, detail, request_id=request_id, headers=close)(scope, receive,
                                                                                               send_wrapper)
            sent["closed"] = True

        try:
            length = headers.get(b"content-length")
            if length is not None and length.isdigit() and int(length) > self.max_body:
                raise BodyTooLarge
            with anyio.move_on_after(self.timeout) as deadline:
                await self.app(scope, receive_wrapper, send_wrapper)
            if deadline.cancelled_caught and not sent["body_complete"] and scope.get("method") in _WITH_BODY:
                await answer("request-timeout", f"请求体未能在 {self.timeout:g} 秒内收完（客户端发送过慢）")
            elif deadline.cancelled_caught:
                await answer("timeout", f"请求未能在 {self.timeout:g} 秒内处理完毕，请稍后重试")
        except BodyTooLarge:
            await answer("payload-too-large", f"请求体超过上限 {self.max_body} 字节")
        except Exception as exc:  # noqa: BLE001 — the last guard: log, answer 500, keep serving
            # Only the type and the code location: the message may quote personal data.
            logger.error(
                "internal_error request_id=%s case_number=%s error=%s at=%s",
                request_id, state.get("case_number", "-"), type(exc).__name__, _frames(exc),
            )
            await answer("internal-error", f"服务内部错误，请将请求编号 {request_id} 告知维护人员")
        finally:
            ms = (time.perf_counter() - started) * 1000
            path = scope.get("path", "")
            logger.info(
                "request method=%s path=%s status=%s ms=%.1f request_id=%s case_number=%s",
                scope.get("method", "-"), path if path in self.known_paths else "(other)", sent["status"], ms,
                request_id, state.get("case_number", "-"),
                extra={"request_id": request_id, "status": sent["status"], "ms": round(ms, 1),
                       "case_number": state.get("case_number")},
            )
