"""Final versus draft, escaping of names, plain text, and the companion documents' contents."""

from __future__ import annotations

import io
from datetime import date, timedelta

import docx
import pytest

from termination.decide import check
from termination.errors import InputError, NotReadyError
from termination.io import load_case
from termination.render import DOCUMENTS, render_documents
from tests.render.support import CASE01, body_text, load, paragraphs, shift_dates


def _not_interviewed() -> dict:
    data = load(CASE01)
    del data["interview"]  # 终本规定第五条：未告知、听取申请执行人意见
    return data


def test_not_ready_case_is_refused_with_the_missing_steps() -> None:
    case = load_case(_not_interviewed())
    decision = check(case)
    assert not decision.ready
    with pytest.raises(NotReadyError) as err:
        render_documents(case, decision)
    assert err.value.exit_code == 1
    assert any(m.startswith("F01 ") and "约谈" in m for m in err.value.missing)
    assert len(err.value.missing) == len(decision.blocking_rules)


def test_draft_marks_every_page_and_shows_gaps_in_place() -> None:
    case = load_case(_not_interviewed())
    docs = render_documents(case, check(case), draft=True)
    assert len(docs) == len(DOCUMENTS)
    for name, data in docs.items():
        d = docx.Document(io.BytesIO(data))
        assert "草稿" in d.sections[0].header.paragraphs[0].text, name
    paras = paragraphs(docs["执行裁定书.docx"])
    course = next(i for i, p in enumerate(paras) if p.startswith("经上述调查"))
    reasoning = next(i for i, p in enumerate(paras) if p.startswith("本院认为"))
    gaps = [p for p in paras[course:reasoning] if p.startswith("【待补充：")]
    # the gap sits where the hearing of the applicant belongs, worded by F01's title, not its code
    assert any(p.startswith("【待补充：终本前已告知申请执行人并听取其意见——") for p in gaps)
    clerk = next(i for i, p in enumerate(paras) if p.endswith("书记员　赵晓雪"))
    assert paras.index("附：尚需补正的事项（草稿）") > clerk
    tail = paras[paras.index("附：尚需补正的事项（草稿）") + 1:]
    assert any(p.startswith("1. 终本前已告知申请执行人并听取其意见：") for p in tail)


def test_gap_marker_has_its_own_character_style() -> None:
    case = load_case(_not_interviewed())
    d = docx.Document(io.BytesIO(render_documents(case, check(case), draft=True, only=["ruling"])["执行裁定书.docx"]))
    runs = [r for p in d.paragraphs for r in p.runs if r.text.startswith("【待补充：")]
    assert runs and all(r.style.name == "待补充" for r in runs)


def test_missing_recovered_amount_is_a_gap_in_the_draft() -> None:
    data = load(CASE01)
    del data["claim"]["amount_recovered"]
    case = load_case(data)
    decision = check(case)
    assert not decision.ready
    text = body_text(render_documents(case, decision, draft=True, only=["ruling"])["执行裁定书.docx"])
    assert "本案已执行到位【待补充：已执行到位金额】，【待补充：已执行到位金额】" not in text
    assert "已执行到位【待补充：已执行到位金额】" in text


def test_special_characters_in_names_survive() -> None:
    data = load(CASE01)
    data["applicants"][0]["name"] = "张三&李四"
    data["applicants"][0]["agent"]["firm"] = '北京市"引号"律师事务所'
    data["respondents"][0]["party"] = {
        "kind": "organisation", "id": "R1", "name": "某某<北京>公司", "org_type": "enterprise_legal_person",
        "address": "北京市朝阳区A&B大厦", "legal_representative": "王\u2019五", "representative_title": "经理",
    }
    data["respondents"][0]["dishonest_grounds"] = [1]
    data["basis"]["obligation"] = "某某<北京>公司偿还张三&李四借款\n（第二行）\t及利息"
    data["measures"]["consumption_restrictions"][0]["bound_persons"] = ["王\u2019五"]
    data["measures"]["interrogations"][0]["person"] = "王\u2019五"
    case = load_case(data)
    decision = check(case)
    docs = render_documents(case, decision, draft=True, only=["ruling", "approval"])
    text = body_text(docs["执行裁定书.docx"])
    for name in ("张三&李四", "某某<北京>公司", '北京市"引号"律师事务所律师', "北京市朝阳区A&B大厦", "法定代表人：王\u2019五"):
        assert name in text
    # a line break or tab in a value never breaks the block structure
    assert "偿还张三&李四借款 （第二行） 及利息" in text
    assert "某某<北京>公司" in body_text(docs["终本案件办理情况表.docx"])
    txt = render_documents(case, decision, draft=True, only=["ruling"], fmt="txt")["执行裁定书.txt"].decode()
    assert "张三&李四" in txt and "某某<北京>公司" in txt and "&amp;" not in txt


def test_plain_text_has_the_same_blocks() -> None:
    case = load_case(load(CASE01))
    txt = render_documents(case, check(case), only=["ruling"], fmt="txt")["执行裁定书.txt"].decode("utf-8")
    lines = txt.splitlines()
    assert lines[:3] == ["北京市朝阳区人民法院", "执行裁定书", "（2024）京0105执12345号"]
    assert "　　终结本次执行程序。" in lines
    assert "二〇二四年六月二十五日" in lines
    assert not any(line.startswith("@") for line in lines)
    draft = render_documents(case, check(case), only=["ruling"], fmt="txt", draft=True)["执行裁定书.txt"].decode()
    assert draft.startswith("【草稿】")


def test_only_and_bad_arguments() -> None:
    case = load_case(load(CASE01))
    decision = check(case)
    assert list(render_documents(case, decision, only=["notice"])) == ["终结本次执行程序告知书.docx"]
    with pytest.raises(InputError) as err:
        render_documents(case, decision, only=["verdict"])
    assert err.value.field == "only"
    with pytest.raises(InputError):
        render_documents(case, decision, fmt="pdf")  # type: ignore[arg-type]
    other = load_case(load(CASE01) | {"case_number": "（2024）京0105执99999号"})
    with pytest.raises(InputError):
        render_documents(other, decision)


def test_notice_gives_five_items_and_the_period_to_answer() -> None:
    case = load_case(load(CASE01))
    text = body_text(render_documents(case, check(case), only=["notice"])["终结本次执行程序告知书.docx"])
    # 终本规定第五条 names the basis and the legal effect together (终结本次执行程序的依据及法律后果)
    items = ("一、本案执行情况。", "二、本院采取的财产调查措施。", "三、被执行人的财产情况。",
             "四、终结本次执行程序的依据及法律后果。", "被执行人仍负有继续向申请执行人履行债务的义务",
             "可以向本院申请恢复执行，不受申请执行时效期间的限制")
    positions = [text.index(i) for i in items]
    assert positions == sorted(positions)
    assert "请自收到本告知书之日起七日内填写所附回执交回本院" in text
    assert "李春华：" in text
    # a natural person is addressed as 你 (not 你（单位）)
    assert "你申请执行被执行人张建国一案" in text and "你对终结本次执行程序有意见" in text and "你（单位）" not in text
    # the 告知书 of case 01 is dated 2024-06-05 in the record
    assert "二〇二四年六月五日" in text


def test_approval_states_the_end_of_the_answer_period_rolled_over_the_national_day() -> None:
    # 告知书 served on 2024-09-24: + 7 days = 2024-10-01, a statutory holiday (10-01..10-07),
    # so the period ends on 2024-10-08 (民事诉讼法第八十五条)
    data = load(CASE01)
    data["termination_notice"] = {"issued_on": "2024-09-23", "served_on": "2024-09-24"}
    data["termination"]["proposed_date"] = "2024-10-09"
    case = load_case(data)
    text = body_text(render_documents(case, check(case), draft=True, only=["approval"])["终本案件办理情况表.docx"])
    assert "告知书2024年9月24日送达，答复期限2024年10月8日届满" in text


def test_interview_form_is_prefilled_with_who_and_when_and_blank_answers() -> None:
    case = load_case(load(CASE01))
    text = body_text(render_documents(case, check(case), only=["interview"])["约谈笔录.docx"])
    assert "时间：2024年6月18日" in text
    assert "约谈人：王立新" in text and "记录人：赵晓雪" in text
    assert "被约谈人：申请执行人李春华的委托诉讼代理人周文斌（特别授权）" in text
    assert "被约谈人（签名）：＿＿" in text
    for item in ("本案的执行情况", "采取的财产调查措施", "被执行人的财产情况", "终结本次执行程序的依据",
                 "终结本次执行程序的法律后果"):
        assert item in text
    # a form, not a transcript: the recorded opinion is not printed beside blank answer lines
    assert "发现财产线索后将申请恢复执行" not in text
    blank = body_text(render_documents(load_case(_not_interviewed()), check(load_case(_not_interviewed())),
                                       draft=True, only=["interview"])["约谈笔录.docx"])
    assert "时间：＿＿" in blank and "被约谈人：＿＿" in blank


def test_approval_without_holiday_data_says_how_the_period_rolls_over() -> None:
    from termination.periods import calendar_coverage

    year = calendar_coverage()[1] + 1  # a year the holiday calendar does not know yet
    data = load(CASE01)
    data["termination_notice"] = {"issued_on": "2024-06-17", "served_on": "2024-06-18"}
    data = shift_dates(data, (date(year, 6, 18) - date(2024, 6, 18)).days)
    case = load_case(data)
    text = body_text(render_documents(case, check(case), draft=True, only=["approval"])["终本案件办理情况表.docx"])
    end = date(year, 6, 18) + timedelta(days=7)  # 民事诉讼法第八十五条: the start day is not counted
    assert (f"答复期限{end.year}年{end.month}月{end.day}日届满（如届满日为法定休假日，顺延至其后的第一个工作日）") in text
