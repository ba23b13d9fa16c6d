"""What the templates print, computed once from the case record and its decision.

Templates hold the wording and the layout; this module turns the record into sentences
(parties, the dated measures, the property found, the amounts) and maps every blocking
finding of the decision to the place in the documents where the missing step belongs.
Nothing here re-decides: readiness, messages and remedies come from the decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from termination import periods
from termination.case import Asset, CaseRecord, NaturalPerson, Organisation, Party
from termination.decision import STATUS_LABEL, STATUS_MARK, Decision, Finding
from termination.errors import CalendarNotCovered, NotReadyError
from termination import glossary
from termination.render import legal
from termination.text import FILTERS, amount_in_words, cn_number, money, ymd

# 《失信规定》第一条各项（VERIFIED），此处为概括表述
DISHONEST_GROUND: dict[int, str] = {
    1: "有履行能力而拒不履行生效法律文书确定义务",
    2: "以伪造证据、暴力、威胁等方法妨碍、抗拒执行",
    3: "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行",
    4: "违反财产报告制度",
    5: "违反限制消费令",
    6: "无正当理由拒不履行执行和解协议",
}
# 动产以查封为准：车辆等登记查封后未必实际扣押（终本规定第四条），“扣押”须以实际控制为前提
SEIZURE_VERB = {"bank_deposit": "冻结", "movable": "查封", "real_estate": "查封", "other_right": "冻结"}
#: found asset type → what "seized" means for it
ASSET_SEIZED = {"bank_deposit": "冻结", "internet_bank": "冻结", "securities": "冻结", "housing_fund": "冻结",
                "wealth_management": "冻结", "dividends": "冻结", "business_registration": "冻结", "insurance": "冻结",
                "tax": "冻结", "pboc": "冻结", "vehicle": "查封", "ship": "查封", "real_estate": "查封",
                "civil_affairs": "查封", "other": "查封、扣押或冻结"}
#: event order → the kind of measure (约谈笔录的措施概述)
MEASURE_KIND = {
    1: "发出执行通知书", 2: "报告财产令", 4: "网络执行查控系统查询", 5: "限制消费", 6: "纳入失信被执行人名单",
    7: "核查财产线索", 8: "现场调查", 9: "调查询问", 10: "搜查", 11: "处理审计、悬赏申请", 12: "查封、扣押、冻结",
    13: "拍卖、变卖", 14: "查找被执行人下落", 16: "罚款、拘留等强制措施", 17: "执行转破产征询",
}

#: Where in the ruling a blocking finding is shown in a draft (section name by rule code).
_SECTION_OVERRIDES = {
    "A03": "realized", "G02": "realized", "G01": "signature",
    "F01": "interview", "F02": "interview", "F03": "interview", "F04": "interview",
    "D14": "property", "D15": "property", "D16": "property", "D17": "property",
}
_SECTION_BY_GROUP = {"A": "reasoning", "B": "measures", "C": "measures", "D": "measures", "E": "measures",
                     "F": "reasoning", "G": "reasoning"}
NOTICE_DAYS = 7  # 告知书：收到之日起七日内提出意见或财产线索（法院指定期间）
BLANK = "＿＿＿＿＿＿"
# Blanks to write in by hand. The type area is 15.6 cm = 442 pt: 27 characters of 三号 (16 pt).
LINE_BLANK = "＿" * 27  # a whole line (no indent)
ANSWER_BLANK = "＿" * 23  # the rest of an indented line after "答："
NAME_BLANK = "＿" * 8  # a signature
DATE_BLANK = "＿＿＿＿年＿＿月＿＿日"


def wording() -> Any:
    """The documents' own wording of record values (``templates/_wording.j2``): ``wording().asset["pboc"]``."""
    from termination.render import _environment  # the one document environment (no import cycle at load)

    return _environment().get_template("_wording.j2").module


def _reason(text: str) -> str:
    """A recorded reason as a clause after 因: no leading 因/由于, no final 。."""
    text = text.strip().rstrip("。；;")
    for lead in ("由于", "因为", "因"):
        if text.startswith(lead):
            return text[len(lead):]
    return text


def spaced(name: str) -> str:
    """Signature names: a two-character name gets a full-width space (王　五) to align."""
    return f"{name[0]}　{name[1]}" if len(name) == 2 else name


def gap_marker(text: str) -> str:
    """The in-place marker of a missing step in a draft."""
    return f"【待补充：{text}】"


def section_of(rule: str) -> str:
    """The ruling section where a finding of ``rule`` is shown."""
    return _SECTION_OVERRIDES.get(rule) or _SECTION_BY_GROUP.get(rule[:1], "reasoning")


def missing_steps(decision: Decision) -> list[str]:
    """One Chinese line per blocking finding: rule, title, what is wrong and the remedy."""
    lines = []
    for f in decision.findings:
        if f.blocks:
            line = f"{f.rule} {f.title}：{f.message}"
            if f.remedy:
                line += f"补正：{f.remedy}"
            lines.append(line)
    return lines


def citation_text(f: Finding) -> str:
    """Citations of a finding with kind and verification status (article numbers only)."""
    return "；".join(c.describe() for c in f.citations) or "无"


def citation_short(f: Finding) -> str:
    """Citations of a finding, article numbers only (for the approval table)."""
    return "；".join(c.text for c in f.citations) or "无"


_CAPACITY_NOTE = re.compile(r"（(?:法定代表人|负责人)）$")

#: Placeholder for the respondents of an event, filled in once same-day events are merged.
WHO = "\x00who\x00"
FIRST = "\x00first\x00"


@dataclass
class Event:
    """One dated measure of the enforcement (``text`` may hold :data:`WHO`)."""

    on: date | None
    text: str
    order: int = 0  # tie-break for the same day: the usual sequence of the measures
    who: tuple[str, ...] = ()  # respondent ids that fill WHO
    served: tuple[date | None, ...] = ()  # per respondent: when the document was served
    served_what: str = ""  # "该通知书": the document whose service is reported
    scope: tuple[str, ...] = ()  # network inquiries: system and scope, to refer back to a repeat
    sort_on: date | None = None  # where an undated event belongs (e.g. after its order)
    repeat: str = ""  # the sentence for a repeat of an earlier event (FIRST: that event's number)

    def key(self) -> tuple[object, ...]:
        """Events equal in all but their respondents (and service dates) merge into one sentence."""
        return (self.on, self.order, self.text, self.served_what, self.scope, self.sort_on,
                tuple(s is None for s in self.served[:1]))


@dataclass
class Context:
    """The template context (``as_dict`` is what Jinja sees)."""

    case: CaseRecord
    decision: Decision
    draft: bool
    names: dict[str, str] = field(default_factory=dict)

    # ---------------------------------------------------------------- helpers

    def gap(self, label: str) -> str:
        """A missing value: a marker in a draft; in a final document the render is refused."""
        if not self.draft:
            raise NotReadyError(f"文书缺少必要内容：{label}，不能生成正式文书（可生成标注缺项的草稿）",
                                missing=[label])
        return gap_marker(label)

    def gaps(self, section: str) -> list[str]:
        """Markers for the blocking findings that belong to ``section`` (drafts only)."""
        if not self.draft:
            return []
        return [gap_marker(f"{f.rule} {f.title}——{f.message}")
                for f in self.decision.findings if f.blocks and section_of(f.rule) == section]

    def unit_of(self, person: str) -> tuple[str, str] | None:
        """(unit respondent, the person's capacity) when ``person`` acts for a unit respondent."""
        for r in self.case.respondents:
            p = r.party
            if isinstance(p, Organisation) and p.legal_representative == person:
                return p.name, "法定代表人"
        for cr in self.case.measures.consumption_restrictions:
            if person in cr.bound_persons and self.names.get(cr.respondent):
                return self.names[cr.respondent], "主要负责人"
        return None

    def who(self, party_id: str) -> str:
        """被执行人张三 for a respondent id; other persons by their own name."""
        name = self.names.get(party_id)
        return f"被执行人{name}" if name else party_id

    # ---------------------------------------------------------------- parties

    def party_lines(self, role: str, party: Party) -> list[str]:
        """The parties block lines of one party (and its agent)."""
        if isinstance(party, NaturalPerson):
            bits = [party.name]
            if party.sex:
                bits.append(party.sex)
            if party.birth_date:
                bits.append(f"{ymd(party.birth_date)}出生")
            if party.ethnicity:
                bits.append(party.ethnicity)
            if party.address:
                bits.append(f"住{party.address}")
            lines = [f"{role}：{'，'.join(bits)}。"]
        else:
            assert isinstance(party, Organisation)
            line = f"{role}：{party.name}"
            if party.address:
                line += f"，住所地{party.address}"
            lines = [line + "。"]
            if party.legal_representative:
                label = "法定代表人" if party.org_type in ("enterprise_legal_person", "non_enterprise_legal_person") \
                    else "负责人"
                rep = f"{label}：{party.legal_representative}"
                if party.representative_title:
                    rep += f"，{party.representative_title}"
                lines.append(rep + "。")
        if party.agent:
            agent = f"委托诉讼代理人：{party.agent.name}"
            if party.agent.firm:
                agent += f"，{party.agent.firm}" + ("律师" if party.agent.firm.endswith("律师事务所") else "工作人员")
            lines.append(agent + "。")
        return lines

    # ---------------------------------------------------------------- measures

    def whos(self, ids: tuple[str, ...]) -> str:
        """被执行人甲、乙 for several respondent ids (other persons by their own name)."""
        names = [self.names.get(i) for i in ids]
        if all(names):
            return "被执行人" + "、".join(n for n in names if n)
        return "、".join(self.who(i) for i in ids)

    def raw_events(self) -> list[Event]:
        """Every measure in the record as one event per respondent (not yet merged or sorted)."""
        c, m = self.case, self.case.measures
        ev: list[Event] = []
        for n in m.enforcement_notices:
            t = f"向{WHO}发出执行通知书"
            told = []
            if n.names_delay_interest:
                told.append("迟延履行期间的债务利息或迟延履行金")
            if n.dishonest_warning:
                told.append("纳入失信被执行人名单的风险")
            if told:
                t += f"，责令其履行生效法律文书确定的义务，并告知{'及'.join(told)}"
            ev.append(Event(n.issued_on, t, 1, (n.respondent,), (n.served_on,), "通知书"))
        first_order: dict[str, date] = {}
        for o in m.report_orders:
            first_order.setdefault(o.respondent, o.issued_on)
            ev.append(Event(o.issued_on, f"向{WHO}发出报告财产令，责令其报告财产情况", 2, (o.respondent,),
                            (o.served_on,), "报告财产令"))
        for r in m.property_reports:
            t = f"{WHO}{wording().report_status[r.status]}"
            if r.verified_on:
                t += f"；本院于{ymd(r.verified_on)}予以核查"
                if r.verification_result:
                    t += f"，{r.verification_result.rstrip('。')}"
            # 未注明日期的报告情况（如拒绝报告）紧随报告财产令列出
            ev.append(Event(r.received_on or r.verified_on, t, 3, (r.respondent,),
                            sort_on=first_order.get(r.respondent)))
        for q in m.network_inquiries:
            head = f"通过网络执行查控系统（{q.system}）查询{WHO}名下的"
            if q.feedback_on is None:
                tail = "，尚未反馈"
            elif q.found:
                found = "、".join(wording().asset[s] for s in q.found)
                tail = f"，{ymd(q.feedback_on)}反馈：查询到{found}，其余项目未查询到财产"
            else:
                tail = f"，{ymd(q.feedback_on)}反馈：未查询到财产"
            ev.append(Event(q.requested_on, head + "、".join(wording().asset[s] for s in q.scope) + tail, 4,
                            (q.respondent,), scope=(q.system, *q.scope),
                            repeat=f"{head}财产（查询项目同第（{FIRST}）项）{tail}"))
        for cr in m.consumption_restrictions:
            t = f"向{WHO}发出限制消费令"
            if cr.bound_persons:
                t += f"，同时限制{'、'.join(cr.bound_persons)}的高消费及非生活和工作必需的消费行为"
            if cr.lifted_on:
                reason = wording().lift_reason[cr.lift_reason] if cr.lift_reason else "依法"
                t += f"（{ymd(cr.lifted_on)}因{reason}解除）"
            ev.append(Event(cr.issued_on, t, 5, (cr.respondent,)))
        for dl in m.dishonest_listings:
            t = f"决定将{WHO}纳入失信被执行人名单（{DISHONEST_GROUND[dl.ground]}"
            if dl.period_years:
                t += f"，期限{cn_number(dl.period_years)}年"
            t += "）"
            if dl.deleted_on:
                t += f"，{ymd(dl.deleted_on)}已删除失信信息"
            ev.append(Event(dl.decided_on, t, 6, (dl.respondent,), (dl.served_on,), "决定书"))
        for cl in m.clues:
            source = {"applicant": "申请执行人", "other": "案外人", "respondent_report": "被执行人"}[cl.source]
            t = f"{source}提供财产线索"
            if cl.description:
                t += f"：{cl.description.rstrip('。')}"
            if cl.verified_on:
                t += f"；本院于{ymd(cl.verified_on)}核查"
                if cl.result:
                    t += f"，{cl.result.rstrip('。')}"
            else:
                t += "；尚未核查"
            ev.append(Event(cl.received_on, t, 7))
        for oi in m.onsite_investigations:
            t = f"到{oi.place}对{WHO}的财产情况进行现场调查"
            items = [wording().asset[i] for i in oi.items if i != "other"]
            if items:
                t += f"（调查{'、'.join(items)}）"
            if oi.result:
                t += f"，{oi.result.rstrip('。')}"
            ev.append(Event(oi.date, t, 8, (oi.respondent,)))
        for it in m.interrogations:
            name = self.names.get(it.respondent)
            party = c.respondent(it.respondent).party
            person = _CAPACITY_NOTE.sub("", it.person)  # "陈志明（法定代表人）" → 陈志明
            if it.person == name:
                t = f"对{WHO}进行调查询问"
            elif isinstance(party, Organisation) and person == party.legal_representative:
                t = f"对{WHO}的法定代表人{person}进行调查询问"
            else:
                t = f"就{WHO}的财产情况对{it.person}进行调查询问"
            ev.append(Event(it.date, t, 9, (it.respondent,)))
        for s in m.searches:
            t = f"对{WHO}的住所及可能隐匿财产的场所进行搜查"
            if s.signed_by_president:
                t += "（搜查令由院长签发）"
            ev.append(Event(s.date, t, 10, (s.respondent,)))
        for a in m.investigation_applications:
            what = "审计被执行人" if a.kind == "audit" else "发布悬赏公告查找可供执行的财产"
            t = f"申请执行人书面申请{what}"
            if a.decided_on:
                t += f"，本院于{ymd(a.decided_on)}决定{'准许' if a.granted else '不予准许'}"
            if a.carried_out_on:
                t += f"，并于{ymd(a.carried_out_on)}{'委托审计' if a.kind == 'audit' else '发布悬赏公告'}"
            ev.append(Event(a.received_on, t, 11))
        for sz in m.seizures:
            what = sz.description or glossary.term("seizure_asset_types", sz.asset_type)
            # “被执行人对案外人的到期债权”：the name takes the place of the bare 被执行人
            what = what[len("被执行人"):] if what.startswith("被执行人") and len(what) > 4 else f"的{what}"
            t = f"{SEIZURE_VERB[sz.asset_type]}{WHO}{what}，期限至{ymd(sz.expiry)}"
            if sz.renewed_on:
                t += f"；{ymd(sz.renewed_on)}续行"
                if sz.renewed_until:
                    t += f"至{ymd(sz.renewed_until)}"
            if sz.released_on:
                t += f"；{ymd(sz.released_on)}解除"
            ev.append(Event(sz.start, t, 12, (sz.respondent,)))
        for asset in m.assets:
            rounds = {"auction": 0, "sale": 0}
            for att in sorted(asset.disposal_attempts, key=lambda x: x.date):
                rounds[att.method] += 1
                how = "拍卖" if att.method == "auction" else "变卖"
                outcome = {"sold": "成交", "failed": "未能成交", "pending": "正在进行"}[att.outcome]
                t = f"对{WHO}的{asset.description}进行第{cn_number(rounds[att.method])}次{how}，{outcome}"
                ev.append(Event(att.date, t, 13, (asset.respondent,)))
        for le in m.locate_efforts:
            ev.append(Event(le.date, f"为查找{WHO}的下落，{le.method.rstrip('。')}", 14, (le.respondent,)))
        for ob in m.obstructions:
            ev.append(Event(ob.date, f"{self.who(ob.by)}妨害执行：{ob.description.rstrip('。')}", 15))
        for sa in m.sanctions:
            # The one who acted and the one sanctioned differ for a unit: 因被执行人甲公司违反财产报告制度，
            # 决定对其法定代表人乙罚款（财产调查规定第九条第二款；民事诉讼法对单位主要负责人的处罚）.
            actor, whom = self.who(sa.target), "其"
            if sa.target not in self.names:
                unit = self.unit_of(sa.target)
                if unit:
                    actor, whom = f"被执行人{unit[0]}", f"其{unit[1]}{sa.target}"
            because = f"因{actor}{wording().sanction_reason[sa.reason]}，"
            if sa.type == "fine":
                what = f"罚款{money(sa.amount)}" if sa.amount is not None else "罚款"
                t = f"{because}决定对{whom}{what}"
            elif sa.type == "detention":
                t = f"{because}决定对{whom}司法拘留"
            else:
                t = f"{because}对{whom}依法启动刑事责任追究程序"
            ev.append(Event(sa.decided_on, t, 16))
        if c.bankruptcy:
            b = c.bankruptcy
            t = (f"征询申请执行人、被执行人是否同意将本案移送破产审查，申请执行人{glossary.term('bankruptcy_answers', b.applicant_answer)}，"
                 f"被执行人{glossary.term('bankruptcy_answers', b.respondent_answer)}")
            if b.transfer_decided_on:
                t += f"；{ymd(b.transfer_decided_on)}决定将本案移送破产审查"
            ev.append(Event(b.asked_on, t, 17))
        return ev

    @cached_property
    def merged(self) -> list[Event]:
        """:meth:`merged_events`, computed once."""
        return self.merged_events()

    def merged_events(self) -> list[Event]:
        """Events in date order; the same measure taken on the same day against several respondents is one event."""
        groups: dict[tuple[object, ...], Event] = {}
        for e in self.raw_events():
            key = e.key()
            while key in groups and set(groups[key].who) & set(e.who):
                key += ("again",)  # the same measure recorded twice for one respondent stays two items
            g = groups.get(key)
            if g is None:
                groups[key] = e
            else:
                g.who += e.who
                g.served += e.served
        # the same day: the usual sequence of the measures; undated ones after what they answer, else last
        return sorted(groups.values(), key=lambda e: (e.on or e.sort_on or date.max, e.order))

    def event_lines(self) -> list[tuple[int, str]]:
        """(order, sentence) of every measure, numbered （一）（二）… in date order."""
        lines: list[tuple[int, str]] = []
        seen: dict[tuple[object, ...], int] = {}
        for number, e in enumerate(self.merged, 1):
            text = e.text
            if e.scope:  # a repeated inquiry of the same items refers back instead of listing them again
                first = seen.setdefault((e.who, e.scope), number)
                if first != number:
                    text = e.repeat.replace(FIRST, cn_number(first))
            text = text.replace(WHO, self.whos(e.who)) + self._served(e)
            lines.append((e.order, f"（{cn_number(number)}）{f'{ymd(e.on)}，' if e.on else ''}{text}。"))
        return lines

    @staticmethod
    def _served(e: Event) -> str:
        """，该通知书于…送达 / ，通知书均于…送达 / ，通知书分别于…、…送达."""
        dates = [d for d in e.served if d is not None]
        if not dates:
            return ""
        if len(dates) == 1:
            return f"，该{e.served_what}于{ymd(dates[0])}送达"
        if len(set(dates)) == 1:
            return f"，{e.served_what}均于{ymd(dates[0])}送达"
        # 分别于2023年8月4日、8月7日送达: the year is not repeated within the same year
        parts = [ymd(d) if i == 0 or d.year != dates[i - 1].year else f"{d.month}月{d.day}日"
                 for i, d in enumerate(dates)]
        return f"，{e.served_what}分别于{'、'.join(parts)}送达"

    def events(self) -> list[str]:
        """Every measure in the record, dated and in date order, as numbered sentences."""
        return [line for _, line in self.event_lines()]

    def measure_summary(self) -> str:
        """The kinds of measures taken, in the order first taken, with their count (约谈笔录)."""
        merged = self.merged
        kinds: list[str] = []
        for e in merged:
            label = MEASURE_KIND.get(e.order)
            if label and label not in kinds:
                kinds.append(label)
        if not merged:
            return "本院尚未记录采取的执行措施"
        return f"本院先后采取了{'、'.join(kinds)}等措施，共{cn_number(len(merged))}项（详见所附措施清单）"

    # ---------------------------------------------------------------- property

    def property_lines(self) -> list[str]:
        """What the investigation found, respondent by respondent, and why found property cannot be disposed of.

        A respondent with one asset gets one paragraph; with several, a lead line and one numbered
        paragraph per asset. Respondents without property share one sentence.
        """
        lines: list[str] = []
        lead = "经上述调查，"
        nothing: list[str] = []
        for r in self.case.respondents:
            pid = r.party.id
            assets = [a for a in self.case.measures.assets if a.respondent == pid]
            if not assets:
                nothing.append(pid)
                continue
            rest = f"除上述财产外，未发现{self.who(pid)}有其他可供执行的财产。"
            if len(assets) == 1:
                lines.append(f"{lead}查明{self.who(pid)}名下有{self.asset_text(assets[0])}{rest}")
            else:
                lines.append(f"{lead}查明{self.who(pid)}名下有下列财产：")
                lines += [f"{i}．{self.asset_text(a)}" for i, a in enumerate(assets, 1)]
                lines.append(rest)
            lead = ""
        if nothing:
            lines.append(f"{lead}未发现{self.whos(tuple(nothing))}有可供执行的财产。")
        return lines

    def asset_text(self, a: Asset) -> str:
        """One found asset: value, whether seized, and its state — with the reason it cannot be disposed of."""
        t = a.description.rstrip("。")
        if a.value is not None:
            label = "余额" if a.type in ("bank_deposit", "internet_bank") else "价值"
            # 描述以括号结尾时不再叠加括号
            t += f"，{label}{money(a.value)}" if t.endswith("）") else f"（{label}{money(a.value)}）"
        if a.status == "disposed" and a.type in ("bank_deposit", "internet_bank"):
            return t + ("，已冻结并扣划。" if a.seized else "，已扣划。")
        if a.seized:
            t += f"，已{ASSET_SEIZED[a.type]}"
        if a.status == "not_disposable":
            # 终本规定第四条：发现的财产不能处置的情形，写明原因
            reason = a.non_disposable_reason or self.derived_reason(a) or self.gap(f"财产{a.id}不能处置的原因")
            return f"{t}。因{_reason(reason)}，该财产不能处置。"
        if a.physically_seized is False:
            t += "，但未能实际扣押"
        t += f"，{wording().asset_status[a.status]}"
        if a.non_disposable_reason:
            t += f"（{_reason(a.non_disposable_reason)}）"
        return t + "。"

    @staticmethod
    def derived_reason(a: Asset) -> str | None:
        """The reason an asset cannot be disposed of, from the facts recorded (终本规定第四条)."""
        parts: list[str] = []
        if a.physically_seized is False:
            parts.append("未能实际扣押")
        failed = [x for x in a.disposal_attempts if x.outcome == "failed"]
        if failed:
            auctions = sum(1 for x in failed if x.method == "auction")
            sales = len(failed) - auctions
            tries = "、".join(f"{'两' if n == 2 else cn_number(n)}次{how}"
                              for n, how in ((auctions, "拍卖"), (sales, "变卖")) if n)
            parts.append(f"经{tries}{'均' if len(failed) > 1 else ''}未成交")
        if a.accepted_in_lieu is False:
            parts.append("申请执行人不接受以物抵债")
        if a.management_possible is False:
            parts.append("且不能采取强制管理等其他方式处置")
        return "，".join(parts) or None

    def property_conclusion(self) -> str:
        """本院认为: no property found, or found property cannot be disposed of."""
        if any(a.status == "not_disposable" for a in self.case.measures.assets):
            return "发现的财产不能处置，亦未发现被执行人有其他可供执行的财产"
        return "未发现被执行人有可供执行的财产" if not self.case.measures.assets \
            else "除已处置的财产外，未发现被执行人有其他可供执行的财产"

    # ---------------------------------------------------------------- amounts

    def claim_amounts(self) -> str:
        """申请执行标的金额…，合计…."""
        cl = self.case.claim
        parts = [f"申请执行标的金额{money(cl.amount_due)}"]
        if cl.interest:
            parts.append(f"迟延履行期间的债务利息{money(cl.interest)}")
        if cl.costs:
            parts.append(f"执行费等{money(cl.costs)}")
        text = "、".join(parts)
        if len(parts) > 1:
            text += f"，合计{money(cl.total_due)}"
        return text

    def realized_short(self) -> str:
        """已执行到位…，尚有…未执行到位 (after the amounts have just been stated)."""
        cl = self.case.claim
        if cl.amount_recovered is None:
            return "已执行到位金额" + self.gap("已执行到位金额")
        outstanding = cl.outstanding
        assert outstanding is not None
        return f"已执行到位{money(cl.amount_recovered)}，尚有{money(outstanding)}未执行到位"

    def realized(self) -> str:
        """实现的债权情况: the total due, recovered and outstanding."""
        return f"本案应执行金额合计{money(self.case.claim.total_due)}，{self.realized_short()}"

    # ---------------------------------------------------------------- applicant

    def for_applicant(self, name: str, capacity: str | None = None) -> str:
        """A person on the applicant's side with their capacity: 申请执行人甲的委托诉讼代理人乙.

        ``capacity`` (from the interview record) is used when the name alone does not tell.
        """
        applicants = self.case.applicants
        for a in applicants:
            if a.name == name:
                return f"申请执行人{name}"
        for a in applicants:
            if a.agent and a.agent.name == name:
                authority = "（特别授权）" if a.agent.special_authority else ""
                return f"申请执行人{a.name}的委托诉讼代理人{name}{authority}"
            if isinstance(a, Organisation) and a.legal_representative == name:
                label = "法定代表人" if a.org_type in ("enterprise_legal_person", "non_enterprise_legal_person") \
                    else "负责人"
                return f"申请执行人{a.name}的{label}{name}"
        owner = applicants[0].name if len(applicants) == 1 else "、".join(a.name for a in applicants)
        if capacity in ("agent", "legal_representative"):
            return f"申请执行人{owner}的{wording().capacity[capacity]}{name}"
        return f"{name}（代表申请执行人{owner}）"

    def interviewee(self) -> str:
        """被约谈人 with capacity: 申请执行人李春华的委托诉讼代理人周文斌（特别授权）."""
        iv = self.case.interview
        if iv is None:
            return ""
        text = self.for_applicant(iv.interviewee, iv.capacity)
        if iv.capacity == "agent" and iv.special_authority and not text.endswith("（特别授权）"):
            text += "（特别授权）"
        return text

    def confirmation(self) -> str | None:
        """申请执行人…于…签字确认 (None: no signed confirmation)."""
        sc = self.case.approval.applicant_confirmation
        if sc is None:
            return None
        iv = self.case.interview
        capacity = iv.capacity if iv and iv.interviewee == sc.signed_by else None
        who = self.for_applicant(sc.signed_by, capacity).removesuffix("（特别授权）")
        return f"{who}于{ymd(sc.signed_on)}签字确认"

    def told_and_heard(self) -> str | None:
        """That the applicant was told and heard, from the interview record (None: no interview)."""
        iv = self.case.interview
        if iv is None:
            return None
        items = [label for i, label in wording().interview_items.items() if i in iv.items_told]
        text = f"本院于{ymd(iv.date)}以{wording().interview_mode[iv.mode]}方式告知{self.interviewee()}"
        text += "、".join(items) if items else ""
        text += "，并听取了申请执行人的意见" if iv.opinion or iv.agrees is not None else ""
        text += "。"
        if iv.opinion:
            text += f"申请执行人的意见为：{iv.opinion.rstrip('。')}。"
        elif iv.agrees is not None:
            text += f"申请执行人{'同意' if iv.agrees else '不同意'}终结本次执行程序。"
        if iv.new_clues is False and "线索" not in (iv.opinion or ""):  # not again if the opinion says so
            text += "申请执行人未能提供被执行人其他可供执行的财产线索。"
        elif iv.new_clues:
            text += "申请执行人提供了新的财产线索，已依法核查。"
        return text

    def approval_text(self) -> str | None:
        """The approval route as a sentence (None when none is recorded)."""
        ap = self.case.approval
        parts = []
        confirmed = self.confirmation()
        if confirmed:
            parts.append(f"{confirmed}同意终结本次执行程序")
        if ap.collegial_review:
            parts.append(f"本案经本院合议庭于{ymd(ap.collegial_review.date)}审查核实")
            if ap.president_approval:
                parts[-1] += f"，并于{ymd(ap.president_approval.date)}经院长批准"
        return "，".join(parts) if parts else None

    def signers(self) -> list[tuple[str, str]] | None:
        """Signature lines by approval route: the collegial panel, else the single judge (审判员)."""
        ap = self.case.approval
        cr = ap.collegial_review
        if cr is not None:
            # 民诉法解释第五百一十七条第一款：经合议庭审查核实的，由合议庭成员署名
            presiding = cr.presiding or cr.members[0]
            return [("审判长", presiding)] + [("审判员", m) for m in cr.members if m != presiding]
        if ap.applicant_confirmation is not None and self.case.termination.judges:
            # 仅有申请执行人签字确认的，可由承办审判人员一人署名
            return [("审判员", self.case.termination.judges[0])]
        return None

    def notice_deadline(self, issued: date) -> tuple[date, bool]:
        """Last day to answer the 告知书 (七日, 民事诉讼法期间计算); False when holidays are unknown."""
        try:
            return periods.period_end(issued, days=NOTICE_DAYS), True
        except CalendarNotCovered:
            return periods.period_end(issued, days=NOTICE_DAYS, roll_over_holiday=False), False

    # ---------------------------------------------------------------- assembly

    def as_dict(self) -> dict[str, Any]:
        """Everything the templates use."""
        c, d = self.case, self.decision
        ruling_date = c.termination.proposed_date
        notice_date = c.interview.date if c.interview else d.as_of
        deadline, deadline_exact = self.notice_deadline(notice_date)
        cl = c.claim
        return {
            "case": c,
            "d": d,
            "draft": self.draft,
            "court": c.court,
            "case_number": c.case_number,
            "applicant_names": "、".join(a.name for a in c.applicants),
            "respondent_names": "、".join(r.party.name for r in c.respondents),
            "applicant_lines": [ln for a in c.applicants for ln in self.party_lines("申请执行人", a)],
            "respondent_lines": [ln for r in c.respondents for ln in self.party_lines("被执行人", r.party)],
            "claim_amounts": self.claim_amounts(),
            "realized_short": self.realized_short(),
            "events": self.events(),
            "measure_summary": self.measure_summary(),
            "confirmation": self.confirmation(),
            # 执恢：恢复执行案件 — 立案恢复执行、申请恢复执行
            "resumed": c.kind == "执恢",
            # 告知书的称谓：自然人“你”，单位“你单位”，多名申请执行人“你们”
            "you": "你们" if len(c.applicants) > 1
            else ("你单位" if isinstance(c.applicants[0], Organisation) else "你"),
            "property_lines": self.property_lines(),
            "property_conclusion": self.property_conclusion(),
            "realized": self.realized(),
            "told_and_heard": self.told_and_heard(),
            "interviewee": self.interviewee(),
            "approval_text": self.approval_text(),
            "signers": self.signers(),
            "clerk": c.termination.clerk,
            "judge": c.judge or (c.termination.judges[0] if c.termination.judges else None),
            "ruling_date": ruling_date,
            "basis": legal.basis_citation(ruling_date),
            "objection": legal.objection_citation(ruling_date),
            "zhongben_inform": legal.zhongben_citation("zhongben_inform", ruling_date),
            "zhongben_conditions": legal.zhongben_citation("zhongben_conditions", ruling_date),
            "notice_date": notice_date,
            "notice_deadline": deadline,
            "notice_deadline_exact": deadline_exact,
            "total_due": cl.total_due,
            "outstanding": cl.outstanding,
            "missing": missing_steps(d),
            "findings_by_group": [(wording().rule_group.get(g, g), [f for f in d.findings if f.group == g])
                                  for g in sorted({f.group for f in d.findings})],
            "blocking": [f for f in d.findings if f.blocks],
            "gap": self.gap,
            "gaps": self.gaps,
            "citation_text": citation_text,
            "citation_short": citation_short,
            "interview_items": wording().interview_items,
            "mode_label": wording().interview_mode,
            "blank": BLANK,
            "line_blank": LINE_BLANK,
            "answer_blank": ANSWER_BLANK,
            "name_blank": NAME_BLANK,
            "date_blank": DATE_BLANK,
            "mark": STATUS_MARK,
            "status_label": STATUS_LABEL,
            "severity_note": wording().severity_note,
            # 终本规定: cite it only for documents dated on or after its effective date
            "zhongben_in_force": legal.zhongben_citation("zhongben_conditions", ruling_date) is not None,
        }


def filters() -> dict[str, Callable[..., str]]:
    """Jinja filters shared by all templates."""
    return {
        **FILTERS,
        "capitals": lambda v: "人民币" + amount_in_words(v),
        "spaced": spaced,
    }


def build(case: CaseRecord, decision: Decision, *, draft: bool) -> dict[str, Any]:
    """The template context for one case and its decision."""
    ctx = Context(case, decision, draft, {r.party.id: r.party.name for r in case.respondents})
    return ctx.as_dict()


