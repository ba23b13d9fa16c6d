"""``termination serve``: run the HTTP service with uvicorn (FastAPI is imported only here)."""

from __future__ import annotations

import argparse
import copy
import socket
from typing import Any

APP = "termination.service.app:create_app"


def _port(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"端口“{value}”无效，应为 1–65535 的整数")
    return int(value)


def _workers(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"进程数“{value}”无效，应为正整数")
    return int(value)


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``termination serve``."""
    p.description = (
        "启动 HTTP 服务（接口在 /v1/ 下，文档见 /docs）。\n"
        "环境变量：TERMINATION_TOKEN（访问令牌，设置后除 /v1/health 外均需 Authorization: Bearer）、\n"
        "TERMINATION_MAX_BODY（请求体上限，字节，默认 2097152）、TERMINATION_TIMEOUT（处理时限，秒，默认 30）、\n"
        "TERMINATION_HEADER_TIMEOUT（收完请求头的时限，秒，默认 10）。"
    )
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，仅本机可访问）")
    p.add_argument("--port", type=_port, default=8000, help="端口（默认 8000）")
    p.add_argument("--workers", type=_workers, default=1, help="工作进程数（默认 1；每个进程各有一个规则引擎）")
    p.add_argument("--log-level", choices=("debug", "info", "warning", "error"), default="info", help="日志级别")


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging configuration plus one line per request from ``termination.service``."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["escape"] = {"()": "termination.service.middleware.EscapeControls"}
    config["formatters"]["service"] = {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    config["handlers"]["service"] = {"class": "logging.StreamHandler", "formatter": "service",
                                     "stream": "ext://sys.stderr"}
    config["loggers"]["termination"] = {"handlers": ["service"], "level": level.upper(), "propagate": False}
    for handler in config["handlers"].values():  # uvicorn's lines too: no control character in any log line
        handler["filters"] = [*handler.get("filters", []), "escape"]
    return config


def _keep_tcp_nodelay() -> None:
    """Work around uvicorn issue #3149 for ``--workers N``.

    The supervisor binds the listening socket with ``proto=0``; accepted sockets inherit it, and
    asyncio only sets ``TCP_NODELAY`` when ``proto == IPPROTO_TCP``. Without it every keep-alive
    response waits ~40 ms for the client's delayed ACK (measured: 44 ms p50 instead of 2 ms).
    """
    from uvicorn.config import Config

    original = Config.bind_socket
    if getattr(original, "_keeps_nodelay", False):
        return

    def bind_socket(self: Config) -> socket.socket:
        sock = original(self)
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
            sock = socket.socket(sock.family, socket.SOCK_STREAM, socket.IPPROTO_TCP, fileno=sock.detach())
            sock.set_inheritable(True)
        return sock

    bind_socket._keeps_nodelay = True  # type: ignore[attr-defined]
    Config.bind_socket = bind_socket  # type: ignore[method-assign]


def run(args: argparse.Namespace) -> int:
    """Start uvicorn; returns when the server stops (Ctrl-C)."""
    import uvicorn

    from termination.service.app import Settings

    Settings.from_env()  # a bad environment variable: one Chinese line and exit 2, before starting
    if args.workers > 1:
        _keep_tcp_nodelay()
    uvicorn.run(
        APP,
        http="termination.service.protocol:HeaderTimeoutProtocol",  # h11 with a time limit on headers
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,  # the service logs one line per request itself, without personal data
        log_level=args.log_level,
        log_config=log_config(args.log_level),
    )
    return 0
