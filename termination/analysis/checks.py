"""Checks of a 终本 ruling text, under the rule contract.

A check is a Python predicate over :class:`~termination.analysis.facts.RulingFacts`, registered
with ``@check("TXT-…")``; its metadata — title, requirement IDs, legal basis, the date it applies
from, the message (Jinja over what the predicate returns) and example rulings it must and must
not fire on — lives in ``rulesets/ruling_text/<CODE>.yaml``. The loader rejects a check without
metadata and metadata without a check. A check applies only to rulings dated on or after its
``valid_from`` (终本规定 took effect on 2016-12-01: a ruling of 2016-08-12 is not judged by its
第六条); when the ruling date cannot be read the check applies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import jinja2
from pydantic import BaseModel, ConfigDict, Field

from termination import editions, paths
from termination.analysis import parsing as P
from termination.analysis.facts import RulingFacts
from termination.analysis.models import Problem
from termination.errors import RuleFileError
from termination.periods import elapsed
from termination.rules.schema import LegalBasis, Source
from termination.text import FILTERS, cn_number

RULES_DIR = paths.RULESETS / "ruling_text"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Example(_Model):
    """A ruling (path relative to the repository) the check must fire on, or must not."""

    file: str
    expect: Literal["found", "absent"]


class CheckMeta(_Model):
    """The contract of one text check (``rulesets/ruling_text/<code>.yaml``)."""

    code: str = Field(pattern=r"^(TXT|X)-[A-Za-z0-9-]+$")
    title: str
    requirements: list[str] = Field(min_length=1)
    valid_from: dt.date | None = None
    legal_basis: list[LegalBasis] = Field(min_length=1)
    references: list[str] = Field(default_factory=list, description="裁判等参考依据，附在引用之后")
    message: str
    notes: str | None = None
    examples: list[Example] = Field(default_factory=list)

    def applies(self, on: dt.date | None) -> bool:
        return on is None or self.valid_from is None or on >= self.valid_from


@dataclass(frozen=True)
class Fired:
    """What a predicate found: message parameters and, when the article depends on the date, the citation."""

    params: dict[str, Any]
    citation: str | None = None


Predicate = Callable[[RulingFacts], Fired | None]
_CHECKS: dict[str, Predicate] = {}


def check(code: str) -> Callable[[Predicate], Predicate]:
    """Register ``fn`` as the predicate of ``code``."""

    def register(fn: Predicate) -> Predicate:
        if code in _CHECKS:
            raise RuleFileError(f"{code}: 重复注册的文书检查")
        _CHECKS[code] = fn
        return fn

    return register


@lru_cache(maxsize=1)
def metadata() -> dict[str, CheckMeta]:
    """Every check's metadata, checked one-to-one against the registered predicates."""
    from termination.rules.loader import read_yaml

    out: dict[str, CheckMeta] = {}
    for path in sorted(RULES_DIR.glob("*.yaml")):
        try:
            meta = CheckMeta.model_validate(read_yaml(path))
        except ValueError as exc:
            raise RuleFileError(f"{path.name}: {exc}".replace("\n", " ")) from None
        if meta.code != path.stem:
            raise RuleFileError(f"{path.name}: code “{meta.code}”与文件名不符")
        out[meta.code] = meta
    missing, orphans = set(_CHECKS) - set(out), set(out) - set(_CHECKS)
    if missing or orphans:
        raise RuleFileError(f"文书检查与其元数据不一一对应：缺元数据 {sorted(missing)}，缺检查 {sorted(orphans)}")
    return out


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters.update(FILTERS)
    return env


@lru_cache(maxsize=None)
def _template(code: str) -> jinja2.Template:
    return _environment().from_string(metadata()[code].message)


@lru_cache(maxsize=None)
def citation(code: str) -> str:
    """The fixed citation of a check: its legal bases, then its references."""
    from termination.citations import format_citation

    sources = _sources()
    meta = metadata()[code]
    parts = []
    for basis in meta.legal_basis:
        text = format_citation(sources[basis.source], basis).text
        if basis.verification in ("UNVERIFIED", "CORROBORATED"):
            text += "（条文措辞未核实）"
        parts.append(text)
    return "；".join([*parts, *meta.references])


@lru_cache(maxsize=1)
def _sources() -> dict[str, Source]:
    from termination.rules.loader import read_yaml

    raw = read_yaml(RULES_DIR.parent / "sources.yaml")
    return {k: Source.model_validate(v) for k, v in raw["sources"].items()}


def run(facts: RulingFacts) -> list[Problem]:
    """The problems of a 终本 ruling text (none for other kinds: they are not judged as 终本)."""
    if not facts.is_zhongben:
        return []
    found = []
    meta_all = metadata()
    for code, predicate in _CHECKS.items():
        meta = meta_all[code]
        if not meta.applies(facts.date):
            continue
        fired = predicate(facts)
        if fired is None:
            continue
        found.append(
            Problem(
                code=code,
                title=meta.title,
                requirements=list(meta.requirements),
                message=_template(code).render(fired.params),
                citation=fired.citation or citation(code),
            )
        )
    return found


def codes() -> Iterator[str]:
    """Every registered check code."""
    return iter(metadata())


# ---------------------------------------------------------------- the checks

# A rendered draft is not a ruling (终本 is made by a signed 裁定书).
@check("TXT-DRAFT")
def _draft(f: RulingFacts) -> Fired | None:
    return Fired({}) if f.draft else None


def _content(name: str) -> Predicate:
    def predicate(f: RulingFacts) -> Fired | None:
        return Fired({}) if getattr(f, name) is None else None

    return predicate


# 终本规定第六条第一款第（一）至（四）项
check("TXT-CONTENT-claim")(_content("claim"))
check("TXT-CONTENT-process")(_content("process"))
check("TXT-CONTENT-property")(_content("property_found"))
check("TXT-CONTENT-realized")(_content("realized"))


# 终本规定第六条第一款第（五）项: both halves absent
@check("TXT-CONTENT-rights")
def _rights_absent(f: RulingFacts) -> Fired | None:
    return Fired({}) if f.rights_grade == "absent" else None


_HALF = {
    "applicant_right": "申请执行人享有要求被执行人继续履行债务及申请恢复执行的权利",
    "respondent_duty": "被执行人负有继续履行债务的义务",
}


# 终本规定第六条第一款第（五）项: one half stated, the other missing
@check("TXT-RIGHTS-PARTIAL")
def _rights_partial(f: RulingFacts) -> Fired | None:
    if f.rights_grade != "partial":
        return None
    (missing,) = f.rights_missing
    (present,) = [h for h in _HALF if h != missing]
    return Fired({"missing": _HALF[missing], "present": _HALF[present]})


_JS_ART_RE = re.compile(
    r"第\s*("
    + "|".join(f"{cn_number(a.number)}|{a.number}" for a in editions.history("zhongben_basis") if a.number)
    + r")\s*条"
)


def _cites_interpretation(f: RulingFacts, pos: int) -> bool:
    """False when the article at ``pos`` belongs to another statute named just before it
    (《中华人民共和国民法典》第五百一十九条 is about joint debts, not 终本)."""
    doc = f.doc
    s, _ = doc.sentence(pos)
    close = doc.norm.rfind("》", s, pos)
    if close < 0:
        return True
    title = doc.norm[doc.norm.rfind("《", s, close) + 1 : close]
    between = doc.norm[close + 1 : pos]
    return "解释" in title or bool(re.search(r"解释|[、,;]", between))


def _basis_mismatch(f: RulingFacts) -> tuple[editions.Article, editions.Article] | None:
    """(the 终本 article cited, the one in force) when the ruling cites another edition's number."""
    if f.date is None:
        return None
    body = f.doc.norm[: f.doc.end]
    cited = {P.cn_to_int(m.group(1)) for m in _JS_ART_RE.finditer(body) if _cites_interpretation(f, m.start())}
    basis = editions.find("zhongben_basis", f.date)
    if basis is None or basis.number in cited:
        return None
    for other in editions.history("zhongben_basis"):
        if other.number not in (None, basis.number) and other.number in cited:
            return other, basis
    return None


# 民诉法解释（2022年修正）第五百一十七条 from 2022-04-10; 第五百一十九条 before
@check("TXT-BASIS-OLD")
def _basis_old(f: RulingFacts) -> Fired | None:
    found = _basis_mismatch(f)
    if found is None or found[0].edition.effective >= found[1].edition.effective:
        return None
    other, basis = found
    params = {"on": f.date, "short": other.edition.short, "cited": other.text, "since": basis.edition.effective,
              "current": basis.text}
    return Fired(params, basis.citation(edition=True))


@check("TXT-BASIS-NEW-EARLY")
def _basis_new_early(f: RulingFacts) -> Fired | None:
    found = _basis_mismatch(f)
    if found is None or found[0].edition.effective < found[1].edition.effective:
        return None
    other, basis = found
    params = {"on": f.date, "since": other.edition.effective, "label": other.edition.label,
              "short": other.edition.short, "cited": other.text, "current": basis.text}
    return Fired(params, basis.citation(edition=True))


# The 民事诉讼法 迟延履行利息 article is quoted from judgments: never called outdated here.
_CPL_DELAY_TOPIC = "delay_interest"
_CPL_DELAY_RE = re.compile(r"迟延履行|加倍支付")
_ART_RE = re.compile(r"第\s*([零一二三四五六七八九十百千\d]+)\s*条")
_CPL_RE = re.compile(
    r"民事诉讼法\s*[》>]?\s*(?:\([^()]{0,12}\))?\s*"
    r"(?P<arts>(?:第\s*[零一二三四五六七八九十百千\d]+\s*条(?:\s*第\s*[零一二三四五六七八九十百\d]+\s*[款项])*"
    r"\s*[、,和及与]?\s*)+)"
)


def _labels(labels: list[str]) -> str:
    """``["2012年修正", "2017年修正"]`` → ``2012年、2017年修正``."""
    if len(labels) > 1 and all(x.endswith("修正") for x in labels):
        return "、".join(x.removesuffix("修正") for x in labels[:-1]) + "、" + labels[-1]
    return "、".join(labels)


# 民事诉讼法 articles cited with the number of a revision no longer in force on the ruling date.
# A number counts as outdated only if an older revision used it and the revision in force does
# not (a coincidence with a current article is never flagged).
@check("TXT-CPL-OLD")
def _cpl_old(f: RulingFacts) -> Fired | None:
    if f.date is None:
        return None
    current_edition = editions.edition("cpl", f.date)
    if current_edition is None:
        return None
    topics = [t for t in editions.topics("cpl") if t != _CPL_DELAY_TOPIC]
    now = {t: editions.article(t, f.date) for t in topics}
    current = {a.number for a in (*now.values(), *editions.history(_CPL_DELAY_TOPIC)) if a.number is not None}
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
    body = f.doc.norm[: f.doc.end]
    for m in _CPL_RE.finditer(body):
        s, e = f.doc.sentence(m.start())
        if _CPL_DELAY_RE.search(body, s, e):
            continue
        for art in _ART_RE.finditer(m.group("arts")):
            n = P.cn_to_int(art.group(1))
            if n is not None and n in older and n not in current:
                found.setdefault(n, older[n])
    if not found:
        return None
    parts = [
        f"第{cn_number(n)}条（{topic}）是{_labels(labels)}文本的条文序号，当时有效的{current_edition.label}文本为{now_.text}"
        for n, (topic, now_, labels) in found.items()
    ]
    citations = [now_.citation(edition=True) for _, now_, _ in found.values()]
    return Fired({"on": f.date, "title": current_edition.title, "parts": "；".join(parts)},
                 "；".join(dict.fromkeys(citations)))


_SIXTY_RE = re.compile(r"(?:六十|60)\s*(?:日|天)")


# 终本 is not the end of execution: no 60-day limit on an objection to it
@check("TXT-60DAYS")
def _sixty_days(f: RulingFacts) -> Fired | None:
    body = f.doc.norm[: f.doc.end]
    for m in _SIXTY_RE.finditer(body):
        # the limit and the objection in one written sentence (up to 。 or a line break)
        s = max(body.rfind("。", 0, m.start()), body.rfind("\n", 0, m.start())) + 1
        e = min((i for i in (body.find("。", m.end()), body.find("\n", m.end())) if i >= 0), default=len(body))
        if "异议" in body[s:e]:
            return Fired({})
    return None


# 终本规定第一条第（四）项: more than three months since filing (the filing day not counted)
@check("TXT-UNDER-3M")
def _under_three_months(f: RulingFacts) -> Fired | None:
    if f.date is None or f.filing_date is None or elapsed(f.filing_date, f.date, months=3):
        return None
    return Fired({"on": f.date, "filed": f.filing_date})


# 终本规定第五条: the applicant told and heard before 终本
@check("TXT-NO-INFORM")
def _no_inform(f: RulingFacts) -> Fired | None:
    return None if any(m.code == "applicant_informed" for m in f.measures) else Fired({})


_LAW_CITE_RE = re.compile(
    r"《[^》]{2,60}(?:法|规定|解释|意见|批复|办法|条例|通知)[^》]{0,10}》|第\s*[零一二三四五六七八九十百千\d]+\s*条"
)


def _basis_cited(f: RulingFacts) -> bool:
    """Whether the reasoning before ``裁定如下`` cites a law (a 《…》 title or an article)."""
    doc = f.doc
    if doc.decision is None:
        return bool(_LAW_CITE_RE.search(doc.norm, 0, doc.end))
    start = doc.norm.rfind("本院认为", max(0, doc.decision.start() - 2000), doc.decision.start())
    if start < 0:
        start = max(0, doc.decision.start() - 400)
    return bool(_LAW_CITE_RE.search(doc.norm, start, doc.decision.end()))


# 民诉法解释第五百一十七条 (第五百一十九条 before 2022-04-10): a ruling states its legal basis
@check("TXT-NO-BASIS")
def _no_basis(f: RulingFacts) -> Fired | None:
    if _basis_cited(f):
        return None
    current = editions.find("zhongben_basis", f.date) if f.date is not None else None
    cited_in = [current] if current is not None else list(reversed(editions.history("zhongben_basis")))
    return Fired({}, "；".join(a.citation(edition=True) for a in cited_in))


__all__ = ["CheckMeta", "Fired", "check", "citation", "codes", "metadata", "run"]
