"""How widgets reach the core without blocking the window (Anki's ``CollectionOp``).

:class:`CoreOp` runs a pure core computation (an evaluation, a look-up) on the global thread
pool. :class:`StoreOp` runs a function of the :class:`~reviewer_app.core.store.database.Store`
on the one database thread (:class:`StoreThread`); see :mod:`.store_op` for its semantics.
Either way the callbacks run on the GUI thread, and widgets never call slow core functions
directly.
"""

from reviewer_app.ui.operations.core_op import CoreOp
from reviewer_app.ui.operations.store_op import StoreOp
from reviewer_app.ui.operations.store_thread import StoreThread

__all__ = ["CoreOp", "StoreOp", "StoreThread"]
