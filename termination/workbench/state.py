"""One case in the workbench: the draft the page carries, and what the rules make of it.

Nothing is kept on the server between requests. The page carries the draft record (a hidden
form field holding its JSON) and the keys of the questions set aside with 暂不回答; every
request re-validates the draft exactly as an upload is validated, re-checks it and derives
the next question. The draft is the judge's own input: a signature would prove nothing the
validation does not, since the same judge may paste any record; its size is bounded by the
service's request limit (``TERMINATION_MAX_BODY``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from termination import api
from termination.case import CaseRecord
from termination.decision import Decision
from termination.errors import CalendarNotCovered
from termination.questions import (
    Question,
    bootstrap,
    missing_required,
    next_question,
    question_for,
    questions,
)
from termination.workbench.forms import Problem, validate


@dataclass
class CaseState:
    """The draft, and — once it is a valid record — its decision and the open questions."""

    draft: dict[str, Any]
    skipped: list[str] = field(default_factory=list)
    again: str = ""  # a list the judge is adding several items to (保存并再记录一项): asked first
    record: CaseRecord | None = None
    decision: Decision | None = None
    problems: list[Problem] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    error: str | None = None

    @property
    def question(self) -> Question | None:
        """The question to ask now (the first one not set aside)."""
        return next_question(self.questions, self.skipped)

    @property
    def bootstrapping(self) -> bool:
        """Whether the draft still lacks required fields (the rules cannot run yet)."""
        return self.record is None and not self.problems

    @property
    def set_aside(self) -> list[Question]:
        """The open questions set aside with 暂不回答."""
        skip = set(self.skipped)
        return [q for q in self.questions if q.key in skip]

    @property
    def blocking_open(self) -> int:
        """How many open questions may cure a blocking finding."""
        return sum(1 for q in self.questions if q.blocking)


def evaluate(draft: Mapping[str, Any], skipped: list[str] | None = None, again: str = "") -> CaseState:
    """Validate and check the draft; the questions it still raises.

    ``again``: the key of an "add one more item" question the judge asked to repeat; it comes first.
    """
    state = CaseState(dict(draft), list(skipped or []))
    if missing_required(draft):
        state.questions = bootstrap(draft)
        _, state.problems = validate(draft)
        _repeat(state, again)
        return state
    record, problems = validate(draft)
    if record is None:
        state.problems = problems
        return state
    state.record = record
    try:
        state.decision = api.check(record)
    except CalendarNotCovered as exc:
        state.error = str(exc)
        return state
    state.questions = questions(record, state.decision, draft)
    _repeat(state, again)
    return state


def _repeat(state: CaseState, again: str) -> None:
    """Put the add question ``again`` first (made anew when nothing else asks for it now)."""
    if not again.endswith("+") or again in state.skipped:
        return
    found = next((q for q in state.questions if q.key == again), None)
    if found is None:
        found = question_for(again[:-1], state.draft, reason="继续记录：同一类事项还有一项")
        if found is None:
            return
    state.again = again
    state.questions = [found, *(q for q in state.questions if q.key != again)]
