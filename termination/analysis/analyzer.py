"""Read a published 终本 ruling: kind, header facts, the five contents, measures, problems.

Design: the text is normalised once (same length, so offsets map back to the original for
evidence), cut before a statute appendix, split into sentences, and then every feature is found
with one ``finditer`` pass over the body and a bisect into the sentence table, so the work is
linear in the text length. jieba is only used on a short window before each measure keyword
(token boundary and negation such as 未将其纳入失信被执行人名单).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from termination.analysis import parsing as P
from termination.analysis.models import (
    Basis,
    ContentItem,
    Contents,
    Kind,
    Measure,
    MeasureCode,
    Party,
    Problem,
    Role,
    RulingAnalysis,
)
from termination.analysis.segment import tokens
from termination.errors import InputError
from termination.periods import elapsed
from termination import editions
from termination.text import cn_number, ymd

EVIDENCE_MAX = 400

# ---------------------------------------------------------------- citations (Chinese, for users)

ZB_RULE = "《最高人民法院关于严格规范终结本次执行程序的规定（试行）》"
# Article numbers by edition (the 终本 article of the 民诉法解释, the 民事诉讼法 numbering) come from
# termination.editions (rulesets/articles.yaml). The 民事诉讼法 迟延履行利息 article is quoted
# from judgments, so it is never called outdated here.
_CPL_DELAY_TOPIC = "delay_interest"
_CPL_DELAY_RE = re.compile(r"迟延履行|加倍支付")

CONTENT_PROBLEMS: dict[str, tuple[str, str]] = {
    # 终本规定第六条 (wording UNVERIFIED, requirements.md §1) — items (一)…(五)
    "claim": ("裁定书未写明申请执行的债权情况（执行依据、给付内容或申请执行标的）", "第六条第一款第（一）项"),
    "process": ("裁定书未写明执行经过及采取的执行措施、强制措施", "第六条第一款第（二）项"),
    "property": ("裁定书未写明查明的被执行人财产情况", "第六条第一款第（三）项"),
    "realized": ("裁定书未写明实现的债权情况（已执行到位及未执行到位的金额）", "第六条第一款第（四）项"),
    "rights": (
        "裁定书未写明申请执行人享有要求被执行人继续履行债务及申请恢复执行的权利、被执行人负有继续履行债务的义务",
        "第六条第一款第（五）项",
    ),
}

# ---------------------------------------------------------------- patterns (on normalised text)

_A = P.AMOUNT_TEXT
_COURT_LINE_RE = re.compile(r"[\u4e00-\u9fff()\d]{2,40}?(?:法院|分院)")
_COURT_START_RE = re.compile(
    r"\s*(?P<court>[\u4e00-\u9fff()\d]{2,40}?(?:法院|分院))\s*"
    r"(?=执\s*行|结\s*案|裁\s*定|决\s*定|通\s*知|恢\s*复|受\s*理|[\u4e00-\u9fff]{0,10}?书|\(|\n|$)"
)
_NARRATIVE_RE = re.compile(r"一案|本院|关于|执行过程中|经审查|执行中")

_ROLES = (
    "申请执行人|被执行人|被申请人|复议申请人|申请人|异议人|案外人|共同委托诉讼代理人|共同委托代理人|"
    "委托诉讼代理人|委托代理人|特别授权代理人|诉讼代理人|指定代理人|法定代理人|代理人|法定代表人|"
    "诉讼代表人|负责人|经营者|投资人|执行事务合伙人|委派代表"
)
_PARTY_RE = re.compile(
    rf"(?P<role>{_ROLES})\s*(?:\((?P<paren>[^()]{{1,20}})\))?\s*(?P<colon>:)?\s*(?P<name>[^,;。:\n\s]{{1,60}})"
)
_ROLE_MAP: dict[str, Role] = {
    "申请执行人": "applicant", "申请人": "applicant",
    "被执行人": "respondent", "被申请人": "respondent",
    "法定代表人": "legal_representative", "法定代理人": "legal_representative",
    "诉讼代表人": "legal_representative", "负责人": "legal_representative",
    "经营者": "legal_representative", "投资人": "legal_representative",
    "执行事务合伙人": "legal_representative", "委派代表": "legal_representative",
}
_NOT_A_NAME_RE = re.compile(r"一案|申请执行|被执行人|本院|纠纷|认为|不服|提出|向本院|\d{4}年|^称|^诉称|^系")
_ALIAS_TAIL_RE = re.compile(r"[(（](?!有限合伙|普通合伙|特殊普通合伙)[^()（）]{1,30}[)）]$")
_ORG_RE = re.compile(
    r"(?:公司|有限|合伙|集团|银行|信用社|合作社|委员会|事务所|研究所|研究院|中心|学校|学院|大学|中学|小学|"
    r"医院|卫生院|协会|商会|基金会|商行|商店|超市|酒店|宾馆|经营部|门市部|营业部|办事处|工作室|俱乐部|"
    r"幼儿园|政府|企业|联社|工厂|厂|分行|支行)"
)
_ORG_TAIL_RE = re.compile(r"(?:局|处|所|院|站|社|店|场|部|队)$")
_CAUSE_RE = re.compile(
    r"民间借贷|金融借款|小额借款|借款|借贷|买卖|融资租赁|租赁|建设工程|装饰装修|劳务|劳动|追偿权|"
    r"机动车交通事故|交通事故|生命权|健康权|身体权|离婚|抚养|赡养|物业服务|服务合同|承揽|运输|不当得利|"
    r"股权转让|合伙|合同|侵权|保证|票据|信用卡|名誉权|财产损害|追索劳动报酬|培训|欠款|债权转让|返还|赔偿"
)
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

_MEASURES: tuple[tuple[MeasureCode, str], ...] = (
    ("enforcement_notice", r"执行通知书|执行通知"),
    ("report_order", r"报告财产令|财产报告令|申报财产令|报告财产通知书|报告财产|申报财产|财产申报"),
    (
        "network_inquiry",
        (r"网络执行查控系统|执行网络查控系统|网络查控系统|网络执行查控|网络查控|执行查控系统|查控系统|"
        r"总对总|点对点|网络查询|网上查询|鹰眼查控|"
        # the court's own property inquiry without naming the system (财产调查规定第一条: 网络查控)
        r"(?:对|就)被执行人(?:名下)?的?[^,。;]{0,16}?(?:财产|存款|车辆|房产|不动产|证券|账户)(?:情况)?"
        r"[^,。;]{0,6}?(?:进行了|进行|予以|作了|依法)?(?:查询|查控)|"
        r"查询(?:了)?被执行人(?:名下)?的?[^,。;]{0,12}?(?:财产|存款|车辆|房产|不动产|证券)|"
        r"经(?:网络)?查询\s*,?\s*被执行人[^,。;]{0,8}?名下"),
    ),
    (
        "onsite_investigation",
        (r"现场调查|实地调查|实地走访|实地查看|现场查看|现场勘查|实地勘查|入户调查|走访调查|上门调查|走访|"
        r"(?:到|至|前往|赴)被执行人[^,。;]{0,24}?(?:住所|住处|户籍地|居住地|经营场所|注册地|家中|所在地|"
        r"办公场所|营业场所|厂区)[^,。;]{0,10}?(?:调查|查看|查找|走访|寻找|查访|了解|核实|勘查)"),
    ),
    (
        "consumption_restriction",
        (r"限制消费令|限制高消费令|限制高消费|限制消费|限高令|限高|限消|"
        r"限制(?:其|被执行人|各被执行人|该公司|其法定代表人)[^,。;]{0,8}?高?消费"),
    ),
    ("dishonest_list", r"失信被执行人名单|失信被执行人|失信名单|失信人员名单"),
    ("fine", r"罚款"),
    ("detention", r"司法拘留|拘留"),
    ("search", r"搜查令|搜查"),
    ("reward", r"悬赏公告|执行悬赏|悬赏"),
    ("audit", r"司法审计|审计"),
)
_MEASURE_RE = re.compile("|".join(f"(?P<{code}>{pat})" for code, pat in _MEASURES))
# 终本规定第五条: 告知申请执行人并听取其意见 (约谈).
_INFORM_RE = re.compile(
    r"(?:告知|约谈|询问|征求|征询|听取|释明|告诉)[^。;,]{0,12}?申请执行人|"
    r"向申请执行人[^。;]{0,12}?(?:告知|释明|送达|说明)|"
    r"申请执行人[^。;]{0,30}?(?:同意|申请|确认|无异议|没有异议|不持异议)[^。;]{0,12}?(?:终结本次执行|终本)|"
    r"与申请执行人[^。;]{0,12}?(?:约谈|谈话|沟通|面谈|座谈)|(?:约谈|谈话)笔录|"
    r"申请执行人[^。;,]{0,10}?(?:在|于)(?:约谈|谈话|询问)|"
    r"申请执行人[^。;]{0,16}?(?:接受|参加|到庭|到院|到本院|来院)[^。;]{0,6}?(?:约谈|谈话|询问)|"
    r"申请执行人[^。;,]{0,10}?对(?:本案)?终结本次执行(?:程序)?[^。;,]{0,6}?(?:异议|意见)"
)
_WARN_RE = re.compile(
    r"将(?:依法|予以|会|对|视|追究|被(?!执行人|申请))|依法追究|可以|可依法|(?<![例比])如(?![下实期数约今同])|若|否则|一旦|"
    r"继续有效|仍然有效|不影响|应当"
)
_NEGATIONS = frozenset(
    {"未", "没有", "并未", "尚未", "暂未", "无法", "不能", "不予", "未予", "无须", "无需", "不再", "不",
     "未曾", "从未", "均未", "亦未", "也未", "无", "未能将"}
)
_NEG_CHARS = re.compile(r"[未没无不]")
_NEG_EXEMPT = frozenset({"按", "按照", "依", "依照", "根据", "遵守", "履行", "违反", "收到", "接到", "依据"})

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
_EXCLUDE_INFO_RE = re.compile(r"告知|约谈|释明")
_RIGHT_RE = re.compile(r"恢复执行|再次申请|随时[^。;]{0,10}?(?:请求|申请)[^。;]{0,6}?执行|要求被执行人继续履行")
_MODAL_RE = re.compile(r"可以|(?<!不)可(?!供|能|执行)|有权|享有|不受")

_RECOVERED_RES = (
    re.compile(
        rf"(?<!未)(?:执行到位|实际到位)(?:的)?(?:标的额|款项|金额|案款|款|执行款)?(?:为|共计|合计|计|共)?:?\s*(?P<a>{_A})"
    ),
    re.compile(
        rf"(?:已(?:经)?|自动|主动|自行)(?:执行|履行|给付|支付|偿还|清偿|扣划|划拨|发放|实现|还款|收到|领取)(?:了)?"
        rf"[^。;,\d]{{0,10}}?(?P<a>{_A})"
    ),
)
_ZERO_RE = re.compile(
    r"分文未|(?:尚)?未(?:能)?(?:执行|履行|清偿|偿还|执行到位|到位)(?:到)?任何(?:款项|财产|还款)?|未执行到(?:任何)?款项|"
    r"无(?:任何)?(?:执行到位|到位)(?:的)?(?:款项|金额|标的|执行款)?|执行到位(?:的)?(?:款项|金额|标的额)?(?:为)?零|"
    r"(?:债权|款项|标的)(?:均|全部)?(?:尚)?未(?:能)?(?:得到)?(?:实现|清偿|受偿)"
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
)
_CLAIM_ANCHOR_RE = re.compile(r"执行依据|发生法律效力|生效|判决|调解书|裁决|公证|支付令|申请执行|执行标的")
_CLAIM_CONTENT_RE = re.compile(r"支付|偿还|给付|赔偿|返还|归还|履行|标的|元|义务|承担")

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

_JS_ART_RE = re.compile(
    r"第\s*("
    + "|".join(f"{cn_number(a.number)}|{a.number}" for a in editions.history("zhongben_basis") if a.number)
    + r")\s*条"
)
_ART_RE = re.compile(r"第\s*([零一二三四五六七八九十百千\d]+)\s*条")
_CPL_RE = re.compile(
    r"民事诉讼法\s*[》>]?\s*(?:\([^()]{0,12}\))?\s*"
    r"(?P<arts>(?:第\s*[零一二三四五六七八九十百千\d]+\s*条(?:\s*第\s*[零一二三四五六七八九十百\d]+\s*[款项])*"
    r"\s*[、,和及与]?\s*)+)"
)
_LAW_CITE_RE = re.compile(
    r"《[^》]{2,60}(?:法|规定|解释|意见|批复|办法|条例|通知)[^》]{0,10}》|第\s*[零一二三四五六七八九十百千\d]+\s*条"
)
_SIXTY_RE = re.compile(r"(?:六十|60)\s*(?:日|天)")


# ---------------------------------------------------------------- document


@dataclass
class _Doc:
    """The text with its normalised twin, body bounds and a sentence table."""

    text: str
    norm: str
    end: int
    decision: re.Match[str] | None
    date: dt.date | None
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    @property
    def facts_end(self) -> int:
        """End of the facts and reasoning (start of ``裁定如下``), or the body end."""
        return self.decision.start() if self.decision else self.end

    @property
    def main_start(self) -> int | None:
        return self.decision.end() if self.decision else None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0 or pos >= self.ends[i]:
            return pos, pos
        return self.starts[i], self.ends[i]

    def clause(self, pos: int) -> tuple[int, int]:
        s, e = self.sentence(pos)
        cs = self.norm.rfind(",", s, pos) + 1 or s
        ce = self.norm.find(",", pos, e)
        return max(cs, s), (e if ce < 0 else ce)

    def evidence(self, pos: int) -> str:
        s, e = self.sentence(pos)
        text = re.sub(r"\s+", " ", self.text[s:e]).strip()
        return text if len(text) <= EVIDENCE_MAX else text[: EVIDENCE_MAX - 1] + "…"


def _build(text: str) -> _Doc:
    norm = P.normalize(text)
    decision = P.find_decision(norm)
    found = P.find_ruling_date(norm, decision.end() if decision else None)
    cut = P.find_appendix(norm, found[1] if found else None)
    end = len(norm) if cut is None else cut
    if decision and decision.start() >= end:
        decision = None
    doc = _Doc(text=text, norm=norm, end=end, decision=decision, date=found[2] if found else None)
    for m in P.SENTENCE_RE.finditer(norm, 0, end):
        doc.starts.append(m.start())
        doc.ends.append(m.end())
    return doc


# ---------------------------------------------------------------- header facts


def _court(doc: _Doc) -> str | None:
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


def _original_compact(doc: _Doc, s: int, e: int) -> str:
    return re.sub(r"\s+", "", doc.text[s:e])


def _case_number(doc: _Doc) -> tuple[str | None, str | None]:
    for _, _, number, kind in P.iter_case_numbers(doc.norm, 0, doc.end):
        if P.is_execution_kind(kind):
            return number, kind
    return None, None


def _parties(doc: _Doc) -> list[Party]:
    limit = doc.facts_end
    m = _NARRATIVE_RE.search(doc.norm, 0, limit)
    header_end = m.start() if m else limit
    out: dict[tuple[str, str], Party] = {}
    for pm in _PARTY_RE.finditer(doc.norm, 0, header_end):
        role = pm.group("role")
        paren = pm.group("paren") or ""
        if role in ("异议人", "复议申请人", "案外人"):
            role = paren if paren in ("申请执行人", "被执行人") else ""
        mapped: Role | None = _ROLE_MAP.get(role) or ("agent" if role.endswith("代理人") else None)
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
    if _ORG_RE.search(name) or (len(name) >= 4 and _ORG_TAIL_RE.search(name)):
        return "organisation"
    return "person"


def _narrative_parties(doc: _Doc) -> list[Party]:
    m = _NARRATIVE_PARTIES_RE.search(doc.norm, 0, doc.facts_end)
    if not m:
        return []
    parties = []
    for role, group in (("applicant", "a"), ("respondent", "r")):
        s, e = m.span(group)
        cause = _CAUSE_RE.search(doc.norm, s, e)
        raw = doc.text[s : cause.start() if cause else e]
        for name in re.split(r"[、，,]", raw):
            name = _clean_name(name)
            if name and not _NOT_A_NAME_RE.search(name):
                parties.append(Party(name=name, role=role, kind=_party_kind(name)))  # type: ignore[arg-type]
    return parties


def _basis(doc: _Doc, court: str | None) -> Basis | None:
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


def _kind(doc: _Doc, own_kind: str | None) -> Kind:
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


def _filing_date(doc: _Doc, own_kind: str | None) -> dt.date | None:
    patterns = ((_RESUME_FILING_RE,) if own_kind == "执恢" else ()) + _FILING_RES
    for pattern in patterns:
        m = pattern.search(doc.norm, 0, doc.facts_end)
        if m:
            d = P.parse_date(m.group("when"))
            if d:
                return d
    return None


# ---------------------------------------------------------------- measures


@dataclass
class _Hit:
    code: MeasureCode
    pos: int
    date: dt.date | None


def _date_for(doc: _Doc, pos: int, dates: list[tuple[int, int, dt.date, bool]], starts: list[int]) -> dt.date | None:
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


def _negated(doc: _Doc, pos: int, end: int, clause_start: int) -> bool:
    """True when the keyword at ``pos`` is negated (未将其纳入…), judged on jieba tokens."""
    ws = max(clause_start, pos - 12)
    if not _NEG_CHARS.search(doc.norm, ws, pos):  # every negation word contains one of these
        return False
    toks = tokens(doc.norm[ws:end])
    offset = pos - ws
    idx = next((i for i, (_, s, e) in enumerate(toks) if s <= offset < e), len(toks))
    for word, _, _ in reversed(toks[max(0, idx - 4) : idx]):
        if word in _NEG_EXEMPT:
            return False
        if word in _NEGATIONS:
            return True
    return False


def _clause_is_warning(doc: _Doc, cs: int, ce: int) -> bool:
    clause = doc.norm[cs:ce]
    return bool(_WARN_RE.search(clause)) or clause.rstrip().endswith("的")


def _measures(doc: _Doc) -> list[Measure]:
    limit = doc.facts_end
    dates = P.iter_dates(doc.norm, 0, limit)
    starts = [d[0] for d in dates]
    chosen: dict[str, _Hit] = {}

    def consider(code: MeasureCode, pos: int, end: int, negation: bool) -> None:
        cs, ce = doc.clause(pos)
        if _clause_is_warning(doc, cs, ce) or (negation and _negated(doc, pos, end, cs)):
            return
        prior = chosen.get(code)
        if prior is not None and prior.date is not None:
            return
        hit_date = _date_for(doc, pos, dates, starts)
        if prior is None or hit_date is not None:
            chosen[code] = _Hit(code, pos, hit_date)

    for m in _MEASURE_RE.finditer(doc.norm, 0, limit):
        code = m.lastgroup
        if code is None or code in chosen and chosen[code].date is not None:
            continue
        consider(code, m.start(), m.end(), negation=True)  # type: ignore[arg-type]
    for m in _INFORM_RE.finditer(doc.norm, 0, limit):
        consider("applicant_informed", m.start(), m.end(), negation=True)  # 未告知申请执行人
    hits = sorted(chosen.values(), key=lambda h: h.pos)
    return [Measure(measure=h.code, date=h.date, evidence=doc.evidence(h.pos)) for h in hits]


# ---------------------------------------------------------------- contents and amounts


def _is_statement(doc: _Doc, pos: int) -> bool:
    """False for a 告知/rights sentence or a conditional clause (…的): they state no fact."""
    s, e = doc.sentence(pos)
    sentence = doc.norm[s:e]
    if _EXCLUDE_INFO_RE.search(sentence) or (_RIGHT_RE.search(sentence) and _MODAL_RE.search(sentence)):
        return False
    cs, ce = doc.clause(pos)
    return not doc.norm[cs:ce].rstrip().endswith("的")


def _first_valid(doc: _Doc, pattern: re.Pattern[str], start: int, end: int) -> int | None:
    """First match that states a fact (see :func:`_is_statement`)."""
    return next((m.start() for m in pattern.finditer(doc.norm, start, end) if _is_statement(doc, m.start())), None)


def _last_valid(doc: _Doc, pattern: re.Pattern[str], start: int, end: int) -> int | None:
    """Last match that states a fact (see :func:`_is_statement`)."""
    last = None
    for m in pattern.finditer(doc.norm, start, end):
        if _is_statement(doc, m.start()):
            last = m.start()
    return last


def _amounts(doc: _Doc, patterns: Iterable[re.Pattern[str]], start: int, end: int) -> list[tuple[int, Decimal]]:
    """Every stated amount the patterns find, in text order (one per position)."""
    found: dict[int, Decimal] = {}
    for pattern in patterns:
        for m in pattern.finditer(doc.norm, start, end):
            am = P.AMOUNT_RE.search(m.group("a"))
            value = P.amount_from_match(am) if am else None
            if value is not None and m.start() not in found and _is_statement(doc, m.start()):
                found[m.start()] = value
    return sorted(found.items())


def _first_amount(doc: _Doc, patterns: Iterable[re.Pattern[str]], start: int, end: int) -> tuple[int, Decimal] | None:
    found = _amounts(doc, patterns, start, end)
    return found[0] if found else None


_TOTAL_RE = re.compile(r"累计|共计|合计|总计|共")


def _summary_amount(doc: _Doc, patterns: Iterable[re.Pattern[str]], start: int, end: int) -> tuple[int, Decimal] | None:
    """The amount of the summing-up statement: a 累计/共计 one, else the last one stated.

    A ruling states partial payments first and the total last; a 执恢 ruling recites what the
    original case recovered before the running total.
    """
    found = _amounts(doc, patterns, start, end)
    totals = [(pos, v) for pos, v in found if _TOTAL_RE.search(doc.norm, max(start, pos - 6), pos + 8)]
    chosen = totals or found
    return chosen[-1] if chosen else None


def _claim_pos(doc: _Doc) -> int | None:
    """Sentence stating the claim: 执行依据 with a document number, else the 执行标的."""
    limit = doc.facts_end
    numbers = [s for s, _, _, kind in P.iter_basis_numbers(doc.norm, 0, limit) if not P.is_execution_kind(kind)]
    for s in numbers:
        ss, se = doc.sentence(s)
        if _CLAIM_CONTENT_RE.search(doc.norm, ss, se) or re.search("效力|依据", doc.norm[ss:se]):
            return s
    first_candidate: int | None = None
    for m in _CLAIM_ANCHOR_RE.finditer(doc.norm, 0, limit):
        ss, se = doc.sentence(m.start())
        sentence = doc.norm[ss:se]
        if _EXCLUDE_INFO_RE.search(sentence) or (_RIGHT_RE.search(sentence) and _MODAL_RE.search(sentence)):
            continue
        if not _CLAIM_CONTENT_RE.search(sentence):
            continue
        if P.AMOUNT_RE.search(sentence) and ("执行标的" in sentence or "依据" in sentence):
            return ss
        if first_candidate is None:
            first_candidate = ss
    return first_candidate


def _property_pos(doc: _Doc, main_end: int) -> int | None:
    """The statement of the property found: the last firm finding in the facts, else a detail.

    The facts stop at 本院认为 (its 未发现可供执行的财产 is the conclusion, not the finding);
    the reasoning and main text are searched only when the facts say nothing.
    """
    facts_end = doc.facts_end
    reasoning = doc.norm.rfind("本院认为", 0, facts_end)
    stop = reasoning if reasoning > 0 else facts_end
    for pattern in (_PROPERTY_FINDING_RE, _PROPERTY_DETAIL_RE):
        pos = _last_valid(doc, pattern, 0, stop)
        if pos is not None:
            # 经查，名下有…；名下无其他…。 is one finding: show it from its first part
            start = max(doc.norm.rfind("。", 0, pos), doc.norm.rfind("\n", 0, pos)) + 1
            return _first_valid(doc, pattern, start, stop)
    for pattern in (_PROPERTY_FINDING_RE, _PROPERTY_DETAIL_RE):
        pos = _first_valid(doc, pattern, stop, main_end)
        if pos is not None:
            return pos
    return None


def _rights_pos(doc: _Doc) -> int | None:
    for m in _RIGHT_RE.finditer(doc.norm, 0, doc.end):
        s, e = doc.sentence(m.start())
        if _MODAL_RE.search(doc.norm, s, e):
            return m.start()
    return None


def _item(doc: _Doc, pos: int | None) -> ContentItem:
    return ContentItem(present=False) if pos is None else ContentItem(present=True, evidence=doc.evidence(pos))


# ---------------------------------------------------------------- problems


def _problems(
    doc: _Doc, contents: Contents, measures: list[Measure], filing: dt.date | None
) -> list[Problem]:
    found: list[Problem] = []
    for name, (message, item) in CONTENT_PROBLEMS.items():
        if not getattr(contents, name).present:
            found.append(Problem(code=f"TXT-CONTENT-{name}", message=message, citation=f"{ZB_RULE}{item}（条文措辞未核实）"))
    body = doc.norm[: doc.end]
    ruling_date = doc.date
    cited = {P.cn_to_int(m.group(1)) for m in _JS_ART_RE.finditer(body) if _cites_interpretation(doc, m.start())}
    basis = editions.find("zhongben_basis", ruling_date) if ruling_date is not None else None
    if ruling_date is not None and basis is not None:
        for other in editions.history("zhongben_basis"):
            if other.number in (None, basis.number) or other.number not in cited or basis.number in cited:
                continue
            if other.edition.effective < basis.edition.effective:
                found.append(
                    Problem(
                        code="TXT-BASIS-OLD",
                        message=(
                            f"裁定作出于{ruling_date.isoformat()}，引用的{other.edition.short}{other.text}是修正前的条文序号；"
                            f"{ymd(basis.edition.effective)}起应引用{basis.text}"
                        ),
                        citation=basis.citation(edition=True),
                    )
                )
            else:
                found.append(
                    Problem(
                        code="TXT-BASIS-NEW-EARLY",
                        message=(
                            f"裁定作出于{ruling_date.isoformat()}，早于{ymd(other.edition.effective)}，却引用了"
                            f"{other.edition.label}后的{other.edition.short}{other.text}；当时有效的条文为{basis.text}"
                        ),
                        citation=basis.citation(edition=True),
                    )
                )
    if ruling_date is not None:
        found.extend(_cpl_problems(doc, ruling_date))
    for m in _SIXTY_RE.finditer(body):
        s, e = doc.sentence(m.start())
        if "异议" in body[s:e]:
            found.append(
                Problem(
                    code="TXT-60DAYS",
                    message="裁定书告知了六十日的异议期限；终结本次执行程序不是执行程序终结，对其提出执行异议不适用六十日期限",
                    citation=(
                        f"{ZB_RULE}第七条；《最高人民法院关于人民法院办理执行异议和复议案件若干问题的规定》"
                        "第六条第一款；（2021）最高法执监501号执行裁定"
                    ),
                )
            )
            break
    if ruling_date is not None and filing is not None and not elapsed(filing, ruling_date, months=3):
        found.append(
            Problem(
                code="TXT-UNDER-3M",
                message=f"裁定作出日（{ruling_date.isoformat()}）距立案日（{filing.isoformat()}）未超过三个月",
                citation=f"{ZB_RULE}第一条第（四）项",
            )
        )
    if not any(m.measure == "applicant_informed" for m in measures):
        found.append(
            Problem(
                code="TXT-NO-INFORM",
                message="裁定书未载明已将执行情况、财产调查措施、终本依据及法律后果等告知申请执行人并听取其意见",
                citation=f"{ZB_RULE}第五条（条文措辞未核实）",
            )
        )
    if not _basis_cited(doc):
        # the 终本 article in force on the ruling date; every edition when the date is unknown
        current = editions.find("zhongben_basis", ruling_date) if ruling_date is not None else None
        cited_in = [current] if current is not None else list(reversed(editions.history("zhongben_basis")))
        citation = "；".join(a.citation(edition=True) for a in cited_in)
        found.append(Problem(code="TXT-NO-BASIS", message="裁定书未引用任何法律依据", citation=citation))
    return found


def _cites_interpretation(doc: _Doc, pos: int) -> bool:
    """False when the article at ``pos`` belongs to another statute named just before it
    (《中华人民共和国民法典》第五百一十九条 is about joint debts, not 终本)."""
    s, _ = doc.sentence(pos)
    close = doc.norm.rfind("》", s, pos)
    if close < 0:
        return True
    title = doc.norm[doc.norm.rfind("《", s, close) + 1 : close]
    between = doc.norm[close + 1 : pos]
    return "解释" in title or bool(re.search(r"解释|[、,;]", between))


def _cpl_problems(doc: _Doc, ruling_date: dt.date) -> list[Problem]:
    """民事诉讼法 articles cited with the number of a revision no longer in force on the ruling date.

    A number counts as outdated only if it belongs to an older revision's table and is not an
    article of the revision in force (so a coincidence with a current article is never flagged);
    sentences about 迟延履行 quote the judgment and are skipped.
    """
    current_edition = editions.edition("cpl", ruling_date)
    if current_edition is None:
        return []
    label = current_edition.label
    topics = [t for t in editions.topics("cpl") if t != _CPL_DELAY_TOPIC]
    now = {t: editions.article(t, ruling_date) for t in topics}
    current = {a.number for a in (*now.values(), *editions.history(_CPL_DELAY_TOPIC)) if a.number is not None}
    # an older edition's number → (topic title, the article in force, the older editions using it)
    older: dict[int, tuple[str, editions.Article, list[str]]] = {}
    for t in topics:
        for a in editions.history(t):
            if a.edition.effective >= current_edition.effective or a.number is None:
                continue
            entry = older.get(a.number)
            if entry is None or entry[0] != now[t].title:
                older[a.number] = entry = (now[t].title, now[t], [])
            entry[2].append(a.edition.label)
    found: dict[int, tuple[str, editions.Article, list[str]]] = {}
    body = doc.norm[: doc.end]
    for m in _CPL_RE.finditer(body):
        s, e = doc.sentence(m.start())
        if _CPL_DELAY_RE.search(body, s, e):
            continue
        for art in _ART_RE.finditer(m.group("arts")):
            n = P.cn_to_int(art.group(1))
            if n is not None and n in older and n not in current:
                found.setdefault(n, older[n])
    if not found:
        return []
    parts = [
        f"第{cn_number(n)}条（{topic}）是{_labels(labels)}文本的条文序号，当时有效的{label}文本为{now_.text}"
        for n, (topic, now_, labels) in found.items()
    ]
    citations = [now_.citation(edition=True) for _, now_, _ in found.values()]
    return [
        Problem(
            code="TXT-CPL-OLD",
            message=f"裁定作出于{ruling_date.isoformat()}，引用的《{current_edition.title}》" + "；".join(parts),
            citation="；".join(dict.fromkeys(citations)),
        )
    ]


def _labels(labels: list[str]) -> str:
    """``["2012年修正", "2017年修正"]`` → ``2012年、2017年修正``."""
    if len(labels) > 1 and all(x.endswith("修正") for x in labels):
        return "、".join(x.removesuffix("修正") for x in labels[:-1]) + "、" + labels[-1]
    return "、".join(labels)


def _basis_cited(doc: _Doc) -> bool:
    """Whether the reasoning before ``裁定如下`` cites a law (a 《…》 title or an article)."""
    if doc.decision is None:
        return bool(_LAW_CITE_RE.search(doc.norm, 0, doc.end))
    start = doc.norm.rfind("本院认为", max(0, doc.decision.start() - 2000), doc.decision.start())
    if start < 0:
        start = max(0, doc.decision.start() - 400)
    return bool(_LAW_CITE_RE.search(doc.norm, start, doc.decision.end()))


# ---------------------------------------------------------------- entry point


def analyze_text(text: str, *, filing_date: dt.date | None = None) -> RulingAnalysis:
    """Analyse the text of one published ruling.

    ``filing_date`` (立案日期), when given, overrides a date read from the text; it is used for
    the three-month check (终本规定第一条第（四）项).
    """
    if not isinstance(text, str):
        raise InputError("裁定书文本必须是字符串", field="text")
    if filing_date is not None and not isinstance(filing_date, dt.date):
        raise InputError("立案日期必须是日期", field="filing_date")
    doc = _build(P.clean(text))
    court = _court(doc)
    case_number, own_kind = _case_number(doc)
    kind = _kind(doc, own_kind)
    filing = filing_date or _filing_date(doc, own_kind)

    measures = _measures(doc)
    facts_end = doc.facts_end
    main_end = doc.main_start if doc.main_start is not None else doc.end
    process_hit = next((m for m in measures if m.measure != "applicant_informed"), None)
    recovered = _summary_amount(doc, _RECOVERED_RES, 0, facts_end)
    outstanding = _summary_amount(doc, _OUTSTANDING_RES, 0, facts_end)
    realized_pos = recovered[0] if recovered else min(
        (p for p in (
            _first_valid(doc, _ZERO_RE, 0, facts_end),
            _first_valid(doc, _OUTSTANDING_RES[0], 0, facts_end),
            _first_valid(doc, _OUTSTANDING_RES[1], 0, facts_end),
        ) if p is not None),
        default=None,
    )
    contents = Contents(
        claim=_item(doc, _claim_pos(doc)),
        process=(
            ContentItem(present=True, evidence=process_hit.evidence) if process_hit else ContentItem(present=False)
        ),
        property=_item(doc, _property_pos(doc, main_end)),
        realized=_item(doc, realized_pos),
        rights=_item(doc, _rights_pos(doc)),
    )

    claim = _first_amount(doc, _CLAIM_AMOUNT_RES, 0, facts_end)
    claim_amount = claim[1] if claim else None
    if claim_amount is None and contents.claim.present:
        claim_pos = _claim_pos(doc)
        if claim_pos is not None:
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

    is_zhongben = kind == "zhongben"
    return RulingAnalysis(
        is_zhongben=is_zhongben,
        kind=kind,
        case_number=case_number,
        court=court,
        date=doc.date,
        filing_date=filing,
        parties=_parties(doc),
        basis=_basis(doc, court),
        claim_amount=claim_amount,
        recovered_amount=recovered_amount,
        outstanding_amount=outstanding_amount,
        contents=contents,
        measures=measures,
        problems=_problems(doc, contents, measures, filing) if is_zhongben else [],
        char_count=len(text),
    )
