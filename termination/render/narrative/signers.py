"""Who signs the ruling, with which title (民事诉讼法第一百五十七条第三款: 审判人员、书记员署名).

The titles the record gives (审判长/审判员/执行长/执行员…) are used as given. Otherwise the
approval route decides (民诉法解释第五百一十七条第一款): after a 合议庭 review its members sign,
the presiding member as 审判长; with the applicant's signed confirmation the judge in charge may
sign alone as 审判员. Without either, the signatures are a gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from termination.case import CaseRecord
from termination.render.blocks import Gap
from termination.render.drafts import Drafts


@dataclass(frozen=True)
class Signature:
    """The signature block under the ruling."""

    signers: tuple[tuple[str, str], ...]  # (title, name) in signing order
    missing: Gap | None
    assistant: str | None  # 法官助理, signed after the date
    clerk: str | Gap


def signature(case: CaseRecord, drafts: Drafts) -> Signature:
    """The signature block of ``case``'s ruling."""
    t, ap = case.termination, case.approval
    signers: tuple[tuple[str, str], ...] = ()
    if t.signers:
        signers = tuple((s.title, s.name) for s in t.signers)
    elif ap.collegial_review is not None:
        cr = ap.collegial_review
        presiding = cr.presiding or cr.members[0]
        signers = (("审判长", presiding), *(("审判员", m) for m in cr.members if m != presiding))
    elif ap.applicant_confirmation and t.judges:
        signers = (("审判员", t.judges[0]),)
    missing = None if signers else drafts.gap("署名的审判人员（须与审批路径一致）")
    return Signature(signers, missing, t.judge_assistant, t.clerk or drafts.gap("书记员"))
