"""What can go wrong with letters, in words a reviewer or an administrator can act on."""

from __future__ import annotations

from reviewer_app.core.errors import InputError, Problem


class LetterContentError(InputError):
    """A letter wording or letterhead file that cannot be used: names the file and the key."""

    @classmethod
    def one(cls, source: str, key: str, message: str) -> LetterContentError:
        return cls(source, [Problem(key, message)])


class LetterRefused(ValueError):
    """A letter that must not be produced from this request, with the reason.

    For example an adverse determination decided by a nurse (only a physician reviewer may
    issue one: NCQA UM 4; 42 CFR 422.566(d); 42 CFR 438.210(b)(3)), or a denial whose only
    reason is "does not meet criteria".
    """
