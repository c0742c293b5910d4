# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QVBoxLayout, QWidget)

from reviewer_app.ui.settings.letterhead_form import LetterheadForm

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(760, 640)
        self.settingsLayout = QVBoxLayout(SettingsDialog)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.tabs = QTabWidget(SettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.letterheadTab = QWidget()
        self.letterheadTab.setObjectName(u"letterheadTab")
        self.letterheadTabLayout = QVBoxLayout(self.letterheadTab)
        self.letterheadTabLayout.setObjectName(u"letterheadTabLayout")
        self.letterheadNote = QLabel(self.letterheadTab)
        self.letterheadNote.setObjectName(u"letterheadNote")
        self.letterheadNote.setWordWrap(True)

        self.letterheadTabLayout.addWidget(self.letterheadNote)

        self.letterheadForm = LetterheadForm(self.letterheadTab)
        self.letterheadForm.setObjectName(u"letterheadForm")

        self.letterheadTabLayout.addWidget(self.letterheadForm)

        self.letterheadSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.letterheadTabLayout.addItem(self.letterheadSpacer)

        self.tabs.addTab(self.letterheadTab, "")
        self.lettersTab = QWidget()
        self.lettersTab.setObjectName(u"lettersTab")
        self.lettersTabLayout = QVBoxLayout(self.lettersTab)
        self.lettersTabLayout.setObjectName(u"lettersTabLayout")
        self.validityForm = QFormLayout()
        self.validityForm.setObjectName(u"validityForm")
        self.validityForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.validityLabel = QLabel(self.lettersTab)
        self.validityLabel.setObjectName(u"validityLabel")

        self.validityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.validityLabel)

        self.validitySpin = QSpinBox(self.lettersTab)
        self.validitySpin.setObjectName(u"validitySpin")
        self.validitySpin.setMinimum(1)
        self.validitySpin.setMaximum(366)
        self.validitySpin.setValue(90)

        self.validityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.validitySpin)


        self.lettersTabLayout.addLayout(self.validityForm)

        self.trustLabel = QLabel(self.lettersTab)
        self.trustLabel.setObjectName(u"trustLabel")

        self.lettersTabLayout.addWidget(self.trustLabel)

        self.trustList = QListWidget(self.lettersTab)
        self.trustList.setObjectName(u"trustList")

        self.lettersTabLayout.addWidget(self.trustList)

        self.trustButtons = QHBoxLayout()
        self.trustButtons.setObjectName(u"trustButtons")
        self.addRootButton = QPushButton(self.lettersTab)
        self.addRootButton.setObjectName(u"addRootButton")

        self.trustButtons.addWidget(self.addRootButton)

        self.removeRootButton = QPushButton(self.lettersTab)
        self.removeRootButton.setObjectName(u"removeRootButton")

        self.trustButtons.addWidget(self.removeRootButton)

        self.trustSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.trustButtons.addItem(self.trustSpacer)


        self.lettersTabLayout.addLayout(self.trustButtons)

        self.lettersNote = QLabel(self.lettersTab)
        self.lettersNote.setObjectName(u"lettersNote")
        self.lettersNote.setWordWrap(True)

        self.lettersTabLayout.addWidget(self.lettersNote)

        self.lettersSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.lettersTabLayout.addItem(self.lettersSpacer)

        self.tabs.addTab(self.lettersTab, "")
        self.workstationTab = QWidget()
        self.workstationTab.setObjectName(u"workstationTab")
        self.workstationLayout = QVBoxLayout(self.workstationTab)
        self.workstationLayout.setObjectName(u"workstationLayout")
        self.workstationForm = QFormLayout()
        self.workstationForm.setObjectName(u"workstationForm")
        self.workstationForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.idleLabel = QLabel(self.workstationTab)
        self.idleLabel.setObjectName(u"idleLabel")

        self.workstationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.idleLabel)

        self.idleSpin = QSpinBox(self.workstationTab)
        self.idleSpin.setObjectName(u"idleSpin")
        self.idleSpin.setMinimum(1)
        self.idleSpin.setMaximum(120)
        self.idleSpin.setValue(10)

        self.workstationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.idleSpin)

        self.databaseCaption = QLabel(self.workstationTab)
        self.databaseCaption.setObjectName(u"databaseCaption")

        self.workstationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.databaseCaption)

        self.databaseValue = QLabel(self.workstationTab)
        self.databaseValue.setObjectName(u"databaseValue")
        self.databaseValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workstationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.databaseValue)

        self.databaseHint = QLabel(self.workstationTab)
        self.databaseHint.setObjectName(u"databaseHint")
        self.databaseHint.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.databaseHint.sizePolicy().hasHeightForWidth())
        self.databaseHint.setSizePolicy(sizePolicy)
        self.databaseHint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workstationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.databaseHint)

        self.folderLabel = QLabel(self.workstationTab)
        self.folderLabel.setObjectName(u"folderLabel")

        self.workstationForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderEdit = QLineEdit(self.workstationTab)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderRow.addWidget(self.folderEdit)

        self.chooseFolderButton = QPushButton(self.workstationTab)
        self.chooseFolderButton.setObjectName(u"chooseFolderButton")

        self.folderRow.addWidget(self.chooseFolderButton)


        self.workstationForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.folderRow)

        self.autoBackupCheck = QCheckBox(self.workstationTab)
        self.autoBackupCheck.setObjectName(u"autoBackupCheck")

        self.workstationForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.autoBackupCheck)

        self.lastBackupCaption = QLabel(self.workstationTab)
        self.lastBackupCaption.setObjectName(u"lastBackupCaption")

        self.workstationForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lastBackupCaption)

        self.lastBackupValue = QLabel(self.workstationTab)
        self.lastBackupValue.setObjectName(u"lastBackupValue")
        self.lastBackupValue.setWordWrap(True)

        self.workstationForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lastBackupValue)

        self.backupRow = QHBoxLayout()
        self.backupRow.setObjectName(u"backupRow")
        self.backupNowButton = QPushButton(self.workstationTab)
        self.backupNowButton.setObjectName(u"backupNowButton")

        self.backupRow.addWidget(self.backupNowButton)

        self.backupSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupRow.addItem(self.backupSpacer)


        self.workstationForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.backupRow)

        self.backupStatus = QLabel(self.workstationTab)
        self.backupStatus.setObjectName(u"backupStatus")
        self.backupStatus.setWordWrap(True)
        sizePolicy.setHeightForWidth(self.backupStatus.sizePolicy().hasHeightForWidth())
        self.backupStatus.setSizePolicy(sizePolicy)
        self.backupStatus.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.workstationForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.backupStatus)


        self.workstationLayout.addLayout(self.workstationForm)

        self.workstationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.workstationLayout.addItem(self.workstationSpacer)

        self.tabs.addTab(self.workstationTab, "")

        self.settingsLayout.addWidget(self.tabs)

        self.problemsLabel = QLabel(SettingsDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.settingsLayout.addWidget(self.problemsLabel)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.settingsLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.validityLabel.setBuddy(self.validitySpin)
        self.trustLabel.setBuddy(self.trustList)
        self.idleLabel.setBuddy(self.idleSpin)
        self.folderLabel.setBuddy(self.folderEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.validitySpin)
        QWidget.setTabOrder(self.validitySpin, self.trustList)
        QWidget.setTabOrder(self.trustList, self.addRootButton)
        QWidget.setTabOrder(self.addRootButton, self.removeRootButton)
        QWidget.setTabOrder(self.removeRootButton, self.idleSpin)
        QWidget.setTabOrder(self.idleSpin, self.folderEdit)
        QWidget.setTabOrder(self.folderEdit, self.chooseFolderButton)
        QWidget.setTabOrder(self.chooseFolderButton, self.autoBackupCheck)
        QWidget.setTabOrder(self.autoBackupCheck, self.backupNowButton)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        SettingsDialog.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Settings", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Settings sections", None))
#endif // QT_CONFIG(accessibility)
        self.letterheadNote.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.letterheadTab), QCoreApplication.translate("SettingsDialog", u"&Letterhead and plan contacts", None))
        self.validityLabel.setText(QCoreApplication.translate("SettingsDialog", u"Approvals &valid for", None))
        self.validitySpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" days", None))
#if QT_CONFIG(accessibility)
        self.validitySpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Authorization validity period", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.validitySpin.setAccessibleDescription(QCoreApplication.translate("SettingsDialog", u"How long an approval letter says the authorization is valid", None))
#endif // QT_CONFIG(accessibility)
        self.trustLabel.setText(QCoreApplication.translate("SettingsDialog", u"Trust &roots for verifying letters", None))
#if QT_CONFIG(accessibility)
        self.trustList.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Trust roots", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.trustList.setAccessibleDescription(QCoreApplication.translate("SettingsDialog", u"Certificate files a letter's signer must chain to (besides the organization's own CA)", None))
#endif // QT_CONFIG(accessibility)
        self.addRootButton.setText(QCoreApplication.translate("SettingsDialog", u"&Add certificate\u2026", None))
        self.removeRootButton.setText(QCoreApplication.translate("SettingsDialog", u"Re&move", None))
        self.lettersNote.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.lettersTab), QCoreApplication.translate("SettingsDialog", u"Le&tters", None))
        self.idleLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Lock after", None))
        self.idleSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" minutes without use", None))
#if QT_CONFIG(accessibility)
        self.idleSpin.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Idle lock time", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.idleSpin.setAccessibleDescription(QCoreApplication.translate("SettingsDialog", u"The window hides patient information after this long without keyboard or mouse use", None))
#endif // QT_CONFIG(accessibility)
        self.databaseCaption.setText(QCoreApplication.translate("SettingsDialog", u"Case database", None))
        self.databaseValue.setText("")
#if QT_CONFIG(accessibility)
        self.databaseValue.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Case database location", None))
#endif // QT_CONFIG(accessibility)
        self.databaseHint.setText("")
        self.folderLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Backup folder", None))
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Backup folder", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleDescription(QCoreApplication.translate("SettingsDialog", u"Where daily and manual backups of the case database go", None))
#endif // QT_CONFIG(accessibility)
        self.chooseFolderButton.setText(QCoreApplication.translate("SettingsDialog", u"C&hoose\u2026", None))
        self.autoBackupCheck.setText(QCoreApplication.translate("SettingsDialog", u"Back up &automatically once a day while UR Reviewer is open", None))
#if QT_CONFIG(accessibility)
        self.autoBackupCheck.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Daily automatic backup", None))
#endif // QT_CONFIG(accessibility)
        self.lastBackupCaption.setText(QCoreApplication.translate("SettingsDialog", u"Last backup", None))
        self.lastBackupValue.setText("")
#if QT_CONFIG(accessibility)
        self.lastBackupValue.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Last backup", None))
#endif // QT_CONFIG(accessibility)
        self.backupNowButton.setText(QCoreApplication.translate("SettingsDialog", u"Back up &now\u2026", None))
#if QT_CONFIG(tooltip)
        self.backupNowButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"Copy the case database into the backup folder now (the administrator's passphrase signs it)", None))
#endif // QT_CONFIG(tooltip)
        self.backupStatus.setText("")
#if QT_CONFIG(accessibility)
        self.backupStatus.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Backup result", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.workstationTab), QCoreApplication.translate("SettingsDialog", u"This &workstation", None))
        self.problemsLabel.setText("")
#if QT_CONFIG(accessibility)
        self.problemsLabel.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Why the settings were not saved", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

