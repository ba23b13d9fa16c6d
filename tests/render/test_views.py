"""One view per document (architecture §4, convention 6): each template reads only its view's fields.

An included template (header, parties, missing steps) reads the including template's variables,
so it counts as part of it; imported macro files take what they print as arguments.
"""

from __future__ import annotations

from dataclasses import fields

import jinja2.meta
import pytest

from termination.render.documents import MODULES
from termination.render.environment import environment


def _reads(name: str) -> set[str]:
    env = environment()
    source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
    ast = env.parse(source)
    names = set(jinja2.meta.find_undeclared_variables(ast))
    for included in jinja2.meta.find_referenced_templates(ast):
        if included and included.startswith("_") and f'include "{included}"' in source:
            names |= _reads(included)
    return names


@pytest.mark.parametrize("name", sorted(MODULES))
def test_each_template_reads_only_its_view(name: str) -> None:
    module = MODULES[name]
    declared = {f.name for f in fields(module.__dict__[next(k for k in module.__dict__ if k.endswith("View"))])}
    # doc_title is set by the template itself before including the header
    assert _reads(module.TEMPLATE) - {"doc_title"} <= declared


@pytest.mark.parametrize("name", sorted(MODULES))
def test_each_view_field_is_read(name: str) -> None:
    """No view carries what its template never prints (views stay what their documents state)."""
    module = MODULES[name]
    view = module.__dict__[next(k for k in module.__dict__ if k.endswith("View"))]
    assert {f.name for f in fields(view)} - _reads(module.TEMPLATE) == set()
