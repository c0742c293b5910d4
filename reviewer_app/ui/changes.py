"""The change broadcast (Anki's ``operation_did_execute``): every store operation that changes a
case announces it here once, and every view that shows cases listens, so views never have to
call each other to stay current."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class CaseChanges(QObject):
    case_changed = Signal(int)
    """A case was created or changed in the store (its id); whoever shows it should re-read it."""
