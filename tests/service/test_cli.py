"""``termination serve``: arguments, environment and the socket the workers share."""

from __future__ import annotations

import socket

import pytest

from termination.cli import main
from termination.errors import InputError
from termination.service.app import Settings
from termination.service.cli import _keep_tcp_nodelay


@pytest.mark.parametrize("argv", [["--port", "0"], ["--port", "70000"], ["--workers", "0"], ["--port", "http"]])
def test_bad_arguments_exit_2_with_one_chinese_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", *argv])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("termination：参数错误：") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [("TERMINATION_MAX_BODY", "2MB", "应为正整数（字节数）"), ("TERMINATION_MAX_BODY", "0", "应为正整数（字节数）"),
     ("TERMINATION_TIMEOUT", "soon", "应为正数（秒）"), ("TERMINATION_TIMEOUT", "-5", "应为正数（秒）"),
     ("TERMINATION_TIMEOUT", "inf", "应为正数（秒）")],
)
def test_bad_environment_is_refused_before_starting(name: str, value: str, message: str,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(name, value)
    assert main(["serve", "--port", "8"]) == 2  # returns before binding (port 8 would need root anyway)
    assert capsys.readouterr().err == f"termination：{name}：{message}，而不是“{value}”\n"


def test_settings_from_environment() -> None:
    assert Settings.from_env({}) == Settings(max_body=2 * 1024 * 1024, timeout=30.0, token=None)
    assert Settings.from_env({"TERMINATION_MAX_BODY": "1000", "TERMINATION_TIMEOUT": "2.5",
                              "TERMINATION_TOKEN": "abc"}) == Settings(max_body=1000, timeout=2.5, token="abc")
    with pytest.raises(InputError):
        Settings.from_env({"TERMINATION_MAX_BODY": "-1"})


def test_worker_socket_is_tcp_so_responses_are_not_delayed() -> None:
    """uvicorn #3149: the shared listening socket must say IPPROTO_TCP, or asyncio skips TCP_NODELAY."""
    from uvicorn.config import Config

    _keep_tcp_nodelay()
    sock = Config("termination.service.app:create_app", host="127.0.0.1", port=0, workers=2).bind_socket()
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockname()[0] == "127.0.0.1"
        sock.listen()
        conn_side = socket.create_connection(sock.getsockname())
        accepted, _ = sock.accept()
        assert accepted.proto == socket.IPPROTO_TCP  # what asyncio checks before setting TCP_NODELAY
        accepted.close()
        conn_side.close()
    finally:
        sock.close()
