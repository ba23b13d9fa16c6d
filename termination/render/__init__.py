"""The ruling and its companion documents, rendered from the decision of the check.

Pipeline: the record as of the decision's date (one cut, at the entry) →
:func:`~termination.render.documents.common.facts_of` (typed values: parties, steps, property,
amounts, hearing, signatures) → one view per document (:mod:`termination.render.documents`) →
its Jinja template in ``templates/`` (every Chinese phrase lives there) printing lines
``@kind text`` → :mod:`termination.render.blocks` → a writer (:mod:`termination.render.writers`).

One decision drives all documents: a final document renders only when the decision is ready
and every value a document must state is recorded; a draft marks every page 草稿, shows each
missing value and each blocking finding in place and lists the missing steps at the end. The
ruling is dated ``termination.proposed_date``; the legal basis and the Civil Procedure Law
article follow that date (:mod:`termination.render.legal`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta, timezone
from typing import Literal

import jinja2

from termination import paths
from termination.case import CaseRecord
from termination.decision import Decision
from termination.errors import InputError, NotReadyError, RenderError, TerminationError
from termination.render import blocks as _blocks
from termination.render.disclosure import FULL, Disclosure
from termination.render.drafts import Drafts, missing_steps
from termination.render.environment import environment as _environment
from termination.render.environment import template

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
_BEIJING = timezone(timedelta(hours=8))

__all__ = ["DOCUMENTS", "TITLES", "missing_steps", "render_blocks", "render_documents", "template"]


def _selected(only: Sequence[str] | None) -> list[str]:
    if only is None:
        return list(DOCUMENTS)
    names = [n.strip() for n in only if n.strip()]
    unknown = [n for n in names if n not in DOCUMENTS]
    if unknown or not names:
        raise InputError(f"未知的文书“{'、'.join(unknown) or '（空）'}”，可选：{', '.join(DOCUMENTS)}", field="only")
    return [n for n in DOCUMENTS if n in names]


def render_blocks(names: Sequence[str], case: CaseRecord, decision: Decision, *, draft: bool,
                  disclosure: Disclosure = FULL) -> dict[str, list[_blocks.Block]]:
    """The block structure of each document in ``names`` (the record is cut to the decision's date).

    Raises:
        NotReadyError: a final document lacks a value it must state (``.missing`` names each one).
    """
    from termination.render.documents import MODULES
    from termination.render.documents.common import as_context, facts_of

    record = case.as_of(decision.as_of)
    drafts = Drafts(decision, draft)
    facts = facts_of(record, decision, drafts, disclosure)
    views = {name: MODULES[name].build(facts, drafts, record, disclosure) for name in names}
    if drafts.missing:
        raise NotReadyError(f"文书缺少必要内容：{'、'.join(drafts.missing)}，不能生成正式文书（可生成标注缺项的草稿）",
                            missing=list(drafts.missing))
    env = _environment()
    return {name: _blocks.parse(env.get_template(MODULES[name].TEMPLATE).render(as_context(view)))
            for name, view in views.items()}


def render_documents(
    case: CaseRecord,
    decision: Decision,
    *,
    draft: bool = False,
    only: Sequence[str] | None = None,
    fmt: Format = "docx",
    disclosure: Disclosure = FULL,
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
        parsed = render_blocks(names, case, decision, draft=draft, disclosure=disclosure)
        out: dict[str, bytes] = {}
        if fmt == "docx":
            from termination.render.writers.docx import Meta, to_docx  # python-docx only when writing .docx

            created = datetime.combine(case.termination.proposed_date, time(), _BEIJING)
            for name, doc in parsed.items():
                meta = Meta(f"{TITLES[name]}（{case.case_number}）", _blocks.clean(case.court), created)
                out[f"{TITLES[name]}.docx"] = to_docx(doc, draft=draft, meta=meta)
        else:
            from termination.render.writers.text import to_text

            for name, doc in parsed.items():
                out[f"{TITLES[name]}.txt"] = to_text(doc, draft=draft)
        return out
    except TerminationError:
        raise
    except (jinja2.TemplateError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RenderError(f"文书生成失败（{type(exc).__name__}：{exc}）") from exc
