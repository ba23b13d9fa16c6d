"""A provisional holiday schedule for a year the State Council has not yet published.

《全国年节及纪念日放假办法》（国务院令第795号，2024年11月10日第四次修订，2025年1月1日施行）
第二条 fixes the days of 全体公民放假的节日:

* 元旦 1 day (1月1日);
* 春节 4 days (农历除夕、正月初一至初三);
* 清明节 1 day (农历清明当日);
* 劳动节 2 days (5月1日、2日);
* 端午节 1 day (农历端午当日);
* 中秋节 1 day (农历中秋当日);
* 国庆节 3 days (10月1日至3日).

The provisional rest days of a year are these days plus every Saturday and Sunday. Two things
the annual notice decides are deliberately NOT guessed: 调休 (weekend working days and the
weekdays they buy) and where the 补假 of 第六条 falls (a festival day on a weekend is made up
"在工作日", on a day the notice names). Every date computed from this schedule is marked
provisional (待国务院公布放假安排后复核) and never decides a check.

Lunar dates (除夕, 正月初一, 端午, 中秋) and the solar term 清明 come from ``lunar-python``
(6tail/lunar-python, MIT; 寿星天文历 algorithm), checked in the tests against every published
schedule since 2008.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

#: First year the 2024 revision (春节 4 days, 劳动节 2 days) governs.
RULE_FROM = 2025
#: Last year a provisional schedule is computed for (a bound, not a legal limit).
RULE_UNTIL = 2100

RULE_TEXT = (
    "按《全国年节及纪念日放假办法》（2024年修订）第二条推算：元旦1天，春节4天（除夕、正月初一至初三），"
    "清明节、端午节、中秋节各1天，劳动节2天（5月1日、2日），国庆节3天（10月1日至3日），另加周六、周日；"
    "未计入调休和补假"
)


def lunar_new_year(year: int) -> date:
    """正月初一 of the lunar year that begins in Gregorian ``year``."""
    from lunar_python import Lunar

    s = Lunar.fromYmd(year, 1, 1).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def _lunar(year: int, month: int, day: int) -> date:
    from lunar_python import Lunar

    s = Lunar.fromYmd(year, month, day).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def qingming(year: int) -> date:
    """The day of the solar term 清明 (4 or 5 April) in ``year``."""
    from lunar_python import Lunar

    s = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    found = date(s.getYear(), s.getMonth(), s.getDay())
    if found.year != year:  # pragma: no cover - the table of lunar year Y always holds 清明 of Y
        raise ValueError(f"清明 of {year} not found")
    return found


def festival_days(year: int) -> dict[date, str]:
    """The lunar and solar-term festivals of ``year``: 正月初一, 清明, 端午, 中秋."""
    return {
        lunar_new_year(year): "春节",
        qingming(year): "清明节",
        _lunar(year, 5, 5): "端午节",
        _lunar(year, 8, 15): "中秋节",
    }


@lru_cache(maxsize=64)
def statutory_days(year: int) -> dict[date, str]:
    """Days off for everyone under 第二条 of the 2024 revision, by date → festival name."""
    if not RULE_FROM <= year <= RULE_UNTIL:
        raise ValueError(f"provisional schedule only for {RULE_FROM}..{RULE_UNTIL}")
    new_year = lunar_new_year(year)
    days = {date(year, 1, 1): "元旦"}
    days |= {new_year + timedelta(days=k): "春节" for k in range(-1, 3)}  # 除夕、初一至初三
    days |= {d: name for d, name in festival_days(year).items() if name != "春节"}
    days |= {date(year, 5, 1): "劳动节", date(year, 5, 2): "劳动节"}
    days |= {date(year, 10, k): "国庆节" for k in (1, 2, 3)}
    return dict(sorted(days.items()))


def is_rest_day(d: date) -> bool:
    """Provisional: a statutory festival day or a weekend."""
    return d.weekday() >= 5 or d in statutory_days(d.year)
