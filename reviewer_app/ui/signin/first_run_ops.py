"""The first run's one store operation: the organization's letterhead written beside the
database (checked first, as letters read it), the organization CA created (or imported) and
pinned, the first reviewer added with a key the CA certifies, and that reviewer signed in.
Slow parts (key generation, PBKDF2 over two key files) run on the database thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer_app.ui.session.operations import sign_in
from reviewer_app.ui.session.session import SignedIn
from reviewer_app.ui.signin.profile_form import NewProfile

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store


@dataclass(frozen=True)
class FirstRun:
    organization: str
    admin_passphrase: str
    profile: NewProfile
    letterhead: dict[str, Any]
    import_p12: Path | None = None
    """The organization's own CA (PKCS#12) instead of a new one."""
    p12_passphrase: str = field(default="", repr=False)


class LetterheadRefused(Exception):
    """The letterhead failed the letters' own check; nothing was created."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def create_first_run(store: Store, plan: FirstRun) -> SignedIn:
    from reviewer_app.core.letters.errors import LetterContentError
    from reviewer_app.core.letters.settings import save_organization_letterhead
    from reviewer_app.core.store.authority import find_authority
    from reviewer_app.core.store.errors import StoreError
    from reviewer_app.core.store.organization import create_organization
    from reviewer_app.core.store.reviewers import add_reviewer
    from reviewer_app.core.trust.authority import create_authority, import_authority
    from reviewer_app.core.trust.keys import create_reviewer_key

    if find_authority(store) is not None:
        raise StoreError("this database already has its organization CA; nothing was changed "
                         "(sign in instead)")
    try:
        save_organization_letterhead(store.path, plan.letterhead)
    except LetterContentError as error:
        raise LetterheadRefused(error.lines()) from None
    if plan.import_p12 is not None:
        new, admin = import_authority(plan.import_p12.read_bytes(), plan.p12_passphrase,
                                      plan.admin_passphrase)
    else:
        new, admin = create_authority(plan.organization, plan.admin_passphrase,
                                      now=store.clock())
    create_organization(store, new, admin)
    profile = plan.profile
    key = create_reviewer_key(admin, name=profile.name, credentials=profile.credentials,
                              role=profile.role, passphrase=profile.passphrase,
                              now=store.clock())
    reviewer = add_reviewer(store, name=profile.name, credentials=profile.credentials,
                            role=profile.role, key=key, admin=admin, npi=profile.npi)
    return sign_in(store, reviewer.id, profile.passphrase)
