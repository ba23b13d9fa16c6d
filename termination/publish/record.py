"""The redacted view of a case record: personal data replaced at its source, field by field.

:func:`redact_record` walks every text field of the record with the kind
:data:`termination.personal.PERSONAL` declares for it and applies 法释〔2016〕19号:

* a party's name: 隐名 where 第八条 says so (:func:`anonymised`), written as 第九条 says;
* a natural person's 住所 and the place of a measure at a natural person's: cut to the county
  (第十条第一款第（一）项 deletes the home address, 第十一条第（一）项 keeps 住所地所属县、区);
* 公民身份号码: deleted (第十条第一款第（一）项);
* free text: the names of 隐名 persons replaced, and every number or address the patterns of
  :mod:`termination.publish.patterns` find replaced by ××, or a clause about health deleted;
* everything else is kept as the original has it (第十一条, 第十五条第一款): organisations'
  names, 住所地 and codes, legal representatives, lawyers, the court and its judges.

The ruling is then rendered from this record with the decision of the original: the same
decision, a redacted view. Each replacement is a :class:`Redaction` for the clerk's report,
which names what was replaced, where and by which article, never the original value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from termination import glossary
from termination.absence import pattern
from termination.case import CaseRecord
from termination.personal import PERSONAL
from termination.publish import patterns, places
from termination.publish.names import Pseudonym, number_duplicates, pseudonym
from termination.publish.rules import rule_file

#: Where a deletion inside a sentence would leave it unreadable: 第十条第二款.
MARK = "××"


@dataclass(frozen=True)
class Redaction:
    """One replacement in the published version (never the original value)."""

    rules: tuple[str, ...]  # codes in rulesets/publication.yaml
    what: str  # 身份证号码, 住所, 姓名…
    where: str  # 被执行人第1项·当事人·住所地
    shown: str  # what the published version shows instead (empty: deleted)
    note: str | None = None


@dataclass
class Anonymised:
    """The persons 隐名 in a case, by party id, with the rule of 第八条 behind each."""

    pseudonyms: dict[str, Pseudonym] = field(default_factory=dict)
    grounds: dict[str, str] = field(default_factory=dict)  # party id → N-FAMILY / N-CRIMINAL / N-MINOR
    names: dict[str, str] = field(default_factory=dict)  # original name → pseudonym text
    name_grounds: dict[str, str] = field(default_factory=dict)  # original name → its ground of 第八条
    name_rules: dict[str, str] = field(default_factory=dict)  # original name → its form of 第九条


# 《民事案件案由规定》第二部分 婚姻家庭、继承纠纷 (the words of its causes)
_FAMILY_CAUSE = re.compile(
    r"婚约|离婚|婚姻无效|撤销婚姻|夫妻财产|同居关系|亲子关系|抚养|扶养|赡养|收养|监护权|探望权|分家析产|"
    r"继承|遗赠|遗产|被继承人债务"
)
# 法释〔2016〕19号第四条第（四）项：离婚诉讼或者涉及未成年子女抚养、监护的
_WITHHELD_CAUSE = re.compile(r"^离婚纠纷$|抚养|监护")


def age_on(birth: date, on: date) -> int:
    """Full years of age on ``on`` (周岁)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def withheld(case: CaseRecord) -> list[tuple[str, str]]:
    """The provisions of 法释〔2016〕19号第四条 that keep this ruling off the internet, with the reason."""
    out: list[tuple[str, str]] = []
    cause = (case.cause or "").strip()
    obligation = case.basis.obligation or ""
    # 法释〔2016〕19号第四条第（四）项
    if _WITHHELD_CAUSE.search(cause):
        out.append(("W-FAMILY", f"案由为{cause}，属于离婚诉讼或者涉及未成年子女抚养、监护的案件"))
    elif "抚养费" in obligation:
        out.append(("W-FAMILY", "执行依据确定的义务为支付抚养费，涉及未成年子女抚养"))
    # 法释〔2016〕19号第四条第（二）项
    if "刑事" in (case.basis.document_type or ""):
        on = case.basis.effective_date or case.filing_date
        for r in case.respondents:
            p = r.party
            if p.kind == "person" and p.birth_date and age_on(p.birth_date, on) < 18:
                out.append(("W-MINOR-CRIME", "执行依据为刑事裁判，被执行人在裁判生效时未满十八周岁，属于未成年人犯罪的案件"))
                break
    return out


def anonymised(case: CaseRecord) -> Anonymised:
    """Who is 隐名 (法释〔2016〕19号第八条) and under which name (第九条)."""
    on = case.termination.proposed_date
    family = bool(_FAMILY_CAUSE.search(case.cause or ""))
    criminal = "刑事" in (case.basis.document_type or "")
    grounds: dict[str, str] = {}
    people = [(a, "applicant") for a in case.applicants] + [(r.party, "respondent") for r in case.respondents]
    for party, side in people:
        if party.kind != "person":
            continue  # organisations are never 隐名 (第十一条第（一）项 keeps their names)
        if party.birth_date and age_on(party.birth_date, on) < 18:
            grounds[party.id] = "N-MINOR"  # 法释〔2016〕19号第八条第（三）项
        elif family:
            grounds[party.id] = "N-FAMILY"  # 法释〔2016〕19号第八条第（一）项
        elif criminal and side == "applicant":
            grounds[party.id] = "N-CRIMINAL"  # 法释〔2016〕19号第八条第（二）项：被害人、附带民事诉讼原告人
    result = Anonymised(grounds=grounds)
    raw: dict[str, Pseudonym] = {}
    for party, _ in people:
        if party.id in grounds:
            raw[party.id] = pseudonym(party.name, getattr(party, "ethnicity", None))
    # A minor's agent who is not a lawyer is taken as the 法定代理人 (第八条第（三）项：未成年人及其法定代理人).
    guardians: dict[str, str] = {}
    for party, _ in people:
        if grounds.get(party.id) == "N-MINOR" and party.agent and not party.agent.firm:
            key = f"{party.id}#agent"
            raw[key] = pseudonym(party.agent.name, None)
            guardians[key] = party.agent.name
    result.pseudonyms = number_duplicates(raw)  # 法释〔2016〕19号第九条第二款
    by_id = {p.id: p for p, _ in people}
    for key, p in result.pseudonyms.items():
        original = guardians.get(key) or by_id[key].name
        result.names[original] = p.text
        result.name_grounds[original] = "N-MINOR" if key in guardians else grounds[key]
        result.name_rules[original] = p.rule
    return result


# ---------------------------------------------------------------- the walk


def where(path: str) -> str:
    """A field's place in Chinese: ``measures.clues.0.description`` → 执行措施·财产线索第1项·内容."""
    tokens = path.split(".")
    labels = list(glossary.field_chain(path))
    names = [t for t in tokens if not t.isdigit()]
    if len(labels) != len(names):
        return "·".join(labels) or path
    out: list[str] = []
    it = iter(labels)
    for t in tokens:
        if t.isdigit():
            out[-1] += f"第{int(t) + 1}项"
        else:
            out.append(next(it))
    return "·".join(out)


_KIND_RULES: dict[str, tuple[str, ...]] = {
    "id_number": ("D-ID-NUMBER",),
    "phone": ("D-CONTACT",),
    "email": ("D-CONTACT",),
    "im_account": ("D-CONTACT",),
    "bank_account": ("D-BANK-PERSON", "D-ORGANISATION"),
    "plate": ("D-PLATE-PERSON", "D-ORGANISATION"),
    "certificate": ("D-CERTIFICATE-PERSON", "D-ORGANISATION"),
    "health": ("D-HEALTH",),
    "address": ("D-ADDRESS",),
}


def redact_text(text: str, loc: str, anon: Anonymised, out: list[Redaction],
                protect: tuple[str, ...] = ()) -> str:
    """Free text with the names of 隐名 persons and every pattern hit replaced (reported in ``out``,
    each with the text as published).

    ``protect``: values the law keeps (an organisation's 住所地…) that the patterns must not touch.
    """
    named: list[tuple[tuple[str, ...], str]] = []
    found: list[tuple[tuple[str, ...], str]] = []
    for original in sorted(anon.names, key=len, reverse=True):
        if original in text:
            text = text.replace(original, anon.names[original])
            named.append(((anon.name_grounds[original], anon.name_rules[original]), "姓名"))
    kept = [(m.start(), m.end()) for v in protect if v for m in re.finditer(re.escape(v), text)]
    hits = [h for h in patterns.find(text) if not any(s < h.end and h.start < e for s, e in kept)]
    for h in reversed(hits):
        if h.kind == "health":
            # 法释〔2016〕19号第十条第一款第（一）项：健康状况 — the clause goes, not a mark in its place
            text = text[:h.start] + text[h.end:]
            found.append((_KIND_RULES[h.kind], rule_file().kinds[h.kind]))
        else:
            # 法释〔2016〕19号第十条第二款：删除信息影响理解的，用符号“×”作部分替代
            text = text[:h.start] + text[h.start:h.start + h.keep] + MARK + text[h.end:]
            found.append(((*_KIND_RULES[h.kind], "X-PARTIAL"), rule_file().kinds[h.kind]))
    if any(h.kind == "health" for h in hits):
        text = re.sub(r"[，,；;]+(?=[。；;]|$)", "", text).strip("，,；; ") or MARK
    out.extend(Redaction(rules, what, loc, text) for rules, what in [*named, *reversed(found)])
    return text


class _Walker:
    def __init__(self, case: CaseRecord, anon: Anonymised) -> None:
        self.case = case
        self.anon = anon
        self.out: list[Redaction] = []
        self.person_ids = {p.id for p in [*case.applicants, *(r.party for r in case.respondents)] if p.kind == "person"}
        self.protect = tuple(p.address for p in [*case.applicants, *(r.party for r in case.respondents)]
                             if p.kind == "organisation" and p.address)

    def walk(self, value: Any, path: str, owner: dict[str, Any] | None) -> Any:
        if isinstance(value, dict):
            return {k: self.walk(v, f"{path}.{k}" if path else k, value) for k, v in value.items()}
        if isinstance(value, list):
            return [self.walk(v, f"{path}.{i}", owner) for i, v in enumerate(value)]
        if not isinstance(value, str):
            return value
        kind = PERSONAL.get(pattern(path))
        return self.field(kind, value, path, owner or {}) if kind else value

    def field(self, kind: str, value: str, path: str, owner: dict[str, Any]) -> str | None:
        loc = where(path)
        if kind == "party_name":
            pid = owner.get("id")
            if pid in self.anon.pseudonyms:
                p = self.anon.pseudonyms[pid]
                self.out.append(Redaction((self.anon.grounds[pid], p.rule), "姓名", loc, p.text))
                return p.text
            return value
        if kind == "person_name":
            if value in self.anon.names:
                shown = self.anon.names[value]
                self.out.append(Redaction((self.anon.name_grounds[value], self.anon.name_rules[value]), "姓名", loc, shown))
                return shown
            return value
        if kind == "id_number":
            # 法释〔2016〕19号第十条第一款第（一）项：身份证号码
            self.out.append(Redaction(("D-ID-NUMBER",), "身份证号码", loc, ""))
            return None
        if kind == "address":
            if owner.get("kind") != "person":
                return value  # 法释〔2016〕19号第十一条第（一）项：法人及其他组织保留住所地
            return self.address(value, loc)
        if kind == "place":
            respondent = owner.get("respondent")
            if respondent in self.person_ids:
                return self.address(value, loc) or MARK
            return redact_text(value, loc, self.anon, self.out, self.protect)
        if kind == "text":
            return redact_text(value, loc, self.anon, self.out, self.protect)
        return value  # official, org_code, ethnicity: kept (第十一条、第十五条第一款)

    def address(self, value: str, loc: str) -> str | None:
        """A natural person's address cut to the county (第十条第一款第（一）项、第十一条第（一）项)."""
        cut = places.cut_to_county(value)
        if cut is None:
            self.out.append(Redaction(("D-ADDRESS",), "住址", loc, "", "未能识别县级行政区划，整体删除，请核对"))
            return None
        if cut.rest.strip():
            note = "县级行政区划按地址结构识别，请核对" if cut.guessed else None
            self.out.append(Redaction(("D-ADDRESS", "K-PERSON"), "县级以下住址", loc, cut.county, note))
        return cut.county


def redact_record(case: CaseRecord) -> tuple[CaseRecord, list[Redaction], Anonymised]:
    """The record with its personal data replaced at the source, the replacements, and who is 隐名."""
    anon = anonymised(case)
    walker = _Walker(case, anon)
    data = walker.walk(case.model_dump(mode="json"), "", None)
    return CaseRecord.model_validate(data), walker.out, anon
