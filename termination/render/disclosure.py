"""Where personal data enters the documents: one method per kind, so it can be replaced at its source.

Every address, identity number, birth date, plate or account number, and every free text a
clerk typed (which may hold any of them) reaches a document through :class:`Disclosure`. The
documents the court signs use :data:`FULL`, which passes the record through unchanged; the
redacted version published on 中国裁判文书网 subclasses it and replaces each kind in one place
(``《最高人民法院关于人民法院在互联网公布裁判文书的规定》`` decides what is removed, not this module).
"""

from __future__ import annotations

from datetime import date

from termination.case import Asset, NaturalPerson, Organisation


class Disclosure:
    """The full record, as the court signs it. Subclass and override to redact."""

    def person_name(self, person: NaturalPerson) -> str:
        """A natural person's name (a party, or a person named in the record by id)."""
        return person.name

    def other_name(self, name: str) -> str:
        """A natural person named only by text (a bound person, an interviewee, a signatory of the applicant)."""
        return name

    def birth_date(self, person: NaturalPerson) -> date | None:
        """A natural person's date of birth."""
        return person.birth_date

    def address(self, party: NaturalPerson | Organisation) -> str | None:
        """住所 / 住所地 of a party."""
        return party.address

    def id_number(self, party: NaturalPerson | Organisation) -> str | None:
        """公民身份号码 or 统一社会信用代码."""
        return party.id_number if isinstance(party, NaturalPerson) else party.credit_code

    def asset(self, asset: Asset) -> str:
        """The description of a found asset (account numbers, plates, property addresses)."""
        return asset.description

    def place(self, text: str) -> str:
        """A place of an investigation or interview (often an address)."""
        return text

    def free_text(self, text: str) -> str:
        """Text a clerk typed (clue descriptions, results, opinions, transcript answers)."""
        return text


#: The documents the court signs: nothing is replaced.
FULL = Disclosure()
