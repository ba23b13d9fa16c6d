"""The one input layer: encodings, shapes, every problem listed, IME hints, consistency checks,
and the same inputs accepted by every command and the service."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from termination.cli import main
from termination.courts import check_case_number, parse_court_code, province_in_name
from termination.errors import CaseFileError
from termination.glossary import path_label
from termination.io import detect_encoding, load_case, read_items

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "corpus" / "cases" / "01-compliant-person.json"  # ready; 北京市朝阳区人民法院, 京0105
TERMINATED = ROOT / "corpus" / "terminated"


def base() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CASE.read_text(encoding="utf-8"))
    return data


PRETTY = json.dumps(base(), ensure_ascii=False, indent=2)
ENCODED: dict[str, bytes] = {
    "utf-8": PRETTY.encode("utf-8"),
    "utf-8-bom": PRETTY.encode("utf-8-sig"),
    "utf-16-bom": PRETTY.encode("utf-16"),
    "utf-16-le": PRETTY.encode("utf-16-le"),
    "utf-16-be": PRETTY.encode("utf-16-be"),
    "gb18030": PRETTY.encode("gb18030"),
    "gbk": PRETTY.encode("gbk"),
}


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_every_encoding_reads_the_same_record(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.json"
    path.write_bytes(ENCODED[name])
    assert load_case(path) == load_case(CASE)


def test_gbk_bytes_are_not_utf8_and_are_detected() -> None:
    raw = ENCODED["gbk"]
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert detect_encoding(raw) == "gb18030"
    assert detect_encoding(ENCODED["utf-8"]) == "utf-8"  # UTF-8 is never read as GB18030


def test_undecodable_bytes_say_which_encodings_are_supported(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b'{"court": "\x80\x80"}')
    with pytest.raises(CaseFileError, match="UTF-8、UTF-16 或 GB18030"):
        load_case(path)


# ---------------------------------------------------------------- shapes


def _shapes(tmp_path: Path) -> dict[str, Path]:
    one = json.dumps(base(), ensure_ascii=False)
    wrapped = json.dumps({"case": base(), "judge": "王立新"}, ensure_ascii=False)
    files = {
        "one-line.json": one,
        "pretty.json": PRETTY,
        "array.json": f"[{one}, {wrapped}]",
        "cases.jsonl": f"{one}\n\n{one}\n",
        "wrapped.jsonl": f"{wrapped}\n{wrapped}\n",
    }
    out = {}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        out[name] = tmp_path / name
    return out


def test_every_shape_yields_its_cases(tmp_path: Path) -> None:
    shapes = _shapes(tmp_path)
    counts = {name: len(list(read_items([p]))) for name, p in shapes.items()}
    assert counts == {"one-line.json": 1, "pretty.json": 1, "array.json": 2, "cases.jsonl": 2, "wrapped.jsonl": 2}
    items = list(read_items([tmp_path]))  # the folder: every file, sorted by name
    assert len(items) == 8 and all(i.ok for i in items)
    assert [i.source.rsplit("/", 1)[-1] for i in items][:2] == ["array.json：第1项", "array.json：第2项"]
    assert items[1].extra == {"judge": "王立新"}
    jsonl = [i for i in items if "cases.jsonl" in i.source]
    assert [i.line for i in jsonl] == [1, 3]  # physical lines; the blank line is skipped


def test_a_bad_line_does_not_hide_the_others(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    bad = base() | {"court": 1}
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (base(), bad)) + "\n{oops\n",
                    encoding="utf-8")
    items = list(read_items([path]))
    assert [i.ok for i in items] == [True, False, False]
    assert items[1].source.endswith("第2行") and items[1].problems[0].field == "court"
    assert items[2].source.endswith("第3行") and "不是有效的 JSON" in items[2].problems[0].message


# ---------------------------------------------------------------- problems


def test_every_validation_error_is_listed_with_its_chinese_name() -> None:
    data = base()
    data["court"] = "x"
    data["filing_date"] = "2024-13-01"
    data["claim"] = {**data["claim"], "amount_due": "很多"}
    data["measures"]["network_inquiries"][0]["feedbak_on"] = "2024-01-01"
    with pytest.raises(CaseFileError) as exc:
        load_case(data)
    by_field = {p.field: p for p in exc.value.problems}
    assert set(by_field) == {"court", "filing_date", "claim.amount_due", "measures.network_inquiries.0.feedbak_on"}
    assert by_field["court"].message == "至少需要 2 个字"  # not 不得为空
    assert by_field["court"].label == "执行法院"
    assert by_field["claim.amount_due"].label == "执行债权·执行标的金额"
    assert by_field["measures.network_inquiries.0.feedbak_on"].label == "网络执行查控第1项"
    assert "另有 3 处问题" in str(exc.value)


def test_cross_field_problems_are_all_listed() -> None:
    data = base()
    data["termination"] = {**data["termination"], "proposed_date": "2020-01-01"}
    data["measures"]["network_inquiries"][0]["feedback_on"] = "2000-01-01"
    with pytest.raises(CaseFileError) as exc:
        load_case(data)
    fields = [p.field for p in exc.value.problems]
    assert "termination.proposed_date" in fields and "measures.network_inquiries.0.feedback_on" in fields


def test_field_labels_follow_the_glossary() -> None:
    assert path_label("claim.amount_due") == "执行债权·执行标的金额"
    assert path_label("respondents.0.party.name") == "被执行人第1项·姓名或名称"
    assert path_label("measures.seizures.2.expiry") == "查封扣押冻结第3项·届满日期"
    assert path_label("no_such_field") == ""


@pytest.mark.parametrize("typo", ["“court”", "，", "："])
def test_ime_punctuation_gets_a_hint(typo: str) -> None:
    text = PRETTY
    if typo == "“court”":
        text = text.replace('"court"', typo, 1)
    elif typo == "，":
        text = text.replace('人民法院",', '人民法院"，', 1)
    else:
        text = text.replace('"court":', '"court"：', 1)
    with pytest.raises(CaseFileError) as exc:
        load_case(text)
    message = str(exc.value)
    assert "第2行" in message and "英文半角" in message
    assert typo.strip("court")[:1] in message


def test_plain_syntax_errors_get_no_ime_hint() -> None:
    with pytest.raises(CaseFileError) as exc:
        load_case(PRETTY.replace('"court":', '"court"', 1))
    assert "英文半角" not in str(exc.value) and "第2行" in str(exc.value)


# ---------------------------------------------------------------- consistency


def test_court_codes_by_article_4_and_5() -> None:
    assert parse_court_code("京0105").province == ("北京",) and parse_court_code("京0105").level == "basic"
    assert parse_court_code("粤07").level == "intermediate"
    assert parse_court_code("内").level == "high" and parse_court_code("内").province == ("内蒙古",)
    assert parse_court_code("最高法").level == "supreme"
    assert parse_court_code("Q0105").high is None
    assert province_in_name("新疆维吾尔自治区乌鲁木齐市天山区人民法院") == "新疆"
    assert province_in_name("江陵县人民法院") is None


def _with(**changes: Any) -> dict[str, Any]:
    data = base()
    for key, value in changes.items():
        data[key] = value
    return data


def test_a_court_of_another_province_is_an_error() -> None:
    with pytest.raises(CaseFileError) as exc:
        load_case(_with(court="河南省郑州市金水区人民法院"))
    assert exc.value.field == "court" and "北京" in exc.value.message and "第四条" in exc.value.message


def test_case_number_year_against_filing_year() -> None:
    from datetime import date

    # （2024）… filed in 2023: a number from a year after the case was received and filed — an error
    with pytest.raises(CaseFileError) as exc:
        load_case(_with(filing_date="2023-12-20", application_received_on="2023-12-18"))
    assert exc.value.field == "case_number" and "第二条" in exc.value.message
    # filed in 2025 under a 2024 number: possible (received in December), else a slip — a warning
    found = check_case_number(2024, "京0105", "北京市朝阳区人民法院", date(2025, 3, 1), None)
    assert [(f.field, f.severity) for f in found] == [("case_number", "warning")]
    assert "收到申请日期" in found[0].message
    # received in late December, filed in January, numbered in the year of receipt: consistent
    assert check_case_number(2024, "京0105", "北京市朝阳区人民法院", date(2025, 1, 6), date(2024, 12, 30)) == []
    assert check_case_number(2024, "京0105", "北京市朝阳区人民法院", date(2024, 3, 4), date(2024, 3, 1)) == []


def test_level_mismatch_is_a_warning_shown_by_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps(_with(court="北京市第一中级人民法院"), ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(path)]) == 0  # a warning does not reject the record
    err = capsys.readouterr().err
    assert "提示：" in err and "中级人民法院" in err and "基层人民法院" in err


def test_every_sample_case_is_consistent() -> None:
    samples = [p for d in ("corpus/cases", "corpus/terminated", "tests/render/cases") for p in (ROOT / d).glob("*.json")
               if not p.name.endswith(".expected.json")]
    assert len(samples) > 25
    for item in read_items(samples):
        assert item.ok and not item.warnings, (item.source, item.problems, item.warnings)


# ---------------------------------------------------------------- the same inputs through every command


@pytest.fixture()
def gbk_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    src = sorted(p for p in TERMINATED.glob("*.json") if not p.name.endswith(".expected.json"))[0]
    data = json.loads(src.read_text(encoding="utf-8"))
    (folder / "a-gbk.json").write_bytes(json.dumps(data, ensure_ascii=False, indent=2).encode("gb18030"))
    (folder / "b-utf16.jsonl").write_bytes((json.dumps({"case": data}, ensure_ascii=False) + "\n").encode("utf-16"))
    return folder


def test_check_calendar_and_review_take_the_same_folder(gbk_folder: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(gbk_folder)]) in (0, 1)
    checked = json.loads(capsys.readouterr().out)
    assert len(checked) == 2 and all("decision" in e for e in checked)
    assert main(["calendar", str(gbk_folder), "--as-of", "2026-03-20", "--format", "json"]) == 0
    calendar = json.loads(capsys.readouterr().out)
    assert len({o["case_number"] for o in calendar["obligations"]}) == 1 and calendar["obligations"]
    assert main(["review", str(gbk_folder), "--workers", "1", "--no-progress", "--format", "json"]) in (0, 1)
    review = json.loads(capsys.readouterr().out)
    assert review["reviewed"] == 2 and review["input_errors"] == 0


def test_render_takes_a_gbk_pretty_printed_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes(ENCODED["gbk"])
    assert main(["render", str(path), "-o", str(tmp_path / "out"), "--only", "ruling", "--format", "txt"]) == 0
    assert len(list((tmp_path / "out").iterdir())) == 1
    capsys.readouterr()


def test_review_reports_a_broken_file_in_a_folder(gbk_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (gbk_folder / "c-broken.json").write_text("{", encoding="utf-8")
    assert main(["review", str(gbk_folder), "--workers", "1", "--no-progress", "--format", "json"]) == 2
    captured = capsys.readouterr()
    review = json.loads(captured.out)
    assert review["reviewed"] == 2 and review["input_errors"] == 1 and "c-broken.json" in captured.err


def test_copied_sample_folder_matches_the_corpus(tmp_path: Path) -> None:
    shutil.copy(CASE, tmp_path / CASE.name)
    assert [i.record for i in read_items([tmp_path])] == [load_case(CASE)]


def test_court_codes_agree_with_the_case_number_pattern() -> None:
    from termination import courts, limits

    assert set(courts.PROVINCES) == set(limits.PROVINCES)
