"""What the administrator's screen asks of the store, on the database thread: the profiles with
what their certificates say, and adding a reviewer, changing a role and giving a new key, each
vouched for by the organization CA unlocked with the administrator's passphrase."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer_app.ui.session.operations import renewed, sign_in
from reviewer_app.ui.session.session import SignedIn
from reviewer_app.ui.signin.profile_form import NewProfile

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.records import Reviewer
    from reviewer_app.core.trust.authority import UnlockedAuthority


@dataclass(frozen=True)
class ReviewerRow:
    reviewer: Reviewer
    role: str | None
    """The role the certificate states; None when it cannot be read (see ``problem``)."""
    valid_until: str | None
    problem: str | None


@dataclass(frozen=True)
class Acting:
    """Who acts: the CA opened with the administrator's passphrase, and the signed-in
    reviewer's session (None when nobody is signed in). The audit trail records the action as
    that reviewer's, and their session is renewed when it is their own profile that changes."""

    admin: UnlockedAuthority
    signed_in: SignedIn | None

    @property
    def by(self) -> int | None:
        return self.signed_in.id if self.signed_in is not None else None

    def is_signed_in(self, reviewer_id: int) -> bool:
        return self.signed_in is not None and self.signed_in.id == reviewer_id


@dataclass(frozen=True)
class Done:
    """What an action did, in words, and the session renewed when it was the signed-in
    reviewer's own profile that changed."""

    message: str
    renewed: SignedIn | None = None


def read_reviewers(store: Store) -> list[ReviewerRow]:
    from reviewer_app.core.store.errors import StoreError
    from reviewer_app.core.store.records import list_reviewers
    from reviewer_app.core.store.reviewers import authorized

    rows = []
    for reviewer in list_reviewers(store):
        try:
            current = authorized(store, reviewer.id)
        except StoreError as error:
            rows.append(ReviewerRow(reviewer, None, None, str(error)))
        else:
            rows.append(ReviewerRow(reviewer, current.role, current.key.not_after[:10], None))
    return rows


def unlock(store: Store, passphrase: str) -> UnlockedAuthority:
    from reviewer_app.core.store.organization import unlock_administrator

    return unlock_administrator(store, passphrase)


def add(store: Store, acting: Acting, profile: NewProfile) -> Done:
    from reviewer_app.core.store.reviewers import add_reviewer
    from reviewer_app.core.trust.keys import create_reviewer_key

    key = create_reviewer_key(acting.admin, name=profile.name, credentials=profile.credentials,
                              role=profile.role, passphrase=profile.passphrase,
                              now=store.clock())
    reviewer = add_reviewer(store, name=profile.name, credentials=profile.credentials,
                            role=profile.role, key=key, admin=acting.admin, by=acting.by,
                            npi=profile.npi)
    return Done(f"{reviewer.signature} was added as a {reviewer.role} (reviewer "
                f"{reviewer.id}); they sign in with the passphrase given.")


def change_role(store: Store, acting: Acting, reviewer_id: int, role: str) -> Done:
    from reviewer_app.core.store.reviewers import change_role as change

    changed = change(store, reviewer_id, role, admin=acting.admin, by=acting.by)
    renewal = renewed(store, acting.signed_in) if acting.is_signed_in(reviewer_id) else None
    return Done(f"{changed.reviewer.signature} is a {changed.role} from now on (a new "
                "certificate says so).", renewal)


def new_key(store: Store, acting: Acting, reviewer_id: int, passphrase: str) -> Done:
    from reviewer_app.core.store.reviewers import add_reviewer_key, get_reviewer
    from reviewer_app.core.trust.keys import create_reviewer_key

    reviewer = get_reviewer(store, reviewer_id, check=True)
    key = create_reviewer_key(acting.admin, name=reviewer.name,
                              credentials=reviewer.credentials, role=reviewer.role,
                              passphrase=passphrase, now=store.clock())
    add_reviewer_key(store, reviewer_id, key, admin=acting.admin, by=acting.by)
    renewal = None
    if acting.is_signed_in(reviewer_id):
        renewal = sign_in(store, reviewer_id, passphrase)
    return Done(f"{reviewer.signature} has a new signing key (valid until "
                f"{key.not_after:%Y-%m-%d}); it signs from now on, with the new passphrase.",
                renewal)

