"""A composed letter as plain data: what it says, before any layout.

Composition (:mod:`.compose`) decides the words; layout (:mod:`.layout`) decides where they go.
Keeping the two apart lets tests read a letter's prose (the reading-level check measures
``Letter.prose()``) without drawing a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""
    """Words set in bold before the text, e.g. a label."""
    prose: bool = True
    """False for text that is not running prose (names, numbers, quoted clinical notes)."""
    quote: bool = False
    """Someone's own words, set off from the letter's text (the reviewer's reason)."""


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    prose: bool = True
    leads: tuple[str, ...] = ()
    """Words set in bold before each item (as many as items), or none."""
    small: bool = False
    """Set in the small size (a list of references)."""


@dataclass(frozen=True)
class KeyFacts:
    """Label and value rows in a shaded box: who, what, which case."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    """Column widths as fractions of the text width."""


@dataclass(frozen=True)
class Taglines:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Signature:
    """The printed signature (21 CFR 11.50: printed name, date and time, meaning) and the
    space reserved beside it for the visible digital signature."""

    closing: str
    """The letter's closing ("Sincerely,"), kept on the page of the signature."""
    heading: str
    rows: tuple[tuple[str, str], ...]
    caption: str


Block = Heading | Paragraph | Bullets | KeyFacts | Table | Taglines | Signature


@dataclass(frozen=True)
class Letter:
    letter_type: str
    recipient: str
    language: str
    title: str
    subject: str
    author: str
    keywords: str
    footer: str
    page_label: str
    """With ``{page}`` and ``{pages}`` left to fill while drawing."""
    later_pages: str
    """The running head of pages after the first."""
    contacts: tuple[str, ...]
    """The letterhead's phone, TTY and fax lines, in the letter's language."""
    blocks: tuple[Block, ...]
    large_print: bool = False
    """Set at :data:`~.layout.LARGE_PRINT_POINTS` or more, on the member's request."""

    def prose(self) -> str:
        """The running prose a reader reads, one sentence-ending paragraph per line."""
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph) and block.prose:
                parts.append(block.text)
            elif isinstance(block, Bullets) and block.prose:
                parts += block.items
        return "\n".join(parts)

    def text(self) -> str:
        """Every word of the letter body, in order (headers and footers aside)."""
        parts: list[str] = [self.title]
        for block in self.blocks:
            if isinstance(block, Heading):
                parts.append(block.text)
            elif isinstance(block, Paragraph):
                parts.append(f"{block.lead} {block.text}".strip())
            elif isinstance(block, Bullets):
                leads = block.leads or ("",) * len(block.items)
                parts += [f"{lead} {item}".strip() for lead, item in zip(leads, block.items,
                                                                          strict=True)]
            elif isinstance(block, KeyFacts | Signature):
                if isinstance(block, Signature):
                    parts += [block.closing, block.heading]
                parts += [f"{label} {value}" for label, value in block.rows]
            elif isinstance(block, Table):
                parts += [" ".join(block.header), *(" ".join(row) for row in block.rows)]
            elif isinstance(block, Taglines):
                parts += [block.heading, *block.lines]
        return "\n".join(parts)
