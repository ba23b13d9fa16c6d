"""The parties: the block at the head of a document, and how the body names them.

A ruling must state, for a natural person, name, sex, date of birth and address; for an
organisation, name, address and its 法定代表人 or 负责人 (《人民法院民事裁判文书制作规范》; issue #9
item 4). A missing one is a gap: a final ruling is refused, a draft marks it in place.

A unit's head is 法定代表人 for a legal person and 负责人 for any other organisation (分支机构、
非法人组织、村（居）委会), in the party block and in the body alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from termination.case import CaseRecord, NaturalPerson, Organisation, Party
from termination.render.blocks import Gap
from termination.render.disclosure import Disclosure
from termination.render.drafts import Drafts

Role = Literal["applicant", "respondent"]
HeadTitle = Literal["法定代表人", "负责人"]
_LEGAL_PERSONS = frozenset({"enterprise_legal_person", "non_enterprise_legal_person"})


def head_title(org: Organisation) -> HeadTitle:
    """法定代表人 of a legal person, 负责人 of any other organisation."""
    return "法定代表人" if org.org_type in _LEGAL_PERSONS else "负责人"


@dataclass(frozen=True)
class AgentEntry:
    """委托诉讼代理人 with the firm, and whether the firm is a law firm (律师)."""

    name: str
    firm: str | None
    lawyer: bool
    special_authority: bool | None


@dataclass(frozen=True)
class PartyEntry:
    """One party of the party block. A missing required value is a :class:`Gap`."""

    role: Role
    id: str
    person: bool
    name: str
    sex: str | Gap | None = None
    birth_date: date | Gap | None = None
    ethnicity: str | None = None
    address: str | Gap | None = None
    head_title: HeadTitle | None = None
    head: str | Gap | None = None
    head_position: str | None = None
    agent: AgentEntry | None = None


def _entry(role: Role, party: Party, drafts: Drafts, disclosure: Disclosure) -> PartyEntry:
    who = "申请执行人" if role == "applicant" else "被执行人"
    agent = None
    if party.agent is not None:
        a = party.agent
        agent = AgentEntry(disclosure.other_name(a.name), a.firm, bool(a.firm and a.firm.endswith("律师事务所")),
                           a.special_authority)
    address = disclosure.address(party)
    if isinstance(party, NaturalPerson):
        name = disclosure.person_name(party)
        birth = disclosure.birth_date(party)
        return PartyEntry(
            role, party.id, True, name,
            sex=party.sex or drafts.gap(f"{who}{name}的性别"),
            birth_date=birth or drafts.gap(f"{who}{name}的出生日期"),
            ethnicity=party.ethnicity,
            address=address or drafts.gap(f"{who}{name}的住所"),
            agent=agent,
        )
    title = head_title(party)
    return PartyEntry(
        role, party.id, False, party.name,
        address=address or drafts.gap(f"{who}{party.name}的住所地"),
        head_title=title,
        head=(disclosure.other_name(party.legal_representative) if party.legal_representative
              else drafts.gap(f"{who}{party.name}的{title}")),
        # "负责人：甲，分公司负责人" says the title twice: a position that only repeats it is left out
        head_position=(None if party.representative_title and party.representative_title.endswith(title)
                       else party.representative_title),
        agent=agent,
    )


def party_block(case: CaseRecord, drafts: Drafts, disclosure: Disclosure) -> tuple[PartyEntry, ...]:
    """Applicants then respondents, each with the values a ruling must state."""
    return tuple(
        [_entry("applicant", a, drafts, disclosure) for a in case.applicants]
        + [_entry("respondent", r.party, drafts, disclosure) for r in case.respondents]
    )


@dataclass(frozen=True)
class Names:
    """How the body names the parties.

    Respondents by id: the name, or the unit's 简称 where the record gives one (introduced once,
    "（以下简称…）"). When the case has a single respondent the body says 被执行人 without the name
    (:attr:`single_respondent`), as published rulings do; an act concerning each of several
    respondents says 各被执行人 (:meth:`every`).
    """

    respondents: dict[str, str]
    applicants: tuple[str, ...]
    full: dict[str, str]
    single_respondent: bool
    single_applicant: bool

    def of(self, ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        """Display names of respondent ids (other persons keep the text given)."""
        return tuple(self.respondents.get(i, i) for i in ids)

    def all_respondents(self, ids: tuple[str, ...]) -> bool:
        """Whether ``ids`` are every respondent of the case (the body then says 被执行人 only)."""
        return self.single_respondent and set(ids) == set(self.respondents)

    def every(self, ids: tuple[str, ...] | list[str]) -> bool:
        """Whether ``ids`` are every one of several respondents (the body then says 各被执行人, not
        every name again: the names stand in the party block and the case title)."""
        return not self.single_respondent and set(ids) == set(self.respondents)


def names(case: CaseRecord, disclosure: Disclosure) -> Names:
    """The names the body uses for the parties of ``case``."""
    full: dict[str, str] = {}
    short: dict[str, str] = {}
    for r in case.respondents:
        p = r.party
        full[p.id] = disclosure.person_name(p) if isinstance(p, NaturalPerson) else p.name
        short[p.id] = (p.short_name or p.name) if isinstance(p, Organisation) else full[p.id]
    applicants = tuple(
        disclosure.person_name(a) if isinstance(a, NaturalPerson) else (a.short_name or a.name) for a in case.applicants
    )
    return Names(short, applicants, full, len(case.respondents) == 1, len(case.applicants) == 1)


def introduced(case: CaseRecord) -> tuple[tuple[str, str], ...]:
    """(full name, 简称) of every party whose 简称 the body introduces, in order of appearance."""
    out = []
    for p in [*case.applicants, *(r.party for r in case.respondents)]:
        if isinstance(p, Organisation) and p.short_name and p.short_name != p.name:
            out.append((p.name, p.short_name))
    return tuple(out)
