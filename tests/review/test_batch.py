"""The batch review: verdicts, figures, sampling reproducibility, strata, bad input, reports."""

from __future__ import annotations

import io
import json
import re
import shutil
from datetime import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from termination.review.batch import ReviewOptions, run_review

from .conftest import DATA, case, variant

Writer = Callable[[Iterable[Any]], Path]


def _mixed(write_jsonl: Writer, tmp_path: Path) -> Path:
    (tmp_path / "rulings").mkdir()
    shutil.copy(DATA / "01-ruling.txt", tmp_path / "rulings" / "01.txt")
    return write_jsonl([
        {"case": case(), "ruling": "rulings/01.txt", "closed_on": "2024-06-28"},  # 合格 (record and text)
        case("02-compliant-organisation"),  # 合格
        case("04-no-consumption-restriction"),  # 不合格: R-2016-1-2a
        case("16-dishonest-grounds-unassessed"),  # 待补充: R-2016-1-2b unknown
        case("08-applicant-not-interviewed"),  # 不合格: R-2016-5-1, R-SYS-8
    ])


def _review(path: Path, outdir: Path | None = None, **options: Any) -> tuple[Any, str]:
    err = io.StringIO()
    summary = run_review(path, ReviewOptions(**{"workers": 1, **options}), outdir, stderr=err)
    return summary, err.getvalue()


def test_verdicts_and_figures_of_a_mixed_batch(write_jsonl: Writer, tmp_path: Path) -> None:
    summary, err = _review(_mixed(write_jsonl, tmp_path))
    assert err == ""
    assert (summary.reviewed, summary.passed, summary.failed, summary.pending) == (5, 2, 2, 1)
    assert summary.not_passed == 3  # 待补充 counts as not 合格
    assert summary.pass_rate == pytest.approx(0.4)
    # Wilson 2/5: centre 0.443448, half-width 0.325829
    assert summary.interval[0] == pytest.approx(0.117619, abs=1e-5)
    assert summary.interval[1] == pytest.approx(0.769277, abs=1e-5)
    assert summary.position == "below"
    assert summary.text_reviewed == 1
    reqs = {r.requirement: (r.violated, r.unknown) for r in summary.by_requirement}
    assert reqs["R-2016-1-2a"] == (1, 0)
    assert reqs["R-2016-5-1"] == (1, 0)
    assert reqs["R-SYS-8"] == (1, 0)
    assert reqs["R-2016-1-2b"] == (0, 1)
    rules = {r.code: (r.violated, r.unknown) for r in summary.by_rule}
    assert rules["C01"] == (1, 0)
    assert rules["F01"] == (1, 0)
    assert rules["C05"] == (0, 1)


def test_assessment_items_of_a_mixed_batch(write_jsonl: Writer, tmp_path: Path) -> None:
    summary, _ = _review(_mixed(write_jsonl, tmp_path))
    items = {a.item: a for a in summary.assessment}
    # 实质要件: only case 04 violates an A–E condition (C01); case 16 is unknown → 4/5
    assert items["实质要件"].share == pytest.approx(0.8)
    assert (items["实质要件"].violated, items["实质要件"].unknown) == (1, 1)
    # 程序要求: case 08 did not inform the applicant → 4/5
    assert items["程序要求"].share == pytest.approx(0.8)
    # 裁定书内容: one ruling text, consistent and complete → 1/1
    assert items["裁定书内容"].share == pytest.approx(1.0)
    assert items["裁定书内容"].assessed == 1
    assert items["合格率"].share == pytest.approx(0.4)
    assert not items["终本率"].computable
    # (0.40·0.8 + 0.20·0.8 + 0.20·1 + 0.15·0.4) / 0.95 · 100 = 0.74 / 0.95 · 100
    assert summary.score == pytest.approx(77.894737, abs=1e-4)


def test_pool_and_single_process_agree(write_jsonl: Writer, tmp_path: Path) -> None:
    path = write_jsonl([variant(i, court=f"法院{i % 3}人民法院") for i in range(30)]
                       + [case("04-no-consumption-restriction")])
    one, _ = _review(path, sample=12, seed=9, stratify="court")
    two, _ = _review(path, sample=12, seed=9, stratify="court", workers=2)
    assert one.model_dump(exclude={"generated_at"}) == two.model_dump(exclude={"generated_at"})


def _sampled(path: Path, outdir: Path, **options: Any) -> list[str]:
    _review(path, outdir, **options)
    data = json.loads((outdir / "review.json").read_text(encoding="utf-8"))
    return [c["case_number"] for c in data["cases"]]


def test_same_seed_same_sample_and_different_seed_different(write_jsonl: Writer, tmp_path: Path) -> None:
    path = write_jsonl([variant(i) for i in range(60)])
    a = _sampled(path, tmp_path / "a", sample=10, seed=1)
    b = _sampled(path, tmp_path / "b", sample=10, seed=1)
    c = _sampled(path, tmp_path / "c", sample=10, seed=2)
    assert len(a) == len(set(a)) == 10
    assert a == b
    assert a != c


def test_seed_is_drawn_and_reported_when_not_given(write_jsonl: Writer, tmp_path: Path) -> None:
    path = write_jsonl([variant(i) for i in range(20)])
    summary, err = _review(path, sample=5)
    assert summary.seed is not None
    assert f"--seed {summary.seed}" in err
    again, _ = _review(path, sample=5, seed=summary.seed, stratify=None)
    assert again.seed == summary.seed


def _courts(n_a: int, n_b: int, n_c: int) -> list[dict[str, Any]]:
    courts = ["甲市人民法院"] * n_a + ["乙市人民法院"] * n_b + ["丙市人民法院"] * n_c
    # interleave so the strata are not contiguous in the file
    order = sorted(range(len(courts)), key=lambda i: (i * 37) % len(courts))
    return [variant(i, court=courts[j]) for i, j in enumerate(order)]


def test_stratified_sample_is_proportional(write_jsonl: Writer, tmp_path: Path) -> None:
    path = write_jsonl(_courts(60, 30, 10))
    summary, _ = _review(path, tmp_path / "out", sample=20, seed=3, stratify="court")
    # 20 · 60/100 = 12, 20 · 30/100 = 6, 20 · 10/100 = 2
    assert {s.stratum: s.sample for s in summary.strata} == {"甲市人民法院": 12, "乙市人民法院": 6, "丙市人民法院": 2}
    assert {s.stratum: s.population for s in summary.strata} == {"甲市人民法院": 60, "乙市人民法院": 30, "丙市人民法院": 10}
    cases = json.loads((tmp_path / "out" / "review.json").read_text(encoding="utf-8"))["cases"]
    assert Counter(c["court"] for c in cases) == {"甲市人民法院": 12, "乙市人民法院": 6, "丙市人民法院": 2}


def test_stratified_rate_uses_largest_remainder(write_jsonl: Writer, tmp_path: Path) -> None:
    path = write_jsonl(_courts(60, 30, 10))
    summary, _ = _review(path, rate=0.15, seed=3, stratify="court")
    # n = 15: quotas 9, 4.5, 1.5 → 9, 4, 1 and one unit left; remainders 0.5 tie → larger stratum 乙
    assert {s.stratum: s.sample for s in summary.strata} == {"甲市人民法院": 9, "乙市人民法院": 5, "丙市人民法院": 1}
    assert summary.reviewed == 15


def test_stratified_by_month(write_jsonl: Writer, tmp_path: Path) -> None:
    lines = [{"case": variant(i), "closed_on": "2024-07-01" if i < 15 else "2024-08-01"} for i in range(20)]
    summary, _ = _review(write_jsonl(lines), sample=8, seed=4, stratify="month")
    # 8 · 15/20 = 6, 8 · 5/20 = 2
    assert {s.stratum: s.sample for s in summary.strata} == {"2024-07": 6, "2024-08": 2}


def _bad_batch(write_jsonl: Writer, tmp_path: Path) -> Path:
    (tmp_path / "broken.docx").write_bytes(b"this is not a zip archive")
    (tmp_path / "rulings").mkdir()
    shutil.copy(DATA / "01-ruling.txt", tmp_path / "rulings" / "01.txt")
    invalid = case()
    invalid["filing_date"] = "2024-02-30"
    return write_jsonl([
        {"case": case(), "ruling": "rulings/01.txt"},  # line 1: good
        '{"case": {"court": "某法院"',  # line 2: malformed
        invalid,  # line 3: invalid record
        {"case": variant(3), "ruling": "rulings/missing.txt"},  # line 4: missing ruling
        {"case": variant(4), "ruling": "broken.docx"},  # line 5: unreadable .docx
        "",  # line 6: blank, ignored
        case("02-compliant-organisation"),  # line 7: good
    ])


@pytest.mark.parametrize("options", [{}, {"sample": 10, "seed": 5}])
def test_bad_input_is_reported_counted_and_skipped(write_jsonl: Writer, tmp_path: Path,
                                                   options: dict[str, Any]) -> None:
    summary, err = _review(_bad_batch(write_jsonl, tmp_path), **options)
    lines = err.strip().splitlines()
    if options:
        lines = [ln for ln in lines if not ln.startswith("随机种子")]
    assert len(lines) == 4, err
    assert lines[0].startswith("第2行：") and "JSON" in lines[0]
    assert lines[1].startswith("第3行：立案日期（filing_date）：")
    assert lines[2].startswith("第4行：") and "missing.txt" in lines[2] and "不存在" in lines[2]
    assert lines[3].startswith("第5行：") and "broken.docx" in lines[3] and ".docx" in lines[3]
    assert summary.input_errors == 4
    assert [e.line for e in summary.errors] == [2, 3, 4, 5]
    assert (summary.reviewed, summary.passed) == (2, 2)
    assert summary.lines == 6  # non-blank lines


def test_reports_are_written_and_read_back(write_jsonl: Writer, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary, _ = _review(_mixed(write_jsonl, tmp_path), out)
    assert sorted(p.name for p in out.iterdir()) == ["review.html", "review.json", "review.xlsx"]

    data = json.loads((out / "review.json").read_text(encoding="utf-8"))
    assert data["summary"]["reviewed"] == 5
    assert data["summary"]["pass_rate"] == pytest.approx(0.4)
    assert [c["verdict"] for c in data["cases"]] == ["合格", "合格", "不合格", "待补充", "不合格"]
    assert any(d["code"] == "C01" for d in data["cases"][2]["defects"])

    wb = load_workbook(out / "review.xlsx")  # not read-only: autofilters and number formats are read back
    courts = [g.name for g in summary.by_court]
    tables = ["概况", "评估指标", "按要求", "按规则", "各法院", "各承办人"]
    assert wb.sheetnames[:7] == [*tables, "抽查案件"]
    assert sorted(wb.sheetnames[7:]) == sorted(courts)
    for ws in wb.worksheets:  # one table per sheet: a header row and an autofilter over all of it
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", ws.title
        assert all(isinstance(c.value, str) for c in ws[1]), ws.title
    rows = list(wb["抽查案件"].iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "行号", "案号")
    assert len(rows) == 1 + 5
    assert [r[7] for r in rows[1:]] == ["合格", "合格", "不合格", "待补充", "不合格"]
    assert "C01" in rows[3][9]  # 不符合项 of case 04
    assert all(isinstance(r[6], datetime) for r in rows[1:])  # 裁定日期 is a date, not text
    assert wb["抽查案件"]["G2"].number_format == "yyyy-mm-dd"
    per_court = sum(wb[name].max_row - 1 for name in wb.sheetnames[7:])
    assert per_court == 5
    overview = {r[0]: r[1] for r in wb["概况"].iter_rows(min_row=2, values_only=True)}
    [rate_row] = [r for r in wb["概况"].iter_rows(min_row=2) if r[0].value == "终本合格率"]
    assert rate_row[1].value == pytest.approx(0.4) and rate_row[1].number_format == "0.0%"
    assert isinstance(overview["生成时间"], datetime) and isinstance(overview["抽查数"], int)
    assert "/" not in str(overview["输入"])  # the file name, no local path
    weights = list(wb["评估指标"].iter_rows(min_row=2, values_only=True))
    assert [w[1] for w in weights] == [0.4, 0.2, 0.2, 0.15, 0.05] and all("第三方评估指标" in w[7] for w in weights)
    for row in wb["各法院"].iter_rows(min_row=2, values_only=True):  # 1–2 cases per court in this batch
        assert row[1] < 5 and row[5] is None and row[7] == "抽查不足 5 件，不计算合格率"
    wb.close()

    page = (out / "review.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 2  # every court has fewer than 5 cases: no per-court rate chart
    assert "抽查不足 5 件的 " in page and "未列入图中" in page
    assert str(tmp_path) not in page and "/tmp" not in page  # no local path
    assert "@page{size:A4" in page and "@media print" in page and "<thead>" in page
    assert "（北京时间）" in page and "第三方评估指标" in page
    assert "90% 目标线" in page and "40.0%" in page
    assert not re.search(r"""(?:src|href)\s*=|url\(|@import""", page)
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}


class _Stop(KeyboardInterrupt):
    pass


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_run_leaves_no_report(write_jsonl: Writer, tmp_path: Path, workers: int) -> None:
    path = write_jsonl([variant(i) for i in range(40)])
    out = tmp_path / "out"
    seen: list[int] = []

    def hook(case: dict[str, Any]) -> None:
        seen.append(case["line"])
        if len(seen) == 3:
            raise _Stop  # Ctrl-C in the middle of the batch

    with pytest.raises(KeyboardInterrupt):
        run_review(path, ReviewOptions(workers=workers), out, stderr=io.StringIO(), on_result=hook)
    assert len(seen) == 3
    assert not out.exists() or list(out.iterdir()) == []


def test_interrupted_rerun_keeps_the_previous_reports(write_jsonl: Writer, tmp_path: Path) -> None:
    path = write_jsonl([variant(i) for i in range(10)])
    out = tmp_path / "out"
    _review(path, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def hook(case: dict[str, Any]) -> None:
        raise _Stop

    with pytest.raises(KeyboardInterrupt):
        run_review(path, ReviewOptions(workers=1), out, stderr=io.StringIO(), on_result=hook)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_internal_error_on_one_case_does_not_stop_the_batch(write_jsonl: Writer, monkeypatch: pytest.MonkeyPatch) -> None:
    from termination.review import evaluate

    real = evaluate.review_case

    def flaky(item: Any, line: int = 0, base: Path = Path(".")) -> Any:
        if line == 2:
            raise ZeroDivisionError("division by zero")
        return real(item, line, base)

    monkeypatch.setattr(evaluate, "review_case", flaky)
    summary, err = _review(write_jsonl([variant(1), variant(2), variant(3)]))
    assert err.startswith("第2行：评查时发生内部错误（ZeroDivisionError")
    assert (summary.reviewed, summary.input_errors) == (2, 1)


def test_progress_bar_draws_counts_and_ends_its_line() -> None:
    from termination.review.batch import Progress

    stream = io.StringIO()
    bar = Progress("评查", 3, True, stream)
    for _ in range(3):
        bar.step()
    bar.write("第9行：错误")
    bar.close()
    text = stream.getvalue()
    assert "3/3（100%）" in text
    assert "\r\033[K第9行：错误\n" in text
    assert text.endswith("\n")
    quiet = io.StringIO()
    silent = Progress("评查", 3, False, quiet)
    silent.step()
    silent.close()
    assert quiet.getvalue() == ""
