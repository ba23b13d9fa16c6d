"""kill -9 leaves nothing behind, and a failing disk gets one Chinese line (#14 items 8 and 10).

Each kill happens at the worst moment, inside the writing of an output, in a child process
that SIGKILLs itself; then the output folder and a private temp folder are searched for
anything left: a partial set of documents, a hidden temporary file, a spool with party names.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from termination.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASE01 = ROOT / "corpus" / "cases" / "01-compliant-person.json"


def run_killed(code: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a child whose temp folder is ``tmp``; it is expected to SIGKILL itself."""
    env = dict(os.environ, TMPDIR=str(tmp), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == -9, done.stderr[-2000:]
    return done


def everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "folder-with-an-earlier-set"])
def test_render_killed_while_writing_leaves_no_partial_set(tmp_path: Path, existing: bool) -> None:
    out, temp = tmp_path / "out", tmp_path / "temp"
    temp.mkdir()
    if existing:
        out.mkdir()
        (out / "执行裁定书.docx").write_bytes(b"earlier")
    run_killed(f"""
        import os, signal
        import termination.outputs as outputs
        real, calls = outputs._writer, []
        def writer(data):
            def write(path):
                calls.append(path)
                if len(calls) == 3:
                    os.kill(os.getpid(), signal.SIGKILL)  # two documents written, the third half-way
                real(data)(path)
            return write
        outputs._writer = writer
        from termination.cli import main
        main(["render", {str(CASE01)!r}, "-o", {str(out)!r}])
    """, temp)
    assert everything(tmp_path) == (["out", "out/执行裁定书.docx", "temp"] if existing else ["temp"])
    if existing:
        assert (out / "执行裁定书.docx").read_bytes() == b"earlier"


def test_a_killed_render_after_the_set_is_complete_leaves_the_whole_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["render", str(CASE01), "-o", str(out)]) == 0
    assert len(everything(out)) == 5 and not [p for p in everything(tmp_path) if p.split("/")[-1].startswith(".")]


def test_review_killed_mid_run_leaves_no_spool_and_no_report(tmp_path: Path) -> None:
    batch = tmp_path / "cases.jsonl"
    cases = sorted(p for p in (ROOT / "corpus" / "terminated").glob("*.json") if not p.name.endswith(".expected.json"))
    batch.write_text("".join(json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False) + "\n"
                             for p in cases), encoding="utf-8")
    out, temp = tmp_path / "reports", tmp_path / "temp"
    temp.mkdir()
    run_killed(f"""
        import os, signal
        from pathlib import Path
        from termination.review import batch
        seen = []
        def hook(case):
            seen.append(case)
            if len(seen) == 3:
                os.kill(os.getpid(), signal.SIGKILL)  # results spooled, reports not yet written
        batch.HOOK = hook
        from termination.review.batch import ReviewOptions, run_review
        run_review(Path({str(batch)!r}), ReviewOptions(workers=1, progress=False), Path({str(out)!r}))
    """, temp)
    assert everything(tmp_path) == ["cases.jsonl", "temp"]  # no report folder, nothing in the temp folder


def _review_of_sample_01(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A batch of sample 01 as one JSON line, the reports folder to be and an empty temp folder."""
    batch = tmp_path / "cases.jsonl"
    batch.write_text(CASE01.read_text(encoding="utf-8").replace("\n", " ") + "\n", encoding="utf-8")
    out, temp = tmp_path / "reports", tmp_path / "temp"
    temp.mkdir()
    return batch, out, temp


def test_review_killed_while_writing_its_reports_leaves_none(tmp_path: Path) -> None:
    batch, out, temp = _review_of_sample_01(tmp_path)
    run_killed(f"""
        import os, signal
        from pathlib import Path
        from termination.review import reports
        real = reports.write_json
        def dying(summary, spool, target):
            os.kill(os.getpid(), signal.SIGKILL)  # xlsx and html written, json half-way
        reports.write_json = dying
        from termination.review.batch import ReviewOptions, run_review
        run_review(Path({str(batch)!r}), ReviewOptions(workers=1, progress=False), Path({str(out)!r}))
    """, temp)
    assert everything(tmp_path) == ["cases.jsonl", "temp"]


def test_calendar_killed_while_writing_leaves_no_file(tmp_path: Path) -> None:
    target, temp = tmp_path / "cal.xlsx", tmp_path / "temp"
    temp.mkdir()
    run_killed(f"""
        import os, signal
        from pathlib import Path
        from termination.outputs import write_file
        def dying(path):
            path.write_bytes(b"PK half")
            os.kill(os.getpid(), signal.SIGKILL)
        write_file(Path({str(target)!r}), dying)
    """, temp)
    assert everything(tmp_path) == ["temp"]


# ---------------------------------------------------------------- item 10: operating-system errors


def test_a_full_disk_behind_stdout_is_one_line_and_exit_4() -> None:
    if not Path("/dev/full").is_char_device():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "termination.cli", "check", str(CASE01)], stdout=full,
                              stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 4
    assert done.stderr == "termination：无法读写输出：磁盘空间已满\n"


@pytest.mark.parametrize(("target", "reason"), [("{file}/x.ics", "路径中有一项不是目录"), ("/dev/full", "磁盘空间已满")])
def test_calendar_output_that_cannot_be_written_exits_4(target: str, reason: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    if target == "/dev/full" and not Path(target).is_char_device():
        pytest.skip("no /dev/full on this system")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    path = target.format(file=blocker)
    code = main(["calendar", str(ROOT / "corpus" / "terminated"), "--as-of", "2026-03-20", "--format", "ics", "-o", path])
    assert code == 4
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"termination：{path}：无法写入：{reason}" and "Traceback" not in "\n".join(err)
    assert Path("/dev/full").is_char_device() or target != "/dev/full"  # a device is written into, never replaced


def test_review_killed_while_writing_the_workbook_leaves_no_sheet_in_the_temp_folder(tmp_path: Path) -> None:
    """openpyxl streams each sheet of a write-only workbook into a temporary file: unnamed here."""
    batch, out, temp = _review_of_sample_01(tmp_path)
    run_killed(f"""
        import os, signal
        from pathlib import Path
        from openpyxl.workbook import workbook
        def dying(self, *args, **kwargs):
            os.kill(os.getpid(), signal.SIGKILL)  # every sheet streamed to its scratch file, none saved
        workbook.Workbook.save = dying
        from termination.review.batch import ReviewOptions, run_review
        run_review(Path({str(batch)!r}), ReviewOptions(workers=1, progress=False), Path({str(out)!r}))
    """, temp)
    assert everything(tmp_path) == ["cases.jsonl", "temp"]


def test_a_staging_folder_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    """#14 campaign: once in 32 kills of review, the kill fell between the creation of the hidden
    staging folder and its rename, and left it with the reports in it. The next set written to
    the same folder removes it; others' hidden folders are left alone."""
    from termination.outputs import write_set

    stale = tmp_path / ".reports.k3x9.tmp"
    stale.mkdir()
    (stale / "review.html").write_text("张三", encoding="utf-8")
    other = tmp_path / ".other.k3x9.tmp"
    other.mkdir()
    write_set(tmp_path / "reports", {"a.txt": b"a", "b.txt": b"b"})
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.k3x9.tmp", "reports"]
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["a.txt", "b.txt"]
