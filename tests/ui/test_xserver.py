"""The real window on a real X server (Xvfb), as a nurse's desktop shows it.

The rest of the suite runs Qt offscreen, which needs none of the X11 libraries of the xcb
platform plugin and no window system; this starts ``main.py`` with the seed case as ``make run``
does, signs in with the keyboard (xdotool), and keeps screenshots (ImageMagick's ``import``) of
the sign-in dialog, the window and its lock screen in ``bench/out/xserver-*.png`` for a person to
look at; a second test opens the first run on a new database. ``make test`` installs the three tools
(``make xserver``) and the plugin's libraries (``make qt-libs``) first.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from paths import ROOT, SEED

pytestmark = pytest.mark.xserver

SCREENSHOT = ROOT / "bench" / "out" / "xserver-main.png"
TIMEOUT_S = 30.0
POLL_S = 0.1


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (make xserver installs xvfb, xdotool, imagemagick)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def display(tmp_path):
    """A fresh Xvfb; ``-displayfd`` lets it pick a free display number, so runs in parallel
    (other worktrees on the same machine) never collide."""
    read_end, write_end = os.pipe()
    log = (tmp_path / "xvfb.log").open("wb")
    xvfb = subprocess.Popen(
        [_tool("Xvfb"), "-displayfd", str(write_end), "-screen", "0", "1400x900x24",
         "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=log, stderr=subprocess.STDOUT,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], TIMEOUT_S)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        if not number:
            pytest.fail(f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text()}")
        yield f":{number}"
    finally:
        os.close(read_end)
        xvfb.terminate()
        xvfb.wait(timeout=10)
        log.close()


def _app_environment(display: str, tmp_path: Path) -> dict[str, str]:
    """The user's environment on a desktop, with throw-away settings and data folders."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env.update(
        DISPLAY=display,
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_RUNTIME_DIR=str(runtime),
        REVIEWER_APP_DB=str(tmp_path / "cases.sqlite3"),
    )
    return env


def _xdotool(display: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_tool("xdotool"), *args], env={**os.environ, "DISPLAY": display},
                          capture_output=True, text=True, timeout=10, check=False)


def _visible_windows(display: str) -> dict[str, str]:
    """window id -> title, for the mapped windows whose title names the application."""
    found = _xdotool(display, "search", "--onlyvisible", "--name", "UR Reviewer")
    return {wid: _xdotool(display, "getwindowname", wid).stdout.strip()
            for wid in found.stdout.split()}


def _distinct_colours(path: Path) -> tuple[tuple[int, int], int]:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    return (image.width(), image.height()), len(colours)


def _launch(display: str, tmp_path: Path, *args: str) -> tuple[subprocess.Popen, Path]:
    """``main.py ARGS`` as ``make run`` starts it, its output in a log."""
    log_path = tmp_path / "app.log"
    with log_path.open("wb") as log:
        app = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path,
            env=_app_environment(display, tmp_path), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return app, log_path


def _wait_for(display: str, app: subprocess.Popen, log_path: Path, title: str,
              deadline: float) -> str:
    """The id of the visible window titled ``title``, once it is there."""
    windows: dict[str, str] = {}
    while title not in windows.values():
        if app.poll() is not None:
            pytest.fail(f"the app exited ({app.returncode}): {log_path.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"no window titled {title!r} after {TIMEOUT_S:.0f} s; visible:"
                        f" {windows}; app output: {log_path.read_text()}")
        time.sleep(POLL_S)
        windows = _visible_windows(display)
    return next(w for w, name in windows.items() if name == title)


def _shoot(display: str, wid: str, tmp_path: Path, name: str, deadline: float) -> Path:
    """A screenshot of window ``wid`` that shows something, kept as bench/out/NAME. The
    window's size is read again with every shot: a window still settling (its menu bar or
    status bar laid out after it was mapped) may grow between the two."""
    shot = tmp_path / name
    colours, shot_size, window_size = 0, None, ()
    while (colours < 30 or shot_size != window_size) and time.monotonic() < deadline:
        geometry = _xdotool(display, "getwindowgeometry", "--shell", wid).stdout
        size = dict(line.split("=") for line in geometry.split())
        window_size = (int(size["WIDTH"]), int(size["HEIGHT"]))
        subprocess.run([_tool("import"), "-display", display, "-window", wid, str(shot)],
                       capture_output=True, timeout=20, check=True)
        shot_size, colours = _distinct_colours(shot)
        time.sleep(POLL_S)
    assert shot_size == window_size, "the screenshot is of the whole window"
    assert colours >= 30, f"the screenshot {name} is (nearly) blank: the window drew nothing"
    kept = SCREENSHOT.parent / name
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, kept)
    return kept


def _stop(app: subprocess.Popen) -> None:
    if app.poll() is None:
        os.killpg(app.pid, signal.SIGTERM)
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait(timeout=10)


def test_the_window_opens_on_a_real_x_server(display, tmp_path):
    """Sign in with the keyboard, the seed case opens (attributed to the reviewer), and
    Ctrl+Shift+L locks the window."""
    from sessionkit import PASSPHRASE, team_database

    team_database(tmp_path / "cases.sqlite3")  # an organization, two reviewers, case 1
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    member = seed["member"]
    title = (f"Case 2 · {seed['external_id']} — {member['family_name']}, "
             f"{member['given_name']} — UR Reviewer")
    started = time.monotonic()
    deadline = started + TIMEOUT_S
    app, log_path = _launch(display, tmp_path, str(SEED))
    try:
        dialog = _wait_for(display, app, log_path, "Sign in — UR Reviewer", deadline)
        shown_after = time.monotonic() - started
        _shoot(display, dialog, tmp_path, "xserver-sign-in.png", deadline)
        _xdotool(display, "windowfocus", "--sync", dialog)
        _xdotool(display, "type", "--delay", "5", PASSPHRASE)
        _xdotool(display, "key", "Return")
        wid = _wait_for(display, app, log_path, title, deadline)
        main = _shoot(display, wid, tmp_path, SCREENSHOT.name, deadline)
        assert app.poll() is None, f"the app exited after showing: {log_path.read_text()}"
        _xdotool(display, "windowfocus", "--sync", wid)
        _xdotool(display, "key", "ctrl+shift+l")
        locked = _wait_for(display, app, log_path, "Locked — UR Reviewer", deadline)
        _shoot(display, locked, tmp_path, "xserver-lock.png", deadline)
        print(f"sign-in shown after {shown_after:.2f} s; {main}")
    finally:
        _stop(app)


def test_a_new_database_opens_the_first_run_on_a_real_x_server(display, tmp_path):
    started = time.monotonic()
    app, log_path = _launch(display, tmp_path)
    try:
        wid = _wait_for(display, app, log_path, "Set up UR Reviewer", started + TIMEOUT_S)
        _shoot(display, wid, tmp_path, "xserver-first-run.png", started + TIMEOUT_S)
    finally:
        _stop(app)
