"""What makes a new passphrase acceptable: at least 8 characters and a zxcvbn score of 3 or more.

zxcvbn (Dropbox's estimator, maintained in Python as ``zxcvbn``) scores a passphrase 0-4 by the
guesses an attacker needs, with dictionaries, keyboard patterns, repeats and dates: "aaaaaaaa"
and eight spaces score 0, "a long passphrase" 4. Score 3 ("safely unguessable: moderate
protection from offline slow-hash attack", about 10^10 guesses) is the least that suits a key
file an insider can copy and attack offline. The refusal passes on the estimator's own warning
and suggestions. The estimator is imported on first use (its word lists take ~0.1 s to load).

:func:`estimate` is the same judgement as a value, for a hint shown while the passphrase is
typed (the desktop's first run and its administrator screen); :func:`check_new_passphrase`
refuses with the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewer_app.core.trust.errors import WeakPassphrase

MIN_LENGTH = 8
MIN_SCORE = 3
MAX_SCORED = 100
"""zxcvbn's time grows with the length; the first 100 characters decide."""


@dataclass(frozen=True)
class Strength:
    """The estimator's verdict on a new passphrase."""

    score: int
    """0-4 (zxcvbn); 0 as well for one shorter than :data:`MIN_LENGTH`."""
    acceptable: bool
    problem: str | None
    """Why it is refused, in the words :class:`WeakPassphrase` uses; None when acceptable."""
    advice: str
    """The estimator's warning and suggestions (may be empty), even for an acceptable one."""


def estimate(passphrase: str, *, context: Sequence[str] = ()) -> Strength:
    """How strong ``passphrase`` is. ``context`` are words an attacker would try first (the
    reviewer's name, the organization)."""
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, False, f"a passphrase needs at least {MIN_LENGTH} characters", "")
    from zxcvbn import zxcvbn

    words = [word for text in context for word in text.replace(",", " ").lower().split()]
    words += [" ".join(words), "".join(words)]
    words += [joined for text in context if (joined := "".join(text.lower().split()))]
    result = zxcvbn(passphrase[:MAX_SCORED], user_inputs=words)
    score = int(result["score"])
    feedback = result["feedback"]
    advice = " ".join(part for part in [feedback.get("warning") or "",
                                        *feedback.get("suggestions", [])] if part)
    if score >= MIN_SCORE:
        return Strength(score, True, None, advice)
    problem = (f"the passphrase is too easy to guess (strength {score} of 4; at least "
               f"{MIN_SCORE} is needed)" + (f": {advice} A few" if advice else "; a few")
               + " uncommon words together make a strong one")
    return Strength(score, False, problem, advice)


def check_new_passphrase(passphrase: str, *, context: Sequence[str] = ()) -> bytes:
    """The passphrase as bytes, or :class:`WeakPassphrase` saying why it is refused.
    ``context`` are words an attacker would try first (the reviewer's name, the organization)."""
    strength = estimate(passphrase, context=context)
    if not strength.acceptable:
        raise WeakPassphrase(strength.problem)
    return passphrase.encode("utf-8")
