"""What the templates print, computed once from the case record and its decision.

Templates hold the wording and the layout; this module turns the record into sentences
(parties, the dated measures, the property found, the amounts) and maps every blocking
finding of the decision to the place in the documents where the missing step belongs.
Nothing here re-decides: readiness, messages and remedies come from the decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from termination import periods
from termination.case import CaseRecord, NaturalPerson, Organisation, Party
from termination.citations import cn_number
from termination.decision import STATUS_LABEL, STATUS_MARK, Decision, Finding
from termination.errors import CalendarNotCovered, NotReadyError
from termination.render import legal
from termination.render.amounts import amount_in_words, money

ASSET_LABEL: dict[str, str] = {
    "pboc": "人民银行账户信息",
    "bank_deposit": "银行存款",
    "internet_bank": "互联网银行及网络资金",
    "securities": "证券",
    "vehicle": "车辆",
    "real_estate": "不动产",
    "business_registration": "工商登记（股权）",
    "insurance": "保险",
    "civil_affairs": "民政（婚姻登记）",
    "housing_fund": "住房公积金",
    "wealth_management": "金融理财产品",
    "dividends": "股息红利",
    "tax": "税务",
    "ship": "船舶",
    "other": "其他财产",
}
# 《失信规定》第一条各项（VERIFIED），此处为概括表述
DISHONEST_GROUND: dict[int, str] = {
    1: "有履行能力而拒不履行生效法律文书确定义务",
    2: "以伪造证据、暴力、威胁等方法妨碍、抗拒执行",
    3: "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行",
    4: "违反财产报告制度",
    5: "违反限制消费令",
    6: "无正当理由拒不履行执行和解协议",
}
INTERVIEW_ITEM_LABEL: dict[str, str] = {
    "execution_status": "本案的执行情况",
    "investigation_measures": "采取的财产调查措施",
    "property_status": "被执行人的财产情况",
    "basis": "终结本次执行程序的依据",
    "consequences": "终结本次执行程序的法律后果",
}
CAPACITY_LABEL = {"applicant": "申请执行人", "agent": "委托诉讼代理人", "legal_representative": "法定代表人"}
MODE_LABEL = {
    "in_person": "当面约谈", "phone": "电话约谈", "video": "视频约谈", "written": "书面征求意见",
    "sms": "短信告知", "wechat": "微信告知", "email": "电子邮件告知",
}
ANSWER_LABEL = {"consent": "同意", "refuse": "不同意", "no_answer": "未答复"}
SANCTION_REASON = {
    "report_violation": "违反财产报告制度",
    "obstruction": "妨害执行",
    "restriction_violation": "违反限制消费令",
    "other": "拒不履行生效法律文书确定的义务",
}
LIFT_REASON = {"security": "提供有效担保", "applicant_consent": "申请执行人同意", "performed": "履行完毕", "other": "其他原因"}
REPORT_STATUS = {
    "reported": "报告了财产情况",
    "none": "未按报告财产令报告财产",
    "late": "逾期报告财产",
    "refused": "拒绝报告财产",
    "false": "虚假报告财产",
}
SEIZURE_VERB = {"bank_deposit": "冻结", "movable": "扣押", "real_estate": "查封", "other_right": "冻结"}
ASSET_STATUS = {"disposed": "已处置", "disposing": "正在处置", "undisposed": "尚未处置"}
GROUP_LABEL = {
    "A": "一、适用范围",
    "B": "二、执行通知与报告财产",
    "C": "三、限制消费与失信被执行人名单",
    "D": "四、财产调查与财产处置",
    "E": "五、下落不明与妨害执行",
    "F": "六、申请执行人参与与审批",
    "G": "七、裁定书",
}

#: Where in the ruling a blocking finding is shown in a draft (section name by rule code).
_SECTION_OVERRIDES = {
    "A03": "realized", "G02": "realized", "G01": "signature",
    "F01": "interview", "F02": "interview", "F03": "interview", "F04": "interview",
    "D14": "property", "D15": "property", "D16": "property", "D17": "property",
}
_SECTION_BY_GROUP = {"A": "reasoning", "B": "measures", "C": "measures", "D": "measures", "E": "measures",
                     "F": "reasoning", "G": "reasoning"}
SEVERITY_NOTE = {"blocking": "终本条件", "system": "系统校验", "warning": "程序瑕疵，不阻却终本", "local": "地方规范，供参考"}
NOTICE_DAYS = 7  # 告知书：收到之日起七日内提出意见或财产线索（法院指定期间）
BLANK = "＿＿＿＿＿＿"


def ymd(d: date) -> str:
    """Date in a document's body: 2024年3月6日 (Arabic numerals, as in the 文书制作规范)."""
    return f"{d.year}年{d.month}月{d.day}日"


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


@dataclass
class Event:
    """One dated measure of the enforcement."""

    on: date | None
    text: str
    order: int = 0  # tie-break for the same day

    def line(self) -> str:
        return f"{ymd(self.on)}，{self.text}" if self.on else self.text


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
            raise NotReadyError(f"文书缺少必要内容：{label}，不能生成正式文书（可使用 --draft 生成草稿）",
                                missing=[label])
        return gap_marker(label)

    def gaps(self, section: str) -> list[str]:
        """Markers for the blocking findings that belong to ``section`` (drafts only)."""
        if not self.draft:
            return []
        return [gap_marker(f"{f.rule} {f.title}——{f.message}")
                for f in self.decision.findings if f.blocks and section_of(f.rule) == section]

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

    def events(self) -> list[str]:
        """Every measure in the record, dated and in date order, as numbered sentences."""
        c, m = self.case, self.case.measures
        ev: list[Event] = []
        for n in m.enforcement_notices:
            t = f"向{self.who(n.respondent)}发出执行通知书"
            told = []
            if n.names_delay_interest:
                told.append("迟延履行期间的债务利息或迟延履行金")
            if n.dishonest_warning:
                told.append("纳入失信被执行人名单的风险")
            if told:
                t += f"，责令其履行生效法律文书确定的义务，并告知{'及'.join(told)}"
            if n.served_on:
                t += f"，该通知书于{ymd(n.served_on)}送达"
            ev.append(Event(n.issued_on, t, 1))
        for o in m.report_orders:
            t = f"向{self.who(o.respondent)}发出报告财产令，责令其报告财产情况"
            if o.served_on:
                t += f"，该报告财产令于{ymd(o.served_on)}送达"
            ev.append(Event(o.issued_on, t, 2))
        for r in m.property_reports:
            t = f"{self.who(r.respondent)}{REPORT_STATUS[r.status]}"
            if r.verified_on:
                t += f"；本院于{ymd(r.verified_on)}予以核查"
                if r.verification_result:
                    t += f"，{r.verification_result}"
            when = r.received_on or r.verified_on
            ev.append(Event(when, t, 3) if when else Event(None, t, 3))
        for q in m.network_inquiries:
            scope = "、".join(ASSET_LABEL[s] for s in q.scope)
            t = f"通过网络执行查控系统（{q.system}）查询{self.who(q.respondent)}名下的{scope}"
            if q.feedback_on is None:
                t += "，尚未反馈"
            elif q.found:
                found = "、".join(ASSET_LABEL[s] for s in q.found)
                t += f"，{ymd(q.feedback_on)}反馈：查询到{found}，其余项目未查询到财产"
            else:
                t += f"，{ymd(q.feedback_on)}反馈：未查询到财产"
            ev.append(Event(q.requested_on, t, 4))
        for cr in m.consumption_restrictions:
            t = f"向{self.who(cr.respondent)}发出限制消费令"
            if cr.bound_persons:
                t += f"，同时限制{'、'.join(cr.bound_persons)}的高消费及非生活和工作必需的消费行为"
            if cr.lifted_on:
                reason = LIFT_REASON[cr.lift_reason] if cr.lift_reason else "依法"
                t += f"（{ymd(cr.lifted_on)}因{reason}解除）"
            ev.append(Event(cr.issued_on, t, 5))
        for dl in m.dishonest_listings:
            t = f"决定将{self.who(dl.respondent)}纳入失信被执行人名单（{DISHONEST_GROUND[dl.ground]}"
            if dl.period_years:
                t += f"，期限{cn_number(dl.period_years)}年"
            t += "）"
            if dl.served_on:
                t += f"，决定书于{ymd(dl.served_on)}送达"
            if dl.deleted_on:
                t += f"，{ymd(dl.deleted_on)}已删除失信信息"
            ev.append(Event(dl.decided_on, t, 6))
        for cl in m.clues:
            source = {"applicant": "申请执行人", "other": "案外人", "respondent_report": "被执行人"}[cl.source]
            t = f"{source}提供财产线索"
            if cl.description:
                t += f"：{cl.description}"
            if cl.verified_on:
                t += f"；本院于{ymd(cl.verified_on)}核查"
                if cl.result:
                    t += f"，{cl.result}"
            else:
                t += "；尚未核查"
            ev.append(Event(cl.received_on, t, 7))
        for oi in m.onsite_investigations:
            t = f"到{oi.place}对{self.who(oi.respondent)}的财产情况进行现场调查"
            if oi.items:
                t += f"（调查{'、'.join(ASSET_LABEL[i] for i in oi.items)}）"
            if oi.result:
                t += f"，{oi.result}"
            ev.append(Event(oi.date, t, 8))
        for it in m.interrogations:
            name = self.names.get(it.respondent)
            party = c.respondent(it.respondent).party
            if it.person == name:
                t = f"对{self.who(it.respondent)}进行调查询问"
            elif isinstance(party, Organisation) and it.person == party.legal_representative:
                t = f"对{self.who(it.respondent)}的法定代表人{it.person}进行调查询问"
            else:
                t = f"就{self.who(it.respondent)}的财产情况对{it.person}进行调查询问"
            ev.append(Event(it.date, t, 9))
        for s in m.searches:
            t = f"对{self.who(s.respondent)}的住所及可能隐匿财产的场所进行搜查"
            if s.signed_by_president:
                t += "（搜查令由院长签发）"
            ev.append(Event(s.date, t, 10))
        for a in m.investigation_applications:
            what = "审计被执行人" if a.kind == "audit" else "发布悬赏公告查找可供执行的财产"
            t = f"申请执行人书面申请{what}"
            if a.decided_on:
                t += f"，本院于{ymd(a.decided_on)}决定{'准许' if a.granted else '不予准许'}"
            if a.carried_out_on:
                t += f"，并于{ymd(a.carried_out_on)}{'委托审计' if a.kind == 'audit' else '发布悬赏公告'}"
            ev.append(Event(a.received_on, t, 11))
        for sz in m.seizures:
            what = sz.description or {"bank_deposit": "银行存款", "movable": "动产", "real_estate": "不动产",
                                      "other_right": "其他财产权"}[sz.asset_type]
            t = f"{SEIZURE_VERB[sz.asset_type]}{self.who(sz.respondent)}的{what}，期限至{ymd(sz.expiry)}"
            if sz.renewed_on:
                t += f"；{ymd(sz.renewed_on)}续行"
                if sz.renewed_until:
                    t += f"至{ymd(sz.renewed_until)}"
            if sz.released_on:
                t += f"；{ymd(sz.released_on)}解除"
            ev.append(Event(sz.start, t, 12))
        for asset in m.assets:
            for att in asset.disposal_attempts:
                how = "拍卖" if att.method == "auction" else "变卖"
                outcome = {"sold": "成交", "failed": "未能成交", "pending": "正在进行"}[att.outcome]
                ev.append(Event(att.date, f"对{self.who(asset.respondent)}的{asset.description}进行{how}，{outcome}", 13))
        for le in m.locate_efforts:
            ev.append(Event(le.date, f"为查找{self.who(le.respondent)}的下落，{le.method}", 14))
        for ob in m.obstructions:
            ev.append(Event(ob.date, f"{self.who(ob.by)}妨害执行：{ob.description}", 15))
        for sa in m.sanctions:
            target = self.who(sa.target)
            if sa.type == "fine":
                what = f"罚款{money(sa.amount)}" if sa.amount is not None else "罚款"
            elif sa.type == "detention":
                what = "司法拘留"
            else:
                what = "依法启动刑事责任追究程序"
            t = f"因{target}{SANCTION_REASON[sa.reason]}，决定对其{what}" if sa.type != "criminal_referral" \
                else f"因{target}{SANCTION_REASON[sa.reason]}，{what}"
            ev.append(Event(sa.decided_on, t, 16))
        if c.bankruptcy:
            b = c.bankruptcy
            t = (f"征询申请执行人、被执行人是否同意将本案移送破产审查，申请执行人{ANSWER_LABEL[b.applicant_answer]}，"
                 f"被执行人{ANSWER_LABEL[b.respondent_answer]}")
            if b.transfer_decided_on:
                t += f"；{ymd(b.transfer_decided_on)}决定将本案移送破产审查"
            ev.append(Event(b.asked_on, t, 17))
        # undated events keep their place after the dated ones of the same kind
        ev.sort(key=lambda e: (e.on or date.max, e.order))
        return [f"（{cn_number(i)}）{e.line()}。" for i, e in enumerate(ev, 1)]

    # ---------------------------------------------------------------- property

    def property_lines(self) -> list[str]:
        """What the investigation found, per respondent, with the reason property cannot be disposed of."""
        lines: list[str] = []
        for r in self.case.respondents:
            pid = r.party.id
            assets = [a for a in self.case.measures.assets if a.respondent == pid]
            if not assets:
                lines.append(f"经上述调查，未发现{self.who(pid)}有可供执行的财产。")
                continue
            parts = []
            for a in assets:
                t = a.description
                if a.value is not None:
                    t += f"（{'余额' if a.type in ('bank_deposit', 'internet_bank') else '价值'}{money(a.value)}）"
                if a.seized:
                    t += "，已" + {"bank_deposit": "冻结", "internet_bank": "冻结", "vehicle": "查封",
                                  "ship": "查封"}.get(a.type, "查封、扣押、冻结")
                if a.physically_seized is False:
                    t += "但未能实际扣押"
                if a.status == "not_disposable":
                    reason = a.non_disposable_reason or self.gap(f"财产{a.id}不能处置的原因")
                    t += f"，不能处置，原因：{reason.rstrip('。')}"
                elif a.status == "disposed" and a.type in ("bank_deposit", "internet_bank"):
                    t += "，已扣划"
                else:
                    t += f"，{ASSET_STATUS[a.status]}"
                    if a.non_disposable_reason:
                        t += f"（{a.non_disposable_reason.rstrip('。')}）"
                parts.append(t)
            lines.append(f"经上述调查，查明{self.who(pid)}名下有：{'；'.join(parts)}。除上述财产外，"
                         f"未发现{self.who(pid)}有其他可供执行的财产。")
        return lines

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

    def realized(self) -> str:
        """实现的债权情况: recovered and outstanding."""
        cl = self.case.claim
        if cl.amount_recovered is None:
            return f"本案应执行金额合计{money(cl.total_due)}，已执行到位金额" + self.gap("已执行到位金额")
        outstanding = cl.outstanding
        assert outstanding is not None
        if cl.amount_recovered == 0:
            return f"本案应执行金额合计{money(cl.total_due)}，尚未执行到位任何款项，未执行到位金额{money(outstanding)}"
        return (f"本案应执行金额合计{money(cl.total_due)}，已执行到位{money(cl.amount_recovered)}，"
                f"尚有{money(outstanding)}未执行到位")

    # ---------------------------------------------------------------- applicant

    def interviewee(self) -> str:
        """被约谈人 with capacity: 申请执行人李春华的委托诉讼代理人周文斌（特别授权）."""
        iv = self.case.interview
        if iv is None:
            return ""
        applicants = "、".join(a.name for a in self.case.applicants)
        if iv.capacity == "applicant":
            return f"申请执行人{iv.interviewee}"
        text = f"申请执行人{applicants}的{CAPACITY_LABEL[iv.capacity]}{iv.interviewee}"
        if iv.capacity == "agent" and iv.special_authority:
            text += "（特别授权）"
        return text

    def told_and_heard(self) -> str | None:
        """That the applicant was told and heard, from the interview record (None: no interview)."""
        iv = self.case.interview
        if iv is None:
            return None
        items = [INTERVIEW_ITEM_LABEL[i] for i in INTERVIEW_ITEM_LABEL if i in iv.items_told]
        text = f"本院于{ymd(iv.date)}以{MODE_LABEL[iv.mode]}方式告知{self.interviewee()}"
        text += "、".join(items) if items else ""
        text += "，并听取了申请执行人的意见" if iv.opinion or iv.agrees is not None else ""
        text += "。"
        if iv.opinion:
            text += f"申请执行人的意见为：{iv.opinion.rstrip('。')}。"
        elif iv.agrees is not None:
            text += f"申请执行人{'同意' if iv.agrees else '不同意'}终结本次执行程序。"
        if iv.new_clues is False:
            text += "申请执行人未能提供被执行人其他可供执行的财产线索。"
        elif iv.new_clues:
            text += "申请执行人提供了新的财产线索，已依法核查。"
        return text

    def approval_text(self) -> str | None:
        """The approval route as a sentence (None when none is recorded)."""
        ap = self.case.approval
        parts = []
        if ap.applicant_confirmation:
            sc = ap.applicant_confirmation
            if sc.signed_by in {a.name for a in self.case.applicants}:
                parts.append(f"申请执行人{sc.signed_by}于{ymd(sc.signed_on)}签字确认同意终结本次执行程序")
            else:
                parts.append(f"{sc.signed_by}于{ymd(sc.signed_on)}代表申请执行人签字确认同意终结本次执行程序")
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
            "events": self.events(),
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
            "zhongben_title": legal.ZHONGBEN_TITLE,
            "notice_date": notice_date,
            "notice_deadline": deadline,
            "notice_deadline_exact": deadline_exact,
            "total_due": cl.total_due,
            "outstanding": cl.outstanding,
            "missing": missing_steps(d),
            "findings_by_group": [(GROUP_LABEL.get(g, g), [f for f in d.findings if f.group == g])
                                  for g in sorted({f.group for f in d.findings})],
            "blocking": [f for f in d.findings if f.blocks],
            "gap": self.gap,
            "gaps": self.gaps,
            "citation_text": citation_text,
            "citation_short": citation_short,
            "interview_items": INTERVIEW_ITEM_LABEL,
            "mode_label": MODE_LABEL,
            "blank": BLANK,
            "mark": STATUS_MARK,
            "status_label": STATUS_LABEL,
            "severity_note": SEVERITY_NOTE,
            # 终本规定 in force from 2016-12-01: cite it only for documents dated from then on
            "zhongben_in_force": ruling_date >= legal.ZHONGBEN_FROM,
        }


def filters() -> dict[str, Callable[..., str]]:
    """Jinja filters shared by all templates."""
    return {
        "money": money,
        "capitals": lambda v: "人民币" + amount_in_words(v),
        "ymd": ymd,
        "cn_date": periods.cn_date,
        "spaced": spaced,
        "cn_number": cn_number,
    }


def build(case: CaseRecord, decision: Decision, *, draft: bool) -> dict[str, Any]:
    """The template context for one case and its decision."""
    ctx = Context(case, decision, draft, {r.party.id: r.party.name for r in case.respondents})
    return ctx.as_dict()


