"""Pure regex helpers for published ruling text: normalisation, dates, case numbers, amounts.

Everything here works on the *normalised* text produced by :func:`normalize`, which maps
full-width ASCII (digits, brackets, commas, colons, semicolons) to half-width one character
for one character, so offsets in the normalised text are offsets in the original text too.
No jieba here: these helpers are cheap and import-safe.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from decimal import Decimal, InvalidOperation

# ---------------------------------------------------------------- normalisation

_TRANSLATE: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_TRANSLATE.update(
    {
        0x3000: " ",  # ideographic space
        0x00A0: " ",
        0xFEFF: " ",  # BOM left inside text
        0x200B: " ",
        0x200C: " ",
        0x200D: " ",
        0x2002: " ",
        0x2003: " ",
        0x2009: " ",
        ord("\t"): " ",
        ord("\r"): "\n",
        ord("\u2028"): "\n",
        ord("\u2029"): "\n",
        ord("\u3010"): "[",  # 【
        ord("\u3011"): "]",  # 】
        ord("\ufe59"): "(",
        ord("\ufe5a"): ")",
    }
)


# Private-use characters: scraped 裁判文书 pages carry them where paragraph marks were.
_TRANSLATE.update({cp: "\n" for cp in range(0xE000, 0xF900)})


def normalize(text: str) -> str:
    """Map full-width ASCII and odd spaces to plain ASCII; the result has the same length."""
    return text.translate(_TRANSLATE)


# ---------------------------------------------------------------- clean-up of pasted text

# A page copied from a court website: tags, entities.  Only ASCII tag names count, so the
# half-width book-title marks of 《…适用<中华人民共和国民事诉讼法>的解释》 are left alone.
_HTML_HINT_RE = re.compile(
    r"<\s*/?\s*(?:html|body|div|p|br|span|font|td|tr|table|center|strong|b|meta|title|head|a)\b[^<>]*>"
    r"|&(?:nbsp|ensp|emsp|lt|gt|amp|quot|#\d{2,6}|#x[0-9a-fA-F]{2,5});",
    re.IGNORECASE,
)
_HTML_DROP_RE = re.compile(r"<!--.*?-->|<\s*(head|script|style|title)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_BLOCK_RE = re.compile(r"<\s*/?\s*(?:br|p|div|tr|li|h[1-6]|table|tbody|center|blockquote|pre)\b[^<>]*>", re.IGNORECASE)
_HTML_CELL_RE = re.compile(r"<\s*/?\s*t[dh]\b[^<>]*>", re.IGNORECASE)
_HTML_TAG_RE = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9:-]*\b[^<>]*>|<\s*/\s*[A-Za-z][A-Za-z0-9]*\s*>")
# Hard-wrapped text (copied from a PDF): a line that stops in mid-sentence continues on the
# next line unless that line opens a paragraph, a list item, a party entry, a signature or
# an appendix.  Lines of a table (tab or wide gaps) and short lines (titles) stay as they are.
_WRAP_MIN = 20
_LINE_END_OK = "。;；:：!！?？"
_NEW_LINE_RE = re.compile(
    r"\s|[一二三四五六七八九十]+[、.．]|[(（〔][一二三四五六七八九十\d]{1,3}[)）〕]|\d{1,2}[、.．]|附|"
    r"(?:申请执行人|被执行人|被申请人|申请人|异议人|复议申请人|案外人|法定代表人|法定代理人|负责人|"
    r"委托(?:诉讼)?代理人|特别授权代理人|诉讼代理人|经营者|投资人|执行事务合伙人)\s*[:：(（]|"
    r"审\s*判\s*[长员]|代\s*理\s*审\s*判\s*员|人\s*民\s*陪\s*审\s*员|执\s*行\s*[员长]|书\s*记\s*员|法\s*官\s*助\s*理"
)
_TITLE_END_RE = re.compile(r"(?:裁定书|决定书|通知书|判决书|调解书|法院|分院)\s*$")  # a title or court line
_CLAUSE_MARK_RE = re.compile(r"[，,。；;]")  # … unless it is prose


def _strip_html(text: str) -> str:
    import html

    text = _HTML_DROP_RE.sub("", text)
    text = _HTML_BLOCK_RE.sub("\n", text)
    text = _HTML_CELL_RE.sub("\t", text)
    text = _HTML_TAG_RE.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    return re.sub(r"\n[ \t\u3000]*(?=\n)", "", text)  # <p>…</p><p>…</p>: one break, not three


def _unwrap(text: str) -> str:
    lines = text.split("\n")
    out: list[list[str]] = []  # pieces of each output line (joined once: linear time)
    joining = False
    for i, line in enumerate(lines):
        continued = joining and bool(out)
        if continued:
            out[-1].append(line.lstrip())
        else:
            out.append([line])
        body = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        joining = (
            len(body) >= _WRAP_MIN
            and body[-1] not in _LINE_END_OK
            and "\t" not in body
            and "  " not in body
            # a title stands on its own line; inside a wrapped paragraph 判决书 is just prose
            and (continued or not (_TITLE_END_RE.search(body) and not _CLAUSE_MARK_RE.search(body)))
            and bool(nxt.strip())
            and not _NEW_LINE_RE.match(nxt)
        )
    return "\n".join("".join(pieces) for pieces in out)


def clean(text: str) -> str:
    """Text as a reader sees it: HTML tags and entities removed, line ends unified, hard-wrapped
    lines re-joined.  Unlike :func:`normalize` this may change the length."""
    if _HTML_HINT_RE.search(text):
        text = _strip_html(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _LONG_SPACE_RE.sub(lambda m: m.group()[:_MAX_SPACE], text)
    return _unwrap(text)


#: Whitespace a ruling's layout needs at most in one run (alignment of the signatures, blank
#: lines). Longer runs are cut to it: many patterns allow ``\s*`` before what they look for, and
#: trying them at every position of a long run made the analysis quadratic (20,000 spaces took
#: 25 s, #14 campaign).
_MAX_SPACE = 32
_LONG_SPACE_RE = re.compile(rf"\s{{{_MAX_SPACE + 1},}}")


# ---------------------------------------------------------------- Chinese numerals

_CN_DIGIT = {
    "〇": 0, "○": 0, "◯": 0, "零": 0, "O": 0, "o": 0, "Ο": 0, "О": 0, "0": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7,
    "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_CN_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def cn_to_int(s: str) -> int | None:
    """Parse a Chinese (or Arabic) integer: 五百一十七 -> 517, 贰拾万 -> 200000, 十一 -> 11."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total = section = number = 0
    for ch in s:
        if ch in _CN_DIGIT:
            number = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            section += (number or 1) * _CN_UNIT[ch]
            number = 0
        elif ch in _CN_BIG:
            total += (section + number) * _CN_BIG[ch]
            section = number = 0
        else:
            return None
    return total + section + number


# ---------------------------------------------------------------- dates

_YEAR_CHARS = "〇○◯零OoΟО0-9一二三四五六七八九"
_MD = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
# 2023年1月5日 / 二〇二三年一月五日, and the numeric forms 2023-01-05, 2023.1.5, 2023/1/5 seen in
# tables and hasty texts (same separator twice; not part of a longer number).
DATE_RE = re.compile(
    rf"(?<![0-9])(?P<y>[{_YEAR_CHARS}]{{4}})\s*年\s*(?P<m>{_MD}|元)\s*月\s*(?P<d>{_MD})\s*日"
    r"|(?<![\d.,/-])(?P<ny>(?:19|20)\d{2})(?P<sep>[-./])(?P<nm>\d{1,2})(?P=sep)(?P<nd>\d{1,2})(?![\d])(?!\.\d)"
)


def _date_from_match(m: re.Match[str]) -> date | None:
    if m.group("ny") is not None:
        try:
            return date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
        except ValueError:
            return None
    y = m.group("y")
    digits = [_CN_DIGIT.get(ch, int(ch) if ch.isdigit() else -1) for ch in y]
    if any(d < 0 for d in digits):
        return None
    year = int("".join(str(d) for d in digits))
    month = 1 if m.group("m") == "元" else cn_to_int(m.group("m"))  # 元月 = 一月
    day = cn_to_int(m.group("d"))
    if month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_cn_year(m: re.Match[str]) -> bool:
    """True when the year is written in Chinese numerals (二〇二四, 二O二O), as in a signature."""
    y = m.group("y")
    return y is not None and (not y.isascii() or not y.isdigit())


# Dates written relative to the one before: 于同月8日送达 / 同日 / 次日 / 同年5月6日.
_RELATIVE_RE = re.compile(
    rf"同日|当日|当天|次日|翌日|同月\s*(?P<day>{_MD})\s*日|同年\s*(?P<month>{_MD})\s*月\s*(?P<mday>{_MD})\s*日"
)


def iter_dates(
    text: str, start: int = 0, end: int | None = None, *, relative: bool = False
) -> list[tuple[int, int, date, bool]]:
    """All valid dates in ``text[start:end]``: (start, end, date, written_in_chinese).

    With ``relative``, 同日 / 次日 / 同月8日 / 同年5月6日 count too, resolved against the date
    written before them.
    """
    stop = len(text) if end is None else end
    out: list[tuple[int, int, date, bool]] = []
    for m in DATE_RE.finditer(text, start, stop):
        d = _date_from_match(m)
        if d is not None:
            out.append((m.start(), m.end(), d, is_cn_year(m)))
    if not relative or not out:
        return out
    found = sorted(out + [(m.start(), m.end(), None, False) for m in _RELATIVE_RE.finditer(text, out[0][1], stop)])  # type: ignore[misc]
    resolved: list[tuple[int, int, date, bool]] = []
    last: date | None = None
    for s, e, d, cn in found:
        if d is None:
            d = _relative(text[s:e], last) if last is not None else None
            if d is None:
                continue
        resolved.append((s, e, d, cn))
        last = d
    return resolved


def _relative(word: str, base: date) -> date | None:
    from datetime import timedelta

    m = _RELATIVE_RE.fullmatch(word)
    if m is None:
        return None
    try:
        if m.group("day"):
            day = cn_to_int(m.group("day"))
            return date(base.year, base.month, day) if day else None
        if m.group("month"):
            month, day = cn_to_int(m.group("month")), cn_to_int(m.group("mday"))
            return date(base.year, month, day) if month and day else None
    except ValueError:
        return None
    return base + timedelta(days=1) if word in ("次日", "翌日") else base


def parse_date(text: str) -> date | None:
    """First date in ``text``: 二〇二四年五月六日, 二○二四年…, 二O二O年…, 2024年5月6日."""
    for _, _, d, _ in iter_dates(normalize(text)):
        return d
    return None


# ---------------------------------------------------------------- case numbers

# 案号：“（”+收案年度+“）”+法院代字+类型代字+案件编号+“号” —《关于人民法院案件案号的若干规定》第三条.
# Old style (before 2016) has 字第: （2015）朝执字第01234号. The Supreme People's Court's old
# numbers have no court code at all: （2013）执复字第2号.
_KINDS = (
    "执恢|执异|执复|执监|执保|执外|执协|执他|执督|执|民初|民终|民再|民申|民特|民撤|民督|民催|"
    "民辖终|民辖|民破|商初|商终|刑初|刑终|刑更|行初|行终|行审|财保|诉保|破申|破|仲裁|劳人仲案|劳仲案|"
    "经证|执证|证|仲"
)
# Old numbers also name the trial field of an execution (甬慈执民字第112号) and number a second
# ruling of the same case with a dash (皖1503执660-2号, 运执字第403-2号).
CASE_NO_RE = re.compile(
    r"[(〔\[]\s*(?P<year>(?:19|20)\d{2})\s*[)〕\]]\s*"
    r"(?P<court>[\u4e00-\u9fff]{0,8}?\s*\d{0,6})\s*"
    rf"(?P<kind>{_KINDS})(?:(?P<field>[民商刑行])(?=\s*字))?\s*(?P<zi>字\s*第)?\s*(?P<seq>\d{{1,8}}(?:-\d{{1,3}})?)\s*号"
    r"(?P<suffix>之[一二三四五六七八九十]+)?"
)
_EXECUTION_KINDS = frozenset({"执", "执恢", "执异", "执复", "执监", "执保", "执外", "执协", "执他", "执督"})
_OBJECTION_KINDS = frozenset({"执异", "执复", "执监"})


def _format_case_no(m: re.Match[str]) -> str:
    court = re.sub(r"\s+", "", m.group("court"))
    zi = "字第" if m.group("zi") else ""
    kind = m.group("kind") + (m.group("field") or "")
    return f"（{m.group('year')}）{court}{kind}{zi}{m.group('seq')}号{m.group('suffix') or ''}"


def normalize_case_number(text: str) -> str | None:
    """First case number in ``text``, normalised: (2024) 京0105 执 1234 号 -> （2024）京0105执1234号."""
    m = CASE_NO_RE.search(normalize(text))
    return _format_case_no(m) if m else None


def iter_case_numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
    """All case numbers in normalised ``text``: (start, end, normalised number, type code)."""
    return [
        (m.start(), m.end(), _format_case_no(m), m.group("kind"))
        for m in CASE_NO_RE.finditer(text, start, len(text) if end is None else end)
    ]


# Numbers of arbitral awards and other non-court titles written as 前缀字〔年度〕第N号:
# 武劳人仲案字〔2021〕第456号, 京仲裁字[2020]第0123号, 粤劳人仲(2021)123号.
# Found from the bracketed year (a fixed anchor) and read back for the prefix: a pattern that
# opened with a lazy CJK prefix was tried at every Chinese character of the text.
_OTHER_NO_RE = re.compile(
    r"[〔\[(]\s*(?P<year>(?:19|20)\d{2})\s*[〕\])]\s*"
    r"(?P<mid>[\u4e00-\u9fff]{0,4}?)\s*(?P<di>第)?\s*(?P<seq>\d{1,8})\s*号"
)
_PREFIX_RE = re.compile(r"[\u4e00-\u9fff]{1,24}\s*$")
# A number prefix ends where the sentence's own words stop: 作出的 / 依据 / …委员会.
_PRE_STOP_RE = re.compile(r".*(?:的|为|是|据|照|经|由|系|于|会|院|处|所|和|及|与|在|对|向)")


def iter_basis_numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
    """Case numbers (like :func:`iter_case_numbers`) plus arbitral-style numbers (type code ``其他``)."""
    stop = len(text) if end is None else end
    found = iter_case_numbers(text, start, stop)
    starts = [s for s, _, _, _ in found]  # sorted, non-overlapping
    last_end = start
    for m in _OTHER_NO_RE.finditer(text, start, stop):
        # the prefix: the (at most 24) Chinese characters right before the bracket, not reaching
        # back into the previous number
        before = _PREFIX_RE.search(text, max(last_end, m.start() - 30), m.start())
        if before is None:
            continue
        last_end = m.end()
        raw = before.group().rstrip()
        cut = _PRE_STOP_RE.match(raw)
        pre = raw[cut.end() if cut else 0 :]
        pre_start = before.start()
        if not pre or not (pre.endswith("字") or "仲" in pre):
            continue
        i = bisect.bisect_right(starts, m.end() - 1) - 1  # last court number starting inside or before
        if i >= 0 and found[i][1] > m.start():
            continue  # overlaps a court case number
        s = pre_start + (cut.end() if cut else 0)
        number = f"{pre}〔{m.group('year')}〕{m.group('mid')}{m.group('di') or ''}{m.group('seq')}号"
        found.append((s, m.end(), number, "其他"))
    return sorted(found)


def is_execution_kind(kind: str) -> bool:
    """True for execution case types (执, 执恢, 执异 …)."""
    return kind in _EXECUTION_KINDS


def is_objection_kind(kind: str) -> bool:
    """True for objection / review / supervision case types (执异, 执复, 执监)."""
    return kind in _OBJECTION_KINDS


# ---------------------------------------------------------------- amounts

_CAP = "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億〇一二两三四五六七八九十百千"
_JIAO = "零壹贰叁肆伍陆柒捌玖一二三四五六七八九"
#: A number starts where no digit (nor a digit and its separator) precedes it. A match starting
#: inside a number would only read its tail, and trying every start in a long run of digits made
#: the amount patterns quadratic: 20,000 digits took 34 s to analyse (#14 campaign).
_NUMBER_START = r"(?<!\d)(?<!\d[,.])"
# The same pattern without groups, to embed in other patterns (parse the match with AMOUNT_RE).
AMOUNT_TEXT = (
    rf"(?:人民币|¥|￥)?\s*(?:{_NUMBER_START}(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:万|亿)?"
    rf"|[{_CAP}]{{1,24}})\s*余?\s*元(?:[{_JIAO}]角)?(?:[{_JIAO}]分)?整?"
)
AMOUNT = (
    rf"(?:人民币|¥|￥)?\s*(?:{_NUMBER_START}(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万|亿)?"
    rf"|(?P<cap>[{_CAP}]{{1,24}}))\s*余?\s*元(?:(?P<jiao>[{_JIAO}])角)?(?:(?P<fen>[{_JIAO}])分)?整?"
)
AMOUNT_RE = re.compile(AMOUNT)


def amount_from_match(m: re.Match[str]) -> Decimal | None:
    """Decimal value of an :data:`AMOUNT` match."""
    try:
        if m.group("num") is not None:
            value = Decimal(m.group("num").replace(",", ""))
            unit = m.group("unit")
            if unit == "万":
                value *= 10_000
            elif unit == "亿":
                value *= 100_000_000
        else:
            n = cn_to_int(m.group("cap"))
            if n is None:
                return None
            value = Decimal(n)
            for group, scale in (("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
                if m.group(group):
                    value += Decimal(_CN_DIGIT[m.group(group)]) * scale
    except InvalidOperation:
        return None
    return value.quantize(Decimal("0.01"))


def parse_amount(text: str) -> Decimal | None:
    """First money amount in ``text``: 400，000元, 400,000.00元, 40万元, 人民币贰拾万元 -> Decimal."""
    m = AMOUNT_RE.search(normalize(text))
    return amount_from_match(m) if m else None


# ---------------------------------------------------------------- structure

# 裁定如下： (also 决定如下 / 判决如下), or a bare 裁定： right after the cited basis (之规定，裁定：).
DECISION_RE = re.compile(
    r"(?:裁\s*定|决\s*定|判\s*决)\s*如\s*下\s*:?|(?<=[,。定])\s*(?:特|现|故)?裁\s*定\s*:"
)
# Signature roles, possibly spaced out (审 判 长　张 三).
SIGNER_RE = re.compile(
    r"审\s*判\s*长|审\s*判\s*员|代\s*理\s*审\s*判\s*员|人\s*民\s*陪\s*审\s*员|执\s*行\s*员|"
    r"执\s*行\s*长|书\s*记\s*员|法\s*官\s*助\s*理"
)
# A statute appendix after the signature: 附：相关法律条文 / 附录 / 附本裁定适用的法律条文 …
_APPENDIX_AFTER_DATE_RE = re.compile(
    r"附\s*(?::|录|件|本|相关|法律|所)|相关\s*法律\s*(?:条文|条款|法条|规定)|"
    r"(?:适用|引用|依据)的?(?:相关)?法律(?:条文|条款|法条)|"
    # a statute quoted after the signature without a heading: a line opening with 《…》 or 第…条
    r"\n\s*《[^》\n]{2,60}》|\n\s*第\s*[零一二三四五六七八九十百千\d]+\s*条"
)
# Without a date line only an explicit heading counts.
_APPENDIX_STRONG_RE = re.compile(
    r"(?:^|\n)\s*(?:附\s*(?::|录)?\s*(?:本裁定书?|本案)?(?:所)?(?:适用|依据|引用)?的?(?:相关)?法律(?:条文|条款|法条|规定)|"
    r"附\s*录|相关\s*法律\s*条文)",
    re.MULTILINE,
)


def find_decision(text: str) -> re.Match[str] | None:
    """The ``裁定如下：`` marker that introduces the 裁定主文.

    The last one before a statute appendix wins: an objection ruling may quote the
    ``裁定如下`` of the ruling it reviews in its narrative.
    """
    strong = _APPENDIX_STRONG_RE.search(text, len(text) // 2)
    last = None
    for last in DECISION_RE.finditer(text, 0, strong.start() if strong else len(text)):
        pass
    return last


def find_ruling_date(text: str, decision_end: int | None) -> tuple[int, int, date] | None:
    """The date line of the ruling (its signature date).

    Preference: the first date written in Chinese numerals after ``裁定如下`` (body dates are
    in Arabic numerals); else one next to a signer line; else the last Chinese-numeral date;
    else an Arabic date next to a signer line after the decision.
    """
    after = decision_end or 0
    dates = iter_dates(text, after)
    cn = [d for d in dates if d[3]]
    if cn and decision_end is not None:
        s, e, d, _ = cn[0]
        return s, e, d
    signers = [m.start() for m in SIGNER_RE.finditer(text, after)]

    def near_signer(s: int, e: int) -> bool:
        return any(-80 <= s - p <= 80 or 0 <= p - e <= 40 for p in signers)

    for pool in (cn, [d for d in dates if not d[3]]):
        for s, e, d, _ in pool:
            if near_signer(s, e):
                return s, e, d
        if pool is cn and cn:
            s, e, d, _ = cn[-1]
            return s, e, d
    return None


def find_appendix(text: str, after: int | None) -> int | None:
    """Start of a statute appendix (附：相关法律条文 …) after the date line, or None."""
    if after is not None:
        m = _APPENDIX_AFTER_DATE_RE.search(text, after)
        return m.start() if m else None
    m = None
    for m in _APPENDIX_STRONG_RE.finditer(text, len(text) // 2):
        break
    return m.start() if m else None


def cut_appendix(text: str) -> str:
    """``text`` (cleaned, see :func:`clean`) without a statute appendix after the signature date."""
    text = clean(text)
    norm = normalize(text)
    decision = find_decision(norm)
    found = find_ruling_date(norm, decision.end() if decision else None)
    cut = find_appendix(norm, found[1] if found else None)
    return text if cut is None else text[:cut].rstrip()


