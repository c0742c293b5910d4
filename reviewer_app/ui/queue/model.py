"""The queue as a table model over the store, read a keyset page at a time.

Rows come from :func:`reviewer_app.core.store.queue.queue_page` through store operations on the
database thread, never on the GUI thread: the first page when the query changes, the next one
when the list is scrolled near its end (``canFetchMore``/``fetchMore``, and a screen ahead of that
from the page). Only
the pages scrolled to are held, so 100,000 cases cost what the first 200 do until someone
scrolls through them. All page reads share one key, so the latest request wins: a query typed
while a page was still loading drops that page.

"Time left" is worked out from the due times already loaded, against the clock the page is
given (:meth:`QueueModel.set_now`, every 30 s): ticking never reads the database.
"""

from __future__ import annotations

import functools
import gc
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from reviewer_app.core.lifecycle import OPEN
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.case_words import LINE_OF_BUSINESS, STATUS, URGENCY
from reviewer_app.ui.widgets.time_left import Urgency, format_due, short_time_left, time_left
from reviewer_app.ui.widgets.tones import SECONDARY, TEXT, TINT, Tone, blend, chip_icon

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.queue import CaseQuery, Cursor, QueuePage, QueueRow
    from reviewer_app.ui.context import AppContext

PAGE_ROWS = 200
"""Rows a page reads: about five screens, ~2 ms at 100,000 cases."""
REFRESH_ROWS = 1000
"""A refresh (a case changed) reads again at most this many rows from the top; rows scrolled
past them are read again as the view scrolls."""
PAGE_KEY = "queue-page"
FREEZE_FROM = 5000
"""From this many rows on, the objects alive after a page arrives are left out of the
collector's full passes (``gc.freeze()``): each full pass visits every object, and with
100,000 rows scrolled through it took 50-100 ms, a visible stutter. Frozen objects are still
freed when their last reference goes; only a reference cycle among them would stay."""
TEXTS_KEPT = 2000
CASE_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The case id of a row, on every cell."""

TIME_LEFT_TONES = {
    Urgency.ON_TIME: None,
    Urgency.DUE_SOON: Tone.PEND,
    Urgency.OVERDUE: Tone.BAD,
}
"""Overdue red, under 24 hours amber, else the table's own colours. The text says it too."""
CATEGORY = {
    "corpectomy": "Corpectomy",
    "tumor_excision": "Tumor excision",
    "fusion": "Fusion",
    "decompression": "Decompression",
    "vertebral_augmentation": "Vertebral augmentation",
    "mri": "MRI",
    "instrumentation": "Instrumentation",
    "interbody_device": "Interbody device",
}
STATUS_TITLES = {key: words[0].upper() + words[1:] for key, words in STATUS.items()} | {
    "referred": "Referred",
}
"""Short enough for the column; the tooltip gives the whole status."""


@dataclass(frozen=True)
class Column:
    title: str
    sort: str | None
    """The store's sort order for this column, None when it cannot be sorted by."""
    why_not: str = ""
    """Why not, for the header's tooltip."""


COLUMNS = (
    Column("Case", "case"),
    Column("Member", "member"),
    Column("Request", None, "Not sortable: find a request number with the search box."),
    Column("Procedure", None, "Not sortable: search a procedure code (such as 72148) to see "
           "its cases together."),
    Column("Urgency", None, "Not sortable: choose an urgency in the filter bar instead."),
    Column("Line of business", None,
           "Not sortable: choose a line of business in the filter bar instead."),
    Column("Status", "status"),
    Column("Due", "due"),
    Column("Time left", "due"),
    Column("Assigned to", None,
           "Not sortable: reviewers' names are kept apart from the cases. Use "
           "\u201cAssigned to me\u201d to see your own."),
)
(CASE, MEMBER, REQUEST, PROCEDURE, URGENCY_COLUMN, LINE, STATUS_COLUMN, DUE, TIME_LEFT,
 ASSIGNED) = range(len(COLUMNS))
SEARCH_SORTABLE = frozenset({CASE})
SEARCH_WHY_NOT = ("Not sortable while searching: results come newest case first, and can be "
                  "turned around by clicking Case.")
_ROOT = QModelIndex()
_Role = Qt.ItemDataRole
DISPLAY, ACCESSIBLE, TOOLTIP = int(_Role.DisplayRole), int(_Role.AccessibleTextRole), int(
    _Role.ToolTipRole)
FONT, FOREGROUND, BACKGROUND = int(_Role.FontRole), int(_Role.ForegroundRole), int(
    _Role.BackgroundRole)
DECORATION, ALIGNMENT = int(_Role.DecorationRole), int(_Role.TextAlignmentRole)
"""Roles as plain ints: ``data()`` runs for every role of every visible cell at each paint, and
comparing PySide's enum members costs several times more."""
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def procedure_text(row: QueueRow) -> str:
    """``63090 · Corpectomy · Removal of part or all of ...``; the category is left out when
    the description already starts with it (``72148 · MRI of the lumbar spine ...``)."""
    if row.procedure_category is None or row.procedure_name is None:
        return f"{row.primary_procedure} · no description on file"
    category = CATEGORY[row.procedure_category]
    name = row.procedure_name
    if category.lower() in name[: len(category) + 12].lower():
        return f"{row.primary_procedure} · {name}"
    return f"{row.primary_procedure} · {category} · {name}"


def member_text(row: QueueRow) -> str:
    return row.member_name


def due_text(due: datetime, now: datetime) -> str:
    """``Sat 5 Dec 09:15`` in the workstation's zone (with the year when it is not this one)."""
    local = due.astimezone()
    day = _day_text(local.date(), local.year != now.astimezone().year)
    return f"{day} {local.hour:02d}:{local.minute:02d}"


@functools.lru_cache(maxsize=1024)
def _day_text(day: date, with_year: bool) -> str:
    """``Sat 5 Dec``, once per day: the queue's due times fall on a few dozen days, and
    ``strftime`` costs more than the rest of a row's texts (each call imports ``time``, through
    PySide's import hook)."""
    year = f" {day.year}" if with_year else ""
    return f"{day:%a} {day.day} {day:%b}{year}"


class QueueModel(QAbstractTableModel):
    page_loaded = Signal(bool)
    """A page arrived (True for a first page: the rows were replaced)."""
    load_failed = Signal(object)
    """A page could not be read (the error); the rows shown stay."""

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._rows: list[QueueRow] = []
        self._due: dict[int, datetime] = {}
        self._text_cache: dict[int, tuple[str, ...]] = {}
        self._left_cache: dict[int, tuple[str, str, Tone | None]] = {}
        self._muted_for: tuple[int, QColor] | None = None
        self._query: CaseQuery | None = None
        self._after: Cursor | None = None
        self._loading = False
        self._now = context.clock()
        self._icons = {Tone.BAD: chip_icon(Tone.BAD), Tone.PEND: chip_icon(Tone.PEND)}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- what is listed -------------------------------------------------------------------

    def query(self) -> CaseQuery | None:
        return self._query

    def set_query(self, query: CaseQuery) -> None:
        """List ``query`` from its first page (the rows shown stay until it arrives)."""
        self._query = replace(query, limit=PAGE_ROWS)
        self._request(self._query, None, first=True)

    def refresh(self) -> None:
        """Read the rows shown again (a case changed), from the top."""
        if self._query is None:
            return
        size = min(max(len(self._rows), PAGE_ROWS), REFRESH_ROWS)
        self._request(replace(self._query, limit=size), None, first=True)

    def is_loading(self) -> bool:
        return self._loading

    def has_more(self) -> bool:
        return self._after is not None

    def _request(self, query: CaseQuery, after: Cursor | None, *, first: bool) -> None:
        self._loading = True
        (
            self._context.store.op(self, lambda store: _read_page(store, query, after),
                                   key=PAGE_KEY, what="show the queue")
            .success(lambda page: self._on_page_loaded(page, first))
            .failure(self._on_page_failed)
            .run()
        )

    def _on_page_loaded(self, page: QueuePage, first: bool) -> None:
        self._loading = False
        if first:
            self.beginResetModel()
            self._rows = list(page.rows)
            self._due = {}
            self._text_cache = {}
            self._left_cache = {}
            self._after = page.after
            self.endResetModel()
        elif page.rows:
            start = len(self._rows)
            self.beginInsertRows(_ROOT, start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._after = page.after
            self.endInsertRows()
            if len(self._rows) >= FREEZE_FROM:
                gc.freeze()
        else:
            self._after = page.after
        emit(self.page_loaded, first)

    def _on_page_failed(self, error: Exception) -> None:
        self._loading = False
        emit(self.load_failed, error)

    def can_fetch(self) -> bool:
        return self._after is not None and not self._loading and self._query is not None

    def fetch_next(self) -> None:
        """Read the next page (the page asks as its list scrolls near the end)."""
        if self.can_fetch():
            self._request(self._query, self._after, first=False)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self.can_fetch()

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if not parent.isValid():
            self.fetch_next()

    # -- the clock ------------------------------------------------------------------------

    def set_now(self, now: datetime) -> None:
        """Work "time left" out again for the rows loaded (no database read)."""
        self._now = now
        self._left_cache = {}
        if self._rows:
            emit(self.dataChanged, self.index(0, DUE), self.index(len(self._rows) - 1, TIME_LEFT))

    # -- rows -----------------------------------------------------------------------------

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, case_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == case_id:
                return number
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def sortable(self, column: int) -> bool:
        searching = self._query is not None and self._query.search is not None
        if searching:
            return column in SEARCH_SORTABLE
        return COLUMNS[column].sort is not None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.sortable(section):
                return f"Click to sort by {column.title.lower()}; click again to reverse."
            if column.sort is not None:
                return SEARCH_WHY_NOT
            return column.why_not
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = DISPLAY) -> Any:
        """Read at every paint, several roles a cell: from texts made once per row (and once per
        clock tick for the time left), compared as plain ints."""
        number = index.row()
        column = index.column()
        if role in (DISPLAY, ACCESSIBLE):
            if column == TIME_LEFT:
                return self._left(number)[0 if role == DISPLAY else 1]
            return self._texts(number)[column]
        if role == CASE_ID_ROLE:
            return self._rows[number].id
        if column == TIME_LEFT:
            tone = self._left(number)[2]
            if tone is None:
                return None
            if role == BACKGROUND:
                return TINT[tone]
            if role == FOREGROUND:
                return TEXT[tone]
            if role == DECORATION:
                return self._icons[tone]
            if role == FONT:
                return self._bold if tone is Tone.BAD else None
            if role == TOOLTIP:
                return self._left(number)[1]
            return None
        if role == FONT:
            return self._bold if column == URGENCY_COLUMN and \
                self._rows[number].urgency == "expedited" else None
        if role == FOREGROUND:
            return self._muted() if column == ASSIGNED and \
                self._rows[number].reviewer_name is None else None
        if role == ALIGNMENT:
            return _RIGHT if column == CASE else None
        if role == TOOLTIP:
            return self._tooltip(self._rows[number], self._due_at(number), column)
        return None

    def _muted(self) -> QColor:
        """Secondary text ("Unassigned"): the palette's text a third of the way to its base, so
        it reads in a light and in a dark palette alike."""
        palette = QGuiApplication.palette()
        if self._muted_for is None or self._muted_for[0] != palette.cacheKey():
            mixed = blend(palette.color(QPalette.ColorRole.Text),
                          palette.color(QPalette.ColorRole.Base), SECONDARY)
            self._muted_for = (palette.cacheKey(), mixed)
        return self._muted_for[1]

    def _texts(self, number: int) -> tuple[str, ...]:
        """The row's cell texts, made when it is first painted and kept for the rows painted
        lately (a scroll through 100,000 cases does not keep 100,000 sets of texts)."""
        texts = self._text_cache.get(number)
        if texts is None:
            if len(self._text_cache) > TEXTS_KEPT:
                self._text_cache.clear()
            row = self._rows[number]
            texts = self._text_cache[number] = (
                str(row.id),
                member_text(row),
                row.external_id or "—",
                procedure_text(row),
                URGENCY.get(row.urgency, row.urgency),
                LINE_OF_BUSINESS.get(row.line_of_business, row.line_of_business),
                STATUS_TITLES.get(row.status, row.status),
                due_text(self._due_at(number), self._now),
                "",
                row.reviewer_name or "Unassigned",
            )
        return texts

    def _due_at(self, number: int) -> datetime:
        """The row's due time, parsed when first needed (stored UTC text, "...Z")."""
        due = self._due.get(number)
        if due is None:
            if len(self._due) > TEXTS_KEPT:
                self._due.clear()
            due = self._due[number] = datetime.fromisoformat(self._rows[number].due_at)
        return due

    def _left(self, number: int) -> tuple[str, str, Tone | None]:
        """(column text, spoken text, tone) of the time left, at the current tick."""
        left = self._left_cache.get(number)
        if left is None:
            if self._rows[number].status not in OPEN:
                left = ("Decided", "Decided", None)
            else:
                due = self._due_at(number)
                words = time_left(due, self._now)
                left = (short_time_left(due, self._now), words.text,
                        TIME_LEFT_TONES[words.urgency])
            self._left_cache[number] = left
        return left

    def _tooltip(self, row: QueueRow, due: datetime, column: int) -> str | None:
        if column == MEMBER:
            return f"{row.member_name} · member ID {row.member_id}"
        if column == PROCEDURE:
            return procedure_text(row)
        if column == CASE:
            return f"Case {row.id}: press Enter or double-click to open it"
        if column == STATUS_COLUMN:
            return STATUS.get(row.status, row.status).capitalize()
        if column == DUE:
            return f"Due {format_due(due.astimezone())} (this workstation's time zone)"
        return None


def _read_page(store: Store, query: CaseQuery, after: Cursor | None) -> QueuePage:
    """On the database thread, which also imports the store's modules (sqlite-utils)."""
    from reviewer_app.core.store import queue

    return queue.queue_page(store, query, after=after)
