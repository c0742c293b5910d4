"""File › Settings: the organization's letterhead and plan contacts, approval validity and trust
roots (written beside the case database as the command line reads them: the letterhead file and
``letters.yaml``, through ``core/letters/settings.py``), and this workstation's idle lock time,
backup folder and daily backup (QSettings). Back up now takes a backup into the folder at once,
with the administrator's passphrase when the database has an organization CA (the CA signs the
backup's checkpoint, as ``backup`` on the command line does).

Reading and writing the files runs on the database thread; a refusal of the letters' own check
is shown by key and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QListWidgetItem,
    QWidget,
)

from reviewer_app.ui.context import AppContext
from reviewer_app.ui.forms.ui_settings_dialog import Ui_SettingsDialog
from reviewer_app.ui.settings import workstation
from reviewer_app.ui.settings.backups import describe_age
from reviewer_app.ui.widgets.field_problem import fitted, show_problem

if TYPE_CHECKING:
    import datetime as dt

    from reviewer_app.core.store.backup import BackupResult
    from reviewer_app.core.store.database import Store

PATH_ROLE = Qt.ItemDataRole.UserRole
DATABASE_HINT = ("The workstation opens the database given by --db (make run ARGS=\"--db "
                 "PATH\"), else REVIEWER_APP_DB, else this default: start UR Reviewer again "
                 "with either to work in another one. The letter settings and the organization "
                 "CA's pin live beside each database.")


@dataclass(frozen=True)
class Loaded:
    letterhead: dict[str, Any]
    trust_roots: tuple[Path, ...]
    validity_days: int
    last_backup: dt.datetime | None
    has_authority: bool
    problem: str | None
    """Why the settings file could not be read (the shipped defaults are shown instead)."""


@dataclass(frozen=True)
class Chosen:
    letterhead: dict[str, Any]
    trust_roots: tuple[Path, ...]
    validity_days: int


class SettingsRefused(Exception):
    def __init__(self, lines: list[str], letterhead: bool):
        super().__init__("\n".join(lines))
        self.lines = lines
        self.letterhead = letterhead


def read_settings(store: Store) -> Loaded:
    from reviewer_app.core.letters.errors import LetterContentError
    from reviewer_app.core.letters.letterhead import load_letterhead
    from reviewer_app.core.letters.settings import (
        LetterSettings,
        letterhead_document,
        load_settings,
    )
    from reviewer_app.core.store.authority import find_authority
    from reviewer_app.core.store.backup import last_backup

    problem = None
    try:
        settings = load_settings(store.path)
        letterhead = settings.load_letterhead()
    except LetterContentError as error:
        problem = "; ".join(error.lines())
        settings, letterhead = LetterSettings(), load_letterhead()
    return Loaded(letterhead_document(letterhead), settings.trust_roots, settings.validity_days,
                  last_backup(store), find_authority(store) is not None, problem)


def save_settings(store: Store, chosen: Chosen) -> None:
    from reviewer_app.core.letters.errors import LetterContentError
    from reviewer_app.core.letters.settings import save_organization_letterhead
    from reviewer_app.core.letters.settings import save_settings as save

    try:
        target = save_organization_letterhead(store.path, chosen.letterhead)
    except LetterContentError as error:
        raise SettingsRefused(error.lines(), letterhead=True) from None
    try:
        save(store.path, letterhead=target, trust_roots=chosen.trust_roots,
             validity_days=chosen.validity_days)
    except LetterContentError as error:
        raise SettingsRefused(error.lines(), letterhead=False) from None


def back_up_now(store: Store, folder: Path, passphrase: str | None,
                by: int | None) -> BackupResult:
    from reviewer_app.core.store.backup import backup
    from reviewer_app.core.store.organization import unlock_administrator

    admin = unlock_administrator(store, passphrase) if passphrase is not None else None
    return backup(store, folder, by=by, admin=admin)


class AdminPassphrase:
    """The administrator's passphrase for one action (an ``ask`` tests replace)."""

    @classmethod
    def ask(cls, parent: QWidget, why: str) -> str | None:
        text, ok = QInputDialog.getText(parent, "Administrator's passphrase — UR Reviewer",
                                        why, QLineEdit.EchoMode.Password)
        return text if ok and text else None


class FileChoice:
    """Files and folders chosen with Qt's dialogs (an ``ask`` per kind, tests replace them)."""

    @classmethod
    def certificate(cls, parent: QWidget) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "A trust root for verifying letters", str(Path.home()),
            "Certificates (*.pem *.crt *.cer *.der);;All files (*)")
        return Path(name) if name else None

    @classmethod
    def folder(cls, parent: QWidget, start: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, "Backup folder", start)
        return Path(name) if name else None


class SettingsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._context = context
        self._loaded: Loaded | None = None
        self._saving = False
        ui = self.ui
        ui.letterheadNote.setText(
            "Every letter prints these. They are the organization's, kept beside the case "
            "database (the letterhead file named in letters.yaml), and the command line's "
            "letters use them too.")
        ui.lettersNote.setText(
            "Verifying a letter trusts the organization's own CA (organization-ca.pem beside "
            "the database) and these certificates; they are saved in letters.yaml.")
        ui.databaseValue.setText(str(context.database_path))
        ui.databaseHint.setText(DATABASE_HINT)
        for label in (ui.databaseHint, ui.lastBackupValue):
            fitted(label)
        settings = context.settings
        ui.idleSpin.setRange(workstation.MIN_IDLE, workstation.MAX_IDLE)
        ui.idleSpin.setValue(workstation.idle_minutes(settings))
        folder = workstation.backup_folder(settings)
        ui.folderEdit.setText(str(folder) if folder else "")
        ui.autoBackupCheck.setChecked(workstation.daily_backup(settings))
        for label in (ui.problemsLabel, ui.backupStatus):
            show_problem(label, None)
        ui.lastBackupValue.setText("reading…")
        ui.buttons.accepted.connect(self._on_save_clicked)
        ui.buttons.rejected.connect(self.reject)
        ui.addRootButton.clicked.connect(self._on_add_root_clicked)
        ui.removeRootButton.clicked.connect(self._on_remove_root_clicked)
        ui.trustList.currentRowChanged.connect(self._on_trust_row_changed)
        ui.chooseFolderButton.clicked.connect(self._on_choose_folder_clicked)
        ui.backupNowButton.clicked.connect(self._on_backup_now_clicked)
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        ui.removeRootButton.setEnabled(False)
        (context.store.op(self, read_settings, what="read the settings")
         .success(self._on_loaded).run())

    @classmethod
    def ask(cls, parent: QWidget, context: AppContext) -> bool:
        """True when settings were saved."""
        return cls(context, parent).exec() == QDialog.DialogCode.Accepted

    # -- loading -----------------------------------------------------------------------------

    def _on_loaded(self, loaded: Loaded) -> None:
        self._loaded = loaded
        ui = self.ui
        ui.letterheadForm.load(loaded.letterhead)
        ui.validitySpin.setValue(loaded.validity_days)
        ui.trustList.clear()
        for root in loaded.trust_roots:
            self._add_root(root)
        self._show_last_backup(loaded.last_backup)
        if loaded.problem:
            show_problem(ui.problemsLabel, f"The settings file could not be used, so the "
                         f"shipped letterhead is shown: {loaded.problem}")
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def _show_last_backup(self, last: dt.datetime | None) -> None:
        now = self._context.clock()
        when = f"{last.astimezone():%a %d %b %Y, %H:%M} ({describe_age(last, now)})" if last \
            else "never"
        self.ui.lastBackupValue.setText(when)

    def _add_root(self, path: Path) -> None:
        item = QListWidgetItem(str(path), self.ui.trustList)
        item.setData(PATH_ROLE, str(path))

    def trust_roots(self) -> tuple[Path, ...]:
        items = (self.ui.trustList.item(i) for i in range(self.ui.trustList.count()))
        return tuple(Path(item.data(PATH_ROLE)) for item in items)

    def chosen(self) -> Chosen:
        return Chosen(self.ui.letterheadForm.document(), self.trust_roots(),
                      self.ui.validitySpin.value())

    # -- saving ------------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        if self._saving or self._loaded is None:
            return
        ui = self.ui
        if not ui.letterheadForm.validate():
            ui.tabs.setCurrentWidget(ui.letterheadTab)
            show_problem(ui.problemsLabel, "Not saved: fill in the letterhead's required "
                         "fields.")
            return
        folder = self._folder()
        if ui.autoBackupCheck.isChecked() and folder is None:
            ui.tabs.setCurrentWidget(ui.workstationTab)
            show_problem(ui.problemsLabel, "Not saved: the daily backup needs a backup folder.")
            return
        self._saving = True
        chosen = self.chosen()
        show_problem(ui.problemsLabel, None)
        ui.buttons.setEnabled(False)
        (self._context.store.op(self, lambda store: save_settings(store, chosen),
                                what="save the settings")
         .success(self._on_saved).failure(self._on_save_failed).run())

    def _on_saved(self, _result: None) -> None:
        self._saving = False
        ui = self.ui
        workstation.save(self._context.settings, idle=ui.idleSpin.value(),
                         folder=self._folder(), daily=ui.autoBackupCheck.isChecked())
        self.accept()

    def _on_save_failed(self, error: Exception) -> None:
        from reviewer_app.ui.operations.failures import describe_failure

        self._saving = False
        ui = self.ui
        ui.buttons.setEnabled(True)
        if isinstance(error, SettingsRefused) and error.letterhead:
            ui.tabs.setCurrentWidget(ui.letterheadTab)
            ui.letterheadForm.show_problems(error.lines)
            show_problem(ui.problemsLabel, "Not saved: the letterhead has a problem (above).")
            return
        lines = error.lines if isinstance(error, SettingsRefused) else \
            describe_failure(error).lines
        if isinstance(error, SettingsRefused):
            ui.tabs.setCurrentWidget(ui.lettersTab)
        show_problem(ui.problemsLabel, "Not saved: " + "; ".join(lines))

    def _folder(self) -> Path | None:
        text = self.ui.folderEdit.text().strip()
        return Path(text).expanduser() if text else None

    # -- trust roots and backups -------------------------------------------------------------

    def _on_add_root_clicked(self) -> None:
        path = FileChoice.certificate(self)
        if path is not None and path not in self.trust_roots():
            self._add_root(path)

    def _on_remove_root_clicked(self) -> None:
        row = self.ui.trustList.currentRow()
        if row >= 0:
            self.ui.trustList.takeItem(row)

    def _on_trust_row_changed(self, row: int) -> None:
        self.ui.removeRootButton.setEnabled(row >= 0)

    def _on_choose_folder_clicked(self) -> None:
        start = self.ui.folderEdit.text() or str(Path.home())
        folder = FileChoice.folder(self, start)
        if folder is not None:
            self.ui.folderEdit.setText(str(folder))

    def _on_backup_now_clicked(self) -> None:
        ui = self.ui
        folder = self._folder()
        if folder is None or not folder.is_dir():
            show_problem(ui.backupStatus, "Choose a backup folder first." if folder is None
                         else f"Not backed up: the folder {folder} is not there.")
            return
        passphrase = None
        if self._loaded is not None and self._loaded.has_authority:
            passphrase = AdminPassphrase.ask(
                self, "The organization CA signs the backup's checkpoint: the "
                "administrator's passphrase")
            if passphrase is None:
                return
        by = self._context.reviewer_id
        ui.backupNowButton.setEnabled(False)
        ui.backupStatus.setPalette(self.palette())
        ui.backupStatus.setText("Backing up…")
        ui.backupStatus.show()
        (self._context.store.op(self, lambda store: back_up_now(store, folder, passphrase, by),
                                what="back up the case database")
         .success(self._on_backed_up).failure(self._on_backup_failed).run())

    def _on_backed_up(self, result: BackupResult) -> None:
        ui = self.ui
        ui.backupNowButton.setEnabled(True)
        ui.backupStatus.setPalette(self.palette())
        ui.backupStatus.setText(f"Backed up to {result.path} ({result.size:,} bytes, sha256 "
                                f"{result.sha256[:16]}…).")
        self._show_last_backup(self._context.clock())

    def _on_backup_failed(self, error: Exception) -> None:
        from reviewer_app.core.trust.errors import WrongPassphrase
        from reviewer_app.ui.operations.failures import describe_failure

        self.ui.backupNowButton.setEnabled(True)
        if isinstance(error, WrongPassphrase):
            text = ("Not backed up: that is not the administrator's passphrase (the failed "
                    "attempt is recorded in the audit trail).")
        else:
            failure = describe_failure(error)
            text = "Not backed up: " + " ".join(failure.lines or [failure.summary])
        show_problem(self.ui.backupStatus, text)
