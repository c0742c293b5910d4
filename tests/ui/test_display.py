"""Without a display the desktop app says so in one line and exits 2, instead of Qt aborting."""

import os
import subprocess
import sys

import pytest
from paths import ROOT

from reviewer_app.ui.display import missing_display

MESSAGE = "UR Reviewer needs a graphical desktop: no display found ("
HELP = "The command line works without one: python -m reviewer_app --help"


@pytest.mark.parametrize(
    ("environ", "argv"),
    [
        ({"DISPLAY": ":0"}, ()),
        ({"WAYLAND_DISPLAY": "wayland-0"}, ()),
        ({"QT_QPA_PLATFORM": "offscreen"}, ()),
        ({"QT_QPA_PLATFORM": "minimal"}, ()),
        ({"QT_QPA_PLATFORM": "xcb:nograb", "DISPLAY": ":1"}, ()),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, ()),
        ({"QT_QPA_PLATFORM": "xcb;offscreen"}, ()),
        ({"QT_QPA_PLATFORM": "vnc"}, ()),
        ({}, ("main.py", "-platform", "offscreen")),
        ({"QT_QPA_PLATFORM": "something-new"}, ()),
    ],
)
def test_a_display_or_a_headless_platform_is_enough(environ, argv):
    assert missing_display(environ, argv, system="linux") is None


@pytest.mark.parametrize(
    ("environ", "argv", "reason"),
    [
        ({}, (), "neither DISPLAY nor WAYLAND_DISPLAY is set"),
        ({"DISPLAY": ""}, (), "neither DISPLAY nor WAYLAND_DISPLAY is set"),
        ({"QT_QPA_PLATFORM": "xcb"}, (), "QT_QPA_PLATFORM is xcb and DISPLAY is not set"),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, (),
         "QT_QPA_PLATFORM is wayland and WAYLAND_DISPLAY is not set"),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, (),
         "QT_QPA_PLATFORM is wayland;xcb and neither DISPLAY nor WAYLAND_DISPLAY is set"),
        ({"QT_QPA_PLATFORM": "offscreen"}, ("main.py", "-platform", "xcb"),
         "-platform is xcb and DISPLAY is not set"),
    ],
)
def test_no_display_is_named_with_its_reason(environ, argv, reason):
    assert missing_display(environ, argv, system="linux") == f"{MESSAGE}{reason}). {HELP}"


def test_windows_and_macos_always_have_a_display():
    assert missing_display({}, (), system="win32") is None
    assert missing_display({}, (), system="darwin") is None


def test_the_app_without_a_display_prints_one_line_and_exits_2(seed_case_path):
    environ = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), str(seed_case_path)],
        env=environ, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{MESSAGE}neither DISPLAY nor WAYLAND_DISPLAY is set). {HELP}"
    ]
