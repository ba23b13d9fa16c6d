"""``termination review`` through the real command line: exit codes, messages, size helper."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from termination.cli import main
from termination.review import batch

from .conftest import case, variant

Writer = Callable[[Iterable[Any]], Path]


def test_size_for_without_population(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--size-for", "--margin", "0.03", "--confidence", "0.95", "--expected", "0.9"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("应抽查 385 件")  # 3.841459 · 0.09 / 0.0009 = 384.1 → 385


def test_size_for_with_population_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--size-for", "--margin", "0.03", "--expected", "0.9", "--population", "1000",
                 "--format", "json"]) == 0
    assert capsys.readouterr().out.strip() == "278"  # 384.146 / (1 + 383.146/1000) = 277.7 → 278


def test_size_for_needs_a_margin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--size-for"]) == 2
    assert "--margin" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--sample", "0"], ["--rate", "1.5"], ["--seed", "-3"], ["--sample", "5", "--rate", "0.1"],
                                  ["--stratify", "court"]])
def test_bad_arguments_exit_2_with_one_chinese_line(write_jsonl: Writer, argv: list[str],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl([case()])
    with pytest.raises(SystemExit) as stop:
        code = main(["review", str(path), "--workers", "1", *argv])
        raise SystemExit(code)
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_missing_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl" in capsys.readouterr().err


def test_all_compliant_exits_0(write_jsonl: Writer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl([variant(i) for i in range(3)] + [case("02-compliant-organisation")])
    assert main(["review", str(path), "--workers", "1", "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "合格 4" in out and "终本合格率 100.0%" in out
    assert (tmp_path / "out" / "review.xlsx").is_file()


def test_below_ninety_percent_exits_1(write_jsonl: Writer, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl([case(), case("04-no-consumption-restriction")])
    assert main(["review", str(path), "--workers", "1", "--format", "json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["pass_rate"] == 0.5


def test_bad_line_exits_2_even_if_the_rest_pass(write_jsonl: Writer, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl([case(), "not json"])
    assert main(["review", str(path), "--workers", "1", "--no-progress"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("第2行：不是有效的 JSON")
    assert "输入错误 1 处" in captured.out


def test_empty_file_exits_2(write_jsonl: Writer, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl([])
    assert main(["review", str(path), "--workers", "1"]) == 2
    assert "没有案件" in capsys.readouterr().err


def test_ctrl_c_exits_130_without_reports(write_jsonl: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl([variant(i) for i in range(6)])

    def hook(_case: dict[str, Any]) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "HOOK", hook)
    out = tmp_path / "out"
    assert main(["review", str(path), "--workers", "1", "-o", str(out)]) == 130
    assert "已中断" in capsys.readouterr().err
    assert not out.exists() or list(out.iterdir()) == []


def test_output_directory_that_is_a_file(write_jsonl: Writer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_jsonl([case()])
    blocker = tmp_path / "taken"
    blocker.write_text("x", encoding="utf-8")
    assert main(["review", str(path), "--workers", "1", "-o", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert "taken" in err and "报告目录" in err and "Traceback" not in err
