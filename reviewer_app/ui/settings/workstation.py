"""This workstation's own settings, in QSettings (never patient data): how long the window waits
before it locks, and where and whether it backs the case database up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from reviewer_app.ui.lock.idle import DEFAULT_IDLE_MINUTES

IDLE_MINUTES = "lock/idle_minutes"
BACKUP_FOLDER = "backup/folder"
AUTO_BACKUP = "backup/daily"
MIN_IDLE, MAX_IDLE = 1, 120
"""Minutes. HIPAA names no period; 10 is the default, as many health systems use (15 at most)."""


def idle_minutes(settings: QSettings) -> int:
    try:
        value = int(settings.value(IDLE_MINUTES, DEFAULT_IDLE_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    return min(max(value, MIN_IDLE), MAX_IDLE)


def backup_folder(settings: QSettings) -> Path | None:
    value = str(settings.value(BACKUP_FOLDER, "") or "").strip()
    return Path(value).expanduser() if value else None


def daily_backup(settings: QSettings) -> bool:
    return str(settings.value(AUTO_BACKUP, "false")).lower() in ("true", "1")


def save(settings: QSettings, *, idle: int, folder: Path | None, daily: bool) -> None:
    settings.setValue(IDLE_MINUTES, min(max(int(idle), MIN_IDLE), MAX_IDLE))
    if folder is None:
        settings.remove(BACKUP_FOLDER)
    else:
        settings.setValue(BACKUP_FOLDER, str(folder))
    settings.setValue(AUTO_BACKUP, bool(daily))
