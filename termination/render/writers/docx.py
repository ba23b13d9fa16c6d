"""Blocks → .docx with named styles (court-document layout).

The styles are built in code, not read from a ``templates/base.docx``: the layout is then
reviewable and diffable as source, and there is no binary file to keep in step with it.
They are built once per process on python-docx's default template, saved to bytes, and
every document starts from those bytes, so a render only adds paragraphs (fast).

Layout (《人民法院民事裁判文书制作规范》 and GB/T 9704 style): A4; margins top 3.7 cm, bottom
3.5 cm, left 2.8 cm, right 2.6 cm; court name and document title 方正小标宋简体 (fallback
宋体) 二号 centred; case number right-aligned; body 仿宋_GB2312 (fallback 仿宋) 三号 with a
fixed 28.95 pt line spacing (22 lines) and characters condensed to 28 on a line (GB/T 9704), and
a two-character first-line indent; headings 黑体 三号; the
page number "— n —" in the footer. Fonts are set on all four ``w:rFonts`` attributes
(ascii, hAnsi, eastAsia, cs): ``font.name`` alone leaves Chinese text in the theme font.
The fallbacks are declared in the font table (``w:altName``), the OOXML way to name a
substitute.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from io import BytesIO
from zipfile import ZIP_DEFLATED

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import Unmarshaller
from docx.opc.packuri import PackURI
from docx.opc.part import Part, PartFactory
from docx.opc.pkgreader import PackageReader
from docx.opc.pkgwriter import PackageWriter
from docx.package import Package
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

from termination.render.blocks import CELL_BREAK, GAP_CLOSE, GAP_OPEN, GAP_RE, Block

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"
#: Font → substitute written to the font table.
FALLBACK = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", HEADING_FONT: "SimHei", PAGE_NUMBER_FONT: "SimSun"}
LINE = Pt(28.95)  # GB/T 9704: 22 lines of 三号 on a page
INDENT = Pt(32)  # two characters of 三号 (16 pt)
TYPE_WIDTH = Cm(21 - 2.8 - 2.6)  # the type area: A4 less the left and right margins
#: GB/T 9704: 28 characters of 三号 on a line of the 156 mm type area, a pitch of 15.79 pt (Word's
#: 公文 document grid); 16 pt characters give 27. Each character is condensed by 0.25 pt (in
#: twentieths of a point), which Word and LibreOffice both honour, unlike a document grid.
CHAR_CONDENSE = -5

#: block kind → paragraph style
STYLE_OF_BLOCK = {
    "title": "文书标题",
    "caseno": "案号",
    "heading": "小标题",
    "para": "正文",
    "left": "正文无缩进",
    "sign": "署名",
    "date": "落款日期",
    "blank": "正文无缩进",
    "note": "表注",
    "cut": "裁剪线",
    "aside": "正文无缩进",
    "center": "居中标题",
}
#: kinds that make up the signature block (kept on one page with the paragraph before it)
SIGNATURE_KINDS = frozenset({"sign", "date", "blank", "aside"})
#: a table of at most this many rows is kept on one page (审批路径、审批意见)
SMALL_TABLE_ROWS = 6
GAP_STYLE = "待补充"
CELL_STYLE = "表格文字"
#: a paragraph that holds nothing but draft markers
GAP_ONLY_RE = re.compile(f"(?:{GAP_RE.pattern})+")
#: characters python-docx writes into a run as elements of their own (w:tab, w:br)
_RUN_BREAKS = re.compile(r"[\t\r\n]")
#: page fields in a footer block: {PAGE} and {NUMPAGES}
_FIELD_RE = re.compile(r"(\{PAGE\}|\{NUMPAGES\})")


def _fonts(style: BaseStyle, name: str) -> None:
    """Set the font on every script of the style, including w:eastAsia."""
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]  # drop theme fonts, which override explicit names
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


#: the children of w:rPr that follow w:spacing (ECMA-376 order; Word rejects another order)
_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                  "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                  "w:specVanish", "w:oMath")


def _grid_pitch(style: BaseStyle) -> None:
    """Condense every character by CHAR_CONDENSE so that a line of 三号 holds 28 characters."""
    rpr = style.element.get_or_add_rPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(CHAR_CONDENSE))
    rpr.insert_element_before(spacing, *_AFTER_SPACING)


def _paragraph_style(doc: Document, name: str, *, font: str = BODY_FONT, size: float = 16,
                     align: WD_ALIGN_PARAGRAPH | None = None, first_indent: Pt | None = None,
                     right_indent: Pt | None = None, line: Pt = LINE, bold: bool = False,
                     keep_with_next: bool = False) -> None:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    _fonts(style, font)
    style.font.size = Pt(size)
    style.font.bold = bold
    pf = style.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = line
    pf.widow_control = False
    pf.keep_with_next = keep_with_next
    if align is not None:
        pf.alignment = align
    if first_indent is not None:
        pf.first_line_indent = first_indent
    if right_indent is not None:
        pf.right_indent = right_indent


def _font_table(doc: Document) -> None:
    """Declare the Chinese fonts and their substitutes (w:altName) in word/fontTable.xml."""
    part = doc.part.part_related_by(RT.FONT_TABLE)
    fonts = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{"roman" if "宋" in name or "仿" in name else "modern"}"/><w:pitch w:val="variable"/></w:font>'
        for name, alt in FALLBACK.items()
    )
    blob = part.blob.decode("utf-8")
    part._blob = blob.replace("</w:fonts>", fonts + "</w:fonts>").encode("utf-8")  # noqa: SLF001


def _field(paragraph: Paragraph, name: str) -> None:
    """A Word field (PAGE, NUMPAGES) as runs, so Word and LibreOffice compute it on every page."""
    for kind, text in (("begin", None), (None, f" {name} "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)  # noqa: SLF001
        elif text and text.strip() == name:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)  # noqa: SLF001
        else:
            run.text = text or ""


def _page_number(paragraph: Paragraph) -> None:
    """"— PAGE —" in the footer."""
    paragraph.add_run("— ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" —")


def _footer_text(paragraph: Paragraph, text: str) -> None:
    """A footer line with {PAGE} and {NUMPAGES} as fields (第{PAGE}页共{NUMPAGES}页)."""
    for piece in _FIELD_RE.split(text):
        if piece in ("{PAGE}", "{NUMPAGES}"):
            _field(paragraph, piece[1:-1])
        elif piece:
            paragraph.add_run(piece)


@lru_cache(maxsize=2)
def base_document(draft: bool) -> bytes:
    """The empty document with page setup, styles, footer (and the 草稿 header): built once."""
    doc = Document()
    normal = doc.styles["Normal"]
    _fonts(normal, BODY_FONT)
    normal.font.size = Pt(16)
    _grid_pitch(normal)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = LINE
    # Punctuation stays inside the type area (中文排版不悬挂标点). LibreOffice reads w:overflowPunct
    # inverted (val="1" → no hanging) and, when it hangs punctuation in justified text, drops the
    # mark from the page altogether ("执行情况：" printed as "执行情况"); Word's default is val="1",
    # so this changes nothing in Word and fixes LibreOffice/PDF conversion.
    overflow = OxmlElement("w:overflowPunct")
    overflow.set(qn("w:val"), "1")
    normal.element.get_or_add_pPr().append(overflow)
    # docDefaults: mark East-Asian text as zh-CN so layout engines pick CJK rules and fonts
    lang = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")

    _paragraph_style(doc, "文书标题", font=TITLE_FONT, size=22, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(40))
    _paragraph_style(doc, "案号", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(doc, "小标题", font=HEADING_FONT, first_indent=INDENT, keep_with_next=True)  # never last on a page
    _paragraph_style(doc, "正文", align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_indent=INDENT)
    _paragraph_style(doc, "正文无缩进", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _paragraph_style(doc, "署名", align=WD_ALIGN_PARAGRAPH.RIGHT, right_indent=INDENT * 2)
    _paragraph_style(doc, "落款日期", align=WD_ALIGN_PARAGRAPH.RIGHT, right_indent=INDENT * 2)
    _paragraph_style(doc, CELL_STYLE, size=12, line=Pt(18))
    _paragraph_style(doc, "表注", size=12, line=Pt(22))
    _paragraph_style(doc, "裁剪线", size=12, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(22))
    _paragraph_style(doc, "居中标题", font=HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(24), keep_with_next=True)
    _paragraph_style(doc, "页码", font=PAGE_NUMBER_FONT, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(20))
    _paragraph_style(doc, "草稿标记", font=HEADING_FONT, size=14, align=WD_ALIGN_PARAGRAPH.RIGHT, line=Pt(20))
    gap = doc.styles.add_style(GAP_STYLE, WD_STYLE_TYPE.CHARACTER)
    gap.font.bold = True
    gap.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    shading = OxmlElement("w:shd")  # highlight is ignored in styles by Word: use shading
    for attr, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "FFF2A8")):
        shading.set(qn(attr), value)
    gap.element.get_or_add_rPr().append(shading)
    _font_table(doc)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.header_distance, section.footer_distance = Cm(1.5), Cm(2.5)
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["页码"]
    _page_number(footer)
    if draft:
        header = section.header.paragraphs[0]
        header.style = doc.styles["草稿标记"]
        mark = header.add_run("草稿　未经审批，不得作为正式文书使用")
        mark.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    body = doc.element.body
    for p in body.findall(qn("w:p")):  # start from an empty body
        body.remove(p)
    return _save(doc)


#: The time stamp of every entry of the package. python-docx stamps each entry with the clock
#: (``ZipFile.writestr`` with a name), so the same record rendered twice gave different bytes
#: whenever the two renders fell in different 2-second slots of the zip format. A document is
#: the same document whenever it is rendered: its date is in its core properties.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_DOS_TIME, _DOS_DATE = 0, (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]


class _Zip:
    """The package's zip: deflated entries stamped :data:`ZIP_TIME`, laid out byte for byte as
    ``zipfile`` writes them (a test compares), and entries compressed once reused as they are."""

    def __init__(self) -> None:
        self._out = BytesIO()
        self._central: list[bytes] = []

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        """Compress and add one part (python-docx's physical writer interface)."""
        self.add(pack_uri.membername, *_deflated(blob))

    def add(self, name: str, size: int, crc: int, data: bytes) -> None:
        """Add one entry already compressed (raw deflate) with the size and CRC of its content."""
        encoded = name.encode("ascii")  # part names are ASCII (OPC)
        offset = self._out.tell()
        fields = (0, ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, crc, len(data), size, len(encoded), 0)  # flags … extra length
        # local header: version needed 2.0
        self._out.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, *fields) + encoded)
        self._out.write(data)
        # central directory: made by version 2.0 on Unix; no comment; file mode rw------- (as zipfile)
        self._central.append(
            struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, *fields, 0, 0, 0, 0o600 << 16, offset) + encoded
        )

    def close(self) -> bytes:
        start = self._out.tell()
        for entry in self._central:
            self._out.write(entry)
        size = self._out.tell() - start
        n = len(self._central)
        self._out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, n, n, size, start, 0))
        return self._out.getvalue()


def _deflated(blob: bytes) -> tuple[int, int, bytes]:
    """``(size, crc, raw deflate)`` of a part, compressed as ``zipfile`` compresses it."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return len(blob), zlib.crc32(blob), compressor.compress(blob) + compressor.flush()


def _save(doc: DocxDocument, static: dict[str, tuple[bytes, tuple[int, int, bytes]]] | None = None) -> bytes:
    """The .docx bytes of ``doc``: what ``Document.save`` writes, deterministic (:data:`ZIP_TIME`).

    ``static``: part name → (its bytes, compressed) for parts kept as the base document's
    bytes (:func:`_open`); a part whose bytes are those very bytes is not compressed again.
    """
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    writer = _Zip()
    PackageWriter._write_content_types_stream(writer, package.parts)  # noqa: SLF001 - python-docx 1.x
    PackageWriter._write_pkg_rels(writer, package.rels)  # noqa: SLF001
    for part in package.parts:  # PackageWriter._write_parts, with the static parts as compressed once
        known = static.get(part.partname) if static else None
        if known is not None and part.blob is known[0]:
            writer.add(part.partname.membername, *known[1])
        else:
            writer.write(part.partname, part.blob)
        if part._rels:  # noqa: SLF001
            writer.write(part.partname.rels_uri, part.rels.xml)
    return writer.close()


#: Parts a render reads or changes, parsed from the base document's bytes at every render; the
#: others (styles, settings, theme, fonts, numbering) stay the base document's bytes, shared.
_PARSED = frozenset({CT.WML_DOCUMENT_MAIN, CT.OPC_CORE_PROPERTIES, CT.WML_FOOTER, CT.WML_HEADER})


@dataclass(frozen=True)
class _Base:
    """A base document read once: its parts, the compressed static ones and the style ids."""

    reader: PackageReader
    static: dict[str, tuple[bytes, tuple[int, int, bytes]]]
    style_ids: dict[str, str]


@lru_cache(maxsize=2)
def _base(draft: bool) -> _Base:
    data = base_document(draft)
    reader = PackageReader.from_file(BytesIO(data))
    static = {
        partname: (blob, _deflated(blob))
        for partname, content_type, _, blob in reader.iter_sparts() if content_type not in _PARSED
    }
    styles = Document(BytesIO(data)).styles
    names = set(STYLE_OF_BLOCK.values()) | {CELL_STYLE, GAP_STYLE, "Table Grid"}
    return _Base(reader, static, {name: styles[name].style_id for name in names})


def _part(partname: PackURI, content_type: str, reltype: str, blob: bytes, package: Package) -> Part:
    """A part of the base document: parsed if a render reads or changes it, else its bytes."""
    if content_type in _PARSED:
        return PartFactory(partname, content_type, reltype, blob, package)
    return Part.load(partname, content_type, blob, package)


def _open(base: _Base) -> DocxDocument:
    """A new document from the base document read once (what ``Document(BytesIO(…))`` gives,
    without unzipping it and parsing its styles, settings and theme again)."""
    package = Package()
    Unmarshaller.unmarshal(base.reader, package, _part)
    return package.main_document_part.document  # type: ignore[no-any-return]


def _add_text(paragraph: Paragraph, text: str, gap_style_id: str, *, bold: bool = False) -> None:
    """Add ``text`` as runs; draft markers (between the gap delimiters) get the 待补充 character style."""
    for piece in GAP_RE.split(text):
        if not piece:
            continue
        gap = piece.startswith(GAP_OPEN)
        if not gap and not bold and not _RUN_BREAKS.search(piece):
            # plain text: the w:r and w:t python-docx's add_run writes, without its element classes'
            # search for each child's place (a run's text without tabs or line breaks is one w:t)
            r, t = OxmlElement("w:r"), OxmlElement("w:t")
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(qn("xml:space"), "preserve")
            r.append(t)
            paragraph._p.append(r)  # noqa: SLF001
            continue
        run = paragraph.add_run(piece.strip(GAP_OPEN + GAP_CLOSE) if gap else piece)
        if gap:
            run._r.style = gap_style_id  # noqa: SLF001 - by id: python-docx's lookup by name is slow
        if bold:
            run.bold = True


def _styled(paragraph: Paragraph, style_id: str) -> Paragraph:
    """Set a paragraph style by id (python-docx's setter scans every style on each call).

    A new paragraph has no properties yet: its ``w:pPr`` holding the ``w:pStyle`` is written
    directly as its first child, which is what python-docx's element classes do, at a fifth
    of their cost (they look up the place of each child among all the kinds it may have).
    """
    p = paragraph._p  # noqa: SLF001
    if p.pPr is None and len(p) == 0:
        ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), style_id)
        ppr.append(style)
        p.append(ppr)
    else:
        p.style = style_id
    return paragraph


def _keep_together(blocks: list[Block]) -> set[int]:
    """Indexes of blocks to keep with the next one: the signature block and the paragraph before it.

    The signature lines, the date and the clerk must not be split over two pages, nor stand
    alone on a page: the last paragraph of the text goes with them. A later section (a draft's
    list of missing steps, an appendix) is not part of the block.
    """
    keep: set[int] = set()
    i = 0
    while i < len(blocks):
        if blocks[i].kind != "sign":
            i += 1
            continue
        start = i
        while start > 0 and blocks[start - 1].kind in ("blank", "para", "left"):
            start -= 1
            if blocks[start].kind != "blank" and not GAP_ONLY_RE.fullmatch(blocks[start].text):
                break  # the last paragraph of the text (a draft's gap markers do not count)
        end = i
        while end + 1 < len(blocks) and blocks[end + 1].kind in SIGNATURE_KINDS:
            end += 1
        while end > i and blocks[end].kind == "blank":  # trailing blank lines are not part of it
            end -= 1
        keep.update(range(start, end))
        i = end + 1
    return keep


def _row_flags(row: object, *, header: bool) -> None:
    """A row never breaks across pages; a header row repeats at the top of every page."""
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]  # noqa: SLF001
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _columns(spec: str) -> tuple[list[float], list[bool]]:
    """``"1.3c 4.3"`` → widths in cm and whether each column is centred."""
    widths, centred = [], []
    for item in spec.split():
        centred.append(item.endswith("c"))
        widths.append(float(item.rstrip("c")))
    return widths, centred


@dataclass(frozen=True)
class Meta:
    """Core properties: the court is the author, the ruling date the creation date (deterministic)."""

    title: str
    author: str
    created: datetime


def _core(doc: Document, meta: Meta) -> None:
    cp = doc.core_properties
    cp.title = meta.title
    cp.author = meta.author
    cp.last_modified_by = meta.author
    when = meta.created.astimezone(timezone.utc)  # python-docx writes the time as given, marked Z (UTC)
    cp.created = when
    cp.modified = when
    cp.comments = ""
    cp.revision = 1


def _footer(doc: Document, text: str) -> None:
    """Replace the page-number footer with ``text`` (fields {PAGE}, {NUMPAGES})."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)  # noqa: SLF001
    _footer_text(paragraph, text)


def to_docx(blocks: list[Block], *, draft: bool, meta: Meta) -> bytes:
    """Render blocks into a .docx (bytes)."""
    base = _base(draft)
    doc = _open(base)
    _core(doc, meta)
    ids = base.style_ids
    gap_id = ids[GAP_STYLE]
    keep = _keep_together(blocks)
    table = None
    widths: list[float] = []
    centred: list[bool] = []
    rows: list[list[Paragraph]] = []
    slip = False  # the table is a slip to cut off (回执): whole on one page, whatever its length

    def close_table() -> None:
        # a short table (审批路径、审批意见) or a slip stays on one page: every row keeps with the next
        if 1 < len(rows) and (slip or len(rows) <= SMALL_TABLE_ROWS):
            for paragraphs in rows[:-1]:
                for p in paragraphs:
                    p.paragraph_format.keep_with_next = True
        rows.clear()

    for index, block in enumerate(blocks):
        if block.kind == "cols":
            close_table()
            slip = index > 0 and blocks[index - 1].kind in ("cut", "center")
            widths, centred = _columns(block.text)
            table = doc._body.add_table(0, len(widths), doc._block_width)  # noqa: SLF001 - the styles stay unparsed
            table._tbl.tblStyle_val = ids["Table Grid"]  # noqa: SLF001 - what ``table.style = "Table Grid"`` sets
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            for column, width in zip(table.columns, widths, strict=True):
                column.width = Cm(width)  # w:gridCol: LibreOffice lays out by the grid
            continue
        if block.kind in ("row", "head"):
            if table is None:
                raise ValueError("表格行之前缺少 @cols")
            row = table.add_row()
            _row_flags(row, header=block.kind == "head")
            written: list[Paragraph] = []
            for cell, width, centre, text in zip(row.cells, widths, centred, block.cells, strict=True):
                cell.width = Cm(width)
                for i, line in enumerate(text.split(CELL_BREAK)):
                    p = _styled(cell.paragraphs[0] if i == 0 else cell.add_paragraph(), ids[CELL_STYLE])
                    if centre:
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    _add_text(p, line, gap_id, bold=block.kind == "head")
                    written.append(p)
            rows.append(written)
            continue
        if table is not None:
            if block.kind == "note" and rows:  # the note under a table stays with its last row
                for p in rows[-1]:
                    p.paragraph_format.keep_with_next = True
            close_table()
            table = None
        if block.kind == "break":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        if block.kind == "footer":
            _footer(doc, block.text)
            continue
        p = _styled(doc.add_paragraph(), ids[STYLE_OF_BLOCK[block.kind]])
        if block.kind in ("cut", "center") and index + 1 < len(blocks) and blocks[index + 1].kind in ("center", "cols"):
            p.paragraph_format.keep_with_next = True  # the cut line and the 回执's title go with the 回执
        if index in keep:
            p.paragraph_format.keep_with_next = True  # 署名、日期、书记员与正文末段不分页
        if block.kind == "aside":  # a note at the left margin, the signature right-aligned like the others
            p.paragraph_format.tab_stops.add_tab_stop(TYPE_WIDTH - INDENT * 2, WD_TAB_ALIGNMENT.RIGHT)
            _add_text(p, "\t".join(block.cells), gap_id)
        elif block.text:
            _add_text(p, block.text, gap_id)
    close_table()
    return _save(doc, base.static)
