"""``termination analyze``: text and JSON output, exit codes 0 / 1 / 2."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from termination.analysis import cli

RULINGS = Path(__file__).resolve().parents[2] / "corpus" / "rulings"
CLEAN = RULINGS / "zb_2023_beijing_517.txt"
FLAWED = RULINGS / "zb_2023_henan_wrong519.txt"


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="termination analyze")
    cli.configure(parser)
    return cli.run(parser.parse_args(list(argv)))


def test_clean_ruling_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(CLEAN)) == 0
    out = capsys.readouterr().out
    assert "文书类型：终结本次执行程序裁定（终本）" in out
    assert "✓ 查明的被执行人财产情况" in out
    assert "未发现问题。" in out


def test_flawed_ruling_exits_1_with_citations(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(FLAWED)) == 1
    out = capsys.readouterr().out
    assert "[TXT-BASIS-OLD]" in out and "[TXT-CPL-OLD]" in out
    assert "依据：《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》（2022年修正）第五百一十七条" in out


def test_json_single_file_is_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(FLAWED), "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["path"] == str(FLAWED)
    assert data["case_number"] == "（2023）豫0105执6789号"
    assert sorted(p["code"] for p in data["problems"]) == ["TXT-BASIS-OLD", "TXT-CPL-OLD"]


def test_folder_with_unreadable_file_continues_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(CLEAN, tmp_path / "a.txt")
    (tmp_path / "b.docx").write_bytes(b"broken")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert run(str(tmp_path), "--format", "json") == 2
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [Path(d["path"]).name for d in data] == ["a.txt", "b.docx"]
    assert data[0]["is_zhongben"] is True and "error" in data[1]
    assert "b.docx" in captured.err


def test_non_zhongben_text_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(RULINGS / "zj_2023_hunan_deceased.txt")) == 0
    assert "不作终本评查" in capsys.readouterr().out


@pytest.mark.parametrize("make", ["missing", "empty_folder"])
def test_bad_path_exits_2(tmp_path: Path, make: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nothing" if make == "missing" else tmp_path
    assert run(str(path)) == 2
    assert str(path) in capsys.readouterr().err


def test_whole_corpus_folder(capsys: pytest.CaptureFixture[str]) -> None:
    # the corpus holds rulings with problems, so the folder run exits 1
    assert run(str(RULINGS)) == 1
    out = capsys.readouterr().out
    assert out.count("文件：") == len([p for p in RULINGS.rglob("*") if p.suffix in (".txt", ".docx")])  # sub-folders too
