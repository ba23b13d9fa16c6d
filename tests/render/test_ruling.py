"""The ruling: continuous court narrative in the order published rulings use (issue #9).

Expected texts are written by hand from the sample records and the law (requirements.md §10.3),
never produced by the code under test.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from termination.decide import check
from termination.errors import NotReadyError
from termination.io import load_case
from termination.render import render_blocks, render_documents
from termination.text import cn_date
from tests.render.support import CASE01, CASES, case_files, flat, load, paragraphs, shift_dates, ymd

RULING = "执行裁定书.docx"
READY = [p for p in case_files() if check(load_case(p)).ready]
CASE02 = CASES / "02-compliant-organisation.json"

# The order of the ruling's parts: the case and 执行依据, the course, the property and amounts,
# the hearing, 本院认为, the operative part, the rights, the effect, the objection, the signatures.
ORDER = ["执行裁定书", "一案", "本院于", "经上述调查", "本院认为", "裁定如下：", "终结本次执行程序。",
         "申请执行人享有要求被执行人继续履行债务", "本裁定送达后立即生效。", "当事人、利害关系人认为", "书记员"]


def _ruling(data: dict[str, Any], *, draft: bool = False) -> list[str]:
    case = load_case(data)
    return paragraphs(render_documents(case, check(case), draft=draft, only=["ruling"])[RULING])


def _text(data: dict[str, Any], *, draft: bool = False) -> str:
    case = load_case(data)
    out = render_documents(case, check(case), draft=draft, only=["ruling"], fmt="txt")
    return out["执行裁定书.txt"].decode("utf-8")


EXACT = {"执行裁定书", "终结本次执行程序。", "本裁定送达后立即生效。"}


def _first(paras: list[str], marker: str) -> int:
    return next(i for i, p in enumerate(paras) if (p == marker if marker in EXACT else marker in p))


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
    assert len(READY) >= 3


@pytest.mark.parametrize("path", READY, ids=lambda p: p.stem)
def test_ready_case_ruling(path: Path) -> None:
    data = load(path)
    paras = _ruling(data)
    text = "\n".join(paras)

    positions = [_first(paras, marker) for marker in ORDER]
    assert positions == sorted(positions), positions
    assert paras[0] == data["court"] and data["case_number"] in paras
    # continuous narrative: no numbered section headings (一、… 六、)
    blocks = render_blocks(["ruling"], load_case(data), check(load_case(data)), draft=False)["ruling"]
    assert not [b for b in blocks if b.kind == "heading"]

    for party in data["applicants"] + [r["party"] for r in data["respondents"]]:
        assert party["name"] in text and party["address"] in text
    basis = data["basis"]
    own = basis["issuing_body"] == data["court"]
    assert basis["document_number"] in text
    assert (f"本院作出的{basis['document_number']}" in text) == own  # 本院 for the court's own 执行依据
    if "cause" in data:
        assert f"{data['cause']}一案" in text

    claim = {k: Decimal(v) for k, v in data["claim"].items() if k != "claim_types"}
    total = claim["amount_due"] + claim.get("interest", 0) + claim.get("costs", 0)
    assert f"{claim['amount_due']:,.2f}元" in text and f"合计{total:,.2f}元" in text
    outstanding = total - claim["amount_recovered"]
    if claim["amount_recovered"]:
        assert f"已执行到位{claim['amount_recovered']:,.2f}元" in text and f"尚有{outstanding:,.2f}元未执行到位" in text
    else:
        assert f"本案尚未执行到位款项，未执行到位金额为{outstanding:,.2f}元" in text

    jieshi, cpl = _expected_articles(date.fromisoformat(data["termination"]["proposed_date"]))
    assert f"〈中华人民共和国民事诉讼法〉的解释》{jieshi}规定，裁定如下：" in text
    assert f"《中华人民共和国民事诉讼法》{cpl}规定" in text
    for limit in ("六十日", "60日", "六十天", "60天"):
        assert limit not in text
    assert "待补充" not in text and "草稿" not in text
    assert "本院认为，本院已穷尽财产调查措施" in text
    assert cn_date(date.fromisoformat(data["termination"]["proposed_date"])) in paras
    clerk = data["termination"]["clerk"]
    assert any(flat(p).endswith(f"书记员{clerk}") and flat(p).startswith("本件与原本核对无异") for p in paras)


def test_rights_and_duty_follow_the_operative_part_and_the_opinion_precedes_the_reasons() -> None:
    paras = _ruling(load(CASE01))
    operative = paras.index("终结本次执行程序。")
    rights = _first(paras, "申请执行人享有要求被执行人继续履行债务的权利")
    opinion = _first(paras, "申请执行人表示：")
    reasons = _first(paras, "本院认为")
    assert opinion < reasons < operative < rights
    right = paras[rights]
    for half in ("要求被执行人继续履行债务的权利", "可以申请恢复执行", "不受申请执行时效期间的限制",
                 "被执行人负有继续履行债务的义务"):
        assert half in right


def test_case_01_by_hand() -> None:
    """Case 01, every value worked out from the record by hand."""
    text = _text(load(CASE01))
    assert ("申请执行人李春华与被执行人张建国民间借贷纠纷一案，本院作出的（2023）京0105民初5678号民事判决书"
            "已于2023年12月20日发生法律效力，确定张建国偿还李春华借款本金300,000元及利息。") in text
    assert "申请执行人于2024年3月1日向本院申请执行，本院于同月4日立案。" in text
    # 300000 + 12600 + 3019 = 315619; 315619 - 8500 = 307119; the 8,500 came from the deducted deposit
    assert "合计315,619.00元" in text
    assert "本案已执行到位8,500.00元（系扣划上述存款所得），尚有307,119.00元未执行到位" in text
    # one clause for both inquiry rounds and both systems, the items listed once
    assert "于2024年3月7日、6月3日两次通过网络执行查控系统查询被执行人的银行存款、车辆、不动产、证券等财产" in text
    assert text.count("网络执行查控系统") == 1
    assert "股息红利" not in text and "人民银行账户信息" not in text  # not every item of every round
    # the single respondent is 被执行人, not repeated by name in the course
    assert "向被执行人发出执行通知书、报告财产令，于同月8日送达" in text
    # a checked clue is the court's act on the day it checked it
    assert ("于2024年4月19日核查申请执行人提供的财产线索，"
            "经车管所查询，该车辆登记在案外人名下；于2024年4月24日到被执行人住所地现场调查，"
            "系租住房屋，未发现可供执行的财产；同日对被执行人进行调查询问") in text
    # the hearing: the 告知书, the interview, the signed confirmation of the same person the same day
    assert ("本院于2024年6月6日向申请执行人送达终结本次执行程序告知书，又于同月18日约谈其委托诉讼代理人"
            "周文斌，告知其本案执行情况、财产调查措施、被执行人财产情况及终结本次执行程序的依据和法律后果"
            "并听取意见。") in text
    assert text.count("终结本次执行程序的依据和法律后果") == 1  # the five items told once
    assert "周文斌于同日签字确认同意终结本次执行程序。" in text
    assert "除已处置的财产外，未发现被执行人有其他可供执行的财产，申请执行人已签字确认，本案符合终结本次执行程序的条件" in text


def test_an_objecting_applicant_is_answered_in_the_reasons() -> None:
    text = _text(load(CASE02))  # the applicant said 不同意; the collegial route
    assert "申请执行人表示：不同意终结本次执行程序" in text
    assert ("本院认为，本院已穷尽财产调查措施，未发现被执行人有其他可供执行的财产。申请执行人虽不同意终结本次执行程序，"
            "但其未能提供其他可供执行的财产或者财产线索，经本院合议庭审查核实并报经院长批准，本案符合终结本次执行程序的条件") in text


def test_an_objecting_applicant_whose_clues_were_checked() -> None:
    data = load(CASE02)
    data["interview"]["new_clues"] = True
    data["interview"]["opinion"] = "不同意终结本次执行程序"
    text = _text(data)
    assert "申请执行人提供了新的财产线索，本院已依法核查。" in text
    assert "但其提供的财产线索经本院核查，未发现可供执行的财产" in text


def test_long_names_get_a_short_name_once_and_the_body_uses_it() -> None:
    text = _text(load(CASE02))
    assert "上海恒远贸易有限公司（以下简称恒远公司）" in text
    assert text.count("（以下简称恒远公司）") == 1
    assert "于2023年3月30日到被执行人恒远公司住所地现场调查" in text
    # an act concerning each of the two respondents says 各被执行人, not both names again
    assert "向各被执行人发出执行通知书、报告财产令，均于同月18日送达" in text
    # the same person questioned as a respondent and as the head of the other: one clause
    assert "同日对其进行调查询问" in text  # the party block says he heads 恒远公司
    assert text.count("进行调查询问") == 1


def test_money_recovered_without_a_measure_that_produced_it_is_not_called_disposed() -> None:
    """Case 02 records 23,518.60 recovered but no disposed asset: no 除已处置的财产外, no invented source."""
    text = _text(load(CASE02))
    assert "本案已执行到位23,518.60元，尚有1,320,521.40元未执行到位" in text
    assert "除已处置的财产外" not in text and "系扣划" not in text
    assert "未发现各被执行人有其他可供执行的财产" in text  # 其他: something was recovered


def test_a_seized_asset_that_cannot_be_disposed_of_is_not_called_disposed() -> None:
    data = load(CASE01)
    data["measures"]["assets"] = [{
        "id": "P2", "respondent": "R1", "type": "vehicle", "description": "小型轿车一辆（京A12345）",
        "value": "60000.00", "seized": True, "physically_seized": False, "status": "not_disposable",
        "non_disposable_reason": "车辆已查封但下落不明，未能实际扣押",
    }]
    data["claim"]["amount_recovered"] = "0"
    text = _text(data)
    assert ("小型轿车一辆（京A12345），价值60,000.00元，已查封，因车辆已查封但下落不明，未能实际扣押，"
            "该财产不能处置") in text
    assert "本院已穷尽财产调查措施，发现的财产不能处置，亦未发现被执行人有其他可供执行的财产" in text
    assert "除已处置的财产外" not in text
    assert "本案尚未执行到位款项，未执行到位金额为315,619.00元" in text


def test_single_judge_signs_when_the_applicant_confirmed() -> None:
    paras = _ruling(load(CASE01))
    signs = [flat(p) for p in paras if flat(p).startswith(("审判长", "审判员", "执行员"))]
    assert signs == ["审判员王立新"]
    assert "二〇二四年六月二十五日" in paras  # cn_date of 2024-06-25, by hand


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
    assert "经本院合议庭审查核实并报经院长批准" in "\n".join(paras)


def test_the_courts_own_signer_titles_and_a_judges_assistant() -> None:
    data = load(CASE01)
    data["termination"].pop("judges")
    data["termination"]["signers"] = [{"title": "执行员", "name": "王立新"}]
    data["termination"]["judge_assistant"] = "孙晓"
    paras = _ruling(data)
    date_line = paras.index("二〇二四年六月二十五日")
    assert paras[date_line - 1] == "执行员　王立新"
    assert paras[date_line + 1] == "法官助理　孙　晓"  # after the date, before the clerk
    assert flat(paras[date_line + 2]).startswith("本件与原本核对无异") and flat(paras[date_line + 2]).endswith("书记员赵晓雪")


@pytest.mark.parametrize(("on", "jieshi", "cpl"), [
    (date(2021, 6, 1), "第五百一十九条", "第二百二十五条"),
    (date(2024, 6, 25), "第五百一十七条", "第二百三十六条"),
])
def test_articles_follow_the_ruling_date(on: date, jieshi: str, cpl: str) -> None:
    data = shift_dates(load(CASE01), (on - date(2024, 6, 25)).days)  # every interval unchanged
    assert check(load_case(data)).ready
    text = _text(data)
    assert f"〈中华人民共和国民事诉讼法〉的解释》{jieshi}规定" in text and f"《中华人民共和国民事诉讼法》{cpl}规定" in text
    for absent in {"第五百一十七条", "第五百一十九条", "第二百二十五条", "第二百三十二条", "第二百三十六条"} - {jieshi, cpl}:
        assert absent not in text


def test_unverified_wording_is_never_quoted() -> None:
    # 终本规定第五条 is CORROBORATED only (requirements.md §1): its expected wording must not appear
    case = load_case(load(CASE01))
    for name, data in render_documents(case, check(case), fmt="txt").items():
        text = data.decode("utf-8")
        assert "终结本次执行程序前，人民法院应当将案件执行情况" not in text, name
        assert "六十日" not in text, name


def test_measures_after_the_ruling_date_are_not_in_the_documents() -> None:
    """A later inquiry or detention is not stated in a ruling dated before them."""
    data = load(CASE01)
    data["measures"]["network_inquiries"].append(
        {"respondent": "R1", "system": "总对总", "scope": ["bank_deposit"], "requested_on": "2024-07-20",
         "feedback_on": "2024-07-25", "found": ["bank_deposit"]})
    data["measures"]["sanctions"] = [{"target": "R1", "type": "detention", "reason": "obstruction", "decided_on": "2024-08-01"}]
    assert check(load_case(data)).ready  # as of the ruling date 2024-06-25
    text = _text(data)
    assert "7月20日" not in text and "8月1日" not in text and "司法拘留" not in text
    assert "于2024年3月7日、6月3日两次" in text


def test_a_fine_on_a_units_legal_representative_names_the_unit_as_the_one_who_acted() -> None:
    data = load(CASE02)
    company = data["respondents"][0]["party"]
    data["measures"]["sanctions"] = [{"target": company["legal_representative"], "type": "fine",
                                      "reason": "report_violation", "decided_on": "2023-06-01", "amount": "20000"}]
    text = _text(data, draft=True)
    assert f"于2023年6月1日因被执行人恒远公司违反财产报告制度，决定对其法定代表人{company['legal_representative']}罚款20,000.00元" in text


def test_a_branchs_head_is_its_principal_in_the_party_block_and_the_body() -> None:
    data = load(CASE02)
    data["respondents"][0]["party"]["org_type"] = "branch"
    data["respondents"][0]["party"]["name"] = "上海恒远贸易有限公司浦东分公司"
    text = _text(data, draft=True)
    assert "负责人：陈志明，执行董事。" in text
    assert "法定代表人：陈志明" not in text and "恒远公司的法定代表人" not in text


def test_a_resumed_case_recites_the_original_case_and_its_termination() -> None:
    data = load(CASE01)
    data["case_number"] = "（2024）京0105执恢77号"
    data["resumed_from"] = {"original_case_number": "（2021）京0105执987号", "ruling_date": "2021-09-10"}
    text = _text(data)
    assert ("本院于2021年9月10日作出（2021）京0105执987号执行裁定，终结本次执行程序。"
            "申请执行人于2024年3月1日申请恢复执行，本院于同月4日立案恢复执行。") in text


def test_a_resumed_case_without_its_origin_is_refused_or_marked() -> None:
    data = load(CASE01)
    data["case_number"] = "（2024）京0105执恢77号"
    case = load_case(data)
    with pytest.raises(NotReadyError) as refused:
        render_documents(case, check(case), only=["ruling"])
    assert "原执行案件的案号及原终结本次执行程序裁定的日期" in refused.value.missing
    assert "【待补充：原执行案件的案号及原终结本次执行程序裁定的日期】" in _text(data, draft=True)


@pytest.mark.parametrize(("party", "field", "label"), [
    ("R1", "sex", "被执行人张建国的性别"),
    ("A1", "birth_date", "申请执行人李春华的出生日期"),  # a respondent's: C09 refuses the check already
    ("R1", "address", "被执行人张建国的住所"),
    ("A1", "address", "申请执行人李春华的住所"),
])
def test_a_natural_person_without_the_details_a_ruling_states_is_refused(party: str, field: str, label: str) -> None:
    data = load(CASE01)
    for p in data["applicants"] + [r["party"] for r in data["respondents"]]:
        if p["id"] == party:
            p.pop(field)
    case = load_case(data)
    with pytest.raises(NotReadyError) as refused:
        render_documents(case, check(case))
    assert label in refused.value.missing and "文书缺少必要内容" in refused.value.message
    assert f"【待补充：{label}】" in _text(data, draft=True)


@pytest.mark.parametrize(("field", "label"), [
    ("address", "被执行人上海恒远贸易有限公司的住所地"),
    ("legal_representative", "被执行人上海恒远贸易有限公司的法定代表人"),
])
def test_an_organisation_without_address_or_head_is_refused(field: str, label: str) -> None:
    data = load(CASE02)
    data["respondents"][0]["party"].pop(field)
    case = load_case(data)
    with pytest.raises(NotReadyError) as refused:
        render_documents(case, check(case), only=["ruling"])
    assert label in refused.value.missing


def test_every_missing_detail_is_named_at_once() -> None:
    data = load(CASE01)
    data["respondents"][0]["party"].pop("sex")
    data["respondents"][0]["party"].pop("address")
    case = load_case(data)
    with pytest.raises(NotReadyError) as refused:
        render_documents(case, check(case))
    assert refused.value.missing == ["被执行人张建国的性别", "被执行人张建国的住所"]


def test_a_routine_ruling_is_short() -> None:
    """Published 终本 rulings run 160–960 characters of body (docs/real-rulings.md); ours, with the
    five contents of 终本规定第六条 and the hearing, stays near 1,200 for a routine case."""
    for path in READY:
        data = load(path)
        if len(data["respondents"]) > 1 or len(data["applicants"]) > 1:
            continue
        if any(a.get("disposal_attempts") for a in data["measures"].get("assets", [])):
            continue  # auctions and a 变卖 narrated one by one: not a routine case
        body = [p for p in _text(data).splitlines() if p.startswith("　　") and "：" not in p[2:8]]
        assert sum(len(p.strip("　")) for p in body) <= 1300, path.stem
