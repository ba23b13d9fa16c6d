"""The five contents of 终本规定第六条第一款 and the amounts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from termination.analysis import lexicon as L
from termination.analysis import parsing as P
from termination.analysis.facts import MeasureHit, RightsHalf, Span
from termination.analysis.text import EVIDENCE_MAX, RulingText
from termination.analysis.extract.common import (
    EXCLUDE_INFO_RE,
    clause_is_warning,
    first_valid,
    in_title,
    is_statement,
    negated,
    span,
)

_A = P.AMOUNT_TEXT
# 查明的被执行人财产情况 (终本规定第六条第一款第（三）项): a finding about the property as a
# whole (未发现… / 名下无… / 经查…) is preferred to a detail (余额…, 流拍, 未能实际扣押).
_PROPERTY_FINDING_RE = re.compile(
    r"未(?:能)?(?:发现|查询到|查到|查找到|找到|查见)[^。;]{0,20}?(?:财产|存款|车辆|房产|不动产|可供执行)|"
    r"(?:无|没有|暂无|均无|并无|尚无)[^。;,]{0,8}?(?:可供执行|可执行|可供处置|其他|剩余)[^。;,]{0,4}?财产|"
    r"(?:无|没有)(?:其他|任何)?财产(?:可供|可以|可)(?:执行|处置|清偿)|"
    r"名下(?:无|没有|暂无|均无|有|登记有|尚有|仅有|拥有|除)[^。;]{0,30}?"
    r"(?:存款|车辆|房产|不动产|房屋|土地|股权|证券|财产|账户|余额|登记|轿车|汽车)|"
    r"(?:查明|经查|经调查)[^。;]{0,40}?(?:财产|存款|车辆|房产|不动产|名下)|"
    # 被执行人无不动产登记信息 / 被执行人没有银行存款
    r"被执行人(?:名下)?(?:无|没有|暂无|均无)[^。;,]{0,10}?(?:登记|存款|车辆|房产|不动产|账户|股权|证券)|"
    # what became of an asset found: 名下财产均已被其他法院查封 / 名下的车辆下落不明，无法扣押 /
    # 名下房产系其唯一住房 / 持有的股权经评估无处置价值
    r"(?:名下|持有|所有)的?[^。;,]{0,8}?(?:财产|房产|房屋|车辆|不动产|存款|账户|股权|土地|机动车)"
    r"[^。;]{0,16}?(?:查封|扣押|冻结|抵押|质押|下落不明|唯一住房|生活必需|无法|不能|不具备|无处置价值|无变现价值|无价值)"
)
_PROPERTY_DETAIL_RE = re.compile(
    r"余额(?:为|仅|仅为|共计|合计|均为|均)?[^。;,]{0,6}?(?:元|无|零)|无余额|余额不足|"
    r"(?:查询|反馈|调查|查控)结果(?:显示|为|均为|表明)|"
    r"(?:不能|无法)(?:处置|变现|拍卖|变卖)|流拍|未能实际扣押"
)
_RECOVERED_RES = (
    re.compile(
        rf"(?<!未)(?:执行到位|实际到位|已到位)(?:的)?(?:标的额|款项|金额|案款|款|执行款)?(?:为|共计|合计|计|共)?:?\s*(?P<a>{_A})"
    ),
    re.compile(
        rf"(?:已(?:经)?|自动|主动|自行)(?:执行|履行|给付|支付|偿还|清偿|扣划|划拨|发放|实现|还款|收到|领取)(?:了)?"
        rf"[^。;,\d]{{0,10}}?(?P<a>{_A})"
    ),
    # …存款3，022.46元，已划拨全部发放给申请执行人 / 扣划的10000元已发放: the amount before the act
    re.compile(
        rf"(?P<a>{_A})\s*,?\s*(?:已(?:经)?|均已|并已|现已)(?:被)?(?:扣划|划拨|划扣|扣收|提取|发放|领取|转付)"
        r"(?![^。;,]{0,6}?\d)"
    ),
)
_ZERO_RE = re.compile(
    r"分文未|(?:尚)?未(?:能)?(?:执行|履行|清偿|偿还|给付|支付|执行到位|到位)(?:到)?任何(?:款项|财产|还款)?|未执行到(?:任何)?款项|"
    r"无(?:任何)?(?:执行到位|到位)(?:的)?(?:款项|金额|标的|执行款)?|执行到位(?:的)?(?:款项|金额|标的额)?(?:为)?零|"
    r"(?:债权|款项|标的)(?:均|全部)?(?:尚)?未(?:能)?(?:得到)?(?:实现|清偿|受偿)|"
    r"申请执行人[^。;,]{0,6}?未(?:能)?(?:获|获得|得到)(?:任何)?(?:清偿|受偿|给付)"
)
#: nothing realised, said without an amount: 本案暂未执行到位 / 执行款未到位 / 没有执行到位款项 (a
#: clause that also names an amount — 尚有30000元未执行到位 — states what is outstanding instead)
_NOT_REALIZED_RE = re.compile(r"(?:未|没有)(?:能)?(?:实际)?(?:执行)?到位")
_OUTSTANDING_RES = (
    re.compile(
        r"(?:剩余|尚有|仍有)?(?:未执行到位|未到位|尚欠|仍欠|尚余|剩余|尚未履行|尚未清偿|未清偿|尚未执行|未执行|未履行)"
        r"(?:的)?(?:标的额|标的|款项|金额|部分|款|债务|借款|本金|欠款|执行款)?(?:额)?(?:为|共计|合计|计|共)?:?\s*"
        rf"(?P<a>{_A})"
    ),
    re.compile(rf"(?:尚有|还有|仍有|剩余|尚欠|尚余)\s*(?P<a>{_A})\s*(?:尚)?未(?:执行到位|执行|履行|清偿|到位|偿还)"),
    # 被执行人尚欠申请执行人借款本金50000元及利息未履行
    re.compile(rf"被执行人(?:尚欠|仍欠|还欠)[^。;,\d]{{0,16}}?(?P<a>{_A})"),
)
_CLAIM_AMOUNT_RES = (
    re.compile(rf"(?:申请)?执行标的(?:额|金额|款)?(?:为|是|共计|合计|总计|计|共)?[^,。;\d]{{0,8}}?(?P<a>{_A})"),
    re.compile(rf"(?:标的额|标的金额|申请执行金额|申请标的|立案标的(?:额)?)(?:为|是|共计|合计)?:?\s*(?P<a>{_A})"),
    # 申请执行17211.68元 / 申请强制执行，要求…支付案件款58，833元
    re.compile(rf"申请(?:强制)?执行(?:金额|款项|款)?(?:为|共计|合计)?:?\s*(?P<a>{_A})"),
    re.compile(rf"申请(?:强制)?执行[^。;]{{0,6}}?要求[^。;]{{0,30}}?(?:支付|给付|偿还|交纳|缴纳)[^。;,\d]{{0,10}}?(?P<a>{_A})"),
)


def _amounts(doc: RulingText, patterns: Iterable[re.Pattern[str]], start: int, end: int) -> list[tuple[int, Decimal]]:
    """Every stated amount the patterns find, in text order (one per position)."""
    found: dict[int, Decimal] = {}
    for pattern in patterns:
        for m in pattern.finditer(doc.norm, start, end):
            am = P.AMOUNT_RE.search(m.group("a"))
            value = P.amount_from_match(am) if am else None
            if value is not None and m.start() not in found and is_statement(doc, m.start()):
                found[m.start()] = value
    return sorted(found.items())


def _first_amount(doc: RulingText, patterns: Iterable[re.Pattern[str]], start: int, end: int) -> tuple[int, Decimal] | None:
    found = _amounts(doc, patterns, start, end)
    return found[0] if found else None


_TOTAL_RE = re.compile(r"累计|共计|合计|总计|共")


def _summary_amount(doc: RulingText, patterns: Iterable[re.Pattern[str]], start: int, end: int) -> tuple[int, Decimal] | None:
    """The amount of the summing-up statement: a 累计/共计 one, else the last one stated.

    A ruling states partial payments first and the total last; a 执恢 ruling recites what the
    original case recovered before the running total.
    """
    found = _amounts(doc, patterns, start, end)
    totals = [(pos, v) for pos, v in found if _TOTAL_RE.search(doc.norm, max(start, pos - 6), pos + 8)]
    chosen = totals or found
    return chosen[-1] if chosen else None


def _property_pos(doc: RulingText, main_end: int) -> tuple[int, int] | None:
    """The statement of the property found: the last firm finding in the facts, else a detail.

    The facts stop at 本院认为 (its 未发现可供执行的财产 is the conclusion, not the finding);
    the reasoning and main text are searched only when the facts say nothing. Findings in one
    paragraph (经查，名下有…；名下无其他…) are shown together when they fit in the evidence.
    """
    facts_end = doc.facts_end
    reasoning = doc.norm.rfind("本院认为", 0, facts_end)
    stop = reasoning if reasoning > 0 else facts_end
    for pattern in (_PROPERTY_FINDING_RE, _PROPERTY_DETAIL_RE):
        last = _last_valid_match(doc, pattern, 0, stop)
        if last is not None:
            start = max(doc.norm.rfind("。", 0, last.start()), doc.norm.rfind("\n", 0, last.start())) + 1
            first = first_valid(doc, pattern, start, stop)
            if first is not None and last.end() - first <= EVIDENCE_MAX:
                return first, last.end()
            return last.start(), last.end()
    for pattern in (_PROPERTY_FINDING_RE, _PROPERTY_DETAIL_RE):
        pos = first_valid(doc, pattern, stop, main_end)
        if pos is not None:
            return pos, pos
    return None


def _last_valid_match(doc: RulingText, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
    """Last match that states a fact (see :func:`is_statement`)."""
    last = None
    for m in pattern.finditer(doc.norm, start, end):
        if is_statement(doc, m.start()):
            last = m
    return last


# ---------------------------------------------------------------- the five contents


def _claim_pos(doc: RulingText) -> int | None:
    """The claim (第（一）项): the 执行依据 with what it orders (an amount or a duty to pay, return …),
    else the 执行标的. A document number alone states no claim."""
    limit = doc.facts_end
    numbers = [s for s, _, _, kind in P.iter_basis_numbers(doc.norm, 0, limit) if not P.is_execution_kind(kind)]
    for s in numbers:
        ss, se = doc.sentence(s)
        if _CLAIM_CONTENT_RE.search(doc.norm, ss, se):
            return s
    first_candidate: int | None = None
    for m in _CLAIM_ANCHOR_RE.finditer(doc.norm, 0, limit):
        ss, se = doc.sentence(m.start())
        sentence = doc.norm[ss:se]
        if EXCLUDE_INFO_RE.search(sentence) or (L.RIGHT_RE.search(sentence) and L.MODAL_RE.search(sentence)):
            continue
        if not _CLAIM_CONTENT_RE.search(sentence):
            continue
        if P.AMOUNT_RE.search(sentence) and ("执行标的" in sentence or "依据" in sentence or "申请执行" in sentence):
            return ss
        if first_candidate is None:
            first_candidate = ss
    return first_candidate


_CLAIM_ANCHOR_RE = re.compile(r"执行依据|发生法律效力|生效|判决|调解书|裁决|公证|支付令|申请(?:强制)?执行|执行标的|立案标的|移送执行")
# What an enforceable document orders: an amount, or a duty to hand over money or things.
_CLAIM_CONTENT_RE = re.compile(
    rf"{_A}|支付|偿还|给付|赔偿|返还|归还|交纳|缴纳|缴交|承担|腾退|交付|执行标的|标的额|确定的义务为"
)


def _process_pos(doc: RulingText, measures: list[MeasureHit], header_end: int) -> tuple[int, int] | None:
    """The course of execution (第（二）项): a measure, else an act told in prose (查封…网络冻结…经司法查询)."""
    hit = next((m for m in measures if m.code != "applicant_informed"), None)
    if hit is not None:
        return hit.span.start, hit.span.end
    for m in L.PROCESS_ACT_RE.finditer(doc.norm, header_end, doc.facts_end):
        if in_title(doc, m.start()):
            continue
        s, e = doc.sentence(m.start())
        if re.match(r"\s*(?:依照|依据|根据)\s*《", doc.norm[s:e]) or not is_statement(doc, m.start()):
            continue
        cs, ce = doc.clause(m.start())
        if clause_is_warning(doc, cs, ce) or negated(doc, m.start(), m.end(), cs) or _CONCLUSION_RE.search(doc.norm, cs, ce):
            continue
        return m.start(), m.end()
    return None


#: the court's conclusion that the measures were exhausted (终本规定第三条's term 已穷尽财产调查措施)
#: narrates no act of execution
_CONCLUSION_RE = re.compile(r"穷尽")


def _realized_pos(doc: RulingText, recovered: tuple[int, Decimal] | None) -> int | None:
    """The claim realised (第（四）项): an amount recovered, nothing recovered, or the amount outstanding."""
    if recovered:
        return recovered[0]
    facts_end = doc.facts_end
    return min(
        (p for p in (
            first_valid(doc, _ZERO_RE, 0, facts_end),
            first_unrealized(doc, facts_end),
            *(first_valid(doc, pattern, 0, facts_end) for pattern in _OUTSTANDING_RES),
        ) if p is not None),
        default=None,
    )


def first_unrealized(doc: RulingText, end: int) -> int | None:
    """First 未执行到位 said without an amount in its clause (nothing realised), as a statement."""
    for m in _NOT_REALIZED_RE.finditer(doc.norm, 0, end):
        cs, ce = doc.clause(m.start())
        if is_statement(doc, m.start()) and not P.AMOUNT_RE.search(doc.norm, cs, ce):
            return m.start()
    return None


def _rights(doc: RulingText) -> dict[RightsHalf, Span]:
    """The two halves of 第（五）项: the applicant's right (a modal sentence about 恢复执行 / 再次申请执行)
    and the respondent's continuing duty (被执行人…继续履行…义务)."""
    out: dict[RightsHalf, Span] = {}
    for m in L.RIGHT_RE.finditer(doc.norm, 0, doc.end):
        s, e = doc.sentence(m.start())
        if L.MODAL_RE.search(doc.norm, s, e):
            out["applicant_right"] = span(doc, m.start(), m.end())
            break
    for m in L.DUTY_RE.finditer(doc.norm, 0, doc.end):
        cs, ce = doc.clause(m.start())
        if not negated(doc, m.start(), m.end(), cs):
            out["respondent_duty"] = span(doc, m.start(), m.end())
            break
    return out


