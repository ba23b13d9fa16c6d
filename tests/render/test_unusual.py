"""Cases the samples do not cover, rendered and read back with python-docx.

``tests/render/cases/multi-party-zhihui.json``: a 执恢 case, two applicants (an organisation with
a legal representative and an agent; a person), three respondents (a company, a guarantor
person with nothing but a name, a company with a very long name and address), names with
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
MARKER = re.compile(r"@(?:title|caseno|heading|para|left|sign|date|blank|break|note|cols|head|row)\b")
NUMBERED = re.compile(r"^（([一二三四五六七八九十]+)）(?:(\d{4})年(\d{1,2})月(\d{1,2})日，)?")


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
        # a person with nothing but a name recorded: no empty "，，" and no "None"
        "被执行人：王'小'二。",
        (f"被执行人：{LONG_NAME}，住所地新疆维吾尔自治区昌吉回族自治州呼图壁县呼图壁镇园林路东延工业园区"
         "农牧业综合服务中心办公楼三层302、303、305室。"),
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
        assert R1 in text, name
        assert "周 & 吴" in text, name
    assert "书记员　张<书记>" in paragraphs(files[RULING])


def test_resumed_case_says_resumed() -> None:
    text = "\n".join(_ruling(load(MULTI)))
    assert "申请执行人于2023年7月28日向本院申请恢复执行，本院于2023年8月1日立案。" in text
    without = load(MULTI)
    del without["application_received_on"]
    assert "本院于2023年8月1日立案恢复执行。" in "\n".join(_ruling(without))
    notice = body_text(_render(load(MULTI), only=["notice"])["终结本次执行程序告知书.docx"])
    assert "本院于2023年8月1日立案恢复执行。" in notice


def test_same_day_measures_against_several_respondents_are_one_item() -> None:
    paras = _ruling(load(MULTI))
    notice = next(p for p in paras if "发出执行通知书" in p)
    assert notice.startswith(f"（一）2023年8月2日，向被执行人{R1}、王'小'二、{LONG_NAME}发出执行通知书，")
    # served on 8-04, 8-07, 8-05 (record order of the respondents); the year is not repeated
    assert notice.endswith("通知书分别于2023年8月4日、8月7日、8月5日送达。")
    assert sum("发出执行通知书" in p for p in paras) == 1
    listing = next(p for p in paras if "决定将" in p)
    assert f"决定将被执行人{R1}、{LONG_NAME}纳入失信被执行人名单" in listing


def test_no_property_found_for_several_respondents_is_one_sentence() -> None:
    text = "\n".join(_ruling(load(MULTI)))
    assert f"经上述调查，未发现被执行人{R1}、王'小'二、{LONG_NAME}有可供执行的财产。" in text
    assert text.count("经上述调查") == 1


def test_cents_and_nothing_recovered() -> None:
    files = _render(load(MULTI))
    text = "\n".join(paragraphs(files[RULING]))
    # 1,234,567.89 + 0.11 + 16,283.45 = 1,250,851.45 (by hand); nothing recovered
    assert ("申请执行标的金额1,234,567.89元、迟延履行期间的债务利息0.11元、执行费等16,283.45元，合计1,250,851.45元"
            in text)
    assert "本案应执行金额合计1,250,851.45元，已执行到位0.00元，尚有1,250,851.45元未执行到位。" in text
    table = docx.Document(io.BytesIO(files[APPROVAL])).tables[0]
    rows = {r.cells[0].text: r.cells[1].text for r in table.rows}
    assert rows["应执行金额"] == "1,250,851.45元（人民币壹佰贰拾伍万零捌佰伍拾壹元肆角伍分）"
    assert rows["已执行到位"] == "0.00元（人民币零元整）"
    assert rows["被执行人"] == f"{R1}、王'小'二、{LONG_NAME}"


def test_the_interviewee_is_named_with_the_applicant_he_represents() -> None:
    text = "\n".join(_ruling(load(MULTI)))
    assert ('以当面约谈方式告知申请执行人乌鲁木齐"丝路"商贸有限责任公司的法定代表人阿卜杜拉·买买提本案的执行情况'
            in text)
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
    assert "本案经本院合议庭于2023年12月26日审查核实，并于2023年12月28日经院长批准。" in paras
    labels = [r.cells[0].text for t in docx.Document(io.BytesIO(files[APPROVAL])).tables for r in t.rows]
    assert {"合议庭意见", "院长审批", "承办人意见", "执行局（庭）长意见"} <= set(labels)


def test_applicant_confirmation_route_signature_and_approval_rows() -> None:
    files = _render(load(MANY))
    paras = paragraphs(files[RULING])
    assert [p for p in paras if p.startswith(("审判长", "审判员"))] == ["审判员　赵志刚"]
    assert "申请执行人欧阳·娜娜于2022年4月1日签字确认同意终结本次执行程序。" in paras
    table = docx.Document(io.BytesIO(files[APPROVAL]))
    labels = [r.cells[0].text for t in table.tables for r in t.rows]
    assert "合议庭意见" not in labels and "院长审批" not in labels
    route = {r.cells[0].text: r.cells[1].text for t in table.tables for r in t.rows}
    assert route["申请执行人签字确认"] == "申请执行人欧阳·娜娜于2022年4月1日签字确认"


# ---------------------------------------------------------------- many measures


def _events(paras: list[str]) -> list[str]:
    start = paras.index("二、执行经过及采取的执行措施、强制措施")
    end = paras.index("三、查明的被执行人财产情况")
    return [p for p in paras[start + 1:end] if NUMBERED.match(p)]


def test_every_measure_is_listed_once_in_date_order() -> None:
    events = _events(_ruling(load(MANY)))
    # 1 notice + 1 report order + 1 report + 20 inquiries + 1 restriction + 2 listings + 2 clues
    # + 1 site visit + 1 search + 2 applications + 1 questioning + 5 seizures + 3 disposal
    # attempts + 2 obstructions + 3 sanctions = 46
    assert len(events) == 46
    assert events[-1].startswith("（四十六）")
    dated = [date(int(m[2]), int(m[3]), int(m[4])) for e in events if (m := NUMBERED.match(e)) and m[2]]
    assert dated == sorted(dated)
    # the undated refusal to report stands right after the report order it answers
    assert events[1].startswith("（二）2021年3月9日，向被执行人孙大伟发出报告财产令")
    assert events[2] == "（三）被执行人孙大伟拒绝报告财产。"


def test_a_repeated_inquiry_refers_back_instead_of_listing_the_items_again() -> None:
    events = _events(_ruling(load(MANY)))
    assert events[3].startswith("（四）2021年3月10日，通过网络执行查控系统（总对总）"
                                "查询被执行人孙大伟名下的人民银行账户信息、")
    assert events[12] == ("（十三）2021年4月17日，通过网络执行查控系统（总对总）查询被执行人孙大伟名下的财产"
                          "（查询项目同第（四）项），2021年4月26日反馈：未查询到财产。")
    assert sum("民政（婚姻登记）、税务" in e for e in events) == 1


def test_seizures_sanctions_and_disposal_wording() -> None:
    text = "\n".join(_ruling(load(MANY)))
    for expected in (
        "查封被执行人孙大伟的豫A·88888号小型越野客车，期限至2023年3月24日",  # 查封, not 扣押: never taken
        "冻结被执行人孙大伟对案外人的到期债权，期限至2024年8月31日",  # not "孙大伟的被执行人对…"
        "冻结被执行人孙大伟的中国银行账户存款，期限至2022年3月19日；2022年3月10日续行至2023年3月9日",
        "冻结被执行人孙大伟的中国建设银行账户存款，期限至2022年3月19日；2021年6月1日解除",
        "因被执行人孙大伟违反财产报告制度，决定对其罚款50,000.00元",
        "因被执行人孙大伟妨害执行，决定对其司法拘留",
        "因李某某妨害执行，决定对其罚款10,000.00元",
        "李某某妨害执行：阻挠执行人员进入现场",
        "对被执行人孙大伟的住所及可能隐匿财产的场所进行搜查（搜查令由院长签发）",
        "本院于2021年8月6日决定准许，并于2021年8月10日发布悬赏公告",
        "申请执行人书面申请审计被执行人，本院于2021年8月9日决定不予准许",
        "进行第一次拍卖，未能成交", "进行第二次拍卖，未能成交", "进行第一次变卖，未能成交",
    ):
        assert expected in text, expected
    assert "扣押被执行人" not in text and "（调查其他财产）" not in text


def test_found_property_that_cannot_be_disposed_of_says_why() -> None:
    paras = _ruling(load(MANY))
    start = paras.index("三、查明的被执行人财产情况")
    assert paras[start + 1:start + 6] == [
        "经上述调查，查明被执行人孙大伟名下有下列财产：",
        "1．豫A·88888号小型越野客车（价值85,000.00元），已查封。因该车辆下落不明，经多次查找未能实际扣押，该财产不能处置。",
        ("2．郑州市惠济区天河路某小区7号楼2单元1101室住房（建筑面积89.6平方米），价值620,000.00元，已查封。"
         "因两次拍卖及变卖均未成交，申请执行人不接受以物抵债，且不具备强制管理条件，该财产不能处置。"),
        "3．中国银行账户存款（余额100,000.01元），已冻结并扣划。",
        "除上述财产外，未发现被执行人孙大伟有其他可供执行的财产。",
    ]
    text = "\n".join(paras)
    assert "本院认为，本案经过财产调查，发现的财产不能处置，亦未发现被执行人有其他可供执行的财产" in text
    # 860,000 + 23,456.78 + 12,345.60 = 895,802.38; − 100,000.01 = 795,802.37 (by hand)
    assert "本案应执行金额合计895,802.38元，已执行到位100,000.01元，尚有795,802.37元未执行到位。" in text


def test_without_a_recorded_reason_the_draft_gives_it_from_the_facts() -> None:
    data = load(MANY)
    for asset in data["measures"]["assets"][:2]:
        del asset["non_disposable_reason"]
    case = load_case(data)
    assert not check(case).ready  # the reasons must be recorded (D16)
    with pytest.raises(NotReadyError):
        render_documents(case, check(case), only=["ruling"])
    text = "\n".join(_ruling(data, draft=True))
    assert "1．豫A·88888号小型越野客车（价值85,000.00元），已查封。因未能实际扣押，该财产不能处置。" in text
    # two auctions and one sale failed (by hand from disposal_attempts), not accepted in lieu, no management
    assert ("价值620,000.00元，已查封。因经两次拍卖、一次变卖均未成交，申请执行人不接受以物抵债，"
            "且不能采取强制管理等其他方式处置，该财产不能处置。") in text
    assert "【待补充：D16" in text


# ---------------------------------------------------------------- the date decides the articles


def _articles(data: dict[str, Any]) -> tuple[str, str]:
    text = "\n".join(_ruling(data))
    jieshi = re.search(r"解释》(第[^条]+条)规定，裁定如下", text)
    cpl = re.search(r"《中华人民共和国民事诉讼法》(第[^条]+条)的规定，向本院提出书面异议", text)
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
    assert rows["申请执行人签字确认"] == "无"
    assert rows["合议庭审查核实"] == "合议庭于2023年12月26日审查核实；成员：马文涛（审判长）、热依拉·艾买提、李娜"
    assert rows["院长批准"] == "吐尔洪·阿不都于2023年12月28日批准"


def test_questioning_of_a_legal_representative_noted_in_brackets_and_no_repeated_clue_sentence() -> None:
    path = next(p for p in case_files() if p.name.startswith("02-"))
    text = "\n".join(_ruling(load(path)))
    # the record writes the person as "陈志明（法定代表人）"; he is the company's legal representative
    assert "对被执行人上海恒远贸易有限公司的法定代表人陈志明进行调查询问" in text
    assert "对陈志明（法定代表人）进行调查询问" not in text
    # the opinion already says no new clues can be given: not said a second time
    assert "申请执行人的意见为：不同意终结本次执行程序，但目前无法提供新的财产线索。" in text
    assert "申请执行人未能提供被执行人其他可供执行的财产线索" not in text


def test_a_measure_recorded_twice_for_one_respondent_is_not_merged_into_one_name_list() -> None:
    data = load(MULTI)
    data["measures"]["consumption_restrictions"].append(dict(data["measures"]["consumption_restrictions"][1]))
    events = _events(_ruling(data))
    twice = [e for e in events if "向被执行人王'小'二发出限制消费令" in e]
    assert len(twice) == 2 and not any("王'小'二、王'小'二" in e for e in events)


def test_claim_paragraph_tells_basis_application_and_filing_in_that_order() -> None:
    text = "\n".join(_ruling(load(CASE01)))
    basis = text.index("执行依据为北京市朝阳区人民法院作出的（2023）京0105民初5678号民事判决书（2023年12月20日发生法律效力）")
    applied = text.index("申请执行人于2024年3月1日向本院申请执行，本院于2024年3月4日立案。")
    amounts = text.index("申请执行标的金额300,000.00元")
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
