"""Date-dependent legal citations printed in the documents (article numbers only).

Sources: shared/legal/requirements.md §2 (民诉法解释 versions) and §9 (民事诉讼法 numbering),
all VERIFIED there. Documents cite article numbers; they never quote wording that is not
VERIFIED (e.g. 终本规定第五条、第六条 are paraphrased, not quoted).
"""

from __future__ import annotations

from datetime import date

from termination.text import cn_number
from termination.errors import InputError

JIESHI_TITLE = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
CPL_TITLE = "《中华人民共和国民事诉讼法》"
ZHONGBEN_TITLE = "《最高人民法院关于严格规范终结本次执行程序的规定（试行）》"

#: 民诉法解释 in force 2015-02-04 (法释〔2015〕5号); 终本 article 519 until the 2022 amendment.
JIESHI_FROM = date(2015, 2, 4)
#: 2022 amendment (法释〔2022〕11号) in force 2022-04-10: the 终本 article becomes 517.
JIESHI_2022_FROM = date(2022, 4, 10)
#: 终本规定（法〔2016〕373号）施行日.
ZHONGBEN_FROM = date(2016, 12, 1)
#: 民事诉讼法 2021 amendment in force 2022-01-01; 2023 amendment in force 2024-01-01.
CPL_2021_FROM = date(2022, 1, 1)
CPL_2023_FROM = date(2024, 1, 1)


def _check(on: date) -> None:
    if on < JIESHI_FROM:
        raise InputError(
            "裁定日期早于《民诉法解释》施行日（2015年2月4日），本工具不生成该日期的文书",
            field="termination.proposed_date",
        )


def basis_article(on: date) -> int:
    """The 民诉法解释 article on 终本 in force on ``on``: 519 before 2022-04-10, 517 from then on."""
    _check(on)
    # 民诉法解释（2015、2020）第五百一十九条；2022年修正后为第五百一十七条（requirements.md §2）
    return 517 if on >= JIESHI_2022_FROM else 519


def objection_article(on: date) -> int:
    """The 民事诉讼法 article on 执行异议 (执行行为异议) in the numbering in force on ``on``."""
    _check(on)
    # 2012/2017年文本第二百二十五条 → 2021年修正第二百三十二条 → 2023年修正第二百三十六条（§9）
    if on >= CPL_2023_FROM:
        return 236
    if on >= CPL_2021_FROM:
        return 232
    return 225


def basis_citation(on: date) -> str:
    """``《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条``."""
    return f"{JIESHI_TITLE}第{cn_number(basis_article(on))}条"


def objection_citation(on: date) -> str:
    """``《中华人民共和国民事诉讼法》第二百三十六条`` (numbering in force on ``on``)."""
    return f"{CPL_TITLE}第{cn_number(objection_article(on))}条"
