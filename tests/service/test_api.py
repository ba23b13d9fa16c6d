"""The Python API: cheap to import, same answers as the command line, documented errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from termination import api
from termination.cli import main
from termination.errors import CaseFileError, NotReadyError
from tests.service.conftest import CASES, ROOT, RULINGS, expected

CASE_01 = ROOT / "corpus" / "cases" / "01-compliant-person.json"
CASE_08 = ROOT / "corpus" / "cases" / "08-applicant-not-interviewed.json"


def test_importing_the_api_loads_nothing_heavy() -> None:
    code = (
        "import sys, termination, termination.api, termination.service, termination.service.cli\n"
        "heavy = ['jieba', 'docx', 'fastapi', 'uvicorn', 'durable', 'jinja2', 'yaml', 'starlette',\n"
        "         'termination.decide', 'termination.rules.loader', 'termination.render', 'termination.analysis']\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_check_outcome_matches_the_hand_written_expectation(case: Path) -> None:
    assert api.check(case).outcome == expected(case)["outcome"]


def test_check_accepts_path_text_bytes_dict_and_record_alike() -> None:
    text = CASE_01.read_text(encoding="utf-8")
    record = api.check(CASE_01)
    for form in (text, text.encode("utf-8"), json.loads(text)):
        assert api.check(form) == record
    assert record.as_of == date(2024, 6, 25)  # default: the proposed termination date in the file


def test_check_as_of_before_the_interview_is_not_ready() -> None:
    # 终本规定第五条：终本前应约谈申请执行人 — the interview is dated 2024-06-18 in the record.
    decision = api.check(CASE_01, as_of=date(2024, 6, 1))
    assert decision.as_of == date(2024, 6, 1)
    assert decision.outcome == "not_ready"


def test_check_invalid_record_raises_case_file_error_naming_the_field() -> None:
    data = json.loads(CASE_01.read_text(encoding="utf-8"))
    data["claim"]["amount_due"] = "三十万"
    with pytest.raises(CaseFileError) as err:
        api.check(data)
    assert err.value.field == "claim.amount_due"


def test_render_refuses_a_case_that_is_not_ready_and_lists_missing_steps() -> None:
    with pytest.raises(NotReadyError) as err:
        api.render(CASE_08)
    decision = api.check(CASE_08)
    assert len(err.value.missing) == len(decision.blocking_rules) >= 1
    assert all(line.startswith(rule + " ") for line, rule in zip(err.value.missing, decision.blocking_rules, strict=True))


def test_rules_equal_the_cli_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--on", "2024-06-25", "--format", "json"]) == 0
    assert api.rules(date(2024, 6, 25)) == json.loads(capsys.readouterr().out)


def test_rules_are_in_force_on_the_day_and_cite_their_sources() -> None:
    on = date(2024, 6, 25)
    rows = api.rules(on)
    assert rows, "no rules in force"
    for row in rows:
        assert date.fromisoformat(row["valid_from"]) <= on
        assert row["valid_to"] is None or on <= date.fromisoformat(row["valid_to"])
        assert row["citations"] and all(c["text"].startswith("《") for c in row["citations"])


def test_case_schema_is_the_pinned_file() -> None:
    pinned = json.loads((ROOT / "schemas" / "case.schema.json").read_text(encoding="utf-8"))
    assert api.case_schema() == pinned


def test_analyze_text_and_path_agree() -> None:
    path = RULINGS / "zb_2017_gansu_519.txt"
    want = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    by_text = api.analyze(path.read_text(encoding="utf-8"))
    assert by_text == api.analyze(path)
    assert by_text.is_zhongben is want["is_zhongben"] is True
    assert by_text.case_number == want["case_number"]
