"""Settings: the organization's letterhead, plan contacts, approval validity and trust roots
(the files beside the case database, as the command line reads them: ``letters.yaml`` and the
letterhead it names), and this workstation's own (QSettings: idle lock time, backup folder and
daily backup; never patient data). Backups (:mod:`.backups`) run through the store's online
backup."""
