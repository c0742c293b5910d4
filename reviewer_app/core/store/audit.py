"""The audit trail: an append-only, hash-chained log of who did what to which case, and when.

HIPAA's audit-controls and integrity standards (45 CFR 164.312(b), (c)(1)) ask for a record of
activity, access included, and a way to show that records were not altered. Each entry's hash
is SHA-256 over its canonical serialisation (:mod:`hashing`), which includes the previous
entry's hash, so changing, removing or reordering any entry breaks every link after it.
Triggers refuse UPDATE and DELETE; :func:`verify_audit` catches what happens when someone drops
them, and catches rows of ``cases`` (and of evaluations, decisions and reviewers) that were
changed behind the application's back, because every write records the row's hash.

Details hold ids, codes of the action and hashes, never member data: the log can be shown to an
auditor without exposing PHI. A view records no case hash, so looking at a tampered case cannot
make it match again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from reviewer_app.core.store.database import Store
from reviewer_app.core.store.errors import TamperedCaseError
from reviewer_app.core.store.hashing import GENESIS, canonical, sha256_text
from reviewer_app.core.store.rows import CASE_COLUMNS, RECORD_COLUMNS, case_hash, record_hash

ACTIONS = ("create", "view", "change", "edit", "evaluate", "decide", "export", "backup",
           "draft_start", "draft_discard", "unlock_failed", "peer_to_peer", "sign_in",
           "sign_out", "lock", "attach", "attachment_remove", "oral_notice",
           "letter_format")
"""``edit``: a new version of the case's document was saved (the request itself changed).
``draft_start`` / ``draft_discard``: an intake draft (patient data being entered) was begun or
thrown away; a draft saved as a case shows in that case's ``create`` or ``edit``.
``unlock_failed``: a passphrase did not open a reviewer's or the CA's key (who and when; the
passphrase is never recorded). ``peer_to_peer``: a conversation between the requesting provider
and a physician reviewer was recorded (its row in ``peer_to_peer``). ``sign_in`` / ``sign_out`` /
``lock``: a reviewer's desktop session began (or resumed after a lock), ended, or was locked
(idle, or by hand): HIPAA's automatic logoff and person authentication, 45 CFR
164.312(a)(2)(iii) and (d).
``attach``: a document was attached to a case or a draft, or a draft's attachment went to the
case the draft became (the attachment's row hash, as for every record).
``attachment_remove``: an attachment of a draft was removed (the draft discarded, or the file
taken off it); its record stamp's hash is :data:`REMOVED`.
``oral_notice``: the reviewer recorded telling someone an expedited case's decision by phone
(its row in ``oral_notices``). ``letter_format``: the member's request for large-print letters
was recorded, or withdrawn (its row in ``letter_formats``)."""

REMOVED = "removed"
"""The record hash of an entry that removes a row the application may delete (a draft's
attachment): a row recorded so that is not reported missing, and one that is still there after
it was recorded is reported changed. Never a SHA-256 hex digest, so it cannot match a row."""

_INSERT = (
    "INSERT INTO audit (seq, at, action, reviewer_id, os_user, case_id, case_version, case_hash,"
    " record_table, record_id, record_hash, details, prev_hash, hash)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

HASHED_FIELDS = (
    "seq", "at", "action", "reviewer_id", "os_user", "case_id", "case_version", "case_hash",
    "record_table", "record_id", "record_hash", "details", "prev_hash",
)
"""What an entry's hash covers: every column except the hash itself."""


CaseStamp = tuple[int, int, str | None]
"""(case id, version, content hash or None): what an entry records of a case."""
RecordStamp = tuple[str, int, str]
"""(table, id, content hash): what an entry records of an evaluation, decision or reviewer."""


def entry_hash(entry: Mapping[str, Any]) -> str:
    return sha256_text(canonical([[name, entry[name]] for name in HASHED_FIELDS]))


@dataclass(frozen=True)
class Entry:
    seq: int
    at: str
    action: str
    reviewer_id: int | None
    os_user: str
    case_id: int | None
    case_version: int | None
    details: dict[str, Any]

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Entry:
        return cls(row["seq"], row["at"], row["action"], row["reviewer_id"], row["os_user"],
                   row["case_id"], row["case_version"], json.loads(row["details"]))


class AuditLog:
    """Appends entries inside the caller's write transaction (the chain's tail is read once)."""

    def __init__(self, store: Store):
        if not store.conn.in_transaction:
            raise RuntimeError("the audit log is written only inside Store.write()")
        self.store = store
        tail = store.conn.execute(
            "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        issued = store.conn.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit'"
        ).fetchone()
        self._seq = max(tail[0] if tail else 0, issued[0] if issued else 0)
        self._hash = tail[1] if tail else GENESIS

    def append(
        self,
        action: str,
        *,
        reviewer_id: int | None = None,
        case: CaseStamp | None = None,
        record: RecordStamp | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> int:
        """Add one entry about ``case`` (as it now stands) and/or another ``record``.
        Returns the entry's sequence number."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        self._seq += 1
        entry = {
            "seq": self._seq,
            "at": self.store.now(),
            "action": action,
            "reviewer_id": reviewer_id,
            "os_user": self.store.os_user,
            "case_id": case[0] if case else None,
            "case_version": case[1] if case else None,
            "case_hash": case[2] if case else None,
            "record_table": record[0] if record else None,
            "record_id": record[1] if record else None,
            "record_hash": record[2] if record else None,
            "details": canonical(dict(details or {})),
            "prev_hash": self._hash,
        }
        entry["hash"] = entry_hash(entry)
        self.store.conn.execute(_INSERT, tuple(entry.values()))
        self._hash = entry["hash"]
        return self._seq

    @property
    def head(self) -> tuple[int, str]:
        """The number and hash of the chain's last entry (what a checkpoint signs)."""
        return self._seq, self._hash


def case_stamp(row: Mapping[str, Any], *, hashed: bool = True) -> CaseStamp:
    """The stamp of the case as it now stands. Reads (views, exports) pass ``hashed=False``:
    they must not vouch for a row the application did not write."""
    return (row["id"], row["version"], case_hash(row) if hashed else None)


def record_stamp(table: str, row: Mapping[str, Any]) -> RecordStamp:
    return (table, row["id"], record_hash(table, row))


def check_case_intact(store: Store, row: Mapping[str, Any]) -> None:
    """Refuse to act on a case whose row differs from its last recorded version."""
    recorded = store.conn.execute(
        "SELECT case_hash, seq FROM audit WHERE case_id = ? AND case_hash IS NOT NULL "
        "ORDER BY seq DESC LIMIT 1",
        (row["id"],),
    ).fetchone()
    if recorded is None or recorded[0] != case_hash(row):
        where = f"audit entry {recorded[1]}" if recorded else "any audit entry"
        raise TamperedCaseError(
            f"record altered: case {row['id']} does not match {where}: it was changed outside "
            "the application. Nothing was done; run `audit verify` and restore from a backup"
        )


def check_record_intact(store: Store, table: str, row: Mapping[str, Any]) -> None:
    recorded = store.conn.execute(
        "SELECT record_hash, seq FROM audit WHERE record_table = ? AND record_id = ? "
        "ORDER BY seq DESC LIMIT 1",
        (table, row["id"]),
    ).fetchone()
    if recorded is None or recorded[0] != record_hash(table, row):
        what = table.removesuffix("s")
        raise TamperedCaseError(
            f"record altered: {what} {row['id']} does not match its audit record: it was "
            "changed outside the application. Nothing was done; run `audit verify`"
        )


def entries(store: Store, *, case_id: int | None = None, limit: int | None = None,
            newest_first: bool = True) -> list[Entry]:
    where, params = ("WHERE case_id = ?", [case_id]) if case_id is not None else ("", [])
    order = "DESC" if newest_first else "ASC"
    sql = f"SELECT * FROM audit {where} ORDER BY seq {order}"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [Entry.from_row(row) for row in store.query(sql, params)]


@dataclass(frozen=True)
class Fault:
    message: str
    seq: int | None = None
    case_id: int | None = None


@dataclass
class AuditReport:
    """What :func:`verify_audit` found: the first broken link, every row that differs, every
    signature or checkpoint that fails, and notes (unsigned rows from before signatures)."""

    entries: int = 0
    cases: int = 0
    records: int = 0
    checkpoints: int = 0
    signed_decisions: int = 0
    authority: str | None = None
    """The organization CA's SHA-256 fingerprint, None before there is one."""
    chain_fault: Fault | None = None
    row_faults: list[Fault] = field(default_factory=list)
    signature_faults: list[Fault] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.chain_fault is None and not self.row_faults and not self.signature_faults

    def lines(self) -> list[str]:
        notes = [f"note: {note}" for note in self.notes]
        if self.ok:
            signed = (f"; {self.checkpoints} signed checkpoints and {self.signed_decisions} "
                      f"signed decisions hold, against the organization CA {self.authority}"
                      if self.authority else "")
            return [f"ok: {self.entries} audit entries, chain intact; {self.cases} cases and "
                    f"{self.records} other records match their last recorded versions{signed}",
                    *notes]
        lines = []
        if self.chain_fault:
            lines.append(f"audit chain broken: {self.chain_fault.message}")
        lines += [f"record altered: {fault.message}" for fault in self.row_faults]
        lines += [f"signature failed: {fault.message}" for fault in self.signature_faults]
        return lines + notes


def verify_audit(store: Store) -> AuditReport:
    """Re-walk the chain from the first entry, then check every stored row against the hash of
    its last recorded version. Reads one consistent snapshot; writes nothing."""
    report = AuditReport()
    own_snapshot = not store.conn.in_transaction
    if own_snapshot:
        store.conn.execute("BEGIN")
    try:
        watched = {row[0] for row in store.conn.execute("SELECT seq FROM audit_checkpoints")}
        hashes: dict[int, str] = {}
        decided: dict[int, int] = {}
        last_case, last_record = _walk_chain(store, report, watched, hashes, decided)
        _check_cases(store, last_case, report)
        _check_records(store, last_record, report)
        from reviewer_app.core.store.signing import check_trail  # cryptography: only to verify

        trail = check_trail(store, hashes, decided)
        report.checkpoints, report.signed_decisions = trail.checkpoints, trail.signed_decisions
        report.authority, report.notes = trail.authority, trail.notes
        report.row_faults += [Fault(message, seq) for message, seq in trail.altered]
        report.signature_faults = [Fault(message, seq) for message, seq in trail.faults]
    finally:
        if own_snapshot:
            store.conn.rollback()
    return report


def _rows(store: Store, sql: str) -> Iterator[sqlite3.Row]:
    cursor = store.conn.cursor()
    cursor.row_factory = sqlite3.Row
    yield from cursor.execute(sql)


def _walk_chain(store: Store, report: AuditReport, watched: set[int], hashes: dict[int, str],
                decided: dict[int, int]) -> tuple[dict, dict]:
    """Walk every entry; keep the hashes of the ``watched`` entries (those checkpoints sign)
    and the entry of each decision."""
    last_case: dict[int, tuple[str, int]] = {}
    last_record: dict[tuple[str, int], tuple[str, int]] = {}
    expected_seq, expected_prev = 1, GENESIS
    for row in _rows(store, "SELECT * FROM audit ORDER BY seq"):
        report.entries += 1
        seq = row["seq"]
        if report.chain_fault is None:
            report.chain_fault = _link_fault(row, expected_seq, expected_prev)
        expected_seq, expected_prev = seq + 1, row["hash"]
        if row["case_hash"] is not None:
            last_case[row["case_id"]] = (row["case_hash"], seq)
        if row["record_hash"] is not None:
            last_record[(row["record_table"], row["record_id"])] = (row["record_hash"], seq)
            if row["record_table"] == "decisions":
                decided[row["record_id"]] = seq
        if seq in watched:
            hashes[seq] = row["hash"] if entry_hash(row) == row["hash"] else "(changed)"
    issued = store.conn.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'audit'"
    ).fetchone()
    if report.chain_fault is None and issued and issued[0] >= expected_seq:
        report.chain_fault = Fault(
            f"entries {expected_seq} to {issued[0]} are missing: the end of the log was cut "
            "off (entry numbers are never reused)", expected_seq
        )
    return last_case, last_record


def _link_fault(row: sqlite3.Row, expected_seq: int, expected_prev: str) -> Fault | None:
    seq = row["seq"]
    if seq != expected_seq:
        missing = f"entry {expected_seq}" if seq == expected_seq + 1 else (
            f"entries {expected_seq} to {seq - 1}")
        return Fault(f"{missing} missing before entry {seq} (deleted)", seq)
    if row["prev_hash"] != expected_prev:
        return Fault(
            f"entry {seq} does not follow entry {seq - 1}: an earlier entry was changed or "
            "replaced after this one was written", seq)
    if entry_hash(row) != row["hash"]:
        return Fault(
            f"entry {seq} ({row['action']} at {row['at']}) was changed after it was written: "
            "its contents do not match its hash", seq)
    return None


def _check_cases(store: Store, last_case: dict, report: AuditReport) -> None:
    seen = set()
    columns = ", ".join(CASE_COLUMNS)
    for row in _rows(store, f"SELECT {columns} FROM cases ORDER BY id"):
        report.cases += 1
        seen.add(row["id"])
        recorded = last_case.get(row["id"])
        if recorded is None:
            report.row_faults.append(Fault(
                f"case {row['id']} has no audit record: it was added outside the application",
                case_id=row["id"]))
        elif recorded[0] != case_hash(row):
            report.row_faults.append(Fault(
                f"case {row['id']} (version {row['version']}) does not match its last recorded "
                f"version (audit entry {recorded[1]}): it was changed outside the application",
                recorded[1], row["id"]))
    for case_id in sorted(set(last_case) - seen):
        report.row_faults.append(Fault(
            f"case {case_id} is missing: it was deleted outside the application",
            last_case[case_id][1], case_id))


def _check_records(store: Store, last_record: dict, report: AuditReport) -> None:
    for table, columns in RECORD_COLUMNS.items():
        what = table.removesuffix("s")
        seen = set()
        for row in _rows(store, f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"):
            report.records += 1
            seen.add(row["id"])
            recorded = last_record.get((table, row["id"]))
            if recorded is None:
                report.row_faults.append(Fault(
                    f"{what} {row['id']} has no audit record: it was added outside the "
                    "application", case_id=row["case_id"] if "case_id" in columns else None))
            elif recorded[0] != record_hash(table, row):
                report.row_faults.append(Fault(
                    f"{what} {row['id']} does not match its recorded version (audit entry "
                    f"{recorded[1]}): it was changed outside the application", recorded[1]))
        for table_name, row_id in sorted(k for k in last_record if k[0] == table):
            if row_id not in seen and last_record[(table_name, row_id)][0] != REMOVED:
                report.row_faults.append(Fault(
                    f"{what} {row_id} is missing: it was deleted outside the application",
                    last_record[(table_name, row_id)][1]))


CASE_RECORD_TABLES = ("evaluations", "decisions", "letters", "case_documents", "fhir_requests",
                      "peer_to_peer", "attachments", "oral_notices",
                      "letter_formats")
"""The tables whose rows belong to one case (they have a ``case_id``)."""


@dataclass
class CaseCheck:
    """What :func:`verify_case` found for one case: faults of its own entries and rows, and
    entries missing from the trail that may have been anyone's."""

    case_id: int
    entries: int = 0
    records: int = 0
    faults: list[Fault] = field(default_factory=list)
    trail_faults: list[Fault] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.faults and not self.trail_faults

    def lines(self) -> list[str]:
        if self.ok:
            return [f"ok: case {self.case_id}'s {self.entries} audit entries are intact and "
                    f"linked into the chain; the case and its {self.records} other records "
                    "match their last recorded versions"]
        return [fault.message for fault in (*self.faults, *self.trail_faults)]


def verify_case(store: Store, case_id: int) -> CaseCheck:
    """Check one case without walking the whole trail: each of its entries against its own
    hash and its neighbours' links, the case row and its records against their last recorded
    hashes, and the trail for missing entries (which cannot say whose they were).

    A deletion of one of this case's entries between two entries of other cases shows only as a
    missing entry of the trail; ``verify_audit`` then tells the rest. Writes nothing."""
    check = CaseCheck(case_id)
    own_snapshot = not store.conn.in_transaction
    if own_snapshot:
        store.conn.execute("BEGIN")
    try:
        rows = list(_rows_with(store, "SELECT * FROM audit WHERE case_id = ? ORDER BY seq",
                               (case_id,)))
        check.entries = len(rows)
        _check_case_links(store, rows, check)
        _check_case_rows(store, case_id, rows, check)
        check.trail_faults = _missing_entries(store)
    finally:
        if own_snapshot:
            store.conn.rollback()
    return check


def _rows_with(store: Store, sql: str, parameters: tuple) -> Iterator[sqlite3.Row]:
    cursor = store.conn.cursor()
    cursor.row_factory = sqlite3.Row
    yield from cursor.execute(sql, parameters)


def _hashes(store: Store, seqs: set[int]) -> dict[int, tuple[str, str]]:
    """(prev_hash, hash) of the entries numbered ``seqs``."""
    found: dict[int, tuple[str, str]] = {}
    ordered = sorted(seqs)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for seq, prev, digest in store.conn.execute(
                f"SELECT seq, prev_hash, hash FROM audit WHERE seq IN ({marks})", chunk):
            found[seq] = (prev, digest)
    return found


def _check_case_links(store: Store, rows: list[sqlite3.Row], check: CaseCheck) -> None:
    last = store.conn.execute("SELECT max(seq) FROM audit").fetchone()[0] or 0
    seqs = {row["seq"] for row in rows}
    neighbours = _hashes(store, {s - 1 for s in seqs if s > 1} | {s + 1 for s in seqs} - seqs)
    known = {row["seq"]: (row["prev_hash"], row["hash"]) for row in rows} | neighbours
    if rows and rows[0]["action"] != "create":
        check.faults.append(Fault(
            f"the case's first audit entry is entry {rows[0]['seq']} ({rows[0]['action']}), "
            "not its creation: earlier entries of this case were removed", rows[0]["seq"],
            check.case_id))
    for row in rows:
        seq = row["seq"]
        if entry_hash(row) != row["hash"]:
            check.faults.append(Fault(
                f"entry {seq} ({row['action']} at {row['at']}) was changed after it was "
                "written: its contents do not match its hash", seq, check.case_id))
        before = known.get(seq - 1)
        if seq == 1 and row["prev_hash"] != GENESIS:
            check.faults.append(Fault("entry 1 does not start the chain", 1, check.case_id))
        elif seq > 1 and before is None:
            check.faults.append(Fault(
                f"entry {seq - 1}, just before this case's entry {seq}, is missing (deleted)",
                seq, check.case_id))
        elif seq > 1 and before[1] != row["prev_hash"]:
            check.faults.append(Fault(
                f"entry {seq} does not follow entry {seq - 1}: an earlier entry was changed "
                "or replaced after this one was written", seq, check.case_id))
        after = known.get(seq + 1)
        if seq < last and after is None:
            check.faults.append(Fault(
                f"entry {seq + 1}, just after this case's entry {seq}, is missing (deleted)",
                seq, check.case_id))
        elif after is not None and after[0] != row["hash"] and seq + 1 not in seqs:
            check.faults.append(Fault(
                f"entry {seq + 1} does not follow this case's entry {seq}: entry {seq} was "
                f"changed or replaced after entry {seq + 1} was written", seq, check.case_id))


def _check_case_rows(store: Store, case_id: int, rows: list[sqlite3.Row],
                     check: CaseCheck) -> None:
    case = store.query_one(f"SELECT {', '.join(CASE_COLUMNS)} FROM cases WHERE id = ?",
                           (case_id,))
    hashed = [row for row in rows if row["case_hash"] is not None]
    if case is None:
        if rows:
            check.faults.append(Fault(
                f"case {case_id} is missing: it was deleted outside the application",
                rows[-1]["seq"], case_id))
    elif not hashed:
        check.faults.append(Fault(
            f"case {case_id} has no audit record: it was added outside the application",
            case_id=case_id))
    elif hashed[-1]["case_hash"] != case_hash(case):
        check.faults.append(Fault(
            f"case {case_id} (version {case['version']}) does not match its last recorded "
            f"version (audit entry {hashed[-1]['seq']}): it was changed outside the "
            "application", hashed[-1]["seq"], case_id))
    recorded: dict[tuple[str, int], tuple[str, int]] = {}
    for row in rows:
        if row["record_hash"] is not None:
            recorded[(row["record_table"], row["record_id"])] = (row["record_hash"], row["seq"])
    for table in CASE_RECORD_TABLES:
        what = table.removesuffix("s").replace("_", " ")
        columns = RECORD_COLUMNS[table]
        seen = set()
        for row in _rows_with(store, f"SELECT {', '.join(columns)} FROM {table} "
                              "WHERE case_id = ? ORDER BY id", (case_id,)):
            check.records += 1
            seen.add(row["id"])
            last = recorded.get((table, row["id"])) or _last_record(store, table, row["id"])
            if last is None:
                check.faults.append(Fault(
                    f"{what} {row['id']} has no audit record: it was added outside the "
                    "application", case_id=case_id))
            elif last[0] != record_hash(table, row):
                check.faults.append(Fault(
                    f"{what} {row['id']} does not match its recorded version (audit entry "
                    f"{last[1]}): it was changed outside the application", last[1], case_id))
        for (name, row_id), (_digest, seq) in sorted(recorded.items()):
            if name == table and row_id not in seen:
                check.faults.append(Fault(
                    f"{what} {row_id} is missing: it was deleted outside the application",
                    seq, case_id))
    from reviewer_app.core.store.signing import UNSIGNED, Signatures

    signatures = Signatures(store)
    for row in _rows_with(store, "SELECT * FROM decisions WHERE case_id = ? ORDER BY id",
                          (case_id,)):
        problem = signatures.decision_problem(row)
        if problem is not None and problem != UNSIGNED:
            check.faults.append(Fault(problem, case_id=case_id))


def _last_record(store: Store, table: str, row_id: int) -> tuple[str, int] | None:
    """A record's last hash when an entry of no case recorded it (none does today)."""
    found = store.conn.execute(
        "SELECT record_hash, seq FROM audit WHERE record_table = ? AND record_id = ? "
        "ORDER BY seq DESC LIMIT 1", (table, row_id)).fetchone()
    return (found[0], found[1]) if found else None


def _missing_entries(store: Store) -> list[Fault]:
    """Gaps in the entry numbers (deleted entries) and a cut-off end, found without reading
    the entries: their count against the highest number."""
    count, last = store.conn.execute("SELECT count(*), coalesce(max(seq), 0) FROM audit").fetchone()
    issued = store.conn.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
    faults = []
    if count != last:
        starts = [row[0] for row in store.conn.execute(
            "SELECT a.seq - 1 FROM audit a WHERE a.seq > 1 AND NOT EXISTS "
            "(SELECT 1 FROM audit b WHERE b.seq = a.seq - 1) ORDER BY a.seq LIMIT 5")]
        where = ", ".join(f"before entry {s + 1}" for s in starts)
        faults.append(Fault(
            f"{last - count} audit entries are missing from the trail ({where}): they were "
            "deleted, and whose they were cannot be told; run `audit verify`",
            starts[0] + 1 if starts else None))
    if issued and issued[0] > last:
        faults.append(Fault(
            f"entries {last + 1} to {issued[0]} are missing: the end of the audit trail was cut "
            "off (entry numbers are never reused); run `audit verify`", last + 1))
    return faults
