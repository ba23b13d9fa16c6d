"""Issue 10 items 8–12: one period rule, over-long seizures, lifting a 限制消费令, provisional
dates in every output, and .ics reminders with stable UIDs. Dates are worked out by hand:

* 2025 (国办发明电〔2024〕12号): 2025-09-27 is an ordinary Saturday, 2025-09-28 (Sunday) a
  调休 working day before 国庆节、中秋节 (10-01..10-08 off).
* 2026 (国办发明电〔2025〕7号): 元旦 01-01..01-03 off (01-03 a Saturday), 01-04 (Sunday) at
  work; 春节 02-15..02-23 off, 02-14 (Saturday) at work.
* 2027 has no notice: provisional — 除夕 02-05 (Fri), 初一..初三 02-06..02-08 (Sat..Mon) off.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from termination.case import CaseRecord
from termination.decide import check
from termination.io import load_case
from termination.obligations import Obligation, assess, build_calendar
from termination.obligations.output import to_ics, to_json, to_text, to_xlsx

Make = Callable[..., CaseRecord]
ROOT = Path(__file__).resolve().parents[2]


def _only(items: list[Obligation], kind: str) -> list[Obligation]:
    return [o for o in items if o.kind == kind]


def _ruled(make: Make, ruling: str, **post: Any) -> CaseRecord:
    return make(
        {
            "filing_date": "2024-06-03",
            "termination": {"proposed_date": ruling, "served_on": ruling},
            "measures": {"dishonest_listings": []},
            "post": {"database_entered_on": ruling, "inquiries": []} | post,
        }
    )


# ---------------------------------------------------------------- item 9: one period rule


@pytest.mark.parametrize(
    ("ruling", "legal_last_day"),
    [
        ("2025-03-27", date(2025, 9, 28)),  # Sat 09-27 → the working Sunday 09-28
        ("2025-07-03", date(2026, 1, 4)),  # Sat 01-03 (元旦) → the working Sunday 01-04
    ],
)
def test_inquiry_on_a_working_sunday_after_a_saturday_due_date_is_in_time(
    make_case: Make, ruling: str, legal_last_day: date
) -> None:
    case = _ruled(make_case, ruling, inquiries=[{"date": legal_last_day.isoformat(), "found": False}])
    k1, k2 = _only(assess(case, as_of=legal_last_day + timedelta(days=3)).obligations, "periodic_inquiry")[:2]
    assert (k1.due, k1.deadline, k1.due_basis) == (legal_last_day, legal_last_day, "legal_last_day")
    assert (k1.status, k1.done_on) == ("done", legal_last_day)
    assert "顺延" in (k1.note or "") and "第八十五条" in (k1.note or "")
    assert k2.title.startswith(f"第2期网络查控查询被执行人财产（{(legal_last_day + timedelta(days=1)).isoformat()}")


def test_inquiry_the_day_after_the_legal_last_day_is_late(make_case: Make) -> None:
    case = _ruled(make_case, "2025-03-27", inquiries=[{"date": "2025-09-29", "found": False}])
    k1, k2 = _only(assess(case, as_of=date(2025, 10, 9)).obligations, "periodic_inquiry")[:2]
    assert (k1.status, k2.status, k2.done_on) == ("overdue", "done", date(2025, 9, 29))


# ---------------------------------------------------------------- item 10: over-long seizures


def _seized(make: Make, **seizure: Any) -> CaseRecord:
    item = {"id": "S1", "respondent": "R1", "asset_type": "bank_deposit", "description": "测试账户"}
    return make({"measures": {"seizures": [item | seizure]}})


def test_two_year_bank_freeze_is_renewed_by_the_one_year_maximum(make_case: Make) -> None:
    # 冻结银行存款不超过一年: from 2025-01-10 the term ends 2026-01-09 (Friday), not 2027-01-09
    case = _seized(make_case, start="2025-01-10", expiry="2027-01-09")
    result = assess(case, as_of=date(2025, 12, 1))
    (renewal,) = _only(result.obligations, "seizure_renewal")
    assert (renewal.due, renewal.deadline, renewal.status) == (
        date(2026, 1, 9),
        date(2026, 1, 9),
        "open",
    )
    (finding,) = result.findings
    assert finding.code == "seizure_term_exceeds_limit"
    assert "超过法定最长期限1年" in finding.message and "第四百八十五条第一款" in finding.message
    assert renewal.warnings == [finding.message]


def test_over_long_term_ending_on_a_sunday_is_reminded_on_the_friday(make_case: Make) -> None:
    # 2025-04-13 + 1 year − 1 day = 2026-04-12 (Sunday): reminder Friday 04-10
    case = _seized(make_case, start="2025-04-13", expiry="2027-04-12")
    (renewal,) = _only(assess(case, as_of=date(2026, 3, 20)).obligations, "seizure_renewal")
    assert (renewal.due, renewal.deadline, renewal.due_basis) == (
        date(2026, 4, 10),
        date(2026, 4, 12),
        "before_deadline",
    )
    assert renewal.status == "due_soon"


def test_movables_capped_at_two_years_and_real_estate_at_three(make_case: Make) -> None:
    movable = _seized(make_case, asset_type="movable", start="2024-03-01", expiry="2027-02-28")
    (m,) = _only(assess(movable, as_of=date(2025, 10, 10)).obligations, "seizure_renewal")
    assert m.deadline == date(2026, 2, 28)  # 2024-03-01 + 2 years − 1 day
    estate = _seized(make_case, asset_type="real_estate", start="2024-03-01", expiry="2027-02-28")
    result = assess(estate, as_of=date(2025, 10, 10))
    assert _only(result.obligations, "seizure_renewal")[0].deadline == date(2027, 2, 28)
    assert result.findings == []


def test_over_long_renewal_is_capped_too(make_case: Make) -> None:
    # renewed in time on 2026-01-05 until 2028-01-09: the renewed year runs 2026-01-10..2027-01-09
    # (a Saturday in the provisional 2027): reminder Friday 2027-01-08
    case = _seized(
        make_case,
        start="2025-01-10",
        expiry="2026-01-09",
        renewed_on="2026-01-05",
        renewed_until="2028-01-09",
    )
    result = assess(case, as_of=date(2026, 2, 1))
    first, again = _only(result.obligations, "seizure_renewal")
    assert (first.status, first.done_on) == ("done", date(2026, 1, 5))
    assert (again.due, again.deadline, again.provisional) == (date(2027, 1, 8), date(2027, 1, 9), True)
    assert [f.code for f in result.findings] == ["renewal_term_exceeds_limit"]
    assert result.findings[0].message in again.warnings


def test_seizure_citation_numbers_by_edition(make_case: Make) -> None:
    old = _seized(make_case, start="2020-06-01", expiry="2021-05-31")
    (o,) = _only(assess(old, as_of=date(2025, 10, 10)).obligations, "seizure_renewal")
    assert o.citation.startswith("《民诉法解释》第四百八十七条第二款")  # 2015/2020 text
    new = _seized(make_case, start="2025-06-01", expiry="2026-05-31")
    (n,) = _only(assess(new, as_of=date(2025, 10, 10)).obligations, "seizure_renewal")
    assert n.citation.startswith("《民诉法解释》第四百八十五条第二款")


# ---------------------------------------------------------------- item 11: lifting a 限制消费令


def test_restriction_lifted_after_full_performance(make_case: Make) -> None:
    # performed Thursday 2026-02-12: 02-13 (1), 02-14 (调休 Saturday, 2), 02-24 (3)
    case = make_case({"post": {"fully_performed_on": "2026-02-12"}})
    (lift,) = _only(assess(case, as_of=date(2026, 3, 2)).obligations, "consumption_lift")
    assert (lift.due, lift.deadline, lift.due_basis) == (date(2026, 2, 24), None, "no_legal_period")
    assert (lift.citation, lift.requirement, lift.status) == ("《限高规定》第九条", "R-XG2015-LIFT-1", "overdue")
    assert "及时" in (lift.note or "")
    restrictions = case.measures.consumption_restrictions
    lifted = make_case(
        {
            "post": {"fully_performed_on": "2026-02-12"},
            "measures": {
                "consumption_restrictions": [
                    r.model_dump(mode="json") | {"lifted_on": "2026-02-20", "lift_reason": "performed"}
                    for r in restrictions
                ]
            },
        }
    )
    (done,) = _only(assess(lifted, as_of=date(2026, 3, 2)).obligations, "consumption_lift")
    assert (done.status, done.done_on) == ("done", date(2026, 2, 20))


def test_no_lift_duty_without_performance_or_when_lifted_before(make_case: Make) -> None:
    assert _only(assess(make_case(), as_of=date(2026, 3, 2)).obligations, "consumption_lift") == []
    restrictions = make_case().measures.consumption_restrictions
    early = make_case(
        {
            "post": {"fully_performed_on": "2026-02-12"},
            "measures": {
                "consumption_restrictions": [
                    r.model_dump(mode="json") | {"lifted_on": "2026-01-05", "lift_reason": "security"}
                    for r in restrictions
                ]
            },
        }
    )
    assert _only(assess(early, as_of=date(2026, 3, 2)).obligations, "consumption_lift") == []


# ---------------------------------------------------------------- item 8: provisional everywhere


def _provisional_case(make: Make) -> CaseRecord:
    # served 2027-01-29: + 7 = 02-05 (除夕), then 02-06..02-08 → 02-09; entered 02-10: late
    return make(
        {
            "termination": {"proposed_date": "2027-01-28", "served_on": "2027-01-29"},
            "post": {"database_entered_on": "2027-02-10", "inquiries": []},
            "measures": {"dishonest_listings": []},
        }
    )


def test_provisional_due_dates_and_findings_are_marked(make_case: Make) -> None:
    result = assess(_provisional_case(make_case), as_of=date(2027, 2, 15))
    (entry,) = _only(result.obligations, "database_entry")
    assert (entry.due, entry.provisional, entry.status) == (date(2027, 2, 9), True, "done")
    (finding,) = result.findings
    assert finding.code == "database_entry_late" and finding.provisional
    assert "待国务院公布放假安排后复核" in finding.message
    assert entry.warnings == [finding.message]


def test_provisional_marks_reach_every_format(make_case: Make, tmp_path: Path) -> None:
    report = build_calendar([_provisional_case(make_case)], as_of=date(2027, 2, 1))
    assert any(o.provisional for o in report.obligations)
    text = to_text(report)
    assert "2027-02-09（推算）" in text and "待国务院公布放假安排后复核" in text
    assert any(h.year == 2027 and h.basis == "provisional" for h in report.holidays)
    data = json.loads(to_json(report))
    assert data["obligations"][0]["provisional"] is True
    assert {h["basis"] for h in data["holidays"]} == {"provisional"}
    path = tmp_path / "c.xlsx"
    path.write_bytes(to_xlsx(report))
    ws = load_workbook(path)["终本后义务"]
    header = [c.value for c in ws[1]]
    flags = [row[header.index("推算日期")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert flags[0] == "是（待复核）"
    cal = Calendar.from_ical(to_ics(report))
    (entry,) = [e for e in cal.walk("VEVENT") if "纳入终本案件信息库" in str(e["SUMMARY"])]
    assert str(entry["SUMMARY"]).startswith("【推算·待复核】")
    assert "待国务院公布放假安排后复核" in str(entry["DESCRIPTION"])
    assert "待复核" in entry["CATEGORIES"].cats


@pytest.mark.parametrize(
    ("received", "issued", "proposed", "status"),
    [
        # 2027 unpublished: in time on the provisional schedule (10 days → 02-08, 初三, → 02-09),
        # yet the check says unknown rather than ✓
        ("2027-01-29", "2027-02-09", "2027-06-30", "unknown"),
        # the same shape in published 2026: 10 days → 02-22 (春节) → 02-24, in time
        ("2026-02-12", "2026-02-24", "2026-06-30", "satisfied"),
    ],
)
def test_a_check_never_rests_on_a_provisional_date(
    received: str, issued: str, proposed: str, status: str
) -> None:
    base = json.loads((ROOT / "corpus/cases/01-compliant-person.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(base)
    data["application_received_on"] = data["filing_date"] = received
    for n in data["measures"]["enforcement_notices"]:
        n["issued_on"] = n["served_on"] = issued
    data["termination"]["proposed_date"] = proposed
    assert check(load_case(data)).finding("B02").status == status


# ---------------------------------------------------------------- item 12: .ics


def test_ics_alarms_before_each_due_date(make_case: Make) -> None:
    cal = Calendar.from_ical(to_ics(build_calendar([make_case()], as_of=date(2026, 3, 10))))
    events = list(cal.walk("VEVENT"))
    assert events
    for event in events:
        alarms = list(event.walk("VALARM"))
        triggers = sorted(a.decoded("TRIGGER") for a in alarms)
        assert triggers == [-timedelta(days=6, hours=15), -timedelta(hours=15)]
        assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)


def test_ics_uids_do_not_change_when_a_due_date_moves(make_case: Make) -> None:
    # served a week later: the entry deadline and the event's date move, its UID does not
    before = make_case({"post": {"database_entered_on": None}})
    after = make_case({"termination": {"served_on": "2025-10-13"}, "post": {"database_entered_on": None}})

    def entry(case: CaseRecord) -> tuple[str, date]:
        cal = Calendar.from_ical(to_ics(build_calendar([case], as_of=date(2025, 10, 1))))
        (event,) = [e for e in cal.walk("VEVENT") if "纳入终本案件信息库" in str(e["SUMMARY"])]
        return str(event["UID"]), event.decoded("DTSTART")

    (uid1, day1), (uid2, day2) = entry(before), entry(after)
    assert day1 != day2 and uid1 == uid2
    # and every UID of a calendar is unique and free of dates
    cal = Calendar.from_ical(to_ics(build_calendar([before], as_of=date(2025, 10, 1))))
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(uids) == len(set(uids)) and not any("2025" in u for u in uids)


def test_past_the_reminder_but_not_the_legal_last_day_is_not_overdue(make_case: Make) -> None:
    # freeze lapses at the end of Sunday 2026-04-12; reminder Friday 04-10
    case = _seized(make_case, start="2025-04-13", expiry="2026-04-12")

    def status(on: date) -> str:
        (renewal,) = _only(assess(case, as_of=on).obligations, "seizure_renewal")
        return renewal.status

    assert [status(date(2026, 4, d)) for d in (10, 11, 12, 13)] == [
        "due_soon",
        "due_soon",  # Saturday: the measure still stands
        "due_soon",
        "overdue",
    ]
