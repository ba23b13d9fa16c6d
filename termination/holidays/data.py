"""The repository's holiday data file (``corpus/holidays/official.json``) and its import.

The file holds the years that the pinned ``chinese-calendar`` package lacks, each taken from
the State Council's notice (国务院办公厅关于××年部分节假日安排的通知), whose title, number and
date are kept beside the days. A schedule is imported from the holiday-cn JSON format
(github NateScarlet/holiday-cn: ``{"year", "papers": [url…], "days": [{"name", "date",
"isOffDay"}…]}``); that format carries the notice's address but not its number or date, so the
importer asks for them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from termination import paths
from termination.errors import InputError

DATA_FILE = paths.CORPUS / "holidays" / "official.json"
#: Largest holiday-cn file accepted (a real one is about 3 KB).
MAX_IMPORT_BYTES = 256 * 1024
_WEEKDAYS = "一二三四五六日"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Notice(_Model):
    """The State Council notice a year's schedule comes from."""

    title: str = Field(min_length=4, description="通知标题")
    number: str = Field(min_length=4, description="文号，如 国办发明电〔2025〕7号")
    issued_on: date = Field(description="发布日期")
    url: str | None = Field(None, description="中国政府网地址")


class Day(_Model):
    """A day the notice names: a day off (放假) or a weekend working day (调休上班)."""

    date: date
    name: str = Field(description="节日名称")
    off: bool = Field(description="true 放假；false 调休上班")


class YearSchedule(_Model):
    """One year's published schedule with its source."""

    year: int = Field(ge=2000, le=2100)
    notices: list[Notice] = Field(min_length=1)
    imported_from: str | None = Field(None, description="导入来源，如 holiday-cn")
    days: list[Day] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> YearSchedule:
        seen: set[date] = set()
        for d in self.days:
            if d.date in seen:
                raise ValueError(f"日期{d.date}重复")
            seen.add(d.date)
            if abs(d.date.year - self.year) > 1:
                raise ValueError(f"日期{d.date}不属于{self.year}年的放假安排")
            if not d.off and d.date.weekday() < 5:
                # 调休上班日只会是周六、周日；工作日“上班”无需写明
                raise ValueError(
                    f"{d.date}（星期{_WEEKDAYS[d.date.weekday()]}）被标为调休上班日，"
                    "调休上班日应为周六或周日"
                )
        return self


class HolidayFile(_Model):
    """The whole data file."""

    about: str = Field(description="说明")
    years: list[YearSchedule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_years(self) -> HolidayFile:
        years = [y.year for y in self.years]
        if len(years) != len(set(years)):
            raise ValueError("同一年度出现两次")
        return self


def load_file(path: Path = DATA_FILE) -> HolidayFile:
    """Read and validate the data file; a broken file is an error, never silently empty."""
    try:
        return HolidayFile.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise InputError(f"无法读取节假日数据文件（{exc.strerror}）", field=str(path)) from exc
    except ValidationError as exc:
        raise InputError(f"节假日数据文件无效：{_first_error(exc)}", field=str(path)) from exc


def dump_file(data: HolidayFile) -> bytes:
    """Stable JSON: years in order, two-space indent, Chinese kept readable."""
    ordered = data.model_copy(update={"years": sorted(data.years, key=lambda y: y.year)})
    return (
        json.dumps(ordered.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    message = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}：{message}" if where else message


def parse_holiday_cn(raw: bytes) -> tuple[int, list[Day], list[str]]:
    """(year, days, notice addresses) from a holiday-cn JSON file; InputError if malformed."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise InputError(f"文件过大（超过{MAX_IMPORT_BYTES // 1024} KB），不是 holiday-cn 年度文件")
    try:
        obj: Any = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError("不是 UTF-8 编码的 JSON 文件") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("year"), int):
        raise InputError("缺少整数年份“year”，不是 holiday-cn 格式", field="year")
    papers = obj.get("papers", [])
    items = obj.get("days")
    if not isinstance(papers, list) or not all(isinstance(p, str) for p in papers):
        raise InputError("“papers”应为网址列表", field="papers")
    if not isinstance(items, list):
        raise InputError("缺少“days”列表，不是 holiday-cn 格式", field="days")
    if not items:
        raise InputError(
            f"{obj['year']}年的文件没有任何放假安排（国务院尚未公布，或文件为空）", field="days"
        )
    days: list[Day] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or set(item) - {"name", "date", "isOffDay"}:
            raise InputError("每一项应为 {name, date, isOffDay}", field=f"days[{i}]")
        try:
            days.append(
                Day(date=date.fromisoformat(str(item.get("date"))), name=item["name"],
                    off=item["isOffDay"])
            )
        except (KeyError, ValueError, ValidationError):
            raise InputError(
                "日期应为 YYYY-MM-DD，名称为文字，isOffDay 为 true 或 false", field=f"days[{i}]"
            ) from None
    return obj["year"], days, papers


def schedule_from_holiday_cn(raw: bytes, notice: Notice) -> YearSchedule:
    """A validated :class:`YearSchedule` from holiday-cn JSON and the notice it comes from."""
    year, days, papers = parse_holiday_cn(raw)
    if str(year) not in notice.title:
        raise InputError(f"通知标题“{notice.title}”与文件年份{year}不符", field="--title")
    if notice.url is None and papers:
        notice = notice.model_copy(update={"url": papers[0]})
    try:
        return YearSchedule(
            year=year,
            notices=[notice],
            imported_from="holiday-cn",
            days=sorted(days, key=lambda d: d.date),
        )
    except ValidationError as exc:
        raise InputError(f"放假安排不合理：{_first_error(exc)}", field="days") from None
