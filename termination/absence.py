"""What the absence of each record field means: the declared reading behind every unknown.

The record is the case system's record. Some fields record an *event*, which the system
records when it happens: its absence means it **did not happen** (no sanction was imposed,
the notice was not served, no auction was held). Others record a *finding* that the law
requires the judge to make (whether a respondent meets the 失信 conditions, which items the
applicant was told, whether the applicant accepts property in lieu): its absence means it is
**not established**, and a rule that needs it comes out unknown (待补充), never satisfied.
A third kind, **detail**, only describes (names, addresses, free-text results): no rule
outcome depends on it.

:data:`ABSENCE` gives the reading of every optional field and list of :class:`~termination.case.CaseRecord`,
keyed by its path with ``[]`` for list items (``measures.assets[].accepted_in_lieu``);
required fields are never absent and are not listed. A test keeps the table equal to the
model. The facts (``termination/facts.py``) read absent fields this way; the property test
(``tests/test_absence.py``) removes "not established" fields from random records and checks
that no finding improves; ``Finding.missing`` lists the absent "not established" fields
behind each unknown finding.
"""

from __future__ import annotations

import re
import typing
from typing import Any, Final, Literal

from pydantic import BaseModel

from termination.case import CaseRecord

Reading = Literal["did_not_happen", "not_established", "detail"]

DID: Final = "did_not_happen"
NOT: Final = "not_established"
DETAIL: Final = "detail"

_PARTY_DETAIL = ("kind", "sex", "ethnicity", "id_number", "address", "agent", "agent.firm", "representative_title",
                 "short_name")

ABSENCE: Final[dict[str, Reading]] = {
    "schema_version": DETAIL,
    "judge": DETAIL,
    "cause": DETAIL,
    "resumed_from": DETAIL,  # 执恢: the original case, for the documents
    "resumed_from.ruling_number": DETAIL,
    # 收到申请执行书的日期：an application was always received; unrecorded = not established (B02)
    "application_received_on": NOT,
    # applicants: who they are is required; the rest describes them, except what decides
    # whether someone may speak or sign for them (终本规定第五条, 民诉法解释第五百一十七条)
    **{f"applicants[].{name}": DETAIL for name in _PARTY_DETAIL},
    "applicants[].birth_date": DETAIL,
    "applicants[].deceased": DETAIL,
    "applicants[].missing": DETAIL,
    "applicants[].credit_code": DETAIL,
    "applicants[].insolvent": DETAIL,
    "applicants[].legal_representative": NOT,
    "applicants[].agent.special_authority": NOT,
    # respondents: the facts the law asks about the respondent are findings
    **{f"respondents[].party.{name}": DETAIL for name in _PARTY_DETAIL},
    "respondents[].party.agent.special_authority": DETAIL,
    "respondents[].party.birth_date": NOT,  # 失信规定第四条：未成年人
    "respondents[].party.deceased": NOT,  # 系统校验第11项
    "respondents[].party.missing": NOT,  # 终本规定第一条第（五）项：下落不明
    "respondents[].party.credit_code": DID,  # the unit has none (系统校验第2项的例外)
    "respondents[].party.legal_representative": NOT,
    "respondents[].party.insolvent": NOT,  # 企业破产法第二条第一款
    "respondents[].dishonest_grounds": NOT,  # 失信规定第一条
    "respondents[].security_provided": NOT,  # 失信规定第三条第（一）项
    "respondents[].subsidiary_liability": NOT,  # 失信规定第三条第（三）项
    # 隐匿财产且拒不交出：a finding, but the question arises only when the record points to it
    # (a false report, an obstruction); otherwise there is nothing to find
    "respondents[].concealment": NOT,
    **{f"basis.{name}": DETAIL for name in ("document_type", "effective_date", "obligation", "by_this_court")},
    "claim.interest": DID,  # none computed
    "claim.costs": DID,
    "claim.amount_recovered": NOT,
    # the measures: each list holds events; absent = none happened
    "measures": DID,
    "measures.enforcement_notices": DID,
    "measures.enforcement_notices[].served_on": DID,
    "measures.enforcement_notices[].names_delay_interest": NOT,  # what the notice says
    "measures.enforcement_notices[].dishonest_warning": NOT,
    "measures.report_orders": DID,
    "measures.report_orders[].served_on": DID,
    "measures.property_reports": DID,
    "measures.property_reports[].received_on": DID,
    "measures.property_reports[].verified_on": DID,
    "measures.property_reports[].verification_result": DETAIL,
    "measures.property_reports[].good_reason": DID,  # none put forward (财产调查规定第九条)
    "measures.sanctions": DID,
    "measures.sanctions[].amount": DETAIL,
    "measures.consumption_restrictions": DID,
    "measures.consumption_restrictions[].lifted_on": DID,
    "measures.consumption_restrictions[].lift_reason": NOT,
    "measures.consumption_restrictions[].signed_by_president": NOT,
    "measures.consumption_restrictions[].bound_persons": DID,
    "measures.dishonest_listings": DID,
    "measures.dishonest_listings[].period_years": NOT,  # what the decision says (失信规定第二条)
    "measures.dishonest_listings[].served_on": DID,
    "measures.dishonest_listings[].deleted_on": DID,
    "measures.network_inquiries": DID,
    "measures.network_inquiries[].feedback_on": DID,
    "measures.network_inquiries[].found": DID,
    "measures.clues": DID,
    "measures.clues[].description": DETAIL,
    "measures.clues[].concrete": NOT,  # presumed concrete (财产调查规定第二条) unless found otherwise
    "measures.clues[].urgent": DID,
    "measures.clues[].verified_on": DID,
    "measures.clues[].result": DETAIL,
    "measures.onsite_investigations": DID,
    "measures.onsite_investigations[].result": DETAIL,
    "measures.onsite_investigations[].items": DID,
    "measures.searches": DID,
    "measures.searches[].signed_by_president": NOT,
    "measures.investigation_applications": DID,
    "measures.investigation_applications[].decided_on": DID,
    "measures.investigation_applications[].granted": NOT,
    "measures.investigation_applications[].carried_out_on": DID,
    "measures.interrogations": DID,
    "measures.assets": DID,
    "measures.assets[].value": NOT,
    "measures.assets[].seized": NOT,
    "measures.assets[].physically_seized": NOT,
    "measures.assets[].disposal_attempts": DID,
    "measures.assets[].accepted_in_lieu": NOT,
    "measures.assets[].management_possible": NOT,
    "measures.assets[].non_disposable_reason": NOT,
    "measures.assets[].first_seizing_court": DID,  # no other court seized first (no 轮候查封)
    "measures.assets[].disposal_requested_on": DID,
    "measures.seizures": DID,
    "measures.seizures[].description": DETAIL,
    "measures.seizures[].renewed_on": DID,
    "measures.seizures[].renewed_until": DID,
    "measures.seizures[].released_on": DID,
    "measures.locate_efforts": DID,
    "measures.obstructions": DID,
    "measures.obstructions[].criminal_threshold_met": NOT,  # 法释〔2024〕13号
    # the interview: holding it is an event; what was said in it is a finding
    "interview": DID,
    "interview[].applicant": NOT,  # whom it heard, when there are several applicants
    "interview[].special_authority": NOT,
    "interview[].interviewer": NOT,
    "interview[].items_told": NOT,
    "interview[].opinion": NOT,
    "interview[].agrees": NOT,
    "interview[].record_signed": NOT,
    "interview[].new_clues": NOT,
    "interview[].place": DETAIL,
    "interview[].transcript": DETAIL,
    # 告知书: issuing and serving it are events; the period it names is the form's 7 days unless recorded
    "termination_notice": DID,
    "termination_notice.served_on": DID,
    "termination_notice.service_mode": DETAIL,
    "termination_notice.answer_days": DID,
    "termination_notice.replied_on": DID,
    "approval": DID,
    "approval.applicant_confirmation": DID,
    "approval.applicant_confirmation[].applicant": NOT,  # whose confirmation, unless the signer shows it
    "approval.collegial_review": DID,
    "approval.collegial_review.presiding": DETAIL,
    "approval.president_approval": DID,
    "bankruptcy": DID,
    "bankruptcy.written_consent": NOT,
    "bankruptcy.transfer_decided_on": DID,
    "termination.applicant_requested": DID,
    "termination.judges": NOT,  # who will sign is decided before the ruling (G01)
    "termination.signers": NOT,
    "termination.clerk": NOT,
    "termination.judge_assistant": DETAIL,
    "termination.served_on": DID,
    "post": DID,
    "post.database_entered_on": DID,
    "post.inquiries": DID,
    "post.inquiries[].notified_applicant_on": DID,
    "post.new_clue_received_on": DID,
    "post.fully_performed_on": DID,
    "post.resumed_on": DID,
    "post.resumed_case_number": DETAIL,
    "post.database_removed_on": DID,
}

_INDEX = re.compile(r"\.\d+(?=\.|$)")


def pattern(path: str) -> str:
    """The table key of an indexed path: ``respondents.1.dishonest_grounds`` → ``respondents[].dishonest_grounds``."""
    return _INDEX.sub("[]", path)


#: Events whose absence the record itself can turn into a question: when the stated condition
#: holds, the absent event is not established (a fact says so through ``Recorder.need``) and
#: ``Finding.missing`` lists it like a finding.
PROMPTED: Final[dict[str, str]] = {
    # 财产调查规定第九条：a 报告财产令 was issued and no answer is recorded — whether the
    # respondent reported, late, falsely or not at all is what the sanction and the listing turn on
    "measures.property_reports": "已发出报告财产令而报告情况未记录",
}


def reading(path: str) -> Reading | None:
    """The reading of an indexed or pattern path (None for required fields)."""
    return ABSENCE.get(pattern(path))


def not_established(path: str) -> bool:
    """Whether the absence of the field at ``path`` means "not established"."""
    return reading(path) == NOT


def _walk(model: type[BaseModel], prefix: str, out: dict[str, bool]) -> None:
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        out[path] = out.get(path, True) and info.is_required()
        for nested, many in _models(info.annotation):
            _walk(nested, f"{path}[]." if many else f"{path}.", out)


def _models(annotation: Any, many: bool = False) -> list[tuple[type[BaseModel], bool]]:
    """The pydantic models inside a field's type, and whether they come in a list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(annotation, many)]
    found: list[tuple[type[BaseModel], bool]] = []
    for arg in typing.get_args(annotation):
        found += _models(arg, many or typing.get_origin(annotation) is list)
    return list(dict.fromkeys(found))


def _fields() -> dict[str, bool]:
    """Every pattern path of the case record → whether it is required."""
    out: dict[str, bool] = {}
    _walk(CaseRecord, "", out)
    return out


#: Every field of the record (pattern paths), and those that may be absent.
RECORD_PATHS: Final[frozenset[str]] = frozenset(_fields())
OPTIONAL_PATHS: Final[frozenset[str]] = frozenset(p for p, required in _fields().items() if not required)
