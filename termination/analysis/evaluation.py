"""Labelled rulings against the analysis: what matched, what did not, what is a known miss.

A labelled ruling is ``NAME.txt`` (or ``.docx``) beside ``NAME.expected.json`` in
``corpus/rulings/real/``. The labels were written by reading the ruling, never by running the
analyser. Each label is one *field*:

* ``is_zhongben``, ``kind``, ``court`` (the court named in the heading, ``null`` when none is), ``date``,
  ``case_number``, ``filing_date``;
* ``claim_amount``, ``recovered_amount``, ``outstanding_amount``;
* ``contents.claim`` … ``contents.realized`` (``present`` / ``absent``) and ``contents.rights``
  (``complete`` / ``partial`` / ``absent``: 终本规定第六条第一款第（五）项 has two halves);
* ``problems`` (the set of defect codes) and ``problem.<CODE>`` (one code, present or not);
* ``measure.<code>`` (taken, with its date when the label gives one) and ``measure_absent.<code>``;
* ``parties.applicant`` / ``parties.respondent``: the set of names labelled ``applicants`` /
  ``respondents`` (as the ruling writes them, masks such as ``***`` or ``某某`` included).

A copy cut off before its end is marked ``truncated: true``; what the visible text cannot show is
labelled ``unknown`` (a content, or ``problems``) and is not scored: a cut-off ending says nothing
of the rights statement. Scalars the visible text does not show are simply left out.

``todo`` maps a field to the reason the analyser is known to get it wrong (semgrep's
``todoruleid``): such a field is counted and reported, never dropped, and a todo that starts
matching must be removed from the label file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from termination.analysis.models import CONTENT_NAMES, RulingAnalysis

SUFFIXES = (".txt", ".docx")
_SCALARS = ("is_zhongben", "kind", "court", "date", "case_number", "filing_date")
_AMOUNTS = ("claim_amount", "recovered_amount", "outstanding_amount")
_PARTIES = {"applicants": "applicant", "respondents": "respondent"}
#: The label of a field the visible text of a cut-off copy cannot show: not scored.
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Labelled:
    """One labelled ruling: its file and its labels."""

    path: Path
    labels: dict[str, Any]

    @property
    def todo(self) -> dict[str, str]:
        return dict(self.labels.get("todo", {}))


def load(folder: Path) -> list[Labelled]:
    """Every labelled ruling in ``folder``, sorted by name."""
    out = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
        labels = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        out.append(Labelled(path, labels))
    return out


def rights_grade(analysis: RulingAnalysis) -> str:
    """``complete`` / ``partial`` / ``absent`` as the analysis reports the rights statement."""
    item = analysis.contents.rights
    grade = getattr(item, "grade", None)
    if grade is not None:
        return str(grade)
    return "complete" if item.present else "absent"  # analyses without a grade: presence was all


def expected_fields(labels: dict[str, Any]) -> dict[str, Any]:
    """The labelled fields, flattened to ``field -> expected value``."""
    out: dict[str, Any] = {}
    for key in _SCALARS:
        if key in labels:
            out[key] = labels[key]
    for key in _AMOUNTS:
        if key in labels:
            out[key] = None if labels[key] is None else Decimal(labels[key])
    for name, value in (labels.get("contents") or {}).items():
        if value != UNKNOWN:
            out[f"contents.{name}"] = value
    if "problems" in labels and labels["problems"] != UNKNOWN:
        out["problems"] = sorted(labels["problems"])
    for key, role in _PARTIES.items():
        if key in labels:
            out[f"parties.{role}"] = sorted(set(labels[key]))
    for code, when in (labels.get("measures") or {}).items():
        out[f"measure.{code}"] = when or "taken"
    for code in labels.get("measures_absent", ()):
        out[f"measure_absent.{code}"] = True
    return out


def observed_fields(analysis: RulingAnalysis, wanted: Iterable[str]) -> dict[str, Any]:
    """What the analysis says for each wanted field, in the label vocabulary."""
    data = analysis.model_dump(mode="json")
    measures = {m.measure: (m.date.isoformat() if m.date else None) for m in analysis.measures}
    out: dict[str, Any] = {}
    for key in wanted:
        if key in _SCALARS:
            out[key] = data[key]
        elif key in _AMOUNTS:
            value = getattr(analysis, key)
            out[key] = None if value is None else Decimal(value)
        elif key == "contents.rights":
            out[key] = rights_grade(analysis)
        elif key.startswith("contents."):
            out[key] = "present" if getattr(analysis.contents, key.split(".", 1)[1]).present else "absent"
        elif key == "problems":
            out[key] = sorted(p.code for p in analysis.problems)
        elif key.startswith("measure."):
            code = key.split(".", 1)[1]
            out[key] = None if code not in measures else (measures[code] or "taken")
        elif key.startswith("measure_absent."):
            out[key] = key.split(".", 1)[1] not in measures
        elif key.startswith("parties."):
            role = key.split(".", 1)[1]
            out[key] = sorted({p.name for p in analysis.parties if p.role == role})
    return out


def unknown_fields(labels: dict[str, Any]) -> list[str]:
    """The fields of a cut-off copy labelled ``unknown`` (counted by the bench, never scored)."""
    out = [f"contents.{n}" for n, v in (labels.get("contents") or {}).items() if v == UNKNOWN]
    return out + (["problems"] if labels.get("problems") == UNKNOWN else [])


def _measure_matches(expected: Any, got: Any) -> bool:
    # a label of "taken" (no date in the text, or none asked for) accepts any date
    return got is not None if expected == "taken" else expected == got


@dataclass
class Outcome:
    """One field of one ruling."""

    ruling: str
    field: str
    expected: Any
    got: Any
    todo: str | None = None

    @property
    def ok(self) -> bool:
        if self.field.startswith("measure."):
            return _measure_matches(self.expected, self.got)
        return bool(self.expected == self.got)


def compare(item: Labelled, analysis: RulingAnalysis) -> list[Outcome]:
    """Every labelled field of ``item`` against ``analysis``."""
    expected = expected_fields(item.labels)
    got = observed_fields(analysis, expected)
    todo = item.todo
    return [Outcome(item.path.name, key, expected[key], got[key], todo.get(key)) for key in expected]


@dataclass
class Score:
    """Counts of one field over a set of rulings (positives as a reviewer sees them)."""

    total: int = 0
    correct: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    todo: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


#: The field group each outcome is scored under, and what counts as a positive there: a
#: *defect* for the five contents (an absent or partial content is what a reviewer reports),
#: ``True`` for is_zhongben, a present code for problems.
def _positive(field_name: str, value: Any) -> bool | None:
    if field_name.startswith("contents."):
        return value in ("absent", "partial")
    if field_name == "is_zhongben":
        return bool(value)
    return None


def score(outcomes: Iterable[Outcome]) -> dict[str, Score]:
    """Per-field scores; ``problems`` is also split per code (``problem.<CODE>``)."""
    scores: dict[str, Score] = {}
    for o in outcomes:
        groups = [o.field.split(".")[0] if o.field.startswith(("measure.", "measure_absent.")) else o.field]
        for name in groups:
            s = scores.setdefault(name, Score())
            s.total += 1
            s.correct += o.ok
            s.todo += o.todo is not None
            if not o.ok:
                s.misses.append(f"{o.ruling}: {o.field} 期望 {o.expected!r}，得到 {o.got!r}")
            want, got = _positive(o.field, o.expected), _positive(o.field, o.got)
            if want is not None and got is not None:
                s.tp += want and got
                s.fp += got and not want
                s.fn += want and not got
        if o.field == "problems":
            want_codes, got_codes = set(o.expected), set(o.got)
            for code in want_codes | got_codes:
                s = scores.setdefault(f"problem.{code}", Score())
                s.total += 1
                s.correct += (code in want_codes) == (code in got_codes)
                s.tp += code in want_codes and code in got_codes
                s.fp += code in got_codes and code not in want_codes
                s.fn += code in want_codes and code not in got_codes
    return scores


def contents_fields() -> Iterator[str]:
    """The five content fields, in the order of 终本规定第六条."""
    order = ("claim", "process", "property", "realized", "rights")
    assert set(order) == set(CONTENT_NAMES)
    return (f"contents.{n}" for n in order)
