"""What a page-by-page reading of new cases found (issue #9, session 3), one test per finding.

Cases: samples 32 (a branch and its parent company, a telephone interview, an 执行员 with a
法官助理), 33 (a bank branch applying, an objecting applicant, a house two auctions and a sale
could not sell, the 合议庭 and the president), 34 (a 轮候查封 house the first-seizing court
could not sell, a transcript), and ``tests/render/cases/three-respondents-sold-car.json``
(three respondents, a deposit deducted and a lorry sold at auction, clues checked after an
objection). Expected texts are written by hand from the records.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from termination.decide import check
from termination.io import load_case
from termination.render import render_documents
from termination.render.blocks import Block
from termination.render.writers import docx as writer
from tests.render.support import CASE01, CASES, load

BRANCH = CASES / "32-branch-respondent-phone-interview.json"
OBJECTING = CASES / "33-objecting-bank-house-not-disposable.json"
WAITING = CASES / "34-waiting-seizure-transcript.json"
THREE = Path(__file__).resolve().parent / "cases" / "three-respondents-sold-car.json"


def _files(data: dict[str, Any], only: list[str], *, draft: bool = False) -> dict[str, bytes]:
    case = load_case(data)
    return render_documents(case, check(case), only=only, fmt="txt", draft=draft)


def _ruling(data: dict[str, Any], *, draft: bool = False) -> str:
    return _files(data, ["ruling"], draft=draft)["执行裁定书.txt"].decode("utf-8")


# ---------------------------------------------------------------- dates read as written


def test_same_day_never_follows_a_clause_that_ends_on_another_date() -> None:
    # the house was seized on the day the reports came in (7-21); the clause before ends with the
    # verification on 7-28, so "本院同日查封" would date the seizure 7-28
    text = _ruling(load(OBJECTING))
    assert "各被执行人于2023年7月21日报告了财产情况，经本院于同月28日核查，报告内容与网络查控结果一致。" in text
    assert "本院于2023年7月21日查封被执行人黄志刚的翠屏湾花园9幢1单元1802室房屋" in text
    assert "本院同日查封" not in text
    three = _ruling(load(THREE))
    assert "本院于2024年4月18日冻结被执行人海之润公司的青岛银行黄岛支行账户" in three


def test_a_date_equal_to_the_one_before_is_the_same_day() -> None:
    text = _ruling(load(WAITING))  # the 告知书 served and the applicant heard on 10-22
    assert "本院于2024年10月22日向申请执行人送达终结本次执行程序告知书，又于同日约谈申请执行人何秀英" in text
    data = load(CASE01)
    data["termination_notice"]["replied_on"] = "2024-06-18"  # the 回执 came back the day of the interview
    assert "申请执行人于2024年6月18日交回回执，又于同日约谈" in _ruling(data)


def test_a_list_of_dates_names_the_month_once() -> None:
    text = _ruling(load(THREE))
    assert "发出执行通知书、报告财产令，分别于同月11日、11日、12日送达" in text
    assert "分别于2024年4月18日、18日、19日报告了财产情况，经本院于同月25日核查" in text


# ---------------------------------------------------------------- who did what


def test_the_first_seizing_court_auctions_a_house_this_court_seized_in_waiting() -> None:
    text = _ruling(load(WAITING))
    assert ("首封法院四川省成都市双流区人民法院于2024年6月18日至9月10日先后对被执行人的成都市双流区东升街道白衣上街88号"
            "3栋2单元1503号房屋进行两次拍卖、一次变卖，均未能成交。") in text
    assert "本院于2024年6月18日" not in text and "；于2024年6月18日" not in text


def test_one_sale_that_succeeded_is_a_sale() -> None:
    text = _ruling(load(THREE))
    assert "于2024年7月16日将被执行人海之润公司的鲁B·D8K21号冷藏车拍卖成交" in text
    assert "进行一次拍卖" not in text


def test_same_day_acts_against_several_respondents_are_one_clause() -> None:
    branch = _ruling(load(BRANCH))
    assert ("被执行人恒泰湖州分公司、恒泰公司分别于2024年5月31日、6月3日报告了财产情况，经本院于同月7日核查，"
            "报告内容与网络查控结果一致。") in branch
    assert branch.count("报告了财产情况") == 1
    # the order to a unit binds its head by law (限高规定第三条第二款): the names stay in the file
    assert "本院于2024年6月12日向各被执行人发出限制消费令；" in branch
    data = load(CASE01)  # a second person respondent questioned the same day as the first (a draft: not queried)
    second = dict(data["respondents"][0], party=dict(data["respondents"][0]["party"], id="R2", name="张建军"))
    data["respondents"].append(second)
    data["measures"]["interrogations"].append({"respondent": "R2", "person": "张建军", "date": "2024-04-24"})
    assert "同日对各被执行人进行调查询问" in _ruling(data, draft=True)


# ---------------------------------------------------------------- parties and names


def test_a_head_whose_position_repeats_the_title_is_named_once() -> None:
    text = _ruling(load(BRANCH))
    assert "\u3000\u3000负责人：潘建华。\n" in text
    assert "分公司负责人" not in text


def test_the_obligation_uses_the_short_names_just_introduced() -> None:
    text = _ruling(load(BRANCH))
    assert "确定恒泰湖州分公司支付沈国强工程款426,800元及逾期付款利息，恒泰公司承担补充清偿责任。" in text
    # the full names stand in the party block and at the first mention only
    assert text.count("浙江中天恒泰建设工程有限公司湖州分公司") == 2


# ---------------------------------------------------------------- amounts and reasons


def test_each_amount_is_tied_to_the_measure_that_produced_it() -> None:
    text = _ruling(load(THREE))
    # 35,210.45 + 86,000.00 = 121,210.45 (by hand); 903,070.00 − 121,210.45 = 781,859.55
    # the property sentence just named the deposit and the lorry: 上述存款, 上述车辆 (each the only one of its kind)
    assert ("本案已执行到位121,210.45元（其中扣划上述存款35,210.45元，拍卖上述车辆所得"
            "86,000.00元），尚有781,859.55元未执行到位。") in text
    assert "经上述调查，被执行人海之润公司名下有青岛银行黄岛支行账户存款（余额35,210.45元）" in text
    # two sources of one kind keep their descriptions: 上述存款 would not say which
    data = load(THREE)
    deposit, lorry = (a for a in data["measures"]["assets"] if a["status"] == "disposed")
    lorry |= {"type": "bank_deposit", "description": "青岛农商银行黄岛支行账户存款"}
    data["measures"]["assets"] = [a if a["id"] != lorry["id"] else lorry for a in data["measures"]["assets"]]
    assert "上述存款" not in _ruling(data).split("本案已执行到位")[1].split("。")[0]
    assert "本案已执行到位64,218.37元（系扣划上述存款所得），尚有1,553,482.18元未执行到位。" in _ruling(load(OBJECTING))


def test_an_applicant_asking_to_sell_the_house_again_is_answered() -> None:
    text = _ruling(load(OBJECTING))
    assert "申请执行人表示：不同意终结本次执行程序，要求继续拍卖翠屏湾花园房屋。" in text
    assert ("申请执行人虽不同意终结本次执行程序，但上述财产依法不能处置，其未能提供其他可供执行的财产或者"
            "财产线索，经本院合议庭审查核实并报经院长批准，本案符合终结本次执行程序的条件。") in text


def test_counts_say_two_not_second() -> None:
    approval = _files(load(OBJECTING), ["approval"])["终本案件办理情况表.txt"].decode("utf-8")
    assert "网络查控两次" in approval and "二次" not in approval


# ---------------------------------------------------------------- layout


def _slip_flags(document: docx.document.Document) -> tuple[list[bool], list[bool], list[bool]]:
    """(keep-with-next of the cut line and the title, of every paragraph of each row, cantSplit of each row)."""
    paragraphs = document.paragraphs
    cut = next(i for i, p in enumerate(paragraphs) if "沿此线剪下交回" in p.text)
    assert paragraphs[cut + 1].text == "回　执"
    head = [bool(paragraphs[i].paragraph_format.keep_with_next or paragraphs[i].style.paragraph_format.keep_with_next)
            for i in (cut, cut + 1)]
    rows = document.tables[-1].rows
    keeps = [all(p.paragraph_format.keep_with_next for c in r.cells for p in c.paragraphs) for r in rows]
    whole = [r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows]  # noqa: SLF001
    return head, keeps, whole


def test_the_slip_is_never_split_across_pages() -> None:
    # The 回执 is cut off and returned: it stands whole on the page of the signature, or, when it
    # does not fit there, whole on the next page. Cut line → title → first row → … → last row.
    data = load(OBJECTING)
    house = data["measures"]["assets"][1]
    house["non_disposable_reason"] = "，".join([house["non_disposable_reason"]] * 6)  # pushes the slip to page 3
    case = load_case(data)
    document = docx.Document(io.BytesIO(render_documents(case, check(case), only=["notice"])["终结本次执行程序告知书.docx"]))
    head, keeps, whole = _slip_flags(document)
    assert head == [True, True]
    assert keeps == [True] * (len(keeps) - 1) + [False]  # the last row may end the page
    assert all(whole)


def test_a_slip_longer_than_a_small_table_is_kept_whole() -> None:
    # keeping a slip together does not depend on how many rows it has (a small table's limit is 6)
    rows = [Block("row", cells=(f"第{i}项", "内容")) for i in range(9)]
    blocks = [Block("para", "正文。"), Block("cut", "……（沿此线剪下交回）……"), Block("center", "回　执"),
              Block("cols", "3.0 12.6"), *rows, Block("cols", "3.0 12.6"), *rows]
    meta = writer.Meta("告知书", "法院", datetime(2024, 1, 1, tzinfo=timezone.utc))
    document = docx.Document(io.BytesIO(writer.to_docx(blocks, draft=False, meta=meta)))
    slip, table = document.tables
    assert [all(p.paragraph_format.keep_with_next for c in r.cells for p in c.paragraphs) for r in slip.rows] == \
        [True] * 8 + [False]
    assert not any(p.paragraph_format.keep_with_next for r in table.rows for c in r.cells for p in c.paragraphs)


def test_inquiries_of_several_respondents_on_the_same_days_are_one_clause() -> None:
    # the same rounds, different findings: one clause, the findings told apart by respondent
    text = _ruling(load(THREE))
    assert ("于2024年4月9日、9月2日两次通过网络执行查控系统查询各被执行人的银行存款、车辆、不动产、证券等财产，"
            "查询到被执行人海之润公司的银行存款、车辆，未发现被执行人孔德胜、海之润胶州分公司有可供执行的财产") in text
    assert text.count("通过网络执行查控系统查询") == 1
    assert "查询到被执行人鼎盛公司的银行存款、被执行人黄志刚的不动产；" in _ruling(load(OBJECTING))


def test_an_act_concerning_each_of_several_respondents_says_each() -> None:
    branch = _ruling(load(BRANCH))
    assert "查询各被执行人的银行存款、车辆、不动产、证券等财产" in branch
    assert "经上述调查，未发现各被执行人有可供执行的财产。" in branch
    # served or answered on different days: the names stay, in the order of the dates
    assert "向被执行人恒泰湖州分公司、恒泰公司发出执行通知书、报告财产令，分别于同月24日、27日送达" in branch
    # a clause about the respondent just named says 其
    assert ("到被执行人恒泰湖州分公司住所地现场调查，办公场所已人去楼空，未发现可供执行的财产；"
            "同日对其负责人潘建华进行调查询问") in branch
    one = _ruling(load(CASE01))  # the only respondent is 被执行人, never 各被执行人
    assert "各被执行人" not in one


def test_the_blanks_of_a_telephone_or_written_record_fit_their_lines() -> None:
    # 28 characters of 三号 on a line (GB/T 9704); a paragraph's first line is indented by two
    texts = []
    for mode in ("phone", "written"):
        data = load(BRANCH)
        data["interview"]["mode"] = mode
        files = _files(data, ["interview"])
        texts.append(files["约谈笔录.txt"].decode("utf-8"))
    assert "电话记录" in texts[0] and "工作记录" in texts[1]
    for text in texts:
        for line in text.splitlines():
            if "＿" in line and "：" in line:
                assert len(line) <= 28, line


def test_the_analyser_reads_the_filing_date_our_rulings_write() -> None:
    # "申请执行人于…向本院申请执行，本院于同月20日立案": the filing date, not the application's
    from termination.analysis import analyze_text

    for path in (CASE01, BRANCH, WAITING, THREE):
        data = load(path)
        text = _ruling(data)
        assert str(analyze_text(text).filing_date) == data["filing_date"], path.name
    resumed = load(Path(__file__).resolve().parent / "cases" / "multi-party-zhihui.json")
    text = _ruling(resumed)
    assert "申请执行人于2023年7月28日申请恢复执行，本院于8月1日立案恢复执行" in text
    assert str(analyze_text(text).filing_date) == "2023-08-01"
