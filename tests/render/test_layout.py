"""Page flow, read from the .docx: what must not be split or left alone on a page, blanks to write in."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from termination.decide import check
from termination.io import load_case
from termination.render import render_documents
from tests.render.support import CASE01, CASES, body_text, load

RULING = "执行裁定书.docx"
APPROVAL = "终本案件办理情况表.docx"
INTERVIEW = "约谈笔录.docx"
OBJECTION = "当事人、利害关系人认为终结本次执行程序违反法律规定的"
#: type area 21 − 2.8 − 2.6 = 15.6 cm = 442 pt: 28 characters of 三号 (16 pt less 0.25 pt) on a line
LINE_CHARS = 28


def _doc(path: Path, name: str, *, draft: bool = False) -> docx.document.Document:
    case = load_case(load(path))
    return docx.Document(io.BytesIO(render_documents(case, check(case), draft=draft, only=None)[name]))


@pytest.fixture(scope="module")
def ruling() -> docx.document.Document:
    return _doc(CASE01, RULING)


def _keeps(p: object) -> bool:
    return bool(p.paragraph_format.keep_with_next)  # type: ignore[attr-defined]


def test_punctuation_is_not_hung_in_the_margin(ruling: docx.document.Document) -> None:
    # LibreOffice drops hung punctuation of justified lines from the page ("执行情况：" → "执行情况");
    # w:overflowPunct="1" is Word's default and LibreOffice's "no hanging"
    ppr = ruling.styles["Normal"].element.pPr
    assert ppr.find(qn("w:overflowPunct")).get(qn("w:val")) == "1"


def test_headings_are_never_last_on_a_page(ruling: docx.document.Document) -> None:  # 审批表、报告
    assert ruling.styles["小标题"].paragraph_format.keep_with_next is True


def test_signature_block_stays_with_the_last_paragraph(ruling: docx.document.Document) -> None:
    paras = ruling.paragraphs
    i = next(n for n, p in enumerate(paras) if p.text.startswith(OBJECTION))
    block = paras[i:]
    assert [p.text for p in block] == [block[0].text, "", "审判员　王立新", "二〇二四年六月二十五日",
                                       "本件与原本核对无异\t书记员　赵晓雪"]
    assert [_keeps(p) for p in block] == [True] * 4 + [False]
    # only the end of the ruling is tied together, not the body
    assert not any(_keeps(p) for p in paras[:i] if p.style.name == "正文")


def test_draft_gap_markers_do_not_cut_the_signature_block_loose() -> None:
    doc = _doc(CASES / "10-no-approval-route.json", RULING, draft=True)
    paras = doc.paragraphs
    i = next(n for n, p in enumerate(paras) if p.text.startswith(OBJECTION))
    clerk = next(n for n, p in enumerate(paras) if p.text.startswith("本件与原本核对无异"))
    assert all(_keeps(p) for p in paras[i:clerk])
    assert not _keeps(paras[clerk])
    assert paras[clerk + 2].text == "附：尚需补正的事项（草稿）"
    assert not any(_keeps(p) for p in paras[clerk + 3:])  # the appended list flows freely


def test_interview_record_ends_with_the_closing_line_and_the_signatures() -> None:
    paras = [p.text for p in _doc(CASE01, INTERVIEW).paragraphs]
    closing = paras.index("以上笔录我已看过，与我说的相符。")
    assert paras[closing + 2:closing + 6] == ["被约谈人（签名）：＿＿＿＿＿＿＿＿", "约谈人（签名）：＿＿＿＿＿＿＿＿",
                                            "记录人（签名）：＿＿＿＿＿＿＿＿", "二〇二四年六月十八日"]
    assert "附：执行措施清单" not in paras  # the five items are told in the form itself


def test_approval_checklist_header_repeats_and_rows_do_not_split() -> None:
    doc = _doc(CASE01, APPROVAL)
    checklist = next(t for t in doc.tables if t.rows[0].cells[0].text == "编号")
    header = checklist.rows[0]._tr.trPr  # noqa: SLF001
    assert header.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in checklist.rows)  # noqa: SLF001
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in checklist.rows[1:])  # noqa: SLF001
    for row in checklist.rows:  # 编号 and 结论 centred; the text columns are not
        aligns = [c.paragraphs[0].alignment for c in row.cells]
        assert aligns[0] == aligns[2] == WD_ALIGN_PARAGRAPH.CENTER
        assert aligns[1] is None and aligns[3] is None
    # the legend under the table stays with its last row
    assert all(_keeps(p) for c in checklist.rows[-1].cells for p in c.paragraphs)
    note = next(p for p in doc.paragraphs if p.text.startswith("注："))
    assert note.style.name == "表注"


def test_approval_signature_table_is_kept_on_one_page() -> None:
    doc = _doc(CASE01, APPROVAL)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "承办人意见")
    rows = table.rows
    assert [r.cells[0].text for r in rows] == ["承办人意见", "执行局（庭）长意见"]  # applicant-confirmation route
    assert all(_keeps(p) for c in rows[0].cells for p in c.paragraphs)
    assert not any(_keeps(p) for c in rows[-1].cells for p in c.paragraphs)
    # 年月日 to fill in, not a bare "日期：＿＿"
    assert rows[0].cells[1].text.endswith("签名：＿＿＿＿＿＿＿＿　　＿＿＿＿年＿＿月＿＿日")


def test_interview_blanks_are_whole_lines_to_write_in() -> None:
    data = load(CASE01)
    data["interview"].pop("opinion")
    case = load_case(data)
    doc = docx.Document(io.BytesIO(render_documents(case, check(case), draft=True, only=["interview"])[INTERVIEW]))
    paras = [p.text for p in doc.paragraphs]
    answer = "答：" + "＿" * 24  # 2 characters indent + 26 = 28: one full line
    assert paras.count(answer) >= 3
    i = paras.index("问：你对本案终结本次执行程序有何意见？是否同意终结本次执行程序？")
    assert paras[i + 1:i + 4] == [answer, "＿" * LINE_CHARS, "＿" * LINE_CHARS]  # three lines for the opinion
    assert "地点：" + "＿" * 25 in paras  # the label and the blank fill one line
    for p in doc.paragraphs:  # no blank line spills onto a second line
        if p.text.endswith("＿"):
            indent = 2 if p.style.name == "正文" else 0
            assert indent + len(p.text) <= LINE_CHARS, p.text
    assert "二〇二四年六月十八日" in paras  # the interview date of the record under the signatures
    assert "被约谈人（签名）：＿＿＿＿＿＿＿＿" in paras


def test_interview_summary_of_measures_follows_the_record() -> None:
    case = load_case(load(CASE01))
    text = body_text(render_documents(case, check(case), only=["interview"])[INTERVIEW])
    # case 01: the kinds of measures in the order first taken
    assert ("（二）采取的财产调查措施：本院先后采取了发出执行通知书和报告财产令、网络执行查控、核查财产报告、限制消费、"
            "纳入失信被执行人名单、核查财产线索、现场调查、调查询问等措施。") in text
    assert text.count("315,619.00元") == 1  # the total is stated once
    data = load(CASE01)
    data["measures"]["report_orders"] = []
    data["measures"]["property_reports"] = []
    case = load_case(data)
    text = body_text(render_documents(case, check(case), draft=True, only=["interview"])[INTERVIEW])
    summary = text[text.index("（二）采取的财产调查措施"):text.index("（三）")]
    assert "报告财产令" not in summary and "核查财产报告" not in summary  # never claims a measure the record lacks
    assert "发出执行通知书、网络执行查控" in summary


def test_notice_states_the_total_once() -> None:
    case = load_case(load(CASE01))
    text = body_text(render_documents(case, check(case), only=["notice"])["终结本次执行程序告知书.docx"])
    assert "合计315,619.00元；已执行到位8,500.00元，尚有307,119.00元未执行到位。" in text
    assert text.count("315,619.00元") == 1
    assert ("本院拟依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条"
            "和上述规定第一条的规定裁定终结本次执行程序。") in text


def test_report_header_lines_do_not_share_a_line() -> None:
    case = load_case(load(CASE01))
    doc = docx.Document(io.BytesIO(render_documents(case, check(case), only=["report"])["合规审查报告.docx"]))
    paras = [p.text for p in doc.paragraphs]
    for line in ("申请执行人：李春华", "被执行人：张建国", "评估日期：2024年6月25日", "拟终本日期：2024年6月25日"):
        assert line in paras


def test_interview_form_without_an_interview_fits_the_lines() -> None:
    doc = _doc(CASES / "08-applicant-not-interviewed.json", INTERVIEW, draft=True)
    paras = [p.text for p in doc.paragraphs]
    time_line = "时间：＿＿＿＿年＿＿月＿＿日＿＿时＿＿分至＿＿时＿＿分"
    assert time_line in paras and len(time_line) <= LINE_CHARS  # one line, with 年月日 and the hours
    assert "被约谈人：＿＿＿＿＿＿＿＿" in paras
    assert "身份：申请执行人本人 / 法定代表人（负责人） / 特别授权的委托诉讼代理人（请勾选）" in paras
