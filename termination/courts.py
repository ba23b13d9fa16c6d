"""Court codes (法院代字) and the consistency of a record's case number, court and dates.

What the case number tells, by 《最高人民法院关于人民法院案件案号的若干规定》（法〔2015〕137号，
2016-01-01 起施行；法〔2018〕335号修改）:

* 第二条：收案年度 is the calendar year in which the case was received (收案);
* 第四条：the 法院代字 of a high court is the abbreviation of its province (内蒙古 → 内; the PLA
  military court 军; the 生产建设兵团分院 of the Xinjiang high court 兵); the SPC's is 最高法;
* 第五条：an intermediate court's code is its high court's code plus two digits, a basic court's
  plus four digits (from the administrative-division code, GB/T 2260, or the special ranges of
  第五条第二款 for railway, maritime, IP, cross-region and other special courts).

The full list of codes is published by the SPC (第十二条) and not public in a form we could
verify, so the checks here use only what the rules above determine: the province and the
level of the court. Courts are named by province in their full name (北京市朝阳区人民法院);
a name that names no province is not checked against the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

#: 高院代字 → the province (and the other names it goes by in a court's full name).
#: 第四条：代字与其所在省、自治区、直辖市行政区划简称一致（内蒙古为“内”），另有“军”“兵”.
PROVINCES: dict[str, tuple[str, ...]] = {
    "京": ("北京",), "津": ("天津",), "冀": ("河北",), "晋": ("山西",), "内": ("内蒙古",),
    "辽": ("辽宁",), "吉": ("吉林",), "黑": ("黑龙江",), "沪": ("上海",), "苏": ("江苏",),
    "浙": ("浙江",), "皖": ("安徽",), "闽": ("福建",), "赣": ("江西",), "鲁": ("山东",),
    "豫": ("河南",), "鄂": ("湖北",), "湘": ("湖南",), "粤": ("广东",), "桂": ("广西",),
    "琼": ("海南",), "渝": ("重庆",), "川": ("四川",), "黔": ("贵州",), "云": ("云南",),
    "藏": ("西藏",), "陕": ("陕西",), "甘": ("甘肃",), "青": ("青海",), "宁": ("宁夏",),
    "新": ("新疆",), "兵": ("新疆", "兵团"), "军": ("解放军", "军事"),
}
#: every province name a court's full name can start with
_PROVINCE_NAMES = sorted({n for names in PROVINCES.values() for n in names if n not in ("兵团", "军事")},
                         key=len, reverse=True)
_CODE = re.compile(r"^(?:最高法|(?P<high>[^\d]+?)(?P<digits>\d*))$")

Level = Literal["supreme", "high", "intermediate", "basic"]
COURT_LEVELS: dict[str, str] = {"supreme": "最高人民法院", "high": "高级人民法院", "intermediate": "中级人民法院",
                               "basic": "基层人民法院"}
CITATION = "《最高人民法院关于人民法院案件案号的若干规定》"
BASIS_ARTICLE_2 = f"（{CITATION}第二条：收案年度为收案的公历年）"


@dataclass(frozen=True)
class CourtCode:
    """What a 法院代字 says: the province (high-court code) and the level of the court."""

    code: str
    high: str | None
    level: Level | None

    @property
    def province(self) -> tuple[str, ...]:
        """The names of the province the code belongs to (empty if the code is unknown)."""
        return PROVINCES.get(self.high or "", ())


@lru_cache(maxsize=4096)  # courts number a few thousand; every case of a court asks again
def parse_court_code(code: str) -> CourtCode:
    """Read a 法院代字 (``京0105``, ``粤07``, ``京``, ``最高法``) by 第四条 and 第五条."""
    if code == "最高法":
        return CourtCode(code, None, "supreme")
    m = _CODE.match(code)
    if m is None or m["high"] not in PROVINCES:
        return CourtCode(code, None, None)
    level: Level | None = {0: "high", 2: "intermediate", 4: "basic"}.get(len(m["digits"]))
    return CourtCode(code, m["high"], level)


@lru_cache(maxsize=4096)
def province_in_name(court: str) -> str | None:
    """The province a court's full name starts with (``北京市朝阳区人民法院`` → 北京), if any."""
    for name in _PROVINCE_NAMES:
        if court.startswith(name):
            return name
    return None


def level_in_name(court: str) -> Level | None:
    """The level a court's name states, if it states one."""
    if court.startswith("最高人民法院"):
        return "supreme"
    if "高级人民法院" in court:
        return "high"
    if "中级人民法院" in court:
        return "intermediate"
    return None


@dataclass(frozen=True)
class Inconsistency:
    """One contradiction inside a record: ``error`` rejects the record, ``warning`` is reported."""

    field: str
    message: str
    severity: Literal["error", "warning"]


def _ymd(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def check_case_number(case_number_year: int, code: str, court: str, filing_date: date,
                      received_on: date | None) -> list[Inconsistency]:
    """Contradictions between the case number, the court's name and the dates of a record."""
    out: list[Inconsistency] = []
    # 第二条：收案年度是收案的公历自然年. A case is numbered when it is received or when it is
    # filed (立案): the year of the number is the filing year, or the year the application was
    # received when that was late in the previous year (received in December, filed in January).
    basis = BASIS_ARTICLE_2
    years = {filing_date.year} | ({received_on.year} if received_on is not None else set())
    if received_on is not None and received_on > filing_date:
        out.append(Inconsistency("application_received_on",
                                 f"收到申请日期{_ymd(received_on)}晚于立案日期{_ymd(filing_date)}，请核对", "warning"))
    if case_number_year > max(years):  # numbered in a year after it was received and filed: impossible
        received = f"、收到申请日期为{_ymd(received_on)}" if received_on is not None else ""
        out.append(Inconsistency("case_number", f"案号年度为{case_number_year}年，晚于立案日期{_ymd(filing_date)}"
                                 f"{received}{basis}", "error"))
    elif case_number_year not in years:  # earlier: possible when received in December, else a slip
        hint = "如系上年末收到申请、本年初立案，请填写收到申请日期；" if received_on is None else ""
        out.append(Inconsistency("case_number", f"案号年度为{case_number_year}年，立案日期为{_ymd(filing_date)}："
                                 f"{hint}请核对案号或立案日期{basis}", "warning"))
    parsed = parse_court_code(code)
    named = province_in_name(court)
    if parsed.high is not None and named is not None and named not in parsed.province:
        out.append(Inconsistency("court", f"执行法院“{court}”在{named}，但案号中的法院代字“{code}”属于"
                                 f"{'、'.join(parsed.province)}（{CITATION}第四条、第五条）", "error"))
    stated = level_in_name(court)
    if parsed.level is not None and stated is not None and stated != parsed.level:
        out.append(Inconsistency("court", f"执行法院“{court}”是{COURT_LEVELS[stated]}，但法院代字“{code}”是"
                                 f"{COURT_LEVELS[parsed.level]}的代字（{CITATION}第五条：中级法院两位数字，"
                                 "基层法院四位数字），请核对", "warning"))
    return out
