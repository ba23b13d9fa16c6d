"""Round trip: every ruling this tool renders for a ready case reads back as a compliant ruling.

A reviewer pairs a compliant record with the ruling the tool rendered from it: the analysis must
find a 终本 ruling with all five contents of 终本规定第六条 (the rights statement complete), no
problem, and a record-versus-text cross-check without any difference. A draft is reported as a
draft. The sample cases are checked as text and as .docx; a seeded set of generated cases
(bench/generate.py) as text — bench/bench_round_trip.py runs the full 1,000.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from termination.analysis import analyze_file, analyze_text
from termination.analysis.cli import render_text
from termination.case import CaseRecord
from termination.decide import check
from termination.io import load_case
from termination.render import render_documents
from termination.review.crosscheck import crosscheck
from tests.generated import generator

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "corpus" / "cases").glob("*.json") if not p.name.endswith(".expected.json"))
SAMPLES += sorted((ROOT / "tests" / "render" / "cases").glob("*.json"))


def round_trip_defects(record: CaseRecord, text: str) -> list[str]:
    """Everything a reviewer would hold against the rendered ruling of a ready record."""
    analysis = analyze_text(text, filing_date=record.filing_date)
    out = [] if analysis.is_zhongben else [f"kind {analysis.kind}"]
    out += [f"content {n} absent" for n in ("claim", "process", "property", "realized") if not getattr(analysis.contents, n).present]
    if analysis.contents.rights.grade != "complete":
        out.append(f"rights {analysis.contents.rights.grade}")
    out += [f"{p.code}: {p.message}" for p in analysis.problems]
    out += [f"{m.code}: {m.message}" for m in crosscheck(record, analysis, text)]
    if analysis.draft:
        out.append("read as a draft")
    return out


def _ready(path: Path) -> tuple[CaseRecord, object]:
    record = load_case(path)
    return record, check(record, as_of=record.termination.proposed_date)


READY = [p for p in SAMPLES if _ready(p)[1].ready]  # type: ignore[attr-defined]
NOT_READY = [p for p in SAMPLES if p not in READY]


def test_samples_include_ready_and_not_ready_cases() -> None:
    assert len(READY) >= 4 and len(NOT_READY) >= 10


@pytest.mark.parametrize("path", READY, ids=lambda p: p.stem)
def test_rendered_ruling_of_a_ready_sample_reads_back_clean(path: Path) -> None:
    record, decision = _ready(path)
    text = render_documents(record, decision, only=["ruling"], fmt="txt")["执行裁定书.txt"].decode("utf-8")
    assert round_trip_defects(record, text) == []


@pytest.mark.parametrize("path", READY[:2], ids=lambda p: p.stem)
def test_rendered_docx_reads_back_clean(path: Path, tmp_path: Path) -> None:
    record, decision = _ready(path)
    data = render_documents(record, decision, only=["ruling"], fmt="docx")["执行裁定书.docx"]
    (tmp_path / "r.docx").write_bytes(data)
    analysis = analyze_file(tmp_path / "r.docx")
    assert analysis.is_zhongben and not analysis.draft and analysis.problems == []
    assert analysis.contents.rights.grade == "complete"


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_draft_is_reported_as_a_draft(fmt: str, tmp_path: Path) -> None:
    record, decision = _ready(NOT_READY[0])
    assert not decision.ready  # type: ignore[attr-defined]
    data = render_documents(record, decision, draft=True, only=["ruling"], fmt=fmt)[f"执行裁定书.{fmt}"]  # type: ignore[arg-type]
    path = tmp_path / f"draft.{fmt}"
    path.write_bytes(data)
    analysis = analyze_file(path)
    assert analysis.draft
    assert "TXT-DRAFT" in [p.code for p in analysis.problems]
    report = render_text(path, analysis)
    assert "草稿" in report and "未发现问题" not in report
    # a gap marker (【待补充：…未向被执行人…发出限制消费令】) is no measure of the court
    assert all("待补充" not in m.evidence for m in analysis.measures)


def test_generated_cases_read_back_clean() -> None:
    """A seeded subset of bench/generate.py's cases (the full 1,000: bench/bench_round_trip.py)."""
    generate = generator()
    rng = random.Random(20261203)
    compliant = [t for t in generate._templates() if t[0] in generate.COMPLIANT]
    checked = 0
    failures: dict[str, list[str]] = {}
    for i in range(40):
        _name, template = rng.choice(compliant)
        record = CaseRecord.model_validate(generate.mutate(template, rng, 50000 + i, True))
        decision = check(record, as_of=record.termination.proposed_date)
        if not decision.ready:
            continue
        checked += 1
        text = render_documents(record, decision, only=["ruling"], fmt="txt")["执行裁定书.txt"].decode("utf-8")
        defects = round_trip_defects(record, text)
        if defects:
            failures[record.case_number] = defects
    assert checked >= 30
    assert failures == {}
