"""The ruling as a reader sees it: cleaned text, its normalised twin, body bounds, sentences.

:func:`build` cleans the input (HTML, wrapped lines), normalises it character for character (so
an offset in ``norm`` is an offset in ``text``), masks what is not the court's statement (the
draft markers 【待补充：…】 of a rendered draft, section headings such as 三、查明的被执行人财产情况),
cuts a statute appendix, and builds a sentence table.

Sentences end at 。；！？ or a line break — and also where a published text lost its 。: before a
list marker (…未向本院申报财产2、通过执行网络查控系统…) or an opening phrase (…失信人员名单本院已告知…,
…执行到位55，810.54元本院认为…) written straight after a character. Evidence is the sentence
that decides, at most :data:`EVIDENCE_MAX` characters: a longer one is cut to its clauses
around the match, never shown as a paragraph.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from termination.analysis import parsing as P

EVIDENCE_MAX = 120

# A rendered draft (termination render --draft): banner, gap markers, the list of missing steps.
_DRAFT_RE = re.compile(r"草稿[】\]]?\s*未经审批|\[草稿\]|【草稿】|\[待补充:|尚需补正的事项\(草稿\)")
_GAP_RE = re.compile(r"\[待补充:[^\]\n]*\]?")
_MISSING_SECTION_RE = re.compile(r"附:\s*尚需补正的事项")
_DRAFT_BANNER_RE = re.compile(r"\[?草稿\]?\s*未经审批\s*,?\s*不得作为正式文书使用")

# A section heading on a line of its own: 一、申请执行的债权情况 / （三）查明的财产情况 / 执行经过.
_HEADING_WORDS = r"(?:情况|经过|措施|权利|义务|意见|说明)"
_HEADING_RE = re.compile(
    r"^[ \t]*(?:"
    r"(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十]{1,3}部分)\s*"
    rf"[^\n,。;:!?\d]{{0,20}}?{_HEADING_WORDS}[^\n,。;:!?\d]{{0,6}}"
    rf"|[^\n,。;:!?\d\s]{{0,6}}{_HEADING_WORDS}[^\n,。;:!?\d\s]{{0,4}}"
    r")[ \t]*$",
    re.MULTILINE,
)
# The same heading where a mirror site of 中国裁判文书网 joined the paragraphs with a space:
# …未执行到位。 四、申请执行人意见 2023年7月20日，本院… (section-level markers 一、/（一） only).
# (Opening on the character before, not a look-behind: the scan stays cheap.)
_INLINE_HEADING_RE = re.compile(
    r"[。\s](?P<h>(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))"
    rf"[^\n,。;:!?\d\s]{{0,20}}?{_HEADING_WORDS})(?=[ \t]+\S)"
)

# Where a 。 was lost: a list marker or an opening phrase right after a character. Opening
# phrases do not break after a preposition or conjunction (依据本院于… / 在本案执行中 / 并依照《…》)
# nor after a modal verb (可以依照《民事诉讼法》第二百五十四条的规定，请求继续执行).
_NOT_AFTER = "据由向经在与为对被到至将从给的和及同请求是如若并且即故均已也亦告知服于内持照按以可应当须需得"
_SOFT_BREAK_RE = re.compile(
    r"(?<=[\u4e00-\u9fff\d)\]元号])(?:"
    r"(?<![\d第])\d{1,2}、(?=[\u4e00-\u9fff\d])(?!\d{1,2}、)"
    r"|(?<![一二三四五六七八九十第])[一二三四五六七八九十]{1,3}、(?=\d{4}年|[\u4e00-\u9fff])(?![一二三四五六七八九十]{1,3}、)"
    r"|(?<!第)\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)(?![项款条])"
    rf"|(?<![{_NOT_AFTER}])(?:"
    r"本院认为|本院经审查|本院已|本院于|本院依法|本院在执行|本院受理|本院立案|依照《|依据《|根据《|"
    r"裁定如下|综上|经查|另查明|本案尚|本案已|本案经|本案执行|本案在|本裁定|如不服|如申请执行人|"
    r"申请执行人(?:发现|享有|可|有权)|被执行人负有"
    r"))"
)
# 终结本次执行程序 followed straight by the next sentence (…终结本次执行程序申请执行人…享有…)
_AFTER_ORDER_RE = re.compile(r"终结本次执行程序(?=[\u4e00-\u9fff])(?![的后之中时前并及和且以裁案结])")
_CHUNK = 2000  # an unpunctuated run is chunked so the work stays linear


@dataclass
class RulingText:
    """The text with its normalised twin, body bounds and a sentence table."""

    text: str
    norm: str
    end: int
    decision: re.Match[str] | None
    date: dt.date | None
    draft: bool = False
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    @property
    def facts_end(self) -> int:
        """End of the facts and reasoning (start of ``裁定如下``), or the body end."""
        return self.decision.start() if self.decision else self.end

    @property
    def main_start(self) -> int | None:
        """Start of the 裁定主文 (after ``裁定如下：``), if any."""
        return self.decision.end() if self.decision else None

    def sentence(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence holding ``pos`` from its first non-blank character (empty at
        ``pos`` when outside every sentence)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0 or pos >= self.ends[i]:
            return pos, pos
        s = self.starts[i]
        while s < pos and self.norm[s].isspace():  # a masked heading, the space a mirror site left
            s += 1
        return s, self.ends[i]

    def clause(self, pos: int) -> tuple[int, int]:
        """Bounds of the clause (between commas) holding ``pos``."""
        s, e = self.sentence(pos)
        cs = self.norm.rfind(",", s, pos) + 1 or s
        ce = self.norm.find(",", pos, e)
        return max(cs, s), (e if ce < 0 else ce)

    def evidence(self, pos: int, end: int | None = None) -> str:
        """The sentence at ``pos`` as written, whitespace collapsed, at most EVIDENCE_MAX characters.

        A longer sentence is cut to the clauses around ``pos…end`` (the match), widened clause by
        clause while it fits; a single clause that is still too long is cut around the match.
        """
        s, e = self.sentence(pos)
        if s == e:
            s, e = pos, max(pos, end or pos)
        whole = _squeeze(self.text[s:e])
        if len(whole) <= EVIDENCE_MAX:
            return whole
        end = max(pos, min(end if end is not None else pos + 1, e))
        cs, ce = self.clause(pos)
        ce = max(ce, self.clause(end - 1)[1] if end > pos else ce)
        while True:  # widen clause by clause, the later side first (it usually finishes the thought)
            grown = False
            nxt = self.norm.find(",", ce + 1, e)
            right = e if nxt < 0 else nxt
            if ce < e and len(_squeeze(self.text[cs:right])) <= EVIDENCE_MAX:
                ce, grown = right, True
            prev = self.norm.rfind(",", s, max(s, cs - 1))
            left = s if prev < 0 else prev + 1
            if cs > s and len(_squeeze(self.text[left:ce])) <= EVIDENCE_MAX:
                cs, grown = left, True
            if not grown:
                break
        piece = _squeeze(self.text[cs:ce])
        if len(piece) <= EVIDENCE_MAX:
            return piece
        # one clause longer than the limit: a window around the match
        half = (EVIDENCE_MAX - 2) // 2
        ws = max(cs, pos - half)
        we = min(ce, ws + EVIDENCE_MAX - 2)
        piece = _squeeze(self.text[ws:we])[: EVIDENCE_MAX - 2]
        return ("…" if ws > cs else "") + piece + ("…" if we < ce else "")


def _squeeze(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().strip(",，")


def _mask(norm: str, pattern: re.Pattern[str], start: int = 0, end: int | None = None, group: int | str = 0) -> str:
    """``norm`` with every match of ``pattern`` (or of its ``group``) blanked (same length)."""
    parts: list[str] = []
    last = 0
    for m in pattern.finditer(norm, start, len(norm) if end is None else end):
        parts.append(norm[last : m.start(group)])
        parts.append(re.sub(r"[^\n]", " ", m.group(group)))
        last = m.end(group)
    parts.append(norm[last:])
    return "".join(parts)


def _sentences(norm: str, end: int) -> tuple[list[int], list[int]]:
    """Sentence bounds over ``norm[:end]``: hard stops, then soft breaks where 。 was lost."""
    breaks = sorted(
        {m.start() for m in _SOFT_BREAK_RE.finditer(norm, 0, end)}
        | {m.end() for m in _AFTER_ORDER_RE.finditer(norm, 0, end)}
    )
    starts: list[int] = []
    ends: list[int] = []
    for m in re.finditer(r"[^。;!?\n]+", norm[:end]):
        s, e = m.start(), m.end()
        i = bisect.bisect_right(breaks, s)
        while i < len(breaks) and breaks[i] < e:
            cut = breaks[i]
            if cut - s >= 2:
                starts.append(s)
                ends.append(cut)
                s = cut
            i += 1
        while e - s > _CHUNK:
            starts.append(s)
            ends.append(s + _CHUNK)
            s += _CHUNK
        starts.append(s)
        ends.append(e)
    return starts, ends


def build(raw: str) -> RulingText:
    """Clean, normalise, mask, bound and split one ruling text."""
    text = P.clean(raw)
    norm = P.normalize(text)
    draft = bool(_DRAFT_RE.search(norm))
    end_limit = len(norm)
    if draft:
        norm = _mask(norm, _GAP_RE)
        norm = _mask(norm, _DRAFT_BANNER_RE)
        missing = _MISSING_SECTION_RE.search(norm)
        if missing:
            end_limit = missing.start()
    norm = _mask(_mask(norm, _HEADING_RE), _INLINE_HEADING_RE, group="h")
    decision = P.find_decision(norm[:end_limit])
    found = P.find_ruling_date(norm[:end_limit], decision.end() if decision else None)
    cut = P.find_appendix(norm[:end_limit], found[1] if found else None)
    end = end_limit if cut is None else cut
    if decision and decision.start() >= end:
        decision = None
    starts, ends = _sentences(norm, end)
    return RulingText(
        text=text, norm=norm, end=end, decision=decision, date=found[2] if found else None,
        draft=draft, starts=starts, ends=ends,
    )
