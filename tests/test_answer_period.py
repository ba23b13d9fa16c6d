"""F08: the ruling waits for the answer period the court's own 告知书 grants, unless the
applicant's opinion is already on file (终本规定第五条; periods per 民事诉讼法第八十五条)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from termination.decide import check

SAMPLE = Path(__file__).resolve().parents[1] / "corpus" / "cases" / "01-compliant-person.json"


def _case(notice: dict[str, Any] | None, ruling: str, *, opinion: bool = False) -> dict[str, Any]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["termination"]["proposed_date"] = ruling
    data["approval"] = {"collegial_review": {"date": ruling, "members": ["王立新", "陈红", "刘洋"],
                                              "presiding": "王立新"}}
    if not opinion:
        data["interview"] = {k: v for k, v in data["interview"].items() if k not in ("opinion", "agrees")}
    data.pop("termination_notice", None)
    if notice is not None:
        data["termination_notice"] = notice
    return data


def _f08(data: dict[str, Any]):  # type: ignore[no-untyped-def]
    return check(data).finding("F08")


def test_no_notice_recorded_is_not_applicable() -> None:
    assert _f08(_case(None, "2024-06-25")).status == "not_applicable"


def test_ruling_inside_the_period_without_an_opinion_blocks() -> None:
    f = _f08(_case({"issued_on": "2024-06-19", "served_on": "2024-06-20"}, "2024-06-25"))
    assert f.status == "violated" and f.blocks
    assert "2024年6月20日送达" in f.message and "2024年6月27日届满" in f.message
    assert "2024年6月27日" in (f.remedy or "")


def test_the_last_day_of_the_period_is_still_inside_it() -> None:
    assert _f08(_case({"issued_on": "2024-06-19", "served_on": "2024-06-20"}, "2024-06-27")).status == "violated"
    f = _f08(_case({"issued_on": "2024-06-19", "served_on": "2024-06-20"}, "2024-06-28"))
    assert f.status == "satisfied" and "2024年6月27日届满" in f.message


def test_a_period_ending_on_a_holiday_runs_to_the_next_working_day() -> None:
    # served 2024-09-24: seven days end on 2024-10-01 (国庆节), moved to 2024-10-08
    notice = {"issued_on": "2024-09-24", "served_on": "2024-09-24"}
    assert _f08(_case(notice, "2024-10-08")).status == "violated"
    assert _f08(_case(notice, "2024-10-09")).status == "satisfied"


def test_an_opinion_on_file_before_the_ruling_makes_waiting_unnecessary() -> None:
    notice = {"issued_on": "2024-06-19", "served_on": "2024-06-20"}
    assert _f08(_case(notice, "2024-06-25", opinion=True)).status == "satisfied"
    replied = {**notice, "replied_on": "2024-06-22"}
    assert _f08(_case(replied, "2024-06-25")).status == "satisfied"
    late_reply = {**notice, "replied_on": "2024-06-26"}
    assert _f08(_case(late_reply, "2024-06-25")).status == "violated"


def test_unknown_service_date_blocks_only_when_the_period_may_still_run() -> None:
    # dated 6/19: even if served that day, the period runs to 6/26 at the earliest
    assert _f08(_case({"issued_on": "2024-06-19"}, "2024-06-25")).status == "violated"
    f = _f08(_case({"issued_on": "2024-06-19"}, "2024-07-15"))
    assert f.status == "unknown" and "告知书的送达日期未记录" in f.message


def test_served_after_the_ruling_date() -> None:
    f = _f08(_case({"issued_on": "2024-06-19", "served_on": "2024-06-26"}, "2024-06-25"))
    assert f.status == "violated" and "2024年6月26日才送达" in f.message


@pytest.mark.parametrize("days, ruling, status", [(15, "2024-07-05", "violated"), (15, "2024-07-08", "satisfied")])
def test_the_period_granted_is_the_one_counted(days: int, ruling: str, status: str) -> None:
    # served 6/20 + 15 days = 7/5 (Friday)
    notice = {"issued_on": "2024-06-19", "served_on": "2024-06-20", "answer_days": days}
    assert _f08(_case(notice, ruling)).status == status
