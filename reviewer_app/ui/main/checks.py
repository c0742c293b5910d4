"""File › Verify a letter… and Tools › Check the audit trail: ``verify FILE.pdf`` and
``audit verify`` from the window, with the results in plain words.

A letter is checked on a worker thread with files alone, as the command line checks it: the
trust roots are the organization CA pinned beside the database and the ``trust_roots`` of
``letters.yaml`` (:func:`~reviewer_app.core.issuing.roots_beside`). The audit trail is
checked on the database thread by the core function ``audit verify`` calls
(:func:`~reviewer_app.core.store.integrity.check_database`). Either result opens in a
:class:`CheckResultDialog`, which stays open beside the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from reviewer_app.ui.forms.ui_check_result_dialog import Ui_CheckResultDialog
from reviewer_app.ui.operations import CoreOp
from reviewer_app.ui.operations.failures import Failure, describe_failure
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.problems_message import ProblemsMessage
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone, chip_pixmap

if TYPE_CHECKING:
    from reviewer_app.core.issuing import TrustRoots
    from reviewer_app.core.letters.verify import VerifyReport
    from reviewer_app.core.store.integrity import DatabaseCheck
    from reviewer_app.ui.context import AppContext

LAST_FOLDER = "letters/last_folder"
"""Shared with the letter window's Save: letters are verified where they were saved."""
ICON = 28
SHOWN_PROBLEMS = 12


@dataclass(frozen=True)
class LetterCheck:
    path: Path
    report: VerifyReport
    letter_number: str | None
    roots: TrustRoots


def check_letter_file(path: Path, database: Path) -> LetterCheck:
    """``verify FILE.pdf`` without ``--trust``: off the GUI thread (pyHanko)."""
    from reviewer_app.core.issuing import roots_beside
    from reviewer_app.core.letters.verify import stated_letter_number, verify_pdf

    data = path.read_bytes()
    roots = roots_beside(database)
    return LetterCheck(path, verify_pdf(data, roots.certificates),
                       stated_letter_number(data), roots)


def _rows(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f'<tr><td style="padding:2px 14px 2px 0"><b>{escape(label)}</b></td>'
                    f'<td style="padding:2px 0">{value}</td></tr>' for label, value in rows)
    return f"<table>{cells}</table>"


def _list(lines: list[str]) -> str:
    shown = lines[:SHOWN_PROBLEMS]
    more = len(lines) - len(shown)
    items = "".join(f"<li>{escape(line)}</li>" for line in shown)
    tail = f"<li>… and {more} more (<tt>audit verify</tt> lists them all)</li>" if more else ""
    return f'<ul style="margin:2px 0">{items}{tail}</ul>'


def letter_words(check: LetterCheck) -> tuple[Tone, str, str]:
    """(tone, headline, details) of a letter's check, in plain words."""
    report, name = check.report, escape(check.path.name)
    if not report.readable:
        return Tone.BAD, f"<b>{name} is not a letter this can check</b>", _list(
            list(report.problems))
    if not report.signed:
        return Tone.BAD, f"<b>{name} is not signed</b>", _list(list(report.problems))
    if report.ok:
        tone, headline = Tone.GOOD, f"<b>Good signature</b> by {escape(report.signer or '')}"
    elif report.verdict == "valid signature, unknown signer":
        tone, headline = Tone.PEND, "<b>Valid signature, unknown signer</b>"
    else:
        tone, headline = Tone.BAD, "<b>Not a good signature</b>: do not rely on this letter"
    when = (f"{report.signing_time:%Y-%m-%d %H:%M} UTC (as the signer's computer stated it)"
            if report.signing_time else "not stated")
    if not report.intact:
        changed = "<b>Yes</b>: the signed content no longer matches its signature"
    elif report.modified_after_signing or not report.entire_file:
        changed = "<b>Yes</b>: " + escape(report.coverage or "bytes were added after signing")
    else:
        changed = "No: the signature covers the whole file, unchanged"
    if report.trusted is None:
        chains = "Unknown: no organization CA or trust root was found beside the database"
    elif report.trusted:
        chains = "Yes"
    elif not report.valid:
        chains = "<b>No</b>: a signature that does not hold vouches for no signer"
    else:
        chains = ("<b>No</b>: the certificate was not issued by the organization CA (nor by "
                  "another trust root)")
    number = (f"{escape(check.letter_number)} (as the file states it)"
              if check.letter_number else "not stated in the file")
    roots = check.roots
    rows = [
        ("File", escape(str(check.path))),
        ("Letter number", number),
        ("Signed by", escape(report.signer or "unknown")),
        ("Certificate", escape(report.signer_subject or "unknown")),
        ("Signed on", escape(when)),
        ("Changed after signing", changed),
        ("Chains to the organization CA", chains),
        ("Trust roots", escape(f"{len(roots.certificates)} certificate(s) from "
                               f"{' and '.join(roots.sources) or 'nowhere'}")),
    ]
    if report.problems:
        rows.append(("Problems", "<br>".join(escape(p) for p in report.problems)))
    details = _rows(rows)
    return tone, headline, details


def audit_words(check: DatabaseCheck) -> tuple[Tone, str, str]:
    """(tone, headline, details) of ``audit verify``'s result, in plain words."""
    report = check.report
    if check.ok:
        signed = (f"{report.checkpoints} signed checkpoint(s) and {report.signed_decisions} "
                  "signed decision(s) hold against the organization CA"
                  if report.authority else "no organization CA yet: nothing is signed")
        rows = [("Database file", "SQLite's integrity check found no damage"),
                ("Entries checked", f"{report.entries}: every hash and link matches"),
                ("Records", f"{report.cases} case(s) and {report.records} other record(s) "
                            "match their last recorded versions"),
                ("Signatures", escape(signed))]
        notes = [f"note: {note}" for note in report.notes]
        details = _rows(rows) + (_list(notes) if notes else "")
        return Tone.GOOD, "<b>The audit trail is intact</b>", details
    lines = check.lines()
    first = lines[0] if lines else "the check did not finish"
    rows = [("First problem", escape(first))]
    if report is not None:
        rows += [("Entries checked", str(report.entries)),
                 ("Signed checkpoints", str(report.checkpoints))]
    details = _rows(rows) + "<p style=\"margin:8px 0 0 0\"><b>Everything found</b></p>" + \
        _list(lines)
    return (Tone.BAD, "<b>The audit check found a problem</b>: records were changed outside "
            "the application, or the file is damaged; restore it from a backup", details)


class CheckResultDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CheckResultDialog()
        self.ui.setupUi(self)

    def show_result(self, title: str, tone: Tone, headline: str, details: str) -> None:
        self.setWindowTitle(f"{title} — UR Reviewer")
        box = self.ui.verdictBox
        palette = box.palette()
        palette.setColor(QPalette.ColorRole.Window, TINT[tone])
        palette.setColor(QPalette.ColorRole.WindowText, TEXT[tone])
        box.setPalette(palette)
        self.ui.verdictIcon.setPixmap(chip_pixmap(tone, ICON, self.devicePixelRatioF()))
        self.ui.verdictLabel.setText(headline)
        self.ui.detailsLabel.setText(details)
        self.adjustSize()

    def headline(self) -> str:
        return self.ui.verdictLabel.text()

    def details(self) -> str:
        return self.ui.detailsLabel.text()


class LetterFileDialog:
    @classmethod
    def ask(cls, parent: QWidget, directory: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Verify a letter", directory,
                                              "PDF files (*.pdf);;All files (*)")
        return Path(name) if name else None


class WindowChecks(QObject):
    """The two checks of the main window, each result in the one result dialog."""

    letter_checked = Signal(object)
    """A letter was checked (a :class:`LetterCheck`)."""
    audit_checked = Signal(object)
    """The audit trail was checked (a ``DatabaseCheck``)."""

    def __init__(self, context: AppContext, window: QWidget):
        super().__init__(window)
        self._context = context
        self._window = window
        self.dialog: CheckResultDialog | None = None

    def verify_letter(self) -> None:
        settings = self._context.settings
        path = LetterFileDialog.ask(self._window,
                                    str(settings.value(LAST_FOLDER, str(Path.home()))))
        if path is None:
            return
        self._status(f"Checking the signature of {path.name}…")
        (CoreOp(self, check_letter_file, path, self._context.database_path)
         .success(self._on_letter_checked)
         .failure(lambda error: self._on_failed(f"{path.name} was not checked", error))
         .run())

    def check_audit(self) -> None:
        from reviewer_app.core.store.integrity import check_database

        self._status("Checking the database file and the audit trail…")
        (self._context.store.op(self, check_database, what="check the audit trail")
         .success(self._on_audit_checked)
         .failure(lambda error: self._on_failed("The audit trail was not checked", error))
         .run())

    def _on_letter_checked(self, check: LetterCheck) -> None:
        tone, headline, details = letter_words(check)
        self._show("Letter check", tone, headline, details)
        self._status(f"{check.path.name}: {check.report.verdict}")
        emit(self.letter_checked, check)

    def _on_audit_checked(self, check: DatabaseCheck) -> None:
        tone, headline, details = audit_words(check)
        self._show("Audit trail check", tone, headline, details)
        self._status("Audit trail: " + ("intact" if check.ok else "a problem was found"))
        emit(self.audit_checked, check)

    def _on_failed(self, summary: str, error: Exception) -> None:
        from reviewer_app.core.issuing import TrustRootError

        failure = (Failure("A trust root could not be read.", [str(error)], True)
                   if isinstance(error, TrustRootError) else describe_failure(error))
        self._status(summary)
        ProblemsMessage.show_problems(self._window, summary, f"{summary}. {failure.summary}",
                                      failure.lines)
        if not failure.expected:
            raise error

    def _show(self, title: str, tone: Tone, headline: str, details: str) -> None:
        if self.dialog is None:
            self.dialog = CheckResultDialog(self._window)
        self.dialog.show_result(title, tone, headline, details)
        self.dialog.show()
        self.dialog.raise_()

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 10_000)
