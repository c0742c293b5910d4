"""Backups: a consistent, checked copy, taken while another connection keeps writing."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from storekit import meets_doc, open_store, text

from reviewer_app.core.store import audit, cases
from reviewer_app.core.store.backup import backup
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import StoreError


def test_a_backup_taken_while_another_instance_writes_is_whole_and_verifies(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with open_store(path) as store:
        cases.import_documents(store, [(f"{i}.json", text(meets_doc(i))) for i in range(1, 31)])
    stop = threading.Event()
    written = []

    def keep_writing() -> None:
        with Store.open(path) as other:
            index = 100
            while not stop.is_set():
                cases.import_documents(other, [(f"{index}.json", text(meets_doc(index)))])
                cases.view_case(other, 1)
                written.append(index)
                index += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        with Store.open(path) as store:
            while len(written) < 3:
                stop.wait(0.05)
            results = [backup(store, tmp_path / f"copy-{n}.sqlite3") for n in range(3)]
    finally:
        stop.set()
        writer.join()
    for result in results:
        copy = sqlite3.connect(result.path)
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        copy.close()
        with Store.open(result.path, create=False) as restored:
            report = audit.verify_audit(restored)
            assert report.ok, report.lines()
            assert report.cases >= 30
    with Store.open(path) as store:
        recorded = [e for e in audit.entries(store) if e.action == "backup"]
        assert [e.details["sha256"] for e in reversed(recorded)] == [r.sha256 for r in results]
        assert audit.verify_audit(store).ok


def test_a_folder_gets_a_dated_file_and_nothing_is_overwritten(tmp_path):
    with open_store(tmp_path / "cases.sqlite3") as store:
        first = backup(store, tmp_path)
        assert first.path.name.startswith("cases-202611") and first.path.suffix == ".sqlite3"
        assert first.path.parent == tmp_path
        with pytest.raises(StoreError, match="already exists"):
            backup(store, first.path)
        with pytest.raises(StoreError, match="does not exist"):
            backup(store, tmp_path / "absent" / "copy.sqlite3")
        assert not list(tmp_path.glob(".backup-*"))
