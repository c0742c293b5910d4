"""What signing in asks of the case store: functions of a
:class:`~reviewer_app.core.store.database.Store`, run on the database thread as StoreOps, and the
words for what goes wrong (no SQL here: the core's reviewers module does the work)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer_app.ui.session.session import SignedIn

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.records import Reviewer
    from reviewer_app.core.store.reviewers import UnlockedReviewer


@dataclass(frozen=True)
class Profile:
    """A reviewer profile as the sign-in dialog lists it."""

    reviewer: Reviewer
    has_key: bool

    @property
    def id(self) -> int:
        return self.reviewer.id


@dataclass(frozen=True)
class SignInState:
    has_organization: bool
    """False on the first run: the database has no organization CA yet."""
    problem: str | None
    """Why nobody can sign in (the CA was altered or replaced), None when they can."""
    profiles: tuple[Profile, ...]


def read_sign_in_state(store: Store) -> SignInState:
    from reviewer_app.core.store.authority import authority_problem, find_authority
    from reviewer_app.core.store.records import list_reviewers
    from reviewer_app.core.store.reviewers import reviewers_with_keys

    found = find_authority(store)
    problem = authority_problem(store, found)
    keyed = reviewers_with_keys(store)
    profiles = tuple(Profile(r, r.id in keyed) for r in list_reviewers(store))
    return SignInState(found is not None or problem is not None, problem, profiles)


def sign_in(store: Store, reviewer_id: int, passphrase: str, *,
            resumed: bool = False) -> SignedIn:
    """The reviewer's key opened with ``passphrase`` (their certificate checked against the
    organization CA; a wrong passphrase is audited and raised), and the session recorded."""
    from reviewer_app.core.store.reviewers import authorized, record_session, unlock_reviewer

    unlocked = unlock_reviewer(store, reviewer_id, passphrase)
    current = authorized(store, reviewer_id)
    details = {"after": "lock"} if resumed else {}
    record_session(store, "sign_in", reviewer_id, **details)
    return SignedIn(current.reviewer, unlocked, current.role)


def session_of(store: Store, unlocked: UnlockedReviewer) -> SignedIn:
    """The session of a key opened elsewhere (by a benchmark, a test, the pictures), bound to
    the reviewer as the store knows them; nothing is recorded, as nobody typed a passphrase."""
    from reviewer_app.core.store.reviewers import authorized

    current = authorized(store, unlocked.id)
    return SignedIn(current.reviewer, unlocked, current.role)


def renewed(store: Store, signed_in: SignedIn) -> SignedIn:
    """The same opened key bound to the reviewer as they now are (after a role change the
    certificate, and so the key row that signs, is new)."""
    from reviewer_app.core.store.reviewers import authorized, session_for

    unlocked = session_for(store, signed_in.id, signed_in.unlocked.material)
    current = authorized(store, signed_in.id)
    return SignedIn(current.reviewer, unlocked, current.role)


def record(store: Store, action: str, reviewer_id: int, **details: object) -> None:
    from reviewer_app.core.store.reviewers import record_session

    record_session(store, action, reviewer_id, **details)


def sign_in_problem(error: Exception, who: str) -> str:
    """What to tell the reviewer at the passphrase field."""
    from reviewer_app.core.store.errors import StoreError
    from reviewer_app.core.trust.errors import ReviewerKeyError, WrongPassphrase
    from reviewer_app.ui.operations.failures import describe_failure

    if isinstance(error, WrongPassphrase):
        return (f"That passphrase does not open {who}'s signing key. Nothing was unlocked; "
                "the failed attempt is recorded in the audit trail.")
    if isinstance(error, StoreError | ReviewerKeyError):
        return f"{who} cannot sign in: {error}"
    failure = describe_failure(error)
    return " ".join([failure.summary, *failure.lines])
