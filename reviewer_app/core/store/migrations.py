"""The schema, as sqlite-utils migrations, and the check that refuses a newer schema.

Each migration records itself in ``_sqlite_migrations`` (sqlite-utils' own table) and sets
``PRAGMA user_version`` to its position, so the version can be read without our code. A file
whose version or applied migrations this build does not know was written by a newer build: it is
refused before anything is written (see :func:`check_version`).

Never call ``table.transform()`` on ``cases``: sqlite-utils rebuilds the table and drops its
triggers, silently disconnecting the full-text index and the delete guard. Add columns with
``add_column`` and write a migration that recreates the triggers if a rebuild is ever needed.

Importing sqlite-utils costs about 0.1 s (it imports click, dateutil, pluggy, and numpy when
installed), and every start of the application opens the store: so this module imports it
only to apply migrations (:func:`apply`, the ``migrations`` set itself), and
:func:`check_version` reads ``_sqlite_migrations`` with plain SQL, as sqlite-utils does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewer_app.core.store.errors import NewerDatabaseError, NotOurDatabaseError
from reviewer_app.core.store.rows import SEARCH_COLUMNS

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

MIGRATION_SET = "reviewer_app.store"
MIGRATIONS_TABLE = "_sqlite_migrations"
"""sqlite-utils' record of applied migrations (``Migrations.migrations_table``)."""
APPLICATION_ID = 0x55525276
"""``PRAGMA application_id``: 'URRv', so ``file`` and other tools can tell what the file is."""

NAMES: list[str] = []
_STEPS: list[Callable[[Database], None]] = []
_SET: Migrations | None = None


def _guard(db: Database, triggers: list[tuple[str, str, str, str]]) -> None:
    """Triggers that refuse an UPDATE or DELETE with a message saying why: records kept for the
    retention period and the audit trail are never changed in place."""
    for name, event, table, message in triggers:
        db.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON {table} BEGIN "
            f"SELECT RAISE(ABORT, '{message}'); END"
        )


def _migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    number = len(NAMES) + 1

    def step(db: Database) -> None:
        fn(db)
        db.execute(f"PRAGMA user_version = {number}")

    step.__name__ = fn.__name__
    NAMES.append(fn.__name__)
    _STEPS.append(step)
    return step


def migration_set() -> Migrations:
    """The schema as a sqlite-utils migration set (imports sqlite-utils on first use)."""
    global _SET
    if _SET is None:
        from sqlite_utils import Migrations

        made = Migrations(MIGRATION_SET)
        for step in _STEPS:
            made(name=step.__name__)(step)
        _SET = made
    return _SET


def __getattr__(name: str) -> object:
    if name == "migrations":  # the set, as ``migrations.migrations`` (built when first asked)
        return migration_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@_migration
def m001_cases(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db["reviewers"].create(
        {"id": int, "name": str, "credentials": str, "role": str, "created_at": str},
        pk="id",
        not_null=["name", "credentials", "role", "created_at"],
    )
    cases = db["cases"].create(
        {
            "id": int,
            "external_id": str,
            "member_id": str,
            "member_name": str,
            "received_at": str,
            "due_at": str,
            "urgency": str,
            "line_of_business": str,
            "primary_procedure": str,
            "primary_diagnosis": str,
            "codes": str,
            "notes": str,
            "status": str,
            "assigned_reviewer": int,
            "info_needed_by": str,
            "version": int,
            "document": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null=["member_id", "member_name", "received_at", "due_at", "urgency",
                  "line_of_business", "primary_procedure", "primary_diagnosis", "codes",
                  "status", "version", "document", "created_at", "updated_at"],
        foreign_keys=[("assigned_reviewer", "reviewers", "id")],
    )
    cases.create_index(["external_id"])
    cases.create_index(["member_id"])
    cases.create_index(["status", "due_at"])
    cases.create_index(["due_at"])
    cases.create_index(["assigned_reviewer", "due_at"])
    open_statuses = "('draft', 'in_review', 'pended', 'referred')"
    # Partial indexes (sqlite-utils cannot express WHERE): the queue reads only open cases,
    # soonest due first, and stays fast however many decided cases the years accumulate.
    db.execute(f"CREATE INDEX cases_open_due ON cases (due_at) WHERE status IN {open_statuses}")
    db.execute(
        "CREATE INDEX cases_open_assigned ON cases (assigned_reviewer, due_at) "
        f"WHERE status IN {open_statuses}"
    )
    db["evaluations"].create(
        {
            "id": int,
            "case_id": int,
            "case_version": int,
            "outcome": str,
            "criteria_set_id": str,
            "criteria_set_version": str,
            "criteria_set_sha256": str,
            "determination": str,
            "reviewer_id": int,
            "created_at": str,
        },
        pk="id",
        not_null=["case_id", "case_version", "outcome", "determination", "created_at"],
        foreign_keys=[("case_id", "cases", "id"), ("reviewer_id", "reviewers", "id")],
    ).create_index(["case_id", "id"])
    db["decisions"].create(
        {
            "id": int,
            "case_id": int,
            "case_version": int,
            "reviewer_id": int,
            "role": str,
            "decision": str,
            "status_before": str,
            "status_after": str,
            "reason": str,
            "info_needed_by": str,
            "evaluation_id": int,
            "at": str,
        },
        pk="id",
        not_null=["case_id", "case_version", "reviewer_id", "role", "decision",
                  "status_before", "status_after", "at"],
        foreign_keys=[
            ("case_id", "cases", "id"),
            ("reviewer_id", "reviewers", "id"),
            ("evaluation_id", "evaluations", "id"),
        ],
    ).create_index(["case_id", "id"])
    _guard(db, [
        ("cases_keep", "DELETE", "cases",
         "cases are kept for the retention period and cannot be deleted"),
        ("evaluations_keep_update", "UPDATE", "evaluations",
         "an evaluation snapshot cannot be changed"),
        ("evaluations_keep_delete", "DELETE", "evaluations",
         "an evaluation snapshot cannot be deleted"),
        ("decisions_keep_update", "UPDATE", "decisions", "a recorded decision cannot be changed"),
        ("decisions_keep_delete", "DELETE", "decisions", "a recorded decision cannot be deleted"),
    ])


@_migration
def m002_audit(db: Database) -> None:
    """The audit trail, in raw SQL: sqlite-utils cannot declare AUTOINCREMENT, which keeps a
    sequence number from ever being reused, so entries cut off the end still show (the
    ``sqlite_sequence`` high-water mark stays above the last entry)."""
    db.executescript("""
        CREATE TABLE audit (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          action TEXT NOT NULL,
          reviewer_id INTEGER,
          os_user TEXT NOT NULL,
          case_id INTEGER,
          case_version INTEGER,
          case_hash TEXT,
          record_table TEXT,
          record_id INTEGER,
          record_hash TEXT,
          details TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        );
        CREATE INDEX audit_case ON audit (case_id, seq);
        CREATE INDEX audit_record ON audit (record_table, record_id, seq);
    """)
    _guard(db, [
        ("audit_append_only_update", "UPDATE", "audit",
         "the audit trail is append-only: entries cannot be changed"),
        ("audit_append_only_delete", "DELETE", "audit",
         "the audit trail is append-only: entries cannot be deleted"),
    ])


@_migration
def m003_search(db: Database) -> None:
    """FTS5 over the member's name and ids, the codes and the free-text notes, kept in sync by
    sqlite-utils' insert/update/delete triggers on ``cases``."""
    db["cases"].enable_fts(SEARCH_COLUMNS, fts_version="FTS5", create_triggers=True,
                           tokenize="unicode61 remove_diacritics 2")


@_migration
def m004_reviewer_keys(db: Database) -> None:
    """Each reviewer's signing keys: the PKCS#12 encrypted with the reviewer's passphrase and the
    public certificate. Append-only: a renewed or re-imported key is a new row (the newest is
    the one that signs), so the certificate behind every letter ever signed stays on file."""
    db["reviewer_keys"].create(
        {
            "id": int,
            "reviewer_id": int,
            "source": str,
            "subject": str,
            "fingerprint_sha256": str,
            "not_after": str,
            "certificate_pem": str,
            "pkcs12": bytes,
            "created_at": str,
        },
        pk="id",
        not_null=["reviewer_id", "source", "subject", "fingerprint_sha256", "not_after",
                  "certificate_pem", "pkcs12", "created_at"],
        foreign_keys=[("reviewer_id", "reviewers", "id")],
    ).create_index(["reviewer_id", "id"])
    _guard(db, [
        ("reviewer_keys_keep_update", "UPDATE", "reviewer_keys",
         "a stored signing key cannot be changed; add a new one"),
        ("reviewer_keys_keep_delete", "DELETE", "reviewer_keys",
         "a stored signing key cannot be deleted"),
    ])


@_migration
def m005_letters(db: Database) -> None:
    """Issued letters, each with the signed PDF exactly as it went out and its sha256. A
    corrected letter is a new row whose ``replaces`` names the one it corrects (at most one
    correction per letter). Also the codes a partial approval approves, on the decision."""
    db["decisions"].add_column("approved_codes", str)
    db["letters"].create(
        {
            "id": int,
            "letter_id": str,
            "case_id": int,
            "case_version": int,
            "decision_id": int,
            "evaluation_id": int,
            "letter_type": str,
            "recipient": str,
            "language": str,
            "reviewer_id": int,
            "key_id": int,
            "replaces": int,
            "sha256": str,
            "pdf": bytes,
            "created_at": str,
        },
        pk="id",
        not_null=["letter_id", "case_id", "case_version", "decision_id", "letter_type",
                  "recipient", "language", "reviewer_id", "key_id", "sha256", "pdf",
                  "created_at"],
        foreign_keys=[
            ("case_id", "cases", "id"),
            ("decision_id", "decisions", "id"),
            ("evaluation_id", "evaluations", "id"),
            ("reviewer_id", "reviewers", "id"),
            ("key_id", "reviewer_keys", "id"),
            ("replaces", "letters", "id"),
        ],
    )
    letters = db["letters"]
    letters.create_index(["letter_id"], unique=True)
    letters.create_index(["case_id", "id"])
    letters.create_index(["replaces"], unique=True)
    _guard(db, [
        ("letters_keep_update", "UPDATE", "letters",
         "an issued letter cannot be changed; issue a corrected letter"),
        ("letters_keep_delete", "DELETE", "letters", "an issued letter cannot be deleted"),
    ])


@_migration
def m006_case_documents(db: Database) -> None:
    """Every version of the document of a case that has been edited (the wizard saving a stored
    case as a new version). The case row keeps the current text, as before; the first edit of a
    case also keeps the imported text here as version 1, so a case never edited (most of them)
    costs nothing more. ``case_version`` is the case's version when that document was stored."""
    db["case_documents"].create(
        {
            "id": int,
            "case_id": int,
            "case_version": int,
            "document": str,
            "sha256": str,
            "reviewer_id": int,
            "created_at": str,
        },
        pk="id",
        not_null=["case_id", "case_version", "document", "sha256", "created_at"],
        foreign_keys=[("case_id", "cases", "id"), ("reviewer_id", "reviewers", "id")],
    ).create_index(["case_id", "case_version"], unique=True)
    _guard(db, [
        ("case_documents_keep_update", "UPDATE", "case_documents",
         "a stored version of a case document cannot be changed; save a new version"),
        ("case_documents_keep_delete", "DELETE", "case_documents",
         "a stored version of a case document cannot be deleted"),
    ])


@_migration
def m007_drafts(db: Database) -> None:
    """Intake drafts: the ``ur-case/1`` document while the wizard builds it, saved after every
    committed field. It is patient data, so it lives here (not in the settings) and its start
    and its discarding are audited. Unlike a case, a draft changes in place, and it is deleted
    in the same transaction that saves it as a case. ``case_id``/``case_version``: the stored
    case a draft edits, as read (the save checks that version). AUTOINCREMENT, so that a draft
    number in the audit trail is never reused by a later draft."""
    db.execute("""
        CREATE TABLE drafts (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          document TEXT NOT NULL,
          case_id INTEGER REFERENCES cases(id),
          case_version INTEGER,
          reviewer_id INTEGER REFERENCES reviewers(id),
          os_user TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          saves INTEGER NOT NULL DEFAULT 0
        )
    """)
    db.execute("CREATE INDEX drafts_updated ON drafts (updated_at)")
    db.execute("CREATE INDEX drafts_case ON drafts (case_id)")

@_migration
def m008_signatures(db: Database) -> None:
    """Authority bound to keys: the organization CA (its certificate and its key encrypted
    with the administrator's passphrase), decisions signed by the deciding reviewer's key
    (``key_id``, ``signature``; rows from before this migration stay unsigned and are reported
    so), audit checkpoints signed by a reviewer or the CA over the chain's head, and letter
    numbers reserved once and never reused (AUTOINCREMENT)."""
    db.executescript("""
        CREATE TABLE authority (
          id INTEGER PRIMARY KEY,
          source TEXT NOT NULL,
          subject TEXT NOT NULL,
          fingerprint_sha256 TEXT NOT NULL,
          certificate_pem TEXT NOT NULL,
          pkcs12 BLOB NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE TABLE audit_checkpoints (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          seq INTEGER NOT NULL,
          head_hash TEXT NOT NULL,
          reviewer_id INTEGER REFERENCES reviewers(id),
          key_id INTEGER REFERENCES reviewer_keys(id),
          authority_id INTEGER REFERENCES authority(id),
          at TEXT NOT NULL,
          signature BLOB NOT NULL
        );
        CREATE INDEX audit_checkpoints_seq ON audit_checkpoints (seq);
        CREATE TABLE letter_numbers (
          number INTEGER PRIMARY KEY AUTOINCREMENT,
          case_id INTEGER NOT NULL REFERENCES cases(id),
          reserved_at TEXT NOT NULL
        );
    """)
    db["decisions"].add_column("key_id", int)
    db["decisions"].add_column("signature", bytes)
    _guard(db, [
        ("authority_keep_update", "UPDATE", "authority",
         "the organization CA cannot be changed"),
        ("authority_keep_delete", "DELETE", "authority",
         "the organization CA cannot be deleted"),
        ("audit_checkpoints_keep_update", "UPDATE", "audit_checkpoints",
         "a signed audit checkpoint cannot be changed"),
        ("audit_checkpoints_keep_delete", "DELETE", "audit_checkpoints",
         "a signed audit checkpoint cannot be deleted"),
        ("letter_numbers_keep_update", "UPDATE", "letter_numbers",
         "a reserved letter number cannot be changed"),
        ("letter_numbers_keep_delete", "DELETE", "letter_numbers",
         "a reserved letter number cannot be deleted"),
    ])


@_migration
def m009_queue_sorts(db: Database) -> None:
    """The indexes behind the queue's sort orders and filters (see ``queue.INDEXES``): member
    name and case number, each over all cases, over the open ones (partial, as
    ``cases_open_due``), within one status (led by it), and within one reviewer's cases (partial
    on an assigned reviewer, which keeps them small: drafts are nobody's); and status within
    one reviewer's cases. Each key ends with the rowid, so a page can start after any row
    (keyset pagination). Every new case goes into each of them, so the filters that the index
    of a sort does not lead with (urgency, line of business, due time) are checked as it is
    walked rather than given indexes of their own."""
    open_only = "WHERE status IN ('draft', 'in_review', 'pended', 'referred')"
    assigned = "WHERE assigned_reviewer IS NOT NULL"
    for name, columns, where in (
        ("cases_member", "member_name", ""),
        ("cases_open_member", "member_name", open_only),
        ("cases_status_member", "status, member_name", ""),
        ("cases_assigned_member", "assigned_reviewer, member_name", assigned),
        ("cases_open_id", "id", open_only),
        ("cases_status_id", "status", ""),
        ("cases_assigned_id", "assigned_reviewer", assigned),
        ("cases_assigned_status", "assigned_reviewer, status, due_at", assigned),
    ):
        db.execute(f"CREATE INDEX {name} ON cases ({columns}) {where}")


@_migration
def m010_fhir_requests(db: Database) -> None:
    """FHIR requests as received: the bytes of each imported Da Vinci PAS request Bundle,
    exactly, with their sha256, kept with the draft the import made and, once the draft is
    saved, with its case (``case_id`` is set once, from NULL, in the transaction that saves the
    draft; nothing else ever changes). A discarded draft's Bundle is kept too: it was
    received. AUTOINCREMENT, so that a number in the audit trail is never reused."""
    db.executescript("""
        CREATE TABLE fhir_requests (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          draft_id INTEGER NOT NULL,
          case_id INTEGER REFERENCES cases(id),
          source TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          bundle BLOB NOT NULL,
          reviewer_id INTEGER REFERENCES reviewers(id),
          created_at TEXT NOT NULL
        );
        CREATE INDEX fhir_requests_draft ON fhir_requests (draft_id);
        CREATE INDEX fhir_requests_case ON fhir_requests (case_id);
        CREATE TRIGGER fhir_requests_keep_update BEFORE UPDATE ON fhir_requests
        WHEN OLD.case_id IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.draft_id IS NOT OLD.draft_id
          OR NEW.source IS NOT OLD.source OR NEW.sha256 IS NOT OLD.sha256
          OR NEW.bundle IS NOT OLD.bundle OR NEW.reviewer_id IS NOT OLD.reviewer_id
          OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'a received FHIR request cannot be changed'); END;
    """)
    _guard(db, [
        ("fhir_requests_keep_delete", "DELETE", "fhir_requests",
         "a received FHIR request cannot be deleted"),
    ])


@_migration
def m011_decision_details(db: Database) -> None:
    """What a decision says beyond its status (``rows.DECISION_DETAIL_COLUMNS``): an adverse
    determination's plain-language reason for the member beside the clinical rationale for the
    provider (``reason``), with the member's letter language; the levels a partial approval
    approves; a pend's items, the evaluation's missing items kept and the reviewer's own. A
    decision recorded from now on is signed over these columns too (``signing``:
    ``ur-decision/2``); earlier ones keep their signatures over the columns they had."""
    for name in ("member_reason", "member_language", "approved_levels", "info_kept",
                 "info_added"):
        db["decisions"].add_column(name, str)


@_migration
def m012_peer_to_peer(db: Database) -> None:
    """Peer-to-peer conversations between the requesting provider and a physician reviewer
    (who, when, the outcome, a note), each recorded in the audit trail; kept like decisions,
    never changed or deleted."""
    db["peer_to_peer"].create(
        {
            "id": int,
            "case_id": int,
            "case_version": int,
            "reviewer_id": int,
            "provider": str,
            "held_at": str,
            "outcome": str,
            "note": str,
            "created_at": str,
        },
        pk="id",
        not_null=["case_id", "case_version", "reviewer_id", "provider", "held_at", "outcome",
                  "created_at"],
        foreign_keys=[("case_id", "cases", "id"), ("reviewer_id", "reviewers", "id")],
    ).create_index(["case_id", "id"])
    _guard(db, [
        ("peer_to_peer_keep_update", "UPDATE", "peer_to_peer",
         "a recorded peer-to-peer conversation cannot be changed; record another"),
        ("peer_to_peer_keep_delete", "DELETE", "peer_to_peer",
         "a recorded peer-to-peer conversation cannot be deleted"),
    ])


@_migration
def m013_reviewer_npi(db: Database) -> None:
    """A reviewer's National Provider Identifier, optional (a physician reviewer usually has
    one). It enters the reviewer row's hash only when set (``rows.LATER_COLUMNS``), so the rows
    hashed before this migration still verify."""
    db["reviewers"].add_column("npi", str)


@_migration
def m014_attachments(db: Database) -> None:
    """The request's clinical documents (PDF, PNG, JPEG, text), each with its bytes, sha256 and
    size, who attached it and when. An attachment belongs to a case, or to an intake draft
    (``case_id`` NULL, ``draft_id`` set) until the draft is saved as a case: then its
    ``case_id`` is set, once, in the transaction that saves the case. A case's attachments are
    never changed or deleted; a draft's are deleted with the draft when it is discarded.
    AUTOINCREMENT: an attachment number in the audit trail is never reused. ``draft_id`` has
    no foreign key: the draft row is deleted when it becomes a case, the number stays."""
    db.execute("""
        CREATE TABLE attachments (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          case_id INTEGER REFERENCES cases(id),
          draft_id INTEGER,
          name TEXT NOT NULL,
          kind TEXT NOT NULL,
          media_type TEXT NOT NULL,
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          content BLOB NOT NULL,
          reviewer_id INTEGER REFERENCES reviewers(id),
          os_user TEXT NOT NULL,
          created_at TEXT NOT NULL,
          CHECK (case_id IS NOT NULL OR draft_id IS NOT NULL)
        )
    """)
    db.execute("CREATE INDEX attachments_case ON attachments (case_id, id)")
    db.execute("CREATE INDEX attachments_draft ON attachments (draft_id, id)")
    db.execute(
        "CREATE TRIGGER attachments_keep_content BEFORE UPDATE OF id, draft_id, name, kind, "
        "media_type, size, sha256, content, reviewer_id, os_user, created_at ON attachments "
        "BEGIN SELECT RAISE(ABORT, 'an attachment cannot be changed; attach the file again'); "
        "END")
    db.execute(
        "CREATE TRIGGER attachments_keep_case BEFORE UPDATE OF case_id ON attachments "
        "WHEN OLD.case_id IS NOT NULL OR NEW.case_id IS NULL "
        "BEGIN SELECT RAISE(ABORT, 'an attachment of a case stays with that case'); END")
    db.execute(
        "CREATE TRIGGER attachments_keep_delete BEFORE DELETE ON attachments "
        "WHEN OLD.case_id IS NOT NULL "
        "BEGIN SELECT RAISE(ABORT, 'an attachment of a case cannot be deleted'); END")



@_migration
def m015_oral_notices(db: Database) -> None:
    """Oral notice of a decision on an expedited case: who was told, when and by whom, tied
    to the decision it announces. A row of its own (never changed or deleted, in the audit
    trail), so the decision's ``ur-decision/2`` signature over its columns stays valid; its
    letter then says it confirms the call (42 CFR 422.572(c); 29 CFR 2560.503-1(g)(2))."""
    db["oral_notices"].create(
        {
            "id": int,
            "case_id": int,
            "decision_id": int,
            "reviewer_id": int,
            "told": str,
            "told_at": str,
            "created_at": str,
        },
        pk="id",
        not_null=["case_id", "decision_id", "reviewer_id", "told", "told_at", "created_at"],
        foreign_keys=[("case_id", "cases", "id"), ("decision_id", "decisions", "id"),
                      ("reviewer_id", "reviewers", "id")],
    ).create_index(["case_id", "id"])
    _guard(db, [
        ("oral_notices_keep_update", "UPDATE", "oral_notices",
         "a recorded oral notice cannot be changed; record another"),
        ("oral_notices_keep_delete", "DELETE", "oral_notices",
         "a recorded oral notice cannot be deleted"),
    ])


@_migration
def m016_letter_formats(db: Database) -> None:
    """The member's request for letters in another format (large print), recorded on the
    case: who asked, which reviewer recorded it, when. The latest row counts; rows are never
    changed or deleted and each is in the audit trail, so the case row and its hash stay as
    they were."""
    db["letter_formats"].create(
        {
            "id": int,
            "case_id": int,
            "large_print": int,
            "requested_by": str,
            "reviewer_id": int,
            "created_at": str,
        },
        pk="id",
        not_null=["case_id", "large_print", "requested_by", "reviewer_id", "created_at"],
        foreign_keys=[("case_id", "cases", "id"), ("reviewer_id", "reviewers", "id")],
    ).create_index(["case_id", "id"])
    _guard(db, [
        ("letter_formats_keep_update", "UPDATE", "letter_formats",
         "a recorded format request cannot be changed; record another"),
        ("letter_formats_keep_delete", "DELETE", "letter_formats",
         "a recorded format request cannot be deleted"),
    ])


@_migration
def m017_extension_reason(db: Database) -> None:
    """Why a pend extends the timeframe, when its rule allows an extension only for reasons it
    names (Medicare Advantage: 42 CFR 422.568(b)(1)(i)(A)-(C), 422.572(b)(1)(i)-(iii);
    ``rows.DECISION_EXTENSION_COLUMNS``). A decision recorded from now on is signed over it too
    (``signing``: ``ur-decision/3``); earlier ones keep their signatures over the columns they
    had."""
    db["decisions"].add_column("extension_reason", str)


SCHEMA_VERSION = len(NAMES)


def check_version(conn: sqlite3.Connection, path: str) -> bool:
    """Refuse a file this build must not write to; True when migrations are pending.

    Only reads (plain SQL, no sqlite-utils): a refused file is left exactly as it was.
    """
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = _table_names(conn)
    applied = _applied(conn) if MIGRATIONS_TABLE in tables else []
    unknown = [name for name in applied if name not in NAMES]
    if unknown or user_version > SCHEMA_VERSION:
        shown = max(user_version, len(applied))
        raise NewerDatabaseError(
            f"{path} was written by a newer version of UR Reviewer (schema version {shown}; "
            f"this version knows up to {SCHEMA_VERSION}). It was not changed: open it with "
            "the newer version, or choose another database with --db."
        )
    if application_id not in (0, APPLICATION_ID) or (
        not applied and tables and not set(tables) <= {MIGRATIONS_TABLE}
    ):
        raise NotOurDatabaseError(
            f"{path} is a SQLite database made by another program, not a UR Reviewer case "
            "database; it was not changed (choose another file with --db)"
        )
    return len(applied) < SCHEMA_VERSION


def _table_names(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def _applied(conn: sqlite3.Connection) -> list[str]:
    """This set's applied migrations in the order applied (``Migrations.applied``)."""
    return [row[0] for row in conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        (MIGRATION_SET,))]


def apply(db: Database) -> None:
    migration_set().apply(db)
