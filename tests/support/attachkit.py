"""Small documents to attach in tests: a real PDF with a text layer (reportlab), a real PNG
(zlib), and the motivating case's MRI report as both."""

from __future__ import annotations

import io
import json
import struct
import zlib

from paths import SEED


def seed_report(index: int = 0) -> str:
    """``imaging[index].report_text`` of the motivating case."""
    return json.loads(SEED.read_text(encoding="utf-8"))["imaging"][index]["report_text"]


def pdf_bytes(text: str, *, title: str = "MRI LUMBAR SPINE WITHOUT AND WITH CONTRAST") -> bytes:
    """A one-page PDF whose text layer holds ``text`` (wrapped at 90 characters); reportlab's
    ``invariant=1`` makes the bytes the same on every run."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    y = 720
    page.setFont("Helvetica-Bold", 12)
    page.drawString(72, y, title)
    page.setFont("Helvetica", 10)
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if len(line) + len(word) + 1 > 90:
                y -= 14
                page.drawString(72, y, line)
                line = word
            else:
                line = f"{line} {word}".strip()
        y -= 14
        page.drawString(72, y, line)
        y -= 6
    page.showPage()
    page.save()
    return buffer.getvalue()


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    """A grey gradient PNG (8-bit greyscale), valid for any decoder."""
    rows = b"".join(b"\x00" + bytes((x * 4 + y) % 256 for x in range(width))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def jpeg_like() -> bytes:
    """Bytes a sniffer reads as a JPEG (start and end markers); not a decodable picture."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"
