"""Issued letters in the store: which letter a decided case gets, who signs it, and the record
of every letter that went out (the signed PDF itself, its sha256, the audit entry).

A letter announces the case's latest decision (``lifecycle.LETTER_FOR``: approve -> approval,
partial -> partial approval, deny -> adverse determination, pend -> request for information).
It is signed by the reviewer who made that decision, with their newest key. An adverse or
partial letter needs a physician's decision (``lifecycle.PHYSICIAN_LETTERS``; NCQA UM 4;
42 CFR 422.566(d); 42 CFR 438.210(b)(3)), so asking for one on a case a nurse decided, or that
no physician has decided yet, is refused with the reason.

A letter is never made again silently: a second letter of the same type to the same recipient
for the same decision must name the letter it replaces, and becomes a new letter (a new id,
a new row) that references the old one; each letter is replaced at most once.

Before anything is written, every row the letter relies on is checked (:func:`letter_basis`):
the case, the decision (against its audit record and its signature by the decider's key), the
evaluation it was made on, the decider's row and key, and the decider's role from their
certificate (verified against the organization CA). Any that fails refuses the letter with
"record altered: ...".

The database is the source of truth for what was issued: a letter's number is reserved in a
transaction of its own (``letter_numbers``, AUTOINCREMENT, so a number is never given twice,
even after a crash), the signed bytes are committed with the letter's row, and only then is a
file written from them (``letter export`` writes it again). A letter that is on disk is
therefore always in the database; a crash between the commit and the file leaves the letter in
the database and no file, never the reverse.

This module renders nothing: :func:`record_letter` takes a ``produce`` callback that renders
and signs (``reviewer_app.core.issuing`` supplies it), so the store stays free of reportlab.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from reviewer_app.core import lifecycle
from reviewer_app.core.store.audit import (
    AuditLog,
    case_stamp,
    check_case_intact,
    check_record_intact,
    record_stamp,
)
from reviewer_app.core.store.cases import case_row, decisions_for, latest_evaluation
from reviewer_app.core.store.checkpoints import checkpoint
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.decisions import close_with_letter, current_row
from reviewer_app.core.store.errors import (
    LetterExistsError,
    StoreError,
    TamperedCaseError,
    TransitionError,
)
from reviewer_app.core.store.notices import OralNotice, large_print, oral_notice_of
from reviewer_app.core.store.records import Decision, Evaluation
from reviewer_app.core.store.reviewers import (
    Reviewer,
    StoredKey,
    UnlockedReviewer,
    authorized,
    get_reviewer,
)
from reviewer_app.core.store.rows import (
    DECISION_COLUMNS,
    EVALUATION_COLUMNS,
    LETTER_COLUMNS,
    insert_sql,
)
from reviewer_app.core.store.signing import UNSIGNED, Signatures

LETTER_WORDS = {"approval": "an approval letter", "partial": "a partial approval letter",
                "adverse": "an adverse determination letter",
                "pend": "a request-for-information letter"}

_INSERT = insert_sql("letters", LETTER_COLUMNS)
_SELECT = """
    SELECT l.id, l.letter_id, l.case_id, l.case_version, l.decision_id, l.evaluation_id,
           l.letter_type, l.recipient, l.language, l.reviewer_id, l.key_id, l.sha256,
           length(l.pdf) AS size, l.created_at,
           p.letter_id AS replaces, n.letter_id AS replaced_by
    FROM letters l
    LEFT JOIN letters p ON p.id = l.replaces
    LEFT JOIN letters n ON n.replaces = l.id
"""


@dataclass(frozen=True)
class LetterRecord:
    """One issued letter (without its bytes: :func:`letter_pdf` reads those)."""

    id: int
    letter_id: str
    """The number printed on the letter, ``LTR-000042``."""
    case_id: int
    case_version: int
    decision_id: int
    evaluation_id: int | None
    letter_type: str
    recipient: str
    language: str
    reviewer_id: int
    key_id: int
    sha256: str
    size: int
    created_at: str
    replaces: str | None
    """The letter id this one corrects."""
    replaced_by: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> LetterRecord:
        return cls(**{f.name: row[f.name] for f in dataclasses.fields(cls)})

    def to_json_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class LetterBasis:
    """What a letter is written from, read and checked before anyone types a passphrase."""

    case_id: int
    case_version: int
    document: str
    """The case's ur-case/1 document, as imported."""
    letter_type: str
    recipient: str
    decision: Decision
    evaluation: Evaluation | None
    """The evaluation the decision was made on."""
    decider: Reviewer
    """Who decided, and so signs."""
    key: StoredKey
    replaces: LetterRecord | None
    oral_notice: OralNotice | None = None
    """The phone call that told this decision first, which the letter confirms."""
    oral_notice_by: str = ""
    """The signature name of the reviewer who made that call."""
    large_print: bool = False
    """A member letter the member asked to have in large print (``letter_formats``)."""


@dataclass(frozen=True)
class Produced:
    """A rendered, signed letter, from the ``produce`` callback of :func:`record_letter`."""

    pdf: bytes
    language: str
    audit: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """What the letter's audit entry adds to its own details (a late confirmation of an oral
    notice, ``issuing.late_confirmation``)."""


def letter_basis(store: Store, case_id: int, *, recipient: str,
                 letter_type: str | None = None, signer: int | None = None,
                 replaces: str | None = None) -> LetterBasis:
    """Everything needed to write the case's letter to ``recipient``, or a refusal saying why
    there must be no such letter (:class:`StoreError`; :class:`LetterExistsError` when it was
    already issued and ``replaces`` does not name it)."""
    basis = decision_basis(store, case_id, recipient=recipient, letter_type=letter_type,
                           signer=signer, replaces=replaces)
    check_not_issued(store, basis)
    return basis


def decision_basis(store: Store, case_id: int, *, recipient: str,
                   letter_type: str | None = None, signer: int | None = None,
                   replaces: str | None = None) -> LetterBasis:
    """What the case's latest decision announces, every row it rests on checked (see the
    module's text), whether or not its letters were issued: :func:`letter_basis` for a new
    letter, and the FHIR response (``core/fhir/exporting.py``), which states the same
    decision again."""
    if recipient not in lifecycle.RECIPIENTS:
        raise StoreError(f"'{recipient}' is not a letter recipient (member or provider)")
    if letter_type is not None and letter_type not in LETTER_WORDS:
        raise StoreError(f"'{letter_type}' is not a letter type (use one of: "
                         f"{', '.join(LETTER_WORDS)})")
    row = case_row(store, case_id)
    check_case_intact(store, row)
    decision = _announced_decision(store, row, letter_type)
    check_decision_signed(store, decision)
    kind = lifecycle.LETTER_FOR[decision.decision]
    if letter_type is not None and letter_type != kind:
        raise TransitionError(_wrong_type(case_id, letter_type, kind, decision))
    signer_now = authorized(store, decision.reviewer_id)
    decider, role = signer_now.reviewer, signer_now.role
    if kind in lifecycle.PHYSICIAN_LETTERS and not (
            decision.role == role == lifecycle.PHYSICIAN):
        raise TransitionError(
            f"case {case_id}: {LETTER_WORDS[kind]} needs a physician reviewer's decision, and "
            f"this one is by {decider.signature} ({decision.role})")
    if signer is not None and signer != decider.id:
        get_reviewer(store, signer)
        raise StoreError(
            f"case {case_id}: the letter carries the signature of the reviewer who decided, "
            f"{decider.signature} (reviewer {decider.id}); reviewer {signer} did not decide it")
    key = signer_now.key
    evaluation = _evaluation(store, decision)
    replaced = find_letter(store, replaces) if replaces is not None else None
    told = oral_notice_of(store, case_id, decision.id)
    told_by = ""
    if told is not None:
        check_record_intact(store, "oral_notices", told.to_json_dict())
        told_by = get_reviewer(store, told.reviewer_id).signature
    return LetterBasis(case_id, row["version"], row["document"], kind, recipient, decision,
                       evaluation, decider, key, replaced, told, told_by,
                       recipient == "member" and large_print(store, case_id))


def _announced_decision(store: Store, row: sqlite3.Row, asked: str | None) -> Decision:
    case_id, status = row["id"], row["status"]
    physician_asked = asked in lifecycle.PHYSICIAN_LETTERS
    if status == lifecycle.REFERRED:
        raise TransitionError(
            f"case {case_id} has been referred to a physician reviewer and is not decided yet: "
            "a letter follows the physician's decision")
    if status in (lifecycle.DRAFT, lifecycle.IN_REVIEW):
        more = (" (an adverse or partial determination letter needs a physician's decision)"
                if physician_asked else "")
        raise TransitionError(
            f"case {case_id} has no decision yet ({status}): a letter follows a decision{more}")
    made = decisions_for(store, case_id)
    decision = made[-1] if made else None
    if decision is None or decision.decision not in lifecycle.decisions_behind(status):
        raise StoreError(f"case {case_id} is {status} but its decisions do not say so; run "
                         "`audit verify`")
    return decision


def _wrong_type(case_id: int, asked: str, kind: str, decision: Decision) -> str:
    if asked in lifecycle.PHYSICIAN_LETTERS and decision.role != lifecycle.PHYSICIAN:
        return (f"case {case_id} was decided by a {decision.role} reviewer ({decision.decision}):"
                f" {LETTER_WORDS[asked]} needs a physician reviewer's decision (NCQA UM 4; "
                "42 CFR 422.566(d)); its letter is " + LETTER_WORDS[kind])
    return (f"case {case_id}'s decision ({decision.decision}) gives {LETTER_WORDS[kind]}, "
            f"not {LETTER_WORDS[asked]}")


def check_decision_signed(store: Store, decision: Decision) -> None:
    """Refuse to act on a decision whose row differs from its audit record or whose signature
    does not hold (a decision made before signatures existed passes on its audit record)."""
    row = store.query_one(f"SELECT {', '.join(DECISION_COLUMNS)} FROM decisions WHERE id = ?",
                          (decision.id,))
    check_record_intact(store, "decisions", row)
    problem = Signatures(store).decision_problem(row)
    if problem is not None and problem != UNSIGNED:
        raise TamperedCaseError(f"record altered: {problem}. Nothing was done; run `audit "
                                "verify`")


def _evaluation(store: Store, decision: Decision) -> Evaluation | None:
    if decision.evaluation_id is None:
        return latest_evaluation(store, decision.case_id)
    row = store.query_one(
        f"SELECT {', '.join(EVALUATION_COLUMNS)} FROM evaluations WHERE id = ?",
        (decision.evaluation_id,))
    if row is None:
        raise TamperedCaseError(f"record altered: evaluation {decision.evaluation_id}, on "
                                f"which decision {decision.id} was made, is missing")
    check_record_intact(store, "evaluations", row)
    return Evaluation.from_row(row)


def check_not_issued(store: Store, basis: LetterBasis) -> None:
    """Refuse a letter that was already issued, unless the basis names it as replaced; and a
    replacement that does not fit (another case, type or recipient, or already replaced)."""
    case_id, old = basis.case_id, basis.replaces
    what = f"{LETTER_WORDS[basis.letter_type]} to the {basis.recipient}"
    if old is not None:
        old = find_letter(store, old.letter_id)
        if old.case_id != case_id:
            raise StoreError(f"{old.letter_id} is a letter of case {old.case_id}, not of case "
                             f"{case_id}")
        if (old.letter_type, old.recipient) != (basis.letter_type, basis.recipient):
            raise StoreError(
                f"{old.letter_id} is {LETTER_WORDS[old.letter_type]} to the {old.recipient}; "
                f"a corrected letter replaces a letter of its own kind ({what})")
        if old.replaced_by:
            raise LetterExistsError(
                f"{old.letter_id} was already replaced by {old.replaced_by}; to correct it "
                f"again, replace {old.replaced_by}")
        return
    current = [letter for letter in letters_for(store, case_id)
               if letter.decision_id == basis.decision.id and letter.replaced_by is None
               and (letter.letter_type, letter.recipient) == (basis.letter_type,
                                                              basis.recipient)]
    if current:
        issued = current[-1]
        raise LetterExistsError(
            f"case {case_id} already has {what}, {issued.letter_id} (issued "
            f"{issued.created_at[:10]}); a letter is never made again silently: to issue a "
            f"corrected letter, give --replaces {issued.letter_id}")


def record_letter(store: Store, basis: LetterBasis,
                  produce: Callable[[str, dt.date], Produced], *, signer: UnlockedReviewer,
                  deliver: Callable[[bytes], None] | None = None) -> LetterRecord:
    """Reserve the letter's number, have ``produce(letter_id, letter_date)`` render and sign
    it, and in one transaction store it with its sha256, record it in the audit trail, close a
    decided case (letter issued) and sign a checkpoint as ``signer``; after the commit,
    ``deliver`` the stored bytes (write the file). If anything fails before the commit,
    nothing but the reserved number is kept; if ``deliver`` fails, the letter stays issued in
    the database and its error is raised for the caller to say so (``export-letter``)."""
    if signer.id != basis.decider.id:
        decider = basis.decider.signature
        raise StoreError(f"the letter is signed by the reviewer who decided ({decider}); "
                         f"reviewer {signer.id} is signed in")
    with store.write():
        current_row(store, basis.case_id, basis.case_version)
        check_not_issued(store, basis)
        number = store.conn.execute(
            "INSERT INTO letter_numbers (case_id, reserved_at) VALUES (?, ?)",
            (basis.case_id, store.now())).lastrowid
    letter_id = letter_number(number)
    with store.write():
        row = current_row(store, basis.case_id, basis.case_version)
        check_not_issued(store, basis)
        produced = produce(letter_id, store.today())
        record = {
            "id": number,
            "letter_id": letter_id,
            "case_id": basis.case_id,
            "case_version": row["version"],
            "decision_id": basis.decision.id,
            "evaluation_id": basis.evaluation.id if basis.evaluation else None,
            "letter_type": basis.letter_type,
            "recipient": basis.recipient,
            "language": produced.language,
            "reviewer_id": basis.decider.id,
            "key_id": basis.key.id,
            "replaces": basis.replaces.id if basis.replaces else None,
            "sha256": hashlib.sha256(produced.pdf).hexdigest(),
            "pdf": produced.pdf,
            "created_at": store.now(),
        }
        store.conn.execute(_INSERT, tuple(record[name] for name in LETTER_COLUMNS))
        log = AuditLog(store)
        log.append("create", reviewer_id=basis.decider.id,
                   case=case_stamp(row, hashed=False),
                   record=record_stamp("letters", record),
                   details={"letter_id": letter_id, "letter_type": basis.letter_type,
                            "recipient": basis.recipient, "sha256": record["sha256"],
                            "decision_id": basis.decision.id,
                            "replaces": basis.replaces.letter_id if basis.replaces
                            else None, **produced.audit})
        if row["status"] in lifecycle.DECIDED:
            close_with_letter(store, log, row, by=basis.decider.id,
                              letter_sha256=record["sha256"])
        checkpoint(store, log, signer)
    if deliver is not None:
        deliver(produced.pdf)
    return find_letter(store, letter_id)


def export_letter(store: Store, reference: str, sink: Callable[[bytes], None], *,
                  by: int | None = None, to: str = "file") -> LetterRecord:
    """Write an issued letter again from the database (after a crash, or a lost file): the
    stored bytes, checked against their recorded sha256, and an ``export`` audit entry,
    committed before ``sink`` writes them. ``to`` says where they go (``file``, ``printer``)."""
    letter = find_letter(store, reference)
    with store.write():
        if by is not None:
            get_reviewer(store, by)
        row = store.query_one(f"SELECT {', '.join(LETTER_COLUMNS)} FROM letters WHERE id = ?",
                              (letter.id,))
        check_record_intact(store, "letters", row)
        if hashlib.sha256(row["pdf"]).hexdigest() != row["sha256"]:
            raise TamperedCaseError(f"record altered: {letter.letter_id}'s bytes do not match "
                                    "its sha256")
        AuditLog(store).append("export", reviewer_id=by,
                               case=case_stamp(case_row(store, row["case_id"]), hashed=False),
                               details={"letter_id": letter.letter_id, "sha256": row["sha256"],
                                        "to": to})
    sink(row["pdf"])
    return letter


def letter_number(row_id: int) -> str:
    """The id printed on a letter: ``LTR-000042`` for the 42nd letter of this database."""
    return f"LTR-{row_id:06d}"


def letters_for(store: Store, case_id: int) -> list[LetterRecord]:
    """The case's letters, oldest first."""
    rows = store.query(f"{_SELECT} WHERE l.case_id = ? ORDER BY l.id", (case_id,))
    return [LetterRecord.from_row(row) for row in rows]


def find_letter(store: Store, reference: str) -> LetterRecord:
    """A letter by its printed id (``LTR-000042``, any case) or its row number."""
    text = reference.strip()
    if text.isdigit():
        row = store.query_one(f"{_SELECT} WHERE l.id = ?", (int(text),))
    else:
        row = store.query_one(f"{_SELECT} WHERE l.letter_id = ?", (text.upper(),))
    if row is None:
        raise StoreError(f"there is no letter {text} (the letter command prints the id of each "
                         "letter it issues; `show ID` lists a case's letters)")
    return LetterRecord.from_row(row)


def letter_pdf(store: Store, letter: LetterRecord) -> bytes:
    """The signed PDF exactly as it was issued."""
    return store.conn.execute("SELECT pdf FROM letters WHERE id = ?",
                              (letter.id,)).fetchone()[0]
