"""Article numbers by edition (rulesets/articles.yaml + the dates of rulesets/sources.yaml).

The expected numbers and dates are written here by hand from shared/legal/requirements.md §2
(民诉法解释: 第五百一十九条 → 第五百一十七条 on 2022-04-10) and §9 (民事诉讼法 revisions in force
2013-01-01, 2017-07-01, 2022-01-01, 2024-01-01), not read from the data under test.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from termination import editions
from termination.errors import InputError, RuleFileError

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("on", "number", "source"),
    [
        (date(2015, 2, 4), 519, "minsu-jieshi-2015"),
        (date(2022, 4, 9), 519, "minsu-jieshi-2015"),
        (date(2022, 4, 10), 517, "minsu-jieshi-2022"),
        (date(2026, 12, 1), 517, "minsu-jieshi-2022"),
    ],
)
def test_zhongben_basis_switches_on_2022_04_10(on: date, number: int, source: str) -> None:
    found = editions.article("zhongben_basis", on)
    assert (found.number, found.edition.source) == (number, source)


@pytest.mark.parametrize(
    ("on", "number", "label"),
    [
        (date(2013, 1, 1), 225, "2012年修正"),
        (date(2017, 6, 30), 225, "2012年修正"),
        (date(2017, 7, 1), 225, "2017年修正"),
        (date(2021, 12, 31), 225, "2017年修正"),
        (date(2022, 1, 1), 232, "2021年修正"),
        (date(2023, 12, 31), 232, "2021年修正"),
        (date(2024, 1, 1), 236, "2023年修正"),
    ],
)
def test_objection_follows_the_cpl_revision(on: date, number: int, label: str) -> None:
    found = editions.article("objection", on)
    assert (found.number, found.edition.label) == (number, label)


def test_before_the_first_edition() -> None:
    assert editions.find("objection", date(2012, 12, 31)) is None
    assert editions.edition("minsu-jieshi", date(2015, 2, 3)) is None
    with pytest.raises(InputError, match="2015年2月4日"):
        editions.article("zhongben_basis", date(2015, 2, 3))
    assert editions.find("zhongben_inform", date(2016, 11, 30)) is None
    assert editions.article("zhongben_inform", date(2016, 12, 1)).text == "第五条"


def test_citation_text() -> None:
    on = date(2024, 6, 25)
    assert editions.article("zhongben_basis", on).citation() == "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条"
    assert editions.article("objection", on).citation(edition=True) == "《中华人民共和国民事诉讼法》（2023年修正）第二百三十六条"
    assert editions.article("zhongben_conditions", on).citation() == "《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第一条"


def test_unverified_number_is_never_printed() -> None:
    old = editions.article("delay_interest", date(2019, 1, 1))
    assert old.number is None
    with pytest.raises(ValueError, match="未核实"):
        _ = old.text
    assert editions.article("delay_interest", date(2022, 1, 1)).text == "第二百六十条"


def test_seizure_term_number_by_edition() -> None:
    # 2015/2020 text 第四百八十七条 and 2022 text 第四百八十五条, same wording (texts read in full)
    assert editions.article("seizure_term", date(2021, 1, 1)).text == "第四百八十七条"
    assert editions.article("seizure_term", date(2022, 4, 9)).text == "第四百八十七条"
    assert editions.article("seizure_term", date(2022, 4, 10)).text == "第四百八十五条"


def test_every_edition_is_dated_by_its_source() -> None:
    """Editions start on their sources.yaml `effective` date and end where the next one starts."""
    from termination.rules.loader import read_yaml

    sources = read_yaml(ROOT / "rulesets" / "sources.yaml")["sources"]
    for law in ("minsu-jieshi", "cpl", "zhongben"):
        eds = editions.editions(law)
        assert [e.effective for e in eds] == [sources[e.source]["effective"] for e in eds]
        assert [e.until for e in eds] == [e.effective for e in eds[1:]] + [None]
    for topic in editions.topics():
        assert editions.history(topic), topic


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    shutil.copy(ROOT / "rulesets" / "sources.yaml", tmp_path / "sources.yaml")
    text = (ROOT / "rulesets" / "articles.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "articles.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("{source: cpl-2012, label: 2012年修正}", "{source: cpl-2011, label: 2012年修正}", "不存在"),
        ("      - {source: cpl-2012, label: 2012年修正}\n      - {source: cpl-2017, label: 2017年修正}\n",
         "      - {source: cpl-2017, label: 2017年修正}\n      - {source: cpl-2012, label: 2012年修正}\n", "先后"),
        ("{cpl-2012: 225, cpl-2017: 225, ", "{cpl-2012: 225, ", "每个版本"),
        ("    law: cpl\n", "    law: cpl-old\n", "未知的法律"),
        ("    title: 执行行为异议\n", "    title: 执行行为异议\n    note: x\n", "Extra inputs"),
    ],
)
def test_broken_articles_file_is_rejected(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(RuleFileError, match=message):
        editions.load(_broken(tmp_path, old, new))


def test_templates_write_no_article_number() -> None:
    """Templates get article numbers from editions; only their comments may name an article."""
    article = re.compile(r"第[〇零一二三四五六七八九十百千]+条")
    for path in sorted((ROOT / "templates").glob("*.j2")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert not article.search(text), f"{path.name}: {article.search(text).group()}"


# Date literals still written in code, each to move into data by its owner (not silently more).
_DATE_LITERAL_TODO = {
    "termination/facts.py": 2,  # SHIXIN_2017, CAICHAN_2017: law engineer (#10/#16)
    "termination/api.py": 3,  # docstring examples, not law
    "termination/limits.py": 2,  # DATE_MIN, DATE_MAX: bounds of input dates (hardening #14), not law
}


def test_no_new_date_literal_in_code() -> None:
    literal = re.compile(r"\bdate\(\s*(?:19|20)\d\d\s*,")
    found = {}
    for path in sorted((ROOT / "termination").rglob("*.py")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.lstrip().startswith("#")]
        n = sum(len(literal.findall(ln)) for ln in lines)
        if n:
            found[path.relative_to(ROOT).as_posix()] = n
    assert found == _DATE_LITERAL_TODO
