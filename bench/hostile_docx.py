"""Hostile .docx files, made in memory: zip bombs, malformed archives and XML, encrypted entries.

Used by the tests (tests/analysis/test_hostile_docx.py) and by the attack campaign
(bench/campaign.py). Each generator returns the bytes of one file; ``HOSTILE`` names them all.
None of them needs more than a few MB of memory to build.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document_xml(body: bytes) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + W + b"><w:body>" + body + \
        b"</w:body></w:document>"


def paragraph(text: str) -> bytes:
    return b"<w:p><w:r><w:t>" + text.encode("utf-8") + b"</w:t></w:r></w:p>"


def package(document: bytes, *, extra: dict[str, bytes] | None = None,
            compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal .docx holding ``document`` as word/document.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def valid(text: str = "执行裁定书\n本院认为，终结本次执行程序。") -> bytes:
    return package(document_xml(b"".join(paragraph(line) for line in text.splitlines())))


def zip_bomb(mb: int = 200) -> bytes:
    """word/document.xml of ``mb`` MB (spaces inside a paragraph) deflated to a few hundred KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            entry.write(b'<?xml version="1.0"?><w:document ' + W + b"><w:body><w:p><w:r><w:t>")
            chunk = b" " * 2**20
            for _ in range(mb):
                entry.write(chunk)
            entry.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def many_small_bombs(n: int = 40, mb: int = 2) -> bytes:
    """Many parts, each below the XML limit, together above the uncompressed limit."""
    blob = b" " * (mb * 2**20)
    return package(document_xml(paragraph("执行裁定书")), extra={f"word/media/x{i}.xml": blob for i in range(n)})


def entry_flood(n: int = 5000) -> bytes:
    return package(document_xml(paragraph("执行裁定书")), extra={f"customXml/item{i}.xml": b"<a/>" for i in range(n)})


def lying_size(mb: int = 64) -> bytes:
    """word/document.xml whose headers claim 4 KB but whose data inflate to ``mb`` MB."""
    data = package(document_xml(paragraph("执行裁定书") + b"<w:p><w:r><w:t>" + b" " * (mb * 2**20) + b"</w:t></w:r></w:p>"))
    return _patch_sizes(data, "word/document.xml", 4096)


def _patch_sizes(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size of ``name`` in its local and central headers."""
    out = bytearray(data)
    encoded = name.encode()
    pos = 0
    while (pos := out.find(encoded, pos)) != -1:
        local = pos - 30
        central = pos - 46
        if local >= 0 and out[local:local + 4] == b"PK\x03\x04":
            struct.pack_into("<I", out, local + 22, size)
        elif central >= 0 and out[central:central + 4] == b"PK\x01\x02":
            struct.pack_into("<I", out, central + 24, size)
        pos += len(encoded)
    return bytes(out)


def corrupt_deflate() -> bytes:
    """Deflated data with garbage in the middle of word/document.xml: zlib.error or a bad CRC."""
    text = "执行裁定书。" * 2000
    data = bytearray(package(document_xml(paragraph(text))))
    start = data.find(b"word/document.xml") + len("word/document.xml") + 40
    for i in range(start, start + 64):
        data[i] ^= 0xA5
    return bytes(data)


def encrypted_entry() -> bytes:
    """The 'encrypted' flag set on word/document.xml (what a password-protected zip carries)."""
    data = bytearray(valid())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = 0
        while (pos := data.find(signature, pos)) != -1:
            struct.pack_into("<H", data, pos + flag_at, struct.unpack_from("<H", data, pos + flag_at)[0] | 0x1)
            pos += 4
    return bytes(data)


def unknown_compression(method: int = 99) -> bytes:
    """word/document.xml stored with compression method ``method`` (99 = AES, 12 = bzip2, 14 = LZMA)."""
    data = bytearray(package(document_xml(paragraph("执行裁定书")), compression=zipfile.ZIP_STORED))
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        pos = 0
        while (pos := data.find(signature, pos)) != -1:
            struct.pack_into("<H", data, pos + method_at, method)
            pos += 4
    return bytes(data)


def bzip2_entries() -> bytes:
    return package(document_xml(paragraph("执行裁定书")), compression=zipfile.ZIP_BZIP2)


def malformed_xml() -> bytes:
    return package(b'<?xml version="1.0"?><w:document ' + W + b"><w:body><w:p>")


def deep_xml(depth: int = 100_000) -> bytes:
    return package(document_xml(b"<w:p>" * depth + b"</w:p>" * depth))


def billion_laughs() -> bytes:
    entities = b'<!ENTITY a0 "haha">' + b"".join(
        b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10))
    return package(b'<?xml version="1.0"?><!DOCTYPE w:document [' + entities + b"]><w:document " + W +
                   b"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>")


def external_entity() -> bytes:
    return package(b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   b"<w:document " + W + b"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")


def no_document_part() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
    return buffer.getvalue()


def not_a_zip() -> bytes:
    return b"PK\x03\x04" + b"\x00" * 200


def truncated() -> bytes:
    data = valid("执行裁定书。" * 500)
    return data[: len(data) // 2]


def too_much_text() -> bytes:
    return package(document_xml(paragraph("执" * 250_000)))


def garbage_crc() -> bytes:
    """A correct deflate stream whose CRC in the headers is wrong."""
    out = bytearray(valid())
    encoded = b"word/document.xml"
    pos = 0
    while (pos := out.find(encoded, pos)) != -1:
        if pos >= 30 and out[pos - 30:pos - 26] == b"PK\x03\x04":
            struct.pack_into("<I", out, pos - 30 + 14, zlib.crc32(b"wrong"))
        elif pos >= 46 and out[pos - 46:pos - 42] == b"PK\x01\x02":
            struct.pack_into("<I", out, pos - 46 + 16, zlib.crc32(b"wrong"))
        pos += len(encoded)
    return bytes(out)


#: name → generator of one hostile file
HOSTILE: dict[str, Callable[[], bytes]] = {
    "zip_bomb": zip_bomb,
    "many_small_bombs": many_small_bombs,
    "entry_flood": entry_flood,
    "lying_size": lying_size,
    "corrupt_deflate": corrupt_deflate,
    "encrypted_entry": encrypted_entry,
    "unknown_compression": unknown_compression,
    "bzip2_entries": bzip2_entries,
    "malformed_xml": malformed_xml,
    "deep_xml": deep_xml,
    "billion_laughs": billion_laughs,
    "external_entity": external_entity,
    "no_document_part": no_document_part,
    "not_a_zip": not_a_zip,
    "truncated": truncated,
    "too_much_text": too_much_text,
    "garbage_crc": garbage_crc,
}
