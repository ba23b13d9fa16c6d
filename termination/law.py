"""Read the verbatim law texts kept in ``corpus/law/*.md``.

Each file is one legal document (one edition): YAML front matter, then one ``## 第X条``
heading per article. Under a heading, plain lines are the verbatim text of the law, ``〔…〕``
marks a part that was not read, and lines starting with ``>`` are editorial notes (sources,
paraphrases of unverified content) that are never returned as law text.

Only articles whose front-matter status is ``verified`` or ``partial`` have a text; an
article known only in paraphrase (``corroborated``/``unverified``) or only by number
(``not_quoted``) has none, so it can never be quoted as the wording of the law.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import yaml

from termination import paths

CORPUS_DIR = paths.CORPUS / "law"

#: Article statuses whose plain lines are verbatim law text.
QUOTABLE_STATUSES = frozenset({"verified", "partial"})
#: Every status an article may carry in the front matter ``articles`` map.
ARTICLE_STATUSES = frozenset({"verified", "partial", "corroborated", "unverified", "not_quoted", "table"})
#: Marker for a part of an article that was not read (never part of a quotation).
GAP = "〔…〕"

_DOC_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class _Document:
    meta: dict[str, str]
    statuses: dict[str, str]
    sections: dict[str, tuple[str, ...]]


def documents() -> tuple[str, ...]:
    """The file stems of all law documents in the corpus, sorted."""
    return tuple(sorted(p.stem for p in CORPUS_DIR.glob("*.md")))


def article_text(doc: str, article: str) -> str | None:
    """The verbatim text under ``## {article}`` in ``corpus/law/{doc}.md``.

    Paragraphs and items are joined with ``\\n``; editorial notes are left out. Returns None
    when the document or heading does not exist, or when the article's wording is not
    verified (paraphrase only). Never raises.
    """
    document = _load(doc)
    if document is None or not isinstance(article, str):
        return None
    if document.statuses.get(article) not in QUOTABLE_STATUSES:
        return None
    lines = document.sections.get(article)
    return "\n".join(lines) if lines else None


def article_status(doc: str, article: str) -> str | None:
    """The verification status of one article (see ``ARTICLE_STATUSES``), or None."""
    document = _load(doc)
    if document is None or not isinstance(article, str):
        return None
    return document.statuses.get(article)


def articles(doc: str) -> tuple[str, ...]:
    """The ``##`` headings of a document in file order (empty for an unknown document)."""
    document = _load(doc)
    return () if document is None else tuple(document.sections)


def document_meta(doc: str) -> dict[str, str]:
    """The scalar front-matter fields (title, short, doc_no, issued, …) as strings.

    Dates are ISO strings. The per-article ``articles`` map is left out (see
    ``article_status``). An unknown document gives an empty dict.
    """
    document = _load(doc)
    return {} if document is None else dict(document.meta)


def _load(doc: str) -> _Document | None:
    if not isinstance(doc, str) or not _DOC_RE.match(doc):
        return None
    return _load_file(doc)


@functools.lru_cache(maxsize=None)
def _load_file(doc: str) -> _Document | None:
    try:
        text = (CORPUS_DIR / f"{doc}.md").read_text(encoding="utf-8")
        return _parse(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
        return None


def _parse(text: str) -> _Document:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("missing front matter")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise ValueError("unterminated front matter")
    front = yaml.safe_load("\n".join(lines[1:end]))
    if not isinstance(front, dict):
        raise ValueError("front matter is not a mapping")
    article_map = front.get("articles") or {}
    if not isinstance(article_map, dict):
        raise ValueError("articles is not a mapping")
    statuses = {str(k): str(v) for k, v in article_map.items()}
    meta = {str(k): _scalar(v) for k, v in front.items() if k != "articles" and v is not None}
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[end + 1 :]:
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif current is not None and line.strip() and not line.lstrip().startswith(">"):
            current.append(line.strip())
    return _Document(meta, statuses, {k: tuple(v) for k, v in sections.items()})


def _scalar(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
