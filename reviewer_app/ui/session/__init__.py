"""Who is working: the signed-in reviewer (:mod:`.session`), and the gate that asks for them on
start, after a lock and on Switch reviewer / Sign out (:mod:`.gate`).

A reviewer signs in with their profile and passphrase, which opens their signing key for the
session (kept in memory only, never written anywhere); every store operation of the window is
then attributed to them through ``AppContext.reviewer_id``. The window is covered
(:mod:`reviewer_app.ui.lock`) whenever nobody is signed in or the session is locked.
"""
