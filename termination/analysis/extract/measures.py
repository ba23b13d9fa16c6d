"""Measures the text says were taken: acts, not warnings, applications or negations, with their dates."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from termination.analysis import lexicon as L
from termination.analysis import parsing as P
from termination.analysis.facts import MeasureHit
from termination.analysis.models import MeasureCode
from termination.analysis.text import RulingText
from termination.analysis.extract.common import clause_is_warning, negated, span


def _date_for(doc: RulingText, pos: int, dates: list[tuple[int, int, dt.date, bool]], starts: list[int]) -> dt.date | None:
    """Date of an action: in its clause (nearest before, else first after), else at sentence start."""
    cs, ce = doc.clause(pos)
    i = bisect.bisect_left(starts, cs)
    before: dt.date | None = None
    after: dt.date | None = None
    while i < len(dates) and dates[i][0] < ce:
        if dates[i][0] < pos:
            before = dates[i][2]
        elif after is None:
            after = dates[i][2]
        i += 1
    if before or after:
        return before or after
    ss, _ = doc.sentence(pos)
    i = bisect.bisect_left(starts, ss)
    if i < len(dates) and dates[i][0] < ss + 10 and dates[i][0] < pos:
        return dates[i][2]
    # 一、2023年2月10日，向被执行人发出…: a clause that is only a date governs what follows it
    i = bisect.bisect_left(starts, cs) - 1
    if i >= 0 and dates[i][0] >= ss:
        ds, de = doc.clause(dates[i][0])
        left = doc.norm[ds : dates[i][0]]
        cut = max([left.rfind(":") + 1] + [m.start() for m in _LIST_MARK_RE.finditer(left)])
        rest = left[cut:] + doc.norm[dates[i][1] : de]  # …措施：一、2023年2月10日
        if _DATE_ONLY_RE.fullmatch(rest):
            return dates[i][2]
    return None


_LIST_MARK_RE = re.compile(r"[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]{1,2}\)|(?<!\d)\d{1,2}[、.](?!\d)")
_DATE_ONLY_RE = re.compile(
    r"[\s:]*(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]{1,2}[)、.])?\s*(?:于|在|自|从)?\s*(?:起)?\s*"
)


# ---------------------------------------------------------------- measures (acts, not warnings)


def _warned(doc: RulingText, pos: int, end: int, cs: int, ce: int) -> bool:
    """The keyword is what a warning is about, not an act: …并告知…纳入失信被执行人名单的风险 /
    …将被纳入…的后果 / 可能被…拘留 (a 风险告知书 sent is still an act)."""
    return bool(L.WARNED_AFTER_RE.match(doc.norm, end, ce) or L.WARNED_BEFORE_RE.search(doc.norm[cs:pos]))


def _requested(doc: RulingText, pos: int, cs: int) -> bool:
    """A party's application for the measure, not the measure: 申请执行人书面申请发布悬赏公告."""
    m = L.REQUESTED_BEFORE_RE.search(doc.norm, cs, pos)
    return m is not None and not L.ON_APPLICATION_RE.search(doc.norm, cs, m.start())


def _date_for_joined(doc: RulingText, pos: int, dates: list[tuple[int, int, dt.date, bool]], starts: list[int]) -> dt.date | None:
    """…于2021年1月11日决定对被执行人采取限制高消费措施，并纳入失信被执行人名单: a clause opened by
    并/同时/及 continues the act of the clause before it and takes its date."""
    cs, _ = doc.clause(pos)
    ss, _ = doc.sentence(pos)
    if cs <= ss or not re.match(r"\s*(?:并|同时|及|且|亦|又|还|以及)", doc.norm[cs:pos]):
        return None
    prev = _date_for(doc, cs - 2, dates, starts) if cs - 2 >= ss else None
    return prev


def _measures(doc: RulingText) -> list[MeasureHit]:
    limit = doc.facts_end
    dates = P.iter_dates(doc.norm, 0, limit, relative=True)
    starts = [d[0] for d in dates]
    chosen: dict[str, tuple[int, int, dt.date | None]] = {}

    def consider(code: MeasureCode, pos: int, end: int) -> None:
        cs, ce = doc.clause(pos)
        if clause_is_warning(doc, cs, ce) or negated(doc, pos, end, cs):
            return
        if code == "applicant_informed":
            s, e = doc.sentence(pos)
            if L.INFORM_OTHER_RE.search(doc.norm, s, e):  # 征询…是否同意移送破产审查 is no 约谈
                return
        elif _warned(doc, pos, end, cs, ce) or _requested(doc, pos, cs):
            return
        prior = chosen.get(code)
        if prior is not None and prior[2] is not None:
            return
        hit_date = _date_for(doc, pos, dates, starts) or _date_for_joined(doc, pos, dates, starts)
        if prior is None or hit_date is not None:
            chosen[code] = (pos, end, hit_date)

    for m in L.MEASURE_RE.finditer(doc.norm, 0, limit):
        code = m.lastgroup
        if code is None or code in chosen and chosen[code][2] is not None:
            continue
        consider(code, m.start(), m.end())  # type: ignore[arg-type]
    for m in L.INFORM_RE.finditer(doc.norm, 0, limit):
        consider("applicant_informed", m.start(), m.end())  # 未告知申请执行人 is negated
    hits = sorted(chosen.items(), key=lambda kv: kv[1][0])
    return [MeasureHit(code, when, span(doc, pos, end)) for code, (pos, end, when) in hits]  # type: ignore[arg-type]


