"""Court-document layout, read from the .docx XML: page, styles, East-Asian fonts, page numbers."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from termination.decide import check
from termination.io import load_case
from termination.render import TITLES, render_documents
from tests.render.support import CASE01, load


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    case = load_case(load(CASE01))
    return render_documents(case, check(case))


@pytest.fixture(scope="module")
def ruling(documents: dict[str, bytes]) -> docx.document.Document:
    return docx.Document(io.BytesIO(documents["执行裁定书.docx"]))


def _fonts(style: object) -> dict[str, str | None]:
    rfonts = style.element.rPr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    return {a: rfonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")}


def test_every_document_is_a_docx(documents: dict[str, bytes]) -> None:
    assert set(documents) == {f"{t}.docx" for t in TITLES.values()}
    for data in documents.values():
        assert zipfile.is_zipfile(io.BytesIO(data))
        docx.Document(io.BytesIO(data))  # python-docx can read it back


def test_a4_and_gbt9704_margins(ruling: docx.document.Document) -> None:
    s = ruling.sections[0]
    assert round(s.page_width.mm) == 210 and round(s.page_height.mm) == 297
    assert (round(s.top_margin.mm), round(s.bottom_margin.mm)) == (37, 35)
    assert (round(s.left_margin.mm), round(s.right_margin.mm)) == (28, 26)


def test_styles_set_the_east_asian_font(ruling: docx.document.Document) -> None:
    body = ruling.styles["正文"]
    assert _fonts(body) == {"ascii": "仿宋_GB2312", "hAnsi": "仿宋_GB2312", "eastAsia": "仿宋_GB2312", "cs": "仿宋_GB2312"}
    assert body.font.size == Pt(16)  # 三号
    assert body.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert 28 <= body.paragraph_format.line_spacing.pt <= 29
    assert body.paragraph_format.first_line_indent == Pt(32)  # two characters
    title = ruling.styles["文书标题"]
    assert _fonts(title)["eastAsia"] == "方正小标宋简体"
    assert title.font.size == Pt(22)  # 二号
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert ruling.styles["案号"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert _fonts(ruling.styles["小标题"])["eastAsia"] == "黑体"
    assert _fonts(ruling.styles["Normal"])["eastAsia"] == "仿宋_GB2312"


def test_paragraphs_use_the_named_styles(ruling: docx.document.Document) -> None:
    styles = [(p.style.name, p.text) for p in ruling.paragraphs]
    assert styles[0] == ("文书标题", "北京市朝阳区人民法院")
    assert styles[1] == ("文书标题", "执行裁定书")
    assert styles[2] == ("案号", "（2024）京0105执12345号")
    assert not [t for style, t in styles if style == "小标题"]  # a ruling is narrative: no headings
    assert ("落款日期", "二〇二四年六月二十五日") in styles
    assert ("署名", "审判员　王立新") in styles
    # no direct run formatting: the look comes from the styles
    assert all(r.font.name is None and r.font.size is None for p in ruling.paragraphs for r in p.runs)


def test_font_fallbacks_are_declared(documents: dict[str, bytes]) -> None:
    with zipfile.ZipFile(io.BytesIO(documents["执行裁定书.docx"])) as z:
        fonts = z.read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in fonts


def test_page_number_field_in_footer(ruling: docx.document.Document) -> None:
    footer = ruling.sections[0].footer
    xml = footer._element.xml  # noqa: SLF001
    assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(" —")


def test_final_documents_have_no_draft_header(ruling: docx.document.Document) -> None:
    assert "草稿" not in "".join(p.text for p in ruling.sections[0].header.paragraphs)


def test_approval_table_lists_every_finding(documents: dict[str, bytes]) -> None:
    case = load_case(load(CASE01))
    decision = check(case)
    d = docx.Document(io.BytesIO(documents["终本案件办理情况表.docx"]))
    checklist = next(t for t in d.tables if t.rows[0].cells[0].text == "编号")
    rows = [[c.text for c in r.cells] for r in checklist.rows[1:]]
    # numbered 1, 2, 3…, each rule by its title (a judge signs it: no rule codes)
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(decision.findings) + 1)]
    assert [r[1] for r in rows] == [f.title for f in decision.findings]
    marks = {"satisfied": "✓", "violated": "✗", "unknown": "?", "not_applicable": "—"}
    assert [r[2] for r in rows] == [marks[f.status] for f in decision.findings]
    header = {r.cells[0].text: r.cells[1].text for r in d.tables[0].rows}
    # 315619 = 300000 + 12600 + 3019, in capitals by hand
    assert header["应执行金额"] == "315,619.00元（人民币叁拾壹万伍仟陆佰壹拾玖元整）"
    assert header["已执行到位"] == "8,500.00元（人民币捌仟伍佰元整），系扣划中国工商银行账户存款所得"
    assert header["未执行到位"] == "307,119.00元（人民币叁拾万柒仟壹佰壹拾玖元整）"


def test_report_shows_verification_status_only_where_the_wording_is_in_doubt(documents: dict[str, bytes]) -> None:
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(documents["合规审查报告.docx"])).paragraphs)
    assert "结论：可以终本" in text
    assert "✓ 终本前已告知申请执行人并听取其意见［符合］" in text
    assert "依据：《终本规定》第五条（经佐证、未核实原文）" in text  # corroborated only: said
    assert "依据：《终本规定》第一条第（四）项\n" in text + "\n"  # verified: nothing to say
    assert "已核实原文）" not in text and "（法律依据" not in text
    # the case system's checks are named as such, never by an internal label
    assert "《终本系统校验》" not in text
    assert "执行案件管理系统校验：执行标的内容不能仅为行为执行（非官方复现）" in text


def test_a_statute_is_never_shown_in_doubt() -> None:
    """An article of the 民事诉讼法 before 2022 is cited in the numbering of its edition, which we hold
    as CORROBORATED (the table of old and new numbers): the statute itself is not in doubt."""
    from datetime import date

    from tests.render.support import shift_dates

    data = shift_dates(load(CASE01), (date(2021, 6, 25) - date(2024, 6, 25)).days)
    case = load_case(data)
    text = render_documents(case, check(case), only=["report"], fmt="txt")["合规审查报告.txt"].decode("utf-8")
    assert "《民事诉讼法》第二百四十条" in text  # 2017 numbering of the 执行通知 article
    assert "《民事诉讼法》第二百四十条（经佐证" not in text


def test_core_properties_name_the_court_and_the_ruling_date(documents: dict[str, bytes]) -> None:
    from datetime import datetime, timedelta, timezone

    for name, data in documents.items():
        props = docx.Document(io.BytesIO(data)).core_properties
        assert props.author == "北京市朝阳区人民法院" and props.last_modified_by == "北京市朝阳区人民法院", name
        assert props.created == datetime(2024, 6, 25, tzinfo=timezone(timedelta(hours=8))).astimezone(timezone.utc)
        assert "python-docx" not in (props.author + props.comments + props.last_modified_by)
        assert props.title.endswith("（（2024）京0105执12345号）")


def test_the_interview_record_has_page_x_of_y_and_a_signature_on_every_page(documents: dict[str, bytes]) -> None:
    d = docx.Document(io.BytesIO(documents["约谈笔录.docx"]))
    footer = d.sections[0].footer
    xml = footer._element.xml  # noqa: SLF001
    assert " PAGE " in xml and " NUMPAGES " in xml
    text = footer.paragraphs[0].text
    assert text.startswith("被约谈人（签名）：＿") and "第1页" in text and "共1页" in text


def test_the_same_record_gives_the_same_bytes_whenever_it_is_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-docx stamps zip entries with the clock; ours carry a fixed stamp (same input, same output)."""
    import time
    import zipfile

    from termination import api
    from termination.paths import CORPUS

    case = CORPUS / "cases" / "01-compliant-person.json"
    first = api.render(case, only=["ruling"])["执行裁定书.docx"]
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3 * 86400 + 7)  # three days and some seconds later
    later = api.render(case, only=["ruling"])["执行裁定书.docx"]
    assert later == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
