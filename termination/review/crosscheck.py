"""Record versus text: where a case record and its published ruling disagree.

Compared (each disagreement is one :class:`Mismatch` with a Chinese message):

* kind — the text must be a 终本 ruling at all;
* case number, court and ruling date (text date vs ``termination.proposed_date``);
* amounts — claim (text vs principal, or principal plus recorded interest / costs),
  recovered and outstanding;
* parties — applicants and respondents by name, tolerating anonymisation
  (张某某 / 张某 / 李** match 张建国 / 李明: surname plus a 某 / * / × run);
* measures the text claims but the record lacks, and the reverse (终本规定第六条第一款第（二）项
  asks the ruling to list them), and measure dates the record does not know;
* "未发现可供执行的财产" in the text against assets the record keeps undisposed.

Only what both sides state is compared: a value missing on either side is not a mismatch
(the text analysis and the rules report missing content themselves).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from termination import paths
from termination.analysis.models import MEASURE_LABELS, MeasureCode, RulingAnalysis
from termination.case import CaseRecord
from termination.text import money


CODES_FILE = paths.RULESETS / "crosscheck.yaml"


class CodeMeta(BaseModel):
    """A difference code's entry in ``rulesets/crosscheck.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    requirement: str | None = None


@lru_cache(maxsize=1)
def codes() -> dict[str, CodeMeta]:
    """Title and requirement of every difference code."""
    from termination.rules.loader import read_yaml

    return {code: CodeMeta.model_validate(v) for code, v in read_yaml(CODES_FILE).items()}


class Mismatch(BaseModel):
    """One disagreement between the record and the ruling text (title, requirement: rulesets/crosscheck.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    message: str
    requirement: str | None = None
    title: str = ""

    @model_validator(mode="before")
    @classmethod
    def _metadata(cls, data: Any) -> Any:
        if isinstance(data, dict) and "code" in data:
            meta = codes()[data["code"]]  # an unknown code is our bug: KeyError
            data = {**data, "requirement": meta.requirement, "title": meta.title}
        return data


_ANON_RE = re.compile(r"[某＊*×Ｘ✕○]+|(?<=[\u4e00-\u9fff])[Xx]+")
_SPACE_RE = re.compile(r"\s+")
_NUMBERED_RE = re.compile(r"(?<=[某＊*×Ｘ✕○Xx])[0-9０-９]+$")
# 未发现可供执行的财产 and its variants; 其他 / 除…外 means the found property is acknowledged.
_NO_PROPERTY_RE = re.compile(
    r"(?:未(?:能)?|没有)(?:发现|查询到|查到|查找到|找到|查见)[^。;；，,]{0,12}?(?:可供|可以|能够)?(?:执行|处置)的?财产|"
    r"(?:无|暂无|均无|并无|尚无)[^。;；，,]{0,6}?可供(?:执行|处置)的?财产|"
    r"(?:确|均|并|暂)?(?:无|没有)(?:其他|任何)?财产可供(?:执行|处置)"
)
_SENTENCE_END = "。；;\n"


def _clean(name: str) -> str:
    return _SPACE_RE.sub("", name).replace("(", "（").replace(")", "）")


def names_match(a: str, b: str) -> bool:
    """Same party name, tolerating anonymisation on either side (张某某 ~ 张建国, 李** ~ 李明, 张某2 ~ 张建国)."""
    a, b = _clean(a), _clean(b)
    if a == b:
        return True
    for masked, plain in ((a, b), (b, a)):
        if _ANON_RE.search(masked):
            # 张某1 / 张某2: names that became the same are numbered (法释〔2016〕19号第九条第二款)
            masked = _NUMBERED_RE.sub("", masked)
            parts = _ANON_RE.split(masked)
            pattern = ".+".join(re.escape(p) for p in parts)
            if parts[0] and re.fullmatch(pattern, plain):  # the surname (first part) must be given
                return True
    return False


def _record_measure_dates(record: CaseRecord) -> dict[str, set[date]]:
    """Dates of each measure kind in the record, up to the ruling date (empty set: none taken)."""
    m, on = record.measures, record.termination.proposed_date
    dates: dict[str, list[date | None]] = {
        "enforcement_notice": [d for n in m.enforcement_notices for d in (n.issued_on, n.served_on)],
        "report_order": [d for n in m.report_orders for d in (n.issued_on, n.served_on)],
        "network_inquiry": [d for q in m.network_inquiries for d in (q.requested_on, q.feedback_on)],
        "onsite_investigation": [o.date for o in m.onsite_investigations],
        "consumption_restriction": [c.issued_on for c in m.consumption_restrictions],
        "dishonest_list": [d for x in m.dishonest_listings for d in (x.decided_on, x.served_on)],
        "fine": [s.decided_on for s in m.sanctions if s.type == "fine"],
        "detention": [s.decided_on for s in m.sanctions if s.type == "detention"],
        "search": [s.date for s in m.searches],
        "reward": [d for a in m.investigation_applications if a.kind == "reward" and a.granted
                   for d in (a.decided_on, a.carried_out_on)],
        "audit": [d for a in m.investigation_applications if a.kind == "audit" and a.granted
                  for d in (a.decided_on, a.carried_out_on)],
        # 终本规定第五条: told by the 告知书 (issued, served, answered) or at the 约谈, or by signing
        "applicant_informed": [
            record.first_interview.date if record.first_interview else None,
            record.first_confirmation.signed_on if record.first_confirmation else None,
            *((tn.issued_on, tn.served_on, tn.replied_on) if (tn := record.termination_notice) else ()),
        ],
    }
    return {k: {d for d in v if d is not None and d <= on} for k, v in dates.items()}


# Measures 终本规定第六条第一款第（二）项 expects the ruling to list when they were taken.
# 告知申请执行人 is left to the text analysis (TXT-NO-INFORM) to avoid reporting it twice.
_LISTED: tuple[MeasureCode, ...] = (
    "enforcement_notice", "report_order", "network_inquiry", "onsite_investigation",
    "consumption_restriction", "dishonest_list", "fine", "detention", "search", "reward", "audit",
)


def _amounts(record: CaseRecord, analysis: RulingAnalysis) -> Iterable[Mismatch]:
    c = record.claim
    extras = [x for x in (c.interest, c.costs) if x is not None]
    claims = {c.amount_due, c.total_due, *(c.amount_due + x for x in extras)}
    if analysis.claim_amount is not None and analysis.claim_amount not in claims:
        yield Mismatch(
            code="X-CLAIM",
            message=f"裁定书载明的申请执行标的 {money(analysis.claim_amount)} 与案件数据（{money(c.amount_due)}，"
                    f"含利息、费用 {money(c.total_due)}）不一致"
        )
    if c.amount_recovered is None:
        return
    if analysis.recovered_amount is not None and analysis.recovered_amount != c.amount_recovered:
        yield Mismatch(
            code="X-RECOVERED",
            message=f"裁定书载明的已执行到位金额 {money(analysis.recovered_amount)} 与案件数据"
                    f"（{money(c.amount_recovered)}）不一致"
        )
    elif analysis.outstanding_amount is not None and analysis.recovered_amount is None:
        outstanding = {x - c.amount_recovered for x in claims}
        if analysis.outstanding_amount not in outstanding:
            yield Mismatch(
                code="X-OUTSTANDING",
                message=f"裁定书载明的未执行到位金额 {money(analysis.outstanding_amount)} 与案件数据"
                        f"（{money(c.total_due - c.amount_recovered)}）不一致"
            )


def _parties(record: CaseRecord, analysis: RulingAnalysis) -> Iterable[Mismatch]:
    sides = (
        ("applicant", "申请执行人", [a.name for a in record.applicants]),
        ("respondent", "被执行人", [r.party.name for r in record.respondents]),
    )
    for role, label, names in sides:
        in_text = [p.name for p in analysis.parties if p.role == role]
        if not in_text:
            continue  # the analysis found no party block for this side: nothing to compare
        for name in names:
            if not any(names_match(name, t) for t in in_text):
                yield Mismatch(code="X-PARTY", message=f"案件数据中的{label}“{name}”未出现在裁定书中")
        for t in in_text:
            if not any(names_match(name, t) for name in names):
                yield Mismatch(code="X-PARTY", message=f"裁定书中的{label}“{t}”与案件数据中的{label}均不相符")


def _measures(record: CaseRecord, analysis: RulingAnalysis) -> Iterable[Mismatch]:
    recorded = _record_measure_dates(record)
    in_text: dict[str, set[date | None]] = {}
    for m in analysis.measures:
        in_text.setdefault(m.measure, set()).add(m.date)
    for code, dates in in_text.items():
        label = MEASURE_LABELS[code]
        if not recorded.get(code):
            yield Mismatch(code="X-MEASURE-TEXT", message=f"裁定书称已{'采取' if code != 'applicant_informed' else ''}"
                           f"{label}，案件数据中没有记载")
            continue
        for d in sorted(x for x in dates if x is not None):
            if d not in recorded[code]:
                yield Mismatch(code="X-MEASURE-DATE",
                               message=f"裁定书所载{label}日期 {d.isoformat()} 与案件数据记载的日期"
                                       f"（{'、'.join(x.isoformat() for x in sorted(recorded[code]))}）不符")
    for code in _LISTED:
        if recorded[code] and code not in in_text:
            yield Mismatch(code="X-MEASURE-RECORD",
                           message=f"案件数据记载已采取{MEASURE_LABELS[code]}，裁定书未载明")


def _sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    ends = [i for i in (text.find(ch, end) for ch in _SENTENCE_END) if i >= 0]
    return text[s:min(ends) if ends else len(text)]


def _property(record: CaseRecord, text: str) -> Iterable[Mismatch]:
    open_assets = [a for a in record.measures.assets if a.status != "disposed"]
    if not open_assets:
        return
    for m in _NO_PROPERTY_RE.finditer(text):
        sentence = _sentence(text, m.start(), m.end())
        if "其他" in sentence or "其它" in sentence or re.search(r"除[^。]{0,60}外", sentence):
            continue  # 除已扣划的存款外，未发现其他可供执行的财产: the found property is acknowledged
        before = text[max(text.rfind(ch, 0, m.start()) for ch in _SENTENCE_END) + 1:m.start()]
        if re.search(r"(?:现场|实地)调查|搜查", before):
            continue  # 到住所现场调查，未发现可供执行的财产: what one visit found, not the ruling's finding
        listed = "、".join(a.description for a in open_assets[:3]) + ("等" if len(open_assets) > 3 else "")
        yield Mismatch(
            code="X-PROPERTY",
            message=f"裁定书称未发现可供执行的财产，但案件数据记载有未处置的财产（{listed}）"
        )
        return


def crosscheck(record: CaseRecord, analysis: RulingAnalysis, text: str | None = None) -> list[Mismatch]:
    """Every disagreement between ``record`` and the analysed ruling ``text``.

    ``text`` (the ruling as read) is needed for the "no property found" comparison; the
    other comparisons use the analysis alone.
    """
    out: list[Mismatch] = []
    if not analysis.is_zhongben:
        out.append(Mismatch(code="X-KIND", message="案件已按终本结案，但裁定书不是终结本次执行程序裁定"))
    if analysis.case_number and _clean(analysis.case_number).replace("字第", "") != record.case_number:
        out.append(Mismatch(code="X-CASENO", message=f"裁定书案号“{analysis.case_number}”与案件数据"
                            f"“{record.case_number}”不一致"))
    if analysis.court and _clean(analysis.court) != _clean(record.court):
        out.append(Mismatch(code="X-COURT",
                            message=f"裁定书的法院“{analysis.court}”与案件数据“{record.court}”不一致"))
    if analysis.date and analysis.date != record.termination.proposed_date:
        out.append(Mismatch(code="X-DATE", message=f"裁定书落款日期 {analysis.date.isoformat()} 与案件数据的终本日期"
                            f" {record.termination.proposed_date.isoformat()} 不一致"))
    out.extend(_amounts(record, analysis))
    out.extend(_parties(record, analysis))
    out.extend(_measures(record, analysis))
    if text is not None:
        from termination.analysis import cut_appendix
        from termination.analysis.parsing import normalize

        out.extend(_property(record, normalize(cut_appendix(text))))
    return out
