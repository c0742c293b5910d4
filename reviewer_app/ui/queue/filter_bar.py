"""The queue's filter bar: search as you type, status, urgency, line of business, overdue,
due today, and assigned to me ("me" is the signed-in reviewer, :meth:`QueueFilterBar.set_me`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from reviewer_app.ui.forms.ui_queue_filter_bar import Ui_QueueFilterBar
from reviewer_app.ui.signals import emit

SEARCH_DELAY_MS = 150
"""Search waits this long after the last keystroke, so typing a name reads the store once."""
SEARCH_MIN = 2
STATUS_VALUES = ("open", "all", "draft", "in_review", "pended", "referred", "approved",
                 "partially_approved", "denied", "letter_issued")
"""The status combo's entries, in order (the form holds their words)."""
URGENCY_VALUES = (None, "expedited", "standard")
LINE_VALUES = (None, "commercial", "medicare_advantage", "medicaid")


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
        self._me: int | None = None
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
        self.ui.resetButton.clicked.connect(self.reset)
        self.set_me(None, None)

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

    def me(self) -> int | None:
        """The signed-in reviewer, whom "Assigned to me" means."""
        return self._me

    def assigned_to(self) -> int | None:
        return self._me if self.ui.mineCheck.isChecked() else None

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

    def set_me(self, reviewer_id: int | None, signature: str | None) -> None:
        """Who "Assigned to me" means: the reviewer signed in (None: nobody, and the filter is
        off and cannot be turned on). A change of reviewer while it is on reads again."""
        was = self.assigned_to()
        self._me = reviewer_id
        mine = self.ui.mineCheck
        mine.setEnabled(reviewer_id is not None)
        if reviewer_id is None and mine.isChecked():
            mine.blockSignals(True)
            mine.setChecked(False)
            mine.blockSignals(False)
        mine.setToolTip(f"Only the cases assigned to you ({signature})" if signature
                        else "Only the cases assigned to you, once you have signed in")
        if self.assigned_to() != was:
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
