"""Legal time (期间): deadlines computed the way the Civil Procedure Law counts them.

《中华人民共和国民事诉讼法》（2023年修正）第八十五条（2021年修正同为第八十五条；2012/2017年文本
为第八十二条）:

    期间以时、日、月、年计算。期间开始的时和日，不计算在期间内。
    期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。

So a period of N days starting on ``start`` ends on ``start + N days``; a period of N months or
years ends on the corresponding date (month-end clamp when it does not exist, as in
民法典第二百零二条, by analogy). 法定休假日 here means every day that is not a working day:
statutory holidays and weekends, except weekends designated 调休 working days. Periods counted
in 工作日 (e.g. 失信规定第十条 "三个工作日") count working days only.

Working days come from :mod:`termination.holidays`: the State Council's schedules
(``chinese-calendar`` and the repository's data file). A check never rests on a guess: the
strict functions (:func:`is_workday`, :func:`period_end`) raise
:class:`~termination.errors.CalendarNotCovered` for a year without an official schedule, so the
check comes out unknown. Reminders (the obligations calendar) use :func:`legal_period_end` and
:func:`last_workday_on_or_before`, which fall back to the provisional schedule and say so in
:attr:`LegalDay.provisional`. All functions are pure: no clock reads.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from termination import holidays
from termination.errors import CalendarNotCovered, InputError


class LegalDay(NamedTuple):
    """A computed day, and whether a provisional (unpublished) holiday schedule decided it."""

    day: date
    provisional: bool


def calendar_coverage() -> tuple[int, int]:
    """First and last year of the unbroken run of official holiday schedules."""
    return holidays.coverage()


_MEMO = 8192  # dates memoised per function: a few years of distinct starts and lengths


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@lru_cache(maxsize=_MEMO)
def add_months(d: date, months: int) -> date:
    """Same day ``months`` calendar months later (or earlier); clamp to the month's last day."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]
    return date(year, month, min(d.day, last))


def add_years(d: date, years: int) -> date:
    """Same day ``years`` later; 29 February becomes 28 February in a common year."""
    return add_months(d, 12 * years)


def is_workday(d: date) -> bool:
    """True on a working day (weekdays that are not holidays, plus 调休 working weekends).

    Official schedules only: a year without one raises CalendarNotCovered.
    """
    info = holidays.day_info(d)
    if info.provisional:
        raise CalendarNotCovered(holidays.not_official_message(d.year))
    return info.workday


def is_rest_day(d: date) -> bool:
    """True on a 法定休假日: a statutory holiday or a weekend that is not a 调休 working day."""
    return not is_workday(d)


def next_workday(d: date) -> date:
    """``d`` itself if it is a working day, else the first working day after it."""
    while not is_workday(d):
        d += timedelta(days=1)
    return d


def _next_workday(d: date, provisional: bool) -> LegalDay:
    """Like :func:`next_workday`; with ``provisional`` a missing year is computed, not refused."""
    guessed = False
    while True:
        info = holidays.day_info(d)
        if info.provisional and not provisional:
            raise CalendarNotCovered(holidays.not_official_message(d.year))
        guessed = guessed or (info.provisional and not holidays.certain_rest_day(d))
        if info.workday:
            return LegalDay(d, guessed)
        d += timedelta(days=1)


def last_workday_on_or_before(d: date) -> LegalDay:
    """The last working day on or before ``d`` (provisional schedule allowed, and reported)."""
    guessed = False
    while True:
        info = holidays.day_info(d)
        # a festival day (放假办法第二条) is certainly a day off: passing it guesses nothing
        guessed = guessed or (info.provisional and not holidays.certain_rest_day(d))
        if info.workday:
            return LegalDay(d, guessed)
        d -= timedelta(days=1)


def _one_unit(**units: int) -> tuple[str, int]:
    """Validate that exactly one period unit is positive; return it."""
    for name, value in units.items():
        if value < 0:
            raise InputError(f"期间长度不能为负数（{value}）", field=name)
    given = [(name, value) for name, value in units.items() if value > 0]
    if len(given) != 1:
        names = "、".join(units)
        raise InputError(f"期间必须且只能以一种单位计算（{names}中恰有一项大于零）", field="period")
    return given[0]


def _raw_end(start: date, unit: str, n: int) -> date:
    """End of the period before any holiday roll-over; the start day is not counted."""
    if unit == "days":
        return start + timedelta(days=n)
    if unit == "months":
        return add_months(start, n)
    return add_years(start, n)


def _period_end(
    start: date, unit: str, n: int, roll_over_holiday: bool, provisional: bool
) -> LegalDay:
    if unit == "working_days":
        d, guessed = start, False
        for _ in range(n):
            d, g = _next_workday(d + timedelta(days=1), provisional)
            guessed = guessed or g
        return LegalDay(d, guessed)
    end = _raw_end(start, unit, n)
    if not roll_over_holiday:
        return LegalDay(end, False)
    # 第八十五条：期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。
    return _next_workday(end, provisional)


def period_end(
    start: date,
    *,
    days: int = 0,
    months: int = 0,
    years: int = 0,
    working_days: int = 0,
    roll_over_holiday: bool = True,
) -> date:
    """Last day of a period starting on ``start`` (民事诉讼法第八十五条).

    Exactly one unit must be positive. ``working_days`` gives the Nth working day after
    ``start``. With ``roll_over_holiday`` an end falling on a rest day moves to the next
    working day. Official holiday schedules only (CalendarNotCovered otherwise).
    """
    if days > 0 and not (months or years or working_days):  # the usual period: N days
        end = start + timedelta(days=days)
        return _first_workday(end) if roll_over_holiday else end
    return _period_end_of(start, days, months, years, working_days, roll_over_holiday)


@lru_cache(maxsize=_MEMO)
def _period_end_of(start: date, days: int, months: int, years: int, working_days: int, roll_over_holiday: bool) -> date:
    unit, n = _one_unit(days=days, months=months, years=years, working_days=working_days)
    return _period_end(start, unit, n, roll_over_holiday, provisional=False).day


#: year → (ordinal of its 1 January, for each of its days the first working day on or after it,
#: or None where the official schedules do not decide it): a period in days ends by one lookup
_FIRST_WORKDAYS: dict[int, tuple[int, list[date | None]]] = {}


def _first_workday(d: date) -> date:
    """:func:`next_workday` by table (official schedules; CalendarNotCovered where they end)."""
    table = _FIRST_WORKDAYS.get(d.year) or _first_workdays(d.year)
    found = table[1][d.toordinal() - table[0]]
    return _next_workday(d, False).day if found is None else found  # None: raises, saying why


def _first_workdays(year: int) -> tuple[int, list[date | None]]:
    """The table of :func:`_first_workday` for one year, built backwards from the next year's first day."""
    first, after_last = date(year, 1, 1).toordinal(), date(year + 1, 1, 1).toordinal()
    try:
        found: date | None = _next_workday(date(year + 1, 1, 1), False).day if year < date.max.year else None
    except CalendarNotCovered:
        found = None
    days: list[date | None] = [None] * (after_last - first)
    for i in range(after_last - first - 1, -1, -1):
        d = date.fromordinal(first + i)
        try:
            info = holidays.day_info(d)
        except CalendarNotCovered:
            found = None
        else:
            found = None if info.provisional else d if info.workday else found
        days[i] = found
    if len(_FIRST_WORKDAYS) >= 256:
        _FIRST_WORKDAYS.clear()  # bounded: a few years are asked about
    table = _FIRST_WORKDAYS[year] = (first, days)
    return table


@lru_cache(maxsize=_MEMO)
def legal_period_end(
    start: date, *, days: int = 0, months: int = 0, years: int = 0, working_days: int = 0
) -> LegalDay:
    """:func:`period_end` for reminders: a year without a published schedule is computed
    provisionally (and the result says so) instead of refused."""
    unit, n = _one_unit(days=days, months=months, years=years, working_days=working_days)
    return _period_end(start, unit, n, True, provisional=True)


def elapsed(start: date, end: date, *, months: int = 0, days: int = 0) -> bool:
    """True when ``end`` is strictly after the last day of the period beginning on ``start``.

    Used for duration conditions such as 终本规定第一条第（四）项
    "自执行案件立案之日起已超过三个月".
    The holiday roll-over is NOT applied: 第八十五条 extends a deadline so that a party does not
    lose a right to a holiday; it does not lengthen a duration that is a factual precondition.
    Needs no holiday data, so it works for any year. (Not memoised: ``end`` is mostly a new
    evaluation date, and the month arithmetic is.)
    """
    if months > 0 and not days:  # the usual duration: N months
        return end > add_months(start, months)
    unit, n = _one_unit(months=months, days=days)
    return end > _raw_end(start, unit, n)


# the ends of periods depend on the holiday data: forget them when it changes
holidays.on_reload(_period_end_of.cache_clear)
holidays.on_reload(_FIRST_WORKDAYS.clear)
holidays.on_reload(legal_period_end.cache_clear)
