"""The repository itself: nothing in it may depend on the machine it was written on.

A test once hard-coded the path of a virtual environment that existed only on its author's
machine; CI passed there and the first newcomer's clone failed. Every tracked text file is
scanned for absolute paths of a machine (home folders, the work tree, temp folders, drives).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: an absolute path of some machine: /work/…, /root/…, /home/x/…, /Users/x/…, /tmp/…, /opt/…, C:\…
MACHINE_PATH = re.compile(r"(?<![\w.:/])(?:/(?:work|root|home|Users|tmp|opt|mnt|srv)/[\w.-]|[A-Za-z]:\\\\?[\w.-])")
BINARY = {".png", ".docx", ".xlsx", ".pdf", ".ico", ".woff", ".woff2", ".gz", ".zip"}


def _tracked() -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [ROOT / name for name in out.split("\0") if name]


def test_no_absolute_path_of_any_machine() -> None:
    offenders = []
    for path in _tracked():
        if path.suffix.lower() in BINARY or not path.is_file() or path == Path(__file__).resolve():
            continue  # this file names such paths on purpose, to test the pattern
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if MACHINE_PATH.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert offenders == [], "\n".join(offenders)


def test_the_guard_recognises_machine_paths() -> None:
    """The pattern must catch what it is for, and leave URLs and relative paths alone."""
    for bad in ["/work/venv/bin/python", "x = Path('/root/.cache')", "C:\\Users\\x", "/tmp/bench"]:
        assert MACHINE_PATH.search(bad), bad
    for fine in ["https://example.org/work/x", "corpus/cases/01.json", "./tmp/x", "a/tmp/b"]:
        assert not MACHINE_PATH.search(fine), fine
