"""Addresses: cut to the county, and street addresses found in free text.

法释〔2016〕19号第十条第一款第（一）项 deletes a natural person's home address, and 第十一条第（一）项
keeps 住所地所属县、区: a published ruling says 住安徽省宣城市宣州区. :func:`cut_to_county`
splits an address after its county-level unit, read against the table of administrative
divisions in ``corpus/divisions.tsv`` (province, city, county; the 2020 and 2025 editions merged,
so an address written before a merger — 南通市港闸区 — is still read). A county name is only
taken under the province and city the address names, so 朝阳区 of 北京市 is not that of 长春市.
Where the table does not know the county, the unit is read from the address's own structure
(a name ending in 区/县/旗/市 right after the city) and the cut is marked as a guess for the
clerk; where nothing can be read, the caller deletes the whole address.

:func:`street_addresses` finds addresses below the county in free text: a chain of address
components (…街道、…路、…村、…小区, 12号楼, 5单元, 602室…) after a division name, or a
chain on its own that holds a house number. Words already anonymised (某小区) are not addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from termination import paths
from termination.publish.patterns import Hit

DIVISIONS_FILE = paths.CORPUS / "divisions.tsv"


@dataclass(frozen=True)
class Division:
    code: str  # first six digits of the 行政区划代码
    name: str

    @property
    def level(self) -> str:
        """province / city / county, from the code."""
        if self.code[2:] == "0000":
            return "province"
        if self.code[4:] == "00":
            return "city"
        return "county"


@dataclass(frozen=True)
class Cut:
    """An address split after its county-level unit."""

    county: str  # 安徽省宣城市宣州区 (what stays)
    rest: str  # the part below the county (deleted)
    guessed: bool = False  # the unit was read from the address's structure, not the table


_SHORT_SUFFIX = re.compile(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[Division, ...], dict[str, list[Division]]]:
    divisions: list[Division] = []
    for line in DIVISIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, _ = line.split("\t")
        divisions.append(Division(code, name))
    by_name: dict[str, list[Division]] = {}
    for d in divisions:
        by_name.setdefault(d.name, []).append(d)
        if d.level == "province":  # 北京 / 内蒙古 / 广西 as addresses often write them
            by_name.setdefault(_SHORT_SUFFIX.sub("", d.name), []).append(d)
    return tuple(divisions), by_name


@lru_cache(maxsize=1)
def _name_re() -> re.Pattern[str]:
    names = sorted(_table()[1], key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names if len(n) >= 2))


def _match(text: str, pos: int, level: str, parent: str) -> tuple[Division, int] | None:
    """The longest division of ``level`` under ``parent`` (a code prefix) named at ``pos``."""
    by_name = _table()[1]
    best: tuple[Division, int] | None = None
    for length in range(2, min(12, len(text) - pos) + 1):
        for d in by_name.get(text[pos:pos + length], ()):
            if d.level != level or not d.code.startswith(parent):
                continue
            end = pos + length
            if level == "province" and end < len(text) and text[end] in "省市" and d.name != text[pos:end]:
                end += 1  # 北京 + 市, 江苏 + 省 (the short name was matched)
            if best is None or end > best[1]:
                best = (d, end)
    return best


_NOT_IN_A_COUNTY = set("镇乡街路道村号巷弄组栋幢楼室院苑园里小某社厦场")
_STRUCTURAL_COUNTY = re.compile(r"[\u4e00-\u9fff]{1,7}?(?:自治县|自治旗|新区|林区|特区|区|县|旗|市)")


def cut_to_county(address: str) -> Cut | None:
    """Split ``address`` after its county-level unit; None when no unit can be read."""
    text = address.strip()
    pos, parent, city = 0, "", None
    province = _match(text, pos, "province", "")
    if province:
        parent, pos = province[0].code[:2], province[1]
    found = _match(text, pos, "city", parent)
    if found and found[0].name != (province[0].name if province else None):
        city, pos = found
        parent = city.code[:4]
    elif found:  # 北京市 as the 2025 table names its districts' city: nothing to skip
        pos = max(pos, found[1])
    county = _match(text, pos, "county", parent)
    if county:
        return Cut(text[:county[1]], text[county[1]:])
    divisions = _table()[0]
    if city and not any(d.level == "county" and d.code.startswith(city.code[:4]) for d in divisions):
        return Cut(text[:pos], text[pos:])  # 东莞市、中山市: no county level below the city
    if province or city:
        m = _STRUCTURAL_COUNTY.match(text, pos)
        if m and not (set(m[0]) & _NOT_IN_A_COUNTY):
            return Cut(text[:m.end()], text[m.end():], guessed=True)
    if city:  # 苏州市工业园区: a unit the table does not know; the city is less than the law keeps
        return Cut(text[:pos], text[pos:], guessed=True)
    return None


# ---------------------------------------------------------------- street addresses in text

_NAMED = (r"(?:(?:(?!某)[\u4e00-\u9fffA-Za-z]){1,10}?(?:街道|大道|大街|胡同|社区|小区|花园|公寓|大厦|广场|新村|家园|工业园|园区|"
          r"开发区|镇|乡|路|街|巷|弄|村|苑|里|组)(?:[东南西北中]段|[东南西北])?)")
_NUMBERED = (r"(?:[0-9一二三四五六七八九十百零〇]+(?:号院|号楼|号|支弄|弄|栋|幢|座|单元|层|楼|室|房|户|组|排)"
             r"(?:之[一二三四五六七八九十]+)?)")
_CHAIN_RE = re.compile(rf"(?:{_NAMED}|{_NUMBERED})(?:(?:[-－—#、]|与|交叉口|交汇处)?(?:{_NAMED}|{_NUMBERED}))*")
# Without a division name before it, an address is a house number, with the street or estate
# right before it (a name of at most eight characters that holds no particle: 其住所位于…).
_STANDALONE_RE = re.compile(
    rf"(?:(?:(?![某的在于到位住其对向从至及和与为是被人])[\u4e00-\u9fff]){{1,8}}?"
    rf"(?:路|街|巷|弄|里|村|道|小区|花园|大厦|公寓|苑|社区|新村)(?:[东南西北中]段)?)?"
    rf"{_NUMBERED}(?:[-－—#、]?{_NUMBERED})*"
)
_NUMBERED_RE = re.compile(_NUMBERED)


def street_addresses(text: str) -> list[Hit]:
    """Addresses below the county in ``text`` (第十条第一款第（一）项、第十一条第（一）项): the
    division names before them stay."""
    from termination.publish.patterns import ascii_digits

    t = ascii_digits(text)
    hits: list[Hit] = []
    taken = 0
    for m in _name_re().finditer(t):
        if m.start() < taken:
            continue
        end = m.end()
        while (n := _name_re().match(t, end)) is not None:  # 四川省成都市武侯区: the whole prefix
            end = n.end()
        chain = _CHAIN_RE.match(t, end)
        if chain:
            hits.append(Hit("address", end, chain.end()))
            taken = chain.end()
        else:
            taken = end
    for m in _STANDALONE_RE.finditer(t):
        if any(h.start < m.end() and m.start() < h.end for h in hits):
            continue
        # a street or estate before the number, or two numbers (12号楼5单元): not 一层 alone
        if not _NUMBERED_RE.fullmatch(m[0]):
            hits.append(Hit("address", m.start(), m.end()))
    return hits

