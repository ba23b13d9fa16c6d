"""Edge tests of each obligation rule; expected dates are computed by hand from the law."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from termination.case import CaseRecord
from termination.errors import InputError
from termination.obligations import (
    NOT_COVERED,
    Obligation,
    assess,
    calendar,
    obligations,
    status_of,
)

Make = Callable[..., CaseRecord]


def _only(result: list[Obligation], kind: str) -> list[Obligation]:
    return [o for o in result if o.kind == kind]


def _codes(case: CaseRecord, as_of: date) -> list[str]:
    return [f.code for f in assess(case, as_of=as_of).findings]


# ---------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("due", "done_on", "expected"),
    [
        (date(2026, 3, 10), None, "due_soon"),  # due today
        (date(2026, 4, 9), None, "due_soon"),  # as_of + 30
        (date(2026, 4, 10), None, "open"),  # as_of + 31
        (date(2026, 3, 9), None, "overdue"),
        (date(2026, 3, 9), date(2026, 3, 1), "done"),
        (None, None, "not_yet_computable"),
    ],
)
def test_status_boundaries(due: date | None, done_on: date | None, expected: str) -> None:
    assert status_of(due, done_on, date(2026, 3, 10), 30) == expected


def test_negative_soon_days_is_input_error(make_case: Make) -> None:
    with pytest.raises(InputError):
        assess(make_case(), as_of=date(2026, 3, 10), soon_days=-1)


def test_obligation_model_is_closed() -> None:
    with pytest.raises(ValidationError):
        Obligation(
            case_number="x",
            court="y",
            kind="database_entry",
            title="t",
            status="open",
            requirement="R-1",
            citation="《x》",
            colour="red",
        )  # type: ignore[call-arg]


# ---------------------------------------------------------------- database entry (holidays)


@pytest.mark.parametrize(
    ("served", "due"),
    [
        ("2025-09-30", date(2025, 10, 9)),  # +7 = 10-07, National Day holiday to 10-08
        ("2025-10-01", date(2025, 10, 9)),  # +7 = 10-08, still holiday
        ("2025-09-26", date(2025, 10, 9)),  # +7 = 10-03, holiday
        ("2025-10-13", date(2025, 10, 20)),  # plain Monday to Monday
        ("2025-10-04", date(2025, 10, 11)),  # +7 = Saturday 10-11, a 调休 working day: no roll-over
    ],
)
def test_database_entry_deadline_rolls_over_holidays(
    make_case: Make, served: str, due: date
) -> None:
    case = make_case({"termination": {"served_on": served}, "post": {"database_entered_on": None}})
    (entry,) = _only(obligations(case, as_of=date(2025, 10, 5)), "database_entry")
    assert entry.due == due
    assert entry.citation == "《终本规定》（终本案件信息库条款，条文序号未核实）"
    assert "未核实" in (entry.note or "")


def test_database_entry_in_unpublished_year_is_provisional(make_case: Make) -> None:
    # 2026-12-28 + 7 = 2027-01-04, a Monday; 2027 is not published: computed, and marked
    case = make_case(
        {
            "termination": {"proposed_date": "2026-12-28", "served_on": "2026-12-28"},
            "post": {"database_entered_on": None},
        }
    )
    (entry,) = _only(obligations(case, as_of=date(2026, 12, 29)), "database_entry")
    assert (entry.due, entry.deadline, entry.provisional) == (date(2027, 1, 4), date(2027, 1, 4), True)
    assert "待国务院公布放假安排后复核" in (entry.note or "")
    assert entry.status == "due_soon"


def test_database_entry_late_is_a_finding_not_a_crash(make_case: Make) -> None:
    case = make_case({"post": {"database_entered_on": "2025-10-10"}})
    result = assess(case, as_of=date(2026, 3, 10))
    (entry,) = _only(result.obligations, "database_entry")
    assert (entry.status, entry.done_on) == ("done", date(2025, 10, 10))
    assert [f.code for f in result.findings] == ["database_entry_late"]


def test_database_entry_without_service_date_is_not_computable(make_case: Make) -> None:
    case = make_case({"termination": {"served_on": None}, "post": {"database_entered_on": None}})
    (entry,) = _only(obligations(case, as_of=date(2026, 3, 10)), "database_entry")
    assert (entry.due, entry.status) == (None, "not_yet_computable")


def test_case_without_service_or_post_record_is_not_terminated(make_case: Make) -> None:
    case = make_case({"termination": {"served_on": None}, "post": None})
    result = assess(case, as_of=date(2026, 3, 10))
    assert result.obligations == []
    assert [f.code for f in result.findings] == ["not_terminated"]


def test_as_of_before_ruling_gives_no_obligations(make_case: Make) -> None:
    result = assess(make_case(), as_of=date(2025, 9, 1))
    assert result.obligations == []
    assert [f.code for f in result.findings] == ["not_terminated"]


def test_facts_after_as_of_do_not_count(make_case: Make) -> None:
    # entered 2025-10-09, but seen from 2025-10-08 it has not happened yet
    (entry,) = _only(obligations(make_case(), as_of=date(2025, 10, 8)), "database_entry")
    assert (entry.status, entry.done_on) == ("due_soon", None)


# ---------------------------------------------------------------- six-monthly inquiries


# Period k ends ruling + 6k months (month end clamped) and, like every period (民事诉讼法第八十五条),
# moves off a rest day. Weekdays by hand: 2025-08-31 Sun, 2024-08-31 Sat, 2027-02-28 Sun,
# 2027-08-28 Sat; 2026-02-28 is a Saturday but a 调休 working day (国办发明电〔2025〕7号), so it
# stays. 2027 and later are provisional (no 2027 notice yet): only weekends and statutory days.
@pytest.mark.parametrize(
    ("ruling", "dues"),
    [
        (
            "2024-08-31",
            [
                "2025-02-28",
                "2025-09-01",  # Sun 08-31 → Mon
                "2026-02-28",  # working Saturday
                "2026-08-31",
                "2027-03-01",  # Sun 02-28 → Mon
                "2027-08-31",
                "2028-02-29",
                "2028-08-31",
                "2029-02-28",
                "2029-08-31",
            ],
        ),
        (
            "2023-08-31",
            [
                "2024-02-29",
                "2024-09-02",  # Sat 08-31 → Mon
                "2025-02-28",
                "2025-09-01",
                "2026-02-28",
                "2026-08-31",
                "2027-03-01",
                "2027-08-31",
                "2028-02-29",
                "2028-08-31",
            ],
        ),
        (
            "2025-02-28",
            [
                "2025-08-28",
                "2026-02-28",
                "2026-08-28",
                "2027-03-01",
                "2027-08-30",  # Sat 08-28 → Mon
                "2028-02-28",
                "2028-08-28",
                "2029-02-28",
                "2029-08-28",
                "2030-02-28",
            ],
        ),
    ],
)
def test_inquiry_due_dates_month_end(make_case: Make, ruling: str, dues: list[str]) -> None:
    case = make_case(
        {
            "filing_date": "2022-01-04",
            "termination": {"proposed_date": ruling, "served_on": ruling},
            "measures": {"dishonest_listings": []},
        }
    )
    result = _only(obligations(case, as_of=date.fromisoformat(ruling)), "periodic_inquiry")
    assert [o.due.isoformat() for o in result if o.due] == dues
    assert [o.ref for o in result] == [f"第{k}期" for k in range(1, 11)]
    assert all(o.due == o.deadline and o.due_basis == "legal_last_day" for o in result)
    assert [o.provisional for o in result] == [o.due.year >= 2027 for o in result if o.due]


def _month_end_case(make: Make, inquiries: list[dict[str, Any]]) -> CaseRecord:
    return make(
        {
            "filing_date": "2024-04-15",
            "termination": {"proposed_date": "2024-08-31", "served_on": "2024-09-03"},
            "post": {"inquiries": inquiries},
        }
    )


def test_inquiry_on_the_due_date_counts_for_that_period(make_case: Make) -> None:
    case = _month_end_case(make_case, [{"date": "2025-02-28", "found": False}])
    k1, k2 = _only(obligations(case, as_of=date(2025, 3, 5)), "periodic_inquiry")[:2]
    assert (k1.status, k1.done_on) == ("done", date(2025, 2, 28))
    assert k2.status == "open"


def test_inquiry_a_day_late_counts_for_the_next_period(make_case: Make) -> None:
    case = _month_end_case(make_case, [{"date": "2025-03-01", "found": False}])
    k1, k2 = _only(obligations(case, as_of=date(2025, 3, 5)), "periodic_inquiry")[:2]
    assert (k1.status, k1.done_on) == ("overdue", None)
    assert (k2.status, k2.done_on) == ("done", date(2025, 3, 1))


def test_inquiry_not_after_ruling_is_a_finding_and_not_counted(make_case: Make) -> None:
    case = _month_end_case(
        make_case, [{"date": "2024-08-31", "found": False}, {"date": "2024-08-20", "found": False}]
    )
    result = assess(case, as_of=date(2025, 3, 5))
    assert [f.code for f in result.findings] == ["inquiry_before_ruling", "inquiry_before_ruling"]
    assert _only(result.obligations, "periodic_inquiry")[0].status == "overdue"
    assert _only(result.obligations, "inquiry_notice") == []


def test_notice_obligation_and_notice_before_inquiry(make_case: Make) -> None:
    case = _month_end_case(
        make_case, [{"date": "2025-02-10", "found": False, "notified_applicant_on": "2025-02-09"}]
    )
    result = assess(case, as_of=date(2025, 3, 5))
    (notice,) = _only(result.obligations, "inquiry_notice")
    assert (notice.due, notice.status, notice.done_on) == (
        date(2025, 2, 28),
        "done",
        date(2025, 2, 9),
    )
    assert "notice_before_inquiry" in [f.code for f in result.findings]


def test_unnotified_inquiry_leaves_notice_pending(make_case: Make) -> None:
    case = _month_end_case(make_case, [{"date": "2025-02-10", "found": False}])
    (notice,) = _only(obligations(case, as_of=date(2025, 2, 20)), "inquiry_notice")
    assert (notice.due, notice.status) == (date(2025, 2, 28), "due_soon")


# ---------------------------------------------------------------- seizures


def _seizure_case(make: Make, **seizure: Any) -> CaseRecord:
    item = {
        "id": "S1",
        "respondent": "R1",
        "asset_type": "bank_deposit",
        "description": "测试账户",
    } | seizure
    return make({"measures": {"seizures": [item]}})


def test_bank_freeze_expiring_on_sunday_is_due_the_friday_before(make_case: Make) -> None:
    # 2026-04-12 is a Sunday; the freeze lapses at its end (no roll-over), bank acts on workdays
    case = _seizure_case(make_case, start="2025-04-13", expiry="2026-04-12")
    (renewal,) = _only(obligations(case, as_of=date(2026, 3, 20)), "seizure_renewal")
    assert renewal.due == date(2026, 4, 10)
    assert renewal.status == "due_soon"
    assert renewal.requirement == "R-JS2022-485-1"
    assert "第四百八十五条" in renewal.citation
    assert "休息日" in (renewal.note or "")


def test_renewal_on_the_expiry_day_is_in_time(make_case: Make) -> None:
    case = _seizure_case(
        make_case,
        start="2025-04-13",
        expiry="2026-04-12",
        renewed_on="2026-04-12",
        renewed_until="2027-04-11",
    )
    result = assess(case, as_of=date(2026, 4, 20))
    first, again = _only(result.obligations, "seizure_renewal")
    assert (first.status, first.done_on) == ("done", date(2026, 4, 12))
    # renewed to Sunday 2027-04-11: reminder Friday 04-09 (provisional year), lapse day kept
    assert (again.due, again.deadline, again.due_basis) == (
        date(2027, 4, 9),
        date(2027, 4, 11),
        "before_deadline",
    )
    assert again.provisional and "待国务院公布放假安排后复核" in (again.note or "")
    assert (first.seq, again.seq) == (1, 2) and first.uid != again.uid
    assert result.findings == []


def test_renewal_after_expiry_is_overdue_with_a_finding(make_case: Make) -> None:
    case = _seizure_case(
        make_case,
        start="2025-04-13",
        expiry="2026-04-12",
        renewed_on="2026-04-13",
        renewed_until="2027-04-12",
    )
    result = assess(case, as_of=date(2026, 4, 20))
    first = _only(result.obligations, "seizure_renewal")[0]
    assert (first.status, first.done_on) == ("overdue", None)
    (finding,) = result.findings
    assert finding.code == "renewal_after_expiry"
    assert "第二十七条" in finding.message


def test_released_seizure_has_no_obligation(make_case: Make) -> None:
    case = _seizure_case(
        make_case, start="2025-04-14", expiry="2026-04-13", released_on="2025-12-01"
    )
    assert _only(obligations(case, as_of=date(2026, 3, 20)), "seizure_renewal") == []


def test_seizure_term_over_the_legal_maximum_is_a_finding(make_case: Make) -> None:
    # 冻结银行存款不得超过一年: 2025-01-10 → at most 2026-01-10
    case = _seizure_case(make_case, start="2025-01-10", expiry="2026-01-12")
    assert _codes(case, date(2025, 12, 1)) == ["seizure_term_exceeds_limit"]
    ok = _seizure_case(make_case, asset_type="real_estate", start="2025-01-10", expiry="2028-01-10")
    assert _codes(ok, date(2025, 12, 1)) == []


# ---------------------------------------------------------------- 失信 deletion


def test_listing_deleted_three_working_days_after_second_empty_inquiry(make_case: Make) -> None:
    # second empty inquiry on Tuesday 2025-09-30: 10-01..08 holiday,
    # then 10-09 (1), 10-10 (2), 10-11 (3: a 调休 working Saturday)
    case = make_case(
        {
            "post": {
                "inquiries": [
                    {"date": "2025-09-29", "found": False},
                    {"date": "2025-09-30", "found": False},
                ]
            }
        }
    )
    (deletion,) = _only(obligations(case, as_of=date(2025, 10, 9)), "dishonest_deletion")
    assert deletion.due == date(2025, 10, 11)
    assert deletion.citation == "《失信规定》第十条第一款第（四）项"


def test_clue_before_second_inquiry_prevents_deletion(make_case: Make) -> None:
    case = make_case(
        {
            "post": {
                "inquiries": [
                    {"date": "2025-12-01", "found": False},
                    {"date": "2026-03-02", "found": False},
                ],
                "new_clue_received_on": "2026-02-10",
            }
        }
    )
    result = obligations(case, as_of=date(2026, 3, 10))
    assert _only(result, "dishonest_deletion") == []
    (resume,) = _only(result, "resumption")
    # clue + 7 days (财产调查规定第二条) = 02-17, in the Spring Festival holiday → 02-24
    assert resume.due == date(2026, 2, 24)
    assert "财产调查规定》第二条" in resume.citation


def test_found_property_prevents_deletion_and_asks_for_resumption(make_case: Make) -> None:
    case = make_case(
        {
            "post": {
                "inquiries": [
                    {"date": "2025-12-01", "found": True},
                    {"date": "2026-03-02", "found": False},
                ]
            }
        }
    )
    result = obligations(case, as_of=date(2026, 3, 10))
    assert _only(result, "dishonest_deletion") == []
    (resume,) = _only(result, "resumption")
    assert (resume.due, resume.status) == (date(2025, 12, 8), "overdue")


def test_fixed_period_listing_ignores_empty_inquiries(make_case: Make) -> None:
    # 第十条第二款: 2024-05-10 + 2 years = 2026-05-10 (Sunday) → 05-11, 05-12, 05-13
    case = make_case(
        {
            "measures": {
                "dishonest_listings": [
                    {"respondent": "R1", "ground": 4, "decided_on": "2024-05-10", "period_years": 2}
                ]
            },
            "post": {
                "inquiries": [
                    {"date": "2025-12-01", "found": False},
                    {"date": "2026-03-02", "found": False},
                ]
            },
        }
    )
    (deletion,) = _only(obligations(case, as_of=date(2026, 3, 10)), "dishonest_deletion")
    assert deletion.due == date(2026, 5, 13)
    assert deletion.citation == "《失信规定》第十条第二款"


def test_listing_without_recorded_period_is_a_finding(make_case: Make) -> None:
    case = make_case(
        {
            "measures": {
                "dishonest_listings": [
                    {"respondent": "R1", "ground": 2, "decided_on": "2025-04-08"}
                ]
            }
        }
    )
    result = assess(case, as_of=date(2026, 3, 10))
    assert [f.code for f in result.findings] == ["listing_period_missing"]
    assert _only(result.obligations, "dishonest_deletion")[0].status == "not_yet_computable"


# ---------------------------------------------------------------- removal, resumption


def test_full_performance_ends_inquiries_and_triggers_removal(make_case: Make) -> None:
    # performed Thursday 2026-02-12: +3 days = 02-15, Spring Festival to 02-23 → 02-24
    case = make_case({"post": {"fully_performed_on": "2026-02-12"}})
    result = obligations(case, as_of=date(2026, 3, 2))
    (removal,) = _only(result, "database_removal")
    assert (removal.due, removal.status) == (date(2026, 2, 24), "overdue")
    assert (
        _only(result, "periodic_inquiry") == []
    )  # first period would end 2026-03-26, after performance
    (deletion,) = _only(result, "dishonest_deletion")
    assert deletion.due == date(2026, 2, 24)  # 02-13, 02-14 (调休 Saturday), 02-24
    assert deletion.citation == "《失信规定》第十条第一款第（一）项"


def test_resumed_case_number_must_be_zhihui(make_case: Make) -> None:
    case = make_case(
        {"post": {"resumed_on": "2026-01-05", "resumed_case_number": "（2026）京0108执15号"}}
    )
    assert "resumed_case_number_kind" in _codes(case, date(2026, 3, 10))


def test_post_date_before_ruling_is_a_finding(make_case: Make) -> None:
    case = make_case({"post": {"fully_performed_on": "2025-09-01"}})
    result = assess(case, as_of=date(2026, 3, 10))
    assert [f.code for f in result.findings] == ["date_before_ruling"]
    assert _only(result.obligations, "database_removal") == []


# ---------------------------------------------------------------- calendar over many cases


def test_calendar_sorted_and_filtered(make_case: Make) -> None:
    a = make_case()
    b = make_case(
        {
            "case_number": "（2025）京0108执3001号",
            "judge": "周敏",
            "termination": {"proposed_date": "2025-06-16", "served_on": "2025-06-17"},
        }
    )
    c = make_case({"case_number": "（2025）京0105执77号", "court": "北京市朝阳区人民法院"})
    everything = calendar([a, b, c], as_of=date(2026, 3, 10))
    dues = [o.due for o in everything if o.due]
    assert dues == sorted(dues)
    assert {o.case_number for o in everything} == {a.case_number, b.case_number, c.case_number}
    by_judge = calendar([a, b, c], as_of=date(2026, 3, 10), judge="周敏")
    assert {o.case_number for o in by_judge} == {b.case_number}
    by_court = calendar([a, b, c], as_of=date(2026, 3, 10), court="北京市朝阳区人民法院")
    assert {o.case_number for o in by_court} == {c.case_number}
    assert len({o.uid for o in everything}) == len(everything)
