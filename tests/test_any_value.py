"""Any JSON value at any place of a case record is either valid or a clear CaseFileError (#14).

The campaign of #14 found ``termination.signers: 5`` answered 500: a validator that runs before
the types are checked assumed a list. This puts values of every JSON type at every place of three
sample records (each value they hold, each field the schema knows that they omit), one place at a
time, and loads the result as every route does.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from termination.errors import CaseFileError
from termination.io import load_case
from termination.schema_export import case_schema

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ["cases/01-compliant-person.json", "cases/02-compliant-organisation.json",
           "terminated/01-served-before-national-day.json"]
VALUES: list[Any] = [5, True, 1.5, None, "x", [], {}, [{}]]


SCHEMA = case_schema()


def _resolve(schema: dict[str, Any], value: Any) -> dict[str, Any]:
    """The schema node that describes ``value`` (through $ref and anyOf)."""
    while True:
        if "$ref" in schema:
            schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in schema:
            wanted = "object" if isinstance(value, dict) else "array" if isinstance(value, list) else None
            options = [o for o in schema["anyOf"] if _resolve(o, None).get("type") == wanted] if wanted else []
            schema = options[0] if options else {}
        else:
            return schema


def _paths(node: Any, schema: dict[str, Any], prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place of the record: each value it holds, and each field its schema knows but it omits."""
    schema = _resolve(schema, node)
    if isinstance(node, dict):
        for key, sub in schema.get("properties", {}).items():
            yield (*prefix, key)
            if key in node:
                yield from _paths(node[key], sub, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*prefix, i)
            yield from _paths(value, schema.get("items", {}), (*prefix, i))


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_value_anywhere_is_valid_or_a_clear_error(sample: str) -> None:
    base = json.loads((ROOT / "corpus" / sample).read_text(encoding="utf-8"))
    crashes = []
    for path in _paths(base, SCHEMA):
        for value in VALUES:
            for alone in (False, True):  # alone: the other optional fields of its object left out
                data = copy.deepcopy(base)
                parent = data
                for key in path[:-1]:
                    parent = parent[key]
                if alone and isinstance(parent, dict):
                    required = set(_resolve(_schema_at(path[:-1]), parent).get("required", []))
                    for key in [k for k in parent if k not in required]:
                        del parent[key]
                elif alone:
                    continue
                parent[path[-1]] = value
                try:
                    load_case(data)
                except CaseFileError:
                    pass
                except Exception as exc:  # noqa: BLE001 — what the test is for
                    crashes.append(f"{'.'.join(map(str, path))} = {value!r}{' alone' if alone else ''}: "
                                   f"{type(exc).__name__}")
    assert crashes == []


def _schema_at(path: tuple[Any, ...]) -> dict[str, Any]:
    schema: dict[str, Any] = SCHEMA
    for key in path:
        schema = _resolve(schema, [] if isinstance(key, int) else {})
        schema = schema.get("items", {}) if isinstance(key, int) else schema.get("properties", {}).get(key, {})
    return schema
