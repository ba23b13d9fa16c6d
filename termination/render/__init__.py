"""The ruling and its companion documents, rendered from the decision of the check.

Pipeline: :func:`termination.render.context.build` turns the case record and its
:class:`~termination.decision.Decision` into template values → a Jinja template in
``templates/`` (StrictUndefined, autoescape off: the output is text, and python-docx escapes
XML itself) prints lines ``@kind text`` → :mod:`termination.render.blocks` parses them →
:mod:`termination.render.docx` writes paragraphs with named styles (or plain text).

One decision drives all documents: a final document renders only when the decision is ready;
a draft marks every page 草稿, shows each blocking finding in place as 【待补充：…】 and lists
the missing steps at the end. The ruling is dated ``termination.proposed_date``; the legal
basis and the Civil Procedure Law article follow that date (:mod:`termination.render.legal`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

import jinja2

from termination import paths
from termination.case import CaseRecord
from termination.decision import Decision
from termination.errors import InputError, NotReadyError, RenderError, TerminationError
from termination.render import blocks as _blocks
from termination.render.context import build, filters, missing_steps

TEMPLATES_DIR = paths.TEMPLATES

DOCUMENTS: tuple[str, ...] = ("ruling", "notice", "interview", "approval", "report")
#: document → file name stem
TITLES: dict[str, str] = {
    "ruling": "执行裁定书",
    "notice": "终结本次执行程序告知书",
    "interview": "约谈笔录",
    "approval": "终本案件办理情况表",
    "report": "合规审查报告",
}
Format = Literal["docx", "txt"]

__all__ = ["DOCUMENTS", "TITLES", "missing_steps", "render_blocks", "render_documents", "template"]


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # text, not HTML: python-docx escapes &, <, > when writing XML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_blocks.clean,
    )
    env.filters.update(filters())
    return env


def template(name: str) -> jinja2.Template:
    """The compiled template of document ``name`` (re-read when its file changed; raises if gone or broken)."""
    return _environment().get_template(f"{name}.j2")


def _selected(only: Sequence[str] | None) -> list[str]:
    if only is None:
        return list(DOCUMENTS)
    names = [n.strip() for n in only if n.strip()]
    unknown = [n for n in names if n not in DOCUMENTS]
    if unknown or not names:
        raise InputError(f"未知的文书“{'、'.join(unknown) or '（空）'}”，可选：{', '.join(DOCUMENTS)}", field="only")
    return [n for n in DOCUMENTS if n in names]


def render_blocks(name: str, case: CaseRecord, decision: Decision, *, draft: bool = False) -> list[_blocks.Block]:
    """The block structure of one document (no readiness check: callers decide)."""
    values = build(case, decision, draft=draft)
    return _blocks.parse(_environment().get_template(f"{name}.j2").render(values))


def render_documents(
    case: CaseRecord,
    decision: Decision,
    *,
    draft: bool = False,
    only: Sequence[str] | None = None,
    fmt: Format = "docx",
) -> dict[str, bytes]:
    """Render the documents of ``case`` from its ``decision``: ``{"执行裁定书.docx": b"...", ...}``.

    Raises:
        NotReadyError: the decision is not ready and ``draft`` is false (``.missing`` lists the
            missing steps in Chinese), or a final document lacks a required value.
        InputError: an unknown document name or format, or a decision of another case.
        RenderError: a template or document failed (our bug).
    """
    if fmt not in ("docx", "txt"):
        raise InputError(f"未知的输出格式“{fmt}”，可选：docx、txt", field="format")
    names = _selected(only)
    if decision.case_number != case.case_number:
        raise InputError(f"检查结论属于案件{decision.case_number}，与本案{case.case_number}不符", field="decision")
    if not decision.ready and not draft:
        raise NotReadyError("案件尚不符合终本条件，未生成正式文书（可生成标注缺项的草稿）",
                            missing=missing_steps(decision))
    try:
        # The documents state the record as it stood on the decision's date, as the check counted it.
        values = build(case.as_of(decision.as_of), decision, draft=draft)
        env = _environment()
        out: dict[str, bytes] = {}
        for name in names:
            parsed = _blocks.parse(env.get_template(f"{name}.j2").render(values))
            if fmt == "docx":
                from termination.render.docx import to_docx  # python-docx only when writing .docx

                out[f"{TITLES[name]}.docx"] = to_docx(parsed, draft=draft)
            else:
                out[f"{TITLES[name]}.txt"] = _blocks.to_text(parsed, draft=draft)
        return out
    except TerminationError:
        raise
    except (jinja2.TemplateError, ValueError, KeyError, TypeError) as exc:
        raise RenderError(f"文书生成失败（{type(exc).__name__}：{exc}）") from exc
