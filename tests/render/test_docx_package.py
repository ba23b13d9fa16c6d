"""The fast .docx writer writes what python-docx's own open-and-save writes, byte for byte.

``to_docx`` reads the base document once, keeps its static parts (styles, settings, theme,
fonts, numbering) as their bytes, compressed once, and writes the zip itself. The tests
compare it with the path it replaces: python-docx opening the base document (every part
parsed) and saving every part through ``zipfile`` with the same fixed time stamp.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.opc.pkgwriter import PackageWriter

from termination.decide import check
from termination.io import load_case
from termination.render import render_documents
from termination.render.writers import docx as writer
from termination.render.writers.docx import ZIP_TIME, _deflated, _Zip
from tests.render.support import CASE01, load


class _ZipfileWriter:
    """python-docx's physical writer on ``zipfile``: the reference layout."""

    def __init__(self, out: io.BytesIO) -> None:
        self.zip = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: object, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_TIME)  # type: ignore[attr-defined]
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, blob)


def _slow_save(doc: object, static: object = None) -> bytes:
    """python-docx's own save (every part serialised and compressed) through ``zipfile``."""
    package = doc.part.package  # type: ignore[attr-defined]
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _ZipfileWriter(out)
    PackageWriter._write_content_types_stream(writer, package.parts)  # noqa: SLF001
    PackageWriter._write_pkg_rels(writer, package.rels)  # noqa: SLF001
    PackageWriter._write_parts(writer, package.parts)  # noqa: SLF001
    writer.zip.close()
    return out.getvalue()


@pytest.mark.parametrize("draft", [False, True], ids=["final", "draft"])
def test_every_document_as_python_docx_opens_and_saves_it(draft: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    case = load_case(load(CASE01))
    decision = check(case)
    fast = render_documents(case, decision, draft=draft)
    # the path it replaces: python-docx opens the base document's bytes (every part parsed)
    # and saves every part, serialised and compressed, through zipfile
    monkeypatch.setattr(writer, "_open", lambda base: docx.Document(io.BytesIO(writer.base_document(draft))))
    monkeypatch.setattr(writer, "_save", _slow_save)
    slow = render_documents(case, decision, draft=draft)
    assert len(fast) == 5
    for name, data in fast.items():
        assert data == slow[name], name
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None, name


def test_the_zip_writer_lays_out_entries_as_zipfile_does() -> None:
    entries = {"[Content_Types].xml": b"<Types/>" * 40, "word/document.xml": "<w:p>终本</w:p>".encode() * 300, "empty.xml": b""}
    ours = _Zip()
    for i, (name, blob) in enumerate(entries.items()):
        if i == 1:
            ours.add(name, *_deflated(blob))  # compressed beforehand, as the static parts are
        else:
            ours.write(type("Uri", (), {"membername": name})(), blob)
    reference = io.BytesIO()
    with zipfile.ZipFile(reference, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, blob in entries.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, blob)
    assert ours.close() == reference.getvalue()
