"""The one Jinja environment of the documents (text, not HTML).

StrictUndefined: a misspelt value is an error, never a blank. Autoescape is off: the output is
text, and python-docx escapes ``&``, ``<``, ``>`` itself. Every printed value passes
:func:`~termination.render.blocks.clean`. The filters are those of :mod:`termination.text`
(shared with the rule messages) plus :func:`spaced` for signature names, :func:`since` for a date after another in the same
sentence, :func:`then` for the next date of a list, :func:`times` for counts (两次) and ``capitals``.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import jinja2

from termination.render import blocks
from termination.text import FILTERS, amount_in_words, cn_number, ymd


def spaced(name: str) -> str:
    """Signature names: a two-character name gets a full-width space (王　五) to align."""
    return f"{name[0]}　{name[1]}" if len(name) == 2 else name


def since(d: date, ref: date | None) -> str:
    """A date written after ``ref`` in the same sentence: 同日, 同月8日, 6月3日 (same year), else in full."""
    if ref is not None and d == ref:
        return "同日"
    if ref is not None and d.year == ref.year:
        return f"同月{d.day}日" if d.month == ref.month else f"{d.month}月{d.day}日"
    return ymd(d)


def then(d: date, previous: date | None) -> str:
    """The next date of a list (分别于同月11日、12日): the day alone in the month of the date before it,
    the month and day in its year, else in full."""
    if previous is not None and d.year == previous.year:
        return f"{d.day}日" if d.month == previous.month else f"{d.month}月{d.day}日"
    return ymd(d)


def times(n: int, unit: str = "次") -> str:
    """A count with its measure word: 一次, 两次 (not 二次), 三次."""
    return ("两" if n == 2 else cn_number(n)) + unit


def capitals(amount: Any) -> str:
    """人民币叁拾壹万伍仟陆佰壹拾玖元整."""
    return "人民币" + amount_in_words(amount)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The document environment (built once)."""
    from termination import render  # the folder may be replaced there (tests of the health check)

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(render.TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # text, not HTML: python-docx escapes &, <, > when writing XML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=blocks.clean,
    )
    env.filters.update(FILTERS)
    env.filters.update({"spaced": spaced, "capitals": capitals, "since": since, "then": then, "times": times})
    return env


def template(name: str) -> jinja2.Template:
    """The compiled template of document ``name`` (re-read when its file changed; raises if gone or broken)."""
    return environment().get_template(f"{name}.j2")


def wording() -> Any:
    """The documents' own wording of record values (``templates/_wording.j2``): ``wording().asset["pboc"]``."""
    return environment().get_template("_wording.j2").module
