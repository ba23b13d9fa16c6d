"""Real published rulings (corpus/rulings/real/) against labels written by reading them.

Every labelled field of every ruling is one test. A field listed under ``todo`` in the label
file is a known miss (semgrep's ``todoruleid``): its test asserts the miss is still there, so a
fix that makes it pass fails here until the ``todo`` entry is removed. Rates over the whole set
are reported by ``bench/bench_analysis_accuracy.py`` and recorded in docs/analysis-accuracy.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termination.analysis import analyze_file
from termination.analysis.evaluation import UNKNOWN, compare, contents_fields, expected_fields, load, unknown_fields

REAL = Path(__file__).resolve().parents[2] / "corpus" / "rulings" / "real"
ITEMS = load(REAL)
KINDS = {"zhongben", "zhongjie", "objection", "completion", "suspension", "resumption", "unknown"}


@pytest.fixture(scope="module")
def analyses() -> dict[str, object]:
    return {item.path.name: analyze_file(item.path) for item in ITEMS}


def test_every_ruling_is_labelled_and_sourced() -> None:
    assert len(ITEMS) >= 45
    assert sum(item.labels["is_zhongben"] for item in ITEMS) >= 8
    for item in ITEMS:
        labels = item.labels
        source = labels["source"]
        assert (source.get("index_id") or source.get("url")) and source["published_as"], item.path.name
        assert labels["province"] and 2010 <= labels["year"] <= 2026, item.path.name
        assert labels["kind"] in KINDS, item.path.name
        assert labels.get("truncated", False) in (True, False), item.path.name
        assert set(item.todo) <= set(expected_fields(labels)), f"{item.path.name}: todo names an unlabelled field"
        # only a copy cut off before its end may leave a content unknown
        assert labels.get("truncated") or not unknown_fields(labels), item.path.name
        if labels["is_zhongben"]:
            assert set(labels["contents"]) == {f.split(".")[1] for f in contents_fields()}, item.path.name
            assert labels["contents"]["rights"] in ("complete", "partial", "absent", UNKNOWN)
            assert "problems" in labels, item.path.name


def test_unknown_labels_are_not_scored() -> None:
    labels = {
        "is_zhongben": True,
        "kind": "zhongben",
        "truncated": True,
        "contents": {"claim": "present", "process": "present", "property": UNKNOWN, "realized": UNKNOWN, "rights": UNKNOWN},
        "problems": UNKNOWN,
        "applicants": ["张某某", "张某某"],
    }
    fields = expected_fields(labels)
    assert set(fields) == {"is_zhongben", "kind", "contents.claim", "contents.process", "parties.applicant"}
    assert fields["parties.applicant"] == ["张某某"]
    assert unknown_fields(labels) == ["contents.property", "contents.realized", "contents.rights", "problems"]


CASES = [
    pytest.param(item, key, id=f"{item.path.stem}-{key}")
    for item in ITEMS
    for key in expected_fields(item.labels)
]


@pytest.mark.parametrize(("item", "key"), CASES)
def test_field(analyses: dict[str, object], item, key: str) -> None:  # type: ignore[no-untyped-def]
    (outcome,) = [o for o in compare(item, analyses[item.path.name]) if o.field == key]  # type: ignore[arg-type]
    if outcome.todo is not None:
        assert not outcome.ok, f"known miss fixed — remove todo[{key!r}] from {item.path.stem}.expected.json"
    else:
        assert outcome.ok, f"expected {outcome.expected!r}, got {outcome.got!r}"


# The same real rulings as they reach a reviewer in other shapes (copied from a PDF at a fixed
# width, full-width digits, Windows line ends, every break lost, a mirror site's half-width
# punctuation): the labels still hold.
def _wrap(text: str, width: int) -> str:
    return "\n".join(line[i : i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


SHAPES = {
    "pdf-wrap-30": lambda t: _wrap(t, 30),
    "full-width-digits": lambda t: t.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "one-line": lambda t: t.replace("\n", ""),
    # as the mirror sites of 中国裁判文书网 republish them: half-width , : ( ) ; and the paragraphs
    # joined by a space
    "mirror-site": lambda t: t.translate(str.maketrans("，：（）；", ",:();")).replace("\n", " "),
}
SHAPED_FIELDS = ("is_zhongben", "kind", "problems", *contents_fields())


@pytest.mark.parametrize(
    ("item", "shape"),
    [pytest.param(i, s, id=f"{i.path.stem}-{s}") for i in ITEMS if "<" not in i.path.read_text(encoding="utf-8") for s in SHAPES],
)
def test_labels_hold_in_other_shapes(item, shape: str) -> None:  # type: ignore[no-untyped-def]
    from termination.analysis import analyze_text

    result = analyze_text(SHAPES[shape](item.path.read_text(encoding="utf-8")))
    for outcome in compare(item, result):
        if outcome.field in SHAPED_FIELDS and outcome.todo is None:
            assert outcome.ok, f"{outcome.field}: expected {outcome.expected!r}, got {outcome.got!r}"
