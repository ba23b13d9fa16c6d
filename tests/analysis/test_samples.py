"""Each sample ruling in corpus/rulings/ against its hand-written NAME.expected.json.

The expectation files were written by reading the texts, not by running the analyser. A
field missing from an expectation file is not checked; evidence is checked as "the expected
phrase (or one of the listed phrases) occurs in the evidence sentence".
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from termination.analysis import analyze_file, analyze_text, read_ruling

RULINGS = Path(__file__).resolve().parents[2] / "corpus" / "rulings"
SAMPLES = sorted(p for p in RULINGS.iterdir() if p.suffix in (".txt", ".docx"))
SCALARS = ("is_zhongben", "kind", "case_number", "court", "date", "filing_date")
AMOUNTS = ("claim_amount", "recovered_amount", "outstanding_amount")


def _expected(sample: Path) -> dict[str, Any]:
    return json.loads(sample.with_name(sample.stem + ".expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    return {p.name: analyze_file(p).model_dump(mode="json") for p in SAMPLES}


def test_corpus_is_complete() -> None:
    names = [p.name for p in SAMPLES]
    assert len(names) >= 30
    assert sum(n.endswith(".docx") for n in names) == 2
    assert all(p.with_name(p.stem + ".expected.json").is_file() for p in SAMPLES)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("key", SCALARS)
def test_scalar(results: dict[str, dict[str, Any]], sample: Path, key: str) -> None:
    expected = _expected(sample)
    if key in expected:
        assert results[sample.name][key] == expected[key]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_amounts(results: dict[str, dict[str, Any]], sample: Path) -> None:
    expected = _expected(sample)
    for key in AMOUNTS:
        if key in expected:
            got = results[sample.name][key]
            want = expected[key]
            assert (None if got is None else Decimal(got)) == (None if want is None else Decimal(want)), key


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_parties(results: dict[str, dict[str, Any]], sample: Path) -> None:
    expected = _expected(sample)
    if "parties" in expected:
        got = sorted((p["name"], p["role"], p["kind"]) for p in results[sample.name]["parties"])
        want = sorted((p["name"], p["role"], p["kind"]) for p in expected["parties"])
        assert got == want


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_basis(results: dict[str, dict[str, Any]], sample: Path) -> None:
    expected = _expected(sample)
    if "basis" in expected:
        assert results[sample.name]["basis"] == expected["basis"]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_contents(results: dict[str, dict[str, Any]], sample: Path) -> None:
    expected = _expected(sample)
    for name, want in expected.get("contents", {}).items():
        got = results[sample.name]["contents"][name]
        assert got["present"] is want["present"], name
        if want["evidence"] is None:
            assert got["evidence"] is None, name
        else:
            # one phrase, or a list of phrases any of which a reader would accept as evidence
            phrases = want["evidence"] if isinstance(want["evidence"], list) else [want["evidence"]]
            assert any(phrase in got["evidence"] for phrase in phrases), name


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_measures(results: dict[str, dict[str, Any]], sample: Path) -> None:
    expected = _expected(sample)
    if "measures" in expected:
        got = {m["measure"]: m["date"] for m in results[sample.name]["measures"]}
        assert got == expected["measures"]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_problems(results: dict[str, dict[str, Any]], sample: Path) -> None:
    expected = _expected(sample)
    if "problems" in expected:
        got = results[sample.name]["problems"]
        assert sorted(p["code"] for p in got) == sorted(expected["problems"])
        assert all(p["message"] and p["citation"].startswith("《") for p in got)


# The same ruling as it reaches a reviewer in other shapes: copied from a PDF (hard line breaks
# at a fixed width), pasted from a web page (one <p> per line, &nbsp;), with full-width digits,
# with Windows line ends, with every line break lost, or as a mirror site republishes it.  A lawyer reads the same content in
# each, so each must still meet the hand-written expectation (evidence phrases aside: the
# evidence sentence is quoted as it appears in the variant).
def _wrap(text: str, width: int) -> str:
    return "\n".join(line[i : i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


def _html(text: str) -> str:
    import html

    body = "".join(f"<p style='TEXT-INDENT: 30pt'>{html.escape(line).replace(' ', '&nbsp;')}</p>\n" for line in text.split("\n"))
    return f"<html><head><title>裁判文书</title></head><body>{body}</body></html>"


VARIANTS = {
    "pdf-wrap-28": lambda t: _wrap(t, 28),
    "pdf-wrap-40": lambda t: _wrap(t, 40),
    "html": _html,
    "full-width-digits": lambda t: t.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "one-line": lambda t: t.replace("\n", ""),
    # a mirror site of 中国裁判文书网: half-width , : ( ) ; and paragraphs joined by a space
    "mirror-site": lambda t: t.translate(str.maketrans("，：（）；", ",:();")).replace("\n", " "),
}
# Already hard-wrapped / already HTML: wrapping or pasting them again is not a real-world shape.
# A mirror site joins paragraphs, not the lines of a hard-wrapped copy (a space inside 被 执行人).
_SKIP = {
    ("zb_2023_jinan_fullwidth_wrapped.txt", "pdf-wrap-28"),
    ("zb_2023_jinan_fullwidth_wrapped.txt", "pdf-wrap-40"),
    ("zb_2023_jinan_fullwidth_wrapped.txt", "mirror-site"),
}
PLAIN = [p for p in SAMPLES if p.suffix == ".txt" and "<div" not in read_ruling(p)]


SHAPES = [
    pytest.param(p, v, id=f"{p.name}-{v}") for p in PLAIN for v in sorted(VARIANTS) if (p.name, v) not in _SKIP
]


def _brackets(name: str) -> str:
    return name.translate(str.maketrans("（）", "()"))


@pytest.mark.parametrize(("sample", "variant"), SHAPES)
def test_sample_in_other_shapes(sample: Path, variant: str) -> None:
    expected = _expected(sample)
    got = analyze_text(VARIANTS[variant](read_ruling(sample))).model_dump(mode="json")
    for key in SCALARS:
        if key in expected:
            assert got[key] == expected[key], key
    for key in AMOUNTS:
        if key in expected:
            want = expected[key]
            assert (None if got[key] is None else Decimal(got[key])) == (None if want is None else Decimal(want)), key
    if "parties" in expected:  # names are quoted as the variant writes them: （杭州） or (杭州)
        assert sorted((_brackets(p["name"]), p["role"]) for p in got["parties"]) == sorted(
            (_brackets(p["name"]), p["role"]) for p in expected["parties"]
        )
    if "basis" in expected:
        assert got["basis"] == expected["basis"]
    for name, want in expected.get("contents", {}).items():
        assert got["contents"][name]["present"] is want["present"], name
    if "measures" in expected:
        assert {m["measure"]: m["date"] for m in got["measures"]} == expected["measures"]
    if "problems" in expected:
        assert sorted(p["code"] for p in got["problems"]) == sorted(expected["problems"])
