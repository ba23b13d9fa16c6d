"""The publication rules (``rulesets/publication.yaml``): each with its article of 法释〔2016〕19号."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from termination import paths
from termination.text import cn_number

RULES_FILE = paths.RULESETS / "publication.yaml"
DOC_NO = "法释〔2016〕19号"

Action = Literal["publish", "withhold", "remind", "anonymise", "replace", "delete", "keep", "not_encoded",
                 "not_applicable"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Basis(_Model):
    """条、款、项 of the cited provision."""

    article: str = Field(pattern=r"^第[一二三四五六七八九十]+条$")
    paragraph: int | None = Field(None, ge=1)
    item: int | None = Field(None, ge=1)

    def text(self) -> str:
        """第十条第一款第（一）项 (the 款 is named only where the article has several and one is meant)."""
        out = self.article
        if self.paragraph is not None:
            out += f"第{cn_number(self.paragraph)}款"
        if self.item is not None:
            out += f"第（{cn_number(self.item)}）项"
        return out


class Rule(_Model):
    """One provision and what the tool does with it."""

    basis: Basis
    quote: str = Field(min_length=2)
    action: Action
    label: str
    note: str | None = None

    def citation(self) -> str:
        """法释〔2016〕19号第十条第一款第（一）项."""
        return DOC_NO + self.basis.text()


class RuleFile(_Model):
    source: str
    kinds: dict[str, str]  # kind of personal data found in text → its Chinese name
    rules: dict[str, Rule]


@lru_cache(maxsize=1)
def rule_file() -> RuleFile:
    """The parsed rule file (read once)."""
    from termination.rules.loader import read_yaml

    return RuleFile.model_validate(read_yaml(RULES_FILE))


def rule(code: str) -> Rule:
    """The rule ``code`` (KeyError for an unknown code: a bug)."""
    return rule_file().rules[code]
