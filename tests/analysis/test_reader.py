"""Reading ruling files: encodings, .docx paragraphs and tables, unreadable input."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from termination.analysis import analyze_file, read_ruling
from termination.errors import RulingFileError

TEXT = "北京市朝阳区人民法院\r\n执行裁定书\r\n（2023）京0105执100号\r\n裁定如下：\r\n终结本次执行程序。\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_txt_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_ruling(path).lstrip("\ufeff") == TEXT
    result = analyze_file(path)
    assert result.court == "北京市朝阳区人民法院"
    assert result.case_number == "（2023）京0105执100号"
    assert result.is_zhongben


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("北京市朝阳区人民法院")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "2023年2月10日"
    table.rows[0].cells[1].text = "发出执行通知书"
    a, b = table.rows[1].cells
    a.merge(b).text = "合并单元格"
    document.add_paragraph("裁定如下：终结本次执行程序。")
    path = tmp_path / "r.docx"
    document.save(str(path))
    assert read_ruling(path).split("\n") == [
        "北京市朝阳区人民法院",
        "2023年2月10日\t发出执行通知书",
        "合并单元格",
        "裁定如下：终结本次执行程序。",
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "文件不存在"),
        ("broken.docx", b"not a zip", "不是有效的 .docx 文件"),
        ("empty.txt", b"  \n", "没有文字"),
        ("ruling.pdf", b"%PDF", "只支持 .txt 和 .docx"),
    ],
)
def test_unreadable_files_raise_chinese_error_naming_path(
    tmp_path: Path, name: str, content: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RulingFileError) as info:
        analyze_file(path)
    assert str(path) in str(info.value) and reason in str(info.value)
    assert info.value.exit_code == 2


def test_directory_is_not_a_ruling_file(tmp_path: Path) -> None:
    folder = tmp_path / "x.txt"
    folder.mkdir()
    with pytest.raises(RulingFileError):
        read_ruling(folder)
