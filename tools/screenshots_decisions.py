"""Pictures of decisions and letters for ``docs/screenshots/`` (``make screenshots`` runs it
after ``tools/screenshots.py``; it runs alone too):

    .venv/bin/python tools/screenshots_decisions.py            # offscreen
    QT_QPA_PLATFORM=xcb ../shared/tools/xrun.sh 40 docs/screenshots/xserver-desktop.png -- \\
        .venv/bin/python tools/screenshots_decisions.py --xserver   # under a real X server

A throw-away store at the screenshots' fixed clock with a nurse and a physician signed in
(their keys from a CA made for the pictures): the motivating case in the case view for the
nurse (Deny and Partial approval off), each decision dialog filled in as a reviewer would,
the member's approval letter as a preview and then signed and verified, the Letters tab with
its signature checks and a peer-to-peer conversation, the partial approval for a
Spanish-speaking member (dialog and the Spanish letter), and the physician's queue with the
referred cases first, the case view's Export menu, a letter verified from File › Verify a
letter… (as issued, and with one byte changed) and Tools › Check the audit trail.
``--xserver`` writes the same pictures with an ``xserver-`` prefix.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer_app.core.store import cases, decisions  # noqa: E402
from reviewer_app.core.store.database import Store  # noqa: E402
from reviewer_app.core.store.organization import create_organization  # noqa: E402
from reviewer_app.core.store.peer_to_peer import record_peer_to_peer  # noqa: E402
from reviewer_app.core.store.reviewers import add_reviewer, session_for  # noqa: E402
from reviewer_app.core.trust.authority import create_authority  # noqa: E402
from reviewer_app.core.trust.keys import create_reviewer_key, open_key  # noqa: E402
from reviewer_app.ui.app import create_application  # noqa: E402
from reviewer_app.ui.case import decision_dialogs as dialogs  # noqa: E402
from reviewer_app.ui.case.case_view import LETTERS  # noqa: E402
from reviewer_app.ui.case.p2p_dialog import PeerToPeerDialog  # noqa: E402
from reviewer_app.ui.context import AppContext  # noqa: E402
from reviewer_app.ui.main.window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SEED = ROOT / "examples" / "seed-l2-corpectomy.json"
NOW = datetime.fromisoformat("2026-11-23T16:00:00-05:00")
SECRET = "screenshots only, never kept"
TIMEOUT_MS = 20_000
FOLDER = Path(tempfile.gettempdir()) / "ur-reviewer-decision-screenshots"
"""The throw-away store, at a fixed path: the letter checks show the files' paths."""
PREFIX = ""
MEMBER_ES = ("Aprobamos la cirugía para sacar el hueso L2 y unir L1 con L3. Sus estudios no "
             "muestran una hernia de disco ni un nervio apretado en L2-L3. Por eso no hace "
             "falta la cirugía extra por la espalda en ese disco.")
CLINICAL = ("The L2 corpectomy with L1-L3 anterior and posterior fusion is approved: the "
            "retropulsed fragment compresses from the front and is removed by the corpectomy. "
            "63030 is not approved: no disc herniation or nerve-root compression at L2-L3, and "
            "no radicular pain or deficit.")


def _wait_until(condition, timeout_ms: int = TIMEOUT_MS) -> None:
    """Run the event loop until ``condition`` holds. The timers belong to the application and
    are deleted here, on this thread: a parentless QObject left to Python's collector can be
    freed on the database thread ("Timers cannot be stopped from another thread")."""
    app = QApplication.instance()
    loop = QEventLoop()
    timer = QTimer(app, interval=20)
    deadline = QTimer(app, singleShot=True, interval=timeout_ms)
    timer.timeout.connect(lambda: condition() and loop.quit())
    deadline.timeout.connect(loop.quit)
    timer.start()
    deadline.start()
    if not condition():
        loop.exec()
    for made in (timer, deadline):
        made.stop()
        made.deleteLater()
    if not condition():
        raise SystemExit(f"timed out waiting for {condition}")


def _settle(milliseconds: int = 250) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def _save(widget: QWidget, name: str) -> None:
    _settle()
    target = OUT / f"{PREFIX}{name}.png"
    if not widget.grab().save(str(target)):
        raise SystemExit(f"could not write {target}")
    print(target.relative_to(ROOT))


def _people(store: Store):
    issued = NOW - timedelta(days=1)
    new, admin = create_authority("Example Health Plan", SECRET, now=issued)
    create_organization(store, new, admin)
    found = []
    for name, credentials, role in (("Dana Whitfield", "RN", "nurse"),
                                    ("Sam Okoye", "MD", "physician")):
        key = create_reviewer_key(admin, name=name, credentials=credentials, role=role,
                                  passphrase=SECRET, now=issued)
        person = add_reviewer(store, name=name, credentials=credentials, role=role, key=key,
                              admin=admin)
        found.append(session_for(store, person.id, open_key(key.pkcs12, SECRET)))
    return found


def _documents() -> list[tuple[str, str]]:
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    spanish = json.loads(json.dumps(seed))
    spanish["external_id"] = "PA-2026-004418"
    spanish["member"].update(given_name="Lucía", family_name="Ramírez", id="W884120411",
                             language="es")
    pend = json.loads(json.dumps(seed))
    pend["external_id"] = "PA-2026-004502"
    del pend["oncology"]["expected_survival_months"]
    del pend["symptoms"]["frankel_grade"]
    del pend["symptoms"]["neuro_deficit"]
    return [("seed.json", json.dumps(seed)), ("es.json", json.dumps(spanish)),
            ("pend.json", json.dumps(pend))]


def _window(context: AppContext, case_id: int | None = None) -> MainWindow:
    window = MainWindow(context)
    window.resize(1280, 860)
    window.show()
    if case_id is not None:
        window.open_stored_case(case_id)
        _wait_until(lambda: window.opened_case() is not None
                    and window.opened_case().case_id == case_id)
    return window


def _dialog(dialog, name: str, size: tuple[int, int] | None = None) -> None:
    if size:
        dialog.resize(*size)
    dialog.show()
    _save(dialog, name)
    dialog.close()


def _refresh(window: MainWindow, case_id: int, condition) -> None:
    window.open_stored_case(case_id)
    _wait_until(lambda: window.opened_case() is not None and condition(window.opened_case()))


def _member_letter(view):
    """The letter window on the latest decision's member letter, ready to sign."""
    letters = view.letter_window()
    letters.resize(900, 1000)
    letters.show_due(view.snapshot(), "member")
    letters.show()
    _wait_until(lambda: letters.ui.signButton.isEnabled())
    return letters


def _sign(letters) -> None:
    letters.ui.signButton.click()
    _wait_until(lambda: "good signature" in letters.notice())


def _signed_in(context: AppContext, unlocked) -> AppContext:
    """``context`` with a session of its own, the reviewer whose key is ``unlocked`` signed in."""
    from reviewer_app.ui.session.operations import session_of
    from reviewer_app.ui.session.session import Session

    made = replace(context, session=Session())
    with Store.open(context.database_path, clock=lambda: NOW) as store:
        made.session.sign_in(session_of(store, unlocked))
    return made


def pictures(folder: Path) -> None:
    db = folder / "cases.sqlite3"
    with Store.open(db, clock=lambda: NOW) as store:
        nurse, physician = _people(store)
        cases.import_documents(store, _documents())
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    base = AppContext.create(db, settings=settings, clock=lambda: NOW)
    as_nurse, as_physician = _signed_in(base, nurse), _signed_in(base, physician)

    window = _window(as_nurse, 1)
    view = window.ui.caseView
    _save(window, "decision-bar-nurse")
    snapshot = view.snapshot()
    _dialog(dialogs.ApproveDialog(snapshot, nurse, window), "decision-approve")
    refer = dialogs.ReferDialog(snapshot, nurse, window)
    refer.ui.noteEdit.setPlainText("Meets the tumor set, but please review the 12-month survival "
                                   "estimate against the planned chemotherapy.")
    _dialog(refer, "decision-refer", (620, 360))

    # the nurse approves case 1 and signs both letters
    with Store.open(db, clock=lambda: NOW + timedelta(minutes=5)) as store:
        version = decisions.assign(store, 1, reviewer=nurse.id, expected_version=1).version
        decisions.decide(store, 1, "approve", by=nurse, expected_version=version)
    _refresh(window, 1, lambda s: s.status == "approved")
    letters = _member_letter(view)
    _save(letters, "letter-preview")
    _sign(letters)
    _save(letters, "letter-signed")
    letters.ui.recipientCombo.setCurrentIndex(1)
    _wait_until(lambda: letters.ui.signButton.isEnabled())
    _sign(letters)
    letters.close()

    # the pend dialog on case 3
    window.open_stored_case(3)
    _wait_until(lambda: window.opened_case() is not None and window.opened_case().case_id == 3)
    pend = dialogs.PendDialog(view.snapshot(), nurse, NOW.date(), window, now=NOW)
    pend.ui.itemsList.item(pend.ui.itemsList.count() - 1).setCheckState(Qt.CheckState.Unchecked)
    pend.ui.addEdit.setText("The operative plan with the planned levels and approach")
    pend.ui.addButton.click()
    _dialog(pend, "decision-pend", (700, 640))
    window.close()

    # case 2: the nurse refers, the physician records a peer-to-peer and partially approves
    with Store.open(db, clock=lambda: NOW + timedelta(minutes=20)) as store:
        version = decisions.assign(store, 2, reviewer=nurse.id, expected_version=1).version
        decisions.decide(store, 2, "refer", by=nurse, expected_version=version,
                         reason="Please review the separate laminotomy (63030) at L2-L3.")
    _physician_queue(folder)
    window = _window(as_physician)
    window.open_stored_case(2)
    _wait_until(lambda: window.opened_case() is not None and window.opened_case().case_id == 2)
    view = window.ui.caseView
    talk = PeerToPeerDialog(view.snapshot(), physician, NOW + timedelta(hours=1), window)
    talk.ui.outcomeCombo.setCurrentIndex(0)
    talk.ui.noteEdit.setPlainText("Dr. Alvarez agrees the laminotomy is not needed once the "
                                  "corpectomy removes the fragment.")
    _dialog(talk, "decision-p2p")
    partial = dialogs.AdverseDialog(view.snapshot(), physician, True, window)
    for row in range(partial.ui.codesList.count()):
        item = partial.ui.codesList.item(row)
        if item.data(dialogs.KEY_ROLE) != "63030":
            item.setCheckState(Qt.CheckState.Checked)
    partial.ui.clinicalEdit.setPlainText(CLINICAL)
    partial.ui.memberEdit.setPlainText(MEMBER_ES)
    _dialog(partial, "decision-partial-es", (780, 820))
    deny = dialogs.AdverseDialog(view.snapshot(), physician, False, window)
    deny.ui.clinicalEdit.setPlainText("does not meet criteria")
    _dialog(deny, "decision-deny-refused", (760, 600))
    later = NOW + timedelta(hours=2)
    with Store.open(db, clock=lambda: later) as store:
        record_peer_to_peer(store, 2, by=physician.id, provider="R. Alvarez, MD",
                            held_at=NOW + timedelta(hours=1), outcome="upheld",
                            note=talk.ui.noteEdit.toPlainText())
        codes = [p.code for p in view.snapshot().case.service.procedures if p.code != "63030"]
        decisions.decide(store, 2, "partial", by=physician,
                         expected_version=cases.get_case(store, 2).version,
                         reason=CLINICAL, member_reason=MEMBER_ES, approved_codes=codes)
    _refresh(window, 2, lambda s: s.status == "partially_approved")
    letters = _member_letter(view)
    _sign(letters)
    _save(letters, "letter-partial-es-signed")
    letters.close()
    window.close()

    window = _window(as_nurse, 1)
    view = window.ui.caseView
    view.ui.tabs.setCurrentIndex(LETTERS)
    panel = view.ui.lettersPanel
    _wait_until(lambda: all(panel.report(x.letter_id) is not None
                            for x in view.snapshot().letters))
    _save(window, "case-letters")
    _attachment_viewer(window, db, nurse.id)
    _export_menu(window)
    _checks(window, folder)
    window.close()
    base.close()


def _attachment_viewer(window: MainWindow, db: Path, nurse: int) -> None:
    """The request's MRI report attached to case 1 and opened in the built-in viewer (QtPdf),
    over the case's Attachments tab."""
    from screenshots import report_pdf

    from reviewer_app.core.attachments import check_attachment
    from reviewer_app.core.store import attachments
    from reviewer_app.ui.attachments.viewer import AttachmentViewer
    from reviewer_app.ui.case.case_view import ATTACHMENTS

    report = json.loads(SEED.read_text(encoding="utf-8"))["imaging"][0]["report_text"]
    file = check_attachment(report_pdf("MRI LUMBAR SPINE WITHOUT AND WITH CONTRAST", report),
                            "MRI lumbar spine.pdf")
    with Store.open(db, clock=lambda: NOW + timedelta(minutes=50)) as store:
        record = attachments.attach(store, file, case_id=1, by=nurse)
        opened = attachments.read_attachment(store, record.id, by=nurse)
    _refresh(window, 1, lambda case: len(case.attachments) == 1)
    window.ui.caseView.ui.tabs.setCurrentIndex(ATTACHMENTS)
    _settle()
    _save(window, "case-attachments-listed")
    viewer = AttachmentViewer.open(window, opened)
    viewer.resize(760, 700)
    _settle()
    _save(viewer, "attachment-viewer")
    viewer.close()


def _export_menu(window: MainWindow) -> None:
    """The case view's Export menu, open (a popup is a window of its own: drawn onto the
    window's picture where it opened), the top of the window only."""
    bar = window.ui.caseView.ui.decisionBar
    button = bar.ui.exportButton
    bar.export_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    _wait_until(lambda: bar.export_menu.isVisible())
    _settle()
    picture = window.grab()
    menu = bar.export_menu.grab()
    at = window.mapFromGlobal(bar.export_menu.pos())
    painter = QPainter(picture)
    painter.drawPixmap(at, menu)
    painter.end()
    bottom = min(picture.height(), at.y() + menu.height() + 48)
    target = OUT / f"{PREFIX}case-export-menu.png"
    if not picture.copy(0, 0, picture.width(), bottom).save(str(target)):
        raise SystemExit(f"could not write {target}")
    print(target.relative_to(ROOT))
    bar.export_menu.hide()


def _checks(window: MainWindow, folder: Path) -> None:
    """File › Verify a letter… on the member's letter as issued and with one byte changed,
    then Tools › Check the audit trail."""
    from reviewer_app.core.store.letters import letter_pdf, letters_for
    from reviewer_app.ui.main import checks

    with Store.open(folder / "cases.sqlite3", clock=lambda: NOW) as store:
        data = letter_pdf(store, letters_for(store, 1)[0])
    good, altered = folder / "approval-member.pdf", folder / "approval-member-altered.pdf"
    good.write_bytes(data)
    changed = bytearray(data)
    changed[changed.index(b"stream", len(changed) // 3) + 40] ^= 0x01
    altered.write_bytes(bytes(changed))
    for path, name in ((good, "letter-verify-good"), (altered, "letter-verify-altered")):
        checks.LetterFileDialog.ask = classmethod(lambda cls, parent, directory, p=path: p)
        seen = []
        window.checks.letter_checked.connect(seen.append)
        window.ui.actionVerifyLetter.trigger()
        _wait_until(lambda seen=seen: bool(seen))
        window.checks.letter_checked.disconnect(seen.append)
        _save(window.checks.dialog, name)
    seen = []
    window.checks.audit_checked.connect(seen.append)
    window.ui.actionCheckAudit.trigger()
    _wait_until(lambda: bool(seen))
    _save(window.checks.dialog, "audit-check")
    window.checks.dialog.close()


def _physician_queue(folder: Path) -> None:
    """The generated store of the queue pictures (``bench/queue_store.py``), its physician
    signed in: the referred cases first, each part soonest due first."""
    from bench.queue_store import PASSPHRASE, build
    from reviewer_app.core.store.records import list_reviewers
    from reviewer_app.core.store.reviewers import unlock_reviewer

    (folder / "queue").mkdir()
    db = build(folder / "queue" / "cases.sqlite3", 300, NOW)  # one organization CA a folder
    with Store.open(db, clock=lambda: NOW) as store:
        [doctor] = [r for r in list_reviewers(store) if r.role == "physician"]
        signed_in = unlock_reviewer(store, doctor.id, PASSPHRASE)
    settings = QSettings(str(folder / "queue.ini"), QSettings.Format.IniFormat)
    context = _signed_in(AppContext.create(db, settings=settings, clock=lambda: NOW), signed_in)
    window = _window(context)
    _wait_until(lambda: window.queue_page.model.rowCount() >= 40)
    _save(window, "queue-physician")
    window.close()
    context.close()


def main(argv: list[str]) -> int:
    global PREFIX
    if "--xserver" in argv:
        PREFIX = "xserver-"
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application(argv[:1])
    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir(parents=True)
    try:
        pictures(FOLDER)
    finally:
        shutil.rmtree(FOLDER, ignore_errors=True)
    app.processEvents()
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
