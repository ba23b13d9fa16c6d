"""``termination calendar``: input handling and the four output formats, read back by parsers."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from termination.cli import main
from termination.io import load_case
from termination.obligations import Obligation, assess, sort_obligations

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "terminated"

AS_OF = "2026-03-20"
CASES = sorted(p for p in SAMPLES.glob("*.json") if not p.name.endswith(".expected.json"))


def _expected_obligations(paths: list[Path]) -> list[Obligation]:
    """The obligations of the sample files in calendar order."""
    return sort_obligations(
        o for p in paths for o in assess(load_case(p), as_of=date.fromisoformat(AS_OF)).obligations
    )


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    """All samples as JSON Lines, with a broken line 3 and a schema-invalid line 5."""
    lines = [
        json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False) for p in CASES
    ]
    bad_schema = json.loads(lines[0])
    bad_schema["termination"]["served_on"] = "2025-09-01"  # before the ruling of 2025-09-26
    lines.insert(2, '{"court": "北京市海淀区人民法院", "case_number": ')
    lines.insert(4, json.dumps(bad_schema, ensure_ascii=False))
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return path


def test_bad_lines_reported_with_line_numbers_and_skipped(
    jsonl: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["calendar", str(jsonl), "--as-of", AS_OF])
    out, err = capsys.readouterr()
    assert code == 2
    errors = err.strip().splitlines()
    assert len(errors) == 2
    assert "第3行" in errors[0] and "JSON" in errors[0]
    assert "第5行" in errors[1] and "termination.served_on" in errors[1]
    assert "Traceback" not in err
    header = next(line for line in out.splitlines() if line.startswith("案号"))
    assert header.split() == ["案号", "事项", "到期日", "状态", "依据"]
    for path in CASES:  # every good line still made it into the calendar
        assert load_case(path).case_number in out


def test_json_output_sorted_and_complete(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["calendar", str(SAMPLES), "--as-of", AS_OF, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert data["as_of"] == AS_OF and data["soon_days"] == 30
    dues = [o["due"] for o in data["obligations"] if o["due"]]
    assert dues == sorted(dues)
    assert len(data["obligations"]) == len(_expected_obligations(CASES))
    assert {f["code"] for f in data["findings"]} >= {
        "renewal_after_expiry",
        "inquiry_before_ruling",
    }


def test_ics_parses_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "calendar.ics"
    code = main(["calendar", str(SAMPLES), "--as-of", AS_OF, "--format", "ics", "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    assert [p.name for p in target.parent.iterdir()] == ["calendar.ics"]  # no temp file left
    cal = Calendar.from_ical(target.read_bytes())
    everything = list(cal.walk("VEVENT"))
    events = [e for e in everything if "【记录问题】" not in str(e["SUMMARY"])[:6]]
    pending = [o for o in _expected_obligations(CASES) if o.status != "done" and o.due is not None]
    assert len(events) == len(pending) > 0
    uids = [str(e["UID"]) for e in everything]
    assert len(set(uids)) == len(uids)
    for event, o in zip(events, pending, strict=True):
        start = event.decoded("DTSTART")
        assert isinstance(start, date) and not isinstance(start, datetime)  # all-day
        assert start == o.due
        assert event.decoded("DTEND") == o.due + timedelta(days=1)
        assert o.case_number in str(event["SUMMARY"])
        assert o.title in str(event["SUMMARY"])
        # the law cited, not the requirement ID (people read the event; JSON and the spreadsheet keep the ID)
        assert o.citation in str(event["DESCRIPTION"]) and o.requirement not in str(event["DESCRIPTION"])
        assert str(event["UID"]) == o.ics_uid
        assert len(list(event.walk("VALARM"))) == 2
    # every record problem of the samples reaches the .ics, on its obligation or on its own
    found = [f for p in CASES for f in assess(load_case(p), as_of=date.fromisoformat(AS_OF)).findings]
    assert found
    for f in found:
        assert any(f.message in str(e["DESCRIPTION"]) for e in everything), f.message
    # the Sunday bank freeze of sample 03 is on the Friday before
    assert date(2026, 4, 10) in {e.decoded("DTSTART") for e in events if "平安银行深圳南山支行一般账户" in str(e["SUMMARY"])}


def test_xlsx_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "calendar.xlsx"
    code = main(["calendar", str(SAMPLES), "--as-of", AS_OF, "--format", "xlsx", "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    wb = load_workbook(target)
    assert wb.sheetnames[:2] == ["终本后义务", "记录问题"]
    ws = wb["终本后义务"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["案号", "执行法院", "承办人", "事项", "到期日"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["D"].width >= 40
    expected = _expected_obligations(CASES)
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(expected)
    dated = [r for r in rows if r[4] is not None]
    assert all(isinstance(r[4], datetime) for r in dated)  # real date cells, not text
    assert [r[4].date() for r in dated] == sorted(o.due for o in expected if o.due)
    assert ws.cell(row=2, column=5).is_date
    # every record problem is in the second sheet
    found = [f for p in CASES for f in assess(load_case(p), as_of=date.fromisoformat(AS_OF)).findings]
    messages = [r[1] for r in wb["记录问题"].iter_rows(min_row=2, values_only=True)]
    assert messages == [f.message for f in found] and messages


def test_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["calendar", str(CASES[0]), "--as-of", AS_OF, "--format", "xlsx"])
    err = capsys.readouterr().err
    assert code == 2
    assert "-o" in err and len(err.strip().splitlines()) == 1


def test_filters_and_single_json_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["calendar", str(SAMPLES), "--as-of", AS_OF, "--format", "json", "--judge", "钱文博"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert {o["case_number"] for o in data["obligations"]} == {"（2024）苏0106执9043号"}
    code = main(
        [
            "calendar",
            str(SAMPLES),
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--court",
            "浙江省杭州市西湖区人民法院",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert {o["case_number"] for o in data["obligations"]} == {"（2024）浙0106执5520号"}
    code = main(
        [
            "calendar",
            str(SAMPLES / "01-served-before-national-day.json"),
            "--as-of",
            "2026-03-10",
            "--soon-days",
            "10",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    # with a 10-day window the 2026-03-26 inquiry is no longer "due soon"
    line = next(x for x in out.splitlines() if "2026-03-26" in x)
    assert "未到期" in line


def test_missing_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["calendar", str(tmp_path / "nope.jsonl"), "--as-of", AS_OF])
    assert code == 2
    assert "nope.jsonl：文件不存在" in capsys.readouterr().err


def test_text_calendar_speaks_to_people(capsys: pytest.CaptureFixture[str]) -> None:
    """The text calendar names the law and the seized property, not requirement IDs, record ids or
    English status words (the JSON keeps ``requirement`` and ``ref``)."""
    import re

    assert main(["calendar", str(SAMPLES), "--as-of", "2026-12-03"]) == 0
    out = capsys.readouterr().out
    body = out.split("节假日依据")[0]  # the footer names the holiday data package by its name
    assert not re.search(r"R-[A-Z0-9]|UNVERIFIED|\bS\d+（", body), body
    assert "交通银行上海张江支行账户" in body  # sample 07's freeze, named by what it freezes


def test_a_festival_day_is_no_guess() -> None:
    """放假办法第二条: 2027-01-01 is a day off whatever the 2027 notice arranges, so the last working
    day before it (2026-12-31, an official 2026 working day) is not provisional; a weekday next to a
    festival is (the notice may make it a bridge day)."""
    from termination.periods import last_workday_on_or_before

    assert last_workday_on_or_before(date(2027, 1, 1)) == (date(2026, 12, 31), False)
    assert last_workday_on_or_before(date(2027, 2, 7)) == (date(2027, 2, 4), True)
