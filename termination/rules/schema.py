"""The rule-file contract: what a file in ``rulesets/`` may and must say.

One YAML file per rule, named after its code (``rulesets/zhongben/A04.yaml``). Every rule
cites its legal basis (a key of ``rulesets/sources.yaml`` plus 条/款/项 and the verification
status from the legal reference), names the requirement IDs it implements, says when it
is in force, and carries its own test cases: at least one satisfied and one violated.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from termination.decision import Severity, SourceKind, Status, Verification
from termination.rules.conditions import Condition

Category = Literal["实质要件", "程序要件", "期限", "文书"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Source(_Model):
    """A legal document that rules cite (an entry of ``rulesets/sources.yaml``)."""

    title: str
    short: str
    doc_no: str | None = None
    kind: SourceKind
    effective: date | None = None
    corpus: str | None = Field(None, description="corpus/law file stem holding its text")


class LegalBasis(_Model):
    """One cited provision."""

    source: str
    article: str | None = Field(None, pattern=r"^第[〇零一二三四五六七八九十百]+条$")
    paragraph: int | None = Field(None, ge=1)
    item: int | None = Field(None, ge=1)
    label: str | None = Field(
        None, description="for sources without articles, e.g. 系统校验第7项; beside an article, a qualifier shown after it"
    )
    verification: Verification
    valid_from: date | None = None
    valid_to: date | None = None

    def in_force(self, on: date) -> bool:
        """Whether this provision applies on ``on``."""
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


class Messages(_Model):
    """Jinja templates (over the facts) for each outcome."""

    satisfied: str
    violated: str
    unknown: str
    not_applicable: str | None = None


class RuleTest(_Model):
    """An inline test: facts in, expected status out."""

    name: str
    facts: dict[str, Any]
    expect: Status


class Rule(_Model):
    """A machine-checkable requirement of the law."""

    code: str = Field(pattern=r"^[A-G]\d{2}$")
    title: str
    group: Literal["A", "B", "C", "D", "E", "F", "G"]
    category: Category
    requirements: list[str] = Field(min_length=1)
    severity: Severity
    valid_from: date
    valid_to: date | None = None
    jurisdiction: list[str] | None = Field(
        None, description="local rules only: court-code prefixes of the case number (豫) or parts of the court name (江陵县)"
    )
    legal_basis: list[LegalBasis] = Field(min_length=1)
    applies_when: Condition | None = None
    condition: Condition
    message: Messages
    remedy: str
    notes: str | None = None
    tests: list[RuleTest] = Field(min_length=2)

    @model_validator(mode="after")
    def _jurisdiction_only_for_local_rules(self) -> Rule:
        if self.jurisdiction is not None and self.severity != "local":
            raise ValueError("jurisdiction 只用于地方规范（severity: local）")
        return self

    @model_validator(mode="after")
    def _tests_both_ways(self) -> Rule:
        expected = {t.expect for t in self.tests}
        if not {"satisfied", "violated"} <= expected:
            raise ValueError("tests 须至少包含一个 satisfied 和一个 violated 用例")
        return self

    def in_force(self, on: date) -> bool:
        """Whether the rule applies on ``on``."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def applies_to_court(self, court: str, court_code: str) -> bool:
        """Whether a (local) rule governs a case of this court; national rules always do."""
        if self.jurisdiction is None:
            return True
        return any(court_code.startswith(j) or j in court for j in self.jurisdiction)


class NotEncoded(_Model):
    """A requirement of §13 deliberately not encoded as a rule, with the reason."""

    requirement: str
    reason: str
    handled_by: str | None = Field(None, description="where it is checked instead, if anywhere")


class PartlyEncoded(_Model):
    """A part of an encoded requirement that its rule does not check, with the reason."""

    requirement: str
    rule: str = Field(pattern=r"^[A-G]\d{2}$")
    part: str = Field(description="what of the requirement the rule leaves out")
    reason: str


class NotEncodedFile(_Model):
    """``rulesets/zhongben/not_encoded.yaml``."""

    not_encoded: list[NotEncoded]
    partly_encoded: list[PartlyEncoded] = Field(default_factory=list)
