"""Cases the samples do not cover, rendered and read back with python-docx.

``tests/render/cases/multi-party-zhihui.json``: a 执恢 case, two applicants (an organisation with
a legal representative and an agent; a person), three respondents (a company, a guarantor
person, a company with a very long name, its 简称 and its address), names with
``&``, ``<``, ``>``, quotes and ``·``, amounts with cents and nothing recovered, the collegial
route, dated 2024-01-01.

``tests/render/cases/many-measures.json``: one respondent, 20 network inquiries, 5 seizures,
fines and detention, obstruction, a search, reward and audit applications, a vehicle that
could not be physically seized and a flat that failed at auction and was not accepted in
lieu; the applicant-confirmation route, dated 2022-04-09.

Expected texts are written by hand from the record and the law.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest

from termination.decide import check
from termination.errors import NotReadyError
from termination.io import load_case
from termination.render import DOCUMENTS, TITLES, render_documents
from tests.render.support import CASE01, body_text, case_files, load, paragraphs, shift_dates

HERE = Path(__file__).resolve().parent / "cases"
MULTI = HERE / "multi-party-zhihui.json"
MANY = HERE / "many-measures.json"
RULING = "执行裁定书.docx"
APPROVAL = "终本案件办理情况表.docx"
LONG_NAME = "新疆维吾尔自治区昌吉回族自治州呼图壁县天山北坡经济带农牧业产业化综合开发投资建设集团有限公司"
R1 = "新疆<天山>建设&工程有限公司"
MARKER = re.compile(r"@(?:title|caseno|heading|para|left|sign|date|blank|break|note|cols|head|row|cut|footer|aside)\b")


def _render(data: dict[str, Any], *, draft: bool = False, only: list[str] | None = None) -> dict[str, bytes]:
    case = load_case(data)
    return render_documents(case, check(case), draft=draft, only=only)


def _ruling(data: dict[str, Any], *, draft: bool = False) -> list[str]:
    return paragraphs(_render(data, draft=draft, only=["ruling"])[RULING])


def _all_cases() -> list[Path]:
    return case_files() + sorted(HERE.glob("*.json"))


# ---------------------------------------------------------------- every document, every case


@pytest.mark.parametrize("path", _all_cases(), ids=lambda p: p.stem)
def test_no_document_prints_none_or_a_placeholder(path: Path) -> None:
    case = load_case(path)
    decision = check(case)
    for fmt in ("docx", "txt"):
        files = render_documents(case, decision, draft=not decision.ready, fmt=fmt)  # type: ignore[arg-type]
        assert len(files) == len(DOCUMENTS)
        for name, data in files.items():
            text = body_text(data) if fmt == "docx" else data.decode("utf-8")
            for bad in ("None", "null", "none", "\x00", "{{", "}}", "{%"):
                assert bad not in text, (name, bad)
            # a style marker swallowed into the text (a template line joined to the previous one)
            assert not MARKER.search(text), (name, MARKER.search(text))


# ---------------------------------------------------------------- several parties, odd names


def test_parties_block_with_two_applicants_and_three_respondents() -> None:
    paras = _ruling(load(MULTI))
    expected = [
        '申请执行人：乌鲁木齐"丝路"商贸有限责任公司，住所地新疆维吾尔自治区乌鲁木齐市天山区解放北路166号国际大厦19层1901室。',
        "法定代表人：阿卜杜拉·买买提，董事长。",
        "委托诉讼代理人：古丽娜尔·吐尔逊，新疆天衡律师事务所律师。",
        "申请执行人：周 & 吴，男，1968年9月30日出生，回族，住新疆维吾尔自治区乌鲁木齐市沙依巴克区西虹东路<北>巷12号。",
        f"被执行人：{R1}，住所地新疆维吾尔自治区乌鲁木齐市高新技术产业开发区（新市区）北京南路358号大成国际大厦A座2208室。",
        "法定代表人：艾力·买买提，执行董事兼总经理。",
        "被执行人：王'小'二，男，1985年4月2日出生，汉族，住新疆维吾尔自治区乌鲁木齐市天山区和平南路<东>巷8号。",
        (f"被执行人：{LONG_NAME}，住所地新疆维吾尔自治区昌吉回族自治州呼图壁县呼图壁镇园林路东延工业园区"
         "农牧业综合服务中心办公楼三层302、303、305室。"),
        "法定代表人：赵建军。",
    ]
    start = paras.index(expected[0])
    assert paras[start:start + len(expected)] == expected


def test_special_characters_are_escaped_in_the_xml_and_intact_in_the_text() -> None:
    files = _render(load(MULTI))
    with zipfile.ZipFile(io.BytesIO(files[RULING])) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "新疆&lt;天山&gt;建设&amp;工程有限公司" in xml
    for name, data in files.items():
        text = body_text(data)
        assert "周 & 吴" in text, name
    assert R1 in body_text(files[RULING]) and R1 in body_text(files["合规审查报告.docx"])
    assert paragraphs(files[RULING])[-1].endswith("书记员　张<书记>")


def test_resumed_case_says_resumed() -> None:
    text = "\n".join(_ruling(load(MULTI)))
    assert ("本院于2023年3月20日作出（2022）新0102执4410号执行裁定，终结本次执行程序。"
            "申请执行人于2023年7月28日申请恢复执行，本院于同月1日立案恢复执行。") not in text  # not the same month
    assert "申请执行人于2023年7月28日申请恢复执行，本院于8月1日立案恢复执行。" in text
    without = load(MULTI)
    del without["application_received_on"]
    assert "终结本次执行程序。本院于2023年8月1日立案恢复执行。" in "\n".join(_ruling(without))
    notice = body_text(_render(load(MULTI), only=["notice"])["终结本次执行程序告知书.docx"])
    assert "本院于2023年8月1日立案恢复执行" in notice


def test_same_day_measures_against_several_respondents_are_one_clause() -> None:
    text = "\n".join(_ruling(load(MULTI)))
    # served on 8-04, 8-07, 8-05 (record order of the respondents); the year and month are not repeated
    assert ("本院于2023年8月2日向被执行人天山建设公司、王'小'二、天山北坡公司发出执行通知书、报告财产令，"
            "分别于同月4日、7日、5日送达") in text
    assert text.count("发出执行通知书") == 1
    assert "于2023年9月4日将被执行人天山建设公司、天山北坡公司纳入失信被执行人名单" in text


def test_no_property_found_for_several_respondents_is_one_sentence() -> None:
    text = "\n".join(_ruling(load(MULTI)))
    assert "经上述调查，未发现各被执行人有可供执行的财产。" in text
    assert text.count("经上述调查") == 1


def test_cents_and_nothing_recovered() -> None:
    files = _render(load(MULTI))
    text = "\n".join(paragraphs(files[RULING]))
    # 1,234,567.89 + 0.11 + 16,283.45 = 1,250,851.45 (by hand); nothing recovered
    assert ("执行标的为1,234,567.89元，另有迟延履行期间的债务利息0.11元、执行费等16,283.45元，合计1,250,851.45元"
            in text)
    assert "本案尚未执行到位款项，未执行到位金额为1,250,851.45元。" in text
    table = docx.Document(io.BytesIO(files[APPROVAL])).tables[0]
    rows = {r.cells[0].text: r.cells[1].text for r in table.rows}
    assert rows["应执行金额"] == "1,250,851.45元（人民币壹佰贰拾伍万零捌佰伍拾壹元肆角伍分）"
    assert rows["已执行到位"] == "0.00元（人民币零元整）"
    assert rows["被执行人"] == f"{R1}、王'小'二、{LONG_NAME}"


def test_the_interviewee_is_named_with_the_applicant_he_represents() -> None:
    text = "\n".join(_ruling(load(MULTI)))
    assert '约谈申请执行人乌鲁木齐"丝路"商贸有限责任公司的法定代表人阿卜杜拉·买买提，告知其本案执行情况' in text
    assert "周 & 吴的法定代表人" not in text


def test_notice_to_two_applicants_says_you_plural() -> None:
    text = body_text(_render(load(MULTI), only=["notice"])["终结本次执行程序告知书.docx"])
    assert '乌鲁木齐"丝路"商贸有限责任公司、周 & 吴：' in text
    assert "你们申请执行" in text and "你们对终结本次执行程序有意见" in text
    assert "你（单位）" not in text


def test_collegial_route_signatures_and_approval_rows() -> None:
    files = _render(load(MULTI))
    paras = paragraphs(files[RULING])
    signs = [p for p in paras if p.startswith(("审判长", "审判员"))]
    assert signs == ["审判长　马文涛", "审判员　热依拉·艾买提", "审判员　李　娜"]
    assert "经本院合议庭审查核实并报经院长批准，本案符合终结本次执行程序的条件" in "\n".join(paras)
    labels = [r.cells[0].text for t in docx.Document(io.BytesIO(files[APPROVAL])).tables for r in t.rows]
    assert {"合议庭意见", "院长审批", "承办人意见", "执行局（庭）长意见"} <= set(labels)


def test_applicant_confirmation_route_signature_and_approval_rows() -> None:
    files = _render(load(MANY))
    paras = paragraphs(files[RULING])
    assert [p for p in paras if p.startswith(("审判长", "审判员"))] == ["审判员　赵志刚"]
    assert "欧阳·娜娜于2022年4月1日签字确认同意终结本次执行程序。" in "\n".join(paras)
    table = docx.Document(io.BytesIO(files[APPROVAL]))
    labels = [r.cells[0].text for t in table.tables for r in t.rows]
    assert "合议庭意见" not in labels and "院长审批" not in labels
    route = {r.cells[0].text: r.cells[1].text for t in table.tables for r in t.rows}
    assert route["审批路径"] == "申请执行人签字确认（2022年4月1日）"


# ---------------------------------------------------------------- many measures


def _course(data: dict[str, Any]) -> str:
    paras = _ruling(data)
    return next(p for p in paras if p.startswith("本院于") and "网络执行查控系统" in p)


def test_twenty_inquiries_are_one_clause_and_the_course_is_in_date_order() -> None:
    course = _course(load(MANY))
    # 20 rounds from 2021-03-10 to 2022-03-06, two systems, the items named once
    assert ("本院于2021年3月10日至2022年3月6日间先后二十次通过网络执行查控系统"
            "查询被执行人的银行存款、车辆、不动产、证券等财产，查询到车辆、不动产") in course
    assert course.count("网络执行查控系统") == 1
    from termination.render.disclosure import FULL
    from termination.render.narrative.measures import steps

    record = load_case(load(MANY))
    placed = [s.on or s.sort_on for s in steps(record, FULL, {"R1": "孙大伟"})]
    assert placed == sorted(placed)  # every clause in date order
    # the undated refusal to report stands right after the report order it answers
    assert "于同月11日送达。被执行人拒绝报告财产。" in course


def test_seizures_sanctions_and_disposal_wording() -> None:
    text = "\n".join(_ruling(load(MANY)))
    for expected in (
        "查封被执行人的豫A·88888号小型越野客车，期限至2023年3月24日",  # 查封, not 扣押: never taken
        "冻结被执行人对案外人的到期债权，期限至2024年8月31日",  # not "被执行人的被执行人对…"
        "冻结被执行人的中国银行账户存款，期限至2022年3月19日，2022年3月10日续行至2023年3月9日",
        "冻结被执行人的中国建设银行账户存款，2021年6月1日解除",  # lifted: its term no longer matters
        "于2021年4月6日因被执行人违反财产报告制度，决定对其罚款50,000.00元",
        "同日因被执行人妨害执行，决定对其司法拘留",
        "同日因李某某妨害执行，决定对其罚款10,000.00元",
        "李某某于2021年7月18日妨害执行（阻挠执行人员进入现场）",
        "对被执行人的住所及可能隐匿财产的场所进行搜查（搜查令由院长签发）",
        "申请执行人书面申请发布悬赏公告查找可供执行的财产，本院于2021年8月6日决定准许，并于2021年8月10日发布悬赏公告",
        "申请执行人书面申请审计被执行人，本院于2021年8月9日决定不予准许",
        "于2021年10月12日至2022年1月18日先后对被执行人的郑州市惠济区天河路某小区7号楼2单元1101室住房（建筑面积89.6平方米）"
        "进行两次拍卖、一次变卖，均未能成交",
    ):
        assert expected in text, expected
    assert "扣押被执行人" not in text


def test_found_property_that_cannot_be_disposed_of_says_why() -> None:
    text = "\n".join(_ruling(load(MANY)))
    assert ("经上述调查，被执行人名下有豫A·88888号小型越野客车（价值85,000.00元），已查封，因该车辆下落不明，"
            "经多次查找未能实际扣押，该财产不能处置；郑州市惠济区天河路某小区7号楼2单元1101室住房（建筑面积89.6平方米），"
            "价值620,000.00元，已查封，因两次拍卖及变卖均未成交，申请执行人不接受以物抵债，且不具备强制管理条件，"
            "该财产不能处置；中国银行账户存款（余额100,000.01元），已冻结并扣划。除上述财产外，"
            "未发现被执行人有其他可供执行的财产。") in text
    assert "本院认为，本院已穷尽财产调查措施，发现的财产不能处置，亦未发现被执行人有其他可供执行的财产" in text
    # 860,000 + 23,456.78 + 12,345.60 = 895,802.38; − 100,000.01 = 795,802.37 (by hand)
    assert "本案已执行到位100,000.01元（系扣划上述存款所得），尚有795,802.37元未执行到位。" in text


def test_without_a_recorded_reason_the_draft_gives_it_from_the_facts() -> None:
    data = load(MANY)
    for asset in data["measures"]["assets"][:2]:
        del asset["non_disposable_reason"]
    case = load_case(data)
    assert not check(case).ready  # the reasons must be recorded (D16)
    with pytest.raises(NotReadyError):
        render_documents(case, check(case), only=["ruling"])
    text = "\n".join(_ruling(data, draft=True))
    assert "豫A·88888号小型越野客车（价值85,000.00元），已查封，因未能实际扣押，该财产不能处置" in text
    # two auctions and one sale failed (by hand from disposal_attempts), not accepted in lieu, no management
    assert ("价值620,000.00元，已查封，因经两次拍卖、一次变卖均未成交，申请执行人不接受以物抵债，"
            "且不能采取强制管理等其他方式处置，该财产不能处置") in text
    assert "【待补充：未处置财产均记录了不能处置的原因——" in text  # D16, by its title


# ---------------------------------------------------------------- the date decides the articles


def _articles(data: dict[str, Any]) -> tuple[str, str]:
    text = "\n".join(_ruling(data))
    jieshi = re.search(r"解释》(第[^条]+条)规定，裁定如下", text)
    cpl = re.search(r"《中华人民共和国民事诉讼法》(第[^条]+条)规定向本院提出书面异议", text)
    assert jieshi and cpl
    return jieshi[1], cpl[1]


def test_2022_04_09_and_2022_04_10_cite_different_interpretation_articles() -> None:
    data = load(MANY)
    assert data["termination"]["proposed_date"] == "2022-04-09"
    # 民诉法解释 2022 amendment in force 2022-04-10: 519 the day before, 517 from then on;
    # 民事诉讼法 2021 numbering (in force 2022-01-01): article 232 on both days
    assert _articles(data) == ("第五百一十九条", "第二百三十二条")
    assert _articles(shift_dates(data, 1)) == ("第五百一十七条", "第二百三十二条")


def test_2023_12_31_and_2024_01_01_cite_different_objection_articles() -> None:
    data = load(MULTI)
    assert data["termination"]["proposed_date"] == "2024-01-01"
    # 民事诉讼法 2023 amendment in force 2024-01-01: 236; the day before, the 2021 numbering 232
    assert _articles(data) == ("第五百一十七条", "第二百三十六条")
    assert _articles(shift_dates(data, -1)) == ("第五百一十七条", "第二百三十二条")


def test_a_2017_ruling() -> None:
    path = next(p for p in case_files() if p.name.startswith("19-"))
    data = load(path)
    assert data["termination"]["proposed_date"].startswith("2017-")
    assert _articles(data) == ("第五百一十九条", "第二百二十五条")
    files = _render(data)
    paras = paragraphs(files[RULING])
    assert "二〇一七年十月二十三日" in paras  # 2017-10-23 in Chinese numerals, by hand
    notice = body_text(files["终结本次执行程序告知书.docx"])
    # 终本规定 in force since 2016-12-01: the notice cites it
    assert "《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第五条的规定" in notice
    for text in (body_text(d) for d in files.values()):
        assert "第五百一十七条" not in text and "第二百三十六条" not in text


def test_every_title_is_rendered_for_the_unusual_cases() -> None:
    for path in (MULTI, MANY):
        assert set(_render(load(path))) == {f"{t}.docx" for t in TITLES.values()}


def test_approval_route_rows_of_the_collegial_route() -> None:
    doc = docx.Document(io.BytesIO(_render(load(MULTI), only=["approval"])[APPROVAL]))
    rows = {r.cells[0].text: r.cells[1].text for t in doc.tables for r in t.rows}
    assert rows["审批路径"] == "合议庭审查核实并报院长批准"
    # the approvals themselves are written by hand in the empty boxes, never printed above them
    text = body_text(_render(load(MULTI), only=["approval"])[APPROVAL])
    assert "吐尔洪·阿不都" not in text and "于2023年12月28日批准" not in text
    assert rows["院长审批"] == "\n\n\n签名：＿＿＿＿＿＿＿＿　　＿＿＿＿年＿＿月＿＿日"


def test_the_opinion_is_quoted_and_no_clue_sentence_repeats_it() -> None:
    path = next(p for p in case_files() if p.name.startswith("02-"))
    text = "\n".join(_ruling(load(path)))
    # the opinion already says no new clues can be given: not said a second time
    assert "申请执行人表示：不同意终结本次执行程序，但目前无法提供新的财产线索。" in text
    assert "申请执行人未能提供被执行人其他可供执行的财产线索。" not in text


def test_a_measure_recorded_twice_for_one_respondent_is_not_merged_into_one_name_list() -> None:
    data = load(MULTI)
    data["measures"]["consumption_restrictions"].append(dict(data["measures"]["consumption_restrictions"][1]))
    text = "\n".join(_ruling(data))
    # the orders of one day are one clause; the second order to the same respondent stays a clause of its own
    assert "向各被执行人发出限制消费令" in text and "同时限制" not in text  # the heads are bound by law
    assert "；同日向被执行人王'小'二发出限制消费令" in text and "王'小'二、王'小'二" not in text


def test_claim_paragraph_tells_basis_application_and_filing_in_that_order() -> None:
    text = "\n".join(_ruling(load(CASE01)))
    basis = text.index("本院作出的（2023）京0105民初5678号民事判决书已于2023年12月20日发生法律效力")
    applied = text.index("申请执行人于2024年3月1日向本院申请执行，本院于同月4日立案。")
    amounts = text.index("执行标的为300,000.00元")
    assert basis < applied < amounts


def test_invisible_characters_never_reach_a_document() -> None:
    """RTL overrides, zero-width characters and private-use characters in user text are removed
    (#14): they would make a name read differently from what it is."""
    from termination.render.blocks import clean

    assert clean("张\u202e三\u200b\u200d\u2066\ufeff") == "张三"
    assert clean("\ue000【待补充：伪造】\ue001") == "【待补充：伪造】"  # no way to forge a gap


def test_a_gap_marker_is_delimited_and_plain_text_is_not() -> None:
    from termination.render.blocks import GAP_RE, clean, gap_marker, plain

    marker = gap_marker("书记员\u202e")
    assert clean(marker) == marker and GAP_RE.fullmatch(marker)
    assert plain(marker) == "【待补充：书记员】"
    assert not GAP_RE.search(clean("【待补充：用户写的】"))
