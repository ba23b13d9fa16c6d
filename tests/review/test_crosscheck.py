"""Record versus ruling text, with the real text analysis."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from termination.analysis import analyze_text
from termination.case import CaseRecord
from termination.review.crosscheck import crosscheck, names_match

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "corpus" / "cases" / "01-compliant-person.json"
RULING = Path(__file__).parent / "data" / "01-ruling.txt"


def _record(**changes: Any) -> CaseRecord:
    data = json.loads(CASE.read_text(encoding="utf-8"))
    for key, value in changes.items():
        data[key] = value
    return CaseRecord.model_validate(data)


def _codes(record: CaseRecord, text: str) -> list[str]:
    analysis = analyze_text(text, filing_date=record.filing_date)
    return [m.code for m in crosscheck(record, analysis, text)]


@pytest.fixture
def text() -> str:
    return RULING.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("a", "b"),
    [("张某某", "张建国"), ("张某", "张建国"), ("李**", "李明"), ("张建国", "张某某"),
     ("北京某某科技有限公司", "北京华泰科技有限公司"), ("张 建 国", "张建国"),
     ("上海恒远贸易有限公司", "上海恒远贸易有限公司")],
)
def test_names_match_tolerates_anonymisation(a: str, b: str) -> None:
    assert names_match(a, b)


@pytest.mark.parametrize(("a", "b"), [("王某某", "张建国"), ("某某", "张建国"), ("张建军", "张建国"),
                                      ("北京某某科技有限公司", "上海华泰科技有限公司")])
def test_names_that_differ(a: str, b: str) -> None:
    assert not names_match(a, b)


def test_consistent_record_and_text_agree(text: str) -> None:
    assert _codes(_record(), text) == []


def test_other_ruling_date(text: str) -> None:
    record = _record(termination={"proposed_date": "2024-06-28", "judges": ["王立新"], "clerk": "赵晓雪"})
    assert "X-DATE" in _codes(record, text)


def test_other_case_number(text: str) -> None:
    assert "X-CASENO" in _codes(_record(case_number="（2024）京0105执12346号"), text)


def test_claim_amount_differs(text: str) -> None:
    changed = text.replace("申请执行标的为300,000元", "申请执行标的为350,000元")
    assert "X-CLAIM" in _codes(_record(), changed)


def test_claim_with_interest_is_accepted(text: str) -> None:
    # principal 300,000 + interest 12,600 = 312,600 is what some courts state
    changed = text.replace("申请执行标的为300,000元及利息", "申请执行标的为312,600元")
    assert "X-CLAIM" not in _codes(_record(), changed)


def test_recovered_amount_differs(text: str) -> None:
    changed = text.replace("本案已执行到位8,500元", "本案已执行到位9,500元")
    assert "X-RECOVERED" in _codes(_record(), changed)


def test_respondent_not_in_text(text: str) -> None:
    changed = text.replace("张某某", "王某某")
    codes = _codes(_record(), changed)
    assert codes.count("X-PARTY") == 2  # 张建国 missing from the text; 王某某 unknown to the record


def test_measure_in_text_but_not_in_record(text: str) -> None:
    changed = text.replace("进行现场调查，", "进行现场调查，并于同日决定对被执行人司法拘留十五日，")
    analysis = analyze_text(changed)
    assert any(m.measure == "detention" for m in analysis.measures)  # the analysis reads it
    messages = [m.message for m in crosscheck(_record(), analysis, changed)]
    assert any("拘留" in m and "案件数据中没有记载" in m for m in messages)


def test_measure_in_record_but_not_in_text(text: str) -> None:
    changed = text.replace("2024年3月25日，本院对被执行人发出限制消费令；", "")
    messages = [m.message for m in crosscheck(_record(), analyze_text(changed), changed)]
    assert any("限制消费令" in m and "裁定书未载明" in m for m in messages)


def test_measure_date_differs(text: str) -> None:
    changed = text.replace("2024年3月25日，本院对被执行人发出限制消费令", "2024年3月26日，本院对被执行人发出限制消费令")
    assert "X-MEASURE-DATE" in _codes(_record(), changed)


def _with_open_asset() -> CaseRecord:
    data = json.loads(CASE.read_text(encoding="utf-8"))
    data["measures"]["assets"].append({"id": "P2", "respondent": "R1", "type": "vehicle", "description": "小型轿车一辆",
                                       "value": "30000.00", "seized": True, "status": "undisposed"})
    return CaseRecord.model_validate(data)


def test_no_property_found_against_undisposed_asset(text: str) -> None:
    changed = (text.replace("除已扣划的存款外，未发现其他可供执行的财产", "未发现可供执行的财产")
               .replace("未发现被执行人有其他可供执行的财产", "未发现被执行人有可供执行的财产"))
    assert "X-PROPERTY" in _codes(_with_open_asset(), changed)
    assert "X-PROPERTY" not in _codes(_record(), changed)  # the only asset was disposed of


def test_no_other_property_acknowledges_the_found_one(text: str) -> None:
    # “除已扣划的存款外，未发现其他可供执行的财产” admits property was found
    assert "X-PROPERTY" not in _codes(_with_open_asset(), text)


def test_an_onsite_visit_that_found_nothing_is_not_the_ruling_s_finding(text: str) -> None:
    # the narrative of one visit (到住所现场调查，未发现可供执行的财产) says nothing of property found elsewhere
    visit = "同日到被执行人住所进行现场调查，系租住房屋，未发现可供执行的财产；"
    changed = text.replace("未发现被执行人有其他可供执行的财产", visit + "未发现被执行人有其他可供执行的财产")
    assert visit in changed
    assert "X-PROPERTY" not in _codes(_with_open_asset(), changed)
    bare = changed.replace("未发现被执行人有其他可供执行的财产", "未发现被执行人有可供执行的财产")
    assert "X-PROPERTY" in _codes(_with_open_asset(), bare)  # the ruling's own finding still counts


def test_text_that_is_not_a_zhongben_ruling(text: str) -> None:
    changed = text.replace("终结本次执行程序。\n申请执行人发现", "本案终结执行。\n申请执行人发现")
    changed = changed.replace("本次执行程序应予终结", "本案应予终结执行").replace("申请执行人同意终结本次执行程序", "申请执行人无异议")
    assert "X-KIND" in _codes(_record(), changed)


def test_no_property_phrasings_are_recognised() -> None:
    """'确无财产可供执行' and '名下无财产可供执行' say the same as '未发现可供执行的财产'."""
    from termination.review.crosscheck import _NO_PROPERTY_RE

    for text in ("经查，被执行人确无财产可供执行。", "被执行人名下无财产可供执行。", "未发现可供执行的财产。"):
        assert _NO_PROPERTY_RE.search(text), text
    assert not _NO_PROPERTY_RE.search("查询到被执行人名下房产一套，已依法查封。")


def test_every_difference_code_has_its_metadata() -> None:
    import re
    from pathlib import Path

    from termination.review import crosscheck as module

    used = set(re.findall(r'code="(X-[A-Z-]+)"', Path(module.__file__).read_text(encoding="utf-8")))
    assert used == set(module.codes())
    assert all(meta.title for meta in module.codes().values())


def test_the_termination_notice_informs_the_applicant(text: str) -> None:
    # 终本规定第五条: a ruling may date the telling by the 告知书 it served, not by the 约谈
    record = _record()
    interview = record.first_interview.date.isoformat()  # type: ignore[union-attr]
    notice = "2024-06-06"
    changed = text.replace(
        "2024年6月18日，本院约谈", "本院于2024年6月6日向申请执行人送达终结本次执行程序告知书，又于同月18日约谈"
    )
    assert changed != text
    # sample 01 records its 告知书 as dated 2024-06-05 and served 2024-06-06: a date it does not record
    assert "X-MEASURE-DATE" in _codes(record, changed.replace("2024年6月6日向申请", "2024年6月4日向申请"))
    with_notice = _record(termination_notice={"issued_on": notice, "served_on": notice})
    assert _codes(with_notice, changed) == [], interview
