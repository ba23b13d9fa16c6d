"""The clerk's report beside a published ruling: what was replaced, where, by which article.

It never repeats an original value: it names the field, what kind of data it held and what the
published version shows instead, so the report can sit beside the published file.
"""

from __future__ import annotations

from termination.case import CaseRecord
from termination.decision import Decision
from termination.errors import CalendarNotCovered
from termination.publish.record import Anonymised, Redaction
from termination.publish.rules import DOC_NO, rule, rule_file
from termination.text import ymd

TITLE = "《最高人民法院关于人民法院在互联网公布裁判文书的规定》"


def _cites(codes: tuple[str, ...]) -> str:
    seen: list[str] = []
    for c in codes:
        text = rule(c).basis.text()
        if text not in seen:
            seen.append(text)
    return "、".join(seen)


def _deadline(case: CaseRecord) -> str:
    """第七条：自裁判文书生效之日起七个工作日内公布 (a 终本 ruling takes effect when served)."""
    served = case.termination.served_on
    cite = rule("T-DEADLINE").basis.text()
    if served is None:
        return f"公布期限：裁定书送达后立即生效，应自生效之日起七个工作日内公布（{cite}）。"
    from termination import periods

    try:
        end = periods.legal_period_end(served, working_days=7)
    except CalendarNotCovered:
        return f"公布期限：裁定书于{ymd(served)}送达生效，应自该日起七个工作日内公布（{cite}；该年度放假安排尚未公布，请自行计算）。"
    guess = "（该年度放假安排尚未公布，按推算的休息日计算，请核对）" if end.provisional else ""
    return f"公布期限：裁定书于{ymd(served)}送达生效，应于{ymd(end.day)}前公布（{cite}）{guess}。"


def report(case: CaseRecord, decision: Decision, redactions: list[Redaction], anon: Anonymised) -> str:
    """The report as text (Chinese, one line per redaction)."""
    lines = [
        "执行裁定书（公布版）处理说明",
        "",
        f"案号：{case.case_number}　法院：{case.court}　裁定日期：{ymd(case.termination.proposed_date)}",
        f"依据：{TITLE}（{DOC_NO}，2016年10月1日起施行）。执行裁定书应当在互联网公布"
        f"（{rule('P-ENFORCEMENT').basis.text()}）。",
        _deadline(case),
        "本说明不含被删除的原始信息，只写明处理的位置、内容种类和公布版显示的文字。",
    ]
    anonymise = [r for r in redactions if r.what == "姓名"]
    delete = [r for r in redactions if r.what != "姓名" and r.where != "裁定书正文（文书复核）"]
    rescan = [r for r in redactions if r.where.startswith("裁定书正文")]
    lines += ["", f"一、隐名处理（{rule('N-FAMILY').basis.article}、{rule('N-HAN').basis.article}）"]
    if anonymise:
        for i, r in enumerate(_unique(anonymise), 1):
            ground = rule(r.rules[0]).label if r.rules[0].startswith("N-") else ""
            lines.append(f"  {i}. {r.where}：姓名改为“{r.shown}”——{ground}（{_cites(r.rules)}）")
    else:
        lines.append(f"  无。本案当事人不属于{rule('N-FAMILY').basis.article}规定应当隐名的人员，"
                     f"保留姓名（{rule('K-PERSON').basis.text()}）。")
    lines += ["", f"二、删除和替代（{rule('D-ADDRESS').basis.article}）"]
    if delete:
        for i, r in enumerate(_unique(delete), 1):
            shown = f"公布版为“{_short(r.shown)}”" if r.shown else "整项删除"
            note = f"；{r.note}" if r.note else ""
            lines.append(f"  {i}. {r.where}：删除{r.what}，{shown}（{_cites(r.rules)}{note}）")
    else:
        lines.append("  无。")
    lines += ["", "三、文书复核"]
    if rescan:
        for i, r in enumerate(_unique(rescan), 1):
            lines.append(f"  {i}. {r.what}：公布版为“{_short(r.shown)}”（{_cites(r.rules)}）")
    else:
        lines.append("  生成的公布版全文已再次检查，未发现身份证号码、电话号码、银行账号、车牌号码、权属证书编号、"
                     "县级以下住址或隐名当事人的姓名。")
    lines += [
        "",
        f"四、保留（{rule('K-PERSON').basis.article}、{rule('K-ORIGINAL').basis.article}）",
        f"  {rule('K-PERSON').label}；{rule('K-ORGANISATION').label}；{rule('K-AGENT').label}"
        f"（{rule('K-PERSON').basis.text()}、{rule('K-AGENT').basis.text()}）。",
        f"  {rule('K-ORIGINAL').label}（{rule('K-ORIGINAL').basis.text()}）。",
        "",
        "五、请法官核对（本工具不能从案件数据判断）",
    ]
    checks = [code for code, r in rule_file().rules.items() if r.action == "not_encoded"]
    for i, code in enumerate(checks, 1):
        r = rule(code)
        lines.append(f"  {i}. {r.label}（{r.basis.text()}）：{r.note}")
    if "刑事" in (case.basis.document_type or ""):
        lines.append(f"  {len(checks) + 1}. 执行依据为刑事裁判：被执行人犯罪时未满十八周岁的，不在互联网公布"
                     f"（{rule('W-MINOR-CRIME').basis.text()}），请核对犯罪时的年龄。")
    lines.append("")
    lines.append(f"共隐名 {len(_unique(anonymise))} 处，删除或替代 {len(_unique(delete))} 处，文书复核 {len(_unique(rescan))} 处。")
    return "\n".join(lines) + "\n"


def _unique(items: list[Redaction]) -> list[Redaction]:
    out: list[Redaction] = []
    for r in items:
        if r not in out:
            out.append(r)
    return out


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
