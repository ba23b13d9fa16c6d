"""Decisions stay the same whichever way they are computed, on every sample case and 1,000 generated
ones (bench/generate.py), each checked on its ruling date and on a later date:

* the durable_rules engine and the reference evaluator give byte-identical decision JSON, and
  that JSON (spliced from cached findings) is byte-identical to pydantic's ``model_dump_json``;
* every rule message compiled to Python (termination.messages) words exactly what Jinja does."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from termination.case import CaseRecord
from termination.decide import compiled, decide
from termination.decision import Decision
from termination.engine import ReferenceEvaluator
from termination.facts import derive
from termination.io import load_case
from termination.messages import Message
from tests.generated import generator

ROOT = Path(__file__).resolve().parents[1]
GENERATED = 1_000


def _samples() -> list[CaseRecord]:
    paths = sorted((ROOT / "corpus" / "cases").glob("*.json")) + sorted((ROOT / "tests" / "render" / "cases").glob("*.json"))
    return [load_case(p) for p in paths if not p.name.endswith(".expected.json")]


def _generated(tmp: Path) -> list[CaseRecord]:
    out = tmp / "cases.jsonl"
    generator().generate(GENERATED, out, seed=15)
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
            if on == ruling:  # the spliced JSON of cached findings is what pydantic writes
                assert json.loads(expected) == json.loads(oracle.model_dump_json()) | {"engine": "reference evaluator"}
                assert engine.json_text() == engine.model_dump_json(), (record.case_number, on)
                # built without validation (decide.decision): what validation would have made of it
                assert Decision.model_validate(engine.model_dump()).model_dump_json() == engine.model_dump_json()
            outcomes |= {f.status for f in engine.findings}
    assert outcomes == {"satisfied", "violated", "unknown", "not_applicable"}


def _render_both(message: Message, context: dict[str, Any]) -> tuple[str, str]:
    """Each renderer's text, or the name of the error it raised."""
    out = []
    for render in (message.render, message.render_jinja):
        try:
            out.append(render(context))
        except Exception as exc:  # noqa: BLE001 - both must fail alike
            out.append(f"error: {type(exc).__name__}")
    return out[0], out[1]


def test_every_message_is_compiled() -> None:
    messages = compiled().messages
    assert [key for key, m in messages.items() if not m.compiled] == []


def test_compiled_messages_equal_jinja_on_every_case(records: list[CaseRecord]) -> None:
    """Every message and remedy of every rule (not only the outcome each case has), worded for
    the samples and 300 generated cases, on the ruling date and 90 days later."""
    messages = compiled().messages
    dynamic = {key: m for key, m in messages.items() if m.static is None}
    assert len(dynamic) >= 50
    texts = 0
    for record in records[:330]:
        ruling = record.termination.proposed_date
        for on in (ruling, ruling + timedelta(days=90)):
            facts, names = derive(record, on)
            context = {**facts, "names": names, "case": record, "as_of": on}
            for key, message in dynamic.items():
                compiled_text, jinja_text = _render_both(message, context)
                assert compiled_text == jinja_text, (key, record.case_number, on)
                texts += not compiled_text.startswith("error: ")
    assert texts > 10_000


def test_compiled_messages_equal_jinja_on_every_inline_rule_test() -> None:
    """The facts of each inline test of each rule (with no names of parties, on a sample case)."""
    case = _samples()[0]
    rules = compiled().ruleset.rules
    messages = compiled().messages
    for rule in rules:
        keys = [k for k in messages if k[0] == rule.code]
        for test in rule.tests:
            context = {**test.facts, "names": {}, "case": case, "as_of": case.termination.proposed_date}
            for key in keys:
                message = messages[key]
                if not all(n in context for n in message.names):
                    continue  # reads a fact the test leaves out: not renderable by either
                compiled_text, jinja_text = _render_both(message, context)
                assert compiled_text == jinja_text, (key, test.name)


def test_facts_derived_for_a_scope_are_what_its_rules_and_messages_read(records: list[CaseRecord]) -> None:
    """A check derives only the facts its rules and their messages read (decide.in_force(…).scope):
    those come out as in a full derivation, and so does every list of names a message reads."""
    from termination.decide import in_force

    skipped = 0
    for record in records[:300]:
        on = record.termination.proposed_date
        scope = in_force(on).scope(record.court, record.court_code)
        facts, names = derive(record, on, scope.facts)
        all_facts, all_names = derive(record, on)
        assert facts == {n: all_facts[n] for n in scope.facts}
        for slot in scope.slots:
            for message in [*slot.messages.values(), slot.remedy]:
                assert set(message.names) - {"names", "case", "as_of"} <= facts.keys(), slot.code
                for key in message.name_keys:
                    assert names.get(key) == all_names.get(key), (slot.code, key)
        skipped += len(all_facts) - len(facts)
    assert skipped > 0  # facts no rule in force reads were left out


def test_replaced_is_model_copy(records: list[CaseRecord]) -> None:
    """``replaced`` (the copy findings and decisions are built with) gives what ``model_copy`` gives."""
    from termination.decision import replaced

    for record in records[:40]:
        result = decide(record, record.termination.proposed_date)
        for finding in result.findings:
            for update in ({"message": "改"}, {"status": "unknown", "missing": ["a"], "evidence": {}}):
                ours, theirs = replaced(finding, update), finding.model_copy(update=update)
                assert ours == theirs and ours.model_dump_json() == theirs.model_dump_json()
                assert ours.__pydantic_fields_set__ == theirs.__pydantic_fields_set__
                assert (ours.__pydantic_private__, ours.__pydantic_extra__) == (theirs.__pydantic_private__, None)
        copied = result.model_copy(update={"court": "某法院"})
        copied._findings_json = ["x"]
        ours = replaced(result, {"court": "某法院"}, {"_findings_json": ["x"]})
        assert ours == copied and ours.__pydantic_private__ == copied.__pydantic_private__
        assert ours.__pydantic_fields_set__ == copied.__pydantic_fields_set__
