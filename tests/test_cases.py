"""The sample case corpus: every ``corpus/cases/NN-slug.json`` against its hand-written expectation.

``NN-slug.expected.json`` holds the outcome and the violated / unknown requirement IDs as
worked out by hand from the law (shared/legal/requirements.md §1, §13) and the rule files —
never by running the check engine.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from termination.case import CaseRecord, NaturalPerson, Organisation
from termination.cli import main
from termination.decide import check
from termination.decision import Decision
from termination.io import load_case

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "corpus" / "cases"
EXPECTED_SUFFIX = ".expected.json"
CASE_FILES = sorted(p for p in CASES_DIR.glob("*.json") if not p.name.endswith(EXPECTED_SUFFIX))
IDS = [p.stem for p in CASE_FILES]
FINDING_KEYS = {"rule", "requirements", "status", "severity", "message", "remedy", "citations"}
REQ_ID = re.compile(r"^R-[A-Z0-9]")
# 民诉法解释（2022）自2022年4月10日起施行，终本条文由第五百一十九条改为第五百一十七条（requirements.md §2）
JS2022_IN_FORCE = date(2022, 4, 10)


def expectation(case_file: Path) -> dict[str, Any]:
    path = case_file.with_name(case_file.stem + EXPECTED_SUFFIX)
    return json.loads(path.read_text(encoding="utf-8"))


def requirement_ids(decision: Decision, status: str) -> set[str]:
    return {r for f in decision.findings if f.status == status for r in f.requirements}


@pytest.fixture(scope="module")
def records() -> dict[str, CaseRecord]:
    return {p.stem: load_case(p) for p in CASE_FILES}


# ---------------------------------------------------------------- the corpus itself


def test_every_case_has_an_expectation_and_vice_versa() -> None:
    expected = {p.name[: -len(EXPECTED_SUFFIX)] for p in CASES_DIR.glob("*" + EXPECTED_SUFFIX)}
    assert expected == set(IDS)
    assert len(CASE_FILES) >= 19  # 01 plus at least 18 more


@pytest.mark.parametrize("case_file", CASE_FILES, ids=IDS)
def test_expectation_file_is_well_formed(case_file: Path) -> None:
    exp = expectation(case_file)
    assert set(exp) == {"outcome", "violated", "unknown", "note"}
    assert exp["outcome"] in ("ready", "not_ready")
    for key in ("violated", "unknown"):
        assert exp[key] == sorted(set(exp[key])), f"{key} 应为去重并排序的列表"
        assert all(REQ_ID.match(r) for r in exp[key])
    assert re.search(r"[\u4e00-\u9fff]", exp["note"]) and "\n" not in exp["note"]
    # 2-space indented, as the brief asks
    assert case_file.read_text(encoding="utf-8").startswith('{\n  "court"')


def test_corpus_covers_the_required_variety(records: dict[str, CaseRecord]) -> None:
    recs = list(records.values())
    provinces = {r.court[:2] for r in recs}
    assert {"北京", "上海", "江苏", "河南", "广东", "浙江", "四川"} <= provinces
    years = {r.termination.proposed_date.year for r in recs}
    assert {2017, 2021, 2022, 2023, 2024, 2025, 2026} <= years
    assert any(r.kind == "执恢" for r in recs) and any(r.kind == "执" for r in recs)
    assert any(len(r.respondents) >= 2 for r in recs)
    assert any(
        isinstance(x.party, Organisation) and x.party.org_type == "enterprise_legal_person"
        and x.party.legal_representative for r in recs for x in r.respondents
    )
    assert any(
        isinstance(x.party, NaturalPerson) and x.party.birth_date for r in recs for x in r.respondents
    )
    outcomes = {expectation(p)["outcome"] for p in CASE_FILES}
    assert outcomes == {"ready", "not_ready"}
    assert any(expectation(p)["unknown"] for p in CASE_FILES)


# ---------------------------------------------------------------- the check engine


@pytest.mark.parametrize("case_file", CASE_FILES, ids=IDS)
def test_check_matches_expectation(case_file: Path, records: dict[str, CaseRecord]) -> None:
    exp = expectation(case_file)
    decision = check(records[case_file.stem])
    assert decision.outcome == exp["outcome"]
    assert requirement_ids(decision, "violated") == set(exp["violated"])
    assert requirement_ids(decision, "unknown") == set(exp["unknown"])


@pytest.mark.parametrize("case_file", CASE_FILES, ids=IDS)
def test_approval_article_follows_ruling_date(
    case_file: Path, records: dict[str, CaseRecord]
) -> None:
    """F05 cites 第五百一十九条 before 2022-04-10 and 第五百一十七条 from then on."""
    record = records[case_file.stem]
    texts = [c.text for c in check(record).finding("F05").citations]
    article = "第五百一十七条" if record.termination.proposed_date >= JS2022_IN_FORCE else "第五百一十九条"
    other = "第五百一十九条" if article == "第五百一十七条" else "第五百一十七条"
    assert any(article in t for t in texts)
    assert not any(other in t for t in texts)


def test_three_months_edge_passes_the_next_day(records: dict[str, CaseRecord]) -> None:
    """Filed 2024-01-31: three months end on 2024-04-30 (no 31 April); 2024-05-01 is 'over'."""
    record = records["03-under-three-months-edge"]
    assert record.filing_date == date(2024, 1, 31)
    assert check(record, as_of=date(2024, 4, 30)).finding("A04").status == "violated"
    later = check(record, as_of=date(2024, 5, 1))
    assert later.finding("A04").status == "satisfied"
    assert later.outcome == "ready"


# ---------------------------------------------------------------- the CLI


@pytest.mark.parametrize("case_file", CASE_FILES, ids=IDS)
def test_cli_exit_code_and_checklist(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exp = expectation(case_file)
    code = main(["check", str(case_file)])
    out, err = capsys.readouterr()
    assert code == (0 if exp["outcome"] == "ready" else 1)
    assert err == ""
    verdict = "结论：可以终本" if exp["outcome"] == "ready" else "结论：不得终本"
    assert verdict in out


@pytest.mark.parametrize("case_file", CASE_FILES, ids=IDS)
def test_cli_json_output(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exp = expectation(case_file)
    code = main(["check", str(case_file), "--format", "json"])
    out, _ = capsys.readouterr()
    assert code == (0 if exp["outcome"] == "ready" else 1)
    payload = json.loads(out)
    assert payload["outcome"] == exp["outcome"]
    assert payload["findings"]
    for finding in payload["findings"]:
        assert FINDING_KEYS <= set(finding)
        assert isinstance(finding["requirements"], list) and isinstance(finding["citations"], list)
    violated = {
        r for f in payload["findings"] if f["status"] == "violated" for r in f["requirements"]
    }
    assert violated == set(exp["violated"])


def test_cli_whole_directory(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(CASES_DIR)])
    out, err = capsys.readouterr()
    assert code == 1  # some cases are not ready, none is bad input
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == len(CASE_FILES) + 1
    ready = sum(expectation(f)["outcome"] == "ready" for f in CASE_FILES)
    assert lines[-1] == f"共 {len(CASE_FILES)} 件：可以终本 {ready} 件，不得终本 {len(CASE_FILES) - ready} 件"
    for line, case_file in zip(lines[:-1], CASE_FILES, strict=True):
        assert case_file.name in line
        ready = expectation(case_file)["outcome"] == "ready"
        assert line.startswith("✓" if ready else "✗")
