"""Whole decisions stay the same whichever way they are computed: the durable_rules engine and the
reference evaluator give byte-identical decision JSON on every sample case and on 1,000 generated
ones (bench/generate.py), each checked on its ruling date and on a later date."""

from __future__ import annotations

import importlib.util
import json
from datetime import timedelta
from pathlib import Path

import pytest

from termination.case import CaseRecord
from termination.decide import compiled, decide
from termination.engine import ReferenceEvaluator
from termination.io import load_case

ROOT = Path(__file__).resolve().parents[1]
GENERATED = 1_000


def _samples() -> list[CaseRecord]:
    paths = sorted((ROOT / "corpus" / "cases").glob("*.json")) + sorted((ROOT / "tests" / "render" / "cases").glob("*.json"))
    return [load_case(p) for p in paths if not p.name.endswith(".expected.json")]


def _generated(tmp: Path) -> list[CaseRecord]:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp / "cases.jsonl"
    module.generate(GENERATED, out, seed=15)
    return [load_case(json.loads(line)["case"]) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[CaseRecord]:
    samples = _samples()
    assert len(samples) >= 22
    return samples + _generated(tmp_path_factory.mktemp("generated"))


def test_engine_and_reference_decisions_are_byte_identical(records: list[CaseRecord]) -> None:
    reference = ReferenceEvaluator(compiled().ruleset.rules)
    outcomes = set()
    for record in records:
        ruling = record.termination.proposed_date
        for on in (ruling, ruling + timedelta(days=90)):
            engine = decide(record, on)
            oracle = decide(record, on, reference)
            expected = engine.json_text().replace('"engine":"durable_rules 2.0.28"', '"engine":"reference evaluator"')
            assert oracle.json_text() == expected, (record.case_number, on)
            outcomes |= {f.status for f in engine.findings}
    assert outcomes == {"satisfied", "violated", "unknown", "not_applicable"}
