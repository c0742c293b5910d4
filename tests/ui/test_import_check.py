"""PySide6's import hook reads a module's source without running any of the module's code
(pydantic's module ``__getattr__`` imported more of pydantic in the middle of an import)."""

from __future__ import annotations

import _sqlite3
import inspect
import json
import sys
import types

import reviewer_app.ui.app
from reviewer_app.ui import import_check


def test_the_hook_uses_the_check_that_asks_the_module_nothing():
    feature = sys.modules["shibokensupport.signature.loader"].feature
    assert import_check.INSTALLED
    assert feature._mod_uses_pyside is import_check.uses_pyside


def test_a_module_getattr_is_not_called():
    asked = []
    module = types.ModuleType("lazy_probe")
    module.__getattr__ = lambda name: asked.append(name) or None
    module.__loader__ = json.__loader__
    assert import_check.uses_pyside(module) is False
    assert asked == []


def test_the_answers_are_shibokens_own():
    for module in (reviewer_app.ui.app, import_check, json, _sqlite3, sys):
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (OSError, TypeError):
            expected = False
        assert import_check.uses_pyside(module) is expected, module.__name__
    assert import_check.uses_pyside(reviewer_app.ui.app)
