"""Chinese text formatting: amounts (《正确填写票据和结算凭证的基本规定》), numerals, dates, lists."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from termination.text import amount_in_words, cn_date, cn_number, join_cn, money, ymd


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("312619.00", "叁拾壹万贰仟陆佰壹拾玖元整"),
        ("100000", "壹拾万元整"),  # 拾 always carries its digit in amounts
        ("1005.50", "壹仟零伍元伍角整"),  # one 零 for the zero run; 整 after 角 is allowed
        ("10", "壹拾元整"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),  # 角位为0而分位不为0：元后写零
        ("325.04", "叁佰贰拾伍元零肆分"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),  # 元位为0：零可写可不写（不写）
        ("107000.53", "壹拾万柒仟元伍角叁分"),  # 万位为0、千位不为0：零可不写
        ("1000700", "壹佰万零柒佰元整"),  # 千位、十位为0：中间连续的0只写一个零
        ("100010000", "壹亿零壹万元整"),
        ("200000000", "贰亿元整"),
        ("0.50", "伍角整"),
        ("0.05", "伍分"),  # 分后不写整
        ("0", "零元整"),
        ("8500", "捌仟伍佰元整"),
        # from 一万亿 up (records allow up to 10¹⁶ yuan): the part above 亿 is written the same way
        ("1000000000000", "壹万亿元整"),
        ("105000000", "壹亿零伍佰万元整"),
        ("1010000000", "壹拾亿壹仟万元整"),
        ("200000000000000", "贰佰万亿元整"),
        ("1000000050000000", "壹仟万亿伍仟万元整"),  # 亿位、万位为0而千万位不为0：零可不写
        ("9999999999999999.99", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_amount_in_words(amount: str, expected: str) -> None:
    assert amount_in_words(Decimal(amount)) == expected


def test_amount_in_words_rejects_negative_and_garbage() -> None:
    with pytest.raises(ValueError, match="负数"):
        amount_in_words(Decimal("-1"))
    with pytest.raises(ValueError, match="有效数字"):
        amount_in_words("abc")


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("312619", "312,619.00元"), ("8500.5", "8,500.50元"), ("0", "0.00元"), ("1234567.89", "1,234,567.89元"),
     ("999.999", "1,000.00元"), ("0.005", "0.01元"), ("-1500", "-1,500.00元")],
)
def test_money(amount: str, expected: str) -> None:
    assert money(Decimal(amount)) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(312619.0, "312,619.00元"), (8500.5, "8,500.50元"), (0.005, "0.01元"), (2.675, "2.68元"), (-0.005, "-0.01元"),
     (-1500.25, "-1,500.25元"), (0.004, "0.00元"), (-0.0, "0.00元"), (1e16, "10,000,000,000,000,000.00元"),
     (1e-7, "0.00元"), (9999999999999998.0, "9,999,999,999,999,998.00元")],
)
def test_money_of_a_float(amount: float, expected: str) -> None:
    """Facts hold amounts as floats: their shortest text is rounded half up, like the Decimal of it."""
    assert money(amount) == expected


def test_money_of_floats_as_decimal_rounds_them() -> None:
    rng = random.Random(15)
    values = [rng.randint(-10**12, 10**12) / 100 for _ in range(2000)] + [rng.uniform(-1e16, 1e16) for _ in range(2000)]
    values += [rng.randint(-10**9, 10**9) / 1000 for _ in range(2000)]  # a third decimal: 5 rounds up
    for v in values:
        assert money(v) == money(Decimal(str(v))), v


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "〇"), (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (31, "三十一"), (100, "一百"), (105, "一百零五"),
     (110, "一百一十"), (119, "一百一十九"), (225, "二百二十五"), (232, "二百三十二"), (236, "二百三十六"),
     (517, "五百一十七"), (519, "五百一十九"), (1000, "一千"), (1005, "一千零五"), (1010, "一千零一十"),
     (2050, "二千零五十"), (9999, "九千九百九十九")],
)
def test_cn_number(n: int, expected: str) -> None:
    assert cn_number(n) == expected


@pytest.mark.parametrize("n", [-1, 10_000])
def test_cn_number_out_of_range(n: int) -> None:
    with pytest.raises(ValueError, match="超出范围"):
        cn_number(n)


def test_ymd_and_join() -> None:
    assert ymd(date(2024, 3, 6)) == "2024年3月6日"
    assert ymd("2022-04-10") == "2022年4月10日"
    assert join_cn(["甲", 2, "丙"]) == "甲、2、丙"
    assert join_cn([]) == ""


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2020, 10, 1), "二〇二〇年十月一日"),
        (date(2022, 4, 10), "二〇二二年四月十日"),
        (date(2026, 11, 21), "二〇二六年十一月二十一日"),
        (date(2024, 12, 31), "二〇二四年十二月三十一日"),
        (date(2009, 2, 20), "二〇〇九年二月二十日"),
        (date(2030, 1, 30), "二〇三〇年一月三十日"),
        (date(2015, 11, 19), "二〇一五年十一月十九日"),
    ],
)
def test_cn_date(d: date, text: str) -> None:
    assert cn_date(d) == text
