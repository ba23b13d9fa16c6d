"""Format legal citations: 《终本规定》第一条第（四）项, and the quote when verified."""

from __future__ import annotations

from termination.decision import Citation
from termination.rules.schema import LegalBasis, Source
from termination.text import cn_number


def format_citation(source: Source, basis: LegalBasis) -> Citation:
    """The one place where citations are turned into text (templates never hand-write them)."""
    text = f"《{source.short}》"
    if basis.article:
        text += basis.article
        if basis.paragraph:
            text += f"第{cn_number(basis.paragraph)}款"
        if basis.item:
            text += f"第（{cn_number(basis.item)}）项"
        if basis.label:  # a qualifier of the provision, e.g. the acts it governs
            text += f"（{basis.label}）"
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
