"""Article numbers by edition: which number a provision has in the text in force on a date.

The data is ``rulesets/articles.yaml`` (laws, their editions, and one number per edition for
each topic); the dates come from the editions' entries in ``rulesets/sources.yaml``, so every
edition names its source and no date is written twice. Code asks::

    editions.article("zhongben_basis", on).citation()   # 《…解释》第五百一十七条 (from 2022-04-10)
    editions.article("objection", on).number              # 225 / 232 / 236 by 民事诉讼法 revision

and never hard-codes an article number or an effective date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from termination.errors import InputError, RuleFileError
from termination.text import cn_number, ymd

__all__ = ["Article", "Edition", "NotInForce", "article", "edition", "editions", "find", "history", "topics"]


class NotInForce(InputError):
    """No edition of the law is in force on the date asked (it predates the first edition)."""


@dataclass(frozen=True)
class Edition:
    """One edition of a law: in force from ``effective`` until ``until`` (exclusive; None: still)."""

    law: str
    source: str  # key in rulesets/sources.yaml
    label: str  # 2022年修正
    title: str  # the law's name as cited: 最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释
    short: str  # sources.yaml short name: 民诉法解释
    effective: date
    until: date | None

    def in_force(self, on: date) -> bool:
        return self.effective <= on and (self.until is None or on < self.until)


@dataclass(frozen=True)
class Article:
    """A topic's article in one edition. ``number`` is None when not verified: print none."""

    topic: str
    title: str  # the topic in Chinese: 执行行为异议
    number: int | None
    edition: Edition

    @property
    def text(self) -> str:
        """``第五百一十七条``."""
        if self.number is None:
            raise ValueError(f"{self.edition.label}{self.edition.short}中“{self.title}”的条文序号未核实")
        return f"第{cn_number(self.number)}条"

    def citation(self, *, edition: bool = False) -> str:
        """``《中华人民共和国民事诉讼法》第二百三十六条``; with ``edition``: ``《…》（2023年修正）第二百三十六条``."""
        label = f"（{self.edition.label}）" if edition else ""
        return f"《{self.edition.title}》{label}{self.text}"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _EditionEntry(_Model):
    source: str
    label: str


class _Law(_Model):
    title: str
    editions: list[_EditionEntry]


class _Topic(_Model):
    title: str
    law: str
    articles: dict[str, int | None]


class _File(_Model):
    laws: dict[str, _Law]
    topics: dict[str, _Topic]


@dataclass(frozen=True)
class _Data:
    editions: dict[str, tuple[Edition, ...]]  # law → editions, oldest first
    topics: dict[str, _Topic]


def load(directory: Path) -> _Data:
    """Read and check ``articles.yaml`` against ``sources.yaml`` in ``directory``.

    Raises:
        RuleFileError: an unknown source or one without ``effective``, editions out of date
            order, or a topic that does not give a number (or null) for every edition of its law.
    """
    from termination.rules.loader import read_yaml

    sources: dict[str, Any] = read_yaml(directory / "sources.yaml")["sources"]
    try:
        raw = _File.model_validate(read_yaml(directory / "articles.yaml"))
    except ValidationError as exc:
        err = exc.errors()[0]
        raise RuleFileError(f"articles.yaml: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    laws: dict[str, tuple[Edition, ...]] = {}
    for key, law in raw.laws.items():
        starts: list[date] = []
        for e in law.editions:
            src = sources.get(e.source)
            if src is None or src.get("effective") is None:
                raise RuleFileError(f"articles.yaml: laws.{key}: 法源“{e.source}”不存在或没有施行日期（effective）")
            starts.append(src["effective"])
        if starts != sorted(set(starts)):
            raise RuleFileError(f"articles.yaml: laws.{key}: 各版本须按施行日期先后排列")
        laws[key] = tuple(
            Edition(law=key, source=e.source, label=e.label, title=law.title, short=sources[e.source]["short"],
                    effective=start, until=starts[i + 1] if i + 1 < len(starts) else None)
            for i, (e, start) in enumerate(zip(law.editions, starts))
        )
    for key, topic in raw.topics.items():
        if topic.law not in laws:
            raise RuleFileError(f"articles.yaml: topics.{key}: 未知的法律“{topic.law}”")
        expected = [e.source for e in laws[topic.law]]
        if list(topic.articles) != expected:
            raise RuleFileError(f"articles.yaml: topics.{key}: 须依次列出每个版本的条文序号：{', '.join(expected)}")
    return _Data(editions=laws, topics=dict(raw.topics))


@lru_cache(maxsize=1)
def _data() -> _Data:
    from termination.rules.loader import RULESETS_DIR

    return load(RULESETS_DIR)


def editions(law: str) -> tuple[Edition, ...]:
    """Every edition of ``law`` (a key of ``laws`` in articles.yaml), oldest first."""
    return _data().editions[law]


def edition(law: str, on: date) -> Edition | None:
    """The edition of ``law`` in force on ``on``; None before the first one."""
    return next((e for e in editions(law) if e.in_force(on)), None)


def topics(law: str | None = None) -> tuple[str, ...]:
    """The topic keys (of one law), in file order."""
    return tuple(k for k, t in _data().topics.items() if law is None or t.law == law)


def _article(topic: str, e: Edition) -> Article:
    t = _data().topics[topic]
    return Article(topic=topic, title=t.title, number=t.articles[e.source], edition=e)


def history(topic: str) -> tuple[Article, ...]:
    """The topic's article in every edition of its law, oldest first."""
    return tuple(_article(topic, e) for e in editions(_data().topics[topic].law))


def find(topic: str, on: date) -> Article | None:
    """The topic's article in the edition in force on ``on``; None before the law's first edition."""
    e = edition(_data().topics[topic].law, on)
    return None if e is None else _article(topic, e)


def article(topic: str, on: date) -> Article:
    """The topic's article in the edition in force on ``on``.

    Raises:
        NotInForce: ``on`` predates the first edition of the law.
    """
    found = find(topic, on)
    if found is None:
        first = history(topic)[0].edition
        raise NotInForce(f"{ymd(on)}早于《{first.short}》施行日（{ymd(first.effective)}），没有可引用的条文")
    return found
