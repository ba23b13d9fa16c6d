"""The claim and what was realised (终本规定第六条第（一）、（四）项, content CORROBORATED).

Each amount is tied to what produced it: money recovered is attributed to the disposed assets
that yielded it (a deposit deducted, a property sold), as far as the record tells; the rest is
stated without a source rather than given one. A recovered amount larger than the total due is
never turned into a negative outstanding amount: a draft marks it, a final render is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from termination.case import Asset, CaseRecord
from termination.render.blocks import Gap
from termination.render.drafts import Drafts
from termination.text import money


@dataclass(frozen=True)
class Source:
    """A disposed asset, the measure that turned it into money (扣划, 拍卖, 变卖, 处置) and what it yielded."""

    description: str
    type: str
    amount: Decimal
    how: str


def _how(asset: Asset) -> str:
    """扣划 for money in an account; 拍卖 or 变卖 when the record shows the sale; else 处置."""
    if asset.type in ("bank_deposit", "internet_bank"):
        return "扣划"
    sold = [x for x in asset.disposal_attempts if x.outcome == "sold"]
    if sold:
        return "拍卖" if sold[-1].method == "auction" else "变卖"
    return "处置"


@dataclass(frozen=True)
class ClaimFigures:
    """申请执行标的 and its parts; recovered and outstanding (a gap when unknown or inconsistent)."""

    amount_due: Decimal
    interest: Decimal | None
    costs: Decimal | None
    total: Decimal
    recovered: Decimal | Gap
    outstanding: Decimal | Gap
    sources: tuple[Source, ...]
    unattributed: Decimal  # recovered minus what the sources explain (0 when all is explained)

    @property
    def has_parts(self) -> bool:
        """Interest or costs are added to the principal (then a total is stated)."""
        return bool(self.interest or self.costs)


def figures(case: CaseRecord, drafts: Drafts, asset_text: dict[str, str]) -> ClaimFigures:
    """The figures of ``case``; ``asset_text`` gives the description of each asset id."""
    cl = case.claim
    total = cl.total_due
    sources = tuple(
        Source(asset_text.get(a.id, a.description), a.type, a.value, _how(a))
        for a in case.measures.assets
        if a.status == "disposed" and a.value is not None
    )
    recovered: Decimal | Gap
    outstanding: Decimal | Gap
    if cl.amount_recovered is None:
        recovered = outstanding = drafts.gap("已执行到位金额")
        unattributed = Decimal(0)
    elif cl.amount_recovered > total:
        recovered = cl.amount_recovered
        outstanding = drafts.gap(f"已执行到位金额（{money(cl.amount_recovered)}）大于应执行金额（{money(total)}），请核对")
        unattributed = Decimal(0)
    else:
        recovered = cl.amount_recovered
        outstanding = total - cl.amount_recovered
        explained = sum((s.amount for s in sources), Decimal(0))
        if explained > cl.amount_recovered:
            sources = ()  # the record does not add up: no attribution rather than a wrong one
            explained = Decimal(0)
        unattributed = cl.amount_recovered - explained
    return ClaimFigures(cl.amount_due, cl.interest, cl.costs, total, recovered, outstanding, sources, unattributed)
