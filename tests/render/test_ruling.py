"""The ruling .docx, read back with python-docx: sections, facts from the record, citations by date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from termination.decide import check
from termination.io import load_case
from termination.text import cn_date
from termination.render import render_documents
from tests.render.support import CASE01, case_files, flat, load, paragraphs, shift_dates, ymd

RULING = "执行裁定书.docx"
READY = [p for p in case_files() if check(load_case(p)).ready]

# The order of the ruling's parts (requirements.md §10.3 and the issue).
SECTIONS = [
    "执行裁定书",
    "一、申请执行的债权情况",
    "二、执行经过及采取的执行措施、强制措施",
    "三、查明的被执行人财产情况",
    "四、实现的债权情况",
    "五、申请执行人的权利和被执行人的义务",
    "六、告知申请执行人并听取意见的情况",
    "本院认为",
    "裁定如下：",
    "终结本次执行程序。",
    "本裁定送达后立即生效。",
    "当事人、利害关系人认为终结本次执行程序违反法律规定的",
    "书记员",
]
RIGHTS = ("申请执行人享有要求被执行人继续履行债务及依法向人民法院申请恢复执行的权利，"
          "被执行人负有继续向申请执行人履行债务的义务")
MEASURE_DATE_FIELDS = ("issued_on", "requested_on", "date", "received_on", "decided_on", "start")


EXACT = {"执行裁定书", "终结本次执行程序。", "本裁定送达后立即生效。"}


def _is(paragraph: str, section: str) -> bool:
    """A paragraph is the section (exact ones) or starts/ends with its marker text."""
    if section in EXACT:
        return paragraph == section
    return paragraph.startswith(section) or paragraph.endswith(section)


def _ruling(data: dict[str, Any], *, draft: bool = False) -> list[str]:
    case = load_case(data)
    return paragraphs(render_documents(case, check(case), draft=draft, only=["ruling"])[RULING])


def _expected_articles(on: date) -> tuple[str, str]:
    """By hand from requirements.md §2/§9: (民诉法解释 article, 民事诉讼法 objection article)."""
    jieshi = "第五百一十七条" if on >= date(2022, 4, 10) else "第五百一十九条"
    if on >= date(2024, 1, 1):
        cpl = "第二百三十六条"
    elif on >= date(2022, 1, 1):
        cpl = "第二百三十二条"
    else:
        cpl = "第二百二十五条"
    return jieshi, cpl


def test_some_sample_cases_are_ready() -> None:
    assert len(READY) >= 2


@pytest.mark.parametrize("path", READY, ids=lambda p: p.stem)
def test_ready_case_ruling(path: Path) -> None:
    data = load(path)
    paras = _ruling(data)
    text = "\n".join(paras)

    # sections present, in order
    positions = [next(i for i, p in enumerate(paras) if _is(p, s)) for s in SECTIONS]
    assert positions == sorted(positions), positions
    assert paras[0] == data["court"]
    assert data["case_number"] in paras

    for party in data["applicants"] + [r["party"] for r in data["respondents"]]:
        assert party["name"] in text
        if party.get("address"):
            assert party["address"] in text
        if party.get("legal_representative"):
            assert f"法定代表人：{party['legal_representative']}" in text
    basis = data["basis"]
    assert basis["document_number"] in text and basis["issuing_body"] in text

    # amounts with thousands separators: total due and, when recorded, recovered and outstanding
    claim = {k: Decimal(v) for k, v in data["claim"].items() if k != "claim_types"}
    total = claim["amount_due"] + claim.get("interest", 0) + claim.get("costs", 0)
    assert f"{total:,.2f}元" in text
    assert f"{claim['amount_due']:,.2f}元" in text
    if "amount_recovered" in claim:
        outstanding = total - claim["amount_recovered"]
        assert f"尚有{outstanding:,.2f}元未执行到位" in text or claim["amount_recovered"] == 0

    # every measure of the record, dated
    for name, items in data.get("measures", {}).items():
        for item in items:
            if name == "assets":  # found property: described, with each auction or sale dated
                assert item["description"] in text
                assert all(ymd(a["date"]) in text for a in item.get("disposal_attempts", []))
                continue
            when = next((item[f] for f in MEASURE_DATE_FIELDS if f in item), None)
            assert when is not None, (name, item)
            assert ymd(when) in text, (name, when)

    assert RIGHTS in text
    assert "不受申请执行时效期间的限制" in text
    jieshi, cpl = _expected_articles(date.fromisoformat(data["termination"]["proposed_date"]))
    assert f"〈中华人民共和国民事诉讼法〉的解释》{jieshi}规定，裁定如下：" in text
    assert f"《中华人民共和国民事诉讼法》{cpl}的规定" in text
    for absent in {"第五百一十七条", "第五百一十九条", "第二百二十五条", "第二百三十二条", "第二百三十六条"} - {jieshi, cpl}:
        assert absent not in text
    for limit in ("六十日", "60日", "六十天", "60天"):
        assert limit not in text
    assert "待补充" not in text and "草稿" not in text

    proposed = date.fromisoformat(data["termination"]["proposed_date"])
    assert cn_date(proposed) in paras
    clerk = data["termination"]["clerk"]
    assert any(flat(p) == f"书记员{clerk}" for p in paras)


def test_single_judge_signs_when_the_applicant_confirmed() -> None:
    paras = _ruling(load(CASE01))
    signs = [flat(p) for p in paras if flat(p).startswith(("审判长", "审判员", "执行员"))]
    assert signs == ["审判员王立新"]
    assert "二〇二四年六月二十五日" in paras  # cn_date of 2024-06-25, by hand
    text = "\n".join(paras)
    # the person who signed, with the capacity in which they signed (the applicant's agent)
    assert "申请执行人李春华的委托诉讼代理人周文斌于2024年6月18日签字确认同意终结本次执行程序" in text
    # amounts of case 01 by hand: 300000 + 12600 + 3019 = 315619; 315619 - 8500 = 307119
    assert "合计315,619.00元" in text and "已执行到位8,500.00元" in text and "尚有307,119.00元未执行到位" in text
    # the interview, from the record
    assert "2024年6月18日" in text and "周文斌（特别授权）" in text
    assert "同意终结本次执行程序，发现财产线索后将申请恢复执行" in text


def test_collegial_panel_signs_when_it_reviewed() -> None:
    data = load(CASE01)
    data["approval"] = {
        "collegial_review": {"date": "2024-06-20", "members": ["李明", "王立新", "陈思远"], "presiding": "陈思远"},
        "president_approval": {"date": "2024-06-21", "name": "刘正"},
    }
    data["termination"]["judges"] = ["陈思远", "李明", "王立新"]
    paras = _ruling(data)
    signs = [flat(p) for p in paras if flat(p).startswith(("审判长", "审判员"))]
    assert signs == ["审判长陈思远", "审判员李明", "审判员王立新"]
    assert "审判长　陈思远" in paras and "审判员　李　明" in paras  # two-character names spaced to align
    assert "本案经本院合议庭于2024年6月20日审查核实，并于2024年6月21日经院长批准" in "\n".join(paras)


def test_ruling_dated_2021_cites_519_and_225() -> None:
    # case 01 moved so that the ruling is dated 2021-06-01; every interval is unchanged
    days = (date(2021, 6, 1) - date(2024, 6, 25)).days
    data = shift_dates(load(CASE01), days)
    assert data["termination"]["proposed_date"] == "2021-06-01"
    case = load_case(data)
    assert check(case).ready
    text = "\n".join(_ruling(data))
    assert "〈中华人民共和国民事诉讼法〉的解释》第五百一十九条规定" in text
    assert "《中华人民共和国民事诉讼法》第二百二十五条的规定" in text
    for absent in ("第五百一十七条", "第二百三十二条", "第二百三十六条", "六十日", "60日"):
        assert absent not in text
    assert "二〇二一年六月一日" in text


def test_ruling_dated_2024_cites_517_and_236() -> None:
    text = "\n".join(_ruling(load(CASE01)))  # dated 2024-06-25
    assert "〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定" in text
    assert "《中华人民共和国民事诉讼法》第二百三十六条的规定" in text
    for absent in ("第五百一十九条", "第二百二十五条", "第二百三十二条"):
        assert absent not in text


def test_found_property_that_cannot_be_disposed_gives_the_reason() -> None:
    data = load(CASE01)
    data["measures"]["assets"].append({
        "id": "P2", "respondent": "R1", "type": "vehicle", "description": "小型轿车一辆（京A12345）",
        "value": "60000.00", "seized": True, "physically_seized": False, "status": "not_disposable",
        "non_disposable_reason": "车辆已查封但下落不明，未能实际扣押",
    })
    text = "\n".join(_ruling(data))
    # no doubled brackets: a description ending in a bracket takes the value after a comma
    assert ("小型轿车一辆（京A12345），价值60,000.00元，已查封。"
            "因车辆已查封但下落不明，未能实际扣押，该财产不能处置。") in text
    assert "发现的财产不能处置" in text


def test_unverified_wording_is_never_quoted() -> None:
    # 终本规定第五条 is CORROBORATED only (requirements.md §1): its expected wording must not appear
    case = load_case(load(CASE01))
    docs = render_documents(case, check(case), fmt="txt")
    for name, data in docs.items():
        text = data.decode("utf-8")
        assert "终结本次执行程序前，人民法院应当将案件执行情况" not in text, name
        assert "六十日" not in text, name


def test_measures_after_the_ruling_date_are_not_in_the_documents() -> None:
    """A later inquiry, detention or auction is not stated in a ruling dated before them."""
    import json
    from pathlib import Path

    from termination.decide import check
    from termination.io import load_case
    from termination.render import render_documents

    data = json.loads((Path(__file__).parents[2] / "corpus/cases/01-compliant-person.json").read_text(encoding="utf-8"))
    data["measures"]["network_inquiries"].append(
        {"respondent": "R1", "system": "总对总", "scope": ["bank_deposit"], "requested_on": "2024-07-20",
         "feedback_on": "2024-07-25", "found": ["bank_deposit"]})
    data["measures"]["sanctions"] = [{"target": "R1", "type": "detention", "reason": "obstruction", "decided_on": "2024-08-01"}]
    record = load_case(data)
    decision = check(record)  # as of the ruling date 2024-06-25
    assert decision.ready
    text = render_documents(record, decision, only=["ruling"], fmt="txt")["执行裁定书.txt"].decode("utf-8")
    assert "2024年7月20日" not in text and "2024年8月1日" not in text and "司法拘留" not in text
    assert "2024年6月3日" in text  # the last inquiry before the ruling is stated


def test_a_fine_on_a_units_legal_representative_names_the_unit_as_the_one_who_acted() -> None:
    import json
    from pathlib import Path

    from termination.decide import check
    from termination.io import load_case
    from termination.render import render_documents

    data = json.loads((Path(__file__).parents[2] / "corpus/cases/02-compliant-organisation.json").read_text(encoding="utf-8"))
    company = data["respondents"][0]["party"]
    data["measures"]["sanctions"] = [{"target": company["legal_representative"], "type": "fine",
                                      "reason": "report_violation", "decided_on": "2023-06-01", "amount": "20000"}]
    record = load_case(data)
    text = render_documents(record, check(record), only=["ruling"], fmt="txt", draft=True)["执行裁定书.txt"].decode("utf-8")
    expected = f"因被执行人{company['name']}违反财产报告制度，决定对其法定代表人{company['legal_representative']}罚款20,000.00元"
    assert expected in text
