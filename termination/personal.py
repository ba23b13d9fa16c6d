"""What kind of personal data each text field of the case record holds (beside :mod:`termination.absence`).

The published version of a ruling (``termination render --publish``) replaces personal data at
its source, field by field, before anything is rendered: the table says what each field is, and
:mod:`termination.publish.record` decides by the kind what 法释〔2016〕19号 does with it. Every
field that holds text is listed (None: no personal data — court names, case numbers, ids that
point into the record); a test keeps the table equal to the model, so a new field must be
declared here before it can reach a published ruling.

Kinds:

``party_name``   a party's name (a natural person or an organisation)
``person_name``  a natural person named by text: agents, legal representatives, persons bound
                 by a 限制消费令, persons questioned or interviewed (some fields may hold a party id)
``official``     court staff: judges, clerk, assistant, interviewer, approvers
``id_number``    公民身份号码
``org_code``     统一社会信用代码 (an organisation's, kept)
``birth_date``, ``sex``, ``ethnicity``   a natural person's attributes (kept)
``address``      a party's 住所 / 住所地
``place``        where a measure took place (may be someone's home)
``text``         free text a clerk typed (may hold any kind of personal data)
"""

from __future__ import annotations

import typing
from typing import Final, Literal

from pydantic import BaseModel

from termination.case import CaseRecord

PersonalKind = Literal["party_name", "person_name", "official", "id_number", "org_code", "birth_date", "sex",
                       "ethnicity", "address", "place", "text"]


def _party(prefix: str) -> dict[str, PersonalKind | None]:
    return {
        f"{prefix}.kind": None,
        f"{prefix}.id": None,
        f"{prefix}.name": "party_name",
        f"{prefix}.short_name": None,  # an organisation's short name (第十一条第（一）项 keeps its name)
        f"{prefix}.sex": "sex",
        f"{prefix}.ethnicity": "ethnicity",
        f"{prefix}.birth_date": "birth_date",
        f"{prefix}.id_number": "id_number",
        f"{prefix}.address": "address",
        f"{prefix}.agent.name": "person_name",
        f"{prefix}.agent.firm": None,
        f"{prefix}.credit_code": "org_code",
        f"{prefix}.legal_representative": "person_name",
        f"{prefix}.representative_title": None,
    }


PERSONAL: Final[dict[str, PersonalKind | None]] = {
    "schema_version": None,
    "court": None,
    "case_number": None,
    "cause": None,
    "resumed_from.original_case_number": None,
    "resumed_from.ruling_number": None,
    "judge": "official",
    **_party("applicants[]"),
    **_party("respondents[].party"),
    "basis.document_number": None,
    "basis.issuing_body": None,
    "basis.document_type": None,
    "basis.obligation": "text",
    "measures.enforcement_notices[].respondent": None,
    "measures.report_orders[].respondent": None,
    "measures.property_reports[].respondent": None,
    "measures.property_reports[].verification_result": "text",
    "measures.sanctions[].target": "person_name",  # a respondent id, or another person's name
    "measures.consumption_restrictions[].respondent": None,
    "measures.consumption_restrictions[].bound_persons": "person_name",
    "measures.dishonest_listings[].respondent": None,
    "measures.network_inquiries[].respondent": None,
    "measures.clues[].id": None,
    "measures.clues[].description": "text",
    "measures.clues[].result": "text",
    "measures.onsite_investigations[].respondent": None,
    "measures.onsite_investigations[].place": "place",
    "measures.onsite_investigations[].result": "text",
    "measures.searches[].respondent": None,
    "measures.interrogations[].respondent": None,
    "measures.interrogations[].person": "person_name",
    "measures.assets[].id": None,
    "measures.assets[].respondent": None,
    "measures.assets[].description": "text",
    "measures.assets[].non_disposable_reason": "text",
    "measures.assets[].first_seizing_court": None,
    "measures.seizures[].id": None,
    "measures.seizures[].respondent": None,
    "measures.seizures[].description": "text",
    "measures.locate_efforts[].respondent": None,
    "measures.locate_efforts[].method": "text",
    "measures.obstructions[].by": "person_name",  # a respondent id, or another person's name
    "measures.obstructions[].description": "text",
    "interview[].applicant": None,  # a party id
    "interview[].interviewee": "person_name",
    "interview[].interviewer": "official",
    "interview[].opinion": "text",
    "interview[].place": "place",
    "interview[].transcript[].question": "text",
    "interview[].transcript[].answer": "text",
    "approval.applicant_confirmation[].applicant": None,  # a party id
    "approval.applicant_confirmation[].signed_by": "person_name",
    "approval.collegial_review.members": "official",
    "approval.collegial_review.presiding": "official",
    "approval.president_approval.name": "official",
    "termination.judges": "official",
    "termination.signers[].name": "official",
    "termination.judge_assistant": "official",
    "termination.clerk": "official",
    "post.resumed_case_number": None,
}


def _is_text(annotation: object) -> bool:
    """str, str | None, list[str] (not a Literal of codes)."""
    if annotation is str:
        return True
    return any(_is_text(a) for a in typing.get_args(annotation) if typing.get_origin(annotation) is not Literal)


def _walk(model: type[BaseModel], prefix: str, out: set[str]) -> None:
    from termination.absence import _models

    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        nested = _models(info.annotation)
        for sub, many in nested:
            _walk(sub, f"{path}[]." if many else f"{path}.", out)
        if not nested and _is_text(info.annotation):
            out.add(path)


def text_fields() -> frozenset[str]:
    """Every field of the record that holds text (pattern paths, ``[]`` for list items)."""
    out: set[str] = set()
    _walk(CaseRecord, "", out)
    return frozenset(out)


def kind(path: str) -> PersonalKind | None:
    """The kind of an indexed or pattern path (``respondents.0.party.address``)."""
    from termination.absence import pattern

    return PERSONAL.get(pattern(path))
