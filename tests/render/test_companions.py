"""The companion documents (告知书, 约谈笔录 / 电话记录 / 工作记录, 审批表) and the edges of the
render (#9 findings, #14 hardening). Expected texts are written by hand from the records."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import docx
import pytest

from termination.decide import check
from termination.errors import NotReadyError
from termination.io import load_case
from termination.render import render_blocks, render_documents
from tests.render.support import CASE01, CASES, body_text, load, paragraphs

CASE02 = CASES / "02-compliant-organisation.json"
NOTICE = "终结本次执行程序告知书.docx"
INTERVIEW = "约谈笔录.docx"
APPROVAL = "终本案件办理情况表.docx"


def _doc(data: dict[str, Any], name: str, *, draft: bool = False) -> bytes:
    case = load_case(data)
    return render_documents(case, check(case), draft=draft)[name]


# ---------------------------------------------------------------- 告知书


def test_the_notice_carries_a_reply_slip_to_return() -> None:
    d = docx.Document(io.BytesIO(_doc(load(CASE01), NOTICE)))
    paras = [p.text for p in d.paragraphs]
    cut = next(i for i, p in enumerate(paras) if "沿此线剪下交回" in p)
    assert paras[cut + 1] == "回　执"
    rows = {r.cells[0].text: r.cells[1].text for r in d.tables[-1].rows}
    assert rows["案号"] == "（2024）京0105执12345号（申请执行人：李春华）"
    assert rows["对终本的意见"].startswith("□ 同意　□ 不同意")
    assert rows["财产线索"].startswith("□ 无　□ 有")
    assert rows["签名或盖章"].endswith("＿＿＿＿年＿＿月＿＿日")


def test_the_notice_never_says_fines_and_detention_continue() -> None:
    text = body_text(_doc(load(CASE01), NOTICE))
    assert "强制措施依法继续有效" not in text and "继续有效" not in text
    assert "此后，被执行人仍负有" in text  # 此后: after the ruling
    assert "本院在此后五年内每六个月通过网络执行查控系统查询一次被执行人的财产" in text  # 终本规定第九条


def test_the_notice_is_dated_as_recorded_and_left_undated_otherwise() -> None:
    assert "二〇二四年六月五日" in paragraphs(_doc(load(CASE01), NOTICE))  # issued 2024-06-05
    data = load(CASE01)
    del data["termination_notice"]
    paras = paragraphs(_doc(data, NOTICE))
    assert "＿＿＿＿年＿＿月＿＿日" in paras  # dated by the clerk when served: never a date it invents
    days = load(CASE01)
    days["termination_notice"]["answer_days"] = 15
    assert "请自收到本告知书之日起十五日内" in body_text(_doc(days, NOTICE))


def test_a_unit_is_addressed_as_your_unit() -> None:
    text = body_text(_doc(load(CASE02), NOTICE))
    assert "上海浦江纸业有限公司：" in text and "你单位申请执行被执行人上海恒远贸易有限公司、陈志明一案" in text


# ---------------------------------------------------------------- 约谈笔录 / 电话记录 / 工作记录


def _transcript() -> dict[str, Any]:
    data = load(CASE01)
    data["interview"]["transcript"] = [
        {"question": "你对约谈人员是否申请回避？", "answer": "不申请。"},
        {"question": "你对本案终结本次执行程序有何意见？", "answer": "同意终结本次执行程序，发现财产线索后将申请恢复执行。"},
        {"question": "你能否提供被执行人其他可供执行的财产线索？", "answer": ""},
    ]
    data["interview"]["place"] = "本院执行局第三约谈室"
    return data


def test_a_transcript_is_printed_as_recorded_without_blank_answer_lines() -> None:
    paras = paragraphs(_doc(_transcript(), INTERVIEW))
    assert "地点：本院执行局第三约谈室" in paras
    start = paras.index("问：你对约谈人员是否申请回避？")
    assert paras[start:start + 6] == [
        "问：你对约谈人员是否申请回避？", "答：不申请。",
        "问：你对本案终结本次执行程序有何意见？", "答：同意终结本次执行程序，发现财产线索后将申请恢复执行。",
        "问：你能否提供被执行人其他可供执行的财产线索？", "答：",
    ]
    assert not [p for p in paras if p.startswith("答：＿") or set(p) == {"＿"}]  # never a mix
    assert "以上笔录我已看过，与我说的相符。" in paras


def test_a_blank_form_has_no_recorded_answer() -> None:
    paras = paragraphs(_doc(load(CASE01), INTERVIEW))
    answers = [p for p in paras if p.startswith("答：")]
    assert answers and all(set(p[2:]) == {"＿"} for p in answers)


def test_a_telephone_interview_gets_a_telephone_record() -> None:
    data = load(CASE01)
    data["interview"]["mode"] = "phone"
    d = docx.Document(io.BytesIO(_doc(data, INTERVIEW)))
    paras = [p.text for p in d.paragraphs]
    assert paras[1] == "电话记录"
    assert not [p for p in paras if p.startswith("地点")]  # no place for a call
    assert "通话对象：申请执行人李春华的委托诉讼代理人周文斌（特别授权）" in paras
    assert "本院通话人（签名）：＿＿＿＿＿＿＿＿" in paras and not [p for p in paras if p.startswith("被约谈人（签名）")]
    footer = d.sections[0].footer.paragraphs[0].text
    assert footer.startswith("第") and "被约谈人" not in footer


def test_a_written_consultation_gets_a_work_record() -> None:
    data = load(CASE01)
    data["interview"]["mode"] = "wechat"
    paras = paragraphs(_doc(data, INTERVIEW))
    assert paras[1] == "工作记录" and "告知方式：微信告知" in paras


# ---------------------------------------------------------------- 审批表


def test_the_approval_form_summarises_and_leaves_the_boxes_empty() -> None:
    data = load(CASE02)  # collegial route, the president's approval recorded
    case = load_case(data)
    blocks = render_blocks(["approval"], case, check(case), draft=False)["approval"]
    kinds = [b.kind for b in blocks]
    breaks = kinds.index("break")
    attachment = next(i for i, b in enumerate(blocks) if b.kind == "heading" and b.text.startswith("附件"))
    assert breaks == attachment - 1 and blocks[attachment].text == "附件：终本条件检查清单"  # on its own page
    rows = {b.cells[0]: b.cells[1] for b in blocks[:breaks] if b.kind == "row"}
    assert rows["财产调查"].startswith("网络查控两次（2023年2月16日至2023年8月3日）；现场调查两次；调查询问一次；核查财产线索一条")
    assert rows["告知及听取意见"].startswith("2023年8月22日当面约谈申请执行人浦江纸业公司的委托诉讼代理人许嘉（特别授权）；意见：不同意")
    assert "告知书2023年8月11日送达，答复期限2023年8月18日届满" in rows["告知及听取意见"]
    assert rows["审批路径"] == "合议庭审查核实并报院长批准"
    text = "".join(b.text + "".join(b.cells) for b in blocks)
    assert "王建平" not in text and "批准：" not in text  # the president signs the empty box by hand
    assert rows["院长审批"].endswith("签名：＿＿＿＿＿＿＿＿　　＿＿＿＿年＿＿月＿＿日")
    assert "《终本系统校验》" not in text  # our label for the case system's checks never shows


# ---------------------------------------------------------------- dates across the five documents


def test_the_dates_of_the_five_documents_hold_together() -> None:
    """Case 02: 告知书 dated 2023-08-10 and served 2023-08-11 (answer period to 2023-08-18), the
    interview 2023-08-22, the ruling 2023-08-28: every document says so, none dates the ruling sooner."""
    case = load_case(load(CASE02))
    docs = {k: v.decode("utf-8") for k, v in render_documents(case, check(case), fmt="txt").items()}
    assert "二〇二三年八月十日" in docs["终结本次执行程序告知书.txt"]
    assert "本院于2023年8月11日向申请执行人送达终结本次执行程序告知书，又于同月22日约谈" in docs["执行裁定书.txt"]
    assert "二〇二三年八月二十八日" in docs["执行裁定书.txt"]
    assert "答复期限2023年8月18日届满" in docs["终本案件办理情况表.txt"]
    assert "拟终本日期 | 2023年8月28日" in docs["终本案件办理情况表.txt"]
    assert "时间：2023年8月22日" in docs["约谈笔录.txt"]
    assert "拟终本日期：2023年8月28日" in docs["合规审查报告.txt"]


# ---------------------------------------------------------------- hardening (#14)


def test_a_recovered_amount_above_the_total_never_becomes_a_negative_outstanding_amount() -> None:
    """The record check refuses it (claim.amount_recovered); a record built past that check still
    renders a draft that says what is wrong, and a final is refused — never a crash or −元."""
    case = load_case(load(CASE01))
    odd = case.model_copy(update={"claim": case.claim.model_copy(update={"amount_recovered": Decimal("400000")})})
    decision = check(odd)
    text = render_documents(odd, decision, draft=True, only=["ruling"], fmt="txt")["执行裁定书.txt"].decode()
    assert "【待补充：已执行到位金额（400,000.00元）大于应执行金额（315,619.00元），请核对】" in text
    assert "-" not in text.split("执行标的为")[1].split("。")[1]  # no negative amount anywhere near
    with pytest.raises(NotReadyError):
        render_documents(odd, decision, only=["ruling"])


def test_amounts_beyond_a_trillion_are_written_in_capitals() -> None:
    """Records stop below 10¹² yuan; a record built past that check still renders (#14)."""
    case = load_case(load(CASE01))
    case = case.model_copy(update={"claim": case.claim.model_copy(update={"amount_due": Decimal("1000000000000")})})
    rows = {r.cells[0].text: r.cells[1].text for r in docx.Document(io.BytesIO(
        render_documents(case, check(case), draft=True, only=["approval"])[APPROVAL])).tables[0].rows}
    # 1,000,000,000,000 + 12,600 + 3,019 = 1,000,000,015,619 (by hand)
    assert rows["应执行金额"] == "1,000,000,015,619.00元（人民币壹万亿零壹万伍仟陆佰壹拾玖元整）"


def test_user_text_that_looks_like_a_gap_is_not_styled_as_one_in_a_final_ruling() -> None:
    data = load(CASE01)
    data["interview"]["opinion"] = "同意终结本次执行程序【待补充：无】"
    data["respondents"][0]["party"]["address"] = "北京市朝阳区\u202e八里庄\u200b西里12号楼"
    case = load_case(data)
    d = docx.Document(io.BytesIO(render_documents(case, check(case), only=["ruling"])["执行裁定书.docx"]))
    runs = [r for p in d.paragraphs for r in p.runs]
    assert any("【待补充：无】" in r.text for r in runs)
    assert not [r for r in runs if r.style is not None and r.style.name == "待补充"]
    text = "\n".join(p.text for p in d.paragraphs)
    assert "住北京市朝阳区八里庄西里12号楼" in text and "\u202e" not in text and "\u200b" not in text


# ---------------------------------------------------------------- several applicants (#10.1)


def test_each_applicant_heard_is_named_and_gets_its_own_record() -> None:
    from tests.render.support import ROOT

    data = load(ROOT / "tests" / "render" / "cases" / "multi-party-zhihui.json")
    first = data["interview"] if isinstance(data["interview"], dict) else data["interview"][0]
    data["interview"] = [first | {"applicant": "A1"}, {
        "applicant": "A2", "date": "2023-12-23", "interviewee": "周 & 吴", "capacity": "applicant", "mode": "phone",
        "items_told": ["execution_status", "investigation_measures", "property_status", "basis", "consequences"],
        "agrees": True, "new_clues": False,
    }]
    case = load_case(data)
    docs = {k: v.decode() for k, v in render_documents(case, check(case), draft=True, fmt="txt").items()}
    ruling = docs["执行裁定书.txt"]
    assert '申请执行人乌鲁木齐"丝路"商贸有限责任公司表示：不同意终结本次执行程序。' in ruling
    # the five items are listed at the first interview only
    assert ("本院于2023年12月23日通过电话告知申请执行人周 & 吴上述事项并听取意见。"
            "申请执行人周 & 吴同意终结本次执行程序。") in ruling
    assert ruling.count("终结本次执行程序的依据和法律后果") == 1
    interview = docs["约谈笔录.txt"]
    assert interview.count("（2023）新0102执恢318号") == 2  # two records: the interview and the call
    assert "约谈笔录" in interview and "电话记录" in interview
    assert "被约谈人（签名）：＿＿＿＿＿＿＿＿\n" in interview  # signed in person; the call record is not
