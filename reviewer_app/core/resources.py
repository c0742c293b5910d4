"""Where the shipped content lives, found through :func:`path` only.

In a source checkout and an editable install that is ``resources/`` at the top of the
repository; an installed wheel carries the same folder inside the package as
``reviewer_app/resources`` (mapped in setup.py), which is looked for first.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]
ROOT = next(
    (folder for folder in (_PACKAGE / "resources", _PACKAGE.parent / "resources")
     if folder.is_dir()),
    _PACKAGE / "resources",
)


def path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)
