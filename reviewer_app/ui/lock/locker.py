"""Covering every window while the session is locked or nobody is signed in.

Each top-level window (the main window, the intake wizard, an open dialog, a message box) keeps
running and keeps its state: its direct children are hidden (so no widget of the member stays
visible, readable by a screen reader, or reachable by the keyboard) and a
:class:`~reviewer_app.ui.lock.cover.LockCover` is laid over it; its title becomes "Locked". A
dialog is never closed or hidden itself: hiding a dialog ends its ``exec()``, which would lose
what the reviewer had typed.

While locked, an application-wide event filter covers any window shown meanwhile (a message box
from an operation that finished, the wizard opened by one), keeps titles that code sets from
showing, and swallows keyboard shortcuts, drops and tooltips everywhere but in the covers and in
windows that never hold patient data (:func:`exempt`: the sign-in dialog, the first run).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from reviewer_app.ui.lock.cover import LockCover
from reviewer_app.ui.signals import emit

LOCKED_TITLE = "Locked — UR Reviewer"
EXEMPT = "urLockExempt"
"""A window property: the window holds no patient data and must work while locked."""
COVERED_TYPES = frozenset({Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet,
                           Qt.WindowType.Tool, Qt.WindowType.Drawer})
BLOCKED = frozenset({QEvent.Type.Shortcut, QEvent.Type.DragEnter, QEvent.Type.DragMove,
                     QEvent.Type.Drop, QEvent.Type.ToolTip, QEvent.Type.WhatsThis,
                     QEvent.Type.StatusTip})


def exempt(window: QWidget) -> None:
    """``window`` is never covered and takes input while locked (it shows no patient data)."""
    window.setProperty(EXEMPT, True)


def is_exempt(window: QWidget) -> bool:
    return bool(window.property(EXEMPT))


@dataclass
class _Covered:
    window: QWidget
    cover: LockCover
    title: str
    focus: QWidget | None
    hidden: list[QWidget] = field(default_factory=list)
    size: QSize | None = None
    """The window's size before it grew to fit the cover."""


class Locker(QObject):
    covered = Signal(object)
    """A new :class:`LockCover` lies over a window (the session gate sets it up)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._locked = False
        self._covered: dict[QWidget, _Covered] = {}
        self._retitling = False

    @property
    def locked(self) -> bool:
        return self._locked

    def covers(self) -> list[LockCover]:
        return [c.cover for c in self._covered.values() if shiboken6.isValid(c.cover)]

    def covered_windows(self) -> list[QWidget]:
        return [w for w in self._covered if shiboken6.isValid(w)]

    def lock(self) -> None:
        """Cover every window now (and any shown until :meth:`unlock`)."""
        if self._locked:
            return
        self._locked = True
        QToolTip.hideText()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        for window in QApplication.topLevelWidgets():
            if self._coverable(window):
                self._cover(window)
        QApplication.instance().installEventFilter(self)  # after: hiding sends many events

    def unlock(self) -> None:
        """Every window as it was, with the focus where it was."""
        if not self._locked:
            return
        self._locked = False
        QApplication.instance().removeEventFilter(self)
        covered, self._covered = list(self._covered.values()), {}
        for entry in covered:
            self._uncover(entry)
        active = QApplication.activeWindow()
        for entry in covered:
            if entry.window is active or (active is None and entry.focus is not None):
                self._restore_focus(entry)

    def _coverable(self, window: QWidget) -> bool:
        return (window.isWindow() and window.isVisible() and window not in self._covered
                and not isinstance(window, LockCover) and not is_exempt(window)
                and window.windowType() in COVERED_TYPES)

    def _cover(self, window: QWidget) -> None:
        children = [child for child in window.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if not child.isWindow() and child.isVisibleTo(window)]
        entry = _Covered(window, LockCover(window), window.windowTitle(), window.focusWidget())
        self._covered[window] = entry
        for child in children:
            child.hide()
        entry.hidden = children
        cover = entry.cover
        wanted = cover.minimumSizeHint()
        if window.width() < wanted.width() or window.height() < wanted.height():
            entry.size = window.size()
            window.resize(max(window.width(), wanted.width()),
                          max(window.height(), wanted.height()))
        cover.setGeometry(window.rect())
        cover.show()
        cover.raise_()
        self._set_title(window, LOCKED_TITLE)
        emit(self.covered, cover)
        if window.isActiveWindow() or QApplication.activeWindow() is None:
            cover.focus_field()

    def _uncover(self, entry: _Covered) -> None:
        if not shiboken6.isValid(entry.window):
            return
        if shiboken6.isValid(entry.cover):
            entry.cover.hide()
            entry.cover.deleteLater()
        for child in entry.hidden:
            if shiboken6.isValid(child):
                child.show()
        if entry.size is not None:
            entry.window.resize(entry.size)
        self._set_title(entry.window, entry.title)

    @staticmethod
    def _restore_focus(entry: _Covered) -> None:
        focus = entry.focus
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_title(self, window: QWidget, title: str) -> None:
        self._retitling = True
        try:
            window.setWindowTitle(title)
        finally:
            self._retitling = False

    def _allowed(self, target: QObject) -> bool:
        """Input may reach ``target``: it is in a cover or in an exempt window."""
        current: QObject | None = target
        while current is not None:
            if isinstance(current, LockCover):
                return True
            if isinstance(current, QWidget) and current.isWindow():
                return is_exempt(current)
            current = current.parent()
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in BLOCKED:
            return not self._allowed(watched)
        if kind == QEvent.Type.Show and isinstance(watched, QWidget):
            self._on_shown(watched)
        elif kind == QEvent.Type.WindowTitleChange and watched in self._covered \
                and not self._retitling:
            self._covered[watched].title = watched.windowTitle()
            self._set_title(watched, LOCKED_TITLE)
        elif kind == QEvent.Type.Resize and watched in self._covered:
            self._covered[watched].cover.setGeometry(watched.rect())
        return False

    def _on_shown(self, widget: QWidget) -> None:
        if widget.isWindow():
            if self._coverable(widget):
                self._cover(widget)
            return
        parent = widget.parentWidget()
        entry = self._covered.get(parent) if parent is not None else None
        if entry is not None and widget is not entry.cover and widget not in entry.hidden:
            widget.hide()
            entry.hidden.append(widget)
