# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'p2p_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_PeerToPeerDialog(object):
    def setupUi(self, PeerToPeerDialog):
        if not PeerToPeerDialog.objectName():
            PeerToPeerDialog.setObjectName(u"PeerToPeerDialog")
        PeerToPeerDialog.resize(600, 460)
        self.rootLayout = QVBoxLayout(PeerToPeerDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.summaryLabel = QLabel(PeerToPeerDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.summaryLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.providerLabel = QLabel(PeerToPeerDialog)
        self.providerLabel.setObjectName(u"providerLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.providerLabel)

        self.providerEdit = QLineEdit(PeerToPeerDialog)
        self.providerEdit.setObjectName(u"providerEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.providerEdit)

        self.heldAtLabel = QLabel(PeerToPeerDialog)
        self.heldAtLabel.setObjectName(u"heldAtLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.heldAtLabel)

        self.heldAtEdit = QDateTimeEdit(PeerToPeerDialog)
        self.heldAtEdit.setObjectName(u"heldAtEdit")
        self.heldAtEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.heldAtEdit)

        self.outcomeLabel = QLabel(PeerToPeerDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(PeerToPeerDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.noteLabel = QLabel(PeerToPeerDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(PeerToPeerDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.rootLayout.addLayout(self.formLayout)

        self.problemLabel = QLabel(PeerToPeerDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.problemLabel)

        self.buttons = QDialogButtonBox(PeerToPeerDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.providerLabel.setBuddy(self.providerEdit)
        self.heldAtLabel.setBuddy(self.heldAtEdit)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PeerToPeerDialog)
        self.buttons.accepted.connect(PeerToPeerDialog.accept)
        self.buttons.rejected.connect(PeerToPeerDialog.reject)

        QMetaObject.connectSlotsByName(PeerToPeerDialog)
    # setupUi

    def retranslateUi(self, PeerToPeerDialog):
        PeerToPeerDialog.setWindowTitle(QCoreApplication.translate("PeerToPeerDialog", u"Peer-to-peer conversation \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        PeerToPeerDialog.setAccessibleName(QCoreApplication.translate("PeerToPeerDialog", u"Record a peer-to-peer conversation", None))
#endif // QT_CONFIG(accessibility)
        self.providerLabel.setText(QCoreApplication.translate("PeerToPeerDialog", u"&With (for the provider):", None))
#if QT_CONFIG(accessibility)
        self.providerEdit.setAccessibleName(QCoreApplication.translate("PeerToPeerDialog", u"Who spoke for the requesting provider", None))
#endif // QT_CONFIG(accessibility)
        self.heldAtLabel.setText(QCoreApplication.translate("PeerToPeerDialog", u"W&hen:", None))
#if QT_CONFIG(accessibility)
        self.heldAtEdit.setAccessibleName(QCoreApplication.translate("PeerToPeerDialog", u"When the conversation took place", None))
#endif // QT_CONFIG(accessibility)
        self.heldAtEdit.setDisplayFormat(QCoreApplication.translate("PeerToPeerDialog", u"yyyy-MM-dd HH:mm", None))
        self.outcomeLabel.setText(QCoreApplication.translate("PeerToPeerDialog", u"&Outcome:", None))
#if QT_CONFIG(accessibility)
        self.outcomeCombo.setAccessibleName(QCoreApplication.translate("PeerToPeerDialog", u"How the conversation ended", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("PeerToPeerDialog", u"&Note:", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("PeerToPeerDialog", u"What was said, briefly", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

