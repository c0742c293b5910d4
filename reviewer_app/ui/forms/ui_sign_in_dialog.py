# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_in_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.resize(560, 460)
        self.signInLayout = QVBoxLayout(SignInDialog)
        self.signInLayout.setSpacing(8)
        self.signInLayout.setObjectName(u"signInLayout")
        self.signInLayout.setContentsMargins(14, 14, 14, 14)
        self.introLabel = QLabel(SignInDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.signInLayout.addWidget(self.introLabel)

        self.profilesLabel = QLabel(SignInDialog)
        self.profilesLabel.setObjectName(u"profilesLabel")

        self.signInLayout.addWidget(self.profilesLabel)

        self.profileList = QListWidget(SignInDialog)
        self.profileList.setObjectName(u"profileList")

        self.signInLayout.addWidget(self.profileList)

        self.passphraseLabel = QLabel(SignInDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.signInLayout.addWidget(self.passphraseLabel)

        self.passphraseEdit = QLineEdit(SignInDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.signInLayout.addWidget(self.passphraseEdit)

        self.errorLabel = QLabel(SignInDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signInLayout.addWidget(self.errorLabel)

        self.databaseLabel = QLabel(SignInDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signInLayout.addWidget(self.databaseLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.adminButton = QPushButton(SignInDialog)
        self.adminButton.setObjectName(u"adminButton")

        self.buttonRow.addWidget(self.adminButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.signInButton = QPushButton(SignInDialog)
        self.signInButton.setObjectName(u"signInButton")

        self.buttonRow.addWidget(self.signInButton)

        self.cancelButton = QPushButton(SignInDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.signInLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.profilesLabel.setBuddy(self.profileList)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.profileList, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.signInButton)
        QWidget.setTabOrder(self.signInButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.adminButton)

        self.retranslateUi(SignInDialog)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"Sign in \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        SignInDialog.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Sign in", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("SignInDialog", u"Choose your reviewer profile and enter your passphrase. It opens your signing key for this session only; the key stays in memory and is never written anywhere.", None))
        self.profilesLabel.setText(QCoreApplication.translate("SignInDialog", u"&Reviewer profile", None))
#if QT_CONFIG(accessibility)
        self.profileList.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Reviewer profiles", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.profileList.setAccessibleDescription(QCoreApplication.translate("SignInDialog", u"Name, credentials and role of each reviewer", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseLabel.setText(QCoreApplication.translate("SignInDialog", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleDescription(QCoreApplication.translate("SignInDialog", u"The passphrase of the chosen reviewer's signing key", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Why signing in failed", None))
#endif // QT_CONFIG(accessibility)
        self.databaseLabel.setText("")
#if QT_CONFIG(accessibility)
        self.databaseLabel.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Case database", None))
#endif // QT_CONFIG(accessibility)
        self.adminButton.setText(QCoreApplication.translate("SignInDialog", u"Reviewer &profiles\u2026", None))
#if QT_CONFIG(tooltip)
        self.adminButton.setToolTip(QCoreApplication.translate("SignInDialog", u"Add a reviewer or give one a new key (the administrator's passphrase)", None))
#endif // QT_CONFIG(tooltip)
        self.signInButton.setText(QCoreApplication.translate("SignInDialog", u"&Sign in", None))
        self.cancelButton.setText(QCoreApplication.translate("SignInDialog", u"Cancel", None))
    # retranslateUi

