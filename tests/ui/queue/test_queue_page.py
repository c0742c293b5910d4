"""The queue page over a generated store: pages, sorting, filters, search as you type, the
ticking time left, keyboard navigation, counts, refresh on a change, and what it remembers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from support.uikit import WAIT_MS, as_signed_in, reading

from bench.queue_store import PASSPHRASE
from reviewer_app.core.lifecycle import OPEN
from reviewer_app.core.store import decisions, queue
from reviewer_app.core.store.queue import CaseQuery
from reviewer_app.core.store.records import list_reviewers
from reviewer_app.ui.queue.model import (
    ASSIGNED,
    CASE,
    CASE_ID_ROLE,
    DUE,
    MEMBER,
    PAGE_ROWS,
    PROCEDURE,
    STATUS_COLUMN,
    TIME_LEFT,
    URGENCY_COLUMN,
)
from reviewer_app.ui.queue.page import QueuePage
from reviewer_app.ui.session.operations import sign_in
from reviewer_app.ui.session.session import SignedIn
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone


def started_page(qtbot, context) -> QueuePage:
    page = QueuePage(context)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
        page.start()
    settle(qtbot, page)
    return page


@pytest.fixture
def page(qtbot, queue_context):
    return started_page(qtbot, queue_context)


def settle(qtbot, page: QueuePage) -> None:
    """Until no page is being read (the queue reads one screen ahead of the scrolling)."""
    qtbot.waitUntil(lambda: not page.model.is_loading(), timeout=WAIT_MS)
    qtbot.wait(20)
    qtbot.waitUntil(lambda: not page.model.is_loading(), timeout=WAIT_MS)


def starts(page: QueuePage, expected: list[int]) -> bool:
    """The rows shown are the first of ``expected``: a page at least, or all of them."""
    shown = shown_ids(page)
    return len(shown) >= min(PAGE_ROWS, len(expected)) and shown == expected[:len(shown)]


def shown_ids(page: QueuePage) -> list[int]:
    model = page.model
    return [model.index(row, 0).data(CASE_ID_ROLE) for row in range(model.rowCount())]


def expected_ids(path, **filters) -> list[int]:
    """The whole list, read from the store on the test's own connection."""
    with reading(path) as store:
        return [c.id for c in queue.list_cases(store, CaseQuery(limit=0, **filters))]


def cell(page: QueuePage, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return page.model.index(row, column).data(role)


def wait_rows(qtbot, page: QueuePage, change) -> None:
    with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
        change()
    settle(qtbot, page)


def test_the_first_pages_are_the_open_queue_soonest_due_first(page, store_copy):
    expected = expected_ids(store_copy)
    assert len(expected) > 2 * PAGE_ROWS  # more than the first page and the one read ahead
    assert starts(page, expected) and page.model.rowCount() < len(expected)
    assert page.model.has_more() and page.model.canFetchMore()


def test_scrolling_to_the_end_reads_the_next_pages_until_the_last(qtbot, page, store_copy):
    expected = expected_ids(store_copy)
    while page.model.rowCount() < len(expected):
        with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
            page.ui.table.scrollToBottom()  # lays the new rows out first, as a reviewer sees them
    assert shown_ids(page) == expected
    assert not page.model.has_more()


@pytest.mark.parametrize(("column", "sort", "key"), [
    (MEMBER, "member", lambda s: (s.member_name, s.id)),
    (CASE, "case", lambda s: (s.id,)),
    (STATUS_COLUMN, "status", lambda s: (s.status, s.due_at, s.id)),
    (TIME_LEFT, "due", lambda s: (s.due_at, s.id)),
])
def test_a_column_title_sorts_by_it_and_again_reverses(qtbot, page, store_copy, column, sort,
                                                      key):
    with reading(store_copy) as store:
        everything = queue.list_cases(store, CaseQuery(limit=0))
    ordered = [s.id for s in sorted(everything, key=key)]
    header = page.ui.table.horizontalHeader()
    if header.sortIndicatorSection() == column:  # "Time left" starts as the due order's twin
        header.setSortIndicator(DUE, Qt.SortOrder.DescendingOrder)
        qtbot.waitUntil(lambda: not page.model.is_loading(), timeout=WAIT_MS)
    wait_rows(qtbot, page, lambda: header.setSortIndicator(column, Qt.SortOrder.AscendingOrder))
    assert page.current_query().sort == sort
    assert starts(page, ordered)
    wait_rows(qtbot, page, lambda: header.setSortIndicator(column, Qt.SortOrder.DescendingOrder))
    assert starts(page, ordered[::-1])


@pytest.mark.parametrize("column", [URGENCY_COLUMN, ASSIGNED, PROCEDURE])
def test_a_column_the_store_cannot_sort_by_keeps_the_order_and_says_why(qtbot, page, column):
    before = shown_ids(page)
    header = page.ui.table.horizontalHeader()
    header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    qtbot.wait(50)
    assert header.sortIndicatorSection() == DUE
    assert shown_ids(page) == before
    tip = page.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Not sortable")
    assert page.model.headerData(MEMBER, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.ToolTipRole).startswith("Click to sort")


@pytest.mark.parametrize(("change", "filters"), [
    (lambda bar: bar.ui.statusCombo.setCurrentIndex(4), {"status": "pended"}),
    (lambda bar: bar.ui.statusCombo.setCurrentIndex(1), {"status": "all"}),
    (lambda bar: bar.ui.urgencyCombo.setCurrentIndex(1), {"urgency": "expedited"}),
    (lambda bar: bar.ui.lineCombo.setCurrentIndex(3), {"line_of_business": "medicaid"}),
    (lambda bar: bar.ui.overdueCheck.setChecked(True), {"overdue": True}),
    (lambda bar: bar.ui.dueTodayCheck.setChecked(True), {"due_today": True}),
])
def test_each_filter_lists_what_the_store_lists_for_it(qtbot, page, store_copy, change,
                                                       filters):
    wait_rows(qtbot, page, lambda: change(page.ui.filterBar))
    expected = expected_ids(store_copy, **filters)
    assert expected, "the generated store should have cases for every filter"
    assert starts(page, expected)


def test_filters_combine_and_reset_brings_the_open_queue_back(qtbot, page, store_copy):
    bar = page.ui.filterBar
    wait_rows(qtbot, page, lambda: bar.ui.urgencyCombo.setCurrentIndex(1))
    wait_rows(qtbot, page, lambda: bar.ui.overdueCheck.setChecked(True))
    late_expedited = expected_ids(store_copy, urgency="expedited", overdue=True)
    assert starts(page, late_expedited)
    assert all(cell(page, row, TIME_LEFT).startswith("Overdue")
               for row in range(page.model.rowCount()))
    wait_rows(qtbot, page, bar.reset)
    assert starts(page, expected_ids(store_copy))


def test_search_as_you_type_reads_the_store_once_after_the_pause(qtbot, page, store_copy,
                                                                 monkeypatch):
    searched = []
    real = queue.queue_page

    def counting(store, query, **kwargs):
        searched.append(query.search)
        return real(store, query, **kwargs)

    monkeypatch.setattr(queue, "queue_page", counting)
    with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
        qtbot.keyClicks(page.ui.filterBar.ui.searchEdit, "okafor")
    settle(qtbot, page)
    assert searched[0] == "okafor" and set(searched) == {"okafor"}  # then the next pages
    with reading(store_copy) as store:
        expected = [c.id for c in queue.list_cases(store, CaseQuery(search="okafor", limit=0))]
    assert expected and starts(page, expected)
    assert all("Okafor" in cell(page, row, MEMBER) for row in range(page.model.rowCount()))
    header = page.ui.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        CASE, Qt.SortOrder.DescendingOrder)  # newest first
    assert not page.model.sortable(MEMBER)


def test_search_with_a_filter_and_escape_clears_it(qtbot, page, store_copy):
    bar = page.ui.filterBar
    wait_rows(qtbot, page, lambda: bar.ui.statusCombo.setCurrentIndex(1))
    with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
        qtbot.keyClicks(bar.ui.searchEdit, "63090")
    settle(qtbot, page)
    with reading(store_copy) as store:
        expected = [c.id for c in queue.list_cases(
            store, CaseQuery(status="all", search="63090", limit=0))]
    assert starts(page, expected)
    with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
        qtbot.keyClick(bar.ui.searchEdit, Qt.Key.Key_Escape)
    settle(qtbot, page)
    assert bar.ui.searchEdit.text() == ""
    assert starts(page, expected_ids(store_copy, status="all"))


def test_a_search_that_finds_nothing_says_so(qtbot, page):
    with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
        qtbot.keyClicks(page.ui.filterBar.ui.searchEdit, "zzzzqq")
    settle(qtbot, page)
    assert page.ui.resultPages.currentWidget() is page.ui.messagePage
    assert "No case matches" in page.ui.messageLabel.text()


def test_time_left_ticks_from_the_rows_loaded_without_reading_the_store(
        qtbot, page, clock, monkeypatch):
    before = [cell(page, row, TIME_LEFT) for row in range(page.model.rowCount())]
    monkeypatch.setattr(queue, "queue_page", lambda *a, **k: pytest.fail("read the store"))
    changed = []
    page.model.dataChanged.connect(lambda first, last, roles: changed.append((first, last)))
    clock.advance(timedelta(hours=30))
    page._on_clock_timeout()
    after = [cell(page, row, TIME_LEFT) for row in range(page.model.rowCount())]
    assert after != before
    assert changed
    assert page._clock.interval() == 30_000 and page._clock.isActive()


def test_overdue_is_red_and_under_a_day_amber_in_text_and_colour(page):
    tones = {}
    for row in range(page.model.rowCount()):
        text = cell(page, row, TIME_LEFT)
        background = cell(page, row, TIME_LEFT, Qt.ItemDataRole.BackgroundRole)
        foreground = cell(page, row, TIME_LEFT, Qt.ItemDataRole.ForegroundRole)
        if text.startswith("Overdue"):
            tones.setdefault("overdue", (background, foreground))
        elif background is not None:
            tones.setdefault("soon", (background, foreground))
    # both colours set, so the text stays readable on the tint in a dark palette too
    assert tones["overdue"] == (TINT[Tone.BAD], TEXT[Tone.BAD])
    assert tones["soon"] == (TINT[Tone.PEND], TEXT[Tone.PEND])


def test_enter_and_double_click_open_the_case(qtbot, page):
    table = page.ui.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(3, 0))
    expected = page.model.row_at(3).id
    with qtbot.waitSignal(page.case_activated, timeout=WAIT_MS) as activated:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert activated.args == [expected]
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert page.current_case() == page.model.row_at(4).id
    rect = table.visualRect(page.model.index(5, MEMBER))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.case_activated, timeout=WAIT_MS) as activated:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [page.model.row_at(5).id]


def test_down_from_the_search_box_goes_to_the_results(qtbot, page):
    page.focus_search()
    qtbot.keyClick(page.ui.filterBar.ui.searchEdit, Qt.Key.Key_Down)
    assert page.ui.table.hasFocus()
    assert page.current_case() == page.model.row_at(0).id


def signed_in(path, name: str) -> SignedIn:
    """``name`` signed in on the generated store (its reviewers share one passphrase)."""
    with reading(path) as store:
        reviewer = next(r for r in list_reviewers(store) if r.name == name)
        return sign_in(store, reviewer.id, PASSPHRASE)


def test_assigned_to_me_is_the_signed_in_reviewer_s_cases(qtbot, page, queue_context,
                                                          store_copy):
    bar = page.ui.filterBar
    assert not bar.ui.mineCheck.isEnabled()  # nobody signed in
    pat = signed_in(store_copy, "Pat Lee")
    queue_context.session.sign_in(pat)
    assert bar.ui.mineCheck.isEnabled() and bar.me() == pat.id
    assert "Pat Lee, RN" in bar.ui.mineCheck.toolTip()
    wait_rows(qtbot, page, lambda: bar.ui.mineCheck.setChecked(True))
    expected = expected_ids(store_copy, assigned_to=pat.id)
    assert expected and starts(page, expected)
    assert {cell(page, row, ASSIGNED) for row in range(page.model.rowCount())} == {
        "Pat Lee, RN"}

    sam = signed_in(store_copy, "Sam Ortiz")
    wait_rows(qtbot, page, lambda: queue_context.session.sign_in(sam))
    assert bar.ui.mineCheck.isChecked() and page.current_query().assigned_to == sam.id
    assert {cell(page, row, ASSIGNED) for row in range(page.model.rowCount())} == {
        "Sam Ortiz, RN"}

    wait_rows(qtbot, page, queue_context.session.sign_out)
    assert not bar.ui.mineCheck.isEnabled() and not bar.ui.mineCheck.isChecked()
    assert page.current_query().assigned_to is None


def test_the_counts_are_the_stores(page, store_copy):
    with reading(store_copy) as store:
        counts = queue.queue_counts(store)
    assert page.counts_label.text() == (
        f"Open {counts.open:,} · Due today {counts.due_today:,} · Overdue {counts.overdue:,}")
    assert counts.due_today and counts.overdue


def test_a_changed_case_is_shown_as_it_is_now(qtbot, page, queue_context):
    row = next(r for r in range(page.model.rowCount())
               if page.model.row_at(r).status == "draft")
    case_id = page.model.row_at(row).id

    def assign(store):
        nurse = next(r for r in list_reviewers(store) if r.name == "Sam Ortiz")
        decisions.assign(store, case_id, reviewer=nurse.id, expected_version=1)

    with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
        queue_context.store.op(page, assign).announces(case_id).run()
    settle(qtbot, page)
    row = page.model.row_of(case_id)
    assert cell(page, row, ASSIGNED) == "Sam Ortiz, RN"
    assert cell(page, row, STATUS_COLUMN) == "In review"


def test_column_widths_and_sort_are_remembered(qtbot, page, queue_context):
    header = page.ui.table.horizontalHeader()
    wait_rows(qtbot, page, lambda: header.setSortIndicator(MEMBER, Qt.SortOrder.DescendingOrder))
    header.resizeSection(MEMBER, 321)
    page.save_layout()
    page.close()  # one queue page at a time, as in the window
    again = QueuePage(queue_context)
    qtbot.addWidget(again)
    assert again.ui.table.horizontalHeader().sectionSize(MEMBER) == 321
    assert again.current_query().sort == "member" and again.current_query().descending


def test_every_control_has_an_accessible_name_and_the_tab_order_follows_the_form(page):
    focusable = [w for w in page.findChildren(QWidget)
                 if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(page)
                 and not w.inherits("QScrollBar")]
    assert focusable
    assert [w.objectName() for w in focusable if not w.accessibleName()] == []
    ui = page.ui.filterBar.ui
    order = [ui.searchEdit, ui.overdueCheck, ui.dueTodayCheck, ui.statusCombo,
             ui.urgencyCombo, ui.lineCombo, ui.resetButton, page.ui.table]
    assert not ui.mineCheck.isEnabled()  # nobody signed in: Tab passes it by
    assert [next_tab_stop(widget) for widget in order[:-1]] == order[1:]


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from ``widget``: the next widget in the focus chain that takes it."""
    candidate = widget.nextInFocusChain()
    while not (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isEnabled()
               and candidate.isVisible()):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_statuses_shown_are_open_ones_by_default(page):
    statuses = {page.model.row_at(row).status for row in range(page.model.rowCount())}
    assert statuses <= set(OPEN)
    assert len(statuses) >= 3


def test_rows_are_tall_enough_for_the_font(page):
    table = page.ui.table
    height = table.visualRect(page.model.index(0, MEMBER)).height()
    assert height >= table.fontMetrics().height() * 1.5


def test_a_failed_page_is_reported_once_and_keeps_the_rows(qtbot, page, monkeypatch,
                                                          problems):
    before = shown_ids(page)

    def broken(store, query, **kwargs):
        raise queue.StoreError("the queue index is missing")

    monkeypatch.setattr(queue, "queue_page", broken)
    with qtbot.waitSignal(page.model.load_failed, timeout=WAIT_MS):
        page.ui.filterBar.ui.urgencyCombo.setCurrentIndex(1)
    with qtbot.waitSignal(page.model.load_failed, timeout=WAIT_MS):
        page.ui.filterBar.ui.urgencyCombo.setCurrentIndex(2)
    assert len(problems) == 1
    assert "the queue index is missing" in problems[0][1][0]
    assert shown_ids(page) == before


def test_one_letter_is_not_searched_yet(qtbot, page, monkeypatch):
    searched = []
    real = queue.queue_page
    monkeypatch.setattr(queue, "queue_page",
                        lambda store, query, **kw: (searched.append(query.search),
                                                    real(store, query, **kw))[1])
    with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
        qtbot.keyClicks(page.ui.filterBar.ui.searchEdit, "o")
    settle(qtbot, page)
    assert set(searched) == {None}
    searched.clear()
    with qtbot.waitSignal(page.rows_shown, timeout=WAIT_MS):
        qtbot.keyClicks(page.ui.filterBar.ui.searchEdit, "k")
    settle(qtbot, page)
    assert searched[0] == "ok" and set(searched) == {"ok"}


def test_a_physicians_queue_shows_the_referred_cases_first_with_their_time_left(
        qtbot, queue_context, store_copy):

    from bench.queue_store import PASSPHRASE
    from reviewer_app.core.store.reviewers import unlock_reviewer

    with reading(store_copy) as store:
        [physician] = [r for r in list_reviewers(store) if r.role == "physician"]
        signed_in = unlock_reviewer(store, physician.id, PASSPHRASE)
        referred = [c.id for c in queue.list_cases(store, CaseQuery(status="referred",
                                                                    limit=0))]
    assert referred, "the generated store has referred cases"
    page = started_page(qtbot, as_signed_in(queue_context, signed_in))
    assert page.current_query().sort == "referred"
    shown = shown_ids(page)[:len(referred)]
    assert shown == referred, "every referred case first, soonest due first"
    assert cell(page, 0, STATUS_COLUMN) == "Referred" and cell(page, 0, TIME_LEFT)
    assert cell(page, len(referred), STATUS_COLUMN) != "Referred"
    qtbot.waitUntil(lambda: "Referred cases first" in page.counts_label.text(),
                    timeout=WAIT_MS)
