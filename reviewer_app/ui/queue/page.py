"""The queue page: the filter bar over the table of cases, its sort, and the queue's counts.

Everything it shows comes from store operations (:mod:`reviewer_app.ui.operations`); it
refreshes when the change broadcast says a case changed (a burst of changes, such as an import,
is read once), and "time left" ticks every 30 s from the rows already loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QMenu, QStyle, QWidget

from reviewer_app.ui.forms.ui_queue_page import Ui_QueuePage
from reviewer_app.ui.operations.failures import describe_failure
from reviewer_app.ui.queue.model import (
    CASE,
    CASE_ID_ROLE,
    COLUMNS,
    DUE,
    PROCEDURE,
    REQUEST,
    TIME_LEFT,
    URGENCY_COLUMN,
    QueueModel,
)
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.problems_message import ProblemsMessage

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.queue import CaseQuery, QueueCounts
    from reviewer_app.ui.context import AppContext
    from reviewer_app.ui.widgets.shortcuts import ShortcutRegistry

FEATURE = "Queue"
CLOCK_INTERVAL_MS = 30_000
REFRESH_DELAY_MS = 250
"""A burst of announced changes (an import of 500 files) is read once, this long after the
last one."""
PROGRESS_AFTER_MS = 500
"""A page still loading after this long says so."""
HEADER_STATE = "queue/header-1"
"""The columns' widths, order and sort (its number changes when the columns do)."""
COLUMN_CHARS = (0, 22, 17, 0, 0, 19, 12, 0, 0, 19)
"""Default widths in average characters of the columns of free text; the procedure column
takes what is left, and the ones of known content (0 here) are measured (``_measured``)."""
LEAST_CHARS = (0, 13, 12, 0, 0, 11, 9, 0, 0, 12)
"""How narrow the columns of free text may become in a narrow window: enough for a member's
name, "Medicare A…", "In review" and a reviewer's name."""
MEASURED = {CASE: ("000000", False), URGENCY_COLUMN: ("Expedited", True),
            DUE: ("Wed 30 Sep 23:59", False), TIME_LEFT: ("Overdue 9 h 59 min", True)}
"""The widest text of the columns that keep their width (bold where the cells are)."""
PROCEDURE_CHARS = 16
"""What the procedure column keeps at least when the columns are fitted to a narrow window."""
HIDDEN_COLUMNS = (REQUEST,)
"""Hidden until the reviewer shows them (right-click a column title): at 1280 pixels the
procedure needs the room more than the request number, which the search box finds."""
COUNTS_KEY = "queue-counts"
ROW_HEIGHT = 1.7
"""Row height against the font's line height: room to read, and to aim a double-click."""


def counts_text(counts: QueueCounts) -> str:
    return (f"Open {counts.open:,} · Due today {counts.due_today:,} · "
            f"Overdue {counts.overdue:,}")


class QueuePage(QWidget):
    case_activated = Signal(int)
    """Enter or a double-click on a case (its id)."""
    counts_changed = Signal(object)
    """The queue's counts were read (a ``QueueCounts``)."""
    has_cases_changed = Signal(bool)
    """Whether the store holds any case at all (False: show the first-run page)."""
    rows_shown = Signal()
    """A page of rows was read and is shown (for tests and benchmarks)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._has_cases: bool | None = None
        self._sort_column = DUE
        self._descending = False
        self._search_ascending = False
        self._last_problem: str | None = None
        self._restore_selection: int | None = None
        self._restore_scroll: int | None = None
        self._layout_chosen = False
        self._fitting = False
        self.ui = Ui_QueuePage()
        self.ui.setupUi(self)
        self.model = QueueModel(context, self)
        self.ui.table.setModel(self.model)
        self.counts_label = QLabel("", self)
        self.counts_label.setAccessibleName("Queue counts")
        self.counts_label.setToolTip("Open cases (not decided yet), those due between now and "
                                     "midnight, and those past their deadline")
        self._setup_table()
        self._actions = self._create_actions()
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._clock = QTimer(self, interval=CLOCK_INTERVAL_MS)
        self._progress = QTimer(self, singleShot=True, interval=PROGRESS_AFTER_MS)
        self._header_timer = QTimer(self, singleShot=True, interval=500)
        bar = self.ui.filterBar
        bar.changed.connect(self._on_filters_changed)
        bar.down_from_search.connect(self._on_down_from_search)
        bar.escape_from_search.connect(self._on_escape_from_search)
        self.ui.table.activated.connect(self._on_table_activated)
        scroll = self.ui.table.verticalScrollBar()
        scroll.valueChanged.connect(self._on_scrolled)
        scroll.rangeChanged.connect(self._on_scrolled)
        header = self.ui.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        header.sectionResized.connect(self._on_header_changed)
        header.sectionMoved.connect(self._on_header_changed)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.load_failed.connect(self._on_page_failed)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._progress.timeout.connect(self._on_progress_timeout)
        self._header_timer.timeout.connect(self._on_header_timer_timeout)
        context.changes.case_changed.connect(self._on_case_changed)
        context.session.changed.connect(self._on_session_changed)
        self._on_session_changed()

    # -- set-up ---------------------------------------------------------------------------

    def _setup_table(self) -> None:
        """A table view, not a tree: QTableView keeps 100,000 rows of one height in constant
        time, where QTreeView lays every row out again whenever rows arrive (0.26 s each time
        at 100,000, measured)."""
        table = self.ui.table
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(self.fontMetrics().height() * ROW_HEIGHT))
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 5)
        header.setSectionResizeMode(PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        header.setSortIndicator(DUE, Qt.SortOrder.AscendingOrder)
        for column in HIDDEN_COLUMNS:
            header.hideSection(column)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        self._restore_header()

    def _fit_columns(self) -> None:
        """The default widths, the columns of free text made narrower in proportion (down to
        :data:`LEAST_CHARS`; then the list scrolls sideways) when the list is too narrow for
        them: at 200% on a 1920-pixel screen the window is 960 wide. The case number, urgency,
        due time and time left keep the width of their widest text. Only until the reviewer
        sizes a column or a saved layout applies."""
        if self._layout_chosen:
            return
        header = self.ui.table.horizontalHeader()
        width = self.fontMetrics().averageCharWidth()
        fixed = {column: size for column, size in self._measured().items()
                 if not header.isSectionHidden(column)}
        wanted = {column: chars * width + 16 for column, chars in enumerate(COLUMN_CHARS)
                  if chars and not header.isSectionHidden(column)}
        procedure = PROCEDURE_CHARS * width + 16
        room = self.width() - self.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent) - 8 - procedure
        flexible = sum(wanted.values())
        scale = min(1.0, max(room - sum(fixed.values()), 0) / flexible) if flexible else 1.0
        wanted = {column: max(round(size * scale), LEAST_CHARS[column] * width + 16)
                  for column, size in wanted.items()} | fixed
        squeezed = sum(wanted.values()) > room  # then scroll sideways rather than crush it
        header.setSectionResizeMode(PROCEDURE, QHeaderView.ResizeMode.Interactive if squeezed
                                    else QHeaderView.ResizeMode.Stretch)
        if squeezed:
            wanted[PROCEDURE] = procedure
        self._fitting = True
        try:
            for column, size in wanted.items():
                header.resizeSection(column, size)
        finally:
            self._fitting = False

    def _measured(self) -> dict[int, int]:
        """Widths that fit the widest text of the columns of known content, in this font (so
        at 200% too), with the time left's icon."""
        plain = self.ui.table.fontMetrics()
        bold_font = QFont(self.ui.table.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        sizes = {column: (bold if is_bold else plain).horizontalAdvance(text) + 14
                 for column, (text, is_bold) in MEASURED.items()}
        sizes[TIME_LEFT] += plain.height() + 4  # the icon
        return sizes

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _restore_header(self) -> None:
        header = self.ui.table.horizontalHeader()
        saved = self._context.settings.value(HEADER_STATE)
        if isinstance(saved, QByteArray | bytes) and header.restoreState(QByteArray(saved)):
            self._layout_chosen = True
            section = header.sortIndicatorSection()
            if 0 <= section < len(COLUMNS) and COLUMNS[section].sort is not None:
                self._sort_column = section
                self._descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            header.setSortIndicator(self._sort_column, self._order())
            header.setSectionResizeMode(PROCEDURE, QHeaderView.ResizeMode.Stretch)

    def _create_actions(self) -> list[QAction]:
        def action(text: str, keys: QKeySequence | str, slot, tip: str) -> QAction:
            made = QAction(text, self)
            made.setShortcut(QKeySequence(keys))
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.setToolTip(tip)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        return [
            action("Find cases", QKeySequence.StandardKey.Find, self.focus_search,
                   "Put the cursor in the search box"),
            action("Refresh the queue", QKeySequence.StandardKey.Refresh, self.refresh,
                   "Read the queue and its counts again"),
            action("Reset filters", "Ctrl+Shift+R", self._on_reset_triggered,
                   "All open cases, soonest due first"),
            action("Go to the queue", "Ctrl+L", self._on_focus_table_triggered,
                   "Move the keyboard focus to the list of cases"),
        ]

    def register_shortcuts(self, registry: ShortcutRegistry) -> None:
        registry.add_actions(FEATURE, self._actions)
        registry.add_keys(FEATURE, ("Return", "Enter"), "Open the selected case (or "
                          "double-click it)")
        registry.add_keys(FEATURE, ("Up", "Down", "PgUp", "PgDown", "Home", "End"),
                          "Move through the cases")
        registry.add_keys(FEATURE, "Esc", "In the search box: clear the search")
        registry.add_keys(FEATURE, "Down", "In the search box: go to the results")
        registry.add_keys(FEATURE, ("Alt+S", "Alt+U", "Alt+L"),
                          "Status, urgency or line of business filter")
        registry.add_keys(FEATURE, ("Alt+O", "Alt+T", "Alt+M"),
                          "Overdue, Due today or Assigned to me on or off")

    # -- what the page does ---------------------------------------------------------------

    def start(self) -> None:
        """Read the counts and the first page (when the window first shows)."""
        self._load_counts()
        self._load()
        self._clock.start()

    def refresh(self) -> None:
        self._load_counts()
        self._remember_position()
        self.model.refresh()
        self._progress.start()

    def focus_search(self) -> None:
        self.ui.filterBar.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.filterBar.ui.searchEdit.selectAll()

    def current_query(self) -> CaseQuery:
        from reviewer_app.core.store.queue import CaseQuery

        bar = self.ui.filterBar
        search = bar.search_text()
        if search is not None:
            sort, descending = None, self._search_ascending
        else:
            sort, descending = COLUMNS[self._sort_column].sort, self._descending
            if sort == "due" and self.referred_first():
                sort = "referred"
        return CaseQuery(status=bar.status(), assigned_to=bar.assigned_to(),
                         overdue=bar.overdue(), due_today=bar.due_today(),
                         urgency=bar.urgency(), line_of_business=bar.line_of_business(),
                         search=search, sort=sort, descending=descending)

    def referred_first(self) -> bool:
        """A physician signed in sees the cases referred to a physician first, each part
        soonest due first (the store's ``referred`` order)."""
        return getattr(self._context.signer, "role", None) == "physician"

    def has_cases(self) -> bool | None:
        """Whether the store holds any case (None until the counts were first read)."""
        return self._has_cases

    def current_case(self) -> int | None:
        index = self.ui.table.currentIndex()
        return index.data(CASE_ID_ROLE) if index.isValid() else None

    def _order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def _load(self) -> None:
        self._restore_selection = self.current_case()
        self._restore_scroll = None
        self._show_indicator()
        self.model.set_query(self.current_query())
        self._progress.start()

    def _show_indicator(self) -> None:
        header = self.ui.table.horizontalHeader()
        header.blockSignals(True)
        if self.ui.filterBar.search_text() is not None:
            order = (Qt.SortOrder.AscendingOrder if self._search_ascending
                     else Qt.SortOrder.DescendingOrder)
            header.setSortIndicator(CASE, order)
        else:
            header.setSortIndicator(self._sort_column, self._order())
        header.blockSignals(False)
        header.viewport().update()

    def _remember_position(self) -> None:
        self._restore_selection = self.current_case()
        self._restore_scroll = self.ui.table.verticalScrollBar().value()

    def _load_counts(self) -> None:
        (self._context.store.op(self, _read_counts, key=COUNTS_KEY, what="count the queue")
         .success(self._on_counts_loaded).failure(self._on_counts_failed).run())

    # -- results --------------------------------------------------------------------------

    def _on_page_loaded(self, first: bool) -> None:
        self._progress.stop()
        self._last_problem = None
        table = self.ui.table
        if first:
            row = (self.model.row_of(self._restore_selection)
                   if self._restore_selection is not None else None)
            if row is None and self.model.rowCount() and table.hasFocus():
                row = 0
            if row is not None:
                table.setCurrentIndex(self.model.index(row, 0))
            if self._restore_scroll is not None:
                table.verticalScrollBar().setValue(self._restore_scroll)
            elif row is None:
                table.scrollToTop()
            self._restore_selection = self._restore_scroll = None
        self._show_results()
        self._on_scrolled()
        emit(self.rows_shown)

    def _show_results(self) -> None:
        pages = self.ui.resultPages
        if self.model.rowCount():
            pages.setCurrentWidget(self.ui.tablePage)
            return
        if self.ui.filterBar.is_default():
            text = ("<p><b>No open cases.</b></p><p>Every case in this database has been "
                    "decided. Choose <b>All statuses</b> under Status to see them.</p>")
        else:
            text = ("<p><b>No case matches.</b></p><p>Change the search or the filters, or "
                    "press <b>Ctrl+Shift+R</b> to see all open cases again.</p>")
        self.ui.messageLabel.setText(text)
        pages.setCurrentWidget(self.ui.messagePage)

    def _on_page_failed(self, error: Exception) -> None:
        self._progress.stop()
        failure = describe_failure(error)
        self.ui.messageLabel.setText(
            f"<p><b>The queue could not be read.</b></p><p>{failure.summary}</p>")
        self.ui.resultPages.setCurrentWidget(self.ui.messagePage)
        problem = " ".join(failure.lines)
        if problem != self._last_problem:
            self._last_problem = problem
            ProblemsMessage.show_problems(self, "Could not show the queue",
                                          f"Could not show the queue. {failure.summary}",
                                          failure.lines)
        if not failure.expected:
            raise error

    def _on_counts_loaded(self, counts: QueueCounts) -> None:
        first = " · Referred cases first" if self.referred_first() else ""
        self.counts_label.setText(counts_text(counts) + first)
        emit(self.counts_changed, counts)
        if counts.any_case != self._has_cases:
            self._has_cases = counts.any_case
            emit(self.has_cases_changed, counts.any_case)

    def _on_counts_failed(self, _error: Exception) -> None:
        self.counts_label.setText("Counts unavailable")

    # -- slots ----------------------------------------------------------------------------

    def _on_filters_changed(self) -> None:
        if self.ui.filterBar.search_too_short():
            self._status_message("Type at least 2 characters to search.")
        self._load()

    def _status_message(self, text: str, milliseconds: int = 4000) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, milliseconds)

    def _on_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        searching = self.ui.filterBar.search_text() is not None
        if not self.model.sortable(section):
            self._show_indicator()
            tip = self.model.headerData(section, Qt.Orientation.Horizontal,
                                        Qt.ItemDataRole.ToolTipRole)
            self._status_message(f"{COLUMNS[section].title}: {tip}", 8000)
            return
        if searching:
            self._search_ascending = order == Qt.SortOrder.AscendingOrder
        else:
            self._sort_column = section
            self._descending = order == Qt.SortOrder.DescendingOrder
        self._load()

    def _on_header_menu_requested(self, position: QPoint) -> None:
        """Right-click on the column titles: show or hide columns."""
        header = self.ui.table.horizontalHeader()
        menu = QMenu(self)
        menu.setAccessibleName("Columns")
        for column, spec in enumerate(COLUMNS):
            action = menu.addAction(spec.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != CASE)
            action.toggled.connect(
                lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.exec(header.mapToGlobal(position))
        self._header_timer.start()

    def _on_header_changed(self, section: int, *_args: object) -> None:
        if self._fitting or section == PROCEDURE:  # the procedure column fills what is left
            return
        if self.isVisible():
            self._layout_chosen = True  # the reviewer sized or moved a column
        self._header_timer.start()

    def _on_header_timer_timeout(self) -> None:
        header = self.ui.table.horizontalHeader()
        self._context.settings.setValue(HEADER_STATE, header.saveState())

    def save_layout(self) -> None:
        """Keep the column widths, order and sort now (the window is closing)."""
        self._on_header_timer_timeout()

    def _on_scrolled(self, *_args: object) -> None:
        """Read the next page while the last two screens of rows are still ahead (or the rows
        do not fill the list yet), so scrolling rarely waits for the store. Counted in rows:
        right after a first page the scroll bar still has the old range (0 at start-up), which
        asked for a second page while the first was being drawn."""
        table = self.ui.table
        screen = max(table.viewport().height() // table.verticalHeader().defaultSectionSize(), 1)
        if self.model.rowCount() - max(table.rowAt(0), 0) <= 3 * screen:
            self.model.fetch_next()

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            emit(self.case_activated, int(index.data(CASE_ID_ROLE)))

    def _on_down_from_search(self) -> None:
        self._on_focus_table_triggered()

    def _on_escape_from_search(self) -> None:
        self._on_focus_table_triggered()

    def _on_focus_table_triggered(self) -> None:
        table = self.ui.table
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not table.currentIndex().isValid() and self.model.rowCount():
            table.setCurrentIndex(self.model.index(0, 0))

    def _on_reset_triggered(self) -> None:
        self.ui.filterBar.reset()

    def _on_session_changed(self) -> None:
        """"Assigned to me" follows whoever is signed in."""
        reviewer = self._context.session.reviewer
        self.ui.filterBar.set_me(reviewer.id if reviewer else None,
                                 reviewer.signature if reviewer else None)

    def _on_case_changed(self, _case_id: int) -> None:
        if not self._context.store.closed:
            self._refresh_timer.start()

    def _on_refresh_timer_timeout(self) -> None:
        if not self._context.store.closed:
            self.refresh()

    def _on_clock_timeout(self) -> None:
        self.model.set_now(self._context.clock())

    def _on_progress_timeout(self) -> None:
        if self.model.is_loading():
            self._status_message("Reading the queue…", 2000)
            if not self.model.rowCount():
                self.ui.messageLabel.setText("<p>Reading the queue…</p>")
                self.ui.resultPages.setCurrentWidget(self.ui.messagePage)


def _read_counts(store: Store) -> QueueCounts:
    """On the database thread (the store's modules import sqlite-utils: not at start-up)."""
    from reviewer_app.core.store.queue import queue_counts

    return queue_counts(store)
