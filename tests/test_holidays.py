"""Holiday data beyond the package: provisional schedules, the repository file and its import.

Hand-checked anchors:
* 2027 lunar dates (published lunar calendars): 正月初一 2027-02-06 (Saturday), so 除夕 02-05
  (Friday) and 初二、初三 02-07 (Sunday), 02-08 (Monday); 清明 04-05 (Monday); 端午 06-09
  (Wednesday); 中秋 09-15 (Wednesday). 2027-01-01 is a Friday, 2027-05-01 a Saturday,
  2027-10-01 a Friday.
* tests/data/holiday-cn-2026.json is typed from 国务院办公厅关于2026年部分节假日安排的通知
  (国办发明电〔2025〕7号, 2025-11-04): 33 days off, 6 weekend working days.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from termination import holidays
from termination.cli import main
from termination.errors import CalendarNotCovered, InputError
from termination.holidays import data, provisional
from termination.periods import (
    calendar_coverage,
    is_workday,
    last_workday_on_or_before,
    legal_period_end,
    period_end,
)

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of the repository's data file, used by every lookup during the test."""
    path = tmp_path / "official.json"
    path.write_bytes(data.DATA_FILE.read_bytes())
    monkeypatch.setattr(data, "DATA_FILE", path)
    holidays.reload()
    yield path
    holidays.reload()


def _holiday_cn(year: int, days: list[tuple[str, str, bool]]) -> bytes:
    items = [{"name": n, "date": d, "isOffDay": off} for n, d, off in days]
    return json.dumps({"year": year, "papers": [], "days": items}, ensure_ascii=False).encode()


# ---------------------------------------------------------------- provisional schedule


def test_provisional_2027_statutory_days_by_hand() -> None:
    assert provisional.statutory_days(2027) == {
        date(2027, 1, 1): "元旦",
        date(2027, 2, 5): "春节",  # 除夕
        date(2027, 2, 6): "春节",
        date(2027, 2, 7): "春节",
        date(2027, 2, 8): "春节",
        date(2027, 4, 5): "清明节",
        date(2027, 5, 1): "劳动节",
        date(2027, 5, 2): "劳动节",
        date(2027, 6, 9): "端午节",
        date(2027, 9, 15): "中秋节",
        date(2027, 10, 1): "国庆节",
        date(2027, 10, 2): "国庆节",
        date(2027, 10, 3): "国庆节",
    }


@pytest.mark.parametrize("year", range(2008, 2027))
def test_festival_dates_agree_with_every_published_schedule(year: int) -> None:
    # 清明、端午、中秋 are days off since 2008; 正月初一 always: each computed date must be off
    for day, name in provisional.festival_days(year).items():
        assert chinese_calendar.is_holiday(day), (year, name, day)


@pytest.mark.parametrize("year", [2025, 2026])
def test_2024_revision_days_are_off_in_the_published_years_it_governs(year: int) -> None:
    for day in provisional.statutory_days(year):
        assert chinese_calendar.is_holiday(day), day


def test_provisional_days_are_marked_and_weekends_rest() -> None:
    assert holidays.day_info(date(2027, 2, 8)) == (False, True)  # 初三, Monday
    assert holidays.day_info(date(2027, 2, 9)) == (True, True)  # no 补假 or 调休 guessed
    assert holidays.day_info(date(2027, 3, 6)) == (False, True)  # Saturday
    assert holidays.day_info(date(2026, 2, 14)) == (True, False)  # 2026 调休 Saturday: official


def test_years_outside_any_rule_are_not_covered() -> None:
    with pytest.raises(CalendarNotCovered):
        holidays.day_info(date(2003, 6, 2))
    with pytest.raises(CalendarNotCovered):
        holidays.day_info(date(2101, 6, 2))


# ---------------------------------------------------------------- strict vs. provisional periods


def test_check_periods_refuse_provisional_years() -> None:
    with pytest.raises(CalendarNotCovered) as info:
        period_end(date(2027, 1, 29), days=10)
    assert "不作为检查依据" in str(info.value)
    with pytest.raises(CalendarNotCovered):
        is_workday(date(2027, 6, 9))


def test_reminder_periods_use_the_provisional_schedule_and_say_so() -> None:
    # 2027-01-29 + 10 days = 02-08 (初三, provisional rest) → 02-09
    assert legal_period_end(date(2027, 1, 29), days=10) == (date(2027, 2, 9), True)
    # 2026 alone: 2026-02-12 + 3 = 02-15, Spring Festival to 02-23 → 02-24, official
    assert legal_period_end(date(2026, 2, 12), days=3) == (date(2026, 2, 24), False)
    # working days across the year end: 2026-12-30 → 12-31 (1), 2027-01-04 (2: 01-01 元旦)
    assert legal_period_end(date(2026, 12, 30), working_days=2) == (date(2027, 1, 4), True)
    # a Sunday expiry in 2027: last working day on or before is Friday 2027-05-07
    assert last_workday_on_or_before(date(2027, 5, 9)) == (date(2027, 5, 7), True)
    assert last_workday_on_or_before(date(2026, 4, 12)) == (date(2026, 4, 10), False)


# ---------------------------------------------------------------- package pin and data file


def test_pinned_package_covers_exactly_the_years_the_readme_claims() -> None:
    assert holidays.package_years() == (2004, 2026)
    assert holidays.package_label() == "chinese-calendar 1.11.0"
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "2004–2026" in readme


def test_repository_data_file_is_valid_and_sourced() -> None:
    content = data.load_file(data.DATA_FILE)
    first, last = holidays.package_years()
    for year in content.years:
        assert not first <= year.year <= last  # only years the package lacks
        for notice in year.notices:
            assert "号" in notice.number and str(year.year) in notice.title


def test_holiday_cn_2026_agrees_with_the_package_day_by_day() -> None:
    raw = (DATA / "holiday-cn-2026.json").read_bytes()
    notice = data.Notice(
        title="国务院办公厅关于2026年部分节假日安排的通知",
        number="国办发明电〔2025〕7号",
        issued_on=date(2025, 11, 4),
    )
    schedule = data.schedule_from_holiday_cn(raw, notice)
    assert schedule.notices[0].url == "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"
    named = {d.date: d.off for d in schedule.days}
    assert (sum(named.values()), len(named) - sum(named.values())) == (33, 6)
    d = date(2026, 1, 1)
    while d.year == 2026:
        off = named.get(d, d.weekday() >= 5)
        assert off == (not chinese_calendar.is_workday(d)), d
        d += timedelta(days=1)


# ---------------------------------------------------------------- import command


def _import(path: Path, data_path: Path, *extra: str) -> int:
    return main(
        ["holidays", "import", str(path), "--number", "测试用文号〔示例〕", "--issued", "2026-11-20",
         "--data", str(data_path), *extra]
    )


def test_import_makes_a_year_official(
    data_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a made-up 2027 schedule (test data only): 02-05..02-11 off, Sunday 02-14 at work
    days = [("春节", (date(2027, 2, 5) + timedelta(days=k)).isoformat(), True) for k in range(7)]
    src = tmp_path / "2027.json"
    src.write_bytes(_holiday_cn(2027, days + [("春节", "2027-02-14", False)]))
    assert legal_period_end(date(2027, 2, 1), days=6).provisional  # memoised (periods): forgotten on import
    assert _import(src, data_file) == 0
    assert "已导入2027年放假安排" in capsys.readouterr().out
    assert holidays.day_info(date(2027, 2, 10)) == (False, False)  # named off day, official
    assert holidays.day_info(date(2027, 2, 14)) == (True, False)  # named working Sunday
    assert holidays.day_info(date(2027, 6, 9)) == (True, False)  # the notice's year: 端午 not named
    assert calendar_coverage() == (2004, 2027)
    assert period_end(date(2027, 2, 1), days=6) == date(2027, 2, 12)  # 02-07 → after the break
    assert legal_period_end(date(2027, 2, 1), days=6) == (date(2027, 2, 12), False)
    assert holidays.year_basis(2027).basis == "notice"
    assert "测试用文号〔示例〕" in holidays.year_basis(2027).text
    assert holidays.day_info(date(2028, 1, 3))[1] is True  # the next year stays provisional
    # importing the same year again needs --replace
    assert _import(src, data_file) == 2
    assert _import(src, data_file, "--replace") == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_holiday_cn(2027, []), "没有任何放假安排"),  # holiday-cn before publication
        (_holiday_cn(2027, [("春节", "2027-02-09", False)]), "应为周六或周日"),  # Tuesday "at work"
        (_holiday_cn(2026, [("元旦", "2026-01-01", True)]), "已由 chinese-calendar 1.11.0 收录"),
        (_holiday_cn(2027, [("元旦", "2027-13-01", True)]), "YYYY-MM-DD"),
        (b"{not json", "JSON"),
        (b'{"year": "2027", "days": []}', "year"),
    ],
)
def test_import_rejects_bad_files_and_leaves_the_data_file_alone(
    data_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    message: str,
) -> None:
    before = data_file.read_bytes()
    src = tmp_path / "in.json"
    src.write_bytes(content)
    assert _import(src, data_file) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert data_file.read_bytes() == before
    assert sorted(p.name for p in data_file.parent.iterdir()) == ["in.json", "official.json"]


def test_broken_data_file_is_an_error_not_an_empty_calendar(data_file: Path) -> None:
    data_file.write_text('{"about": "x", "years": [{"year": 2027}]}', encoding="utf-8")
    holidays.reload()
    with pytest.raises(InputError) as info:
        holidays.day_info(date(2027, 1, 4))
    assert "节假日数据文件无效" in str(info.value)


def test_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["holidays"]) == 0
    out = capsys.readouterr().out
    assert "2004—2026年" in out and holidays.PROVISIONAL_MARK in out
    assert main(["holidays", "show", "2027"]) == 0
    out = capsys.readouterr().out
    assert "2027-02-08（星期一）放假 春节" in out and "推算" in out
    assert main(["holidays", "show", "1999"]) == 2
