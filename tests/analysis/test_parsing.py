"""Unit tests of the regex helpers: dates, case numbers, amounts, numerals, appendix cutting."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from termination.analysis import cut_appendix, normalize_case_number, parse_amount, parse_date
from termination.analysis.parsing import cn_to_int, int_to_cn, normalize


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
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["二〇二三年二月三十日", "2023年13月1日", "本案无日期", "12020年1月1日"])
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
        ("偿还借款400，000元及利息", Decimal("400000")),
        ("本金400,000.00元", Decimal("400000")),
        ("412,345.67元", Decimal("412345.67")),
        ("执行标的共计40万元", Decimal("400000")),
        ("4.5万元", Decimal("45000")),
        ("人民币贰拾万元", Decimal("200000")),
        ("罚款人民币壹万元整", Decimal("10000")),
        ("壹仟贰佰叁拾肆元伍角陆分", Decimal("1234.56")),
        ("二十万元", Decimal("200000")),
        ("余额36.52元", Decimal("36.52")),
        ("执行到位0元", Decimal("0")),
        ("1,260元", Decimal("1260")),
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


@pytest.mark.parametrize(("n", "expected"), [(225, "二百二十五"), (232, "二百三十二"), (110, "一百一十"), (105, "一百零五"), (12, "十二")])
def test_int_to_cn(n: int, expected: str) -> None:
    assert int_to_cn(n) == expected


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
