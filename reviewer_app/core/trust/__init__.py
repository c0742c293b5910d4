"""Who may sign what: the organization's certificate authority, reviewer keys and certificates,
passphrases, and signatures over records (no SQL, no PDF).

Authority is bound to keys, not to a column anyone with the database file can edit. The
organization CA (:mod:`authority`; its key encrypted with the administrator's passphrase)
issues every reviewer's certificate with the reviewer's name, credentials and role in it
(:mod:`credentials` reads and checks them against the CA); reviewers' keys are kept as PKCS#12
encrypted with their own passphrase (:mod:`keys`, :mod:`key_files`), which must be strong
(:mod:`passphrases`); decisions and audit checkpoints are signed with those keys
(:mod:`signatures`). The case store (``core/store``) and the letters (``core/letters``) both
build on this package; it imports neither.
"""
