"""The case store: one SQLite file holding cases, evaluations, decisions, reviewers and the audit
trail, for the years a reviewer must keep them (HIPAA documentation 6 years, 45 CFR
164.316(b)(2); Medicare Advantage records 10 years).

Modules, by what they hold: ``location`` (where the file is), ``database`` (opening it, the
write transaction), ``migrations`` (the schema), ``rows`` (a case's indexed columns and content
hash), ``cases`` (import, view, export, re-evaluation), ``decisions`` (applying the lifecycle
rules of :mod:`reviewer_app.core.lifecycle`), ``reviewers`` (and their signing keys),
``letters`` (which letter a case gets, and every letter issued), ``audit`` (the hash chain and
its verification), ``queue`` (the nurse's lists and full-text search), ``backup``.

A :class:`~reviewer_app.core.store.database.Store` is one connection and belongs to the thread
that opened it (sqlite3's ``check_same_thread``); a GUI opens one per worker thread.

This package imports nothing itself: ``location`` and ``errors`` stay light (as does
``core/lifecycle.py``), so the command line can name statuses and roles without loading
sqlite-utils (~60 ms) on the ``evaluate`` path.
"""
