"""Screenshots of the main window and the intake wizard for ``docs/screenshots/`` (runs
offscreen, no display needed).

    .venv/bin/python tools/screenshots.py [SEED_CASE.json]

Opens the seed case and variants derived from it (pend, refer, no criteria set, an invalid
file) with a fixed clock, so the deadline text is the same on every run. Each is imported into
a throw-away case database, as the window does, so the cases are numbered 1 to 4. Then the
intake wizard, every page filled with the seed case (``intake-*.png``; the tall imaging page
also whole, ``intake-3-imaging-whole.png``), the live panel pending on a missing survival
estimate with its links (``intake-panel-pend.png``), and the main window offering an
unfinished draft (``main-drafts-banner.png``).
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

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer_app.core.case_file import CaseFileError, load_case  # noqa: E402
from reviewer_app.core.intake.document import DraftDocument  # noqa: E402
from reviewer_app.ui.app import create_application  # noqa: E402
from reviewer_app.ui.context import AppContext  # noqa: E402
from reviewer_app.ui.intake.wizard import IntakeWizard  # noqa: E402
from reviewer_app.ui.main.window import MainWindow  # noqa: E402
from reviewer_app.ui.widgets.problems_message import ProblemsMessage  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SEED = ROOT / "examples" / "seed-l2-corpectomy.json"
NOW = datetime.fromisoformat("2026-11-23T16:00:00-05:00")
SIZE = (1280, 820)
WIZARD_SIZE = (1260, 870)
"""The offscreen screen is small; the wizard fits itself to the screen it is on."""
TIMEOUT_MS = 15_000
SETTLE_MS = 150


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
        if study["modality"] == "MRI":
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


def main(argv: list[str]) -> int:
    seed_path = Path(argv[1]) if len(argv) > 1 else SEED
    seed = json.loads(seed_path.read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application(argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        context = AppContext.create(folder / "cases.sqlite3", settings=settings,
                                    clock=lambda: NOW)
        window = MainWindow(context)
        window.resize(*SIZE)
        window.show()
        _save(window, "main-empty")
        for name, change in VARIANTS:
            path = _write_variant(seed, change, folder / f"{name.removeprefix('main-')}.json")
            _wait_for_case(window, path)
            if window.opened_case() is None or window.opened_case().path != path:
                raise SystemExit(f"{name}: the case did not open")
            _save(window, name)
            if change is None:
                view = window.ui.determinationView.ui
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
        _intake_shots(context, seed, window)
        window.close()
        context.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
