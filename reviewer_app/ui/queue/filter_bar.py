"""The queue's filter bar: search as you type, status, urgency, line of business, overdue,
due today, assigned to me, and the "Working as" chooser that "Assigned to me" needs.

Nobody signs in yet, so "Working as" says who "me" is: a reviewer profile from the store,
remembered in the settings, used for this filter only (decisions and the audit trail do not
read it). The sign-in issue replaces it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from reviewer_app.ui.forms.ui_queue_filter_bar import Ui_QueueFilterBar
from reviewer_app.ui.signals import emit

if TYPE_CHECKING:
    from reviewer_app.core.store.reviewers import Reviewer

SEARCH_DELAY_MS = 150
"""Search waits this long after the last keystroke, so typing a name reads the store once."""
SEARCH_MIN = 2
WORKING_AS = "queue/working_as"
STATUS_VALUES = ("open", "all", "draft", "in_review", "pended", "referred", "approved",
                 "partially_approved", "denied", "letter_issued")
"""The status combo's entries, in order (the form holds their words)."""
URGENCY_VALUES = (None, "expedited", "standard")
LINE_VALUES = (None, "commercial", "medicare_advantage", "medicaid")
NOBODY = "Nobody chosen"


class QueueFilterBar(QWidget):
    changed = Signal()
    """A filter or the search text changed (the search text after a short pause)."""
    escape_from_search = Signal()
    down_from_search = Signal()
    """Down arrow in the search box: the queue takes the focus."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_QueueFilterBar()
        self.ui.setupUi(self)
        self._settings: QSettings | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.ui.searchEdit.textChanged.connect(self._on_search_text_edited)
        self.ui.searchEdit.installEventFilter(self)
        for combo in (self.ui.statusCombo, self.ui.urgencyCombo, self.ui.lineCombo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for check in (self.ui.overdueCheck, self.ui.dueTodayCheck, self.ui.mineCheck):
            check.toggled.connect(self._on_filter_changed)
        self.ui.workingAsCombo.currentIndexChanged.connect(self._on_working_as_changed)
        self.ui.resetButton.clicked.connect(self.reset)
        self.set_reviewers([])

    def remember_in(self, settings: QSettings) -> None:
        self._settings = settings

    # -- what the bar asks for ------------------------------------------------------------

    def search_text(self) -> str | None:
        """What to search for: None for fewer than :data:`SEARCH_MIN` characters (one letter
        matches nearly every case, which helps nobody and costs every keystroke)."""
        text = self.ui.searchEdit.text().strip()
        return text if len(text.replace('"', " ").strip()) >= SEARCH_MIN else None

    def search_too_short(self) -> bool:
        return bool(self.ui.searchEdit.text().strip()) and self.search_text() is None

    def status(self) -> str:
        return STATUS_VALUES[max(self.ui.statusCombo.currentIndex(), 0)]

    def urgency(self) -> str | None:
        return URGENCY_VALUES[max(self.ui.urgencyCombo.currentIndex(), 0)]

    def line_of_business(self) -> str | None:
        return LINE_VALUES[max(self.ui.lineCombo.currentIndex(), 0)]

    def overdue(self) -> bool:
        return self.ui.overdueCheck.isChecked()

    def due_today(self) -> bool:
        return self.ui.dueTodayCheck.isChecked()

    def working_as(self) -> int | None:
        value = self.ui.workingAsCombo.currentData()
        return int(value) if value is not None else None

    def assigned_to(self) -> int | None:
        return self.working_as() if self.ui.mineCheck.isChecked() else None

    def is_default(self) -> bool:
        return (self.search_text() is None and self.status() == "open"
                and self.urgency() is None and self.line_of_business() is None
                and not self.overdue() and not self.due_today() and self.assigned_to() is None)

    # -- changes --------------------------------------------------------------------------

    def reset(self) -> None:
        """All open cases again, search cleared (one change signal)."""
        widgets = (self.ui.statusCombo, self.ui.urgencyCombo, self.ui.lineCombo,
                   self.ui.overdueCheck, self.ui.dueTodayCheck, self.ui.mineCheck,
                   self.ui.searchEdit)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for combo in widgets[:3]:
                combo.setCurrentIndex(0)
            for check in widgets[3:6]:
                check.setChecked(False)
            self.ui.searchEdit.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._search_timer.stop()
        emit(self.changed)

    def set_reviewers(self, reviewers: list[Reviewer]) -> None:
        """The profiles to choose from; the remembered one is chosen again."""
        combo = self.ui.workingAsCombo
        remembered = self._remembered()
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(NOBODY, None)
            for reviewer in reviewers:
                combo.addItem(reviewer.signature, reviewer.id)
            found = combo.findData(remembered) if remembered is not None else -1
            combo.setCurrentIndex(max(found, 0))
        finally:
            combo.blockSignals(False)
        self._update_mine()

    def _remembered(self) -> int | None:
        if self._settings is None:
            return None
        value = self._settings.value(WORKING_AS)
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def _update_mine(self) -> None:
        chosen = self.working_as() is not None
        mine = self.ui.mineCheck
        mine.setEnabled(chosen)
        if not chosen and mine.isChecked():
            mine.blockSignals(True)
            mine.setChecked(False)
            mine.blockSignals(False)
        mine.setToolTip(
            "Only the cases assigned to the reviewer you are working as" if chosen
            else "Choose who you are working as first (Working as, on the right)")

    def _on_working_as_changed(self, _index: int) -> None:
        if self._settings is not None:
            chosen = self.working_as()
            if chosen is None:
                self._settings.remove(WORKING_AS)
            else:
                self._settings.setValue(WORKING_AS, chosen)
        was_mine = self.ui.mineCheck.isChecked()
        self._update_mine()
        if was_mine or self.ui.mineCheck.isChecked():
            emit(self.changed)

    def _on_filter_changed(self, *_args: object) -> None:
        emit(self.changed)

    def _on_search_text_edited(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        emit(self.changed)

    def flush_search(self) -> None:
        """Search now for what is typed (Enter in the box), without waiting for the pause."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            emit(self.changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.searchEdit and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                if self.ui.searchEdit.text():
                    self.ui.searchEdit.clear()
                    self._search_timer.stop()
                    emit(self.changed)
                else:
                    emit(self.escape_from_search)
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.flush_search()
                emit(self.down_from_search)
                return True
        return super().eventFilter(watched, event)
