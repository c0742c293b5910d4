"""The nurse's lists: open cases soonest due first, filtered by status, urgency, line of
business, assigned reviewer and due time, sorted by any column an index keeps in order, read a
page at a time; full-text search over member name and ids, codes and notes; the queue's counts.

Every list is one query that an index answers in the order asked for without sorting (a test
checks the plans with EXPLAIN QUERY PLAN). The open-status list is spelled out as a literal,
because SQLite uses a partial index only when the query's WHERE clause visibly implies the
index's, and the index is named (``INDEXED BY``), so a plan cannot silently degrade into a sort.
Filters that the chosen index does not lead with are checked row by row as the index is walked,
which stops at the end of the page.

Pages are keyset pages (:func:`queue_page`): each page starts after the sort key of the last
row of the page before (its :class:`Cursor`), so page 500 costs what page 1 costs, and a case
that moves while the reviewer scrolls is neither skipped twice nor shown twice by an offset.

Search results come newest case first: FTS5 walks its doclists in rowid order and stops at
the page's end, so a name shared by 10,000 cases costs the same as a unique member id. Ranking
by bm25 (or sorting by due time) would score or sort every match first, 20-100 ms at 100,000
cases, and for names and ids relevance adds little: a reviewer searching a member wants their
latest request. So a search can be sorted by case number only (either way).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer_app.core.lifecycle import OPEN, REFERRED, STATUS_FILTERS, STATUSES
from reviewer_app.core.store.errors import StoreError
from reviewer_app.core.store.records import CaseSummary
from reviewer_app.core.store.rows import utc_text

if TYPE_CHECKING:  # the queries' types import nothing heavy: the window builds them at start-up
    from reviewer_app.core.store.database import Store

PAGE = 50
OPEN_SQL = "(" + ", ".join(f"'{status}'" for status in OPEN) + ")"

SORT_COLUMNS = {
    "due": ("due_at",),
    "case": (),
    "member": ("member_name",),
    "status": ("status", "due_at"),
    "referred": ("referred_rank", "due_at"),
}
"""Each sort order and the columns it orders by; every order ends with the case id, so the
order is total and a page's last row is a cursor. Every index costs every import (each new
case is added to it), so the queue sorts by what a reviewer sorts by and filters the rest:
urgency and line of business have two or three values each, and a procedure's cases come
together by searching its code."""
SEARCH_SORTS = ("case",)
"""A search is read in the full-text index's rowid (case id) order."""

URGENCIES = ("standard", "expedited")
LINES_OF_BUSINESS = ("commercial", "medicare_advantage", "medicaid")

@dataclass(frozen=True)
class SortIndexes:
    """The indexes that read one sort order: over every case, over the open ones (partial on
    the open statuses), within one status (led by it), and within one reviewer's cases (partial
    on ``assigned_reviewer IS NOT NULL``: drafts are nobody's, so it stays small). ``None`` is
    the table itself, which is in case-id order."""

    every: str | None
    open: str | None
    status: str
    assigned: str


INDEXES = {
    "due": SortIndexes("idx_cases_due_at", "cases_open_due", "idx_cases_status_due_at",
                       "idx_cases_assigned_reviewer_due_at"),
    "member": SortIndexes("cases_member", "cases_open_member", "cases_status_member",
                          "cases_assigned_member"),
    "case": SortIndexes(None, "cases_open_id", "cases_status_id", "cases_assigned_id"),
    "status": SortIndexes(None, None, "idx_cases_status_due_at", "cases_assigned_status"),
}
"""A status sort reads one status at a time (see :func:`queue_page`): with an ``IN`` list of
statuses SQLite would probe each status from its start on every page.

The ``referred`` sort, a physician's queue, is soonest due first with the cases referred to a
physician ahead of the rest. It needs no index of its own: it is read in two parts (see
:func:`queue_page`), the referred cases through the due-time index within a status (or within
a reviewer's cases), then the other cases through the due-time index of the list with the
referred ones skipped as the index is walked (they are a small share of the open cases)."""
OPEN_INDEXES = frozenset({"cases_open_due", "cases_open_assigned",
                          *(i.open for i in INDEXES.values() if i.open)})
"""The partial indexes on the open statuses."""

_COLUMNS = ", ".join(f"c.{name}" for name in CaseSummary.COLUMNS)
_TOKEN = re.compile(r"[^\s\"]+")


@dataclass(frozen=True)
class CaseQuery:
    """What to list. ``status`` is a status, ``"open"`` (not yet decided) or ``"all"``.

    ``overdue`` keeps cases past their due time, ``due_today`` those due from now until
    midnight where the reviewer is; both together keep both. Either one alone limits an
    ``"all"`` list to open cases (a decided case is not late). ``sort`` is a key of
    :data:`SORT_COLUMNS`, None for the natural order (soonest due first; a search newest
    first); ``descending`` reverses it.
    """

    status: str = "open"
    assigned_to: int | None = None
    overdue: bool = False
    due_today: bool = False
    urgency: str | None = None
    line_of_business: str | None = None
    search: str | None = None
    sort: str | None = None
    descending: bool = False
    limit: int = PAGE
    offset: int = 0
    not_referred: bool = False
    """Leave out referred cases (the second part of a ``referred`` sort)."""


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the sort key of its last row (the sorted columns, then the id)."""

    key: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One row of the queue as the window shows it."""

    id: int
    external_id: str | None
    member_name: str
    member_id: str
    primary_procedure: str
    procedure_name: str | None
    """The plain description from ``resources/codes/procedures.yaml``; None for a code the list
    does not name."""
    procedure_category: str | None
    urgency: str
    line_of_business: str
    status: str
    due_at: str
    assigned_reviewer: int | None
    reviewer_name: str | None
    """Name and credentials ("Dana Whitfield, RN"), None when nobody is assigned."""

    @property
    def referred_rank(self) -> int:
        """0 for a case referred to a physician, 1 otherwise: how a physician's queue puts the
        referred cases first."""
        return 0 if self.status == REFERRED else 1

    def key(self, sort: str) -> tuple[Any, ...]:
        return (*(getattr(self, column) for column in SORT_COLUMNS[sort]), self.id)


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    after: Cursor | None
    """The cursor of the next page; None when this page is the last."""


@dataclass(frozen=True)
class QueueCounts:
    """What the status bar shows: open cases, those due later today, those already late."""

    open: int
    due_today: int
    overdue: int
    any_case: bool
    """False for a store without a single case (the first-run page shows instead)."""


def match_expression(text: str) -> str:
    """User words -> an FTS5 query: every word must start a word of the case (prefix match);
    each is quoted, so FTS5 syntax in the input is taken literally."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        raise StoreError("the search text is empty")
    return " ".join(f'"{token}"*' for token in tokens)


def end_of_today(now: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """Midnight after ``now`` where the reviewer is: the workstation's own time zone, or
    ``zone``. Built from the calendar date, so a day with a daylight-saving change ends at
    its real midnight."""
    tomorrow = now.astimezone(zone).date() + dt.timedelta(days=1)
    if zone is None:
        return dt.datetime.combine(tomorrow, dt.time()).astimezone()
    return dt.datetime.combine(tomorrow, dt.time(), tzinfo=zone)


def sort_of(query: CaseQuery) -> str:
    """The order a query is read in: its ``sort``, or the natural one."""
    if query.search is not None:
        return "case"
    return query.sort or "due"


def _check(query: CaseQuery) -> None:
    if query.status not in STATUS_FILTERS:
        raise StoreError(
            f"'{query.status}' is not a status (use one of: {', '.join(STATUS_FILTERS)})"
        )
    if query.sort is not None and query.sort not in SORT_COLUMNS:
        raise StoreError(f"'{query.sort}' is not a sort order (use one of: "
                         f"{', '.join(SORT_COLUMNS)})")
    if query.search is not None and query.sort not in (None, *SEARCH_SORTS):
        raise StoreError("search results come newest case first and sort by case number only")
    if query.urgency is not None and query.urgency not in URGENCIES:
        raise StoreError(f"'{query.urgency}' is not an urgency ({', '.join(URGENCIES)})")
    if query.line_of_business is not None and query.line_of_business not in LINES_OF_BUSINESS:
        raise StoreError(f"'{query.line_of_business}' is not a line of business "
                         f"({', '.join(LINES_OF_BUSINESS)})")


def case_sql(query: CaseQuery, now: str, *, day_end: str | None = None,
             after: Cursor | None = None, columns: str = _COLUMNS,
             search_from: str | None = None) -> tuple[str, list]:
    """The SQL and parameters for ``query`` at time ``now`` (stored UTC text), from ``after``.

    ``day_end`` (stored UTC text, see :func:`end_of_today`) is needed by ``due_today``. A search
    walks the full-text matches and keeps those that pass the filters, unless ``search_from``
    names an index of the filtered cases in case-id order (see :func:`search_source`).
    """
    _check(query)
    where, params = [], []
    timed = query.overdue or query.due_today
    status = "open" if timed and query.status == "all" else query.status
    sort = sort_of(query)
    if sort == "status" and status in ("open", "all"):
        raise StoreError("a list sorted by status is read one status at a time (queue_page)")
    if sort == "referred":
        raise StoreError("a list with the referred cases first is read in two parts "
                         "(queue_page)")
    index = None if query.search is not None else _index(query, sort, status)
    if status == "open":
        where.append(f"c.status IN {OPEN_SQL}")
    elif status != "all":
        if index in OPEN_INDEXES:  # the query must visibly imply the partial index's WHERE
            where.append(f"c.status IN {OPEN_SQL}")
        where.append("c.status = ?")
        params.append(status)
    if query.not_referred:
        where.append(f"c.status <> '{REFERRED}'")
    for column in ("assigned_to", "urgency", "line_of_business"):
        value = getattr(query, column)
        if value is not None:
            where.append(f"c.{'assigned_reviewer' if column == 'assigned_to' else column} = ?")
            params.append(value)
    if query.due_today:
        if day_end is None:
            raise StoreError("a due-today list needs the end of the day")
        if not query.overdue:
            where.append("c.due_at >= ?")
            params.append(now)
        where.append("c.due_at < ?")
        params.append(day_end)
    elif query.overdue:
        where.append("c.due_at < ?")
        params.append(now)
    direction = " DESC" if query.descending else ""
    if query.search is not None:
        descending = not query.descending  # newest first unless asked otherwise
        if search_from is None:
            source = "cases_fts JOIN cases c ON c.id = cases_fts.rowid"
            where.insert(0, "cases_fts MATCH ?")
            rowid = "cases_fts.rowid"
        else:  # a few cases pass the filters: walk them, each looked up in the matches
            source = f"cases c INDEXED BY {search_from}"
            where.append("c.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)")
            rowid = "c.id"
        expression = match_expression(query.search)
        if search_from is None:
            params.insert(0, expression)
        else:
            params.append(expression)
        order = rowid + (" DESC" if descending else "")
        if after is not None:
            where.append(f"{rowid} {'<' if descending else '>'} ?")
            params.append(after.key[-1])
    else:
        source = f"cases c INDEXED BY {index}" if index else "cases c NOT INDEXED"
        key = [f"c.{column}" for column in SORT_COLUMNS[sort]] + ["c.id"]
        if after is not None and len(after.key) != len(key):
            raise StoreError("the cursor belongs to another sort order")
        values = list(after.key) if after is not None else []
        if sort == "status":  # one status: ordered and compared by the rest of the key
            key, values = key[1:], values[1:]
        order = ", ".join(f"{column}{direction}" for column in key)
        if after is not None:
            comparison = "<" if query.descending else ">"
            where.append(f"({', '.join(key)}) {comparison} ({', '.join('?' * len(key))})")
            params += values
    sql = f"SELECT {columns} FROM {source}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if query.limit:
        sql += " LIMIT ?"
        params.append(query.limit)
        if query.offset:
            sql += " OFFSET ?"
            params.append(query.offset)
    return sql, params


def _index(query: CaseQuery, sort: str, status: str) -> str | None:
    """The index that reads this list in order. Named, not left to the planner: without
    statistics it prefers ``(status, due_at)`` for the open list and sorts every open case."""
    indexes = INDEXES[sort]
    single = status not in ("open", "all")
    if sort == "due" and status == "open":
        return "cases_open_assigned" if query.assigned_to is not None else indexes.open
    if query.assigned_to is not None:
        return indexes.assigned
    if status == "open":
        return indexes.open
    return indexes.status if single else indexes.every


def _times(store: Store, zone: dt.tzinfo | None) -> tuple[str, str]:
    now = store.clock()
    return utc_text(now), utc_text(end_of_today(now, zone))


def list_cases(store: Store, query: CaseQuery | None = None, *,
               zone: dt.tzinfo | None = None) -> list[CaseSummary]:
    now, day_end = _times(store, zone)
    sql, params = case_sql(query or CaseQuery(), now, day_end=day_end)
    return [CaseSummary.from_row(row) for row in store.query(sql, params)]


def count_cases(store: Store, status: str = "open") -> int:
    sql, params = case_sql(CaseQuery(status=status, limit=0), store.now())
    return store.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


_PAGE_COLUMNS = ("id", "external_id", "member_name", "member_id", "primary_procedure",
                 "urgency", "line_of_business", "status", "due_at", "assigned_reviewer")


def queue_page(store: Store, query: CaseQuery, *, after: Cursor | None = None,
               zone: dt.tzinfo | None = None) -> QueuePage:
    """The ``query.limit`` rows after ``after`` (from the start without one), with the cursor
    of the next page. ``query.offset`` is ignored: pages follow cursors."""
    size = query.limit or PAGE
    now, day_end = _times(store, zone)
    columns = ", ".join(f"c.{name}" for name in _PAGE_COLUMNS)
    found: list[tuple] = []
    search_from = search_source(store, query)
    for part, start in _parts(query, after):
        sql, params = case_sql(_replace(part, limit=size + 1 - len(found), offset=0), now,
                               day_end=day_end, after=start, columns=columns,
                               search_from=search_from)
        found += store.conn.execute(sql, params).fetchall()
        if len(found) > size:
            break
    rows = _queue_rows(store, found[:size])
    more = len(found) > size
    return QueuePage(rows, Cursor(rows[-1].key(sort_of(query))) if more else None)


FEW = 5000
"""Filtered cases few enough to walk one by one for a search (see :func:`search_source`)."""


def search_source(store: Store, query: CaseQuery) -> str | None:
    """For a search filtered to one status or one reviewer, the index of those cases in
    case-id order, when they are few (under :data:`FEW`, counted on the index, so at most that
    many entries are read). Walking the full-text matches instead would read every match that
    fails the filter: "s" matches all 100,000 cases, and finding the pended ones among them
    takes two seconds; walking the 400 pended cases and looking each up takes milliseconds."""
    if query.search is None:
        return None
    status = "open" if (query.overdue or query.due_today) and query.status == "all" \
        else query.status
    if query.assigned_to is not None:
        index, where, params = INDEXES["case"].assigned, "assigned_reviewer = ?", [
            query.assigned_to]
    elif status not in ("open", "all"):
        index, where, params = INDEXES["case"].status, "status = ?", [status]
    else:
        return None
    few = store.conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM cases INDEXED BY {index} WHERE {where} "
        f"LIMIT {FEW})", params).fetchone()[0] < FEW
    return index if few else None


def _parts(query: CaseQuery, after: Cursor | None) -> list[tuple[CaseQuery, Cursor | None]]:
    """The queries a page is read from, in order, each with the cursor it starts after: one,
    except for a status sort over several statuses, which reads each status in turn."""
    timed = query.overdue or query.due_today
    status = "open" if timed and query.status == "all" else query.status
    if sort_of(query) == "referred":
        return _referred_parts(query, status, after)
    if sort_of(query) != "status" or status not in ("open", "all"):
        return [(query, after)]
    statuses = sorted(OPEN if status == "open" else STATUSES, reverse=query.descending)
    if after is not None:
        current = after.key[0]
        statuses = [s for s in statuses if (s <= current if query.descending else s >= current)]
    return [(_replace(query, status=value),
             after if after is not None and value == after.key[0] else None)
            for value in statuses]


def _referred_parts(query: CaseQuery, status: str, after: Cursor | None
                    ) -> list[tuple[CaseQuery, Cursor | None]]:
    """A ``referred`` sort: the referred cases soonest due first, then the rest (reversed when
    descending), each part read in due order; the cursor's first value says which part it is
    in (0 referred, 1 the rest) and the part reads on from the rest of it."""
    if status not in ("open", "all"):  # one status: its rank is the same for every row
        return [(_replace(query, sort="due"), Cursor(after.key[1:]) if after else None)]
    parts = [(0, _replace(query, status=REFERRED, sort="due")),
             (1, _replace(query, sort="due", not_referred=True))]
    if query.descending:
        parts.reverse()
    if after is not None:
        at = parts.index(next(part for part in parts if part[0] == after.key[0]))
        parts = parts[at:]
    return [(part, Cursor(after.key[1:]) if after is not None and rank == after.key[0]
             else None) for rank, part in parts]


def _queue_rows(store: Store, found: list[tuple]) -> list[QueueRow]:
    if not found:
        return []
    from reviewer_app.core.codes.procedure_list import procedure_name
    from reviewer_app.core.store.records import list_reviewers

    names = {r.id: r.signature for r in list_reviewers(store)}
    rows = []
    for values in found:
        row = dict(zip(_PAGE_COLUMNS, values, strict=True))
        category, description = procedure_name(row["primary_procedure"]) or (None, None)
        rows.append(QueueRow(
            **row,
            procedure_name=description,
            procedure_category=category,
            reviewer_name=names.get(row["assigned_reviewer"]),
        ))
    return rows


def _replace(query: CaseQuery, **changes: Any) -> CaseQuery:
    return dataclasses.replace(query, **changes)


def queue_counts(store: Store, *, zone: dt.tzinfo | None = None) -> QueueCounts:
    """Open, due later today and overdue: three counts over partial indexes of the open cases
    (index entries only, the table is not read), about 20 ms with 100,000 open cases."""
    now, day_end = _times(store, zone)

    def count(sql: str, *params: str) -> int:
        return store.conn.execute(f"SELECT count(*) FROM cases {sql}", params).fetchone()[0]

    open_only = f"status IN {OPEN_SQL}"
    total = count(f"INDEXED BY cases_open_id WHERE {open_only}")
    return QueueCounts(
        open=total,
        due_today=count(f"INDEXED BY cases_open_due WHERE {open_only} AND due_at >= ? "
                        "AND due_at < ?", now, day_end),
        overdue=count(f"INDEXED BY cases_open_due WHERE {open_only} AND due_at < ?", now),
        any_case=total > 0 or store.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM cases)").fetchone()[0] == 1,
    )
