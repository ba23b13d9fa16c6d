"""约谈笔录 (or 电话记录 / 工作记录): a blank form to fill in at the interview, or the transcript
the record holds — never a mix of recorded answers and blank lines.

* No transcript in the record: a form. The court's side (who, when, the five items to tell,
  the questions) is printed; every answer is a blank line for the clerk to write in.
* A transcript: the questions and answers exactly as recorded, then the closing line the
  interviewee writes and signs (以上笔录我已看过，与我说的相符).

Every page carries 第X页共Y页 and the interviewee's signature in the footer. A telephone
interview gets a 电话记录 (no place, no signature of the applicant), a written or electronic
consultation a 工作记录.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from termination.case import CaseRecord
from termination.render.documents.common import Facts, Intro
from termination.render.drafts import Drafts
from termination.render.narrative import amounts, hearing, parties, property
from termination.render.disclosure import Disclosure

NAME = "interview"
TEMPLATE = "interview.j2"
Form = Literal["interview", "phone", "written"]
_FORM: dict[str, Form] = {"in_person": "interview", "video": "interview", "phone": "phone", "written": "written",
                          "sms": "written", "wechat": "written", "email": "written"}


@dataclass(frozen=True)
class Record:
    """One 笔录: a recorded interview (with its transcript, if any), or a blank form."""

    form: Form
    transcript: tuple[tuple[str, str], ...]
    on: date | None
    place: str | None
    interviewer: str | None
    interview: hearing.Interview | None


@dataclass(frozen=True)
class InterviewView:
    """What the 约谈笔录 prints: one record per applicant interviewed (a blank form when none is)."""

    court: str
    case_number: str
    draft: bool
    records: tuple[Record, ...]
    signed_pages: bool  # every record is signed by the interviewee: the footer carries the signature
    clerk: str | None
    intro: Intro
    names: parties.Names
    figures: amounts.ClaimFigures
    property: property.PropertyView
    measure_kinds: tuple[str, ...]
    basis: str
    missing: tuple[str, ...]


def build(facts: Facts, drafts: Drafts, case: CaseRecord, disclosure: Disclosure) -> InterviewView:
    """The 约谈笔录's view."""
    from termination.render.documents import pick

    records = tuple(
        Record(_FORM[iv.mode],
               tuple((disclosure.free_text(qa.question), disclosure.free_text(qa.answer)) for qa in iv.transcript),
               iv.date, disclosure.place(iv.place) if iv.place else None, iv.interviewer or facts.judge, heard)
        for iv, heard in zip(case.interview, facts.hearing.interviews, strict=True)
    ) or (Record("interview", (), None, None, facts.judge, None),)
    return pick(InterviewView, facts, records=records, signed_pages=all(r.form == "interview" for r in records))
