"""Tile page images (binary PPM, as ``pdftoppm`` writes them) into one PNG, standard library only.

    python scripts/montage.py OUT.png COLUMNS PAGE.ppm [PAGE.ppm ...]

Pages are laid out left to right, top to bottom, on a grey ground with a gap between them;
pages of different sizes are top-left aligned in cells of the largest size. Used by
``scripts/docs-images.sh`` for ``docs/documents.png``.
"""

from __future__ import annotations

import os
import struct
import sys
import tempfile
import zlib
from pathlib import Path

GAP = 16
GROUND = b"\xc8\xc8\xc8"  # light grey between the pages


def read_ppm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of a binary (P6, 8-bit) PPM file."""
    data = path.read_bytes()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:  # magic, width, height, maxval — separated by whitespace, '#' comments
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}：不是 8 位二进制 PPM（P6）文件")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:pos + 1 + width * height * 3]
    if len(pixels) != width * height * 3:
        raise ValueError(f"{path}：文件不完整")
    return width, height, pixels


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An RGB PNG from raw rows (filter type 0 on every row)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def montage(pages: list[Path], columns: int) -> bytes:
    """The pages tiled ``columns`` wide, as PNG bytes."""
    images = [read_ppm(p) for p in pages]
    cell_w = max(w for w, _, _ in images)
    cell_h = max(h for _, h, _ in images)
    grid_rows = -(-len(images) // columns)
    width = columns * cell_w + (columns + 1) * GAP
    height = grid_rows * cell_h + (grid_rows + 1) * GAP
    canvas = [bytearray(GROUND * width) for _ in range(height)]
    for i, (w, h, pixels) in enumerate(images):
        x = GAP + (i % columns) * (cell_w + GAP)
        y = GAP + (i // columns) * (cell_h + GAP)
        for row in range(h):
            canvas[y + row][x * 3:(x + w) * 3] = pixels[row * w * 3:(row + 1) * w * 3]
    return png(width, height, [bytes(r) for r in canvas])


def main(argv: list[str]) -> int:
    if len(argv) < 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.stderr.write("用法：python scripts/montage.py OUT.png COLUMNS PAGE.ppm [PAGE.ppm ...]\n")
        return 2
    out = Path(argv[0])
    data = montage([Path(p) for p in argv[2:]], int(argv[1]))
    fd, tmp = tempfile.mkstemp(dir=out.parent or ".", suffix=".png")  # atomic: temp file + replace
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o644)  # mkstemp creates 0600; the picture is for everyone to read
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
