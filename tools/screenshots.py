"""Screenshots of the main window for ``docs/screenshots/`` (runs offscreen, no display needed).

    .venv/bin/python tools/screenshots.py [SEED_CASE.json]

Opens the seed case and variants derived from it (pend, refer, no criteria set, an invalid
file) with a fixed clock, so the deadline text is the same on every run. Each is imported into
a throw-away case database, as the window does, so the cases are numbered 1 to 4.

The queue is shown over a generated store of a few hundred synthetic cases
(``bench/queue_store.py``: due times around the fixed clock, every open status, three nurses and
a physician): as it opens, filtered and searched, in a dark palette, and at 200% scaling (in a
second process, since the scale is fixed when Qt starts); and the first-run page of an empty
store and the keyboard shortcuts window.
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

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.queue_store import build  # noqa: E402
from reviewer_app.core.case_file import CaseFileError, load_case  # noqa: E402
from reviewer_app.ui.app import create_application  # noqa: E402
from reviewer_app.ui.context import AppContext  # noqa: E402
from reviewer_app.ui.main.window import MainWindow  # noqa: E402
from reviewer_app.ui.widgets.problems_message import ProblemsMessage  # noqa: E402
from reviewer_app.ui.widgets.shortcuts import ShortcutsDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SEED = ROOT / "examples" / "seed-l2-corpectomy.json"
NOW = datetime.fromisoformat("2026-11-23T16:00:00-05:00")
SIZE = (1280, 820)
QUEUE_CASES = 300
SCALED_SIZE = (960, 600)
"""The window at 200%: a 1920 x 1200 screen's worth of pixels."""
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
    store = folder / "queue.sqlite3"
    if not store.exists():
        build(store, QUEUE_CASES, NOW)
    settings = QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat)
    context = AppContext.create(store, settings=settings, clock=lambda: NOW)
    window = MainWindow(context)
    window.resize(*size)
    window.show()
    page = window.queue_page
    _wait_until(lambda: page.model.rowCount() > 0 and not page.model.is_loading()
                and page.ui.filterBar.ui.workingAsCombo.count() > 1)
    window._screenshot_context = context  # closed by _close
    return window


def _settle_queue(window: MainWindow) -> None:
    page = window.queue_page
    _settle(300)
    _wait_until(lambda: not page.model.is_loading())


def _close(window: MainWindow) -> None:
    window.close()
    window._screenshot_context.close()


def _dark_palette() -> QPalette:
    """A dark palette as desktop themes give it (Fusion's roles, dark greys)."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f", QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    return palette


def _queue_pictures(folder: Path) -> None:
    """The queue as it opens, filtered, searched, in a dark palette; the shortcuts window."""
    window = _queue_window(folder, "queue")
    _settle_queue(window)
    _save(window, "queue")
    bar = window.queue_page.ui.filterBar.ui
    bar.workingAsCombo.setCurrentIndex(bar.workingAsCombo.findText("Pat Lee, RN"))
    bar.mineCheck.setChecked(True)
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
        context = AppContext.create(folder / "cases.sqlite3", settings=settings,
                                    clock=lambda: NOW)
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
        window.close()
        context.close()
        _queue_pictures(folder)
        _scaled_picture(folder)
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
