"""What makes an adverse determination's reason acceptable.

The notice must give the specific reason in plain language about this member's condition;
"does not meet criteria" alone is rejected by auditors (docs/review-rules.md, "What a letter
must say"). The lifecycle asks this when the physician decides and when the letter is made
(:func:`reviewer_app.core.lifecycle.adverse_reason_problem`), so a letter can always be issued
from a recorded decision.

It stays beside the lifecycle rather than inside it: this is a judgement on wording (a list of
bare phrases, a minimum length) that a plan may tune, while the lifecycle holds who may do what;
the lifecycle is its only caller.
"""

from __future__ import annotations

import re

from reviewer_app.core.characters import text_problem

_BARE_REASONS = frozenset({
    "does not meet criteria",
    "did not meet criteria",
    "criteria not met",
    "not medically necessary",
    "does not meet medical necessity",
    "does not meet medical necessity criteria",
    "not supported",
    "denied",
})
_MIN_REASON_WORDS = 8
MAX_REASON_CHARS = 4_000
"""A reason is a few plain sentences (the examples are 300-500 characters); the limit keeps
the letter's page count bounded and leaves room for a long clinical explanation."""


def reason_problem(text: str | None) -> str | None:
    """None when the reason is acceptable, else what is wrong with it."""
    if not (text or "").strip():
        return (
            "an adverse determination needs the specific reason, in plain language about this "
            "member's condition; \"does not meet criteria\" alone is not a reason"
        )
    if len(text) > MAX_REASON_CHARS:
        return (f"the reason is {len(text):,} characters; a letter prints at most "
                f"{MAX_REASON_CHARS:,} (say it in plain sentences)")
    problem = text_problem(text)
    if problem:
        return f"the reason {problem}"
    words = re.findall(r"[\w'-]+", (text or "").lower())
    if " ".join(words) in _BARE_REASONS or len(words) < _MIN_REASON_WORDS:
        return (
            "the reason must say, in plain words, what about this member's condition led "
            f"to the decision (at least {_MIN_REASON_WORDS} words); "
            "\"does not meet criteria\" alone is not a reason"
        )
    return None
