"""The first run, for a case database without an organization certificate authority: the
organization (its CA, created here or imported as PKCS#12, and the administrator's
passphrase), the first reviewer profile, and the letterhead and plan contacts letters print.
Finish creates them all in one store operation (:mod:`.first_run_ops`, on the database thread,
with progress shown) and signs the new reviewer in.

Each step is a page class (``FirstRunWizard.PAGES``) that checks its own fields in
``validatePage``; nothing is written before Finish.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reviewer_app.ui.context import AppContext
from reviewer_app.ui.forms.ui_organization_form import Ui_OrganizationForm
from reviewer_app.ui.lock.locker import exempt
from reviewer_app.ui.session.session import SignedIn
from reviewer_app.ui.settings.letterhead_form import LetterheadForm
from reviewer_app.ui.signin.first_run_ops import FirstRun, LetterheadRefused, create_first_run
from reviewer_app.ui.signin.profile_form import ProfileForm
from reviewer_app.ui.widgets.field_problem import show_problem

SHIPPED_NOTE = ("They start as the shipped example's, a fictional plan with 555 numbers: put "
                "your plan's own in. They are saved beside the case database (letterhead.yaml, "
                "named in letters.yaml), where the command line reads them too; File › "
                "Settings changes them later.")


def _page_layout(page: QWizardPage, *widgets: QWidget) -> None:
    """The page's widgets from the top, the room left over below them."""
    layout = QVBoxLayout(page)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)


class OrganizationPage(QWizardPage):
    TITLE = "Your organization"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.TITLE)
        self.setSubTitle("Its certificate authority vouches for every reviewer: it issues each "
                         "one's signing certificate, with their role in it.")
        self.form = QWidget(self)
        self.ui = Ui_OrganizationForm()
        self.ui.setupUi(self.form)
        _page_layout(self, self.form)
        self.ui.adminFields.set_labels("Administrator's &passphrase", "A&gain")
        for label in (self.ui.organizationError, self.ui.importError):
            show_problem(label, None)
        self.ui.importBox.setEnabled(False)
        self.ui.importRadio.toggled.connect(self._on_import_toggled)
        self.ui.chooseFileButton.clicked.connect(self._on_choose_file_clicked)
        self.ui.organizationEdit.textChanged.connect(self._on_organization_changed)

    def organization(self) -> str:
        return self.ui.organizationEdit.text().strip()

    def import_file(self) -> Path | None:
        text = self.ui.fileEdit.text().strip()
        return Path(text) if self.ui.importRadio.isChecked() and text else None

    def validatePage(self) -> bool:
        ui = self.ui
        name = self.organization()
        show_problem(ui.organizationError, None if name else
                     "The organization needs a name: letters and certificates carry it.")
        importing = ui.importRadio.isChecked()
        problem = None
        if importing and self.import_file() is None:
            problem = "Choose the PKCS#12 file of the organization's certificate authority."
        elif importing and not self.import_file().is_file():
            problem = f"{self.import_file()} is not a file."
        elif importing and not ui.filePassphraseEdit.text():
            problem = "Type the passphrase the PKCS#12 file was exported with."
        show_problem(ui.importError, problem)
        fields_ok = ui.adminFields.validate()
        if not name:
            ui.organizationEdit.setFocus()
        return bool(name) and problem is None and fields_ok

    def _on_import_toggled(self, importing: bool) -> None:
        self.ui.importBox.setEnabled(importing)

    def _on_choose_file_clicked(self) -> None:
        path = choose_p12(self)
        if path is not None:
            self.ui.fileEdit.setText(str(path))

    def _on_organization_changed(self, text: str) -> None:
        self.ui.adminFields.set_context([text])


def choose_p12(parent: QWidget) -> Path | None:
    """The organization's PKCS#12 file (a function, so tests can replace it)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, "The organization's certificate authority", str(Path.home()),
        "PKCS#12 files (*.p12 *.pfx);;All files (*)")
    return Path(name) if name else None


class ProfilePage(QWizardPage):
    TITLE = "Your reviewer profile"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.TITLE)
        self.setSubTitle("You sign in with it. Its passphrase protects your own signing key, "
                         "which signs your decisions and letters: keep it to yourself.")
        self.form = ProfileForm(self)
        _page_layout(self, self.form)

    def validatePage(self) -> bool:
        if not self.form.validate():
            return False
        organization = self.wizard().page_of(OrganizationPage)
        if self.form.profile().passphrase == organization.ui.adminFields.passphrase():
            self.form.show_passphrase_problem(
                "Refused: use a passphrase of your own, not the administrator's (whoever knows "
                "the administrator's could then also sign as you).")
            return False
        return True


class LetterheadPage(QWizardPage):
    TITLE = "Letterhead and plan contacts"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.TITLE)
        self.setSubTitle("Every letter prints them: the plan's name, address, phone and TTY, "
                         "where appeals go, and the peer-to-peer line.")
        note = QLabel(SHIPPED_NOTE, self)
        note.setWordWrap(True)
        self.form = LetterheadForm(self)
        _page_layout(self, note, self.form)
        self._loaded = False

    def initializePage(self) -> None:
        if not self._loaded:
            from reviewer_app.core import resources
            from reviewer_app.core.yaml_files import parse_yaml

            shipped = resources.path("letters", "letterhead.yaml").read_text(encoding="utf-8")
            self.form.load(parse_yaml(shipped))
            self._loaded = True
        self.form.set_organization(self.wizard().page_of(OrganizationPage).organization())

    def validatePage(self) -> bool:
        return self.form.validate()


class FinishPage(QWizardPage):
    TITLE = "Create and sign in"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.TITLE)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName("Creating the organization")
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("What is being done")
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._running = False
        self.signed_in: SignedIn | None = None

    @property
    def running(self) -> bool:
        return self._running

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        plan = wizard.plan()
        how = (f"imported from {plan.import_p12.name}" if plan.import_p12 else "created here")
        self.summary.setText(
            f"Finish makes, in {wizard.context.database_path.parent}:\n\n"
            f"• the certificate authority of {plan.organization} ({how}), its key encrypted "
            "with the administrator's passphrase, and its certificate pinned in "
            "organization-ca.pem (keep a copy where no one else can write);\n"
            f"• {plan.profile.signature}, {plan.profile.role} reviewer, with a signing key "
            "the authority certifies;\n"
            "• the letterhead and plan contacts (letterhead.yaml, letters.yaml);\n\n"
            f"and signs {plan.profile.name} in. Making the keys takes a moment.")
        show_problem(self.status, None)

    def validatePage(self) -> bool:
        if self.signed_in is not None:
            return True
        if not self._running:
            self._start()
        return False

    def _start(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        plan = wizard.plan()
        self._running = True
        self._busy(True)
        self.status.setPalette(self.palette())
        self.status.setText(f"Creating the certificate authority of {plan.organization} and "
                            f"{plan.profile.name}'s signing key…")
        self.status.show()
        (wizard.context.store.op(self, lambda store: create_first_run(store, plan),
                                 what="create the organization")
         .success(self._on_created)
         .failure(self._on_failed)
         .run())

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        wizard = self.wizard()
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CancelButton):
            wizard.button(which).setEnabled(not busy)

    def _on_created(self, signed_in: SignedIn) -> None:
        self._running = False
        self._busy(False)
        self.signed_in = signed_in
        self.status.setText(f"{signed_in.signature} is signed in.")
        self.wizard().accept()

    def _on_failed(self, error: Exception) -> None:
        from reviewer_app.ui.session.operations import sign_in_problem

        self._running = False
        self._busy(False)
        if isinstance(error, LetterheadRefused):
            self.wizard().page_of(LetterheadPage).form.show_problems(error.lines)
            show_problem(self.status, "Nothing was created: the letterhead has a problem "
                         "(Back shows it).")
            return
        show_problem(self.status, "Nothing more was created: "
                     + sign_in_problem(error, "The new reviewer"))


class FirstRunWizard(QWizard):
    PAGES = (OrganizationPage, ProfilePage, LetterheadPage, FinishPage)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        exempt(self)
        self.context = context
        self.setWindowTitle("Set up UR Reviewer")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Create and sign in")
        self.pages = [page_class(self) for page_class in self.PAGES]
        for page in self.pages:
            self.addPage(page)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 96, metrics.lineSpacing() * 40)

    @classmethod
    def ask(cls, parent: QWidget, context: AppContext, *,
            done: Callable[[SignedIn | None], None]) -> FirstRunWizard:
        """Open the wizard over ``parent`` (window-modal, not blocking); ``done`` gets the
        signed-in first reviewer, or None when it was cancelled."""
        wizard = cls(context, parent)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(lambda _result: done(wizard.signed_in()))
        wizard.open()
        return wizard

    def page_of(self, page_class: type[QWizardPage]) -> QWizardPage:
        return next(p for p in self.pages if isinstance(p, page_class))

    def signed_in(self) -> SignedIn | None:
        finish = self.page_of(FinishPage)
        assert isinstance(finish, FinishPage)
        return finish.signed_in

    def plan(self) -> FirstRun:
        organization = self.page_of(OrganizationPage)
        profile = self.page_of(ProfilePage)
        letterhead = self.page_of(LetterheadPage)
        assert isinstance(organization, OrganizationPage)
        assert isinstance(profile, ProfilePage) and isinstance(letterhead, LetterheadPage)
        return FirstRun(
            organization=organization.organization(),
            admin_passphrase=organization.ui.adminFields.passphrase(),
            profile=profile.form.profile(),
            letterhead=letterhead.form.document(),
            import_p12=organization.import_file(),
            p12_passphrase=organization.ui.filePassphraseEdit.text(),
        )

    def reject(self) -> None:
        finish = self.page_of(FinishPage)
        assert isinstance(finish, FinishPage)
        if not finish.running:
            super().reject()
