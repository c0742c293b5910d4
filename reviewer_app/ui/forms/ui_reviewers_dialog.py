# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reviewers_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_ReviewersDialog(object):
    def setupUi(self, ReviewersDialog):
        if not ReviewersDialog.objectName():
            ReviewersDialog.setObjectName(u"ReviewersDialog")
        ReviewersDialog.resize(820, 480)
        self.reviewersLayout = QVBoxLayout(ReviewersDialog)
        self.reviewersLayout.setObjectName(u"reviewersLayout")
        self.pages = QStackedWidget(ReviewersDialog)
        self.pages.setObjectName(u"pages")
        self.unlockPage = QWidget()
        self.unlockPage.setObjectName(u"unlockPage")
        self.unlockLayout = QVBoxLayout(self.unlockPage)
        self.unlockLayout.setObjectName(u"unlockLayout")
        self.unlockIntro = QLabel(self.unlockPage)
        self.unlockIntro.setObjectName(u"unlockIntro")
        self.unlockIntro.setWordWrap(True)

        self.unlockLayout.addWidget(self.unlockIntro)

        self.adminForm = QFormLayout()
        self.adminForm.setObjectName(u"adminForm")
        self.adminLabel = QLabel(self.unlockPage)
        self.adminLabel.setObjectName(u"adminLabel")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.adminLabel)

        self.adminEdit = QLineEdit(self.unlockPage)
        self.adminEdit.setObjectName(u"adminEdit")
        self.adminEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.adminForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.adminEdit)

        self.adminError = QLabel(self.unlockPage)
        self.adminError.setObjectName(u"adminError")
        self.adminError.setWordWrap(True)
        self.adminError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.adminForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.adminError)


        self.unlockLayout.addLayout(self.adminForm)

        self.unlockRow = QHBoxLayout()
        self.unlockRow.setObjectName(u"unlockRow")
        self.unlockSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unlockRow.addItem(self.unlockSpacer)

        self.unlockButton = QPushButton(self.unlockPage)
        self.unlockButton.setObjectName(u"unlockButton")

        self.unlockRow.addWidget(self.unlockButton)


        self.unlockLayout.addLayout(self.unlockRow)

        self.unlockBottom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unlockLayout.addItem(self.unlockBottom)

        self.pages.addWidget(self.unlockPage)
        self.managePage = QWidget()
        self.managePage.setObjectName(u"managePage")
        self.manageLayout = QVBoxLayout(self.managePage)
        self.manageLayout.setObjectName(u"manageLayout")
        self.table = QTableWidget(self.managePage)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)

        self.manageLayout.addWidget(self.table)

        self.manageButtons = QHBoxLayout()
        self.manageButtons.setObjectName(u"manageButtons")
        self.addButton = QPushButton(self.managePage)
        self.addButton.setObjectName(u"addButton")

        self.manageButtons.addWidget(self.addButton)

        self.roleButton = QPushButton(self.managePage)
        self.roleButton.setObjectName(u"roleButton")

        self.manageButtons.addWidget(self.roleButton)

        self.keyButton = QPushButton(self.managePage)
        self.keyButton.setObjectName(u"keyButton")

        self.manageButtons.addWidget(self.keyButton)

        self.manageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.manageButtons.addItem(self.manageSpacer)


        self.manageLayout.addLayout(self.manageButtons)

        self.statusLabel = QLabel(self.managePage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.manageLayout.addWidget(self.statusLabel)

        self.pages.addWidget(self.managePage)

        self.reviewersLayout.addWidget(self.pages)

        self.buttons = QDialogButtonBox(ReviewersDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.reviewersLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.adminLabel.setBuddy(self.adminEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.adminEdit, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.table)
        QWidget.setTabOrder(self.table, self.addButton)
        QWidget.setTabOrder(self.addButton, self.roleButton)
        QWidget.setTabOrder(self.roleButton, self.keyButton)

        self.retranslateUi(ReviewersDialog)
        self.buttons.rejected.connect(ReviewersDialog.reject)

        self.unlockButton.setDefault(True)


        QMetaObject.connectSlotsByName(ReviewersDialog)
    # setupUi

    def retranslateUi(self, ReviewersDialog):
        ReviewersDialog.setWindowTitle(QCoreApplication.translate("ReviewersDialog", u"Reviewers \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        ReviewersDialog.setAccessibleName(QCoreApplication.translate("ReviewersDialog", u"Reviewer profiles", None))
#endif // QT_CONFIG(accessibility)
        self.unlockIntro.setText(QCoreApplication.translate("ReviewersDialog", u"Reviewer profiles are the administrator's to change. The administrator's passphrase opens the organization's certificate authority while this window is open (in memory only): it issues every reviewer's certificate, with their role in it.", None))
        self.adminLabel.setText(QCoreApplication.translate("ReviewersDialog", u"Administrator's &passphrase", None))
#if QT_CONFIG(accessibility)
        self.adminEdit.setAccessibleName(QCoreApplication.translate("ReviewersDialog", u"Administrator's passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.adminError.setText("")
#if QT_CONFIG(accessibility)
        self.adminError.setAccessibleName(QCoreApplication.translate("ReviewersDialog", u"Why the passphrase was refused", None))
#endif // QT_CONFIG(accessibility)
        self.unlockButton.setText(QCoreApplication.translate("ReviewersDialog", u"&Unlock", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("ReviewersDialog", u"Reviewer profiles", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleDescription(QCoreApplication.translate("ReviewersDialog", u"Each row: name, credentials, role, NPI and the signing certificate", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("ReviewersDialog", u"&Add reviewer\u2026", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("ReviewersDialog", u"A new profile with a signing key the organization CA certifies", None))
#endif // QT_CONFIG(tooltip)
        self.roleButton.setText(QCoreApplication.translate("ReviewersDialog", u"Change &role\u2026", None))
#if QT_CONFIG(tooltip)
        self.roleButton.setToolTip(QCoreApplication.translate("ReviewersDialog", u"A new certificate with the other role (the reviewer's passphrase is not needed)", None))
#endif // QT_CONFIG(tooltip)
        self.keyButton.setText(QCoreApplication.translate("ReviewersDialog", u"New &key\u2026", None))
#if QT_CONFIG(tooltip)
        self.keyButton.setToolTip(QCoreApplication.translate("ReviewersDialog", u"A new signing key for the reviewer, with a new passphrase", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("ReviewersDialog", u"What was done", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

