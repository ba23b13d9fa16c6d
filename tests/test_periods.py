"""Tests for termination.periods (民事诉讼法第八十五条 期间计算).

Expected values are worked out by hand from the real calendar and the State Council holiday
notices (国务院办公厅关于部分节假日安排的通知):
* 2024 劳动节: 5月1日—5日 off; 4月28日(日)、5月11日(六) 上班.
* 2024 国庆节: 10月1日—7日 off; 9月29日(日)、10月12日(六) 上班.
* 2025 国庆节、中秋节: 10月1日—8日 off; 9月28日(日)、10月11日(六) 上班.
* 2026 春节: 2月15日—23日 off; 2月14日(六)、2月28日(六) 上班.
Weekday anchors: 2024-03-04 is a Monday; 2026-11-21 is a Saturday.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from termination.errors import CalendarNotCovered, InputError
from termination.periods import (
    add_months,
    add_years,
    calendar_coverage,
    elapsed,
    is_rest_day,
    is_workday,
    next_workday,
    period_end,
)


# --- calendar months and years (month-end clamp) -------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2023, 1, 31), 1, date(2023, 2, 28)),  # common year
        (date(2024, 8, 31), 6, date(2025, 2, 28)),  # across the year end, common February
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # across the year end, leap February
        (date(2024, 10, 31), 1, date(2024, 11, 30)),  # 30-day month
        (date(2024, 12, 15), 1, date(2025, 1, 15)),  # plain year roll
        (date(2024, 3, 31), -1, date(2024, 2, 29)),  # negative, clamped
        (date(2024, 1, 15), -1, date(2023, 12, 15)),  # negative across the year start
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_add_years_leap_day() -> None:
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


# --- workdays and rest days -------------------------------------------------------------------


def test_national_day_2025_rest_and_adjusted_workdays() -> None:
    assert all(is_rest_day(date(2025, 10, day)) for day in range(1, 9))  # 10月1日—8日
    assert is_workday(date(2025, 9, 28))  # Sunday, 调休上班
    assert is_workday(date(2025, 10, 11))  # Saturday, 调休上班
    assert is_rest_day(date(2025, 10, 12))  # ordinary Sunday


def test_plain_week() -> None:
    assert is_workday(date(2024, 3, 4))  # Monday
    assert is_rest_day(date(2024, 3, 9))  # Saturday
    assert is_rest_day(date(2024, 3, 10))  # Sunday


def test_next_workday() -> None:
    assert next_workday(date(2025, 10, 1)) == date(2025, 10, 9)
    assert next_workday(date(2025, 9, 28)) == date(2025, 9, 28)  # 调休 Sunday is itself


# --- periods in days, months, years -----------------------------------------------------------


def test_first_day_not_counted() -> None:
    # 期间开始的日不计算在期间内: a 1-day period starting Monday ends Tuesday.
    assert period_end(date(2024, 3, 4), days=1) == date(2024, 3, 5)
    assert period_end(date(2024, 3, 4), days=15) == date(2024, 3, 19)  # Tuesday


def test_seven_days_ending_in_national_day_2025_rolls_over() -> None:
    # 2025-09-30 + 7 = 2025-10-07 (holiday) -> first day after the holiday: 2025-10-09.
    assert period_end(date(2025, 9, 30), days=7) == date(2025, 10, 9)
    assert period_end(date(2025, 9, 30), days=7, roll_over_holiday=False) == date(2025, 10, 7)


def test_period_ending_on_adjusted_saturday_does_not_roll() -> None:
    # 2025-10-01 + 10 = 2025-10-11, a 调休 Saturday: a working day, so it stays.
    assert period_end(date(2025, 10, 1), days=10) == date(2025, 10, 11)


def test_period_ending_on_plain_sunday_moves_to_monday() -> None:
    assert period_end(date(2024, 3, 3), days=7) == date(2024, 3, 11)  # 3-10 is Sunday
    assert period_end(date(2026, 11, 12), days=10) == date(2026, 11, 23)  # 11-22 is Sunday


def test_periods_in_days_end_on_the_next_working_day_every_day_of_the_schedules() -> None:
    # period_end in days reads a table built per year: it must give next_workday(start + N), day
    # by day, on every day from a year before the schedules to a year after them (where both
    # refuse, with the same reason)
    first, last = calendar_coverage()
    day, end = date(first - 1, 12, 1), date(last + 2, 2, 1)
    checked = 0
    while day < end:
        try:
            expected: object = next_workday(day + timedelta(days=7))
        except CalendarNotCovered as e:
            expected = str(e)
        try:
            got: object = period_end(day, days=7)
        except CalendarNotCovered as e:
            got = str(e)
        assert got == expected, day
        checked += 1
        day += timedelta(days=1)
    assert checked > 365 * (last - first + 1)


def test_month_period_clamped_then_rolled() -> None:
    assert period_end(date(2026, 8, 22), months=3) == date(2026, 11, 23)  # 11-22 Sunday
    assert period_end(date(2024, 1, 31), months=1) == date(2024, 2, 29)  # Thursday, no roll


def test_year_period_into_national_day_2024() -> None:
    # 2023-10-01 + 1 year = 2024-10-01, 国庆 10月1日—7日 -> 2024-10-08.
    assert period_end(date(2023, 10, 1), years=1) == date(2024, 10, 8)
    assert period_end(date(2024, 2, 29), years=1, roll_over_holiday=False) == date(2025, 2, 28)


# --- periods in working days (失信规定第十条 "三个工作日") -------------------------------------


def test_working_days_across_spring_festival_2026() -> None:
    # From Thu 2026-02-12: Fri 2-13 (1), 调休 Sat 2-14 (2), 2-15..2-23 off, Tue 2-24 (3).
    assert period_end(date(2026, 2, 12), working_days=3) == date(2026, 2, 24)


def test_working_days_count_adjusted_weekend() -> None:
    # From Fri 2025-09-26: Sat 9-27 is rest, Sun 9-28 is a 调休 working day.
    assert period_end(date(2025, 9, 26), working_days=1) == date(2025, 9, 28)
    # From Tue 2025-09-30: 10-9 (1), 10-10 (2), 调休 Sat 10-11 (3).
    assert period_end(date(2025, 9, 30), working_days=3) == date(2025, 10, 11)


def test_working_days_plain_week() -> None:
    # From Fri 2024-03-08: Mon 11, Tue 12, Wed 13.
    assert period_end(date(2024, 3, 8), working_days=3) == date(2024, 3, 13)


# --- calendar coverage ------------------------------------------------------------------------


def test_year_not_covered_raises_in_chinese() -> None:
    with pytest.raises(CalendarNotCovered) as info:
        is_workday(date(2027, 1, 4))
    # a check never rests on the provisional 2027 schedule, and the message says why
    assert "2027年" in str(info.value) and "不作为检查依据" in str(info.value)
    with pytest.raises(CalendarNotCovered) as info:
        is_rest_day(date(2003, 12, 31))
    assert "节假日数据未覆盖2003年" in str(info.value)


def test_periods_reaching_uncovered_year_raise() -> None:
    # 2026-12-25 + 10 = 2027-01-04: rolling over needs 2027 data.
    with pytest.raises(CalendarNotCovered):
        period_end(date(2026, 12, 25), days=10)
    # 2026-12-31 (Thu) is the 1st working day; the 2nd would be in 2027.
    with pytest.raises(CalendarNotCovered):
        period_end(date(2026, 12, 30), working_days=2)


def test_no_roll_over_needs_no_calendar() -> None:
    assert period_end(date(2026, 12, 25), days=10, roll_over_holiday=False) == date(2027, 1, 4)


def test_calendar_coverage() -> None:
    assert calendar_coverage() == (2004, 2026)  # chinese_calendar 1.11


# --- elapsed ("自执行案件立案之日起已超过三个月") -------------------------------------------------


def test_elapsed_three_months_edge() -> None:
    # Filing 2024-01-31: three months end 2024-04-30 (clamped); "超过" starts the day after.
    assert not elapsed(date(2024, 1, 31), date(2024, 4, 30), months=3)
    assert elapsed(date(2024, 1, 31), date(2024, 5, 1), months=3)


def test_elapsed_ignores_holiday_roll_over() -> None:
    # 2024-02-03 + 3 months = 2024-05-03, inside 劳动节; 5-04 is already past, no roll-over.
    assert elapsed(date(2024, 2, 3), date(2024, 5, 4), months=3)


def test_elapsed_days_and_uncovered_years() -> None:
    assert not elapsed(date(2024, 3, 4), date(2024, 3, 19), days=15)
    assert elapsed(date(2024, 3, 4), date(2024, 3, 20), days=15)
    assert elapsed(date(2027, 1, 1), date(2027, 4, 2), months=3)  # no holiday data needed


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"days": 3, "months": 1}, {"days": -1}, {"working_days": 0}],
)
def test_period_end_needs_exactly_one_positive_unit(kwargs: dict[str, int]) -> None:
    with pytest.raises(InputError) as info:
        period_end(date(2024, 3, 4), **kwargs)
    assert "期间" in info.value.message


def test_elapsed_rejects_two_units() -> None:
    with pytest.raises(InputError):
        elapsed(date(2024, 1, 1), date(2024, 6, 1), months=3, days=1)


def test_day_info_agrees_with_chinese_calendar_on_every_day_it_covers() -> None:
    """day_info reads chinese_calendar's tables directly (its is_workday scans every holiday per call)."""
    from datetime import date, timedelta

    import chinese_calendar

    from termination.holidays import _official, day_info, package_years

    first, last = package_years()
    named, years, _ = _official()
    d, days = date(first, 1, 1), 0
    while d.year <= last:
        if d not in named and d.year not in years:
            assert day_info(d).workday == chinese_calendar.is_workday(d), d
            days += 1
        d += timedelta(days=1)
    assert days > 3_000
