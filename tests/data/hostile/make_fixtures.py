"""Write the binary fixtures of tests/data/hostile/ (run once; the outputs are committed).

    python tests/data/hostile/make_fixtures.py

Every file is small. The two decompression bombs are PNGs whose header claims far more pixels than
Pillow allows (30000×30000 past its error limit, 10000×10000 past its warning limit) with only a
token of pixel data: what a hostile file looks like to a reader, which must refuse it from the header
alone. The outlines (*.yaml) beside them are written by hand.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
SAHEL = HERE.parents[2] / "assets" / "images" / "sahel.png"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data, CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width: int, height: int) -> bytes:
    """An 8-bit RGB PNG header claiming width×height pixels, then a few rows of zeros and IEND."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\0" * (1 + 3 * width) * 4, 9)
    return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def corrupt_png() -> bytes:
    """A 64×64 PNG whose chunks are all well formed (right CRCs) but whose pixel data is not zlib."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (11, 110, 117)).save(buffer, "PNG")
    good = buffer.getvalue()
    ihdr_end = len(PNG_SIGNATURE) + 8 + 13 + 4
    garbage = bytes((index * 37 + 11) % 256 for index in range(200))
    return good[:ihdr_end] + chunk(b"IDAT", garbage) + chunk(b"IEND", b"")


def truncated(data: bytes) -> bytes:
    """The first half of a file, as an interrupted download or copy leaves it."""
    return data[: len(data) // 2]


def small_sahel(image_format: str) -> bytes:
    """The bundled map at a quarter of its size, as PNG or JPEG."""
    buffer = io.BytesIO()
    with Image.open(SAHEL) as image:
        image.convert("RGB").resize((400, 250)).save(buffer, image_format)
    return buffer.getvalue()


SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100" viewBox="0 0 160 100">\n'
    '  <rect width="160" height="100" fill="#0B6E75"/>\n'
    "</svg>\n"
)

SVG_EXTERNAL = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"\n'
    '     width="160" height="100" viewBox="0 0 160 100">\n'
    '  <image width="160" height="100" xlink:href="http://127.0.0.1:9/tracker.png"/>\n'
    "</svg>\n"
)
"""An SVG that would fetch a picture from the network (port 9 is 'discard': nothing should listen)."""

SVG_ENTITY_BOMB = (
    '<?xml version="1.0"?>\n'
    "<!DOCTYPE svg [\n"
    '  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">\n'
    + "".join(f'  <!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">\n' for i in range(9))
    + "]>\n"
    '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="100"><text y="50">&j;</text></svg>\n'
)
"""Billion laughs: ten levels of entities each ten of the one before, 67 × 10⁹ characters expanded."""


def main() -> None:
    files = {
        "bomb.png": bomb_png(30000, 30000),
        "bomb_warning.png": bomb_png(10000, 10000),
        "corrupt.png": corrupt_png(),
        "truncated.png": truncated(small_sahel("PNG")),
        "truncated.jpg": truncated(small_sahel("JPEG")),
        "not_an_image.png": b"These are meeting notes, not a picture.\n",
        "map.svg": SVG.encode("utf-8"),
        "drawing.png": SVG.encode("utf-8"),
        "external.svg": SVG_EXTERNAL.encode("utf-8"),
        "entity_bomb.svg": SVG_ENTITY_BOMB.encode("utf-8"),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"wrote {name} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
