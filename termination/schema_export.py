"""The published JSON Schemas (case record in, decision out), pinned in ``schemas/``."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from termination import paths
from termination.case import SCHEMA_VERSION, CaseRecord
from termination.decision import DECISION_VERSION, Decision

SCHEMA_DIR = paths.SCHEMAS


class CaseJsonSchema(GenerateJsonSchema):
    """pydantic's schema, saying what the record's validator does to text before it counts it.

    Every text of the record is stripped of surrounding blanks first (``str_strip_whitespace``),
    so ``" "`` is empty: a minimum length counts characters that are not blank, which the schema
    says with a pattern (for a minimum of 1: a non-blank character; for n: non-blank at both
    ends of at least n characters).
    """

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        json_schema = super().str_schema(schema)
        least = json_schema.get("minLength", 0)
        if self.mode == "validation" and least and "pattern" not in json_schema:
            json_schema["pattern"] = r"\S" if least == 1 else rf"^\s*\S[\s\S]{{{least - 2},}}\S\s*$"
        return json_schema


def case_schema() -> dict[str, Any]:
    """JSON Schema of the case record (``schemas/case.schema.json``)."""
    schema = CaseRecord.model_json_schema(mode="validation", schema_generator=CaseJsonSchema)
    schema["$id"] = f"https://termination.example/schemas/case-{SCHEMA_VERSION}.json"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def decision_schema() -> dict[str, Any]:
    """JSON Schema of the decision (``schemas/decision.schema.json``)."""
    schema = Decision.model_json_schema(mode="serialization")
    schema["$id"] = f"https://termination.example/schemas/decision-{DECISION_VERSION}.json"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def write_schemas() -> None:
    """Regenerate the pinned files (run: ``python -m termination.schema_export``)."""
    import json

    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, schema in (("case", case_schema()), ("decision", decision_schema())):
        text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        (SCHEMA_DIR / f"{name}.schema.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schemas()
