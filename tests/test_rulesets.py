"""Every inline test case of every rule file, through durable_rules and the reference evaluator."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import pytest

from termination.engine import Engine
from termination.rules.conditions import outcome
from termination.rules.loader import load_ruleset
from termination.rules.schema import LegalBasis, Rule

RULESET = load_ruleset()
CASES = [(rule, test) for rule in RULESET.rules for test in rule.tests]


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine(RULESET.rules)


def reference_status(rule: Rule, facts: dict[str, object]) -> str:
    return outcome(rule.applies_when, rule.condition, facts)


@pytest.mark.parametrize(("rule", "test"), CASES, ids=[f"{r.code}::{t.name}" for r, t in CASES])
def test_inline_case_durable(rule: Rule, test) -> None:  # type: ignore[no-untyped-def]
    assert engine().evaluate(test.facts)[rule.code] == test.expect


@pytest.mark.parametrize(("rule", "test"), CASES, ids=[f"{r.code}::{t.name}" for r, t in CASES])
def test_inline_case_reference(rule: Rule, test) -> None:  # type: ignore[no-untyped-def]
    assert reference_status(rule, test.facts) == test.expect


def test_every_rule_has_both_outcomes_and_cites_requirements() -> None:
    for rule in RULESET.rules:
        expects = {t.expect for t in rule.tests}
        assert {"satisfied", "violated"} <= expects, rule.code
        assert all(r.startswith("R-") for r in rule.requirements), rule.code
        assert rule.legal_basis, rule.code


def test_every_requirement_of_groups_a_to_g_is_encoded_or_declared() -> None:
    """§13 A–G of the legal reference, copied to tests/data (L-JL-2(4) normalised to R-L-JL-2(4))."""
    from pathlib import Path

    wanted = set(Path(__file__).with_name("data").joinpath("requirements_a_g.txt").read_text().split())
    encoded = {r for rule in RULESET.rules for r in rule.requirements}
    declared = {n.requirement for n in RULESET.not_encoded.not_encoded}
    assert wanted - encoded - declared == set()
    assert (encoded | declared) - wanted == set()
    assert encoded & declared == set()


# ---------------------------------------------------------------- the legal metadata of every rule

# When each edition was in force (requirements.md §2, §9; hand-written from the law, not read from
# sources.yaml): a citation of an edition must lie inside its window.
EDITIONS: dict[str, tuple[date, date | None]] = {
    "cpl-2012": (date(2013, 1, 1), date(2017, 6, 30)),
    "cpl-2017": (date(2017, 7, 1), date(2021, 12, 31)),
    "cpl-2021": (date(2022, 1, 1), date(2023, 12, 31)),
    "cpl-2023": (date(2024, 1, 1), None),
    "minsu-jieshi-2015": (date(2015, 2, 4), date(2022, 4, 9)),
    "minsu-jieshi-2022": (date(2022, 4, 10), None),
    "zhongben-2016": (date(2016, 12, 1), None),
    "shixin-2017": (date(2017, 5, 1), None),
    "caichan-diaocha-2020": (date(2017, 5, 1), None),
    "juzhi-2024": (date(2024, 12, 1), None),
    "jiangling-2024": (date(2024, 6, 26), None),
    "henan-2019": (date(2019, 6, 12), None),
}
# Every date on which some edition starts or ends, and the day either side.
EDGES = sorted(
    {d + timedelta(days=k) for start, end in EDITIONS.values() for d in (start, end) if d for k in (-1, 0, 1)}
    | {date(2026, 11, 21)}
)


def _window(rule: Rule, basis: LegalBasis) -> tuple[date, date | None]:
    start = max(rule.valid_from, basis.valid_from or rule.valid_from)
    ends = [d for d in (rule.valid_to, basis.valid_to) if d]
    return start, min(ends) if ends else None


@pytest.mark.parametrize("rule", RULESET.rules, ids=[r.code for r in RULESET.rules])
def test_every_citation_lies_within_its_editions_validity(rule: Rule) -> None:
    for basis in rule.legal_basis:
        source = RULESET.sources[basis.source]
        start, end = _window(rule, basis)
        if source.effective:
            assert start >= source.effective, f"{rule.code}: {basis.source} cited before it took effect"
        if basis.source in EDITIONS:
            first, last = EDITIONS[basis.source]
            assert start >= first, f"{rule.code}: {basis.source} cited from {start}"
            if last:
                assert end is not None and end <= last, f"{rule.code}: {basis.source} cited after {last}"


@pytest.mark.parametrize("on", EDGES, ids=str)
def test_each_day_cites_exactly_one_edition_of_the_civil_procedure_law(on: date) -> None:
    """A check on ``on`` cites the CPL and the 解释 only in the edition then in force."""
    for rule in RULESET.in_force(on):
        cited = {b.source for b in rule.legal_basis if b.in_force(on)}
        cpl = {s for s in cited if s.startswith("cpl-")}
        js = {s for s in cited if s.startswith("minsu-jieshi-")}
        for family in (cpl, js):
            for s in family:
                first, last = EDITIONS[s]
                assert first <= on and (last is None or on <= last), (rule.code, s, on)
            assert len(family) <= 1, (rule.code, family, on)
        any_cpl = any(b.source.startswith("cpl-") for b in rule.legal_basis)
        if any_cpl and on >= date(2013, 1, 1):
            assert len(cpl) == 1, f"{rule.code}: no edition of the CPL cited on {on}"


def test_verified_citations_match_the_law_corpus() -> None:
    """A provision marked VERIFIED must have been read: a verified article, or a partly read article
    cited at the paragraph or item that was read in full (never the article as a whole)."""
    from termination.law import _load

    for rule in RULESET.rules:
        for basis in rule.legal_basis:
            source = RULESET.sources[basis.source]
            if basis.verification != "VERIFIED" or not source.corpus or not basis.article:
                continue
            doc = _load(source.corpus)
            status = doc.statuses.get(basis.article) if doc else None
            if status is None:
                continue  # article not in the corpus file: nothing to compare
            assert status in ("verified", "partial", "not_quoted"), (rule.code, basis.source, basis.article, status)
            if status == "partial":
                assert basis.paragraph or basis.item, f"{rule.code}: {basis.article} is only partly read"


def test_severity_follows_the_kind_of_source() -> None:
    """system ⇔ R-SYS-* (national case-system checks); local ⇔ a local rule (R-L-*)."""
    for rule in RULESET.rules:
        system = all(r.startswith("R-SYS-") for r in rule.requirements)
        local = any(r.startswith("R-L-") for r in rule.requirements)
        assert (rule.severity == "system") == system, rule.code
        assert (rule.severity == "local") == local, rule.code


def test_blocking_rules_rest_on_read_binding_text() -> None:
    """UNVERIFIED wording is never a hard rule alone (requirements.md §0)."""
    for rule in RULESET.rules:
        if rule.severity != "blocking":
            continue
        kinds = [
            (RULESET.sources[b.source].kind, b.verification) for b in rule.legal_basis
        ]
        assert any(k == "binding" and v in ("VERIFIED", "PARTIAL", "CORROBORATED") for k, v in kinds), rule.code


def test_local_rules_start_with_the_local_rule() -> None:
    for rule in RULESET.rules:
        if rule.severity == "local":
            local = [RULESET.sources[b.source] for b in rule.legal_basis if RULESET.sources[b.source].kind == "local"]
            assert local and rule.valid_from >= max(s.effective for s in local if s.effective), rule.code


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2024-11-30", ["《拒执罪解释（2015）》第二条"]),
        # 法释〔2024〕13号第十六条 repeals 法释〔2015〕16号 on 2024-12-01, but an earlier act is still judged by the
        # interpretation of its time (刑事司法解释时间效力规定第三条): both are cited, the old one for earlier acts
        ("2024-12-01", ["《拒执罪解释》第三条", "《拒执罪解释（2015）》第二条（适用于2024年12月1日以前的行为）"]),
    ],
)
def test_refusal_crime_cites_the_interpretation_of_the_act(on: str, expected: list[str]) -> None:
    from datetime import date

    from termination.decide import citations_for, compiled

    rule = next(r for r in compiled().ruleset.rules if r.code == "E03")
    texts = [c.text for c in citations_for(rule, date.fromisoformat(on)) if "拒执罪" in c.text]
    assert texts == expected


def test_partly_encoded_parts_name_a_rule_of_that_requirement() -> None:
    """Each listed gap names a rule that implements the requirement, so a reader finds the rule it qualifies."""
    by_code = {r.code: r for r in RULESET.rules}
    assert RULESET.not_encoded.partly_encoded
    for gap in RULESET.not_encoded.partly_encoded:
        assert gap.rule in by_code, gap.rule
        assert gap.requirement in by_code[gap.rule].requirements, (gap.rule, gap.requirement)
