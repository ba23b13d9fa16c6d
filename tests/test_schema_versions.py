"""Schema 1.1 only adds optional fields: a 1.0 record stays valid and means the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from termination.case import SCHEMA_VERSION, CaseRecord
from termination.decide import check
from termination.errors import CaseFileError
from termination.io import load_case

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for p in (ROOT / "corpus" / "cases").glob("*.json") if not p.name.endswith(".expected.json"))
#: Fields added in 1.1 (path → value a 1.0 record reads as).
ADDED = {
    "cause": None, "resumed_from": None, "termination_notice": None,
    "basis.by_this_court": None, "termination.signers": [], "termination.judge_assistant": None,
}


def test_current_version_is_1_1() -> None:
    assert SCHEMA_VERSION == "1.1"
    assert CaseRecord.model_fields["schema_version"].default == "1.1"


def _as_1_0(data: dict[str, Any]) -> dict[str, Any] | None:
    """The sample without the fields 1.1 added, or None when 1.0 cannot say it (several interviews
    or confirmations, or whose interview or confirmation it was)."""
    old = {k: v for k, v in data.items() if k not in ("cause", "resumed_from", "termination_notice")}
    old["schema_version"] = "1.0"
    old["basis"] = {k: v for k, v in old["basis"].items() if k != "by_this_court"}
    old["termination"] = {k: v for k, v in old["termination"].items() if k not in ("signers", "judge_assistant")}
    for key, holder in (("interview", old), ("applicant_confirmation", old.get("approval", {}))):
        items = holder.get(key)
        if isinstance(items, list):
            if len(items) > 1 or (items and items[0].get("applicant")):
                return None
            items = items[0] if items else None
        if items:
            holder[key] = {k: v for k, v in items.items() if k not in ("place", "transcript")}
    return old


EXPRESSIBLE = [p for p in SAMPLES if _as_1_0(json.loads(p.read_text(encoding="utf-8"))) is not None]


def test_the_old_samples_are_all_expressible_in_1_0() -> None:
    # samples 01–21 were written for 1.0 (or add only optional 1.1 fields): each is checked below
    assert {p.stem[:2] for p in EXPRESSIBLE} >= {f"{n:02d}" for n in range(1, 22)}


@pytest.mark.parametrize("path", EXPRESSIBLE, ids=lambda p: p.stem)
def test_a_1_0_record_reads_as_before(path: Path) -> None:
    old = _as_1_0(json.loads(path.read_text(encoding="utf-8")))
    assert old is not None
    record = CaseRecord.model_validate(old)
    assert record.schema_version == "1.0"
    for dotted, default in ADDED.items():
        node: object = record
        for part in dotted.split("."):
            node = getattr(node, part)
        assert node == default, dotted
    assert record.termination.judges == old["termination"].get("judges", [])
    # the check does not depend on the version label
    relabelled = record.model_copy(update={"schema_version": "1.1"})
    assert check(record).model_dump() == check(relabelled).model_dump()


def test_an_unknown_version_is_refused(tmp_path: Path) -> None:
    data = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    data["schema_version"] = "2.0"
    target = tmp_path / "case.json"
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CaseFileError, match="schema_version"):
        load_case(target)


def test_signers_alone_give_the_judges_the_checks_compare() -> None:
    data = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    data["termination"].pop("judges", None)
    data["termination"]["signers"] = [{"title": "执行员", "name": "王立新"}]
    record = CaseRecord.model_validate(data)
    assert record.termination.judges == ["王立新"]


def test_signers_and_judges_must_name_the_same_people() -> None:
    data = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    data["termination"]["judges"] = ["王立新"]
    data["termination"]["signers"] = [{"title": "审判员", "name": "李四"}]
    with pytest.raises(ValueError, match="signers"):
        CaseRecord.model_validate(data)


def test_the_termination_notice_cannot_be_served_before_it_is_dated() -> None:
    data = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    data["termination_notice"] = {"issued_on": "2024-06-10", "served_on": "2024-06-09"}
    with pytest.raises(ValueError, match="termination_notice.served_on"):
        CaseRecord.model_validate(data)


def test_the_basis_is_this_courts_own_by_name_unless_stated() -> None:
    data = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    data["basis"]["issuing_body"] = data["court"]
    assert CaseRecord.model_validate(data).basis_by_this_court is True
    data["basis"]["issuing_body"] = "北京仲裁委员会"
    assert CaseRecord.model_validate(data).basis_by_this_court is False
    data["basis"]["by_this_court"] = True  # e.g. the court's name is written differently in the basis
    assert CaseRecord.model_validate(data).basis_by_this_court is True
