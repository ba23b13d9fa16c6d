"""Which days are working days: official schedules first, a provisional computation after.

For a date, the first source that knows it decides:

1. a day named in the repository's data file (``corpus/holidays/official.json``: the State
   Council's notice of that year, imported with ``termination holidays import``);
2. the ``chinese-calendar`` package (pinned to 1.11.0, which covers 2004–2026);
3. a year of the data file on a day its notice does not name: weekdays work, weekends rest;
4. a later year, from 2025 on: the provisional schedule of :mod:`.provisional` (statutory days
   of 《全国年节及纪念日放假办法》 plus weekends, no 调休), marked ``provisional``.

Anything else (before 2004, after 2100) raises :class:`~termination.errors.CalendarNotCovered`.
Callers that decide a check use only official days (:func:`termination.periods.is_workday`);
reminders may use provisional ones and must say so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from importlib.metadata import version
from typing import Literal, NamedTuple

import chinese_calendar

from termination.errors import CalendarNotCovered
from termination.holidays import data, provisional

PROVISIONAL_MARK = "待国务院公布放假安排后复核"
Basis = Literal["package", "notice", "provisional", "none"]


class DayInfo(NamedTuple):
    """Whether a day is a working day, and whether that rests on the provisional schedule."""

    workday: bool
    provisional: bool


class YearBasis(NamedTuple):
    """Where a year's holidays come from, in words a judge reads."""

    year: int
    basis: Basis
    text: str


@lru_cache(maxsize=1)
def _official() -> tuple[dict[date, bool], frozenset[int], data.HolidayFile]:
    """Named days (date → is a working day) and years of the repository's data file."""
    content = data.load_file(data.DATA_FILE)
    named = {d.date: not d.off for y in content.years for d in y.days}
    return named, frozenset(y.year for y in content.years), content


_ON_RELOAD: list[Callable[[], None]] = []


def reload() -> None:
    """Forget the loaded data file (after an import, or when a test points elsewhere), and
    whatever was computed from it (:func:`on_reload`)."""
    _official.cache_clear()
    _DAYS.clear()
    for forget in _ON_RELOAD:
        forget()


def on_reload(forget: Callable[[], None]) -> None:
    """Call ``forget`` on :func:`reload`: for memoised results computed from the holiday data."""
    _ON_RELOAD.append(forget)


@lru_cache(maxsize=1)
def package_years() -> tuple[int, int]:
    """First and last year the installed chinese-calendar covers."""
    return min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year


def package_label() -> str:
    return f"chinese-calendar {version('chinese-calendar')}"


def official_years() -> list[int]:
    """Every year with an official schedule (package or data file), ascending."""
    first, last = package_years()
    return sorted(set(range(first, last + 1)) | _official()[1])


def coverage() -> tuple[int, int]:
    """First and last year of the unbroken run of official schedules from the package's first."""
    years = official_years()
    last = years[0]
    for y in years[1:]:
        if y != last + 1:
            break
        last = y
    return years[0], last


def _basis(year: int) -> Basis:
    if year in _official()[1]:
        return "notice"
    first, last = package_years()
    if first <= year <= last:
        return "package"
    if year > last and provisional.RULE_FROM <= year <= provisional.RULE_UNTIL:
        return "provisional"  # a year no notice has been imported for (never guessed as official)
    return "none"


def year_basis(year: int) -> YearBasis:
    """Where the holidays of ``year`` come from, for display beside every computed date."""
    kind = _basis(year)
    if kind == "notice":
        schedule = next(y for y in _official()[2].years if y.year == year)
        text = "；".join(f"{n.title}（{n.number}，{n.issued_on.isoformat()}）" for n in schedule.notices)
    elif kind == "package":
        text = f"国务院办公厅放假安排通知（{package_label()} 数据）"
    elif kind == "provisional":
        text = f"{provisional.RULE_TEXT}（推算，{PROVISIONAL_MARK}）"
    else:
        text = "无节假日数据"
    return YearBasis(year, kind, text)


def not_official_message(year: int) -> str:
    """Why a period touching ``year`` cannot decide a check."""
    first, last = coverage()
    kind = _basis(year)
    if kind == "provisional":
        return (
            f"{year}年的放假安排尚无国务院公布的数据（已有{first}—{last}年），"
            "按工作日计算或遇节假日顺延的期间只能推算，推算结果不作为检查依据"
        )
    return f"节假日数据未覆盖{year}年（已有{first}—{last}年），无法计算按工作日或节假日顺延的期间"


_DAYS: dict[date, DayInfo] = {}  # day_info memoised: a check asks about the same few years' days


def day_info(d: date) -> DayInfo:
    """Working day or not, and whether that is provisional; CalendarNotCovered if unknown."""
    info = _DAYS.get(d)
    if info is None:
        info = _day_info(d)
        if len(_DAYS) >= 1 << 16:
            _DAYS.clear()  # bounded: 65,536 days are 180 years
        _DAYS[d] = info
    return info


def _day_info(d: date) -> DayInfo:
    named, years, _ = _official()
    if d in named:
        return DayInfo(named[d], False)
    first, last = package_years()
    if first <= d.year <= last and d.year not in years:
        # chinese_calendar.is_workday(d), without its per-call check of the year range (a min and a
        # max over every holiday it knows: most of a check's cost on dates not seen before)
        return DayInfo(d in chinese_calendar.workdays or (d.weekday() < 5 and d not in chinese_calendar.holidays), False)
    if d.year in years:
        return DayInfo(d.weekday() < 5, False)
    if _basis(d.year) == "provisional":
        return DayInfo(not provisional.is_rest_day(d), True)
    raise CalendarNotCovered(not_official_message(d.year))


def certain_rest_day(d: date) -> bool:
    """A festival day of 《全国年节及纪念日放假办法》第二条 in a year without a published notice: a day
    off whatever the notice will arrange (it moves weekend days and bridges, never the festival)."""
    try:
        return _basis(d.year) == "provisional" and d in provisional.statutory_days(d.year)
    except CalendarNotCovered:
        return False


__all__ = [
    "PROVISIONAL_MARK",
    "certain_rest_day",
    "DayInfo",
    "YearBasis",
    "coverage",
    "day_info",
    "not_official_message",
    "official_years",
    "on_reload",
    "package_label",
    "package_years",
    "reload",
    "year_basis",
]
