"""Screenshots of the main window and the intake wizard for ``docs/screenshots/`` (runs
offscreen, no display needed).

    .venv/bin/python tools/screenshots.py [SEED_CASE.json]

Opens the seed case and variants derived from it (pend, refer, no criteria set, an invalid
file) with a fixed clock, so the deadline text is the same on every run. Each is imported into
a throw-away case database, as the window does, so the cases are numbered 1 to 4.

Then the case view's tabs: the seed case after a nurse took it into review and saved an updated
MRI report as a new version (overview, history with the diff, audit, version 1 read-only), the
pended variant before and after the provider's survival estimate arrived, a case whose row was
changed outside the application (the audit tab says so), and the history in a dark palette.
Then the intake wizard, every page filled with the seed case (``intake-*.png``; the tall
imaging page also whole, ``intake-3-imaging-whole.png``), the live panel pending on a missing
survival estimate with its links (``intake-panel-pend.png``), and the main window offering an
unfinished draft (``main-drafts-banner.png``).
The queue is shown over a generated store of a few hundred synthetic cases
(``bench/queue_store.py``: due times around the fixed clock, every open status, three nurses and
a physician): as it opens, filtered and searched, in a dark palette, and at 200% scaling (in a
second process, since the scale is fixed when Qt starts); and the first-run page of an empty
store and the keyboard shortcuts window. Last, ``tools/screenshots_decisions.py`` (in a
process of its own): the decision dialogs, the letter window and the Letters tab; and
signing in, the lock screen, the administrator's screen and the settings
(``tools/screenshots_session.py``).
"""

from __future__ import annotations

import copy
import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
from datetime import timedelta

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.queue_store import PASSPHRASE as QUEUE_PASSPHRASE  # noqa: E402
from bench.queue_store import build  # noqa: E402
from reviewer_app.core.case_file import CaseFileError, load_case  # noqa: E402
from reviewer_app.core.intake.document import DraftDocument  # noqa: E402
from reviewer_app.core.store import decisions, revisions  # noqa: E402
from reviewer_app.core.store.database import Store  # noqa: E402
from reviewer_app.core.store.organization import create_organization  # noqa: E402
from reviewer_app.core.store.records import list_reviewers  # noqa: E402
from reviewer_app.core.store.reviewers import add_reviewer  # noqa: E402
from reviewer_app.core.trust.authority import create_authority  # noqa: E402
from reviewer_app.core.trust.keys import create_reviewer_key  # noqa: E402
from reviewer_app.ui.app import create_application  # noqa: E402
from reviewer_app.ui.case.case_view import ATTACHMENTS, AUDIT, HISTORY, OVERVIEW  # noqa: E402
from reviewer_app.ui.context import AppContext  # noqa: E402
from reviewer_app.ui.intake.wizard import IntakeWizard  # noqa: E402
from reviewer_app.ui.main.window import MainWindow  # noqa: E402
from reviewer_app.ui.session.operations import sign_in  # noqa: E402
from reviewer_app.ui.widgets.problems_message import ProblemsMessage  # noqa: E402
from reviewer_app.ui.widgets.shortcuts import ShortcutsDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SEED = ROOT / "examples" / "seed-l2-corpectomy.json"
NOW = datetime.fromisoformat("2026-11-23T16:00:00-05:00")
SIZE = (1280, 820)
WIZARD_SIZE = (1260, 870)
"""The offscreen screen is small; the wizard fits itself to the screen it is on."""
QUEUE_CASES = 300
SCALED_SIZE = (960, 600)
"""The window at 200%: a 1920 x 1200 screen's worth of pixels."""
TIMEOUT_MS = 15_000
SETTLE_MS = 150
SCREENSHOT_PASSPHRASE = "screenshots only, never kept"


def _pend(case: dict) -> None:
    """Survival estimate not reported: the survival requirement becomes unknown."""
    case["external_id"] = "PA-2026-004502"
    case["urgency"] = "expedited"
    case["received_at"] = "2026-11-21T10:00:00-05:00"
    del case["oncology"]["expected_survival_months"]


def _refer(case: dict) -> None:
    """Potentially unstable (SINS 7) without retropulsion: no indication is met."""
    case["external_id"] = "PA-2026-004388"
    case["urgency"] = "expedited"
    case["line_of_business"] = "medicare_advantage"
    for study in case["imaging"]:
        findings = study["findings"]
        findings["retropulsion"] = False
        findings.pop("canal_compromise_percent", None)
        # every study of the lytic lesion scores it (an unscored one could still reach 13)
        findings.update(
            vertebral_collapse="none",
            alignment="normal",
            posterolateral_involvement="none",
            fracture="none",
        )


def _no_set(case: dict) -> None:
    """A procedure no criteria set covers (total knee arthroplasty)."""
    case["external_id"] = "PA-2026-004611"
    case["service"]["procedures"] = [{"code": "27447", "system": "CPT", "units": 1}]


def _invalid(case: dict) -> None:
    case["received_at"] = "yesterday"
    case["member"]["npi"] = "1234567890"
    case["diagnoses"] = [{"code": "C79.5"}]


VARIANTS: tuple[tuple[str, Callable[[dict], None] | None], ...] = (
    ("main-meets-criteria", None),
    ("main-pend", _pend),
    ("main-refer", _refer),
    ("main-no-criteria-set", _no_set),
)


def _write_variant(seed: dict, change: Callable[[dict], None] | None, path: Path) -> Path:
    case = copy.deepcopy(seed)
    if change is not None:
        change(case)
    path.write_text(json.dumps(case, indent=2), encoding="utf-8")
    return path


def _wait_for_case(window: MainWindow, path: Path) -> None:
    loop = QEventLoop()
    window.case_shown.connect(loop.quit)
    window.case_failed.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    window.open_case(path)
    loop.exec()
    window.case_shown.disconnect(loop.quit)
    window.case_failed.disconnect(loop.quit)


def _settle(milliseconds: int = SETTLE_MS) -> None:
    """Let posted layout requests run: a grab right after a change shows stale geometry."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def _save(widget: QWidget, name: str) -> None:
    _settle()
    target = OUT / f"{name}.png"
    if not widget.grab().save(str(target)):
        raise SystemExit(f"could not write {target}")
    print(target.relative_to(ROOT))


def _updated_mri(case: dict) -> None:
    """The provider's addendum: the cord is now compressed (Bilsky 2) with a sensory deficit,
    and a PET-CT was added."""
    findings = case["imaging"][0]["findings"]
    findings.update(escc_grade="2", canal_compromise_percent=55)
    case["symptoms"].update(neuro_deficit="sensory", deficit_progressive=True)
    case["imaging"].append({"modality": "PET_CT", "date": "2026-11-22", "levels": ["L2"],
                            "findings": {"lesion_type": "lytic"},
                            "report_text": "Solitary avid L2 lesion; no other disease."})


def _survival_reported(case: dict) -> None:
    case["oncology"]["expected_survival_months"] = 9


def _open_stored(window: MainWindow, case_id: int) -> None:
    loop = QEventLoop()
    window.case_shown.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    window.open_stored_case(case_id)
    loop.exec()
    window.case_shown.disconnect(loop.quit)
    shown = window.opened_case()
    if shown is None or shown.case_id != case_id:
        raise SystemExit(f"case {case_id} did not open")


def _edit(db: Path, case_id: int, change: Callable[[dict], None], by: int,
          at: datetime) -> None:
    """What the wizard's Finish will do: save the changed request as the next version."""
    with Store.open(db, clock=lambda: at) as store:
        row = store.query_one("SELECT document, version FROM cases WHERE id = ?", (case_id,))
        case = json.loads(row["document"])
        change(case)
        revisions.save_revision(store, case_id, json.dumps(case, indent=2),
                                expected_version=row["version"], by=by)


def _tabs(window: MainWindow, prefix: str) -> None:
    view = window.ui.caseView
    for tab, name in ((OVERVIEW, "overview"), (HISTORY, "history"), (AUDIT, "audit")):
        view.ui.tabs.setCurrentIndex(tab)
        _save(window, f"{prefix}-{name}")
    view.ui.tabs.setCurrentIndex(OVERVIEW)


def _dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#2b2d30",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#3c3f41",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#3c3f41",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#9da3aa",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Mid: "#4a4d50",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    return palette


def _signed_nurse(store: Store):
    """The organization CA and a nurse with a certificate from it (as `reviewer add` makes)."""
    issued = NOW - timedelta(days=1)
    new, admin = create_authority("Example Health Plan", SCREENSHOT_PASSPHRASE, now=issued)
    create_organization(store, new, admin)
    key = create_reviewer_key(admin, name="Dana Whitfield", credentials="RN", role="nurse",
                              passphrase=SCREENSHOT_PASSPHRASE, now=issued)
    return add_reviewer(store, name="Dana Whitfield", credentials="RN", role="nurse", key=key,
                        admin=admin)


def _case_view_pictures(window: MainWindow, db: Path, nurse: int) -> None:
    """Cases 1 (seed), 2 (pend) and 3 (refer) exist; the nurse works on them after NOW."""
    with Store.open(db, clock=lambda: NOW + timedelta(minutes=10)) as store:
        decisions.assign(store, 1, reviewer=nurse, expected_version=1)
    _edit(db, 1, _updated_mri, nurse, NOW + timedelta(minutes=42))
    _open_stored(window, 1)
    view = window.ui.caseView
    _tabs(window, "case")
    view.ui.tabs.setCurrentIndex(HISTORY)
    loop = QEventLoop()
    view.version_shown.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    view.open_version(1)
    loop.exec()
    dialog = view.version_dialog()
    if dialog is None:
        raise SystemExit("version 1 did not open")
    dialog.resize(*SIZE)
    _save(dialog, "case-version-read-only")
    dialog.close()
    _attach_documents(db, 1, nurse)
    _open_stored(window, 1)
    view.ui.tabs.setCurrentIndex(ATTACHMENTS)
    _save(window, "case-attachments")

    _open_stored(window, 2)
    window.ui.caseView.ui.tabs.setCurrentIndex(OVERVIEW)
    _save(window, "case-pend-overview")
    _edit(db, 2, _survival_reported, nurse, NOW + timedelta(hours=1, minutes=5))
    _open_stored(window, 2)
    for tab, name in ((HISTORY, "history"), (AUDIT, "audit")):
        view.ui.tabs.setCurrentIndex(tab)
        _save(window, f"case-pend-{name}")

    with Store.open(db, clock=lambda: NOW) as store:
        store.conn.execute("UPDATE cases SET urgency = 'standard' WHERE id = 3")
        store.conn.commit()
    _open_stored(window, 3)
    view.ui.tabs.setCurrentIndex(AUDIT)
    _save(window, "case-audit-tampered")

    app = QApplication.instance()
    light = app.palette()
    app.setPalette(_dark_palette())
    _open_stored(window, 1)
    view.ui.tabs.setCurrentIndex(HISTORY)
    _save(window, "case-history-dark")
    view.ui.tabs.setCurrentIndex(OVERVIEW)
    _save(window, "case-overview-dark")
    app.setPalette(light)


def report_pdf(title: str, text: str) -> bytes:
    """A one-page PDF with a text layer, as a radiology system prints a report."""
    import io
    import textwrap

    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=letter, invariant=1)
    page.setFont("Helvetica-Bold", 12)
    page.drawString(72, 720, title)
    page.setFont("Helvetica", 10)
    y = 696
    for line in textwrap.wrap(text, 90):
        page.drawString(72, y, line)
        y -= 14
    page.showPage()
    page.save()
    return buffer.getvalue()


def _attach_documents(db: Path, case_id: int, nurse: int) -> None:
    """The request's MRI report (PDF) and a phone note (text) attached to the case, as the
    nurse would from the Attachments tab."""
    from reviewer_app.core.attachments import check_attachment
    from reviewer_app.core.store import attachments

    seed = json.loads(SEED.read_text(encoding="utf-8"))
    files = [
        check_attachment(report_pdf("MRI LUMBAR SPINE WITHOUT AND WITH CONTRAST",
                                     seed["imaging"][0]["report_text"]), "MRI lumbar spine.pdf"),
        check_attachment(b"Provider office called: the oncology note will follow by fax.\n",
                         "phone note.txt"),
    ]
    with Store.open(db, clock=lambda: NOW + timedelta(minutes=50)) as store:
        for file in files:
            attachments.attach(store, file, case_id=case_id, by=nurse)


def _report_suggestions(context: AppContext, seed: dict, window: MainWindow) -> None:
    """The imaging page with the MRI's findings not yet entered and its report pasted: each
    finding the report states proposed beside its field, the evidence tinted in the text."""
    from reviewer_app.ui.intake.imaging import ImagingPage

    bare = copy.deepcopy(seed)
    report = bare["imaging"][0].pop("report_text")
    bare["imaging"][0]["findings"] = {}
    wizard = IntakeWizard(context, document=DraftDocument(bare), parent=window)
    wizard.resize(*WIZARD_SIZE)
    wizard.show()
    page = wizard.page_of(ImagingPage)
    wizard.go_to(page)
    page.show_study(0)
    page._templates["report_text"].text.setPlainText(report)
    reading = page.suggestions
    _wait_until(lambda: reading.state == "ready")
    reading.suggest_button.click()
    _wait_until(lambda: reading.fresh(0) is not None and reading.reading_now is None)
    _settle()
    _save(wizard, "intake-report-suggestions")
    strip = reading.strips["retropulsion"]
    page.scroll.ensureWidgetVisible(strip, 0, 200)
    _settle()
    _save(wizard, "intake-report-suggestions-fields")
    wizard.setVisible(False)
    wizard.deleteLater()


def _fhir_request_shots(context: AppContext, window: MainWindow) -> None:
    """A request read from a PAS Bundle shaped like the reference implementation's (SNOMED CT
    and ICD-9-CM diagnoses, a short NPI, a DTR questionnaire): the request page shows what it
    sent beyond its fields, the diagnoses page what is left to code."""
    from reviewer_app.core.fhir.importing import read_request_bytes
    from reviewer_app.ui.intake.pages import DiagnosesPage, RequestPage

    path = ROOT / "tests" / "data" / "fhir" / "ri-shaped-request.json"
    read = read_request_bytes(path.read_bytes(), path.name, now=NOW)
    wizard = IntakeWizard(context, document=DraftDocument(read.mapped.document), parent=window)
    wizard.resize(*WIZARD_SIZE)
    wizard.show()
    for page_type, name in ((RequestPage, "intake-fhir-request"),
                            (DiagnosesPage, "intake-fhir-diagnoses")):
        page = wizard.page_of(page_type)
        wizard.go_to(page)
        if page_type is RequestPage:
            page.scroll.ensureWidgetVisible(page.fhir, 0, 0)
        _settle()
        _save(wizard, name)
    wizard.setVisible(False)
    wizard.deleteLater()


def _intake_shots(context: AppContext, seed: dict, window: MainWindow) -> None:
    wizard = IntakeWizard(context, document=DraftDocument(seed), parent=window)
    wizard.resize(*WIZARD_SIZE)
    wizard.show()
    for number, page in enumerate(wizard.pages, start=1):
        wizard.go_to(page)
        page.scroll.verticalScrollBar().setValue(0)
        _save(wizard, f"intake-{number}-{page.NAME}")
        if page.NAME == "imaging":
            _save(page.content, f"intake-{number}-{page.NAME}-whole")
    wizard.setVisible(False)
    wizard.deleteLater()
    pend = copy.deepcopy(seed)
    _pend(pend)
    wizard = IntakeWizard(context, document=DraftDocument(pend), parent=window)
    wizard.resize(*WIZARD_SIZE)
    wizard.show()
    wizard.go_to(wizard.pages[0])
    with_draft = []
    wizard.draft_saved.connect(with_draft.append)
    wizard.commit("notes", pend["notes"] + " Survival estimate to follow.")
    loop = QEventLoop()
    wizard.draft_saved.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    if not with_draft:
        loop.exec()
    _save(wizard, "intake-pend")
    _save(wizard.panel, "intake-panel-pend")
    wizard.setVisible(False)
    loop = QEventLoop()
    window.intake.banner.listed.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    window.intake.banner.refresh()
    loop.exec()
    _save(window, "main-drafts-banner")


def _wait_until(condition: Callable[[], bool]) -> None:
    loop = QEventLoop()
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: condition() and loop.quit())
    timer.start()
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    loop.exec()
    timer.stop()


def _queue_window(folder: Path, name: str, size: tuple[int, int] = SIZE) -> MainWindow:
    """A window on the generated store in ``folder`` (built once), its queue read."""
    store = folder / "queue" / "queue.sqlite3"  # a folder of its own: one organization CA
    if not store.exists():
        store.parent.mkdir(exist_ok=True)
        build(store, QUEUE_CASES, NOW)
    settings = QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat)
    context = AppContext.create(store, settings=settings, clock=lambda: NOW)
    window = MainWindow(context)
    window.resize(*size)
    window.show()
    page = window.queue_page
    with Store.open(store, clock=lambda: NOW) as opened:
        pat = next(r for r in list_reviewers(opened) if r.name == "Pat Lee")
        context.session.sign_in(sign_in(opened, pat.id, QUEUE_PASSPHRASE))
    _wait_until(lambda: page.model.rowCount() > 0 and not page.model.is_loading())
    window._screenshot_context = context  # closed by _close
    return window


def _settle_queue(window: MainWindow) -> None:
    page = window.queue_page
    _settle(300)
    _wait_until(lambda: not page.model.is_loading())


def _close(window: MainWindow) -> None:
    window.close()
    window._screenshot_context.close()


def _queue_pictures(folder: Path) -> None:
    """The queue as it opens, filtered, searched, in a dark palette; the shortcuts window."""
    window = _queue_window(folder, "queue")
    _settle_queue(window)
    _save(window, "queue")
    bar = window.queue_page.ui.filterBar.ui
    bar.mineCheck.setChecked(True)  # Pat Lee, RN is signed in
    bar.overdueCheck.setChecked(True)
    bar.dueTodayCheck.setChecked(True)
    _settle_queue(window)
    _save(window, "queue-filtered")
    window.queue_page.ui.filterBar.reset()
    bar.statusCombo.setCurrentIndex(1)
    bar.searchEdit.setText("okafor")
    window.queue_page.ui.filterBar.flush_search()
    _settle_queue(window)
    _save(window, "queue-search")
    dialog = ShortcutsDialog(window.shortcuts, window)
    dialog.show()
    _save(dialog, "shortcuts")
    dialog.close()
    _close(window)
    app = QApplication.instance()
    light = app.palette()
    app.setPalette(_dark_palette())
    window = _queue_window(folder, "queue-dark")
    _settle_queue(window)
    _save(window, "queue-dark")
    _close(window)
    app.setPalette(light)


def _scaled_picture(folder: Path) -> None:
    """The queue at 200%, drawn by a second process started with QT_SCALE_FACTOR=2."""
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, __file__, "--scaled", str(folder)], env=env, check=True)


def _scaled_main(folder: Path) -> int:
    app = create_application([sys.argv[0]])
    window = _queue_window(folder, "queue-200", SCALED_SIZE)
    _settle_queue(window)
    _save(window, "queue-200")
    _close(window)
    app.processEvents()
    return 0


def main(argv: list[str]) -> int:
    if len(argv) > 2 and argv[1] == "--scaled":
        return _scaled_main(Path(argv[2]))
    seed_path = Path(argv[1]) if len(argv) > 1 else SEED
    seed = json.loads(seed_path.read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application(argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        db = folder / "cases.sqlite3"
        with Store.open(db, clock=lambda: NOW) as store:
            nurse = _signed_nurse(store)
            signed_in = sign_in(store, nurse.id, SCREENSHOT_PASSPHRASE)
        context = AppContext.create(db, settings=settings, clock=lambda: NOW)
        context.session.sign_in(signed_in)
        window = MainWindow(context)
        window.resize(*SIZE)
        window.show()
        _wait_until(lambda: window.ui.pages.currentWidget() is window.first_run_page)
        _save(window, "first-run")
        for name, change in VARIANTS:
            path = _write_variant(seed, change, folder / f"{name.removeprefix('main-')}.json")
            _wait_for_case(window, path)
            if window.opened_case() is None or window.opened_case().path != path:
                raise SystemExit(f"{name}: the case did not open")
            _save(window, name)
            if change is None:
                view = window.ui.caseView.ui.determinationView.ui
                bar = view.detailScroll.verticalScrollBar()
                bar.setValue(view.rationaleGroup.y())
                _save(window, f"{name}-rationale")
                bar.setValue(0)
        bad = _write_variant(seed, _invalid, folder / "invalid.json")
        try:
            load_case(bad)
        except CaseFileError as error:
            box = ProblemsMessage.build(
                window,
                "Case file not opened",
                f"{bad.name} is not a valid case file, so it was not "
                "opened. The case shown before is still open.",
                error.lines(),
            )
            box.show()
            _save(box, "dialog-invalid-file")
            box.close()
        _case_view_pictures(window, db, nurse.id)
        _intake_shots(context, seed, window)
        _report_suggestions(context, seed, window)
        _fhir_request_shots(context, window)
        window.close()
        context.close()
        _queue_pictures(folder)
        _scaled_picture(folder)
        from tools.screenshots_session import session_pictures  # it imports this module

        session_pictures()
    app.processEvents()
    subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots_decisions.py")],
                   check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
