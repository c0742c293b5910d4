"""The desktop application (PySide6), by feature.

``app`` starts it; ``context`` is what every window is handed (store, criteria library,
reviewer, settings, clock, change broadcast); ``operations`` runs core and store calls off the
GUI thread; ``main`` is the main window; ``case``, ``queue``, ``intake`` and ``letters`` are
the views of those features; ``widgets`` holds what several views show; ``forms`` is generated
from ``forms/*.ui`` by pyside6-uic and never edited by hand.
"""

from reviewer_app.ui import import_check, refcounts  # noqa: F401  (PySide6 6.12.0: first)
