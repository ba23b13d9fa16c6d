"""Chinese labels of record fields and enum values: ``corpus/glossary.yaml``, read once.

* :func:`field` — the label of a case-record path: ``field("interview.items_told")`` → 告知事项
  (list indices are ignored: ``respondents[1].party.name`` → 姓名或名称).
* :func:`term` — the term of an enum value: ``term("asset_categories", "pboc")`` → 人民银行.
* :func:`terms` — a whole section as a read-only mapping, in file order.

The sections are the case record's Literals (checked against ``case.py`` and jieba in
``tests/test_corpus.py``) plus the labels of the decision, the analysis and the calendar.
This is the only label table: a document that deliberately words a value differently keeps
that wording in its template (``templates/_wording.j2``), never in a second Python table.
Jinja environments get the filter ``{{ value | term("asset_categories") }}`` from
:data:`termination.text.FILTERS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

import yaml

from termination import paths

__all__ = ["field", "field_chain", "term", "terms"]

GLOSSARY = paths.CORPUS / "glossary.yaml"
_INDEX = re.compile(r"\[\d+\]|\.\d+(?=\.|$)")


@lru_cache(maxsize=1)
def _data() -> dict[str, dict[str, str]]:
    data = yaml.load(GLOSSARY.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {section: {str(k): str(v) for k, v in mapping.items()} for section, mapping in data.items()}


def field(path: str) -> str:
    """The label of a case-record field path (dotted; list indices dropped).

    Raises:
        KeyError: the path is not a field of the case record.
    """
    key = _INDEX.sub("", path)
    try:
        return _data()["fields"][key]
    except KeyError:
        raise KeyError(f"glossary.yaml: no label for the field {path!r}") from None


def field_chain(path: str) -> tuple[str, ...]:
    """The labels from the outermost field to ``path``: ``measures.searches.date`` → (执行措施, 搜查, 日期)."""
    parts = _INDEX.sub("", path).split(".")
    return tuple(field(".".join(parts[: i + 1])) for i in range(len(parts)))


def path_label(path: str) -> str:
    """The Chinese name of an indexed field path, as a judge reads it:
    ``measures.network_inquiries.0.feedback_on`` → ``网络执行查控第1项·反馈日期``. An unknown leaf (a
    misspelt field) is named by the fields above it; ``""`` when nothing is known."""
    labels: list[str] = []
    plain: list[str] = []
    for part in path.split("."):
        if part.isdigit():
            if labels:
                labels[-1] += f"第{int(part) + 1}项"
            continue
        plain.append(part)
        try:
            label = field(".".join(plain))
        except KeyError:
            break  # an unknown field: name what is known above it
        if ".".join(plain) not in ("measures", "respondents.party"):  # 执行措施·…, 当事人·… add nothing
            labels.append(label)
    return "·".join(labels)


def term(enum: str, value: str) -> str:
    """The Chinese term of ``value`` in the glossary section ``enum``.

    Raises:
        KeyError: unknown section or value.
    """
    try:
        return _data()[enum][value]
    except KeyError:
        raise KeyError(f"glossary.yaml: no term for {enum}.{value}") from None


class _Section(Mapping[str, str]):
    """A read-only, lazily loaded view of one glossary section."""

    def __init__(self, enum: str) -> None:
        self._enum = enum

    def _map(self) -> dict[str, str]:
        try:
            return _data()[self._enum]
        except KeyError:
            raise KeyError(f"glossary.yaml: no section {self._enum!r}") from None

    def __getitem__(self, value: str) -> str:
        return self._map()[value]

    def __iter__(self) -> Iterator[str]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())

    def __repr__(self) -> str:
        return f"glossary.terms({self._enum!r})"


def terms(enum: str) -> Mapping[str, str]:
    """The section ``enum`` as a read-only mapping value → term (file order; loaded on first use)."""
    return _Section(enum)
