"""Amounts: thousands separators and Chinese capitals (《正确填写票据和结算凭证的基本规定》)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from termination.render.amounts import amount_in_words, money


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
     ("999.999", "1,000.00元")],
)
def test_money(amount: str, expected: str) -> None:
    assert money(Decimal(amount)) == expected
