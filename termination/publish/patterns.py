"""Personal data in free text: the kinds 法释〔2016〕19号第十条第一款 names, found by pattern.

Each finder returns :class:`Hit` spans over the text as given (full-width digits are read as
digits, one character for one, so spans stay valid). Numbers are validated before they count,
so ordinary figures (amounts, dates, case numbers) are left alone:

* 公民身份号码 — 18 characters per GB 11643-1999 (a real birth date and the ISO 7064 MOD 11-2
  check character, through ``python-stdnum``), or the old 15-digit form (a real birth date in
  19YY); a valid 统一社会信用代码 (GB 32100-2015) is an organisation's code, not an ID number.
* 通讯方式 — mainland mobile and fixed-line numbers as Google's libphonenumber knows them
  (``phonenumbers``, valid numbers only), any number the text names as a telephone number, any
  11-digit 1[3-9]… run that is not an amount, e-mail addresses, and QQ / 微信 accounts named as such.
* 银行账号 — 16–19 digits passing the Luhn check (bank cards), and any run of 8–30 digits
  after 账号 / 账户 / 卡号 / 尾号.
* 车牌号码 — a province abbreviation, the issuing authority's letter, an optional separator
  (川A·5K2J8), then five characters (ordinary plates) or six (new-energy plates: D/F before
  or after the digits), at least one a digit; 挂 / 学 / 警 suffixes included.
* 动产或不动产权属证书编号 — 不动产权证书 (京（2019）朝阳区不动产权第0012345号), 房产证
  (X京房权证朝字第123456号, 沪房地浦字（2005）第012345号), 土地证 (京朝国用（2008）第1234号),
  and any number after 证号 / 证书编号 / 登记证书号.
* 健康状况 — a clause (between commas) that speaks of illness, disability, treatment or
  pregnancy: the clause is removed.

Street addresses below the county are found by :mod:`termination.publish.places`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

Kind = Literal["id_number", "phone", "email", "im_account", "bank_account", "plate", "certificate", "health", "address"]

# The Chinese name of each kind (the clerk's report) is in rulesets/publication.yaml (kinds).


@dataclass(frozen=True)
class Hit:
    """One piece of personal data found in a text."""

    kind: Kind
    start: int
    end: int
    keep: int = 0  # leading characters that stay (川A of a plate)


_FULL = str.maketrans("０１２３４５６７８９ＸｘＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＳＴＵＶＷＹＺ－",
                      "0123456789XxABCDEFGHJKLMNPQRSTUVWYZ-")


def ascii_digits(text: str) -> str:
    """Full-width digits, letters and hyphens read as ASCII, one character for one."""
    return text.translate(_FULL)


# ---------------------------------------------------------------- 身份证号码 (GB 11643-1999)

_ID18_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
_ID15_RE = re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])")


def is_id_number(number: str) -> bool:
    """A resident identity number: 18 characters with a real birth date and a valid check
    character (GB 11643-1999), or 15 digits with a real birth date in 19YY (the old form)."""
    from stdnum.cn import ric

    number = number.upper()
    if len(number) == 18:
        if not number[:17].isdigit() or ric.calc_check_digit(number) != number[-1]:
            return False
        return _real_date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    if len(number) == 15 and number.isdigit():
        return _real_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    return False


def _real_date(y: int, m: int, d: int) -> bool:
    from termination.limits import DATE_MAX, DATE_MIN  # the dates a record may hold

    try:
        return DATE_MIN <= date(y, m, d) <= DATE_MAX
    except ValueError:
        return False


def is_credit_code(code: str) -> bool:
    """A valid 统一社会信用代码 (GB 32100-2015 check character)."""
    from stdnum.cn import uscc

    return bool(uscc.is_valid(code))


def id_numbers(text: str) -> list[Hit]:
    """公民身份号码 in ``text`` (法释〔2016〕19号第十条第一款第（一）项)."""
    t = ascii_digits(text)
    hits = [Hit("id_number", m.start(), m.end()) for m in _ID18_RE.finditer(t)
            if is_id_number(m[0]) and not is_credit_code(m[0])]
    hits += [Hit("id_number", m.start(), m.end()) for m in _ID15_RE.finditer(t) if is_id_number(m[0])]
    return hits


# ---------------------------------------------------------------- 通讯方式

# Numbers libphonenumber would not call valid are still someone's number when the text says so,
# and an 11-digit 1[3-9]… run reads as a mobile number unless it is an amount.
_NAMED_PHONE_RE = re.compile(r"(?:电话|手机|联系方式|联系号码|号码|Tel|TEL|tel)[:：为是\s]*(?:号码)?[:：为是\s]*"
                             r"(?P<n>\+?\d[\d\s-]{5,16}\d)(?![\d.元万])")
_MOBILE_RE = re.compile(r"(?<![\d.])1[3-9]\d{9}(?![\d.元万])")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_IM_RE = re.compile(r"(?:微信号?|QQ号?|qq号?)[:：为是\s]*(?P<id>[A-Za-z][A-Za-z0-9_-]{5,19}|\d{5,12})")


def phones(text: str) -> list[Hit]:
    """Telephone numbers, e-mail addresses and QQ / 微信 accounts (第十条第一款第（一）项：通讯方式)."""
    import phonenumbers

    t = ascii_digits(text)
    hits = [Hit("phone", m.start, m.end)
            for m in phonenumbers.PhoneNumberMatcher(t, "CN", leniency=phonenumbers.Leniency.VALID)
            if t[m.end:m.end + 1] not in (".", "元", "万")]  # 13012345678元 is an amount
    hits += [Hit("phone", m.start("n"), m.end("n")) for m in _NAMED_PHONE_RE.finditer(t)]
    hits += [Hit("phone", m.start(), m.end()) for m in _MOBILE_RE.finditer(t)]
    hits += [Hit("email", m.start(), m.end()) for m in _EMAIL_RE.finditer(t)]
    hits += [Hit("im_account", m.start("id"), m.end("id")) for m in _IM_RE.finditer(t)]
    return hits


# ---------------------------------------------------------------- 银行账号

_DIGIT_RUN_RE = re.compile(r"(?<![0-9A-Za-z])\d(?:[ -]?\d){15,18}(?![0-9A-Za-z])")
_ACCOUNT_RE = re.compile(r"(?:账号|帐号|账户|帐户|卡号|尾号)[:：为是\s]*(?P<n>\d(?:[ -]?\d){3,29})(?![0-9])")


def luhn_valid(digits: str) -> bool:
    """The Luhn (ISO/IEC 7812) check of a card number."""
    from stdnum import luhn

    return bool(luhn.is_valid(digits))


def bank_accounts(text: str) -> list[Hit]:
    """Bank card numbers (Luhn) and numbers named as accounts (第十条第一款第（一）项、第（二）项)."""
    t = ascii_digits(text)
    hits = []
    for m in _DIGIT_RUN_RE.finditer(t):
        digits = re.sub(r"[ -]", "", m[0])
        if 16 <= len(digits) <= 19 and luhn_valid(digits) and not is_id_number(digits):
            hits.append(Hit("bank_account", m.start(), m.end()))
    hits += [Hit("bank_account", m.start("n"), m.end("n")) for m in _ACCOUNT_RE.finditer(t)]
    return hits


# ---------------------------------------------------------------- 车牌号码 (GA 36)

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE_RE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<head>[{PROVINCES}][A-HJ-NP-Z])[·•・.\s-]?"
    r"(?P<tail>[A-HJ-NP-Z0-9]{5,6})(?P<suffix>[挂学警])?(?![A-Za-z0-9])"
)


def plates(text: str) -> list[Hit]:
    """车牌号码 (第十条第一款第（一）项、第（二）项): the province and the issuing authority's letter stay."""
    t = ascii_digits(text)
    return [Hit("plate", m.start(), m.end(), keep=len(m["head"])) for m in _PLATE_RE.finditer(t)
            if any(c.isdigit() for c in m["tail"])]


# ---------------------------------------------------------------- 权属证书编号

_YEAR = r"[（(]\d{4}[)）]"
_CERT_RES = (
    # 不动产权证书 / 不动产登记证明：京（2019）朝阳区不动产权第0012345号
    re.compile(rf"[{PROVINCES}]{_YEAR}[\u4e00-\u9fff]{{0,12}}?不动产(?:权|证明)第\s*\d+\s*号"),
    # 房屋所有权证：X京房权证朝字第123456号；沪房地浦字（2005）第012345号
    re.compile(rf"[A-Za-z]?[\u4e00-\u9fff]{{0,6}}房(?:权证|地产权证|产证|地)[\u4e00-\u9fff]{{0,6}}?字?(?:{_YEAR})?第\s*[0-9A-Za-z-]+\s*号"),
    # 国有土地使用证：京朝国用（2008）第1234号
    re.compile(rf"[\u4e00-\u9fff]{{0,6}}[国集]用{_YEAR}第?\s*[0-9A-Za-z-]+\s*号"),
    # any number named as a certificate's: 证号 / 证书编号 / 登记证书号 / 产权证号：…
    re.compile(r"(?<=证号|编号)[:：为是\s]*[0-9A-Za-z][0-9A-Za-z-]{4,29}"),
)
_CERT_CONTEXT_RE = re.compile(r"(?:证书?|权证|登记证明?)(?:号码|编号|号)$")


def certificates(text: str) -> list[Hit]:
    """动产或不动产权属证书编号 (第十条第一款第（一）项、第（二）项)."""
    t = ascii_digits(text)
    hits = []
    for i, rx in enumerate(_CERT_RES):
        for m in rx.finditer(t):
            if i == len(_CERT_RES) - 1 and not _CERT_CONTEXT_RE.search(t[max(0, m.start() - 8):m.start()]):
                continue  # 编号 alone (a case's 编号, a serial number) is not a certificate number
            start = m.start() + len(m[0]) - len(m[0].lstrip(":：为是 "))
            hits.append(Hit("certificate", start, m.end()))
    return hits


# ---------------------------------------------------------------- 健康状况

_HEALTH_RE = re.compile(
    r"患有|患病|身患|罹患|病重|重病|疾病|病情|病危|癌|肿瘤|尿毒症|白血病|艾滋|传染病|精神病|精神障碍|残疾|伤残|瘫痪|"
    r"住院|诊断|治疗|手术|透析|化疗|失能|失智|植物人|卧床|怀孕|妊娠|孕期|哺乳期|病逝"
)
_CLAUSE_RE = re.compile(r"[^，,；;。！？\n]+[，,；;]?")


def health(text: str) -> list[Hit]:
    """Clauses about health (第十条第一款第（一）项：健康状况): the whole clause goes."""
    return [Hit("health", m.start(), m.end()) for m in _CLAUSE_RE.finditer(text) if _HEALTH_RE.search(m[0])]


# ---------------------------------------------------------------- all of them


def find(text: str) -> list[Hit]:
    """Every piece of personal data in ``text``: longest first where they overlap."""
    from termination.publish import places

    hits = [*id_numbers(text), *bank_accounts(text), *phones(text), *plates(text), *certificates(text),
            *places.street_addresses(text), *health(text)]
    return merge(hits)


def merge(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits in text order; of overlapping ones the wider wins (an ID number
    inside an account number is one account number)."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if out and h.start < out[-1].end:
            if h.end > out[-1].end:  # overlapping tails: extend the earlier hit
                last = out[-1]
                out[-1] = Hit(last.kind, last.start, h.end, last.keep)
            continue
        out.append(h)
    return out


@lru_cache(maxsize=1)
def warm() -> None:
    """Load the number libraries once (the service does it at start)."""
    import phonenumbers  # noqa: F401
    from stdnum import luhn  # noqa: F401
    from stdnum.cn import ric, uscc  # noqa: F401
