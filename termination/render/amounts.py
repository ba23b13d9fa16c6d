"""Money as court documents write it: ``315,619.00元`` and ``叁拾壹万伍仟陆佰壹拾玖元整``.

The capitals follow 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》:
"拾" always carries its digit (壹拾); one 零 for a run of zeros inside the number; 整 after
元 (and, as the form allows, after 角) but never after 分; 元 is followed by 零 when the 角
digit is 0 and the 分 digit is not. Where the rules make 零 optional (the 元 or 万 digit is 0
and the next digit is not), it is left out.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")
_CENT = Decimal("0.01")


def _to_cents(amount: Decimal | int | float | str) -> int:
    try:
        value = Decimal(str(amount)).quantize(_CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise ValueError(f"金额“{amount}”不是有效数字") from None
    if value < 0:
        raise ValueError(f"金额不能为负数（{amount}）")
    return int(value * 100)


def money(amount: Decimal | int | float | str) -> str:
    """``Decimal("312619")`` → ``312,619.00元`` (thousands separators, two decimals)."""
    cents = _to_cents(amount)
    return f"{cents // 100:,}.{cents % 100:02d}元"


def _integer(n: int) -> str:
    """Capitals of the yuan part (without 元); ``""`` for 0."""
    digits = str(n) if n else ""
    if len(digits) > 12:  # 不足一万亿元
        raise ValueError("金额过大（应小于一万亿元）")
    out: list[str] = []
    zero = False
    group_has_digit = False
    for i, ch in enumerate(digits):
        pos = len(digits) - 1 - i
        small, group = pos % 4, pos // 4
        if ch == "0":
            zero = bool(out)  # 中间连续有几个"0"时，只写一个"零"
        else:
            if zero:
                out.append("零")
                zero = False
            out.append(_DIGITS[int(ch)] + _SMALL_UNITS[small])
            group_has_digit = True
        if small == 0 and group > 0:
            if group_has_digit:
                out.append(_GROUP_UNITS[group])
                zero = False  # 万位是"0"而千位不是"0"时，"零"可写可不写：不写
            group_has_digit = False
    return "".join(out)


def amount_in_words(amount: Decimal | int | float | str) -> str:
    """Chinese capitals of an amount in yuan: ``312619.00`` → ``叁拾壹万贰仟陆佰壹拾玖元整``.

    Raises:
        ValueError: a negative, non-numeric or too large amount.
    """
    cents = _to_cents(amount)
    yuan, fraction = divmod(cents, 100)
    jiao, fen = divmod(fraction, 10)
    head = _integer(yuan)
    if yuan and fraction == 0:
        return head + "元整"
    if not yuan and not fraction:
        return "零元整"
    out = head + "元" if yuan else ""
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif yuan:  # 角位是"0"而分位不是"0"时，"元"后面应写"零"字
        out += "零"
    if fen:
        out += _DIGITS[fen] + "分"
    else:
        out += "整"  # 在"角"之后可以写"整"字
    return out
