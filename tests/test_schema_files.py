"""The published JSON Schemas in schemas/ are current: a contract change must be deliberate."""

from __future__ import annotations

import json

from termination.schema_export import SCHEMA_DIR, case_schema, decision_schema


def test_case_schema_file_is_current() -> None:
    pinned = json.loads((SCHEMA_DIR / "case.schema.json").read_text(encoding="utf-8"))
    assert pinned == case_schema(), "案件 JSON Schema 已变化：运行 python -m termination.schema_export 并在变更说明中写明"


def test_decision_schema_file_is_current() -> None:
    pinned = json.loads((SCHEMA_DIR / "decision.schema.json").read_text(encoding="utf-8"))
    assert pinned == decision_schema()


def test_case_schema_forbids_unknown_fields_everywhere() -> None:
    schema = case_schema()
    objects = [schema, *schema["$defs"].values()]
    assert all(o.get("additionalProperties") is False for o in objects if o.get("type") == "object")


def test_decision_contract_fields() -> None:
    finding = decision_schema()["$defs"]["Finding"]["properties"]
    assert {"rule", "requirements", "status", "severity", "message", "remedy", "citations"} <= set(finding)
    assert set(finding["status"]["enum"]) == {"satisfied", "violated", "unknown", "not_applicable"}


def test_fast_decision_json_equals_pydantic_serialisation() -> None:
    """Decision.json_text() (assembled from cached finding JSON) is byte-for-byte model_dump_json()."""
    from pathlib import Path

    from termination.decide import check
    from termination.decision import Decision

    for path in sorted((Path(__file__).parents[1] / "corpus" / "cases").glob("*.json")):
        if path.name.endswith(".expected.json"):
            continue
        decision = check(path)
        assert decision.json_text() == decision.model_dump_json(), path.name
        rebuilt = Decision.model_validate(decision.model_dump())  # no cached JSON: computed path
        assert rebuilt.json_text() == decision.model_dump_json(), path.name
