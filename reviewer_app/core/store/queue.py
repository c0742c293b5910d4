"""The nurse's lists: open cases soonest due first, by status, overdue, assigned to me, and
full-text search over member name and ids, codes and notes.

Every list is one query that an index answers in due order without sorting (a test checks the
plans with EXPLAIN QUERY PLAN). The open-status list is spelled out as a literal, because
SQLite uses a partial index only when the query's WHERE clause visibly implies the index's,
and the index is named (``INDEXED BY``), so a plan cannot silently degrade into a sort.

Search results come newest case first: FTS5 walks its doclists in rowid order and stops at
the page's end, so a name shared by 10,000 cases costs the same as a unique member id. Ranking
by bm25 (or sorting by due time) would score or sort every match first, 20-100 ms at 100,000
cases, and for names and ids relevance adds little: a reviewer searching a member wants their
latest request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer_app.core.lifecycle import OPEN, STATUS_FILTERS
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError
from reviewer_app.core.store.records import CaseSummary

PAGE = 50
OPEN_SQL = "(" + ", ".join(f"'{status}'" for status in OPEN) + ")"

_COLUMNS = ", ".join(f"c.{name}" for name in CaseSummary.COLUMNS)
_TOKEN = re.compile(r"[^\s\"]+")


@dataclass(frozen=True)
class CaseQuery:
    """What to list. ``status`` is a status, ``"open"`` (not yet decided) or ``"all"``."""

    status: str = "open"
    assigned_to: int | None = None
    overdue: bool = False
    search: str | None = None
    limit: int = PAGE
    offset: int = 0


def match_expression(text: str) -> str:
    """User words -> an FTS5 query: every word must start a word of the case (prefix match);
    each is quoted, so FTS5 syntax in the input is taken literally."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        raise StoreError("the search text is empty")
    return " ".join(f'"{token}"*' for token in tokens)


def case_sql(query: CaseQuery, now: str) -> tuple[str, list]:
    """The SQL and parameters for ``query``, at time ``now`` (stored UTC text)."""
    if query.status not in STATUS_FILTERS:
        raise StoreError(
            f"'{query.status}' is not a status (use one of: {', '.join(STATUS_FILTERS)})"
        )
    where, params = [], []
    status = "open" if query.overdue and query.status == "all" else query.status
    if status == "open":
        where.append(f"c.status IN {OPEN_SQL}")
    elif status != "all":
        where.append("c.status = ?")
        params.append(status)
    if query.assigned_to is not None:
        where.append("c.assigned_reviewer = ?")
        params.append(query.assigned_to)
    if query.overdue:
        where.append("c.due_at < ?")
        params.append(now)
    if query.search is not None:
        source = "cases_fts JOIN cases c ON c.id = cases_fts.rowid"
        where.insert(0, "cases_fts MATCH ?")
        params.insert(0, match_expression(query.search))
        order = "cases_fts.rowid DESC"
    else:
        source = f"cases c INDEXED BY {_index(status, query.assigned_to)}"
        order = "c.due_at, c.id"
    sql = f"SELECT {_COLUMNS} FROM {source}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if query.limit:
        sql += " LIMIT ? OFFSET ?"
        params += [query.limit, query.offset]
    return sql, params


def _index(status: str, assigned_to: int | None) -> str:
    """The index that reads this list in due order. Named, not left to the planner: without
    statistics it prefers ``(status, due_at)`` for the open list and sorts every open case."""
    if status == "open":
        return "cases_open_assigned" if assigned_to is not None else "cases_open_due"
    if assigned_to is not None:
        return "idx_cases_assigned_reviewer_due_at"
    if status == "all":
        return "idx_cases_due_at"
    return "idx_cases_status_due_at"


def list_cases(store: Store, query: CaseQuery | None = None) -> list[CaseSummary]:
    sql, params = case_sql(query or CaseQuery(), store.now())
    return [CaseSummary.from_row(row) for row in store.query(sql, params)]


def count_cases(store: Store, status: str = "open") -> int:
    sql, params = case_sql(CaseQuery(status=status, limit=0), store.now())
    return store.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
