"""Which language a member's letters are written in: the member's own when the letters ship
wording for it (``resources/letters/<language>.yaml``), else English.

Both the letters (which print in it) and the case store (which records, beside a physician's
plain-language reason for the member, the language it was written in) need this answer, and
neither may import the other, so it lives below both.
"""

from __future__ import annotations

from functools import cache

from reviewer_app.core import resources

NAMES = {"en": "English", "es": "Spanish (Español)"}
"""How the window names a letter language; a shipped language missing here shows its code."""


@cache
def letter_languages() -> tuple[str, ...]:
    """The member-letter languages shipped, e.g. ``("en", "es")``."""
    return tuple(sorted(p.stem for p in resources.path("letters").glob("*.yaml")
                        if p.stem != "letterhead"))


def member_letter_language(tag: str) -> str:
    """The shipped language for a member's BCP 47 tag (``es-MX`` -> ``es``); else English."""
    primary = tag.split("-", 1)[0].lower()
    return primary if primary in letter_languages() else "en"


def language_name(code: str) -> str:
    return NAMES.get(code, code)
