"""One view per document: a frozen dataclass of exactly what its template prints.

Each module gives ``NAME`` (the document key), ``TEMPLATE`` and ``build(facts, drafts) -> View``.
A test keeps every template reading only its view's fields (``find_undeclared_variables``).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from termination.render.documents import approval, interview, notice, report, ruling

#: document key → its module, in the order documents are listed
MODULES = {m.NAME: m for m in (ruling, notice, interview, approval, report)}


def pick(view: type[Any], source: Any, **extra: Any) -> Any:
    """Build ``view`` from the attributes of ``source`` that it declares, plus ``extra``."""
    values = {f.name: extra[f.name] if f.name in extra else getattr(source, f.name) for f in fields(view)}
    return view(**values)
