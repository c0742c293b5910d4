"""The queue and search: the right cases in the order asked for, a page at a time, on indexes;
search kept in sync; the counts."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest
from casebuilder import make_case
from storekit import add_signer, meets_doc, open_store, text

from reviewer_app.core.lifecycle import OPEN
from reviewer_app.core.store import cases, decisions, queue
from reviewer_app.core.store.errors import ImportRefused, StoreError
from reviewer_app.core.store.queue import CaseQuery
from reviewer_app.core.store.rows import utc_text

RECEIVED = {  # external index -> (received_at, urgency): due = +15 days standard, +72 h expedited
    1: ("2026-11-01T09:00:00-05:00", "standard"),   # due 11-16: overdue at NOW (11-23)
    2: ("2026-11-20T09:00:00-05:00", "expedited"),  # due 11-23 14:00 UTC: overdue
    3: ("2026-11-22T09:00:00-05:00", "expedited"),  # due 11-25
    4: ("2026-11-21T09:00:00-05:00", "standard"),   # due 12-06
    5: ("2026-11-10T09:00:00-05:00", "standard"),   # due 11-25 14:00 UTC, after case 3
}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as opened:
        docs = []
        for index, (received, urgency) in RECEIVED.items():
            doc = meets_doc(index, received_at=received, urgency=urgency)
            docs.append((f"{index}.json", text(doc)))
        docs[3] = ("4.json", text(meets_doc(
            4, received_at=RECEIVED[4][0], **{"member.family_name": "Núñez",
                                              "member.given_name": "Zoë",
                                              "notes": "Cauda equina symptoms since Tuesday"})))
        cases.import_documents(opened, docs)
        nurse = add_signer(opened, "Dana Whitfield", "RN", "nurse")
        decisions.assign(opened, 5, reviewer=nurse.id, expected_version=1)
        decisions.assign(opened, 4, reviewer=nurse.id, expected_version=1)
        decisions.decide(opened, 4, "approve", by=nurse, expected_version=2)
        opened.nurse = nurse.id
        yield opened


def ids(store, **kwargs) -> list[int]:
    return [case.id for case in queue.list_cases(store, CaseQuery(**kwargs))]


def test_the_open_queue_is_soonest_due_first(store):
    assert ids(store) == [1, 2, 3, 5]
    assert ids(store, limit=2) == [1, 2]
    assert ids(store, limit=2, offset=2) == [3, 5]
    assert queue.count_cases(store) == 4


def test_filters(store):
    assert ids(store, overdue=True) == [1, 2]
    assert ids(store, status="all") == [1, 2, 3, 5, 4]
    assert ids(store, status="approved") == [4]
    assert ids(store, status="in_review") == [5]
    assert ids(store, assigned_to=store.nurse) == [5]
    assert ids(store, status="all", assigned_to=store.nurse) == [5, 4]
    assert ids(store, status="approved", overdue=True) == []


@pytest.mark.parametrize(("words", "expected"), [
    ("nunez", [4]),                 # diacritics folded
    ("Zoë Núñez", [4]),
    ("zo nun", [4]),                # prefixes
    ("SYN000003", [3]),             # member id
    ("PA-T-0002", [2]),             # external id
    ("C79.51", [5, 3, 2, 1]),       # a diagnosis code; newest first
    ("63090", [5, 3, 2, 1]),        # procedure code (case 4 is approved, not open)
    ("cauda tuesday", [4]),         # notes
    ('"unbalanced AND OR (', []),   # FTS5 syntax is taken literally, never an error
])
def test_search(store, words, expected):
    status = "all" if 4 in expected else "open"
    assert ids(store, search=words, status=status) == expected


def test_an_empty_search_is_refused(store):
    with pytest.raises(StoreError, match="empty"):
        ids(store, search='  "" ')


def test_search_follows_changes_and_the_index_stays_consistent(store):
    assert ids(store, search="Núñez", status="approved") == [4]
    assert ids(store, search="Núñez", status="open") == []
    store.conn.execute("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')")


PLANS = [
    (CaseQuery(), "cases_open_due"),
    (CaseQuery(overdue=True), "cases_open_due (due_at<?)"),
    (CaseQuery(assigned_to=1), "cases_open_assigned (assigned_reviewer=?)"),
    (CaseQuery(status="pended"), "idx_cases_status_due_at (status=?)"),
    (CaseQuery(status="all"), "idx_cases_due_at"),
    (CaseQuery(status="all", assigned_to=1), "idx_cases_assigned_reviewer_due_at"),
    (CaseQuery(search="garza"), "cases_fts VIRTUAL TABLE"),
]


@pytest.mark.parametrize(("query", "index"), PLANS, ids=[str(i) for _q, i in PLANS])
def test_every_list_reads_an_index_in_order_without_sorting(store, query, index):
    sql, params = queue.case_sql(query, store.now())
    plan = " | ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert index in plan
    assert "TEMP B-TREE" not in plan
    assert "SCAN c " not in plan or "USING INDEX" in plan


# --- keyset pages, every sort order, filters, counts -------------------------------------

ZONE = dt.timezone(dt.timedelta(hours=-5))
"""The reviewer's zone in these tests: NOW is 16:00 there, so "today" ends at 05:00 UTC."""
FAMILIES = ("Garza", "Okafor", "Núñez", "Abbott", "Garza", "Zhou", "Okafor")
KINDS = ("tumor", "augmentation", "decompression", "fusion", "mri")
LINES = ("commercial", "medicare_advantage", "medicaid")


def _received(index: int) -> tuple[str, str]:
    """Due times around NOW (2026-11-23 21:00 UTC): overdue, due later today, later."""
    if index % 3 == 0:  # expedited, 72 h: due from 11-23 15:00 UTC to 11-24 11:00 UTC
        hours = 15 + (index * 5) % 21
        received = dt.datetime(2026, 11, 20, tzinfo=dt.UTC) + dt.timedelta(hours=hours)
        return received.isoformat(), "expedited"
    received = dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC) + dt.timedelta(days=index % 20)
    return received.isoformat(), "standard"


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """35 cases of five kinds, shared names, every urgency and line of business; some
    assigned, pended, referred, approved."""
    path = tmp_path_factory.mktemp("queue") / "cases.sqlite3"
    with open_store(path) as opened:
        docs = []
        for index in range(35):
            received, urgency = _received(index)
            if (index + 1) % 8 == 0:  # pended below: due after the date information is asked by
                received, urgency = "2026-11-22T09:00:00+00:00", "standard"
            doc = make_case(KINDS[index % 5], {
                "external_id": f"PA-Q-{index:04d}", "member.id": f"SYNQ{index:05d}",
                "member.family_name": FAMILIES[index % len(FAMILIES)],
                "received_at": received, "urgency": urgency,
                "line_of_business": LINES[(index // 2) % 3]})
            docs.append((f"{index}.json", text(doc)))
        imported = cases.import_documents(opened, docs)
        signed_nurse = add_signer(opened, "Dana Whitfield", "RN", "nurse")
        signed_other = add_signer(opened, "Pat Lee", "RN", "nurse")
        nurse, other = signed_nurse.id, signed_other.id
        for item in imported:
            if item.case_id % 4 == 0:
                decisions.assign(opened, item.case_id, reviewer=nurse, expected_version=1)
            elif item.case_id % 4 == 1:
                decisions.assign(opened, item.case_id, reviewer=other, expected_version=1)
            else:
                continue
            if item.case_id % 8 == 0:
                decisions.decide(opened, item.case_id, "pend", by=signed_nurse, expected_version=2,
                                 info_needed_by=dt.date(2026, 11, 28),
                                 info_added=["The operative plan"])
            elif item.case_id % 8 == 4:
                decisions.decide(opened, item.case_id, "refer", by=signed_nurse,
                                 expected_version=2)
            elif item.case_id % 8 == 5 and item.outcome == "meets_criteria":
                decisions.decide(opened, item.case_id, "approve", by=signed_other,
                                 expected_version=2)
        opened.nurse = nurse
        yield opened


def reference(store, query: CaseQuery) -> list[int]:
    """The list worked out in Python from every row: what the pages must add up to."""
    rows = store.query("SELECT * FROM cases")
    now = store.now()
    day_end = utc_text(queue.end_of_today(store.clock(), ZONE))
    status = "open" if (query.overdue or query.due_today) and query.status == "all" \
        else query.status

    def keep(row) -> bool:
        if status == "open" and row["status"] not in OPEN:
            return False
        if status not in ("open", "all") and row["status"] != status:
            return False
        for name, column in (("assigned_to", "assigned_reviewer"), ("urgency", "urgency"),
                             ("line_of_business", "line_of_business")):
            if getattr(query, name) is not None and row[column] != getattr(query, name):
                return False
        late, today = row["due_at"] < now, now <= row["due_at"] < day_end
        if query.overdue or query.due_today:
            return (query.overdue and late) or (query.due_today and today)
        return True

    kept = [row for row in rows if keep(row)]
    if query.search is not None:
        return sorted((r["id"] for r in kept), reverse=not query.descending)
    columns = queue.SORT_COLUMNS[queue.sort_of(query)]

    def value(row, column):
        if column == "referred_rank":
            return 0 if row["status"] == "referred" else 1
        return row[column]

    kept.sort(key=lambda r: (*(value(r, c) for c in columns), r["id"]),
              reverse=query.descending)
    return [row["id"] for row in kept]


def paged(store, query: CaseQuery, size: int) -> list[int]:
    found, after, pages = [], None, 0
    while True:
        page = queue.queue_page(store, replace(query, limit=size), after=after, zone=ZONE)
        found += [row.id for row in page.rows]
        pages += 1
        assert len(page.rows) <= size
        if page.after is None:
            return found
        assert len(page.rows) == size
        after = page.after
        assert pages < 100


FILTERS = [
    {},
    {"status": "all"},
    {"status": "pended"},
    {"status": "approved"},
    {"status": "in_review", "urgency": "expedited"},
    {"assigned_to": 1},
    {"status": "all", "assigned_to": 2},
    {"overdue": True},
    {"due_today": True},
    {"overdue": True, "due_today": True, "line_of_business": "medicaid"},
    {"urgency": "standard", "line_of_business": "commercial"},
]


@pytest.mark.parametrize("sort", list(queue.SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(map(str, f.values())) or "-")
def test_pages_add_up_to_the_whole_list_in_order(many, sort, descending, filters):
    query = CaseQuery(sort=sort, descending=descending, **filters)
    expected = reference(many, query)
    for size in (1, 4, 50):
        assert paged(many, query, size) == expected


def test_the_reference_lists_are_not_trivial(many):
    """The fixture exercises every filter: each keeps some cases and drops others."""
    everything = reference(many, CaseQuery(status="all"))
    assert len(everything) == 35
    for filters in FILTERS[2:]:
        kept = reference(many, CaseQuery(**filters))
        assert 0 < len(kept) < len(everything), filters


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("filters", [{}, {"status": "all"}, {"urgency": "expedited"},
                                     {"overdue": True}, {"assigned_to": 1}, {"status": "draft"},
                                     {"status": "in_review", "assigned_to": 2}])
def test_search_pages_are_newest_first_and_follow_the_filters(many, descending, filters):
    query = CaseQuery(search="garza", descending=descending, **filters)
    expected = [i for i in reference(many, replace(query, search=None, sort="case",
                                                   descending=not descending))
                if i in _garzas(many)]
    assert expected
    for size in (1, 3, 50):
        assert paged(many, replace(query, sort="case"), size) == expected


def _garzas(store) -> set[int]:
    return {r["id"] for r in store.query("SELECT id FROM cases WHERE member_name LIKE 'Garza%'")}


def test_a_page_row_carries_what_the_queue_shows(many):
    page = queue.queue_page(many, CaseQuery(status="all", assigned_to=many.nurse, limit=200),
                            zone=ZONE)
    row = page.rows[0]
    assert row.reviewer_name == "Dana Whitfield, RN"
    assert row.member_name.split(",")[0] in FAMILIES
    assert row.procedure_name and row.procedure_category
    unassigned = queue.queue_page(many, CaseQuery(status="draft", limit=1), zone=ZONE).rows[0]
    assert unassigned.reviewer_name is None and unassigned.assigned_reviewer is None


def test_the_counts_match_the_lists(many):
    counts = queue.queue_counts(many, zone=ZONE)
    assert counts.open == len(reference(many, CaseQuery()))
    assert counts.overdue == len(reference(many, CaseQuery(overdue=True)))
    assert counts.due_today == len(reference(many, CaseQuery(due_today=True)))
    assert counts.overdue and counts.due_today and counts.any_case


def test_an_empty_store_has_no_case(tmp_path):
    with open_store(tmp_path / "empty.sqlite3") as store:
        assert queue.queue_counts(store) == queue.QueueCounts(0, 0, 0, any_case=False)
        assert queue.queue_page(store, CaseQuery()) == queue.QueuePage([], None)


def test_today_ends_at_local_midnight():
    now = dt.datetime(2026, 11, 23, 21, 0, tzinfo=dt.UTC)
    assert queue.end_of_today(now, ZONE) == dt.datetime(2026, 11, 24, tzinfo=ZONE)
    assert queue.end_of_today(now, dt.timezone(dt.timedelta(hours=4))) == dt.datetime(
        2026, 11, 25, tzinfo=dt.timezone(dt.timedelta(hours=4)))
    local = queue.end_of_today(now)
    assert local.time() == dt.time() and local > now


@pytest.mark.parametrize(("query", "message"), [
    (CaseQuery(search="garza", sort="member"), "sort by case number only"),
    (CaseQuery(sort="urgency"), "not a sort order"),
    (CaseQuery(urgency="soon"), "not an urgency"),
    (CaseQuery(line_of_business="tricare"), "not a line of business"),
])
def test_what_the_store_cannot_list_is_refused(many, query, message):
    with pytest.raises(StoreError, match=message):
        queue.queue_page(many, query)


def test_a_cursor_from_another_sort_is_refused(many):
    page = queue.queue_page(many, CaseQuery(limit=2))
    with pytest.raises(StoreError, match="another sort order"):
        queue.queue_page(many, CaseQuery(sort="case"), after=page.after)


def _all_queries():
    for sort, status, assigned, urgency, timed, descending, after in itertools.product(
            queue.SORT_COLUMNS, ["open", "all", "pended", "approved"], [None, 1],
            [None, "expedited"], ["", "overdue", "today", "both"], [False, True],
            [0, 1, 2]):
        query = CaseQuery(status=status, assigned_to=assigned, urgency=urgency,
                          overdue=timed in ("overdue", "both"),
                          due_today=timed in ("today", "both"), sort=sort,
                          descending=descending)
        key = (1,) if sort == "case" else ("x",) * len(queue.SORT_COLUMNS[sort]) + (1,)
        if sort == "referred":
            key = (after % 2, "x", 1)
        yield query, queue.Cursor(key) if after else None
    for status, assigned, descending, after in itertools.product(
            ["open", "all", "referred"], [None, 1], [False, True], [False, True]):
        yield (CaseQuery(status=status, search="garza", sort="case", descending=descending,
                         assigned_to=assigned),
               queue.Cursor((5,)) if after else None)


def test_every_page_of_every_sort_and_filter_reads_an_index_in_order(store):
    """Every combination, on every part a page reads: an index (or the table in case-id
    order, or the full-text index) walked in the order asked for, never a sort."""
    checked = 0
    for query, after in _all_queries():
        sources = [None]
        if query.search is not None and (query.assigned_to or query.status != "open"):
            sources.append(queue.search_source(store, query))
        for part, start in queue._parts(query, after):
            for source in sources:
                sql, params = queue.case_sql(part, store.now(), day_end=store.now(),
                                             after=start, search_from=source)
                plan = " | ".join(row[3] for row in
                                  store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
                assert "TEMP B-TREE" not in plan, (query, plan)
                if not (query.sort == "case" and part.status == "all"
                        and not query.assigned_to) and (query.search is None or source):
                    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (query, plan)
                checked += 1
    assert checked > 1300


SORT_PLANS = [
    (CaseQuery(sort="member"), "cases_open_member"),
    (CaseQuery(sort="member", status="all"), "cases_member"),
    (CaseQuery(sort="member", assigned_to=1), "cases_assigned_member (assigned_reviewer=?)"),
    (CaseQuery(sort="member", status="approved"), "cases_status_member (status=?)"),
    (CaseQuery(sort="case", status="denied"), "cases_status_id (status=?)"),
    (CaseQuery(urgency="expedited"), "cases_open_due"),  # urgency checked row by row
    (CaseQuery(line_of_business="medicaid", assigned_to=2),
     "cases_open_assigned (assigned_reviewer=?)"),
    (CaseQuery(sort="case"), "cases_open_id"),
    (CaseQuery(sort="case", status="all"), "SCAN c"),
    (CaseQuery(sort="case", assigned_to=1), "cases_assigned_id (assigned_reviewer=?)"),
    (CaseQuery(sort="status", status="pended"), "idx_cases_status_due_at (status=?)"),
    (CaseQuery(sort="status", status="pended", assigned_to=1),
     "cases_assigned_status (assigned_reviewer=? AND status=?)"),
    (CaseQuery(due_today=True), "cases_open_due (due_at>? AND due_at<?)"),
]


@pytest.mark.parametrize(("query", "index"), SORT_PLANS, ids=[i for _q, i in SORT_PLANS])
def test_each_sort_reads_its_own_index(store, query, index):
    sql, params = queue.case_sql(query, store.now(), day_end=store.now())
    plan = " | ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert index in plan


def test_a_search_among_few_filtered_cases_walks_them_and_looks_each_up(many):
    pended = CaseQuery(search="garza", status="pended")
    assert queue.search_source(many, pended) == "cases_status_id"
    assert queue.search_source(many, replace(pended, status="open")) is None
    assert queue.search_source(many, replace(pended, assigned_to=1)) == "cases_assigned_id"
    assert queue.search_source(many, replace(pended, search=None)) is None


def test_a_physicians_queue_shows_the_referred_cases_first_soonest_due(many):
    """The referred cases (whoever they are assigned to, if anyone), soonest due first, then
    every other open case soonest due first; each part on its own index, no sort."""
    query = CaseQuery(sort="referred")
    rows = []
    after = None
    while True:
        page = queue.queue_page(many, replace(query, limit=3), after=after, zone=ZONE)
        rows += page.rows
        if page.after is None:
            break
        after = page.after
    statuses = [row.status for row in rows]
    referred = statuses.count("referred")
    assert referred >= 2 and statuses[:referred] == ["referred"] * referred
    assert "referred" not in statuses[referred:]
    for part in (rows[:referred], rows[referred:]):
        assert [r.due_at for r in part] == sorted(r.due_at for r in part)
    assert [r.id for r in rows] == reference(many, query) == paged(many, query, 50)
    plans = [" | ".join(row[3] for row in many.conn.execute(
        f"EXPLAIN QUERY PLAN {sql}", params))
        for part, start in queue._parts(query, None)
        for sql, params in [queue.case_sql(part, many.now(), after=start)]]
    assert plans == ["SEARCH c USING INDEX idx_cases_status_due_at (status=?)",
                     "SCAN c USING INDEX cases_open_due"], plans


def test_a_status_sort_reads_one_status_after_another(many):
    rows = paged(many, CaseQuery(sort="status", status="all"), 3)
    statuses = [many.query_one("SELECT status FROM cases WHERE id = ?", (i,))[0] for i in rows]
    assert statuses == sorted(statuses)
    assert len(set(statuses)) >= 4
    with pytest.raises(StoreError, match="one status at a time"):
        queue.case_sql(CaseQuery(sort="status"), many.now())


def test_import_files_is_all_or_nothing_and_names_every_bad_file(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(text(meets_doc(1)), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(text(meets_doc(2, urgency="soon")), encoding="utf-8")
    missing = tmp_path / "missing.json"
    with open_store(tmp_path / "cases.sqlite3") as store:
        with pytest.raises(ImportRefused) as refused:
            cases.import_files(store, [good, missing, bad])
        lines = refused.value.lines()
        assert lines[0].startswith(f"{missing}: (file): ")
        assert any(line.startswith(f"{bad}: urgency: ") for line in lines)
        assert not any(line.startswith(f"{good}:") for line in lines)
        assert queue.count_cases(store, "all") == 0
        done = []
        imported = cases.import_files(store, [good], on_progress=done.append)
        assert [item.case_id for item in imported] == [1] and done == [1]
