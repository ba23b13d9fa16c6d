"""``termination render``: exit codes, messages, and nothing written when anything fails."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import termination.io
import termination.render.writers.docx
from termination.cli import main
from termination.render import TITLES
from tests.render.support import CASE01, load


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_render_writes_every_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["render", str(CASE01), "-o", str(out)]) == 0
    written = capsys.readouterr().out.splitlines()
    assert sorted(Path(p).name for p in written) == sorted(f"{t}.docx" for t in TITLES.values())
    assert all(Path(p).stat().st_size > 0 for p in written)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left


def test_only_and_text_format(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["render", str(CASE01), "-o", str(out), "--only", "ruling,notice", "--format", "txt"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["执行裁定书.txt", "终结本次执行程序告知书.txt"]
    assert "终结本次执行程序。" in (out / "执行裁定书.txt").read_text(encoding="utf-8")


def test_not_ready_exits_1_with_missing_steps_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = load(CASE01)
    del data["interview"]
    case = _write(tmp_path, data)
    out = tmp_path / "out"
    assert main(["render", str(case), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "尚需补正的事项" in err and "F01" in err and "--draft" in err
    assert not out.exists()
    assert main(["render", str(case), "-o", str(out), "--draft"]) == 0
    assert len(list(out.iterdir())) == len(TITLES)


def test_as_of_is_passed_to_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # on 2024-05-01 the interview (2024-06-18) has not happened yet: not ready
    out = tmp_path / "out"
    assert main(["render", str(CASE01), "-o", str(out), "--as-of", "2024-05-01"]) == 1
    assert "F01" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("args", [["--format", "pdf"], ["--as-of", "2024-13-01"]])
def test_bad_options_exit_2(tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as exc:
        main(["render", str(CASE01), "-o", str(out), *args])
    assert exc.value.code == 2
    assert capsys.readouterr().err.startswith("termination：参数错误")
    assert not out.exists()


def test_unknown_document_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["render", str(CASE01), "-o", str(out), "--only", "ruling,verdict"]) == 2
    assert "verdict" in capsys.readouterr().err
    assert not out.exists()


def test_bad_case_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = load(CASE01)
    data["claim"]["amount_due"] = "很多"
    out = tmp_path / "out"
    assert main(["render", str(_write(tmp_path, data)), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "claim.amount_due" in err and "Traceback" not in err
    assert not out.exists()


def test_output_path_that_is_a_file_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    assert main(["render", str(CASE01), "-o", str(target)]) == 2
    assert target.read_text() == "x"


def test_render_failure_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    real = termination.render.writers.docx.to_docx
    calls = {"n": 0}

    def failing(blocks: list, *, draft: bool, meta: object) -> bytes:
        calls["n"] += 1
        if calls["n"] == 3:
            raise ValueError("boom")
        return real(blocks, draft=draft, meta=meta)  # type: ignore[arg-type]

    monkeypatch.setattr(termination.render.writers.docx, "to_docx", failing)
    out = tmp_path / "out"
    code = main(["render", str(CASE01), "-o", str(out)])
    assert code == 3  # RenderError: our bug, not the user's
    assert "文书生成失败" in capsys.readouterr().err
    assert not out.exists()


def test_write_failure_leaves_no_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Disk full while writing the second document: exit 4, one Chinese line, no document of the
    set (in a new folder, or in one that already holds an earlier set, which stays as it was)."""
    import termination.outputs

    real = termination.outputs._writer
    calls = {"n": 0}

    def filling(data: bytes) -> Callable[[Path], None]:
        def write(path: Path) -> None:
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError(28, "No space left on device")
            real(data)(path)
        return write

    monkeypatch.setattr(termination.outputs, "_writer", filling)
    out = tmp_path / "out"
    assert main(["render", str(CASE01), "-o", str(out)]) == 4
    assert capsys.readouterr().err == f"termination：{out}：无法写入：磁盘空间已满\n"
    assert list(tmp_path.iterdir()) == []  # no folder, no hidden staging folder or file
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / "执行裁定书.docx").write_bytes(b"earlier")
    calls["n"] = 0
    assert main(["render", str(CASE01), "-o", str(earlier)]) == 4
    assert sorted(p.name for p in earlier.iterdir()) == ["执行裁定书.docx"]
    assert (earlier / "执行裁定书.docx").read_bytes() == b"earlier"
