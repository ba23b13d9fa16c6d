"""The property the investigation found, and why found property cannot be disposed of.

终本规定第一条第（三）项: 未发现被执行人有可供执行的财产或者发现的财产不能处置. A found asset
that cannot be disposed of carries its reason: the one recorded, else the one the recorded
facts give (终本规定第四条, content CORROBORATED: not actually seized; auctions or sales failed
and the applicant does not take it in lieu; no 强制管理). Without either, a draft marks the gap
and a final ruling is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from termination.case import Asset, CaseRecord
from termination.render.blocks import Gap
from termination.render.disclosure import Disclosure
from termination.render.drafts import Drafts

Conclusion = Literal["none_found", "not_disposable", "rest_none", "pending"]


@dataclass(frozen=True)
class Reason:
    """Why an asset cannot be disposed of, from the recorded facts (each part may be absent)."""

    not_seized: bool
    auctions_failed: int
    sales_failed: int
    refused_in_lieu: bool
    no_management: bool


@dataclass(frozen=True)
class AssetFinding:
    """One found asset as the documents state it."""

    id: str
    type: str
    description: str
    value: Decimal | None
    balance: bool  # a deposit: 余额, else 价值
    seized: bool | None
    physically_seized: bool | None
    status: str
    recorded_reason: str | None
    derived_reason: Reason | None
    missing_reason: Gap | None


@dataclass(frozen=True)
class RespondentProperty:
    """A respondent's assets (none: it shares the 'nothing found' sentence)."""

    who: str
    assets: tuple[AssetFinding, ...]


@dataclass(frozen=True)
class PropertyView:
    """What was found, respondent by respondent, and the conclusion 本院认为 draws from it."""

    with_assets: tuple[RespondentProperty, ...]
    nothing: tuple[str, ...]  # respondent ids with nothing found
    conclusion: Conclusion
    other: bool  # something was found or recovered: "其他可供执行的财产"


def _clause(text: str) -> str:
    """A recorded reason as a clause after 因: no leading 因/由于, no final 。."""
    text = text.strip().rstrip("。；;")
    for lead in ("由于", "因为", "因"):
        if text.startswith(lead):
            return text[len(lead):]
    return text


def _derived(a: Asset) -> Reason | None:
    failed = [x for x in a.disposal_attempts if x.outcome == "failed"]
    auctions = sum(1 for x in failed if x.method == "auction")
    reason = Reason(a.physically_seized is False, auctions, len(failed) - auctions, a.accepted_in_lieu is False,
                    a.management_possible is False)
    return reason if any((reason.not_seized, failed, reason.refused_in_lieu, reason.no_management)) else None


def finding(a: Asset, drafts: Drafts, disclosure: Disclosure) -> AssetFinding:
    """One asset with its reason (recorded, derived from the facts, or a gap)."""
    recorded = _clause(disclosure.free_text(a.non_disposable_reason)) if a.non_disposable_reason else None
    derived = _derived(a) if recorded is None else None
    missing = None
    if a.status == "not_disposable" and recorded is None and derived is None:
        missing = drafts.gap(f"财产{a.id}不能处置的原因")
    return AssetFinding(a.id, a.type, disclosure.asset(a).rstrip("。"), a.value, a.type in ("bank_deposit", "internet_bank"),
                        a.seized, a.physically_seized, a.status, recorded, derived, missing)


def property_view(case: CaseRecord, drafts: Drafts, disclosure: Disclosure, names: dict[str, str],
                  recovered: bool) -> PropertyView:
    """The property found; ``recovered``: money was recovered (then "其他" property)."""
    with_assets = []
    nothing = []
    for r in case.respondents:
        pid = r.party.id
        assets = tuple(finding(a, drafts, disclosure) for a in case.measures.assets if a.respondent == pid)
        if assets:
            with_assets.append(RespondentProperty(pid, assets))
        else:
            nothing.append(pid)
    statuses = {a.status for a in case.measures.assets}
    conclusion: Conclusion
    if statuses & {"undisposed", "disposing"}:
        conclusion = "pending"  # found property still to dispose of: not a 终本 (D14 blocks)
    elif "not_disposable" in statuses:
        conclusion = "not_disposable"
    elif "disposed" in statuses:
        conclusion = "rest_none"
    else:
        conclusion = "none_found"
    return PropertyView(tuple(with_assets), tuple(nothing), conclusion, bool(case.measures.assets) or recovered)
