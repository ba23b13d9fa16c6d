"""The rule contract of the ruling-text checks (rulesets/ruling_text/*.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from termination.analysis import analyze_file, analyze_text, checks
from termination.analysis.checks import CheckMeta, metadata
from termination.errors import RuleFileError

ROOT = Path(__file__).resolve().parents[2]
META = metadata()


def test_every_check_has_metadata_and_every_metadata_a_check() -> None:
    assert set(META) == set(checks._CHECKS)
    assert len(META) >= 14


def test_a_check_without_metadata_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(checks._CHECKS, "TXT-NEW", lambda f: None)
    metadata.cache_clear()
    try:
        with pytest.raises(RuleFileError, match="TXT-NEW"):
            metadata()
    finally:
        metadata.cache_clear()


@pytest.mark.parametrize("code", sorted(META))
def test_metadata_is_complete(code: str) -> None:
    meta: CheckMeta = META[code]
    assert meta.title and meta.message and meta.requirements
    assert meta.examples, f"{code}: no example ruling"
    citation = checks.citation(code)
    assert citation.startswith("《"), citation


EXAMPLES = [pytest.param(code, ex, id=f"{code}-{Path(ex.file).stem}") for code in sorted(META) for ex in META[code].examples]


@pytest.mark.parametrize(("code", "example"), EXAMPLES)
def test_example_rulings(code: str, example) -> None:  # type: ignore[no-untyped-def]
    found = [p.code for p in analyze_file(ROOT / example.file).problems]
    assert (code in found) is (example.expect == "found")


def test_problems_carry_title_and_requirements() -> None:
    result = analyze_file(ROOT / "corpus" / "rulings" / "zb_2021_zhengzhou_60days.txt")
    for p in result.problems:
        assert p.title == META[p.code].title and p.requirements == META[p.code].requirements


# 终本规定 took effect on 2016-12-01: its 第六条 does not judge a ruling of 2016-08-12.
def test_a_rule_applies_only_from_its_own_date() -> None:
    text = (ROOT / "corpus" / "rulings" / "zb_2016_jiangsu_short.txt").read_text(encoding="utf-8")
    assert analyze_text(text).problems == []
    later = text.replace("二〇一六年八月十二日", "二〇一七年八月十四日")
    codes = [p.code for p in analyze_text(later).problems]
    assert "TXT-CONTENT-realized" in codes and "TXT-RIGHTS-PARTIAL" in codes
