"""Derived facts at their legal edges, and the as-of semantics of a check.

Expected values are worked out by hand from the record and the law, not from the code.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from termination.decide import check
from termination.facts import derive
from termination.io import load_case

BASE = json.loads((Path(__file__).parents[1] / "corpus/cases/01-compliant-person.json").read_text(encoding="utf-8"))


def case(**changes: Any) -> Any:
    """The compliant sample case with dotted-path changes applied."""
    data = copy.deepcopy(BASE)
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = data
        for p in parents:
            node = node[int(p)] if p.isdigit() else node[p]
        if value is ...:
            del node[last]
        else:
            node[last] = value
    return load_case(data)


def facts(record: Any, on: date | None = None) -> dict[str, Any]:
    return derive(record, on or record.termination.proposed_date)[0]


@pytest.mark.parametrize(
    ("filing", "on", "elapsed"),
    [
        ("2024-03-04", "2024-06-04", False),  # the corresponding day ends the period: not yet "超过"
        ("2024-03-04", "2024-06-05", True),
        ("2024-11-30", "2025-02-28", False),  # no 30 February: the period ends at the month end
        ("2024-11-30", "2025-03-01", True),
        ("2023-11-30", "2024-02-29", False),  # leap year
    ],
)
def test_three_months_since_filing(filing: str, on: str, elapsed: bool) -> None:
    record = case(filing_date=filing, termination__proposed_date=on)
    assert facts(record, date.fromisoformat(on))["three_months_elapsed"] is elapsed
    assert check(record, as_of=date.fromisoformat(on)).finding("A04").status == ("satisfied" if elapsed else "violated")


def test_inquiry_freshness_window_is_91_days() -> None:
    record = case()  # last 总对总 requested 2024-06-03
    assert facts(record, date(2024, 9, 2))["respondents_without_fresh_full_inquiry"] == 0  # 91 days
    assert facts(record, date(2024, 9, 3))["respondents_without_fresh_full_inquiry"] == 1  # 92 days


def test_measures_after_the_evaluation_date_do_not_count() -> None:
    d = check(case(), as_of=date(2024, 4, 1))
    assert d.finding("A04").status == "violated"  # filed 2024-03-04
    assert d.finding("F01").status == "violated"  # interview only on 2024-06-18
    assert "约谈申请执行人的日期晚于终本日期" in d.finding("F01").message
    assert d.finding("D07").status == "violated"  # on-site investigation only on 2024-04-24
    assert d.outcome == "not_ready"


@pytest.mark.parametrize(
    ("birth", "listed_unlawfully"),
    [("2008-05-01", 1), ("2006-04-10", 0), ("2006-04-11", 1)],  # listed 2024-04-10; 18 on the birthday
)
def test_minor_on_the_dishonest_list(birth: str, listed_unlawfully: int) -> None:
    record = case(respondents__0__party__birth_date=birth)
    assert facts(record)["unlawful_listings"] == listed_unlawfully


def test_minor_with_dishonest_grounds_is_not_eligible_for_listing() -> None:
    record = case(respondents__0__party__birth_date="2008-05-01", measures__dishonest_listings=[])
    assert facts(record)["dishonest_eligible_unlisted"] == 0


def test_unassessed_dishonest_grounds_are_unknown_not_pass() -> None:
    record = case(respondents__0__dishonest_grounds=..., measures__dishonest_listings=[])
    assert facts(record)["dishonest_eligible_unlisted"] is None
    d = check(record)
    assert d.finding("C05").status == "unknown" and d.finding("C05").blocks
    assert d.outcome == "not_ready"


def test_refused_report_makes_respondent_eligible_for_listing() -> None:
    record = case(
        respondents__0__dishonest_grounds=[],
        measures__property_reports=[{"respondent": "R1", "status": "refused"}],
        measures__dishonest_listings=[],
    )
    f = facts(record)
    assert (f["report_violators"], f["report_violators_unsanctioned"], f["dishonest_eligible_unlisted"]) == (1, 1, 1)


def test_unknown_recovered_amount() -> None:
    record = case(claim__amount_recovered=...)
    d = check(record)
    assert d.finding("A03").status == "unknown"
    assert d.finding("G02").status == "violated"


def test_outstanding_amount_counts_interest_and_costs() -> None:
    # 300,000 + 12,600 + 3,019 − 8,500 = 307,119
    assert facts(case())["outstanding_amount"] == 307119.0


def test_small_bank_balance_needs_no_reason() -> None:
    # 800 元 < 1,000 元 and ≤ 5 % of 300,000 元 (系统校验第6项)
    asset = {"id": "P2", "respondent": "R1", "type": "bank_deposit", "description": "建设银行账户余额", "value": "800.00", "status": "not_disposable"}
    record = case(measures__assets=[*BASE["measures"]["assets"], asset])
    assert facts(record)["assets_without_reason"] == 0
    big = dict(asset, value="1000.00")
    assert facts(case(measures__assets=[big]))["assets_without_reason"] == 1


def test_non_disposable_reasons_follow_article_4() -> None:
    car = {"id": "V1", "respondent": "R1", "type": "vehicle", "description": "小型轿车", "seized": True,
           "physically_seized": False, "status": "not_disposable", "non_disposable_reason": "车辆下落不明，未能实际扣押"}
    house = {"id": "H1", "respondent": "R1", "type": "real_estate", "description": "商铺", "seized": True,
             "status": "not_disposable", "non_disposable_reason": "二拍流拍",
             "disposal_attempts": [{"date": "2024-05-01", "method": "auction", "outcome": "failed"}],
             "accepted_in_lieu": False, "management_possible": False}
    assert facts(case(measures__assets=[car, house]))["assets_nondisposable_unlawful"] == 0
    unsold = dict(house, disposal_attempts=[])
    assert facts(case(measures__assets=[unsold]))["assets_nondisposable_unlawful"] == 1
    unasked = dict(house, accepted_in_lieu=None)
    assert facts(case(measures__assets=[unasked]))["assets_nondisposable_unlawful"] is None


def test_collegial_route_requires_members_to_sign() -> None:
    approval = {"collegial_review": {"date": "2024-06-20", "members": ["王立新", "陈静", "刘洋"], "presiding": "陈静"},
                "president_approval": {"date": "2024-06-21", "name": "孙卫东"}}
    good = case(approval=approval, termination__judges=["陈静", "王立新", "刘洋"])
    bad = case(approval=approval, termination__judges=["王立新"])
    assert facts(good)["signatories_match_route"] is True
    assert facts(bad)["signatories_match_route"] is False
    assert check(bad).finding("G01").status == "violated"
