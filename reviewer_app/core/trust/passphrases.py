"""What makes a new passphrase acceptable: at least 8 characters and a zxcvbn score of 3 or more.

zxcvbn (Dropbox's estimator, maintained in Python as ``zxcvbn``) scores a passphrase 0-4 by the
guesses an attacker needs, with dictionaries, keyboard patterns, repeats and dates: "aaaaaaaa"
and eight spaces score 0, "a long passphrase" 4. Score 3 ("safely unguessable: moderate
protection from offline slow-hash attack", about 10^10 guesses) is the least that suits a key
file an insider can copy and attack offline. The refusal passes on the estimator's own warning
and suggestions. The estimator is imported on first use (its word lists take ~0.1 s to load).
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer_app.core.trust.errors import WeakPassphrase

MIN_LENGTH = 8
MIN_SCORE = 3


def check_new_passphrase(passphrase: str, *, context: Sequence[str] = ()) -> bytes:
    """The passphrase as bytes, or :class:`WeakPassphrase` saying why it is refused.
    ``context`` are words an attacker would try first (the reviewer's name, the organization)."""
    if len(passphrase) < MIN_LENGTH:
        raise WeakPassphrase(f"a passphrase needs at least {MIN_LENGTH} characters")
    from zxcvbn import zxcvbn

    words = [word for text in context for word in text.replace(",", " ").lower().split()]
    words += [" ".join(words), "".join(words)]
    result = zxcvbn(passphrase[:100], user_inputs=words)
    if result["score"] < MIN_SCORE:
        feedback = result["feedback"]
        advice = " ".join(part for part in [feedback.get("warning") or "",
                                            *feedback.get("suggestions", [])] if part)
        raise WeakPassphrase(
            f"the passphrase is too easy to guess (strength {result['score']} of 4; at least "
            f"{MIN_SCORE} is needed)" + (f": {advice}" if advice else "")
            + "; a few uncommon words together make a strong one")
    return passphrase.encode("utf-8")
