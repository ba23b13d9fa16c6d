"""uvicorn's HTTP/1.1 protocol (h11) with a time limit on request headers.

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive``, but a connection
that sends part of a request's headers and then waits (slowloris) is kept open for ever: no
timer runs from the first byte of a request to the end of its headers. Here one does: from the
moment a connection is made, or the first byte of a next request arrives, the headers must be
complete within ``TERMINATION_HEADER_TIMEOUT`` seconds (default
:data:`termination.limits.HEADER_SECONDS`), or the connection is answered 408 and closed. The
body is covered by the service's own time limit (middleware: 408 when the body was still being
received).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from termination import limits

_BODY = "请求头未在时限内收完，连接已关闭\n".encode("utf-8")
_408 = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
        b"content-length: %d\r\n\r\n%s" % (len(_BODY), _BODY))


def header_timeout(environ: dict[str, str] | None = None) -> float:
    """``TERMINATION_HEADER_TIMEOUT`` in seconds (checked by :class:`termination.service.app.Settings`)."""
    raw = (os.environ if environ is None else environ).get("TERMINATION_HEADER_TIMEOUT", "").strip()
    return float(raw) if raw else limits.HEADER_SECONDS


class HeaderTimeoutProtocol(H11Protocol):
    """:class:`H11Protocol` that closes a connection whose request headers do not arrive in time."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = header_timeout()
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        waiting = self.conn.their_state is h11.IDLE  # before this data: between requests or inside headers
        super().data_received(data)
        if self.conn.their_state is h11.IDLE and waiting:
            self._arm()  # still inside the headers: the timer of this request keeps running
        else:
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.write(_408)
            self.transport.close()
