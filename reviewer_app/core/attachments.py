"""A request's clinical documents as files: which kinds are taken, how a file is checked, and
the text a report attachment gives the wizard. No SQL here (:mod:`.store.attachments` keeps
them) and no Qt (the window draws them).

The kind is read from the bytes, never from the name: a PDF renamed ``report.txt`` is a PDF, and
a Word document renamed ``report.pdf`` is refused. Four kinds are taken, the ones a payer's
portal or fax server sends and the built-in viewer can show:

- PDF: starts with ``%PDF-`` (within the first 1,024 bytes, as readers allow) and ends with
  ``%%EOF`` in its last 1,024 bytes (a file cut short in transfer has none);
- PNG: the eight-byte signature and an ``IEND`` chunk at the end;
- JPEG: ``FF D8 FF`` and the end-of-image marker ``FF D9`` near the end;
- text: UTF-8 (a byte-order mark is allowed) without NUL or other control characters than tab,
  line breaks and form feed.

A file is at most :data:`MAX_BYTES` (20 MiB) and never empty. Why 20 MiB: a report is tens to
hundreds of kilobytes; a 50-page record scanned at 300 dpi in grey is about 15 MB; the portals
and mail gateways requests come through stop at 10-25 MB; and every attachment is held in
memory whole while it is hashed, stored and shown.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from reviewer_app.core.characters import printable
from reviewer_app.core.errors import InputError, Problem
from reviewer_app.core.files import FileRefused, read_regular_file

MAX_BYTES = 20 * 1024 * 1024
NAME_LENGTH = 255
"""A stored file name, in characters (most file systems allow 255 bytes)."""
REPORT_TEXT_LENGTH = 20_000
"""``imaging[].report_text`` at most (docs/case-format.md, "Limits")."""

KINDS = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "text": "text/plain; charset=utf-8",
}
"""Kind -> media type."""
KIND_WORDS = {"pdf": "PDF", "png": "PNG image", "jpeg": "JPEG image", "text": "text"}
TEXT_KINDS = frozenset({"pdf", "text"})
"""Kinds that can hold a report's text (a scan is a picture of text; there is no OCR here)."""

_TAIL = 1024
_PDF_HEAD = b"%PDF-"
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_BOM = b"\xef\xbb\xbf"
_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_KNOWN_OTHERS = (
    (b"PK\x03\x04", "a ZIP archive (Word, Excel and OpenDocument files are ZIP archives): "
                    "save or print it as PDF"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document: save or print it as PDF"),
    (b"II*\x00", "a TIFF image (as fax servers write): convert it to PDF or PNG"),
    (b"MM\x00*", "a TIFF image (as fax servers write): convert it to PDF or PNG"),
    (b"GIF8", "a GIF image: convert it to PNG"),
    (b"\xff\xfe", "text in UTF-16: save it as UTF-8"),
    (b"\xfe\xff", "text in UTF-16: save it as UTF-8"),
    (b"{\\rtf", "an RTF document: save or print it as PDF"),
)


class AttachmentError(InputError):
    """A file that cannot be attached; nothing was stored."""


@dataclass(frozen=True)
class AttachmentFile:
    """A file checked for attaching: its name as shown, kind and bytes."""

    name: str
    kind: str
    data: bytes
    sha256: str

    @property
    def media_type(self) -> str:
        return KINDS[self.kind]

    @property
    def size(self) -> int:
        return len(self.data)


def size_words(size: int) -> str:
    """``1,536`` -> ``1.5 KB``: a size as a reviewer reads it (powers of 1,024)."""
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}" if size < 100 else f"{size:,.0f} {unit}"
    raise AssertionError("unreachable")


def _bytes(size: int) -> str:
    return f"{size:,} bytes" + (f" ({size_words(size)})" if size >= 1024 else "")


def _too_large(size: int, grew: bool) -> str:
    what = "more than" if grew else f"{_bytes(size)},"
    return (f"{what} the limit of {_bytes(MAX_BYTES)} for an attachment; attach the report "
            "itself, or split a long record")


def sniff(data: bytes) -> str:
    """The kind of ``data`` (a key of :data:`KINDS`), or a :class:`ValueError` saying what it
    is instead and what to do."""
    if not data:
        raise ValueError("the file is empty")
    tail = data[-_TAIL:]
    if _PDF_HEAD in data[:_TAIL]:
        if b"%%EOF" not in tail:
            raise ValueError("a PDF without its end-of-file marker: it was cut short (a "
                             "download or scan that did not finish); get the file again")
        return "pdf"
    if data.startswith(_PNG):
        if b"IEND" not in data[-16:]:
            raise ValueError("a PNG image that was cut short (no end chunk); get the file "
                             "again")
        return "png"
    if data.startswith(_JPEG):
        if b"\xff\xd9" not in tail:
            raise ValueError("a JPEG image that was cut short (no end-of-image marker); get "
                             "the file again")
        return "jpeg"
    if len(data) > 132 and data[128:132] == b"DICM":
        raise ValueError("a DICOM image: attach the radiologist's report, not the images")
    for signature, words in _KNOWN_OTHERS:
        if data.startswith(signature):
            raise ValueError(words)
    text = data[len(_BOM):] if data.startswith(_BOM) else data
    try:
        decoded = text.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("not a PDF, a PNG or JPEG image, or UTF-8 text (the kinds that can "
                         "be attached); save or print the document as PDF") from None
    found = _TEXT_CONTROLS.search(decoded)
    if found:
        raise ValueError(f"text with a control character (U+{ord(found.group()):04X}) at "
                         f"position {found.start() + 1}: a binary file, not a document")
    return "text"


def display_name(name: str) -> str:
    """A file's name as stored and shown: its last part, control characters as escapes, at
    most :data:`NAME_LENGTH` characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "attachment"
    return printable(base, NAME_LENGTH)


def check_attachment(data: bytes, name: str, source: str | None = None) -> AttachmentFile:
    """``data`` as an attachment named ``name``, or an :class:`AttachmentError`."""
    source = source or name
    if len(data) > MAX_BYTES:
        raise AttachmentError(source, [Problem("(file)", _too_large(len(data), False))])
    try:
        kind = sniff(data)
    except ValueError as error:
        raise AttachmentError(source, [Problem("(file)", str(error))]) from None
    return AttachmentFile(display_name(name), kind, data, hashlib.sha256(data).hexdigest())


def read_attachment_file(path: str | Path) -> AttachmentFile:
    """The file at ``path``, read (a regular file, at most :data:`MAX_BYTES`) and checked."""
    path = Path(path)
    try:
        data = read_regular_file(path, MAX_BYTES, _too_large)
    except FileRefused as refused:
        raise AttachmentError(str(path), [Problem("(file)", str(refused))]) from None
    return check_attachment(data, path.name, str(path))


def decoded_text(data: bytes) -> str:
    """A text attachment's characters (the byte-order mark dropped)."""
    return data.removeprefix(_BOM).decode("utf-8")


@dataclass(frozen=True)
class ReportText:
    text: str
    notes: tuple[str, ...] = ()
    """What was changed to make it a report text (cut at the limit, page breaks)."""


_LINE_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_KEEP_AFTER = (".", ":", ";", "!", "?")
_STARTS_BLOCK = re.compile(r"^(?:\d+[.)]\s|[-•*]\s|[CTLS]\d{1,2}(?:-[CTLS]?\d{1,2})?\s*:|"
                           r"[A-Z][A-Z /]+:)")
WRAPPED_SHARE = 0.6
"""A line at least this share of the text's longest line reached the margin: a break after it
is the page's, not the writer's."""
WRAP_WIDTH = 50
"""Text whose longest line is shorter was not wrapped at a page's margin (a page wraps a 10-12 pt
line at 70-100 characters) and is left as it is: in a list of short lines ("no fracture" / "no
edema") every line reaches :data:`WRAPPED_SHARE` of the longest, so without this the list was
joined into one sentence. A narrow column (a 40-character box on a fax) is left broken too."""


def reflow(text: str) -> str:
    """Join the lines of a paragraph that a page or a fax wrapped at its margin ("with
    burst-type pathologic / fracture, more than 50%"): the reader takes a line break for the
    end of a sentence. A break stays after a line that ends a sentence or a heading, after a
    short line, after a line in capitals (a title), and before a list item or a heading."""
    lines = text.split("\n")
    widest = max((len(line.rstrip()) for line in lines), default=0)
    if widest < WRAP_WIDTH:
        return text
    joined: list[str] = []
    for line in lines:
        previous = joined[-1].rstrip() if joined else ""
        if (previous and line.strip() and not previous.endswith(_KEEP_AFTER)
                and len(previous) >= WRAPPED_SHARE * widest and not previous.isupper()
                and not _STARTS_BLOCK.match(line.lstrip())):
            joined[-1] = f"{previous} {line.lstrip()}"
        else:
            joined.append(line)
    return "\n".join(joined)


def separate_titles(text: str) -> str:
    """A blank line after a title in capitals that ends without a full stop ("MRI LUMBAR
    SPINE WITHOUT AND WITH CONTRAST"): the reader's sentence splitter does not end a sentence
    at such a line's break, so the title's "WITHOUT" negated the first finding of the next
    line ("Expansile lytic lesion" read as no lesion)."""
    lines = text.split("\n")
    out: list[str] = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        out.append(line)
        bare = line.strip()
        if (bare and following.strip() and bare.isupper() and sum(c.isalpha() for c in bare) > 3
                and not bare.endswith(_KEEP_AFTER)):
            out.append("")
    return "\n".join(out)


def as_report_text(text: str, *, wrapped: bool = False) -> ReportText:
    """Text from a document (a text file, a PDF's text layer) as ``imaging[].report_text``
    accepts it: line breaks as LF, a page break as a blank line, a title line its own
    paragraph (:func:`separate_titles`), no other control characters or bidirectional
    overrides, at most :data:`REPORT_TEXT_LENGTH` characters. ``wrapped``:
    the lines were broken at a page's margin (a PDF's text), so paragraphs are joined again
    (:func:`reflow`)."""
    notes = []
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in cleaned:
        cleaned = cleaned.replace("\f", "\n\n")
    cleaned, controls = _LINE_CONTROLS.subn(" ", cleaned)
    cleaned, overrides = _BIDI.subn("", cleaned)
    if controls or overrides:
        notes.append(f"{controls + overrides} control or direction characters were removed")
    if wrapped:
        cleaned = reflow(cleaned)
    cleaned = separate_titles(cleaned)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned).strip()
    if len(cleaned) > REPORT_TEXT_LENGTH:
        notes.append(f"the text was cut at {REPORT_TEXT_LENGTH:,} characters (the report "
                     f"text's limit; it had {len(cleaned):,})")
        cleaned = cleaned[:REPORT_TEXT_LENGTH].rstrip()
    return ReportText(cleaned, tuple(notes))
