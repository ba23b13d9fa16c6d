"""Unit tests of the regex helpers: dates, case numbers, amounts, numerals, appendix cutting."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from termination.analysis import cut_appendix, normalize_case_number, parse_amount, parse_date
from termination.analysis.parsing import cn_to_int, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二〇二四年五月六日", date(2024, 5, 6)),
        ("二○二四年五月六日", date(2024, 5, 6)),  # ○ WHITE CIRCLE instead of 〇
        ("二O二O年七月二十日", date(2020, 7, 20)),  # Latin capital O
        ("二0二一年一月二十五日", date(2021, 1, 25)),  # digit zero inside Chinese numerals
        ("二〇一七年九月十六日", date(2017, 9, 16)),
        ("二〇二三年十二月三十一日", date(2023, 12, 31)),
        ("二〇二三年十月十日", date(2023, 10, 10)),
        ("2024年5月6日", date(2024, 5, 6)),
        ("２０２４年５月６日", date(2024, 5, 6)),  # full-width digits
        ("于2020年11月30日向本院申请执行", date(2020, 11, 30)),
        ("二〇二四年 六月 十七日", date(2024, 6, 17)),
        ("二〇二三年元月五日", date(2023, 1, 5)),  # 元月 = 一月
        ("查询日期 2023-03-02", date(2023, 3, 2)),
        ("本院于2023.1.6向被执行人发出", date(2023, 1, 6)),
        ("2023/1/5", date(2023, 1, 5)),
        ("1.2020年3月5日，发出执行通知书", date(2020, 3, 5)),  # list marker glued to the year
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["二〇二三年二月三十日", "2023年13月1日", "本案无日期", "12020年1月1日", "2023.13.1", "2023-01.05", "余额35.6元",
     "1,234,567.89元", "2023.1.5.3"],
)
def test_parse_date_rejects_impossible_or_absent_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（2024）京0105执1234号", "（2024）京0105执1234号"),
        ("(2024)京0105执1234号", "（2024）京0105执1234号"),
        ("(2024) 浙0106 执 5678 号", "（2024）浙0106执5678号"),
        ("（２０２４）京０１０５执１２３４号", "（2024）京0105执1234号"),
        ("〔2023〕云2323执恢39号", "（2023）云2323执恢39号"),
        ("（2020）豫0192执2437号之一", "（2020）豫0192执2437号之一"),
        ("（2021）最高法执监501号", "（2021）最高法执监501号"),
        ("（2015）朝执字第01234号", "（2015）朝执字第01234号"),
        ("（2019）济仲裁字第0456号", "（2019）济仲裁字第0456号"),
        ("依据（2023）京0105民初5678号民事判决书", "（2023）京0105民初5678号"),
    ],
)
def test_normalize_case_number(text: str, expected: str) -> None:
    assert normalize_case_number(text) == expected


def test_normalize_case_number_absent() -> None:
    assert normalize_case_number("本院在执行中") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("偿还借款400，000元及利息", Decimal(400000)),
        ("本金400,000.00元", Decimal(400000)),
        ("412,345.67元", Decimal("412345.67")),
        ("执行标的共计40万元", Decimal(400000)),
        ("4.5万元", Decimal(45000)),
        ("人民币贰拾万元", Decimal(200000)),
        ("罚款人民币壹万元整", Decimal(10000)),
        ("壹仟贰佰叁拾肆元伍角陆分", Decimal("1234.56")),
        ("二十万元", Decimal(200000)),
        ("余额36.52元", Decimal("36.52")),
        ("执行到位0元", Decimal(0)),
        ("1,260元", Decimal(1260)),
    ],
)
def test_parse_amount(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


def test_parse_amount_absent() -> None:
    assert parse_amount("2020年11月30日立案，一案") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("五百一十七", 517), ("五百一十九", 519), ("二百三十六", 236), ("十一", 11), ("一百零五", 105), ("517", 517)],
)
def test_cn_to_int(text: str, expected: int) -> None:
    assert cn_to_int(text) == expected


def test_normalize_keeps_length() -> None:
    text = "（2024）京0105执1234号，本金400，000元；审　判　长\r\n"
    assert len(normalize(text)) == len(text)
    assert normalize(text) == "(2024)京0105执1234号,本金400,000元;审 判 长\n\n"


SIGNED = "裁定如下：\n终结本次执行程序。\n本裁定送达后立即生效。\n审 判 长　张 三\n二〇二四年六月十七日\n书 记 员　赵 六\n"


@pytest.mark.parametrize(
    "appendix",
    [
        "附：本裁定所依据的相关法律条文\n第二百二十五条　当事人……",
        "附录：\n《中华人民共和国民事诉讼法》第二百二十五条",
        "附相关法律条文：\n第五百一十九条　经过财产调查……",
        "\n相关法律条文\n第五百一十九条",
    ],
)
def test_cut_appendix_after_date_line(appendix: str) -> None:
    assert cut_appendix(SIGNED + appendix) == SIGNED.rstrip()


def test_cut_appendix_single_line() -> None:
    text = "裁定如下：终结本次执行程序。审判员　吴某二〇二二年七月八日书记员　郑某某附：相关法律条文第二百二十五条"
    assert cut_appendix(text) == "裁定如下：终结本次执行程序。审判员　吴某二〇二二年七月八日书记员　郑某某"


def test_cut_appendix_keeps_text_without_appendix() -> None:
    assert cut_appendix(SIGNED) == SIGNED


def test_cut_appendix_does_not_cut_before_the_date() -> None:
    # "附" in the body (附件、附卷) must not cut the ruling.
    text = "本院已将约谈笔录附卷。裁定如下：\n终结本次执行程序。\n审判员　王某\n二〇二三年五月二日\n书记员　李某"
    assert cut_appendix(text) == text


def test_cut_appendix_without_date_line_needs_a_heading() -> None:
    body = "裁定如下：\n终结本次执行程序。\n审判员　王某\n书记员　李某\n"
    assert cut_appendix(body + "附：相关法律条文\n第五百一十九条") == body.rstrip()


def test_basis_numbers_include_arbitral_style_numbers() -> None:
    from termination.analysis.parsing import iter_basis_numbers

    text = normalize(
        "本案据以执行的法律文书为成都市武侯区劳动人事争议仲裁委员会作出的武劳人仲案字〔2021〕第456号仲裁裁决书，"
        "依据京仲裁字[2020]第0123号裁决及（2023）京0105民初5678号民事判决书。"
    )
    assert [(n, k) for _, _, n, k in iter_basis_numbers(text)] == [
        ("武劳人仲案字〔2021〕第456号", "其他"),
        ("京仲裁字〔2020〕第0123号", "其他"),
        ("（2023）京0105民初5678号", "民初"),
    ]
    # a statute revision year in brackets is not a document number
    assert iter_basis_numbers(normalize("《中华人民共和国民事诉讼法》（2021年修正）第二百三十二条")) == []


def test_clean_strips_html_but_keeps_inner_book_title_marks() -> None:
    from termination.analysis.parsing import clean

    page = (
        "<html><head><title>张某、李某纠纷执行裁定书</title><style>p{margin:0}</style></head><body>"
        "<div style='TEXT-ALIGN: center'>北京市朝阳区人民法院</div><p>发出执行<span style='x'>通知书</span>、报告财产令。</p>"
        "<p>依照《最高人民法院关于适用&lt;中华人民共和国民事诉讼法&gt;的解释》第五百一十七条</p>"
        "<div>审&nbsp;判&nbsp;员&nbsp;&nbsp;王某</div></body></html>"
    )
    lines = [line for line in clean(page).split("\n") if line.strip()]
    assert lines == [
        "北京市朝阳区人民法院",
        "发出执行通知书、报告财产令。",
        "依照《最高人民法院关于适用<中华人民共和国民事诉讼法>的解释》第五百一十七条",
        "审 判 员  王某",
    ]
    plain = "依照《最高人民法院关于适用<中华人民共和国民事诉讼法>的解释》第五百一十九条规定"
    assert clean(plain) == plain  # not HTML: the half-width marks are text


def test_clean_rejoins_hard_wrapped_lines_only() -> None:
    from termination.analysis.parsing import clean

    text = (
        "张某、李某民间借贷纠纷执行实施类执行裁定书\n"  # a title line is not joined to the court line
        "北京市朝阳区人民法院\n"
        "申请执行人：张某，男，1980年1月1日出生，住北京市朝阳区。\n"
        "本院于2023年1月6日向被执行人发出执行通知书、报告财产令，通过网络执行查控系统查询被执\n"
        "行人名下的存款、车辆等财产，依据本院（2022）京0105民初1号民事判决书\n"
        "确定的义务责令其履行。\n"
        "序号\t财产类型\t查询日期\t查询结果为无可供执行的财产信息\n"
        "1\t银行存款\t2023-01-06\t无\n"
        "执行过程中，本院采取了以下措施：一、发出执行通知书及报告财产令并责令被执行人履行义务\n"
        "二、查询被执行人名下财产。"
    )
    assert clean(text).split("\n") == [
        "张某、李某民间借贷纠纷执行实施类执行裁定书",
        "北京市朝阳区人民法院",
        "申请执行人：张某，男，1980年1月1日出生，住北京市朝阳区。",
        ("本院于2023年1月6日向被执行人发出执行通知书、报告财产令，通过网络执行查控系统查询被执行人名下的存款、车辆等财产，"
        "依据本院（2022）京0105民初1号民事判决书确定的义务责令其履行。"),
        "序号\t财产类型\t查询日期\t查询结果为无可供执行的财产信息",
        "1\t银行存款\t2023-01-06\t无",
        "执行过程中，本院采取了以下措施：一、发出执行通知书及报告财产令并责令被执行人履行义务",
        "二、查询被执行人名下财产。",
    ]


def test_cut_appendix_heading_naming_the_ruling_document() -> None:
    body = "裁定如下：\n终结本次执行程序。\n审判员　王某\n书记员　李某\n"
    assert cut_appendix(body + "附：本裁定书引用的法律条文\n第五百一十七条……") == body.rstrip()


def test_relative_dates() -> None:
    from datetime import date

    from termination.analysis.parsing import iter_dates

    text = "于2024年3月6日发出，于同月8日送达；同日查询，次日反馈，同年5月6日约谈。"
    got = [d for _, _, d, _ in iter_dates(text, relative=True)]
    assert got == [date(2024, 3, 6), date(2024, 3, 8), date(2024, 3, 8), date(2024, 3, 9), date(2024, 5, 6)]
    assert [d for _, _, d, _ in iter_dates(text)] == [date(2024, 3, 6)]  # absolute dates only by default


# ---------------------------------------------------------------- bounded cost (#14)


@pytest.mark.parametrize("unit", ["1", "123,", " ", "\t", "\u3000", " \n"])
def test_long_runs_of_digits_or_spaces_analyse_in_linear_time(unit: str) -> None:
    """#14 campaign: patterns that may start anywhere in a run of digits (an amount) or of
    whitespace (``\\s*`` before a keyword) were tried at every position of it: 20,000 digits took
    34 s, 20,000 spaces 25 s, and 200,000 characters about an hour on the command line and in the
    workbench's review (the service kills an analysis at 5 s). Now a few hundredths of a second;
    the bound is a hundred times that and a tenth of the old cost."""
    import time

    from termination.analysis import analyze_text

    analyze_text("执行裁定书")  # loads what the first analysis loads
    started = time.perf_counter()
    analyze_text(unit * (20_000 // len(unit)))
    assert time.perf_counter() - started < 3.0


def test_an_amount_is_read_from_its_first_digit_and_long_spaces_are_cut() -> None:
    from termination.analysis.parsing import AMOUNT_RE, clean

    assert [m.group() for m in AMOUNT_RE.finditer("执行到位3,022.46元，尚欠1234,567元，已履行,500元")] == [
        "3,022.46元", "500元"]  # a malformed number is not read from its middle
    assert clean("审判长" + " " * 200 + "张三") == "审判长" + " " * 32 + "张三"
    assert clean("审判长" + " " * 32 + "张三") == "审判长" + " " * 32 + "张三"
