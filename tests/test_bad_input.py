"""Bad case files: exit code 2 and one Chinese line naming the field — never a traceback.

Each fixture in ``tests/fixtures/bad_cases/`` is case 01 with exactly one defect (or a file
that is not a case at all). The field each message must name is read off the fixture by
hand: it is where the defect was put.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from termination.cli import main
from termination.errors import CaseFileError
from termination.io import load_case

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "fixtures" / "bad_cases"
#: the console script installed beside the interpreter running the tests (same venv)
ENTRY_POINT = Path(sys.executable).parent / "termination"

#: fixture → the field path (or location) the one-line message must name
CASES: dict[str, str] = {
    "invalid-json.json": "第4行",  # the missing comma after line 3 is detected at line 4, column 3
    "unknown-field-top.json": "courtroom",
    "unknown-field-nested.json": "measures.network_inquiries.0.feedbak_on",
    "amount-not-number.json": "claim.amount_due",
    "impossible-date.json": "filing_date",
    "feedback-before-request.json": "measures.network_inquiries.0.feedback_on",
    "proposed-before-filing.json": "termination.proposed_date",
    "case-number-civil.json": "case_number",
    "case-number-no-brackets.json": "case_number",
    "unknown-respondent.json": "measures.consumption_restrictions.0.respondent",
    "empty.json": "案件",
    "not-an-object.json": "案件",
}
MISSING = BAD / "no-such-case.json"

#: ASCII words a Chinese message may contain besides field names
ALLOWED_WORDS = {"JSON", "YYYY", "UTF", "id", "kind", "person", "organisation", "true", "false"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[A-Za-z_]{3,}")


def _keys(node: object) -> set[str]:
    """Every key of a JSON document (field names may legitimately appear in a message)."""
    if isinstance(node, dict):
        return set(node) | {w for v in node.values() for w in _keys(v)}
    if isinstance(node, list):
        return {w for v in node for w in _keys(v)}
    return set()


def _field_words(path: Path) -> set[str]:
    try:
        keys = _keys(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        keys = set()
    return {part for k in keys for part in re.split(r"[^A-Za-z_]+", k) if part}


def assert_one_chinese_line(err: str, path: Path, field: str) -> None:
    """``err`` is one line, names ``field``, and has no English prose once names are removed."""
    assert err.endswith("\n") and err.count("\n") == 1, f"应只有一行：{err!r}"
    assert field in err, f"未指明字段 {field}：{err!r}"
    assert "Traceback" not in err
    text = err.replace(str(path), "")
    assert len(_CJK.findall(text)) >= 4, f"不是中文：{err!r}"
    names = ALLOWED_WORDS | _field_words(path) | set(re.split(r"[^A-Za-z_]+", field))
    words = set(_WORD.findall(text)) - names
    assert not words, f"含英文：{sorted(words)} in {err!r}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_rejects_bad_case(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / name
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert_one_chinese_line(err, path, CASES[name])


@pytest.mark.parametrize("name", sorted(CASES))
def test_loader_names_the_field(name: str) -> None:
    with pytest.raises(CaseFileError) as info:
        load_case(BAD / name)
    assert info.value.field is not None
    assert CASES[name] in f"{info.value.field}：{info.value.message}"


def test_cli_rejects_json_format_too(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` must not turn an input error into JSON on stdout."""
    path = BAD / "amount-not-number.json"
    assert main(["check", str(path), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_chinese_line(err, path, "claim.amount_due")


def test_cli_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert not MISSING.exists()
    code = main(["check", str(MISSING)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert_one_chinese_line(err, MISSING, MISSING.name)


@pytest.mark.parametrize(
    "path", [BAD / "feedback-before-request.json", MISSING], ids=["bad-dates", "missing-file"]
)
def test_entry_point_prints_no_traceback(path: Path) -> None:
    """The installed console script, not just ``main``: exit 2, one line, no traceback."""
    proc = subprocess.run(
        [str(ENTRY_POINT), "check", str(path)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert _CJK.search(proc.stderr)


def test_what_case_systems_really_send_is_accepted() -> None:
    """Date-times (the day counts), YYYYMMDD, "" for an optional date, null lists, 1,234.00 and GB/T sex codes."""
    import copy
    import json as _json
    from pathlib import Path as _Path

    from termination.io import load_case

    base = _json.loads((_Path(__file__).parents[1] / "corpus/cases/01-compliant-person.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(base)
    data["filing_date"] = "2024-03-04T09:30:00"
    data["application_received_on"] = ""
    data["termination"]["proposed_date"] = "20240625"
    data["measures"]["clues"] = None
    data["claim"]["amount_due"] = "300,000.00"
    data["applicants"][0]["sex"] = "2"
    record = load_case(data)
    assert str(record.filing_date) == "2024-03-04" and record.application_received_on is None
    assert str(record.termination.proposed_date) == "2024-06-25" and record.measures.clues == []
    assert str(record.claim.amount_due) == "300000.00" and record.applicants[0].sex == "女"
