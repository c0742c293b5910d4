"""The queue and search: the right cases in due order, on indexes, and search kept in sync."""

from __future__ import annotations

import pytest
from storekit import add_signer, meets_doc, open_store, text

from reviewer_app.core.store import cases, decisions, queue
from reviewer_app.core.store.errors import StoreError
from reviewer_app.core.store.queue import CaseQuery

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
