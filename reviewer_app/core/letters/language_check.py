"""Whether a text a reviewer typed is in another language than the letter it goes into.

A Spanish member letter must not print English (issue 12), and the texts a reviewer writes
(the member reason, items she adds to a request for information) are the only sentences of a
letter that do not come from the checked wording files. No language-identification library
ships in the environment (langdetect, lingua and langid are not installed, and the letters
add no dependency for this), so the check is a documented stop-word count: the short function
words of each language (``stop_words`` of ``resources/letters/<language>.yaml``; words both
languages share, such as "a" or "no", are left out of both lists) are counted, and a text
reads as another language when it has at least :data:`MIN_WORDS` of that language's function
words and more of them than of the letter's own. Proper names, codes and numbers carry no
function words, so they never count either way; a text with none at all (a bare "MRI
report") passes, which is the limit of this check.
"""

from __future__ import annotations

import re

from reviewer_app.core.letters.content import content, languages

MIN_WORDS = 2
"""Function words of another language a text needs before it is called that language: one
("of" in "Example Health Plan of Illinois") is too easily a proper name."""

_WORD = re.compile(r"[^\W\d_]+")


def _counts(text: str) -> dict[str, int]:
    words = [w.lower() for w in _WORD.findall(text)]
    lists = {lang: set(content(lang).stop_words) for lang in languages()}
    return {lang: sum(w in stop and all(w not in other for o, other in lists.items()
                                        if o != lang)
                      for w in words)
            for lang, stop in lists.items()}


def foreign_language(text: str, language: str) -> str | None:
    """The language ``text`` reads as when that is not ``language`` (by the count above);
    None when it reads as ``language`` or cannot be told."""
    counts = _counts(text)
    own = counts.get(language, 0)
    other, found = max(((lang, n) for lang, n in counts.items() if lang != language),
                       key=lambda pair: pair[1], default=(None, 0))
    if other is not None and found >= MIN_WORDS and found > own:
        return other
    return None
