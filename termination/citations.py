"""Format legal citations: 《终本规定》第一条第（四）项, and the quote when verified."""

from __future__ import annotations

from termination.decision import Citation
from termination.rules.schema import LegalBasis, Source

_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 517 → 五百一十七 (as in article numbers)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return _DIGITS[hundreds] + "百"
    if rest < 10:
        return _DIGITS[hundreds] + "百零" + _DIGITS[rest]
    return _DIGITS[hundreds] + "百" + ("一" + cn_number(rest) if rest < 20 else cn_number(rest))


def format_citation(source: Source, basis: LegalBasis) -> Citation:
    """The one place where citations are turned into text (templates never hand-write them)."""
    text = f"《{source.short}》"
    if basis.article:
        text += basis.article
        if basis.paragraph:
            text += f"第{cn_number(basis.paragraph)}款"
        if basis.item:
            text += f"第（{cn_number(basis.item)}）项"
    elif basis.label:
        text += basis.label
    quote = None
    if basis.verification == "VERIFIED" and source.corpus and basis.article:
        from termination.law import article_text  # corpus access only when quoting

        quote = article_text(source.corpus, basis.article)
    return Citation(
        text=text,
        title=source.title,
        short=source.short,
        doc_no=source.doc_no,
        article=basis.article,
        paragraph=basis.paragraph,
        item=basis.item,
        kind=source.kind,
        verification=basis.verification,
        quote=quote,
    )
