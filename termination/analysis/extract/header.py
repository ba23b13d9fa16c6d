"""Header facts: court, case number, kind, parties, 执行依据, filing date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from termination.analysis import lexicon as L
from termination.analysis import parsing as P
from termination.analysis.models import Basis, Kind, Party, Role
from termination.analysis.text import RulingText


_A = P.AMOUNT_TEXT
_COURT_LINE_RE = re.compile(r"[\u4e00-\u9fff()\d]{2,40}?(?:法院|分院)")
_COURT_START_RE = re.compile(
    r"\s*(?P<court>[\u4e00-\u9fff()\d]{2,40}?(?:法院|分院))\s*"
    r"(?=执\s*行|结\s*案|裁\s*定|决\s*定|通\s*知|恢\s*复|受\s*理|[\u4e00-\u9fff]{0,10}?书|\(|\n|$)"
)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")
_COURT_AFTER_LABEL_RE = re.compile(
    r":\s*(?P<court>[\u4e00-\u9fff]{2,40}?(?:法院|分院))\s*(?=(?:[\u4e00-\u9fff]\s*){1,8}?书)"
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


def _court(doc: RulingText) -> str | None:
    head = doc.norm[: min(doc.end, 600)]
    previous: re.Match[str] | None = None  # the line before, if it could open a court name
    for line_m in re.finditer(r"[^\n]+", head):
        line = line_m.group()
        compact = re.sub(r"\s+", "", line)
        if not compact:
            continue
        if _COURT_LINE_RE.fullmatch(compact):
            return _original_compact(doc, line_m.start(), line_m.end())
        # a spaced heading wrapped inside the name: 西 安 市 未 央 区 人 民 / 法 院
        if previous is not None and _COURT_LINE_RE.fullmatch(re.sub(r"\s+", "", previous.group()) + compact):
            return _original_compact(doc, previous.start(), line_m.end())
        m = _COURT_START_RE.match(line)
        if m:
            return _original_compact(doc, line_m.start() + m.start("court"), line_m.start() + m.end("court"))
        previous = line_m if len(compact) <= 30 and _CJK_RE.fullmatch(compact) else None
        if line_m.start() > 300:
            break
    # after a scrap of page or sign-off metadata on the same line: …份数:湖南省长沙市中级人民法院民 事 判 决 书
    m = _COURT_AFTER_LABEL_RE.search(head, 0, 300)
    if m:
        return _original_compact(doc, m.start("court"), m.end("court"))
    return None


def _original_compact(doc: RulingText, s: int, e: int) -> str:
    return re.sub(r"\s+", "", doc.text[s:e])


def _case_number(doc: RulingText) -> tuple[str | None, str | None]:
    """The document's own number: the first in the heading (above the parties and the narrative),
    whatever its kind (民督, 财保, 行审, 民终 …); else the first execution number in the body."""
    party = _PARTY_RE.search(doc.norm, 0, doc.end)
    narrative = _NARRATIVE_RE.search(doc.norm, 0, doc.end)
    heading_end = min(m.start() for m in (party, narrative) if m) if party or narrative else doc.end
    heading = P.iter_case_numbers(doc.norm, 0, heading_end)
    if heading:
        _, _, number, kind = heading[0]
        return number, kind
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
        if role in L.PROCEDURAL_ROLES:
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


# "申请执行人于2024年5月16日向本院申请执行，本院于同月20日立案" (or 于6月3日立案): the filing date is
# written relative to the application's; read it before the patterns that would take the application's.
_FILING_AFTER_RE = re.compile(
    r"(?P<when>" + P.DATE_RE.pattern + r")(?:(?!\d{4}年)[^。;\n]){0,40}?本院于(?:同月|(?P<month>\d{1,2})月)"
    r"(?P<day>\d{1,2})日(?:立案|受理)"
)


def _filing_after(doc: RulingText) -> dt.date | None:
    m = _FILING_AFTER_RE.search(doc.norm, 0, doc.facts_end)
    base = P.parse_date(m.group("when")) if m else None
    if m is None or base is None:
        return None
    try:
        filed = dt.date(base.year, int(m.group("month") or base.month), int(m.group("day")))
    except ValueError:
        return None
    return filed if filed >= base else None


def _filing_date(doc: RulingText, own_kind: str | None) -> dt.date | None:
    after = _filing_after(doc)
    if after is not None:
        return after
    patterns = ((_RESUME_FILING_RE,) if own_kind == "执恢" else ()) + _FILING_RES
    for pattern in patterns:
        m = pattern.search(doc.norm, 0, doc.facts_end)
        if m:
            d = P.parse_date(m.group("when"))
            if d:
                return d
    return None


