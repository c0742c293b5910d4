"""Reviewers: the nurses and physicians who decide cases, with the credentials letters print.

A reviewer's role decides what they may do (see :mod:`lifecycle`), so the row is hashed into the
audit trail when it is written and checked again before each decision: a nurse's row edited to
"physician" outside the application cannot be used to deny a case.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer_app.core.store.audit import AuditLog, check_record_intact, record_stamp
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError, UnknownReviewerError
from reviewer_app.core.store.lifecycle import ROLES
from reviewer_app.core.store.rows import REVIEWER_COLUMNS


@dataclass(frozen=True)
class Reviewer:
    id: int
    name: str
    credentials: str
    role: str
    created_at: str

    @property
    def signature(self) -> str:
        """Name and credentials, as a letter prints them: "Dana Whitfield, RN"."""
        return f"{self.name}, {self.credentials}"


def add_reviewer(store: Store, *, name: str, credentials: str, role: str,
                 by: int | None = None) -> Reviewer:
    name, credentials = name.strip(), credentials.strip()
    if not name:
        raise StoreError("a reviewer needs a name")
    if not credentials:
        raise StoreError("a reviewer needs credentials (e.g. RN, MD), printed on letters")
    if role not in ROLES:
        raise StoreError(f"'{role}' is not a reviewer role (nurse or physician)")
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        row = {"name": name, "credentials": credentials, "role": role,
               "created_at": store.now()}
        row["id"] = store.db["reviewers"].insert(row).last_pk
        AuditLog(store).append("create", reviewer_id=by, record=record_stamp("reviewers", row),
                               details={"reviewer_id": row["id"], "role": role})
    return Reviewer(**row)


def get_reviewer(store: Store, reviewer_id: int, *, check: bool = False) -> Reviewer:
    """The reviewer, optionally checked against its audit record (before it authorises)."""
    row = store.query_one(
        f"SELECT {', '.join(REVIEWER_COLUMNS)} FROM reviewers WHERE id = ?", (reviewer_id,)
    )
    if row is None:
        raise UnknownReviewerError(
            f"there is no reviewer {reviewer_id} (see `reviewer list`; add one with "
            "`reviewer add`)"
        )
    if check:
        check_record_intact(store, "reviewers", row)
    return Reviewer(**dict(row))


def list_reviewers(store: Store) -> list[Reviewer]:
    rows = store.query(f"SELECT {', '.join(REVIEWER_COLUMNS)} FROM reviewers ORDER BY id")
    return [Reviewer(**dict(row)) for row in rows]
