"""One wizard's draft in the store: started on the first save, then saved in place.

The window runs these methods on its one database thread, in the order it submits them, so
the draft number set by the first save is there for every later one; a save that is
superseded before it runs is simply skipped (the next one carries the whole document). No
empty draft is ever stored: the draft starts with the first committed field.

The store modules are imported when a method first runs (on the database thread), not with
this module: sqlite-utils costs tens of milliseconds that the window's start need not pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer_app.core.criteria.library import Library
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.drafts import Finished


@dataclass(frozen=True)
class Saved:
    draft_id: int
    saved_at: str
    """As stored: fixed-width UTC text."""


class DraftSession:
    def __init__(
        self,
        *,
        draft_id: int | None = None,
        case_id: int | None = None,
        case_version: int | None = None,
        by: int | None = None,
    ):
        self.draft_id = draft_id
        self.case_id = case_id
        """The stored case this draft edits (None: a new request)."""
        self.case_version = case_version
        self.by = by

    def save(self, store: Store, document: str) -> Saved:
        from reviewer_app.core.store import drafts

        if self.draft_id is None:
            draft = drafts.start_draft(store, document, by=self.by, case_id=self.case_id,
                                       case_version=self.case_version)
            self.draft_id = draft.id
            return Saved(draft.id, draft.summary.updated_at)
        return Saved(self.draft_id, drafts.save_draft(store, self.draft_id, document))

    def finish(self, store: Store, document: str, library: Library | None = None) -> Finished:
        """Save, then store the draft as a case (see :func:`drafts.finish_draft`)."""
        from reviewer_app.core.store import drafts

        self.save(store, document)
        return drafts.finish_draft(store, self.draft_id, by=self.by, library=library)

    def discard(self, store: Store) -> bool:
        """Throw the draft away; False when nothing was ever saved."""
        from reviewer_app.core.store import drafts

        if self.draft_id is None:
            return False
        drafts.discard_draft(store, self.draft_id, by=self.by)
        return True
