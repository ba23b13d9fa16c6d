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
    assert "约谈申请执行人的日期（2024年6月18日）晚于终本日期（2024年4月1日）" in d.finding("F01").message
    assert d.finding("D07").status == "violated"  # on-site investigation only on 2024-04-24
    assert d.outcome == "not_ready"


@pytest.mark.parametrize(
    ("birth", "listed", "minor"),
    [
        ("2008-05-01", "2024-04-10", 1),
        # 18 full years are completed at the end of the 18th birthday (the day of birth is not
        # counted, 民法典第二百零一条): still a minor on the birthday, an adult the next day
        ("2006-04-10", "2024-04-10", 1),
        ("2006-04-09", "2024-04-10", 0),
        ("2006-04-11", "2024-04-10", 1),
        # born 29 February: in a common year the 18th birthday is 28 February (第二百零二条)
        ("2004-02-29", "2022-02-28", 1),
        ("2004-02-29", "2022-03-01", 0),
    ],
)
def test_minor_on_the_dishonest_list(birth: str, listed: str, minor: int) -> None:
    record = case(
        filing_date="2022-01-04", respondents__0__party__birth_date=birth,
        measures__dishonest_listings__0__decided_on=listed, measures__dishonest_listings__0__served_on=listed,
    )
    f = facts(record)
    assert f["minor_listings"] == minor
    assert f["listings_barred_by_article_3"] == 0  # 第三条 is a different question
    assert check(record).finding("C09").status == ("violated" if minor else "satisfied")


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
    failed = [{"date": "2024-05-01", "method": "auction", "outcome": "failed"},
              {"date": "2024-05-28", "method": "auction", "outcome": "failed"},
              {"date": "2024-06-10", "method": "sale", "outcome": "failed"}]
    house = {"id": "H1", "respondent": "R1", "type": "real_estate", "description": "商铺", "seized": True,
             "status": "not_disposable", "non_disposable_reason": "二拍流拍、变卖不成", "disposal_attempts": failed,
             "accepted_in_lieu": False, "management_possible": False}
    assert facts(case(measures__assets=[car, house]))["assets_nondisposable_unlawful"] == 0
    # 网络司法拍卖规定第二十六条：一拍流拍后应再次拍卖；拍卖变卖规定第二十五条：不动产还须变卖
    once = case(measures__assets=[dict(house, disposal_attempts=failed[:1])])
    assert facts(once)["assets_nondisposable_unlawful"] == 1
    d = check(once)
    assert "商铺（尚需第二次拍卖、变卖）" in d.finding("D15").message
    assert d.finding("D14").status == "violated"  # 第一条第（三）项 is not met either
    no_sale = case(measures__assets=[dict(house, disposal_attempts=failed[:2])])
    assert "商铺（尚需变卖）" in check(no_sale).finding("D15").remedy
    # a movable needs no 变卖 after the second auction (拍卖变卖规定第二十四条)
    machine = dict(house, type="other", description="机器设备", disposal_attempts=failed[:2])
    assert facts(case(measures__assets=[machine]))["assets_nondisposable_unlawful"] == 0
    unasked = dict(house, accepted_in_lieu=None)
    assert facts(case(measures__assets=[unasked]))["assets_nondisposable_unlawful"] is None
    unknown = check(case(measures__assets=[unasked]))
    assert unknown.finding("D15").missing == ["measures.assets.0.accepted_in_lieu"]
    assert unknown.finding("D14").status == "unknown"


def test_waiting_seizure_needs_the_first_court_asked() -> None:
    shop = {"id": "H1", "respondent": "R1", "type": "real_estate", "description": "临街商铺", "seized": True,
            "status": "not_disposable", "non_disposable_reason": "本院轮候查封", "first_seizing_court": "成都市武侯区人民法院"}
    d = check(case(measures__assets=[shop]))
    assert d.finding("D18").status == "violated" and d.finding("D18").blocks
    assert "临街商铺（首封法院为成都市武侯区人民法院）" in d.finding("D18").message
    assert d.finding("D14").status == "violated"
    asked = check(case(measures__assets=[dict(shop, status="undisposed", disposal_requested_on="2024-05-20")]))
    assert asked.finding("D18").status == "satisfied"
    assert check(case()).finding("D18").status == "not_applicable"


def test_signatures_need_judges_and_clerk_not_the_panel() -> None:
    # 民事诉讼法第一百五十七条第三款：裁定书由审判人员、书记员署名 — nothing about matching the panel
    approval = {"collegial_review": {"date": "2024-06-20", "members": ["王立新", "陈静", "刘洋"], "presiding": "陈静"},
                "president_approval": {"date": "2024-06-21", "name": "孙卫东"}}
    assert check(case(approval=approval, termination__judges=["王立新"])).finding("G01").status == "satisfied"
    unsigned = check(case(approval=approval, termination__judges=[], termination__clerk=...)).finding("G01")
    assert unsigned.status == "unknown" and unsigned.severity == "warning" and not unsigned.blocks
    assert unsigned.message == "尚未确定署名的审判人员和书记员。"


# ---------------------------------------------------------------- 失信规定第三条 (ground 1 only)

SHOP = {"id": "H1", "respondent": "R1", "type": "real_estate", "description": "商铺", "seized": True, "status": "undisposed"}


@pytest.mark.parametrize(
    ("changes", "barred"),
    [
        ({}, 0),
        ({"respondents__0__security_provided": True}, 1),  # 第三条第（一）项
        ({"respondents__0__subsidiary_liability": True}, 1),  # 第三条第（三）项
        ({"respondents__0__dishonest_grounds": [4]}, 1),  # 第三条第（四）项：法院自己认定无第一项情形
        ({"respondents__0__security_provided": None}, None),  # not recorded: unknown, never a pass
        # outstanding 307,119 元: a seized shop worth 400,000 元 suffices (第三条第（二）项), 200,000 元 does not
        ({"measures__assets": [dict(SHOP, value="400000.00")]}, 1),
        ({"measures__assets": [dict(SHOP, value="200000.00")]}, 0),
        ({"measures__assets": [dict(SHOP)]}, None),  # value unknown
        ({"measures__assets": [dict(SHOP, value="400000.00", status="not_disposable")]}, 0),  # cannot be realised
    ],
)
def test_article_3_bars_listing_under_ground_one(changes: dict[str, Any], barred: int | None) -> None:
    f = facts(case(**changes))
    assert f["listings_barred_by_article_3"] == barred
    assert f["minor_listings"] == 0


def test_article_3_does_not_bar_other_grounds() -> None:
    # listed under 第一条第（四）项 (report violation) although security was given: lawful
    record = case(
        respondents__0__security_provided=True, respondents__0__dishonest_grounds=[4],
        measures__dishonest_listings__0__ground=4, measures__dishonest_listings__0__period_years=2,
    )
    f = facts(record)
    assert (f["listings_barred_by_article_3"], f["listings_bad_period"]) == (0, 0)


def test_exempt_respondent_need_not_be_listed_and_unknown_exemption_is_unknown() -> None:
    secured = case(respondents__0__security_provided=True, measures__dishonest_listings=[])
    assert facts(secured)["dishonest_eligible_unlisted"] == 0
    unrecorded = case(respondents__0__security_provided=None, measures__dishonest_listings=[])
    assert facts(unrecorded)["dishonest_eligible_unlisted"] is None
    assert check(unrecorded).finding("C05").status == "unknown"


def test_sanction_for_breaching_the_restriction_makes_a_ground_5_respondent_eligible() -> None:
    # security given (so ground 1 is barred), but fined for breaching the 限制消费令: 第一条第（五）项
    sanction = {"target": "R1", "type": "fine", "reason": "restriction_violation", "decided_on": "2024-05-20"}
    record = case(respondents__0__security_provided=True, measures__dishonest_listings=[], measures__sanctions=[sanction])
    assert facts(record)["dishonest_eligible_unlisted"] == 1
    assert "张建国" in check(record).finding("C05").message


def test_listings_before_may_2017_are_judged_by_the_old_rules() -> None:
    # a 2017 case: the listing of 2017-04-20 predates 失信规定（2017修正）; period and service rules do not apply
    record = case(
        filing_date="2017-01-09", application_received_on="2017-01-06", case_number="（2017）京0105执12345号",
        respondents__0__party__birth_date="1999-06-01",
        measures__dishonest_listings=[{"respondent": "R1", "ground": 2, "decided_on": "2017-04-20"}],
        termination__proposed_date="2017-06-30",
    )
    f = facts(record)
    assert (f["minor_listings"], f["listings_unserved"], f["listings_bad_period"]) == (0, 0, 0)
    later = case(
        filing_date="2017-01-09", application_received_on="2017-01-06", case_number="（2017）京0105执12345号",
        respondents__0__party__birth_date="1999-06-01",
        measures__dishonest_listings=[{"respondent": "R1", "ground": 2, "decided_on": "2017-05-02"}],
        termination__proposed_date="2017-06-30",
    )
    f = facts(later)
    assert (f["minor_listings"], f["listings_unserved"], f["listings_bad_period"]) == (1, 1, 1)


# ---------------------------------------------------------------- 执行通知 and 报告财产令


@pytest.mark.parametrize(
    ("received", "issued", "in_time"),
    [
        ("2024-03-01", "2024-03-11", True),  # day 10 is a Monday
        ("2024-03-01", "2024-03-12", False),
        # day 10 is 2024-10-01 (National Day): the period ends on the next working day, 2024-10-08
        ("2024-09-21", "2024-10-08", True),
        ("2024-09-21", "2024-10-09", False),
    ],
)
def test_notice_within_ten_days_of_the_application(received: str, issued: str, in_time: bool) -> None:
    notice = {"respondent": "R1", "issued_on": issued, "names_delay_interest": True, "dishonest_warning": True}
    record = case(
        filing_date="2024-09-23", application_received_on=received,
        measures__enforcement_notices=[notice], termination__proposed_date="2025-01-06",
    )
    assert facts(record)["notice_in_time"] is in_time
    assert check(record).finding("B02").status == ("satisfied" if in_time else "violated")


def test_report_order_with_notice_only_in_money_cases() -> None:
    late_order = {"respondent": "R1", "issued_on": "2024-03-07"}  # notice 2024-03-06
    assert facts(case(measures__report_orders=[late_order]))["report_orders_not_with_notice"] == 1
    act = case(measures__report_orders=[late_order], claim__claim_types=["act"])
    assert facts(act)["report_orders_not_with_notice"] == 0


def test_notice_before_2017_05_needs_no_dishonest_warning() -> None:
    record = case(
        filing_date="2017-03-01", measures__enforcement_notices__0__issued_on="2017-03-02",
        measures__enforcement_notices__0__served_on="2017-03-03", measures__enforcement_notices__0__dishonest_warning=False,
        termination__proposed_date="2017-06-30",
    )
    assert facts(record)["notices_since_shixin_2017"] == 0
    assert check(record).finding("B03").status == "not_applicable"


# ---------------------------------------------------------------- organisations and several respondents

ORG = json.loads((Path(__file__).parents[1] / "corpus/cases/02-compliant-organisation.json").read_text(encoding="utf-8"))


def org_case(**changes: Any) -> Any:
    data = copy.deepcopy(ORG)
    for key, value in changes.items():
        data["measures"][key] = value
    return load_case(data)


def test_report_sanction_on_the_unit_s_legal_representative_counts() -> None:
    refused = [{"respondent": "R1", "status": "refused"}, {"respondent": "R2", "status": "reported",
               "received_on": "2023-02-25", "verified_on": "2023-03-01"}]
    on_rep = [{"target": "陈志明", "type": "fine", "reason": "report_violation", "decided_on": "2023-03-10", "amount": "50000"}]
    on_other = [{"target": "王某", "type": "fine", "reason": "report_violation", "decided_on": "2023-03-10", "amount": "50000"}]
    assert facts(org_case(property_reports=refused, sanctions=on_rep))["report_violators_unsanctioned"] == 0
    record = org_case(property_reports=refused, sanctions=on_other)
    assert facts(record)["report_violators_unsanctioned"] == 1
    assert "上海恒远贸易有限公司" in check(record).finding("B07").message


def test_obstruction_by_a_unit_sanctioned_through_its_legal_representative() -> None:
    obstruction = [{"by": "R1", "date": "2023-03-30", "description": "拒不开门", "criminal_threshold_met": False}]
    detention = [{"target": "R2", "type": "detention", "reason": "obstruction", "decided_on": "2023-04-01"}]
    assert facts(org_case(obstructions=obstruction, sanctions=detention))["obstructions_unsanctioned"] == 0
    assert facts(org_case(obstructions=obstruction))["obstructions_unsanctioned"] == 1


def test_restriction_names_the_respondent_who_lacks_one() -> None:
    record = org_case(consumption_restrictions=[ORG["measures"]["consumption_restrictions"][0]])
    assert facts(record)["respondents_without_restriction"] == 1
    finding = check(record).finding("C01")
    assert finding.status == "violated" and "陈志明" in finding.message and "陈志明" in (finding.remedy or "")


def test_village_committee_without_code_is_exempt_from_the_system_inquiry_check() -> None:
    data = copy.deepcopy(ORG)
    data["respondents"][0]["party"].update(name="某县某镇某村村民委员会", org_type="unincorporated", credit_code=None)
    data["measures"]["network_inquiries"] = [q for q in data["measures"]["network_inquiries"] if q["respondent"] != "R1"]
    assert facts(load_case(data))["respondents_without_fresh_full_inquiry"] == 0
    data["respondents"][0]["party"]["credit_code"] = "54110000MB1234567X"
    assert facts(load_case(data))["respondents_without_fresh_full_inquiry"] == 1


# ---------------------------------------------------------------- 财产调查


def _only_bank_inquiry() -> list[dict[str, Any]]:
    return [{"respondent": "R1", "system": "总对总", "scope": ["bank_deposit", "securities", "vehicle"],
             "requested_on": "2024-06-03", "feedback_on": "2024-06-14"}]


def test_onsite_investigation_can_stand_in_for_a_category_the_network_cannot_query() -> None:
    # 终本规定第三条第三项: real estate not queried online, but investigated on site
    visit = {"respondent": "R1", "date": "2024-04-24", "place": "住所地", "items": ["real_estate"]}
    f = facts(case(measures__network_inquiries=_only_bank_inquiry(), measures__onsite_investigations=[visit]))
    assert (f["respondents_network_core_gap"], f["respondents_missing_core_scope"], f["core_gaps_without_onsite"]) == (1, 0, 0)
    bare = dict(visit, items=[])
    record = case(measures__network_inquiries=_only_bank_inquiry(), measures__onsite_investigations=[bare])
    f = facts(record)
    assert (f["respondents_missing_core_scope"], f["core_gaps_without_onsite"]) == (1, 0)
    assert "张建国（不动产）" in check(record).finding("D03").message


def test_unanswered_inquiry_is_excused_by_an_offline_investigation_of_the_same_items() -> None:
    pending = {"respondent": "R1", "system": "点对点", "scope": ["housing_fund"], "requested_on": "2024-06-03"}
    inquiries = [*BASE["measures"]["network_inquiries"], pending]
    assert facts(case(measures__network_inquiries=inquiries))["inquiries_without_feedback"] == 1
    visit = {"respondent": "R1", "date": "2024-06-10", "place": "公积金中心", "items": ["housing_fund"]}
    visits = [*BASE["measures"]["onsite_investigations"], visit]
    assert facts(case(measures__network_inquiries=inquiries, measures__onsite_investigations=visits))["inquiries_without_feedback"] == 0


def test_vehicle_not_disposable_only_if_registered_but_not_seized() -> None:
    car = {"id": "V1", "respondent": "R1", "type": "vehicle", "description": "小型轿车", "physically_seized": False,
           "status": "not_disposable", "non_disposable_reason": "未能实际扣押"}
    assert facts(case(measures__assets=[dict(car, seized=True)]))["assets_nondisposable_unlawful"] == 0
    assert facts(case(measures__assets=[dict(car, seized=False)]))["assets_nondisposable_unlawful"] == 1
    assert facts(case(measures__assets=[car]))["assets_nondisposable_unlawful"] is None


def test_seven_day_clue_period_applies_to_the_applicant_s_clues() -> None:
    # received 2024-04-15, day 7 = 2024-04-22 (Monday); verified 2024-04-23 is late
    late = {**BASE["measures"]["clues"][0], "verified_on": "2024-04-23"}
    assert facts(case(measures__clues=[late]))["clues_verified_late"] == 1
    assert facts(case(measures__clues=[dict(late, source="other")]))["clues_verified_late"] == 0
    assert facts(case(measures__clues=[dict(late, source="other")]))["clues_unverified"] == 0


# ---------------------------------------------------------------- 约谈, approval, signature


def test_interview_items_are_named_in_chinese() -> None:
    record = case(interview__items_told=["execution_status", "basis"])
    finding = check(record).finding("F01")
    assert finding.status == "violated"
    assert "采取的财产调查措施、被执行人的财产情况、法律后果" in finding.message


def test_unrecorded_opinion_is_unknown() -> None:
    record = case(interview__opinion=None, interview__agrees=None)
    assert facts(record)["interview_opinion_recorded"] is None
    assert check(record).finding("F01").status == "unknown"
    assert check(record).finding("F02").status == "violated"  # the system check wants 是否同意终本


def test_court_as_applicant_needs_no_system_interview() -> None:
    court = {"kind": "organisation", "id": "A1", "name": "北京市朝阳区人民法院", "org_type": "non_enterprise_legal_person"}
    record = case(applicants=[court], interview=None)
    assert facts(record)["system_requires_interview"] is False
    d = check(record)
    assert d.finding("F02").status == "not_applicable"
    assert d.finding("F01").status == "violated"  # 终本规定第五条 knows no such exception


def test_bankruptcy_consent_after_the_evaluation_date_does_not_count() -> None:
    inquiry = {"asked_on": "2024-07-01", "applicant_answer": "consent", "respondent_answer": "refuse"}
    assert facts(case(bankruptcy=inquiry))["bankruptcy_consent"] is False  # ruling 2024-06-25
    assert facts(case(bankruptcy=dict(inquiry, asked_on="2024-06-20")))["bankruptcy_consent"] is True


def test_missing_clerk_is_unknown() -> None:
    record = case(termination__clerk=None)
    assert facts(record)["clerk_recorded"] is None
    assert check(record).finding("G01").status == "unknown"


@pytest.mark.parametrize(("interview", "status"), [("2024-06-25", "satisfied"), ("2024-06-26", "violated")])
def test_interview_on_the_ruling_date_is_before_the_ruling(interview: str, status: str) -> None:
    # ruling 2024-06-25: 终本规定第五条 “终结本次执行程序前”, system check 8 “约谈时间 ≤ 结案日期”
    record = case(interview__date=interview, approval__applicant_confirmation__signed_on="2024-06-25")
    d = check(record)
    assert (d.finding("F01").status, d.finding("F02").status) == (status, status)


def test_unrecorded_concealment_reads_as_none_unless_the_record_hints_at_it() -> None:
    # 隐匿财产拒不交出 is an event: recorded when it happens (like an obstruction).
    record = case(respondents__0__concealment=...)
    assert facts(record)["concealing_respondents"] == 0
    assert check(record).finding("D09").status == "not_applicable"
    # a false property report points to possible concealment: the judge must say
    hinted = case(respondents__0__concealment=..., measures__property_reports=[{"respondent": "R1", "status": "false"}])
    assert facts(hinted)["concealing_respondents"] is None
    finding = check(hinted).finding("D09")
    assert finding.status == "unknown" and "张建国" in finding.message and finding.missing == ["respondents.0.concealment"]


def test_report_order_never_issued_is_not_issued_with_the_notice() -> None:
    record = case(measures__report_orders=[])
    assert facts(record)["report_orders_not_with_notice"] == 1
    d = check(record)
    assert (d.finding("B04").status, d.finding("B05").status) == ("violated", "violated")


def test_local_rules_apply_only_to_their_courts() -> None:
    beijing = check(case())  # （2024）京0105执12345号
    assert "F04" not in {f.rule for f in beijing.findings}  # 河南高院规定
    assert "D13" not in {f.rule for f in beijing.findings}  # 江陵县法院规范
    henan = check(case(case_number="（2024）豫0105执12345号", court="河南省郑州市金水区人民法院"))
    assert henan.finding("F04").status == "satisfied"
    jiangling = check(case(case_number="（2024）鄂1024执88号", court="湖北省江陵县人民法院", termination__proposed_date="2024-07-01"))  # the 江陵 rules start 2024-06-26
    assert {"D12", "D13", "D17"} <= {f.rule for f in jiangling.findings}


def test_unrecorded_interview_items_name_the_field() -> None:
    record = case(interview__items_told=[])
    finding = check(record).finding("F01")
    assert finding.status == "unknown" and "告知了哪些法定事项未记录" in finding.message and finding.missing == ["interview.0.items_told"]
    assert "补录" in (finding.remedy or "")


def test_no_report_order_means_nothing_to_verify_or_sanction() -> None:
    # 报告财产令 never issued: B04 fails; B06-B08 have nothing to judge: 不适用, neither ✓ nor unknown
    record = case(measures__report_orders=[], measures__property_reports=[])
    f = facts(record)
    assert (f["reports_unverified"], f["report_violators"]) == (0, 0)
    d = check(record)
    assert d.finding("B04").status == "violated"
    assert [d.finding(c).status for c in ("B06", "B07", "B08")] == ["not_applicable"] * 3
    # ordered but nothing recorded about the answer: unknown
    ordered = case(measures__property_reports=[])
    assert facts(ordered)["reports_unverified"] is None


def test_unrecorded_report_leaves_sanction_and_listing_open() -> None:
    # issue #16: served a 报告财产令, no report recorded, not listed: whether a sanction (B07) or a
    # listing (B08, C05 via 失信规定第一条第（四）项) is due is not established — never ✓
    record = case(measures__property_reports=[], measures__dishonest_listings=[], respondents__0__dishonest_grounds=[])
    d = check(record)
    assert [d.finding(c).status for c in ("B06", "B07", "B08", "C05")] == ["unknown"] * 4
    # what is missing is the answer to the order: the report list, which the message names too
    assert d.finding("C05").missing == ["measures.property_reports"]
    # a respondent who is missing and never answered cannot be fined (财产调查规定第九条 presupposes him)
    gone = case(
        measures__property_reports=[{"respondent": "R1", "status": "none"}], respondents__0__party__missing=True,
        measures__locate_efforts=[{"respondent": "R1", "date": "2024-05-06", "method": "公安协查"}],
    )
    assert check(gone).finding("B07").status == "not_applicable"
    # a late report with a good reason is no violation
    excused = case(measures__property_reports=[{"respondent": "R1", "status": "late", "good_reason": True,
                                                "received_on": "2024-03-20", "verified_on": "2024-03-22"}])
    assert facts(excused)["report_violators"] == 0


def test_a_revoked_listing_of_a_minor_no_longer_counts() -> None:
    # listed 2024-04-10 while a minor (born 2008-05-01), revoked 2024-05-02 before the ruling
    listing = dict(BASE["measures"]["dishonest_listings"][0], deleted_on="2024-05-02")
    record = case(respondents__0__party__birth_date="2008-05-01", measures__dishonest_listings=[listing])
    assert facts(record)["minor_listings"] == 0
    assert check(record).finding("C09").status == "satisfied"
    assert facts(record, date(2024, 5, 1))["minor_listings"] == 1  # not yet revoked on that day


def test_date_times_are_read_as_the_beijing_day() -> None:
    # 2023-08-28T16:00:00Z is 00:00 on 29 August in Beijing: an interview after a ruling of the 28th
    record = case(interview__date="2024-06-24T16:00:00Z", termination__proposed_date="2024-06-24")
    assert record.interview[0].date == date(2024, 6, 25)
    assert check(record).finding("F01").status == "violated"
    assert case(interview__date="2024-06-24T15:59:59Z").interview[0].date == date(2024, 6, 24)
    assert case(interview__date="2024-06-24 23:30:00").interview[0].date == date(2024, 6, 24)  # naive: Beijing


def test_every_applicant_is_told_and_heard_and_confirms() -> None:
    second = {"kind": "person", "id": "A2", "name": "王秀英"}
    one_interview = dict(BASE["interview"], applicant="A1")
    record = case(applicants=[BASE["applicants"][0], second], interview=[one_interview])
    d = check(record)
    assert d.finding("F01").status == "violated"
    assert "终本前未约谈申请执行人王秀英" in d.finding("F01").message
    # the confirmation of one of two applicants does not count for both (民诉法解释第五百一十七条)
    assert d.finding("F05").status == "violated" and "王秀英" in d.finding("F05").message
    both = case(
        applicants=[BASE["applicants"][0], second],
        interview=[one_interview, dict(BASE["interview"], applicant="A2", interviewee="王秀英", capacity="applicant")],
        approval__applicant_confirmation=[{"applicant": "A1", "signed_on": "2024-06-18", "signed_by": "周文斌"},
                                          {"signed_on": "2024-06-19", "signed_by": "王秀英"}],
    )
    assert [check(both).finding(c).status for c in ("F01", "F05")] == ["satisfied", "satisfied"]
    # an interview naming no applicant, with two applicants: whom it heard is not established
    unnamed = check(case(applicants=[BASE["applicants"][0], second]))
    assert unnamed.finding("F01").status == "unknown" and "interview.0.applicant" in unnamed.finding("F01").missing
    # signed by the respondent: no confirmation at all
    wrong = check(case(approval__applicant_confirmation={"signed_on": "2024-06-18", "signed_by": "张建国"}))
    assert wrong.finding("F05").status == "violated"


def test_the_system_check_asks_for_an_interview_record_not_one_per_applicant() -> None:
    # 系统校验第8项 looks for an 约谈 record dated no later than the ruling that records 是否同意;
    # whether every applicant was heard is 终本规定第五条 (F01), not the system's check
    second = {"kind": "person", "id": "A2", "name": "王秀英"}
    one_heard = check(case(applicants=[BASE["applicants"][0], second], interview=[dict(BASE["interview"], applicant="A1")]))
    assert one_heard.finding("F01").status == "violated"
    assert [one_heard.finding(c).status for c in ("F02", "F03")] == ["satisfied", "satisfied"]
    unnamed = check(case(applicants=[BASE["applicants"][0], second]))
    assert unnamed.finding("F01").status == "unknown"
    assert [unnamed.finding(c).status for c in ("F02", "F03")] == ["satisfied", "satisfied"]
    # the interview record itself: every interview held counts, whoever it heard
    unsigned = check(case(applicants=[BASE["applicants"][0], second], interview__record_signed=False))
    assert unsigned.finding("F03").status == "violated"
    silent = check(case(interview__agrees=..., interview__opinion=...))
    assert silent.finding("F02").status == "violated" and "是否同意" in silent.finding("F02").message


def test_a_confirmation_assigned_to_an_applicant_but_signed_by_the_respondent_counts_for_nothing() -> None:
    # 民诉法解释第五百一十七条第一款：申请执行人签字确认 — the record's "A1" does not make the respondent's signature A1's
    d = check(case(approval__applicant_confirmation={"applicant": "A1", "signed_on": "2024-06-18", "signed_by": "张建国"}))
    f = d.finding("F05")
    assert f.status == "violated"
    assert f.message.startswith("签字的张建国（被执行人）不是申请执行人本人、法定代表人或特别授权的代理人；申请执行人李春华未签字确认")
    # a signer the record does not name anywhere is taken at the record's word when it names the applicant
    clerk = case(approval__applicant_confirmation={"applicant": "A1", "signed_on": "2024-06-18", "signed_by": "李晓"})
    assert check(clerk).finding("F05").status == "satisfied"
    unplaced = case(approval__applicant_confirmation={"signed_on": "2024-06-18", "signed_by": "李晓"})
    assert check(unplaced).finding("F05").status == "unknown"


def test_a_waiting_seizure_names_the_request_first_and_does_not_claim_article_one() -> None:
    shop = {"id": "H1", "respondent": "R1", "type": "real_estate", "description": "临街商铺", "seized": True,
            "status": "not_disposable", "non_disposable_reason": "本院轮候查封", "first_seizing_court": "成都市武侯区人民法院"}
    d = check(case(measures__assets=[shop]))
    assert "临街商铺（尚需商请首封法院成都市武侯区人民法院处置或移送处置权、第一次拍卖" in d.finding("D15").message
    # asked, and the first-seizing court is auctioning it: the request is made (D18 ✓) but the
    # property is being disposed of, not "不能处置" (终本规定第一条第（三）项): D14 ✗ — and D18's ✓
    # states nothing about 第一条第（三）项 itself
    asked = check(case(measures__assets=[dict(shop, status="disposing", disposal_requested_on="2024-05-20")]))
    assert asked.finding("D18").status == "satisfied" and asked.finding("D14").status == "violated"
    assert "已商请首封法院成都市武侯区人民法院处置，尚未处置完毕" in asked.finding("D14").message
    assert "R-2016-1-3a" not in asked.finding("D18").requirements
    assert "R-2016-1-3a" not in asked.finding("D15").requirements


# ---------------------------------------------------------------- an unknown says what is missing, and missing agrees

#: what each message says is unrecorded → the field the guided interview must ask for
CAUSES = {"第一条各项情形尚未审查记录": "dishonest_grounds", "出生日期未记录": "birth_date",
          "报告情况未记录": "measures.property_reports", "如何报告未记录": "measures.property_reports"}


@pytest.mark.parametrize(
    ("changes", "rules", "causes"),
    [
        # 失信规定第一条 unassessed and the birth date unrecorded: both, and only those, in message and missing
        ({"respondents__0__dishonest_grounds": ..., "respondents__0__party__birth_date": ..., "measures__dishonest_listings": []},
         ("C05",), {"dishonest_grounds", "birth_date"}),
        # assessed, but the answer to the 报告财产令 is unrecorded (财产调查规定第九条、第十条)
        ({"respondents__0__dishonest_grounds": [], "measures__property_reports": [], "measures__dishonest_listings": []},
         ("C05", "B07", "B08"), {"measures.property_reports"}),
        # the same with the birth date unrecorded: B08 and C05 name both causes, B07 (a fine) only the report
        ({"respondents__0__dishonest_grounds": [], "measures__property_reports": [], "measures__dishonest_listings": [],
          "respondents__0__party__birth_date": ...},
         ("C05", "B08"), {"measures.property_reports", "birth_date"}),
    ],
)
def test_the_unknown_message_names_exactly_what_missing_lists(changes: dict[str, Any], rules: tuple[str, ...],
                                                              causes: set[str]) -> None:
    d = check(case(**changes))
    for rule in rules:
        f = d.finding(rule)
        assert f.status == "unknown", rule
        said = {field for phrase, field in CAUSES.items() if phrase in f.message}
        listed = {field for field in CAUSES.values() if any(m.endswith(field) for m in f.missing)}
        assert said == listed == causes, (rule, f.message, f.missing)


# ---------------------------------------------------------------- B06: only a report is verified (终本规定第二条第（二）项)


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        ({"status": "none"}, "not_applicable"),  # no report: nothing to verify (B07/B08 judge the violation)
        ({"status": "refused"}, "not_applicable"),
        ({"status": "late", "received_on": "2024-04-02"}, "violated"),  # a late report is still a report to verify
        ({"status": "false", "received_on": "2024-04-02", "verified_on": "2024-04-09"}, "satisfied"),
        (None, "unknown"),  # the order was served and the answer is unrecorded
    ],
)
def test_b06_verifies_reports_and_has_nothing_to_judge_without_one(report: dict[str, Any] | None, expected: str) -> None:
    reports = [] if report is None else [{"respondent": "R1", **report}]
    d = check(case(measures__property_reports=reports))
    assert d.finding("B06").status == expected, d.finding("B06").message
    if expected == "not_applicable":
        assert "核查" in d.finding("B06").message and "均已核查" not in d.finding("B06").message


def test_a_vehicle_whose_actual_seizure_is_unrecorded_asks_only_that() -> None:
    """终本规定第四条第（二）项: with no auctions run, only whether the registered vehicle could not be
    actually seized decides; the message and Finding.missing name that one fact (not 以物抵债 or
    强制管理, which cannot change the outcome)."""
    truck = {"id": "P9", "respondent": "R1", "type": "vehicle", "description": "轻型货车一辆", "seized": True,
             "status": "not_disposable", "non_disposable_reason": "已查封登记"}
    d = check(case(measures__assets=[truck]))
    for rule in ("D14", "D15"):
        f = d.finding(rule)
        assert f.status == "unknown", rule
        assert f.missing == ["measures.assets.0.physically_seized"], (rule, f.missing)
        assert "查明能否实际扣押" in f.message and "以物抵债" not in f.message and "查封登记" not in f.message
    assert check(case(measures__assets=[dict(truck, physically_seized=False)])).finding("D15").status == "satisfied"
    assert check(case(measures__assets=[dict(truck, physically_seized=True)])).finding("D15").status == "violated"


@pytest.mark.parametrize(
    ("changes", "rule", "said", "missing"),
    [
        # 失信规定第三条: only the exception left open is named, with the respondent
        ({"respondents__0__security_provided": ...}, "C06", "被执行人张建国是否提供充分有效担保未记录",
         ["respondents.0.security_provided"]),
        ({"respondents__0__party__missing": ...}, "E01", "未记录被执行人张建国是否下落不明", ["respondents.0.party.missing"]),
        ({"respondents__0__party__birth_date": ...}, "C09", "被执行人张建国的出生日期未记录", ["respondents.0.party.birth_date"]),
        ({"measures__enforcement_notices__0__dishonest_warning": ...}, "B03", "向被执行人张建国发出的执行通知是否载明失信风险提示未记录",
         ["measures.enforcement_notices.0.dishonest_warning"]),
    ],
)
def test_an_unknown_names_who_and_what(changes: dict[str, Any], rule: str, said: str, missing: list[str]) -> None:
    f = check(case(**changes)).finding(rule)
    assert f.status == "unknown"
    assert said in f.message and "充分有效担保、" not in f.message, f.message
    assert f.missing == missing


def test_an_unreferred_act_whose_threshold_is_unrecorded_is_open() -> None:
    """终本规定第一条第（五）项: an obstruction not referred whose 拒执罪 threshold is unrecorded leaves E03
    unknown (it said ✓ "none unreferred" once the threshold was removed: found by the property test on
    sample 43)."""
    act = {"by": "R1", "date": "2024-04-12", "description": "被限制消费后乘坐飞机出行"}
    fine = {"target": "R1", "type": "fine", "reason": "restriction_violation", "decided_on": "2024-04-20"}
    f = check(case(measures__obstructions=[act], measures__sanctions=[fine])).finding("E03")
    assert f.status == "unknown", f.message
    assert f.missing == ["measures.obstructions.0.criminal_threshold_met"]
    assert "张建国的妨害执行行为是否达到" in f.message
    referred = {"target": "R1", "type": "criminal_referral", "reason": "obstruction", "decided_on": "2024-04-30"}
    assert check(case(measures__obstructions=[act], measures__sanctions=[fine, referred])).finding("E03").status != "unknown"


def test_a_period_in_an_unpublished_year_says_so_and_names_the_item() -> None:
    """D05/D11 unknown only because the period ends in a year without a State Council notice: the
    message says that (not "日期不全或…" which did not say which) and names the clue or application."""
    data = copy.deepcopy(BASE)
    data["termination"]["proposed_date"] = "2027-03-08"
    data["measures"]["clues"] = [{"id": "C1", "source": "applicant", "description": "被执行人名下疑有一辆小型轿车",
                                  "received_on": "2027-01-29", "verified_on": "2027-02-03"}]
    data["measures"]["investigation_applications"] = [{"kind": "reward", "received_on": "2027-01-28",
                                                       "decided_on": "2027-02-09", "granted": False}]
    d = check(load_case(data))
    for rule, named in (("D05", "“被执行人名下疑有一辆小型轿车”"), ("D11", "悬赏申请")):
        f = d.finding(rule)
        assert f.status == "unknown" and f.missing == []
        assert named in f.message and "尚未公布放假安排" in f.message and "日期不全" not in f.message


def test_c03_judges_only_an_order_made_to_a_unit() -> None:
    """限高规定第三条第二款 is about the content of an order: a unit with no order yet has nothing to judge
    here (C01 says the order is missing), so C03 is 不适用, not '单位被执行人尚无限制消费令，或…未记录'."""
    data = json.loads((Path(__file__).parents[1] / "corpus/cases/02-compliant-organisation.json").read_text(encoding="utf-8"))
    data["measures"]["consumption_restrictions"] = []
    d = check(load_case(data))
    assert d.finding("C03").status == "not_applicable" and d.finding("C01").status == "violated"


def test_the_president_approves_what_the_panel_reviewed() -> None:
    """民诉法解释第五百一十七条第一款: an approval dated before the collegial review approved no review."""
    review = {"date": "2024-06-20", "members": ["王立新", "刘敏", "孙国庆"]}
    early = check(case(approval={"collegial_review": review, "president_approval": {"date": "2024-06-18", "name": "高建华"}}))
    f = early.finding("F05")
    assert f.status == "violated" and "早于合议庭审查核实" in f.message, f.message
    later = check(case(approval={"collegial_review": review, "president_approval": {"date": "2024-06-21", "name": "高建华"}}))
    assert later.finding("F05").status == "satisfied"
    asked = check(case(termination__applicant_requested=True))
    assert asked.finding("F02").message.startswith("申请执行人申请终结本次执行程序，系统")


def test_f08_unknown_says_the_year_has_no_notice_when_the_service_date_is_recorded() -> None:
    """A notice served 2027-01-05 with 7 days to answer: the period ends in 2027, which has no State
    Council notice yet, so the check does not rest on a provisional day — and says so, instead of
    claiming the service date is unrecorded."""
    data = copy.deepcopy(BASE)
    data["termination"]["proposed_date"] = "2027-01-15"
    data["termination_notice"] = {"issued_on": "2027-01-04", "served_on": "2027-01-05", "answer_days": 7}
    data["interview"]["date"] = "2027-01-14"
    del data["interview"]["opinion"], data["interview"]["agrees"]
    data["approval"] = {"collegial_review": {"date": "2027-01-13", "members": ["王立新", "刘敏", "孙国庆"]},
                        "president_approval": {"date": "2027-01-14", "name": "高建华"}}
    f = check(load_case(data)).finding("F08")
    assert f.status == "unknown" and f.blocks
    assert "尚未公布放假安排" in f.message and "送达日期未记录" not in f.message, f.message
