"""Keyboard shortcuts: each feature registers its own, and Help > Keyboard shortcuts lists them.

A feature registers its :class:`QAction`\\ s (their text and shortcuts are read when the list is
shown, so a changed shortcut shows as it is) and, for keys a widget handles itself (Enter in a
table, Esc in a search box), a description of the key::

    registry.add_actions("Queue", [self._find_action, self._refresh_action])
    registry.add_keys("Queue", "Enter", "Open the selected case")

:meth:`ShortcutRegistry.conflicts` finds one key given to two actions (a test asks it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Shortcut:
    feature: str
    keys: tuple[str, ...]
    """Portable key names ("Ctrl+F"), as QKeySequence.toString() gives them."""
    description: str


def _plain(text: str) -> str:
    """A menu text without its mnemonic ampersands and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


class ShortcutRegistry:
    def __init__(self) -> None:
        self._entries: list[tuple[str, QAction | Shortcut]] = []

    def add_actions(self, feature: str, actions: Iterable[QAction]) -> None:
        self._entries += [(feature, action) for action in actions]

    def add_keys(self, feature: str, keys: str | Iterable[str], description: str) -> None:
        names = (keys,) if isinstance(keys, str) else tuple(keys)
        self._entries.append((feature, Shortcut(feature, names, description)))

    def shortcuts(self) -> list[Shortcut]:
        """Every registered shortcut, in the order registered (actions without a key left
        out)."""
        found = []
        for feature, entry in self._entries:
            if isinstance(entry, Shortcut):
                found.append(entry)
                continue
            keys = tuple(s.toString(QKeySequence.SequenceFormat.PortableText)
                         for s in entry.shortcuts() if not s.isEmpty())
            if keys:
                description = entry.toolTip() if entry.text() == "" else _plain(entry.text())
                found.append(Shortcut(feature, keys, description))
        return found

    def features(self) -> list[str]:
        return list(dict.fromkeys(feature for feature, _ in self._entries))

    def conflicts(self) -> dict[str, list[str]]:
        """Keys that more than one action answers to: key -> the actions. Keys a widget
        handles itself (:meth:`add_keys`) act only where that widget has the focus, so they
        are not counted."""
        by_key: dict[str, list[str]] = {}
        for feature, entry in self._entries:
            if isinstance(entry, QAction):
                for sequence in entry.shortcuts():
                    key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
                    by_key.setdefault(key, []).append(f"{feature}: {_plain(entry.text())}")
        return {key: names for key, names in by_key.items() if len(names) > 1}


def native(key: str) -> str:
    """A portable key name as this platform writes it (Ctrl+F, ⌘F)."""
    sequence = QKeySequence(key, QKeySequence.SequenceFormat.PortableText)
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    return text or key


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: every registered shortcut, grouped by feature."""

    def __init__(self, registry: ShortcutRegistry, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts — UR Reviewer")
        self.setAccessibleName("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        intro = QLabel("Shortcuts work anywhere in the window unless a section says where.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Keys", "Does"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setAccessibleDescription("Each row: the keys, then what they do")
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        shortcuts = registry.shortcuts()
        for feature in registry.features():
            entries = [s for s in shortcuts if s.feature == feature]
            if not entries:
                continue
            heading = QTreeWidgetItem(self.tree, [feature, ""])
            heading.setFirstColumnSpanned(True)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for shortcut in entries:
                keys = ", ".join(native(key) for key in shortcut.keys)
                QTreeWidgetItem(self.tree, [keys, shortcut.description])
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.resizeColumnToContents(1)
        height = self.fontMetrics().height()
        wide = self.tree.sizeHintForColumn(0) + self.tree.sizeHintForColumn(1) + height * 3
        self.resize(max(wide, height * 34), height * 30)

    @classmethod
    def show_for(cls, registry: ShortcutRegistry, parent: QWidget | None = None) -> None:
        cls(registry, parent).exec()
