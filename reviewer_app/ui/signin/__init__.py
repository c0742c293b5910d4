"""Signing in: the first run (the organization's certificate authority, the first reviewer
profile, the letterhead; :mod:`.first_run`), the sign-in dialog (:mod:`.dialog`), and the
fields they share (a reviewer profile, a new passphrase typed twice with the strength
estimator's hint).

The dialogs are imported when first shown, never at start-up.
"""
