"""Read a ruling file (.txt in UTF-8 / UTF-8 with BOM / GB18030 / UTF-16, or .docx) into text.

A .docx is a zip archive from an unknown sender: before python-docx reads it, its directory is
checked against the limits of :mod:`termination.limits` (entries, uncompressed size, XML size,
only stored or deflated entries, none encrypted), so that a zip bomb is refused unread. Zip
reading then never decompresses beyond the declared sizes (a lying entry fails its CRC check).
Every way a hostile or broken file can fail is a :class:`RulingFileError`, never a crash.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from termination import limits
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
        if path.stat().st_size > limits.RULING_MAX_FILE:
            raise RulingFileError(f"无法读取裁定书文件“{path}”：文件过大（超过 {limits.RULING_MAX_FILE // 2**20} MB）")
        data = path.read_bytes()
    except OSError as exc:
        raise RulingFileError(f"无法读取裁定书文件“{path}”：{exc.strerror or exc}") from exc
    return read_ruling_bytes(data, suffix, str(path))


def read_ruling_bytes(data: bytes, suffix: str, name: str) -> str:
    """The text of a ruling file's bytes (``suffix`` ``.txt`` or ``.docx``); errors name ``name``."""
    text = _read_docx(data, name) if suffix.lower() == ".docx" else _decode(data, Path(name))
    if not text.strip():
        raise RulingFileError(f"无法读取裁定书文件“{name}”：文件中没有文字")
    check_length(text, f"裁定书文件“{name}”")
    return text


def check_length(text: str, what: str = "裁定书文本") -> None:
    """Refuse a text longer than :data:`limits.RULING_MAX_CHARS` (analysis time grows with it)."""
    if len(text) > limits.RULING_MAX_CHARS:
        raise RulingFileError(f"无法分析{what}：超过 {limits.RULING_MAX_CHARS} 字（裁定书通常不超过两万字）")


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


def _check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse, before reading any entry, an archive beyond the limits or one we cannot read safely."""
    def refuse(reason: str) -> RulingFileError:
        return RulingFileError(f"无法读取裁定书文件“{name}”：{reason}")

    entries = archive.infolist()
    if len(entries) > limits.DOCX_MAX_ENTRIES:
        raise refuse(f"压缩包内文件过多（超过 {limits.DOCX_MAX_ENTRIES} 个）")
    total = 0
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise refuse("文件已加密，请另存为未加密的 .docx")
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse("使用了 .docx 不使用的压缩方式")
        if entry.filename.lower().endswith((".xml", ".rels")) and entry.file_size > limits.DOCX_MAX_XML:
            raise refuse(f"XML 内容过大（单个部件超过 {limits.DOCX_MAX_XML // 2**20} MB）")
        total += entry.file_size
        if total > limits.DOCX_MAX_UNCOMPRESSED:
            raise refuse(f"解压后过大（超过 {limits.DOCX_MAX_UNCOMPRESSED // 2**20} MB）")


def _read_docx(data: bytes, name: str) -> str:
    import docx  # python-docx; imported here so that text-only use stays light
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(archive, name)
        document = docx.Document(io.BytesIO(data))
        return "\n".join(_docx_lines(document))
    except RulingFileError:
        raise
    except LxmlError as exc:  # malformed XML, nesting beyond lxml's limit
        raise RulingFileError(f"无法读取裁定书文件“{name}”：文档内容（XML）有误") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, struct.error, OpcError,
            PythonDocxError, KeyError, ValueError, NotImplementedError, RuntimeError, OSError) as exc:
        # not a zip, truncated, a corrupt or lying entry (CRC), no document part, an unknown part
        raise RulingFileError(f"无法读取裁定书文件“{name}”：不是有效的 .docx 文件") from exc


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
