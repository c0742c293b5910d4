"""The letter window: a decision's letter previewed before it is signed, then signed with the
signed-in reviewer's key, saved or printed; or an issued letter opened from the store.

The PDF is shown with QtPdf (a ``QPdfDocument`` loaded from a ``QBuffer`` over the bytes, in a
``QPdfView``): no temporary file. Rendering and signing happen in the core
(``core/issuing.py``) on the database thread; the signature check on a worker thread. A
preview is never stored and has no letter number (``LTR-PREVIEW``); Sign and issue reserves
the number, signs and commits the letter before anything is saved or printed, so what leaves
the workstation is always what the database holds.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtGui import QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from reviewer_app.ui.forms.ui_letter_preview import Ui_LetterPreview
from reviewer_app.ui.letters.printing import PrintLetterDialog, SaveLetterDialog, print_document
from reviewer_app.ui.operations import CoreOp
from reviewer_app.ui.operations.failures import describe_failure
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.problems_message import ProblemsMessage
from reviewer_app.ui.widgets.tones import TEXT, TINT, Tone

if TYPE_CHECKING:
    from reviewer_app.core.issuing import IssuedLetter, LetterPreview
    from reviewer_app.core.letters.verify import VerifyReport
    from reviewer_app.core.store.database import Store
    from reviewer_app.ui.case.snapshot import CaseSnapshot
    from reviewer_app.ui.context import AppContext

RECIPIENTS = ("member", "provider")
LETTER_WORDS = {"approval": "Approval", "partial": "Partial approval",
                "adverse": "Adverse determination", "pend": "Request for information"}
PREVIEW_KEY = "letter-preview"


def verdict_text(report: VerifyReport) -> tuple[Tone, str]:
    """The signature check in words, with its tone."""
    if report.ok:
        when = f", {report.signing_time:%Y-%m-%d %H:%M} UTC" if report.signing_time else ""
        return Tone.GOOD, f"good signature by {report.signer}{when}"
    problems = "; ".join(report.problems) or report.verdict
    return Tone.BAD, f"{report.verdict}: {problems}"


def _preview(store: Store, case_id: int, recipient: str, replaces: str | None
             ) -> LetterPreview:
    from reviewer_app.core.issuing import preview_letter
    from reviewer_app.core.letters.settings import load_settings

    return preview_letter(store, case_id, recipient=recipient,
                          settings=load_settings(store.path), replaces=replaces)


def _record_format(store: Store, case_id: int, by: int, large: bool) -> None:
    from reviewer_app.core.store.notices import record_letter_format

    record_letter_format(store, case_id, by=by, large_print=large,
                         requested_by="the member (recorded in the letter window)")


def _record_oral_notice(store: Store, case_id: int, by: int, told: str, when) -> None:
    from reviewer_app.core.store.notices import record_oral_notice

    record_oral_notice(store, case_id, by=by, told=told, told_at=when)


def _roots(store: Store) -> list:
    from reviewer_app.core.issuing import trust_roots
    from reviewer_app.core.letters.settings import load_settings

    return trust_roots(store, load_settings(store.path))


def _verify(pdf: bytes, roots: list) -> VerifyReport:
    from reviewer_app.core.issuing import verify_letter

    return verify_letter(pdf, roots)


class LetterPreview(QDialog):
    letter_shown = Signal(str)
    """The document on screen is ready to read: ``preview`` or the issued letter's id."""
    letter_signed = Signal(str)
    """A letter was signed and issued (its id)."""
    verified = Signal(object)
    """The signature check of the letter shown (a ``VerifyReport``)."""
    saved = Signal(str)
    printed = Signal(int)
    """Pages sent to the printer."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_LetterPreview()
        self.ui.setupUi(self)
        self._context = context
        self._snapshot: CaseSnapshot | None = None
        self._recipient = "member"
        self._replaces: str | None = None
        self._preview: LetterPreview | None = None
        self._issued: IssuedLetter | None = None
        self._report: VerifyReport | None = None
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        view = self.ui.pdfView
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.document.statusChanged.connect(self._on_document_status_changed)
        self.ui.recipientCombo.currentIndexChanged.connect(self._on_recipient_changed)
        self.ui.signButton.clicked.connect(self._on_sign_clicked)
        self.ui.saveButton.clicked.connect(self._on_save_clicked)
        self.ui.printButton.clicked.connect(self._on_print_clicked)
        self.ui.largePrintCheck.toggled.connect(self._on_large_print_toggled)
        self.ui.oralNoticeButton.clicked.connect(self._on_oral_notice_clicked)
        self._set_buttons()

    # -- what to show ---------------------------------------------------------------------

    def show_due(self, snapshot: CaseSnapshot, recipient: str = "member",
                 replaces: str | None = None) -> None:
        """The latest decision's letter to ``recipient``: the issued one when there is one
        (unless ``replaces`` names a letter to correct), else a preview to sign."""
        self._snapshot, self._replaces = snapshot, replaces
        self._select(recipient)
        self.ui.recipientCombo.setEnabled(replaces is None)
        self._load_recipient()

    def show_issued(self, snapshot: CaseSnapshot, letter_id: str) -> None:
        self._snapshot, self._replaces = snapshot, None
        letter = next((x for x in snapshot.letters if x.letter_id == letter_id), None)
        if letter is not None:
            self._select(letter.recipient)
        self.ui.recipientCombo.setEnabled(False)
        self._load_issued(letter_id)

    def follow(self, snapshot: CaseSnapshot) -> None:
        """The case changed (a letter was issued, a decision made): keep what is shown, and
        know the case as it now is for the next recipient chosen."""
        if self._snapshot is not None and snapshot.case_id == self._snapshot.case_id:
            self._snapshot = snapshot

    def issued(self) -> IssuedLetter | None:
        return self._issued

    def notice(self) -> str:
        return self.ui.noticeLabel.text()

    def _select(self, recipient: str) -> None:
        self._recipient = recipient
        combo = self.ui.recipientCombo
        combo.blockSignals(True)
        combo.setCurrentIndex(RECIPIENTS.index(recipient))
        combo.blockSignals(False)

    def _current_letter(self, recipient: str):
        snapshot = self._snapshot
        decision = snapshot.latest_decision if snapshot else None
        if decision is None:
            return None
        found = [x for x in snapshot.letters if x.decision_id == decision.id
                 and x.recipient == recipient and x.replaced_by is None]
        return found[-1] if found else None

    def _load_recipient(self) -> None:
        current = self._current_letter(self._recipient)
        if current is not None and self._replaces is None:
            self._load_issued(current.letter_id)
            return
        snapshot = self._snapshot
        case_id, recipient, replaces = snapshot.case_id, self._recipient, self._replaces
        self._issued, self._preview, self._report = None, None, None
        self._set_notice(Tone.NEUTRAL, "Rendering the letter…")
        self._set_buttons()
        (self._context.store.op(self, lambda store: _preview(store, case_id, recipient,
                                                             replaces),
                                key=PREVIEW_KEY, what="preview the letter")
         .success(self._on_preview_ready).failure(self._on_failed).run())

    def _load_issued(self, letter_id: str) -> None:
        from reviewer_app.core.issuing import read_letter

        self._issued, self._preview, self._report = None, None, None
        self._set_notice(Tone.NEUTRAL, f"Opening {escape(letter_id)}…")
        self._set_buttons()
        (self._context.store.op(self, lambda store: read_letter(store, letter_id),
                                key=PREVIEW_KEY, what=f"open letter {letter_id}")
         .success(self._on_issued_ready).failure(self._on_failed).run())

    # -- results --------------------------------------------------------------------------

    def _on_preview_ready(self, preview: LetterPreview) -> None:
        self._preview = preview
        basis = preview.plan.basis
        signer = self._context.signer
        decider = basis.decider.signature
        if signer is None:
            sign = "Sign in as the reviewer who decided to sign it."
        elif signer.id != basis.decider.id:
            sign = f"Only {escape(decider)}, who decided, can sign it."
        else:
            sign = ("<b>Sign and issue</b> gives it its letter number and your signature, "
                    "and records it; then save or print it.")
        corrects = (f" It corrects {escape(self._replaces)}." if self._replaces else "")
        late = preview.plan.late
        warning = (f"<b>Late:</b> {escape(late.message())}. Issue it all the same: its audit "
                   "entry records the delay.<br>" if late else "")
        self._set_notice(Tone.BAD if late else Tone.PEND,
                         f"{warning}<b>Preview, not signed yet.</b> {preview.pages} "
                         f"page{'s' if preview.pages != 1 else ''}, in "
                         f"{escape(_language(preview.language))}.{corrects} {sign}")
        self._show_title(basis.letter_type, preview.language, None)
        check = self.ui.largePrintCheck
        check.blockSignals(True)
        check.setChecked(basis.large_print)
        check.blockSignals(False)
        self._load_bytes(preview.pdf)

    def _on_issued_ready(self, issued: IssuedLetter) -> None:
        self._issued = issued
        record = issued.record
        self._set_notice(Tone.NEUTRAL, f"<b>{escape(record.letter_id)}</b>, signed and issued "
                         f"{escape(record.created_at[:16].replace('T', ' '))} UTC · checking "
                         "the signature…")
        self._show_title(record.letter_type, record.language, record.letter_id)
        self._load_bytes(issued.pdf)
        self._check_signature(issued.pdf)

    def _on_failed(self, error: Exception) -> None:
        failure = describe_failure(error)
        self._set_notice(Tone.BAD, escape(" ".join(failure.lines)))
        self._set_buttons()
        ProblemsMessage.show_problems(self, "Letter not shown",
                                      f"The letter could not be shown. {failure.summary}",
                                      failure.lines)
        if not failure.expected:
            raise error

    def _show_title(self, letter_type: str, language: str, letter_id: str | None) -> None:
        snapshot = self._snapshot
        words = LETTER_WORDS.get(letter_type, letter_type)
        to = "the member" if self._recipient == "member" else "the requesting provider"
        number = letter_id or "preview"
        self.ui.titleLabel.setText(f"<b>{words}</b> to {to} · case {snapshot.case_id} · "
                                   f"{escape(number)}")
        self.setWindowTitle(f"{words} letter, case {snapshot.case_id} ({number}) — UR Reviewer")

    def _load_bytes(self, pdf: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        previous, self._buffer = self._buffer, buffer
        self.document.load(buffer)
        if previous is not None:
            previous.deleteLater()
        self._set_buttons()

    def _on_document_status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            emit(self.letter_shown, self._issued.record.letter_id if self._issued
                 else "preview")

    def _check_signature(self, pdf: bytes) -> None:
        def verify(roots: list) -> None:
            CoreOp(self, _verify, pdf, roots).success(self._on_verified).failure(
                self._on_verify_failed).run()

        (self._context.store.op(self, _roots, what="read the trust roots")
         .success(verify).failure(self._on_verify_failed).run())

    def _on_verified(self, report: VerifyReport) -> None:
        self._report = report
        tone, words = verdict_text(report)
        record = self._issued.record if self._issued else None
        if record is not None:
            self._set_notice(tone, f"<b>{escape(record.letter_id)}</b>, signed and issued "
                             f"{escape(record.created_at[:16].replace('T', ' '))} UTC · "
                             f"{escape(words)}")
        emit(self.verified, report)

    def _on_verify_failed(self, error: Exception) -> None:
        self._set_notice(Tone.BAD, "The signature could not be checked: "
                         + escape(" ".join(describe_failure(error).lines)))

    def _set_notice(self, tone: Tone, text: str) -> None:
        palette = self.ui.noticeBox.palette()
        palette.setColor(QPalette.ColorRole.Window, TINT[tone])
        palette.setColor(QPalette.ColorRole.WindowText, TEXT[tone])
        self.ui.noticeBox.setPalette(palette)
        self.ui.noticeLabel.setText(text)

    def _set_buttons(self) -> None:
        preview, issued = self._preview, self._issued
        signer = self._context.signer
        can_sign = (preview is not None and signer is not None
                    and signer.id == preview.plan.basis.decider.id)
        ui = self.ui
        ui.signButton.setEnabled(can_sign)
        if issued is not None:
            ui.signButton.setToolTip("This letter is signed and issued")
        elif preview is not None and not can_sign:
            ui.signButton.setToolTip("The letter carries the signature of the reviewer who "
                                     f"decided, {preview.plan.basis.decider.signature}")
        else:
            ui.signButton.setToolTip("Sign with your key, give the letter its number and "
                                     "record it")
        member_preview = preview is not None and self._recipient == "member"
        ui.largePrintCheck.setEnabled(member_preview and signer is not None)
        expedited = (self._snapshot is not None
                     and self._snapshot.case.urgency == "expedited")
        ui.oralNoticeButton.setEnabled(preview is not None and signer is not None and expedited
                                       and preview.plan.basis.oral_notice is None)
        for button, verb in ((ui.saveButton, "saved"), (ui.printButton, "printed")):
            button.setEnabled(issued is not None)
            button.setToolTip("" if issued is not None else
                              f"A letter is {verb} once it is signed and issued")

    # -- actions --------------------------------------------------------------------------

    def _on_recipient_changed(self, index: int) -> None:
        if self._snapshot is not None and 0 <= index < len(RECIPIENTS):
            self._recipient = RECIPIENTS[index]
            self._load_recipient()

    def _on_large_print_toggled(self, checked: bool) -> None:
        """The member's request for large print is recorded on the case (audited), then the
        preview is drawn again in the format asked for."""
        signer, snapshot = self._context.signer, self._snapshot
        if signer is None or snapshot is None:
            return
        case_id, by = snapshot.case_id, signer.id
        (self._context.store.op(self, lambda store: _record_format(store, case_id, by, checked),
                                what="record the letter format")
         .announces(case_id).success(lambda _: self._load_recipient())
         .failure(self._on_failed).run())

    def _on_oral_notice_clicked(self) -> None:
        from reviewer_app.ui.letters.oral_notice import OralNoticeDialog

        signer, snapshot = self._context.signer, self._snapshot
        if signer is None or snapshot is None:
            return
        asked = OralNoticeDialog.ask(self, self._context.clock())
        if asked is None:
            return
        case_id, by = snapshot.case_id, signer.id
        (self._context.store.op(self, lambda store: _record_oral_notice(
            store, case_id, by, asked.told, asked.told_at), what="record the oral notice")
         .announces(case_id).success(lambda _: self._load_recipient())
         .failure(self._on_failed).run())

    def _on_sign_clicked(self) -> None:
        from reviewer_app.core.issuing import issue_and_read

        preview, reviewer = self._preview, self._context.signer
        if preview is None or reviewer is None:
            return
        plan, case_id = preview.plan, self._snapshot.case_id
        self.ui.signButton.setEnabled(False)
        self._set_notice(Tone.NEUTRAL, "Signing…")
        (self._context.store.op(self, lambda store: issue_and_read(store, plan, reviewer),
                                what="sign and issue the letter")
         .announces(case_id).success(self._on_signed).failure(self._on_failed).run())

    def _on_signed(self, issued: IssuedLetter) -> None:
        self._replaces = None
        self._preview = None
        self._on_issued_ready(issued)
        emit(self.letter_signed, issued.record.letter_id)

    def _on_save_clicked(self) -> None:
        issued = self._issued
        if issued is None:
            return
        record = issued.record
        folder = Path(str(self._context.settings.value("letters/last_folder", str(Path.home()))))
        path = SaveLetterDialog.ask(self, folder / f"{record.letter_id}-{record.letter_type}-"
                                    f"{record.recipient}.pdf")
        if path is None:
            return
        self._context.settings.setValue("letters/last_folder", str(path.parent))
        by = self._context.reviewer_id
        (self._context.store.op(self, lambda store: _export(store, record.letter_id, path, by),
                                what=f"save {record.letter_id}")
         .success(lambda _letter: emit(self.saved, str(path))).run())

    def _on_print_clicked(self) -> None:
        issued = self._issued
        if issued is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(issued.record.letter_id)
        if not PrintLetterDialog.ask(self, printer):
            return
        self._printer = printer
        by, letter_id = self._context.reviewer_id, issued.record.letter_id
        (self._context.store.op(self, lambda store: _export(store, letter_id, None, by),
                                what=f"print {letter_id}")
         .success(self._on_print_recorded).run())

    def _on_print_recorded(self, _letter) -> None:
        pages = print_document(self.document, self._printer)
        emit(self.printed, pages)


def _export(store: Store, letter_id: str, path: Path | None, by: int | None):
    """An issued letter to a file (written atomically) or, with no ``path``, the record of
    printing it: the ``export`` audit entry either way, committed first."""
    from reviewer_app.core.atomic import check_target, write_atomic
    from reviewer_app.core.store.letters import export_letter

    if path is None:
        return export_letter(store, letter_id, lambda _data: None, by=by, to="printer")
    target = check_target(path)
    return export_letter(store, letter_id, lambda data: write_atomic(target, data), by=by)


def _language(code: str) -> str:
    from reviewer_app.core.languages import language_name

    return language_name(code)
