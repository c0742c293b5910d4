"""The signed-in reviewer of this window, held in memory for the session.

:class:`Session` is the one mutable piece of the application context: signing in, out or as
someone else changes it and announces ``changed``; everything else reads it when it acts
(``AppContext.reviewer_id``), so an operation is attributed to whoever was signed in when it
was asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reviewer_app.ui.signals import emit

if TYPE_CHECKING:
    from reviewer_app.core.store.records import Reviewer
    from reviewer_app.core.store.reviewers import UnlockedReviewer


@dataclass(frozen=True)
class SignedIn:
    """A reviewer's profile and their signing key, opened with their passphrase. The key is
    never written anywhere; signing out drops it."""

    reviewer: Reviewer
    unlocked: UnlockedReviewer
    role: str
    """The role their certificate states (what the organization CA vouches for)."""

    @property
    def id(self) -> int:
        return self.reviewer.id

    @property
    def signature(self) -> str:
        """"Pat Lee, RN"."""
        return self.reviewer.signature


class Session(QObject):
    changed = Signal()
    """Someone signed in, signed out, or another reviewer took over."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._current: SignedIn | None = None

    @property
    def current(self) -> SignedIn | None:
        return self._current

    @property
    def reviewer(self) -> Reviewer | None:
        return self._current.reviewer if self._current else None

    def sign_in(self, signed_in: SignedIn) -> None:
        """``signed_in`` works from now on (replacing whoever did)."""
        self._current = signed_in
        emit(self.changed)

    def renew(self, signed_in: SignedIn) -> None:
        """The same reviewer's key opened again (after a lock) or recertified (a role change):
        no announcement when the reviewer stays the same."""
        same = self._current is not None and self._current.id == signed_in.id \
            and self._current.role == signed_in.role
        self._current = signed_in
        if not same:
            emit(self.changed)

    def sign_out(self) -> None:
        if self._current is not None:
            self._current = None
            emit(self.changed)
