"""Date-dependent article numbers (requirements.md §2 and §9)."""

from __future__ import annotations

from datetime import date

import pytest

from termination.errors import InputError
from termination.render.legal import basis_article, basis_citation, objection_article, objection_citation


@pytest.mark.parametrize(
    ("on", "article"),
    [
        (date(2015, 2, 4), 519),  # 2015 解释施行
        (date(2021, 6, 1), 519),  # 2020 修正仍为第519条
        (date(2022, 4, 9), 519),
        (date(2022, 4, 10), 517),  # 2022 修正施行
        (date(2026, 11, 21), 517),
    ],
)
def test_basis_article(on: date, article: int) -> None:
    assert basis_article(on) == article


@pytest.mark.parametrize(
    ("on", "article"),
    [
        (date(2017, 10, 23), 225),
        (date(2021, 12, 31), 225),
        (date(2022, 1, 1), 232),  # 2021 修正施行
        (date(2023, 12, 31), 232),
        (date(2024, 1, 1), 236),  # 2023 修正施行
        (date(2024, 6, 25), 236),
    ],
)
def test_objection_article(on: date, article: int) -> None:
    assert objection_article(on) == article


def test_citation_text() -> None:
    assert basis_citation(date(2024, 6, 25)) == "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条"
    assert basis_citation(date(2021, 6, 1)).endswith("第五百一十九条")
    assert objection_citation(date(2021, 6, 1)) == "《中华人民共和国民事诉讼法》第二百二十五条"
    assert objection_citation(date(2023, 3, 1)) == "《中华人民共和国民事诉讼法》第二百三十二条"


def test_before_the_interpretation_is_refused() -> None:
    with pytest.raises(InputError) as err:
        basis_article(date(2015, 2, 3))
    assert err.value.field == "termination.proposed_date"
