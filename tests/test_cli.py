"""The command line's surface: help, version, exit codes, summary, problems-only, JSON shape."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from termination import __version__
from termination.cli import COMMANDS, EXIT_CODES, build_parser, main, wrap

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "corpus" / "cases"
READY = CASES / "01-compliant-person.json"
NOT_READY = CASES / "04-no-consumption-restriction.json"


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exc:
        main([*argv, "-h"])
    assert exc.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_help_states_the_exit_codes(command: str, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = _help(capsys, command)
    assert "退出码" in out
    for code in ("0", "2") if command not in ("schema", "serve") else ("0",):
        assert code in out.split("退出码", 1)[1]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"termination {__version__}"


@pytest.mark.parametrize("columns", ["60", "80", "100"])
def test_render_help_never_splits_a_word(columns: str, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    out = _help(capsys, "render")
    for word in ("ruling", "notice", "interview", "approval", "report", "--draft", "OUTDIR"):
        assert any(word in line for line in out.splitlines()), word  # split across lines otherwise
    # display width: no line wider than the terminal (CJK counts double)
    from termination.cli import _width

    assert max(_width(line) for line in out.splitlines()) <= int(columns)


def test_wrap_keeps_words_and_brackets() -> None:
    text = "只生成所列文书，逗号分隔：ruling（裁定书）、notice（告知书）、approval（办理情况表）"
    for width in range(12, 60):
        lines = wrap(text, width)
        assert "".join(lines) == text.replace(" ", "")
        for line in lines:
            assert not line.endswith("（") and not line.startswith(("）", "、", "，"))
        for word in ("ruling", "notice", "approval"):
            assert any(word in line for line in lines)


def test_folder_summary_and_problems_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for f in (READY, NOT_READY):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    code = main(["check", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out.splitlines()[-1] == "共 3 件：可以终本 1 件，不得终本 1 件，输入有误 1 件"
    assert "broken.json" in err
    main(["check", "--problems-only", str(tmp_path)])
    out, _ = capsys.readouterr()
    assert READY.name not in out and NOT_READY.name in out and "broken.json" in out


def test_problems_only_checklist_lists_only_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NOT_READY)]) == 1
    full, _ = capsys.readouterr()
    assert main(["check", "--problems-only", str(NOT_READY)]) == 1
    short, _ = capsys.readouterr()
    assert " ✓ " in full and " ✓ " not in short and " — " not in short
    assert " ✗ C01" in short and "结论：不得终本" in short


def test_json_is_a_list_for_a_folder_even_of_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(READY, tmp_path / READY.name)
    assert main(["check", "--format", "json", str(tmp_path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert isinstance(payload, list) and len(payload) == 1
    assert payload[0]["path"].endswith(READY.name) and payload[0]["decision"]["outcome"] == "ready"


def test_json_keeps_broken_files_as_error_entries(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"court": 1}', encoding="utf-8")
    assert main(["check", "--format", "json", str(READY), str(broken)]) == 2
    payload = json.loads(capsys.readouterr().out)
    assert [Path(e["path"]).name for e in payload] == [READY.name, "broken.json"]
    assert "decision" in payload[0] and "error" not in payload[0]
    assert payload[1]["error"] and payload[1]["problems"] and "decision" not in payload[1]


def test_json_single_file_is_the_decision_object(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--format", "json", str(READY)])
    payload = json.loads(capsys.readouterr().out)
    assert isinstance(payload, dict) and payload["case_number"]


def test_parser_builds_every_command() -> None:
    parser = build_parser()
    assert set(EXIT_CODES) == set(COMMANDS)
    assert parser.prog == "termination"


def test_api_reads_a_str_naming_a_file() -> None:
    from termination import api
    from termination.errors import CaseFileError

    assert api.check(str(READY)).outcome == "ready"
    assert api.check(READY.read_text(encoding="utf-8")).outcome == "ready"  # JSON text still works
    with pytest.raises(CaseFileError, match="文件不存在"):
        api.check("no-such-case.json")


def test_not_ready_error_of_the_api_names_no_command_line_flag() -> None:
    from termination import api
    from termination.errors import NotReadyError

    with pytest.raises(NotReadyError) as exc:
        api.render(NOT_READY)
    assert "--" not in str(exc.value) and "草稿" in str(exc.value)
    assert exc.value.missing
