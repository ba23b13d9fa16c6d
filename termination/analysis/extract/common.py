"""What counts as a statement of fact, shared by the measures and the contents."""

from __future__ import annotations

import re

from termination.analysis import lexicon as L
from termination.analysis.facts import Span
from termination.analysis.segment import tokens
from termination.analysis.text import RulingText


def span(doc: RulingText, pos: int, end: int | None = None) -> Span:
    """The span ``pos…end`` with its evidence sentence."""
    return Span(pos, end if end is not None else pos, doc.evidence(pos, end))


def is_statement(doc: RulingText, pos: int) -> bool:
    """False for a 告知/rights sentence or a conditional clause (…的): they state no fact."""
    s, e = doc.sentence(pos)
    sentence = doc.norm[s:e]
    if EXCLUDE_INFO_RE.search(sentence) or (L.RIGHT_RE.search(sentence) and L.MODAL_RE.search(sentence)):
        return False
    cs, ce = doc.clause(pos)
    return not doc.norm[cs:ce].rstrip().endswith("的")


EXCLUDE_INFO_RE = re.compile(r"告知|约谈|释明")


def in_title(doc: RulingText, pos: int) -> bool:
    """Inside 《…》 (a statute's title such as 《…查封、扣押、冻结财产的规定》)."""
    s, _ = doc.sentence(pos)
    opened = doc.norm.rfind("《", s, pos)
    return opened >= 0 and doc.norm.find("》", opened, pos) < 0


def negated(doc: RulingText, pos: int, end: int, clause_start: int) -> bool:
    """True when the keyword at ``pos`` is negated (未将其纳入…), judged on jieba tokens."""
    ws = max(clause_start, pos - 12)
    if not L.NEG_CHARS.search(doc.norm, ws, pos):  # every negation word contains one of these
        return False
    toks = tokens(doc.norm[ws:end])
    offset = pos - ws
    idx = next((i for i, (_, s, e) in enumerate(toks) if s <= offset < e), len(toks))
    for word, _, _ in reversed(toks[max(0, idx - 4) : idx]):
        if word in L.NEG_EXEMPT:
            return False
        if word in L.NEGATIONS:
            return True
    return False


def clause_is_warning(doc: RulingText, cs: int, ce: int) -> bool:
    clause = doc.norm[cs:ce]
    return bool(L.WARN_RE.search(clause)) or clause.rstrip().endswith("的")


def first_valid(doc: RulingText, pattern: re.Pattern[str], start: int, end: int) -> int | None:
    """First match that states a fact (see :func:`is_statement`)."""
    return next((m.start() for m in pattern.finditer(doc.norm, start, end) if is_statement(doc, m.start())), None)


