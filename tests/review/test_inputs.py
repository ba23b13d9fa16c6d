"""The JSONL line: bare record or wrapper, validated, with Chinese errors naming the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termination.errors import CaseFileError
from termination.review.inputs import iter_lines, parse_line

from .conftest import case


def _raw(obj: object) -> bytes:
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode()


def test_bare_record() -> None:
    item = parse_line(_raw(case()))
    assert item.case.case_number == "（2024）京0105执12345号"
    assert item.ruling is None
    assert item.judge_name == "王立新"  # from the record
    assert item.month == "2024-06"  # the ruling date (2024-06-25) when closed_on is absent


def test_wrapper_with_ruling_judge_and_closing_date(tmp_path: Path) -> None:
    item = parse_line(_raw({"case": case(), "ruling": "rulings/a.txt", "judge": "李四", "closed_on": "2024-07-02"}))
    assert item.judge_name == "李四"
    assert item.month == "2024-07"
    assert item.ruling_path(tmp_path) == tmp_path / "rulings" / "a.txt"
    assert item.ruling_path(tmp_path / "x") != Path("/abs/a.txt")
    absolute = parse_line(_raw({"case": case(), "ruling": "/abs/a.txt"}))
    assert absolute.ruling_path(tmp_path) == Path("/abs/a.txt")


def test_strata_keys() -> None:
    item = parse_line(_raw({"case": case(), "closed_on": "2024-07-02"}))
    assert item.stratum("court") == "北京市朝阳区人民法院"
    assert item.stratum("judge") == "北京市朝阳区人民法院／王立新"
    assert item.stratum("month") == "2024-07"
    assert item.stratum(None) == "全部"


def test_invalid_field_is_named_without_wrapper_prefix_for_bare_records() -> None:
    bad = case()
    bad["claim"] = {**bad["claim"], "amount_due": "很多"}
    with pytest.raises(CaseFileError) as err:
        parse_line(_raw(bad))
    assert err.value.field == "claim.amount_due"
    assert "金额" in err.value.message


def test_invalid_field_inside_wrapper_keeps_its_path() -> None:
    bad = case()
    bad["claim"] = {**bad["claim"], "amount_due": "很多"}
    with pytest.raises(CaseFileError) as err:
        parse_line(_raw({"case": bad}))
    assert err.value.field == "case.claim.amount_due"


def test_unknown_wrapper_field() -> None:
    with pytest.raises(CaseFileError) as err:
        parse_line(_raw({"case": case(), "rulling": "a.txt"}))
    assert err.value.field == "rulling"


def test_closed_before_ruling() -> None:
    with pytest.raises(CaseFileError) as err:
        parse_line(_raw({"case": case(), "closed_on": "2024-06-01"}))
    assert err.value.field == "closed_on"
    assert "不得早于裁定日期" in err.value.message


@pytest.mark.parametrize(("raw", "fragment"), [(b"{oops\n", "不是有效的 JSON"), (b"[1, 2]\n", "JSON 对象"),
                                               (b"\x80\n", "UTF-8")])
def test_malformed_lines(raw: bytes, fragment: str) -> None:
    with pytest.raises(CaseFileError) as err:
        parse_line(raw)
    assert fragment in str(err.value)


def test_iter_lines_numbers_physical_lines_and_skips_blanks(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"\xef\xbb\xbf{\"a\": 1}\n\n   \n{\"b\": 2}\n{\"c\": 3}")
    got = list(iter_lines(path))
    assert [n for n, _, _ in got] == [1, 4, 5]
    assert got[0][2] == b'{"a": 1}\n'  # the BOM is dropped
    data = path.read_bytes()
    assert all(data[off:].startswith(raw) for n, off, raw in got if n > 1)
