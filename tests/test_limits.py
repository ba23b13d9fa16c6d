"""The limits of a case record (termination/limits.py): each is a clear error at validation, for
``check`` on the command line and for every route of the service, and each is in the published
JSON Schema. Findings of #14 items 3, 5, 6, 7, 16 and the cost bound.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from termination import limits
from termination.cli import main
from termination.errors import CaseFileError
from termination.io import load_case
from termination.schema_export import case_schema

ROOT = Path(__file__).resolve().parent.parent
CASE_01 = json.loads((ROOT / "corpus" / "cases" / "01-compliant-person.json").read_text(encoding="utf-8"))
SAMPLES = sorted(p for d in ("cases", "terminated") for p in (ROOT / "corpus" / d).glob("*.json")
                 if not p.name.endswith(".expected.json"))


def edited(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = copy.deepcopy(CASE_01)
    change(data)
    return data


def rejected(data: dict[str, Any]) -> CaseFileError:
    with pytest.raises(CaseFileError) as info:
        load_case(data)
    return info.value


# ---------------------------------------------------------------- dates (item 3)


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2100-01-01", "9998-12-01", "99991231"])
@pytest.mark.parametrize("field", ["filing_date", "termination.proposed_date", "respondents.0.party.birth_date",
                                   "measures.network_inquiries.0.feedback_on"])
def test_a_date_outside_the_legal_range_is_refused_naming_the_field(field: str, day: str) -> None:
    def put(data: dict[str, Any]) -> None:
        *path, last = field.split(".")
        node: Any = data
        for key in path:
            node = node[int(key)] if key.isdigit() else node[key]
        node[last] = day

    err = rejected(edited(put))
    assert err.field == field and err.message == "日期应在 1900-01-01 至 2099-12-31 之间"


def test_the_ends_of_the_date_range_are_accepted() -> None:
    data = edited(lambda d: d["respondents"][0]["party"].update(birth_date="1900-01-01"))
    assert load_case(data).respondents[0].party.birth_date.isoformat() == "1900-01-01"  # type: ignore[union-attr]
    assert limits.in_date_range(limits.DATE_MAX) == limits.DATE_MAX


@pytest.mark.parametrize("day", ["0001-01-01", "9998-01-01", "2100-01-01"])
def test_cli_dates_outside_the_range_exit_2_with_one_line(day: str, capsys: pytest.CaptureFixture[str]) -> None:
    case = str(ROOT / "corpus" / "cases" / "01-compliant-person.json")
    for argv in (["check", case, "--as-of", day], ["rules", "--on", day], ["calendar", case, "--as-of", day]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "日期应在 1900-01-01 至 2099-12-31 之间" in err and "Traceback" not in err


# ---------------------------------------------------------------- amounts (item 5)


def test_amounts_of_a_trillion_yuan_or_more_are_refused() -> None:
    err = rejected(edited(lambda d: d["claim"].update(amount_due="1000000000000")))
    assert err.field == "claim.amount_due" and err.message == "不得大于 999999999999.99"
    assert rejected(edited(lambda d: d["claim"].update(amount_due="999999999999999999"))).field == "claim.amount_due"
    top = load_case(edited(lambda d: d["claim"].update(amount_due="999,999,999,999.99", interest=None, costs=None,
                                                       amount_recovered="0")))
    assert top.claim.total_due == limits.MONEY_MAX


def test_a_total_due_of_a_trillion_yuan_or_more_is_refused() -> None:
    err = rejected(edited(lambda d: d["claim"].update(amount_due="999999999999.00", interest="1.00")))
    assert err.field == "claim.amount_due" and "标的金额、利息与费用之和不得超过" in err.message


def test_more_recovered_than_due_is_an_invalid_record() -> None:
    total = load_case(CASE_01).claim.total_due
    err = rejected(edited(lambda d: d["claim"].update(amount_recovered=str(total + 1))))
    assert err.field == "claim.amount_recovered" and "已执行到位金额大于标的金额、利息与费用之和" in err.message
    exactly = load_case(edited(lambda d: d["claim"].update(amount_recovered=str(total))))
    assert exactly.claim.outstanding == 0


# ---------------------------------------------------------------- case number (item 7)


@pytest.mark.parametrize("number", [
    "（2024）张三110101199001011234执1号",  # a name and an ID number in the court-code part
    "（2024）京0105\x1b[2J执1号",  # ESC
    "（2024）京\x000105执1号",  # NUL
    "（2024）京010执1号",  # three digits: neither an intermediate nor a basic court
    "（2024）港0105执1号",  # not a province of the 案号 rules
    "（1899）京0105执1号",
])
def test_the_court_code_must_be_a_province_and_digits(number: str) -> None:
    err = rejected(edited(lambda d: d.update(case_number=number)))
    assert err.field == "case_number" and "法院代字为省级简称加两位或四位数字" in err.message
    assert "张三" not in str(err) and "\x1b" not in str(err)


@pytest.mark.parametrize(("given", "stored"), [
    ("（2024）最高法执1号", "（2024）最高法执1号"),
    ("（2024）京执1号", "（2024）京执1号"),
    ("（2024）京01执恢3号", "（2024）京01执恢3号"),
    ("（2024）兵0201执5号", "（2024）兵0201执5号"),
    ("（2024）内0102执7号", "（2024）内0102执7号"),
    ("(2024)京0105执12号", "（2024）京0105执12号"),
    ("（２０２４）京０１０５执１２号", "（2024）京0105执12号"),
])
def test_real_court_codes_are_accepted(given: str, stored: str) -> None:
    # a court name that names no province: the code is not checked against it (termination.courts)
    assert load_case(edited(lambda d: d.update(case_number=given, court="某某人民法院"))).case_number == stored


# ---------------------------------------------------------------- sizes (the cost bound)


def test_too_many_parties_items_or_characters_are_refused() -> None:
    respondent = CASE_01["respondents"][0]
    many = [dict(copy.deepcopy(respondent), party=dict(respondent["party"], id=f"R{i}"))
            for i in range(limits.MAX_PARTIES + 1)]
    err = rejected(edited(lambda d: d.update(respondents=many)))
    assert err.field == "respondents" and err.message == f"最多 {limits.MAX_PARTIES} 项"
    clue = CASE_01["measures"]["clues"][0]
    err = rejected(edited(lambda d: d["measures"].update(clues=[clue] * (limits.MAX_ITEMS + 1))))
    assert err.field == "measures.clues" and err.message == f"最多 {limits.MAX_ITEMS} 项"
    err = rejected(edited(lambda d: d.update(court="北" * (limits.MAX_COURT_NAME + 1))))
    assert err.field == "court" and err.message == f"最多 {limits.MAX_COURT_NAME} 个字符"
    err = rejected(edited(lambda d: d["applicants"][0].update(name="张" * (limits.MAX_TEXT + 1))))
    assert err.field == "applicants.0.name" and err.message == f"最多 {limits.MAX_TEXT} 个字符"
    assert load_case(edited(lambda d: d["measures"].update(clues=[clue] * limits.MAX_ITEMS)))


# ---------------------------------------------------------------- no echo of personal data (item 17)


def test_an_unknown_respondent_reference_does_not_repeat_the_value() -> None:
    err = rejected(edited(lambda d: d["measures"]["network_inquiries"][0].update(respondent="张三丰")))
    assert err.field == "measures.network_inquiries.0.respondent" and "张三丰" not in str(err)
    err = rejected(edited(lambda d: d["interview"].update(applicant="李四光")))
    assert err.field == "interview.0.applicant" and "李四光" not in str(err)


def test_a_lone_surrogate_is_refused_and_the_message_stays_printable() -> None:
    err = rejected(edited(lambda d: d["applicants"][0].update(name="张\ud800")))
    assert err.field == "applicants.0.name" and "无效的 Unicode 字符" in err.message
    err = rejected(edited(lambda d: d.update({"x\ud800": 1})))
    assert "无效的 Unicode 字符" in str(err)
    err = rejected(edited(lambda d: d.update({"x\x1b\u202e": 1})))  # the field path quotes the key: escaped
    assert str(err) == "x\\x1b\\u202e：未知字段（不属于案件数据结构，请检查拼写）"


# ---------------------------------------------------------------- the published schema (item 16)


def test_the_schema_carries_the_validator_constraints() -> None:
    schema = case_schema()
    defs = schema["$defs"]
    assert schema["properties"]["case_number"]["pattern"] == limits.CASE_NUMBER_PATTERN
    assert schema["properties"]["filing_date"]["anyOf"][0]["pattern"] == limits.DATE_PATTERN
    assert schema["properties"]["filing_date"]["anyOf"][1]["pattern"] == limits.DATETIME_PATTERN
    for party in ("NaturalPerson", "Organisation"):
        assert defs[party]["required"][0] == "kind" and "default" not in defs[party]["properties"]["kind"]
    money = defs["Claim"]["properties"]["amount_due"]["anyOf"]
    assert {"type": "string", "pattern": limits.MONEY_PATTERN} in money
    assert {"type": "number", "minimum": 0, "maximum": float(limits.MONEY_MAX), "multipleOf": 0.01} in money
    assert defs["Measures"]["properties"]["clues"]["maxItems"] == limits.MAX_ITEMS
    assert schema["properties"]["respondents"]["maxItems"] == limits.MAX_PARTIES
    assert schema["properties"]["court"]["maxLength"] == limits.MAX_COURT_NAME
    assert schema["properties"]["judge"]["anyOf"][0]["maxLength"] == limits.MAX_TEXT


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_is_valid_for_the_published_schema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(case_schema(), format_checker=jsonschema.FormatChecker()).validate(data)
    load_case(data)


@pytest.mark.parametrize("bad", [
    {"case_number": "（2024）张三执1号"},
    {"filing_date": "2100-01-01"},
    {"claim": {"claim_types": ["money"], "amount_due": "12.345"}},
    {"applicants": [{"id": "A1", "name": "甲"}]},  # kind missing
])
def test_what_the_validator_refuses_the_schema_refuses(bad: dict[str, Any]) -> None:
    data = dict(copy.deepcopy(CASE_01), **bad)
    with pytest.raises(CaseFileError):
        load_case(data)
    validator = jsonschema.Draft202012Validator(case_schema(), format_checker=jsonschema.FormatChecker())
    assert not validator.is_valid(data)


# ---------------------------------------------------------------- the documented cost bound


def _documented_limits() -> dict[str, str]:
    """The table of docs/service.md, "Cost of a request": what → limit."""
    text = (ROOT / "docs" / "service.md").read_text(encoding="utf-8")
    section = text.split("## Cost of a request", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| ") and not line.startswith("| what")]
    return {cells[0].lstrip("| "): cells[1] for cells in rows}


def test_the_documented_limits_are_the_codes() -> None:
    """Every number of the cost table in docs/service.md is the one the code enforces, and every
    limit of termination/limits.py is in the table."""
    from termination.service.app import DEFAULT_MAX_BODY, DEFAULT_TIMEOUT

    mb = 2**20
    expected = {
        "request body": f"`TERMINATION_MAX_BODY` ({DEFAULT_MAX_BODY // mb} MiB)",
        "time to send the headers": f"`TERMINATION_HEADER_TIMEOUT` ({limits.HEADER_SECONDS:g} s)",
        "time to answer": f"`TERMINATION_TIMEOUT` ({DEFAULT_TIMEOUT:g} s)",
        "any date in a record, `as_of`, `on`, `--as-of`, `--on`": f"{limits.DATE_MIN} to {limits.DATE_MAX}",
        "any amount": f"0 to {limits.MONEY_MAX:,} 元, two decimals",
        "applicants, respondents": f"{limits.MAX_PARTIES} each",
        "items of any list (each timeline of measures, judges, inquiry scopes …)": f"{limits.MAX_ITEMS:,}",
        "characters of the court's name": f"{limits.MAX_COURT_NAME}",
        "characters of any text": f"{limits.MAX_TEXT:,}",
        "ruling text analysed (`/v1/analyze`, `termination analyze`, review)": f"{limits.RULING_MAX_CHARS:,} characters",
        "ruling file read from disk": f"{limits.RULING_MAX_FILE // mb} MB",
        "a .docx: entries": f"{limits.DOCX_MAX_ENTRIES:,}",
        "a .docx: uncompressed size of all entries": f"{limits.DOCX_MAX_UNCOMPRESSED // mb} MB",
        "a .docx: one XML part": f"{limits.DOCX_MAX_XML // mb} MB",
        "one analysis in the service": f"{limits.ANALYSIS_SECONDS:g} s, {limits.ANALYSIS_MEMORY // 2**30} GB address space",
        "analyses waiting in one worker process": f"{limits.ANALYSIS_QUEUE} (fewer when `TERMINATION_TIMEOUT` is shorter)",
    }
    documented = _documented_limits()
    assert {what: documented.get(what) for what in expected} == expected
    # every number of limits.py is one of the rows above (a new limit must be documented)
    numbers = {name for name, value in vars(limits).items()
               if name.isupper() and isinstance(value, (int, float)) and not isinstance(value, bool)}
    covered = {"HEADER_SECONDS", "MAX_PARTIES", "MAX_ITEMS", "MAX_COURT_NAME", "MAX_TEXT", "RULING_MAX_CHARS",
               "RULING_MAX_FILE", "DOCX_MAX_ENTRIES", "DOCX_MAX_UNCOMPRESSED", "DOCX_MAX_XML", "ANALYSIS_SECONDS",
               "ANALYSIS_MEMORY", "ANALYSIS_QUEUE"}
    assert numbers == covered
