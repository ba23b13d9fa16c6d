"""Golden files: the text of every document and checklist, for every sample case.

``tests/golden/<case>/<doc>.txt`` holds the five documents (ruling, notice, interview, approval,
report) as the plain-text writer prints them — in draft mode where the case is not ready — and
``check.txt`` the checklist of ``termination check``. A change to what a person reads therefore
shows as a diff of these files. They are reviewed by reading, and rewritten only with
``pytest --update-golden`` (then read the ``git diff`` before committing).
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path

import pytest

from termination.case import CaseRecord
from termination.decide import check
from termination.decision import Decision
from termination.io import load_case
from termination.render import DOCUMENTS, TITLES, render_documents
from termination.report import checklist_text

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
CASE_DIRS = (ROOT / "corpus" / "cases", ROOT / "tests" / "render" / "cases")


def _case_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for folder in CASE_DIRS:
        for path in sorted(folder.glob("*.json")):
            if path.name.endswith(".expected.json"):
                continue
            assert path.stem not in files, f"two sample cases named {path.stem}"
            files[path.stem] = path
    return files


CASES = _case_files()
OUTPUTS = (*DOCUMENTS, "check")


@lru_cache(maxsize=None)
def _checked(name: str) -> tuple[CaseRecord, Decision]:
    case = load_case(CASES[name])
    return case, check(case)


@lru_cache(maxsize=None)
def _documents(name: str) -> dict[str, str]:
    case, decision = _checked(name)
    files = render_documents(case, decision, draft=not decision.ready, fmt="txt")
    return {doc: files[f"{TITLES[doc]}.txt"].decode("utf-8") for doc in DOCUMENTS}


def _actual(name: str, output: str) -> str:
    if output == "check":
        return checklist_text(_checked(name)[1])
    return _documents(name)[output]


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str, output: str, update_golden: bool) -> None:
    path = GOLDEN / name / f"{output}.txt"
    actual = _actual(name, output)
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != actual:
            path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {path.relative_to(ROOT)}: run pytest --update-golden and review it"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"golden/{name}/{output}.txt", tofile="actual", n=2))
        pytest.fail(f"{name}/{output} differs from its golden file "
                    f"(if intended: pytest --update-golden, then review git diff):\n{diff}", pytrace=False)


def test_no_stale_golden(update_golden: bool) -> None:
    """Every golden file belongs to a sample case and an output (none left behind by a removed case)."""
    expected = {f"{name}/{output}.txt" for name in CASES for output in OUTPUTS}
    present = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    if update_golden:
        for stale in present - expected:
            (GOLDEN / stale).unlink()
        present &= expected
    assert present == expected, f"stale: {sorted(present - expected)}; missing: {sorted(expected - present)}"
