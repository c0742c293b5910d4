"""Whether Qt will find a display, decided before a QApplication exists.

Without one, Qt's xcb platform plugin prints several lines about plugins and aborts the process
(SIGABRT, a core dump on some systems); one plain sentence serves a nurse or a CI log better.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence

HEADLESS_PLATFORMS = frozenset(
    {"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"}
)
"""Qt platform plugins that draw without a window system (tests, screenshots, kiosks)."""

_HELP = "The command line works without one: python -m reviewer_app --help"


def _requested_platforms(environ: Mapping[str, str], argv: Sequence[str]) -> tuple[str, str]:
    """(the platform list Qt will try, where it came from): ``-platform`` beats the variable."""
    for i, arg in enumerate(argv[:-1]):
        if arg in ("-platform", "--platform"):
            return argv[i + 1], "-platform"
    return environ.get("QT_QPA_PLATFORM", ""), "QT_QPA_PLATFORM"


def missing_display(
    environ: Mapping[str, str], argv: Sequence[str] = (), system: str = sys.platform
) -> str | None:
    """The one line to print when Qt would find no display, else None.

    Only X11 (xcb) and Wayland need a server named in the environment; Qt tries a list such as
    ``wayland;xcb`` in order, and names may carry options (``xcb:nograb``). An unknown platform
    is left for Qt to judge.
    """
    if not system.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    requested, source = _requested_platforms(environ, argv)
    names = [entry.split(":")[0].strip() for entry in requested.split(";") if entry.strip()]
    x11, wayland = bool(environ.get("DISPLAY")), bool(environ.get("WAYLAND_DISPLAY"))
    if not names:
        if x11 or wayland:
            return None
        reason = "neither DISPLAY nor WAYLAND_DISPLAY is set"
    else:
        if any(name in HEADLESS_PLATFORMS for name in names):
            return None
        unset = []
        if "xcb" in names:
            if x11:
                return None
            unset.append("DISPLAY")
        if any(name.startswith("wayland") for name in names):
            if wayland:
                return None
            unset.append("WAYLAND_DISPLAY")
        if not unset:
            return None
        which = (f"{unset[0]} is not set" if len(unset) == 1
                 else f"neither {unset[0]} nor {unset[1]} is set")
        reason = f"{source} is {requested} and {which}"
    return f"UR Reviewer needs a graphical desktop: no display found ({reason}). {_HELP}"
