"""PySide6's import hook, made to read a module's source without asking the module anything.

Importing PySide6 replaces ``__import__``: after each new module is imported, shiboken checks
whether its source names PySide6 (``shibokensupport.feature._mod_uses_pyside``, for its
``__feature__`` switches), through ``inspect.getsource(module)``. That first asks the module for
``__wrapped__``, and pydantic's modules answer unknown names with a module ``__getattr__`` that
imports more of pydantic: checking ``pydantic.errors`` while ``pydantic._internal._validators``
is half imported fails with "cannot import name 'import_string' from partially initialized
module 'pydantic._internal._validators'". shiboken keeps such nested checks apart, but not
reliably while another thread imports too, and the database thread imports the store's modules
while the window is built: about one start in twenty-five that opened a case file at once
(``make run ARGS=case.json``, the GUI benchmark) failed so. Reproduced without the application
(pydantic imported on one thread while another imports, PySide6 loaded: 2 failures in 60).

Here the source comes from the module's loader, read from its namespace (``vars``), so no
module code runs during the check; a module without Python source uses no PySide feature, as
before. The answer is the same for every module: only how it is found changes.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401  (installs the hook whose check is replaced)


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source names PySide6 (False without Python source)."""
    namespace = vars(module)
    loader = namespace.get("__loader__")
    try:
        source = loader.get_source(namespace.get("__name__"))
    except (AttributeError, ImportError, OSError, SyntaxError, TypeError, ValueError):
        return False
    return isinstance(source, str) and "PySide6" in source


def install() -> bool:
    """Use :func:`uses_pyside` in this PySide6's hook; whether the hook was found."""
    feature = getattr(sys.modules.get("shibokensupport.signature.loader"), "feature", None)
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True


INSTALLED = install()
