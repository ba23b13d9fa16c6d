"""Extraction: from the ruling text to :class:`~termination.analysis.facts.RulingFacts`.

Every feature is found with one ``finditer`` pass over the body and a bisect into the sentence
table, so the work is linear in the text length. jieba is only used on a short window before a
measure keyword (negation such as 未将其纳入失信被执行人名单). What counts as a statement of fact:
not a 告知 or rights sentence, not a conditional clause (…的), not a warning (…纳入失信被执行人名单的风险),
not a negated act, not a section heading (masked in :mod:`termination.analysis.text`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

from termination.analysis import lexicon as L
from termination.analysis import parsing as P
from termination.analysis.facts import MeasureHit, RightsHalf, RulingFacts, Span
from termination.analysis.models import Basis, Kind, MeasureCode, Party, Role
from termination.analysis.segment import tokens
from termination.analysis.text import EVIDENCE_MAX, RulingText

# ---------------------------------------------------------------- patterns (on normalised text)

_A = P.AMOUNT_TEXT
_COURT_LINE_RE = re.compile(r"[\u4e00-\u9fff()\d]{2,40}?(?:法院|分院)")
_COURT_START_RE = re.compile(
    r"\s*(?P<court>[\u4e00-\u9fff()\d]{2,40}?(?:法院|分院))\s*"
    r"(?=执\s*行|结\s*案|裁\s*定|决\s*定|通\s*知|恢\s*复|受\s*理|[\u4e00-\u9fff]{0,10}?书|\(|\n|$)"
)
_NARRATIVE_RE = re.compile(r"一案|本院|关于|执行过程中|经审查|执行中")

_PARTY_RE = re.compile(
    rf"(?P<role>{L.ROLES})\s*(?:\((?P<paren>[^()]{{1,20}})\))?\s*(?P<colon>:)?\s*(?P<name>[^,;。:\n\s]{{1,60}}(?:\s+&\s+[^,;。:\n\s]{{1,20}})*)"
)
_NOT_A_NAME_RE = re.compile(r"一案|申请执行|被执行人|本院|纠纷|认为|不服|提出|向本院|\d{4}年|^称|^诉称|^系")
_ALIAS_TAIL_RE = re.compile(r"[(（](?!有限合伙|普通合伙|特殊普通合伙)[^()（）]{1,30}[)）]$")
_NARRATIVE_PARTIES_RE = re.compile(
    r"申请执行人(?P<a>[^,。;:与和及]{1,40}?)(?:与|和|诉)被执行人(?P<r>[^,。;:]{1,80}?)(?:纠纷|争议|一案)"
)

_ISSUER_END_RE = re.compile(r"(?:人民法院|仲裁委员会|公证处|法院)")
# Between the issuer and the document number: 作出的 / 已经发生法律效力的 / 于2023年5月6日作出的 …
_ISSUER_GAP_RE = re.compile(
    r"(?:于\d{4}年\d{1,2}月\d{1,2}日)?(?:依法)?(?:作出|制作|出具|作成)?(?:的)?(?:已经|已)?(?:发生法律效力|生效)?(?:的)?\s*"
)
_ISSUER_PREFIX_RE = re.compile(r"^.*(?:依据|根据|依照|按照|为|系|由|向|持)")
_DOC_RE = re.compile(
    r"\s*(?P<doc>(?:民事|刑事|行政|商事|刑事附带民事)?(?:判决书|调解书|裁定书|裁决书|仲裁裁决书|判决|调解|裁定|"
    r"仲裁裁决|裁决|支付令|公证债权文书|执行证书|调解协议))"
)


_MAIN_STOP_RE = re.compile(
    r"。|本裁定|如不服|申请执行人(?:发现|享有|可)|被执行人负有|当事人、利害关系人|终结本次执行程序后|"
    r"审\s*判|执\s*行\s*员|书\s*记\s*员"
)
_KIND_MAIN: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("objection", re.compile(r"异议|复议|撤销[^。]{0,60}?(?:裁定|决定)")),
    ("zhongben", re.compile(r"终结[^。]{0,60}?本次执行|本次执行程序[^。]{0,6}终结|终本")),
    ("zhongjie", re.compile(r"终结[^。]{0,60}?执行")),
    # 申请人撤销申请的，裁定终结执行 — 民事诉讼法（2023）第二百六十八条第一项
    ("zhongjie", re.compile(r"撤回[^。]{0,8}?执行申请|撤回[^。]{0,8}?申请执行|撤销[^。]{0,8}?执行申请")),
    # 终本后恢复执行 — 终本规定第九条第一款；立结案意见第六条第三项
    ("resumption", re.compile(r"恢复[^。]{0,60}?执行")),
    ("suspension", re.compile(r"中止[^。]{0,60}?执行")),
    ("completion", re.compile(r"执行完毕|结案")),
)
_ZB_FALLBACK_RE = re.compile(r"(?:裁定|本案|予以)终结本次执行程序|终结本次执行程序\s*[。\n]")
_DONE_RE = re.compile(r"执行完毕|履行完毕|全部履行|全部执行到位|已全部清偿")
_ZJ_FALLBACK_RE = re.compile(r"裁定终结(?!本次)[^。]{0,40}?执行|本案终结执行")
# A 恢复执行 (执恢) notice or decision: title, or the court's decision to resume.
_RESUME_HEAD_RE = re.compile(r"恢复执行[^。\n]{0,8}?(?:通知书|决定书)")
_RESUME_BODY_RE = re.compile(r"(?:决定|准予|同意|依法)(?:立案)?恢复(?:对)?(?:本案|该案)?(?:的)?执行")


# 查明的被执行人财产情况 (终本规定第六条第一款第（三）项): a finding about the property as a
# whole (未发现… / 名下无… / 经查…) is preferred to a detail (余额…, 流拍, 未能实际扣押).
_PROPERTY_FINDING_RE = re.compile(
    r"未(?:能)?(?:发现|查询到|查到|查找到|找到|查见)[^。;]{0,20}?(?:财产|存款|车辆|房产|不动产|可供执行)|"
    r"(?:无|没有|暂无|均无|并无|尚无)[^。;,]{0,8}?(?:可供执行|可执行|可供处置|其他|剩余)[^。;,]{0,4}?财产|"
    r"(?:无|没有)(?:其他|任何)?财产(?:可供|可以|可)(?:执行|处置|清偿)|"
    r"名下(?:无|没有|暂无|均无|有|登记有|尚有|仅有|拥有|除)[^。;]{0,30}?"
    r"(?:存款|车辆|房产|不动产|房屋|土地|股权|证券|财产|账户|余额|登记|轿车|汽车)|"
    r"(?:查明|经查|经调查)[^。;]{0,40}?(?:财产|存款|车辆|房产|不动产|名下)"
)
_PROPERTY_DETAIL_RE = re.compile(
    r"余额(?:为|仅|仅为|共计|合计|均为|均)?[^。;,]{0,6}?(?:元|无|零)|无余额|"
    r"(?:查询|反馈|调查|查控)结果(?:显示|为|均为|表明)|"
    r"(?:不能|无法)(?:处置|变现|拍卖|变卖)|流拍|未能实际扣押"
)
_RECOVERED_RES = (
    re.compile(
        rf"(?<!未)(?:执行到位|实际到位)(?:的)?(?:标的额|款项|金额|案款|款|执行款)?(?:为|共计|合计|计|共)?:?\s*(?P<a>{_A})"
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
    r"分文未|(?:尚)?未(?:能)?(?:执行|履行|清偿|偿还|执行到位|到位)(?:到)?任何(?:款项|财产|还款)?|未执行到(?:任何)?款项|"
    r"无(?:任何)?(?:执行到位|到位)(?:的)?(?:款项|金额|标的|执行款)?|执行到位(?:的)?(?:款项|金额|标的额)?(?:为)?零|"
    r"(?:债权|款项|标的)(?:均|全部)?(?:尚)?未(?:能)?(?:得到)?(?:实现|清偿|受偿)|"
    r"申请执行人[^。;,]{0,6}?未(?:能)?(?:获|获得|得到)(?:任何)?(?:清偿|受偿|给付)"
)
_OUTSTANDING_RES = (
    re.compile(
        r"(?:剩余|尚有|仍有)?(?:未执行到位|未到位|尚欠|仍欠|尚余|剩余|尚未履行|尚未清偿|未清偿|尚未执行|未执行|未履行)"
        r"(?:的)?(?:标的额|标的|款项|金额|部分|款|债务|借款|本金|欠款|执行款)?(?:额)?(?:为|共计|合计|计|共)?:?\s*"
        rf"(?P<a>{_A})"
    ),
    re.compile(rf"(?:尚有|还有|仍有|剩余|尚欠|尚余)\s*(?P<a>{_A})\s*(?:尚)?未(?:执行到位|执行|履行|清偿|到位|偿还)"),
)
_CLAIM_AMOUNT_RES = (
    re.compile(rf"(?:申请)?执行标的(?:额|金额|款)?(?:为|是|共计|合计|总计|计|共)?[^,。;\d]{{0,8}}?(?P<a>{_A})"),
    re.compile(rf"(?:标的额|标的金额|申请执行金额|申请标的)(?:为|是|共计|合计)?:?\s*(?P<a>{_A})"),
    # 申请执行17211.68元 / 申请强制执行，要求…支付案件款58，833元
    re.compile(rf"申请(?:强制)?执行(?:金额|款项|款)?(?:为|共计|合计)?:?\s*(?P<a>{_A})"),
    re.compile(rf"申请(?:强制)?执行[^。;]{{0,6}}?要求[^。;]{{0,30}}?(?:支付|给付|偿还|交纳|缴纳)[^。;,\d]{{0,10}}?(?P<a>{_A})"),
)

# A 执恢 case is filed when execution resumes; its own filing date is the one that counts
# for 终本规定第一条第（四）项, not that of the original case it recites.
_RESUME_FILING_RE = re.compile(
    r"(?P<when>" + P.DATE_RE.pattern + r")(?:(?!\d{4}年)[^。;\n]){0,60}?"
    r"(?:立案恢复执行|恢复执行立案|决定恢复执行|申请恢复执行|恢复执行)"
)
_FILING_RES = (
    re.compile(r"(?:立案|受理)(?:日期|时间)(?:为|是)?:?\s*(?P<when>" + P.DATE_RE.pattern + ")"),
    re.compile(r"(?P<when>" + P.DATE_RE.pattern + r")(?:(?!\d{4}年)[^。;\n]){0,16}?(?:立案|受理)"),
    re.compile(
        r"(?P<when>" + P.DATE_RE.pattern + r")(?:(?!\d{4}年)[^。;\n]){0,60}?(?:于)?(?:同日|当日|当天)(?:立案|受理)"
    ),
    re.compile(r"(?P<when>" + P.DATE_RE.pattern + r")(?:(?!\d{4}年)[^。;\n]){0,20}?申请(?:强制)?执行(?!人)"),
)



# ---------------------------------------------------------------- header facts


def _court(doc: RulingText) -> str | None:
    head = doc.norm[: min(doc.end, 600)]
    for line_m in re.finditer(r"[^\n]+", head):
        line = line_m.group()
        compact = re.sub(r"\s+", "", line)
        if not compact:
            continue
        if _COURT_LINE_RE.fullmatch(compact):
            return _original_compact(doc, line_m.start(), line_m.end())
        m = _COURT_START_RE.match(line)
        if m:
            return _original_compact(doc, line_m.start() + m.start("court"), line_m.start() + m.end("court"))
        if line_m.start() > 300:
            break
    return None


def _original_compact(doc: RulingText, s: int, e: int) -> str:
    return re.sub(r"\s+", "", doc.text[s:e])


def _case_number(doc: RulingText) -> tuple[str | None, str | None]:
    for _, _, number, kind in P.iter_case_numbers(doc.norm, 0, doc.end):
        if P.is_execution_kind(kind):
            return number, kind
    return None, None


def _parties(doc: RulingText) -> list[Party]:
    limit = doc.facts_end
    m = _NARRATIVE_RE.search(doc.norm, 0, limit)
    header_end = m.start() if m else limit
    out: dict[tuple[str, str], Party] = {}
    for pm in _PARTY_RE.finditer(doc.norm, 0, header_end):
        role = pm.group("role")
        paren = pm.group("paren") or ""
        if role in ("异议人", "复议申请人", "案外人"):
            role = paren if paren in ("申请执行人", "被执行人") else ""
        mapped: Role | None = L.ROLE_MAP.get(role) or ("agent" if role.endswith("代理人") else None)
        if mapped is None:
            continue
        if not pm.group("colon"):
            # without a colon, a role opens an entry only at the start of a line or sentence
            i = pm.start() - 1
            while i >= 0 and doc.norm[i] == " ":
                i -= 1
            if i >= 0 and doc.norm[i] not in "\n。;号":
                continue
        whole = doc.text[pm.start("name") : pm.end("name")]
        if _NOT_A_NAME_RE.search(whole):
            continue
        for raw in whole.split("、"):  # 委托代理人：王某、李某
            name = _clean_name(raw)
            if name and not _NOT_A_NAME_RE.search(name):
                out.setdefault((name, mapped), Party(name=name, role=mapped, kind=_party_kind(name)))
    if not out:
        for party in _narrative_parties(doc):
            out.setdefault((party.name, party.role), party)
    return list(out.values())


def _clean_name(raw: str) -> str:
    name = re.sub(r"\s+", "", raw).strip("。，,；;：:")
    depth, cut = 0, None
    for i, ch in enumerate(name):  # 张某某（男 / 李某某（身份证号码 — drop an unclosed description
        if ch in "(（":
            if depth == 0:
                cut = i
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
    if depth and cut:
        name = name[:cut]
    stripped = _ALIAS_TAIL_RE.sub("", name)
    return stripped or name


def _party_kind(name: str) -> Literal["person", "organisation"]:
    if L.ORG_RE.search(name) or (len(name) >= 4 and L.ORG_TAIL_RE.search(name)):
        return "organisation"
    return "person"


def _narrative_parties(doc: RulingText) -> list[Party]:
    m = _NARRATIVE_PARTIES_RE.search(doc.norm, 0, doc.facts_end)
    if not m:
        return []
    parties = []
    for role, group in (("applicant", "a"), ("respondent", "r")):
        s, e = m.span(group)
        cause = L.CAUSE_RE.search(doc.norm, s, e)
        raw = doc.text[s : cause.start() if cause else e]
        for name in re.split(r"[、，,]", raw):
            name = _clean_name(name)
            if name and not _NOT_A_NAME_RE.search(name):
                parties.append(Party(name=name, role=role, kind=_party_kind(name)))  # type: ignore[arg-type]
    return parties


def _basis(doc: RulingText, court: str | None) -> Basis | None:
    for s, e, number, kind in P.iter_basis_numbers(doc.norm, 0, doc.facts_end):
        if P.is_execution_kind(kind):
            continue
        sent_start, _ = doc.sentence(s)
        window_start = max(sent_start, s - 45)
        window = doc.norm[window_start:s]
        issuer: str | None = None
        ends = [m for m in _ISSUER_END_RE.finditer(window) if _ISSUER_GAP_RE.fullmatch(window, m.end())]
        local = window.rfind("本院")
        if local >= 0 and not _ISSUER_GAP_RE.fullmatch(window, local + 2):
            local = -1
        if ends and ends[-1].end() > local + 2:
            org_end = ends[-1].end()
            org_start = org_end
            while org_start > 0 and "\u4e00" <= window[org_start - 1] <= "\u9fff":
                org_start -= 1
            candidate = _ISSUER_PREFIX_RE.sub("", doc.text[window_start + org_start : window_start + org_end])
            issuer = candidate if len(candidate) >= 4 else None
        elif local >= 0:
            issuer = court
        doc_m = _DOC_RE.match(doc.norm, e)
        document = doc_m.group("doc") if doc_m else None
        if document and document.endswith(("判决", "调解", "裁定")):
            document += "书"
        return Basis(number=number, issuer=issuer, document=document)
    return None


def _kind(doc: RulingText, own_kind: str | None) -> Kind:
    if own_kind and P.is_objection_kind(own_kind):
        return "objection"
    if doc.decision:
        seg = doc.norm[doc.decision.end() : min(doc.end, doc.decision.end() + 300)].lstrip()
        stop = _MAIN_STOP_RE.search(seg, 1)
        main = seg[: stop.start()] if stop else seg
        for kind, pattern in _KIND_MAIN:
            if pattern.search(main):
                return kind
        if main.strip():
            return "unknown"
    head = re.sub(r"\s+", "", doc.norm[:400])
    body = doc.norm[: doc.end]
    first_no = P.CASE_NO_RE.search(doc.norm, 0, min(doc.end, 400))
    title = re.sub(r"\s+", "", doc.norm[: first_no.start() if first_no else min(doc.end, 120)])
    if "结案通知" in title:
        # 以终结本次执行程序方式结案 is announced by notice too; only 执行完毕 makes it a completion
        return "completion" if _DONE_RE.search(body) else "unknown"
    if "执行完毕" in body and "终结本次执行程序" not in body:
        return "completion"
    if re.search(r"异议|复议", title) or re.search(r"异议人|复议申请人", head):
        return "objection"
    if _RESUME_HEAD_RE.search(head) or _RESUME_BODY_RE.search(body):
        return "resumption"
    if re.search(r"告知书|通知书|通知$", title) and "裁定" not in title:
        return "unknown"  # a notice (终本告知书 …) is not the ruling: 终本 is made by 裁定
    if _ZB_FALLBACK_RE.search(body):
        return "zhongben"
    if _ZJ_FALLBACK_RE.search(body):
        return "zhongjie"
    if "中止执行" in body:
        return "suspension"
    return "unknown"


def _filing_date(doc: RulingText, own_kind: str | None) -> dt.date | None:
    patterns = ((_RESUME_FILING_RE,) if own_kind == "执恢" else ()) + _FILING_RES
    for pattern in patterns:
        m = pattern.search(doc.norm, 0, doc.facts_end)
        if m:
            d = P.parse_date(m.group("when"))
            if d:
                return d
    return None


# ---------------------------------------------------------------- measures


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


def _negated(doc: RulingText, pos: int, end: int, clause_start: int) -> bool:
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



# ---------------------------------------------------------------- contents and amounts


def _first_valid(doc: RulingText, pattern: re.Pattern[str], start: int, end: int) -> int | None:
    """First match that states a fact (see :func:`_is_statement`)."""
    return next((m.start() for m in pattern.finditer(doc.norm, start, end) if _is_statement(doc, m.start())), None)


def _amounts(doc: RulingText, patterns: Iterable[re.Pattern[str]], start: int, end: int) -> list[tuple[int, Decimal]]:
    """Every stated amount the patterns find, in text order (one per position)."""
    found: dict[int, Decimal] = {}
    for pattern in patterns:
        for m in pattern.finditer(doc.norm, start, end):
            am = P.AMOUNT_RE.search(m.group("a"))
            value = P.amount_from_match(am) if am else None
            if value is not None and m.start() not in found and _is_statement(doc, m.start()):
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
            first = _first_valid(doc, pattern, start, stop)
            if first is not None and last.end() - first <= EVIDENCE_MAX:
                return first, last.end()
            return last.start(), last.end()
    for pattern in (_PROPERTY_FINDING_RE, _PROPERTY_DETAIL_RE):
        pos = _first_valid(doc, pattern, stop, main_end)
        if pos is not None:
            return pos, pos
    return None


def _last_valid_match(doc: RulingText, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
    """Last match that states a fact (see :func:`_is_statement`)."""
    last = None
    for m in pattern.finditer(doc.norm, start, end):
        if _is_statement(doc, m.start()):
            last = m
    return last


# ---------------------------------------------------------------- measures (acts, not warnings)


def _clause_is_warning(doc: RulingText, cs: int, ce: int) -> bool:
    clause = doc.norm[cs:ce]
    return bool(L.WARN_RE.search(clause)) or clause.rstrip().endswith("的")


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
        if _clause_is_warning(doc, cs, ce) or _negated(doc, pos, end, cs):
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
    return [MeasureHit(code, when, _span(doc, pos, end)) for code, (pos, end, when) in hits]  # type: ignore[arg-type]


# ---------------------------------------------------------------- statements


def _span(doc: RulingText, pos: int, end: int | None = None) -> Span:
    return Span(pos, end if end is not None else pos, doc.evidence(pos, end))


def _is_statement(doc: RulingText, pos: int) -> bool:
    """False for a 告知/rights sentence or a conditional clause (…的): they state no fact."""
    s, e = doc.sentence(pos)
    sentence = doc.norm[s:e]
    if _EXCLUDE_INFO_RE.search(sentence) or (L.RIGHT_RE.search(sentence) and L.MODAL_RE.search(sentence)):
        return False
    cs, ce = doc.clause(pos)
    return not doc.norm[cs:ce].rstrip().endswith("的")


_EXCLUDE_INFO_RE = re.compile(r"告知|约谈|释明")


def _in_title(doc: RulingText, pos: int) -> bool:
    """Inside 《…》 (a statute's title such as 《…查封、扣押、冻结财产的规定》)."""
    s, _ = doc.sentence(pos)
    opened = doc.norm.rfind("《", s, pos)
    return opened >= 0 and doc.norm.find("》", opened, pos) < 0


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
        if _EXCLUDE_INFO_RE.search(sentence) or (L.RIGHT_RE.search(sentence) and L.MODAL_RE.search(sentence)):
            continue
        if not _CLAIM_CONTENT_RE.search(sentence):
            continue
        if P.AMOUNT_RE.search(sentence) and ("执行标的" in sentence or "依据" in sentence or "申请执行" in sentence):
            return ss
        if first_candidate is None:
            first_candidate = ss
    return first_candidate


_CLAIM_ANCHOR_RE = re.compile(r"执行依据|发生法律效力|生效|判决|调解书|裁决|公证|支付令|申请(?:强制)?执行|执行标的|移送执行")
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
        if _in_title(doc, m.start()):
            continue
        s, e = doc.sentence(m.start())
        if re.match(r"\s*(?:依照|依据|根据)\s*《", doc.norm[s:e]) or not _is_statement(doc, m.start()):
            continue
        cs, ce = doc.clause(m.start())
        if _clause_is_warning(doc, cs, ce) or _negated(doc, m.start(), m.end(), cs):
            continue
        return m.start(), m.end()
    return None


def _realized_pos(doc: RulingText, recovered: tuple[int, Decimal] | None) -> int | None:
    """The claim realised (第（四）项): an amount recovered, nothing recovered, or the amount outstanding."""
    if recovered:
        return recovered[0]
    facts_end = doc.facts_end
    return min(
        (p for p in (
            _first_valid(doc, _ZERO_RE, 0, facts_end),
            _first_valid(doc, _OUTSTANDING_RES[0], 0, facts_end),
            _first_valid(doc, _OUTSTANDING_RES[1], 0, facts_end),
        ) if p is not None),
        default=None,
    )


def _rights(doc: RulingText) -> dict[RightsHalf, Span]:
    """The two halves of 第（五）项: the applicant's right (a modal sentence about 恢复执行 / 再次申请执行)
    and the respondent's continuing duty (被执行人…继续履行…义务)."""
    out: dict[RightsHalf, Span] = {}
    for m in L.RIGHT_RE.finditer(doc.norm, 0, doc.end):
        s, e = doc.sentence(m.start())
        if L.MODAL_RE.search(doc.norm, s, e):
            out["applicant_right"] = _span(doc, m.start(), m.end())
            break
    for m in L.DUTY_RE.finditer(doc.norm, 0, doc.end):
        cs, ce = doc.clause(m.start())
        if not _negated(doc, m.start(), m.end(), cs):
            out["respondent_duty"] = _span(doc, m.start(), m.end())
            break
    return out


# ---------------------------------------------------------------- entry point


def extract(raw: str, *, filing_date: dt.date | None = None) -> RulingFacts:
    """Every fact of one ruling text (``filing_date``, when given, overrides the text's)."""
    from termination.analysis.text import build

    doc = build(raw)
    court = _court(doc)
    case_number, own_kind = _case_number(doc)
    kind = _kind(doc, own_kind)
    filing = filing_date or _filing_date(doc, own_kind)
    measures = _measures(doc)
    facts_end = doc.facts_end
    main_end = doc.main_start if doc.main_start is not None else doc.end
    narrative = _NARRATIVE_RE.search(doc.norm, 0, facts_end)
    header_end = narrative.start() if narrative else 0

    recovered = _summary_amount(doc, _RECOVERED_RES, 0, facts_end)
    outstanding = _summary_amount(doc, _OUTSTANDING_RES, 0, facts_end)
    claim_pos = _claim_pos(doc)
    claim = _first_amount(doc, _CLAIM_AMOUNT_RES, 0, facts_end)
    claim_amount = claim[1] if claim else None
    if claim_amount is None and claim_pos is not None:
        s, e = doc.sentence(claim_pos)
        am = P.AMOUNT_RE.search(doc.norm, s, e)
        claim_amount = P.amount_from_match(am) if am else None
    recovered_amount = recovered[1] if recovered else None
    if recovered_amount is None and _first_valid(doc, _ZERO_RE, 0, facts_end) is not None:
        recovered_amount = Decimal("0.00")
    outstanding_amount = outstanding[1] if outstanding else None
    if claim_amount is not None:
        if outstanding_amount is None and recovered_amount is not None and recovered_amount <= claim_amount:
            outstanding_amount = claim_amount - recovered_amount
        elif recovered_amount is None and outstanding_amount is not None and outstanding_amount <= claim_amount:
            recovered_amount = claim_amount - outstanding_amount

    process = _process_pos(doc, measures, header_end)
    property_pos = _property_pos(doc, main_end)
    realized_pos = _realized_pos(doc, recovered)
    return RulingFacts(
        doc=doc,
        kind=kind,
        own_kind=own_kind,
        case_number=case_number,
        court=court,
        date=doc.date,
        filing_date=filing,
        parties=_parties(doc),
        basis=_basis(doc, court),
        claim_amount=claim_amount,
        recovered_amount=recovered_amount,
        outstanding_amount=outstanding_amount,
        measures=measures,
        claim=None if claim_pos is None else _span(doc, claim_pos),
        process=None if process is None else _span(doc, *process),
        property_found=None if property_pos is None else _span(doc, *property_pos),
        realized=None if realized_pos is None else _span(doc, realized_pos),
        rights=_rights(doc),
    )
