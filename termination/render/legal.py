"""Date-dependent legal citations printed in the documents (article numbers only).

The numbers and the dates they change on are data (``rulesets/articles.yaml`` with the dates of
``rulesets/sources.yaml``), resolved by :mod:`termination.editions`. Documents cite article
numbers; they never quote wording that is not VERIFIED (e.g. 终本规定第五条、第六条 are
paraphrased, not quoted).
"""

from __future__ import annotations

from datetime import date

from termination import editions
from termination.errors import InputError
from termination.text import ymd


def _article(topic: str, on: date) -> editions.Article:
    # Documents of the 终本 ruling rest on the 民诉法解释: none before its first edition.
    try:
        editions.article("zhongben_basis", on)
        return editions.article(topic, on)
    except editions.NotInForce:
        first = editions.editions("minsu-jieshi")[0]
        raise InputError(
            f"裁定日期早于《{first.short}》施行日（{ymd(first.effective)}），本工具不生成该日期的文书",
            field="termination.proposed_date",
        ) from None


def basis_article(on: date) -> int:
    """The 民诉法解释 article on 终本 in force on ``on`` (519, then 517 from the 2022 amendment)."""
    number = _article("zhongben_basis", on).number
    assert number is not None  # articles.yaml gives it for every edition
    return number


def objection_article(on: date) -> int:
    """The 民事诉讼法 article on 执行异议 (执行行为异议) in the numbering in force on ``on``."""
    number = _article("objection", on).number
    assert number is not None
    return number


def basis_citation(on: date) -> str:
    """``《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条``."""
    return _article("zhongben_basis", on).citation()


def objection_citation(on: date) -> str:
    """``《中华人民共和国民事诉讼法》第二百三十六条`` (numbering in force on ``on``)."""
    return _article("objection", on).citation()


def zhongben_citation(topic: str, on: date) -> str | None:
    """A 终本规定 article (``zhongben_inform`` 第五条, ``zhongben_conditions`` 第一条); None before it took effect."""
    found = editions.find(topic, on)
    return None if found is None else found.citation()


def zhongben_article(topic: str, on: date) -> str | None:
    """The article alone (``第一条``), for a second mention of the 终本规定 (上述规定第一条)."""
    found = editions.find(topic, on)
    return None if found is None else found.text
