"""Read a ruling file (.txt in UTF-8 / UTF-8 with BOM / GB18030 / UTF-16, or .docx) into text."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from termination.errors import RulingFileError

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document
    from docx.table import Table

SUFFIXES = (".txt", ".docx")


def read_ruling(path: Path) -> str:
    """The text of a ruling file; raises :class:`RulingFileError` naming the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise RulingFileError(f"无法读取裁定书文件“{path}”：只支持 .txt 和 .docx 文件")
    if not path.is_file():
        raise RulingFileError(f"无法读取裁定书文件“{path}”：文件不存在")
    try:
        text = _read_docx(path) if suffix == ".docx" else _decode(path.read_bytes(), path)
    except RulingFileError:
        raise
    except OSError as exc:
        raise RulingFileError(f"无法读取裁定书文件“{path}”：{exc.strerror or exc}") from exc
    if not text.strip():
        raise RulingFileError(f"无法读取裁定书文件“{path}”：文件中没有文字")
    return text


def _decode(data: bytes, path: Path) -> str:
    """By the order every input follows (:func:`termination.io.detect_encoding`)."""
    from termination.io import ENCODINGS_LABEL, detect_encoding

    encoding = detect_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise RulingFileError(f"无法读取裁定书文件“{path}”：文字编码无法识别，应为 {ENCODINGS_LABEL}")


def _read_docx(path: Path) -> str:
    import docx  # python-docx; imported here so that text-only use stays light
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise RulingFileError(f"无法读取裁定书文件“{path}”：不是有效的 .docx 文件") from exc
    return "\n".join(_docx_lines(document))


def _docx_lines(document: Document) -> Iterator[str]:
    """Paragraphs and tables in body order; a table row becomes one tab-separated line."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block)
        else:
            yield block.text


def _table_lines(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in row.cells
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(p.text for p in cell.paragraphs).strip())
            for inner in cell.tables:
                yield from _table_lines(inner)
        yield "\t".join(c for c in cells if c)
