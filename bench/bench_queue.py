"""The queue over a 100,000-case store, each number beside its floor measured in the same run:
launch to an interactive queue against a bare PySide6 window's start-up, scrolling the queue
from the first case to the last and search while typing, each against a bare PySide6 table of
the same size and texts doing the same, and resident memory.

The store is built once by :mod:`bench.queue_store` into ``bench/out/`` (ignored by git; about
a minute) and reused. Every probe is a fresh process, offscreen, with throw-away settings.
``run()`` returns ``(metric, value, budget, ok)`` rows; ``python -m bench.bench_queue`` prints
them.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.queue_store import ensure

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "bench" / "out" / "queue-100k.sqlite3"
COUNT = 100_000
LAUNCHES = 9
LAUNCH_BUDGET_S = 1.0
LAUNCH_RATIO = 3.0
FRAME_BUDGET_MS = 50.0
RSS_BUDGET_MIB = 300.0
TYPING_INTERVAL_MS = 250
"""A keystroke every quarter second: past the 150 ms search pause, so each one searches."""
WORDS = ("okafor", "nguyen priya", "SYN0054321", "c79.51", "63090")

RSS = """
def rss_mib():
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
"""

BARE = """
import os
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
window.show()
app.processEvents()
""" + RSS + """
print("ready", rss_mib(), flush=True)
"""

WINDOW = """
import json, os, statistics, sys, time
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from reviewer_app.ui.app import create_application
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.main.window import MainWindow
app = create_application(["bench"])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
context = AppContext.create(sys.argv[1], settings=settings)
window = MainWindow(context)
window.resize(1280, 820)
page = window.queue_page
""" + RSS + """

def wait_for(signal, timeout_ms=30_000):
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)
"""

LAUNCH = """
import os, sys
from PySide6.QtCore import QEventLoop, QTimer
from reviewer_app.ui.app import start
app, window = start(["bench", "--db", sys.argv[1]])
page = window.queue_page
loop = QEventLoop()
page.rows_shown.connect(loop.quit)
QTimer.singleShot(30_000, loop.quit)
loop.exec()
app.processEvents()
""" + RSS + """
print("ready", rss_mib(), page.model.rowCount(), flush=True)
window.close()
window._context.close()
"""

SCROLL = WINDOW + """
window.show()
wait_for(page.rows_shown)
app.processEvents()
table = page.ui.table
table.setFocus()
bar = table.verticalScrollBar()
frames, cpu, pages, start = [], [], 0, time.perf_counter()


def frame(step):
    began, used = time.perf_counter(), time.thread_time()
    step()
    frames.append(time.perf_counter() - began)
    cpu.append(time.thread_time() - used)


while True:
    frame(lambda: (bar.setValue(bar.value() + bar.pageStep()), app.processEvents()))
    if bar.value() < bar.maximum():
        continue
    if not page.model.has_more() and not page.model.is_loading():
        break
    rows = page.model.rowCount()
    while page.model.rowCount() == rows and (page.model.has_more() or page.model.is_loading()):
        frame(lambda: app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5))
        time.sleep(0.001)
    pages += 1
total = time.perf_counter() - start
frames.sort()
cpu.sort()
print(json.dumps({"rows": page.model.rowCount(), "pages": pages, "frames": len(frames),
                  "max": frames[-1], "p95": frames[int(len(frames) * 0.95)],
                  "cpu_max": cpu[-1], "cpu_p95": cpu[int(len(cpu) * 0.95)],
                  "seconds": total, "rss": rss_mib()}), flush=True)
context.close()
"""

TYPING = WINDOW + """
window.show()
wait_for(page.rows_shown)
edit = page.ui.filterBar.ui.searchEdit
edit.setFocus()
shown = []
page.rows_shown.connect(lambda: shown.append((time.perf_counter(), page.current_query().search)))
beats = []
heart = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=5)
heart.timeout.connect(lambda: beats.append(time.perf_counter()))
heart.start()
latencies = []

def pause(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

for word in json.loads(sys.argv[3]):
    edit.clear()
    page.ui.filterBar.reset()
    wait_for(page.rows_shown)
    for count in range(1, len(word) + 1):
        typed = word[:count].strip()
        pressed = time.perf_counter()
        QTest.keyClick(edit, word[count - 1])
        expected = typed if len(typed.replace('"', " ").strip()) >= 2 else None
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline and not any(
                t >= pressed and search == expected for t, search in shown):
            pause(2)
        arrived = min(t for t, search in shown if t >= pressed and search == expected)
        latencies.append(arrived - pressed)
        pause(max(0, int(sys.argv[4]) - int((time.perf_counter() - pressed) * 1000)))
heart.stop()
gaps = sorted(b - a for a, b in zip(beats, beats[1:]))
latencies.sort()
print(json.dumps({"keys": len(latencies), "median": statistics.median(latencies),
                  "max": latencies[-1], "gap_max": gaps[-1],
                  "gap_p95": gaps[int(len(gaps) * 0.95)]}), flush=True)
context.close()
"""


TABLE_FLOOR = """
import json, sys, time
import reviewer_app.ui  # noqa: F401  (PySide6 6.12.0's refcount drop: a long run aborts without it)
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget
app = QApplication(["floor"])
app.setStyle("Fusion")
font = app.font()
font.setPointSize(10)
app.setFont(font)
window = QWidget()
layout = QVBoxLayout(window)
edit = QLineEdit(window)
table = QTableView(window)
layout.addWidget(edit)
layout.addWidget(table)
texts = ("{n}", "Priya Nguyen", "PA-2026-1{n:05d}",
         "63090 · Corpectomy · Removal of part or all of a vertebral body, thoracic",
         "Expedited", "Medicare Advantage", "In review", "Sat 5 Dec 09:15", "2 d 4 h left",
         "Dana Whitfield")
model = QStandardItemModel(ROWS, len(texts))
for row in range(ROWS):
    for column, text in enumerate(texts):
        model.setItem(row, column, QStandardItem(text.format(n=row)))
table.setModel(model)
rows = table.verticalHeader()
rows.hide()
rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
rows.setDefaultSectionSize(round(table.fontMetrics().height() * 1.7))
window.resize(1280, 820)
window.show()
app.processEvents()
"""
"""The floor of the queue's GUI rows: a bare PySide6 table of the same size and rows of the same
texts (its model in C++), timed as the probes above time the queue."""

SCROLL_FLOOR = TABLE_FLOOR.replace("ROWS", "2000") + """
bar = table.verticalScrollBar()
frames = []
while len(frames) < int(sys.argv[1]):
    began = time.perf_counter()
    bar.setValue(bar.value() + bar.pageStep() if bar.value() < bar.maximum() else 0)
    app.processEvents()
    frames.append(time.perf_counter() - began)
frames.sort()
print(json.dumps({"frames": len(frames), "max": frames[-1],
                  "p95": frames[int(len(frames) * 0.95)]}), flush=True)
"""
"""Pages down through 2,000 rows (then from the top again) for as many frames as the queue took."""

TYPING_FLOOR = TABLE_FLOOR.replace("ROWS", "200") + """
edit.setFocus()
beats = []
heart = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=5)
heart.timeout.connect(lambda: beats.append(time.perf_counter()))
heart.start()


def pause(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


for word in json.loads(sys.argv[1]):
    edit.clear()
    for key in word:
        QTest.keyClick(edit, key)
        pause(150)
        table.viewport().repaint()
        pause(int(sys.argv[2]) - 150)
heart.stop()
gaps = sorted(b - a for a, b in zip(beats, beats[1:]))
print(json.dumps({"gap_max": gaps[-1], "gap_p95": gaps[int(len(gaps) * 0.95)]}), flush=True)
"""
"""The same keystrokes at the same pace, each followed 150 ms later by a full repaint of the
table (what any result shown costs), under the same 5 ms heartbeat."""

def _env() -> dict[str, str]:
    """Offscreen, with settings in a folder of their own (the launch probe starts the
    application as ``main.py`` does, with the user's settings location)."""
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=_CONFIG)


_CONFIG = tempfile.mkdtemp(prefix="bench-queue-config-")


def _until_ready(code: str, *args: str) -> tuple[float, list[str]]:
    """Wall time from starting a fresh interpreter to its "ready" line, and that line."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    _out, err = child.communicate(timeout=60)
    if not line.startswith("ready"):
        raise SystemExit(f"queue benchmark probe failed:\n{err[-2000:]}")
    return elapsed, line.split()[1:]


def _json_probe(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=_env(),
                            capture_output=True, text=True, timeout=1800, check=False)
    if result.returncode != 0:
        raise SystemExit(f"queue benchmark probe failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def run() -> list[tuple[str, str, str, bool | None]]:
    started = time.perf_counter()
    load = os.getloadavg()[0]
    built = ensure(STORE, COUNT)
    building = time.perf_counter() - started
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory() as tmp:
        ini = str(Path(tmp) / "settings.ini")
        bare, ours, bare_rss, ours_rss = [], [], [], []
        for _ in range(LAUNCHES):  # interleaved, so both see the same machine load
            wall, (rss,) = _until_ready(BARE)
            bare.append(wall)
            bare_rss.append(float(rss))
            wall, (rss, shown) = _until_ready(LAUNCH, str(STORE), ini)
            ours.append(wall)
            ours_rss.append(float(rss))
        floor, launch = statistics.median(bare), statistics.median(ours)
        ratio = launch / floor
        rows += [
            (f"queue: launch to an interactive queue, {COUNT:,} cases ({shown} rows shown, "
             f"median of {LAUNCHES})", f"{launch:.2f} s",
             f"< {LAUNCH_BUDGET_S:.1f} s", launch < LAUNCH_BUDGET_S,
             f"{floor:.2f} s (a bare PySide6 window's start-up)"),
            ("queue: launch against the floor (medians)", f"{ratio:.1f}x",
             f"<= {LAUNCH_RATIO:.0f}x", ratio <= LAUNCH_RATIO, "1x"),
            ("queue: launch against the floor (fastest of each, less of the machine's noise)",
             f"{min(ours) / min(bare):.1f}x ({min(ours):.2f} s / {min(bare):.2f} s)",
             "informational", None),
            (f"queue: resident memory, {COUNT:,}-case store open, first page shown",
             f"{statistics.median(ours_rss):.0f} MiB", f"< {RSS_BUDGET_MIB:.0f} MiB",
             statistics.median(ours_rss) < RSS_BUDGET_MIB,
             f"{statistics.median(bare_rss):.0f} MiB (the bare PySide6 window)"),
        ]
        scroll = _json_probe(SCROLL, str(STORE), ini)
        scroll_floor = _json_probe(SCROLL_FLOOR, str(scroll["frames"]))
        rows += [
            (f"queue: scroll end to end, {scroll['rows']:,} open cases, a page down at a time "
             f"({scroll['frames']:,} frames), longest frame", _ms(scroll["max"]),
             f"< {FRAME_BUDGET_MS:.0f} ms", scroll["max"] * 1000 < FRAME_BUDGET_MS,
             f"{_ms(scroll_floor['max'])} (a bare PySide6 table of the same size and texts, "
             f"{scroll_floor['frames']:,} frames)"),
            ("queue: scroll end to end, p95 frame", _ms(scroll["p95"]),
             f"< {FRAME_BUDGET_MS:.0f} ms", scroll["p95"] * 1000 < FRAME_BUDGET_MS,
             f"{_ms(scroll_floor['p95'])} (the bare table)"),
            ("queue: scroll end to end, the GUI thread's own CPU time per frame: longest, p95",
             f"{_ms(scroll['cpu_max'])}, {_ms(scroll['cpu_p95'])}", "informational", None),
            ("queue: scroll end to end, first to last case", f"{scroll['seconds']:.1f} s",
             "informational", None),
            ("queue: resident memory after scrolling through every open case",
             f"{scroll['rss']:.0f} MiB", "informational", None),
        ]
        typing = _json_probe(TYPING, str(STORE), ini, json.dumps(WORDS),
                             str(TYPING_INTERVAL_MS))
        typing_floor = _json_probe(TYPING_FLOOR, json.dumps(WORDS), str(TYPING_INTERVAL_MS))
        rows += [
            (f"queue: search while typing, keystroke to results shown ({typing['keys']} "
             "keystrokes, incl. the 150 ms pause), median", _ms(typing["median"]),
             "informational", None),
            ("queue: search while typing, keystroke to results shown, slowest",
             _ms(typing["max"]), "informational", None),
            ("queue: search while typing, longest stall of the event loop",
             _ms(typing["gap_max"]), f"< {FRAME_BUDGET_MS:.0f} ms",
             typing["gap_max"] * 1000 < FRAME_BUDGET_MS,
             f"{_ms(typing_floor['gap_max'])} (the same keystrokes in a bare PySide6 window, "
             "its table repainted after each)"),
            ("queue: search while typing, p95 stall (the 5 ms heartbeat's own period)",
             _ms(typing["gap_p95"]), "informational", None, _ms(typing_floor["gap_p95"])),
        ]
    rows.append(("queue: machine load during these rows (1-minute average, 2 cores, shared)",
                 f"{os.getloadavg()[0]:.1f} at the end (was {load:.1f})", "informational",
                 None))
    if built:
        rows.append((f"queue: building the {COUNT:,}-case store in bench/out (once, reused)",
                     f"{building:.0f} s", "informational", None))
    return rows


if __name__ == "__main__":
    from bench.table import print_table

    print_table(run())
