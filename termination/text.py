"""Chinese text formatting: the one home for money, dates, numerals and lists.

Used by the rule messages (the Jinja environment of :mod:`termination.findings`), the documents
(:mod:`termination.render`), the review cross-checks and anything else that prints a value
for a person to read. :data:`FILTERS` is the set of Jinja filters every text environment shares.

Money capitals follow 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》:
"拾" always carries its digit (壹拾); one 零 for a run of zeros inside the number; 整 after
元 (and, as the form allows, after 角) but never after 分; 元 is followed by 零 when the 角
digit is 0 and the 分 digit is not. Where the rules make 零 optional (the 元 or 万 digit is 0
and the next digit is not), it is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["FILTERS", "amount_in_words", "cn_date", "cn_number", "join_cn", "money", "term", "ymd"]

Amount = Decimal | int | float | str

_NUMERALS = "〇一二三四五六七八九"
_CAPITALS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")
_CENT = Decimal("0.01")


# ---------------------------------------------------------------- numbers


def cn_number(n: int) -> str:
    """0 ≤ n < 10000 as article numbers and counts are written: 10 → 十, 110 → 一百一十, 517 → 五百一十七.

    Raises:
        ValueError: ``n`` negative or ≥ 10000.
    """
    if n < 0 or n >= 10_000:
        raise ValueError(f"数字{n}超出范围（0至9999）")
    if n == 0:
        return _NUMERALS[0]
    parts: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, unit)
        if digit:
            if zero:
                parts.append("零")  # 一百零五, 一千零五十
                zero = False
            parts.append(_NUMERALS[digit] + name)
        elif parts and n:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text  # 十二, but 一百一十二


# ---------------------------------------------------------------- dates


def ymd(d: date | str) -> str:
    """A date in running text: ``2024年3月6日`` (Arabic numerals; ISO strings accepted)."""
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return f"{d.year}年{d.month}月{d.day}日"


def cn_date(d: date) -> str:
    """A date as signed under a court document: 2026-11-21 → 二〇二六年十一月二十一日."""
    year = "".join(_NUMERALS[int(c)] for c in str(d.year))
    return f"{year}年{cn_number(d.month)}月{cn_number(d.day)}日"


# ---------------------------------------------------------------- lists


def join_cn(items: Iterable[object]) -> str:
    """Items joined with the enumeration comma: ``甲、乙、丙``."""
    return "、".join(str(i) for i in items)


def join_clauses(items: Iterable[object]) -> str:
    """Clauses joined with the semicolon: ``甲未记录；乙未记录``."""
    return "；".join(str(i) for i in items)


# ---------------------------------------------------------------- money


def _to_cents(amount: Amount) -> int:
    if type(amount) is float:  # the usual case: facts hold amounts as floats (every case words one)
        digits = repr(amount)  # the shortest text that reads back as this float, as str() gives
        if "e" not in digits and "n" not in digits:  # not 1e+16, inf or nan: those take the long way
            whole, _, fraction = digits.lstrip("-").partition(".")
            # the cents, half up (away from zero) on the third decimal: what Decimal.quantize gives
            cents = int(whole) * 100 + int(fraction[:2].ljust(2, "0")) + (fraction[2:3] >= "5")
            return -cents if digits[0] == "-" else cents
    try:
        value = Decimal(str(amount)).quantize(_CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise ValueError(f"金额“{amount}”不是有效数字") from None
    return int(value * 100)


def money(amount: Amount) -> str:
    """``Decimal("312619")`` → ``312,619.00元`` (thousands separators, two decimals, half up).

    A negative amount keeps its sign (a rule message may state an overpayment).
    """
    cents = _to_cents(amount)
    sign, cents = ("-", -cents) if cents < 0 else ("", cents)
    return f"{sign}{cents // 100:,}.{cents % 100:02d}元"


def _integer(n: int) -> str:
    """Capitals of the yuan part (without 元); ``""`` for 0.

    From 一亿 up, the part above 亿 is written the same way and followed by 亿 (壹万亿, 壹拾万零伍亿):
    case records allow amounts up to 10¹⁶ yuan.
    """
    if n >= 100_000_000:
        high, low = divmod(n, 100_000_000)
        if not low:
            return _integer(high) + "亿"
        # 千万位是"0"时写一个"零"（壹亿零伍佰万），与亿以下的写法一致
        return _integer(high) + "亿" + ("零" if low < 10_000_000 else "") + _integer(low)
    digits = str(n) if n else ""
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
            out.append(_CAPITALS[int(ch)] + _SMALL_UNITS[small])
            group_has_digit = True
        if small == 0 and group > 0:
            if group_has_digit:
                out.append(_GROUP_UNITS[group])
                zero = False  # 万位是"0"而千位不是"0"时，"零"可写可不写：不写
            group_has_digit = False
    return "".join(out)


def amount_in_words(amount: Amount) -> str:
    """Chinese capitals of an amount in yuan: ``312619.00`` → ``叁拾壹万贰仟陆佰壹拾玖元整``.

    Raises:
        ValueError: a negative or non-numeric amount.
    """
    cents = _to_cents(amount)
    if cents < 0:
        raise ValueError(f"金额不能为负数（{amount}）")
    yuan, fraction = divmod(cents, 100)
    jiao, fen = divmod(fraction, 10)
    head = _integer(yuan)
    if yuan and fraction == 0:
        return head + "元整"
    if not yuan and not fraction:
        return "零元整"
    out = head + "元" if yuan else ""
    if jiao:
        out += _CAPITALS[jiao] + "角"
    elif yuan:  # 角位是"0"而分位不是"0"时，"元"后面应写"零"字
        out += "零"
    if fen:
        out += _CAPITALS[fen] + "分"
    else:
        out += "整"  # 在"角"之后可以写"整"字
    return out


def term(value: str, enum: str) -> str:
    """Jinja filter ``{{ value | term("asset_categories") }}``: the glossary term of an enum value."""
    from termination import glossary  # the glossary file is read on first use only

    return glossary.term(enum, value)


#: Jinja filters shared by every text environment (rule messages and documents).
FILTERS: dict[str, Callable[..., str]] = {
    "money": money,
    "amount_in_words": amount_in_words,
    "ymd": ymd,
    "cn_date": cn_date,
    "cn_number": cn_number,
    "join_cn": join_cn,
    "join_clauses": join_clauses,
    "term": term,
}
