"""Automatic logoff (HIPAA, 45 CFR 164.312(a)(2)(iii)): after an idle period the window hides
all patient data behind a lock screen until the signed-in reviewer's passphrase is entered
again, and work in progress (the intake wizard's draft, an open dialog) is kept.

:mod:`.idle` notices the idle period (an application-wide event filter over user input);
:mod:`.locker` covers every top-level window (its contents hidden, not just painted over, so
nothing of the member stays readable to a screen reader or in a window title) and brings
them back; :mod:`.cover` is the lock screen itself.
"""
