# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'refer_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ReferDialog(object):
    def setupUi(self, ReferDialog):
        if not ReferDialog.objectName():
            ReferDialog.setObjectName(u"ReferDialog")
        self.rootLayout = QVBoxLayout(ReferDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.summaryLabel = QLabel(ReferDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.summaryLabel)

        self.noteLabel = QLabel(ReferDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.rootLayout.addWidget(self.noteLabel)

        self.noteEdit = QPlainTextEdit(ReferDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.rootLayout.addWidget(self.noteEdit)

        self.problemLabel = QLabel(ReferDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.problemLabel)

        self.buttons = QDialogButtonBox(ReferDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReferDialog)
        self.buttons.accepted.connect(ReferDialog.accept)
        self.buttons.rejected.connect(ReferDialog.reject)

        QMetaObject.connectSlotsByName(ReferDialog)
    # setupUi

    def retranslateUi(self, ReferDialog):
        ReferDialog.setWindowTitle(QCoreApplication.translate("ReferDialog", u"Refer to a physician \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        ReferDialog.setAccessibleName(QCoreApplication.translate("ReferDialog", u"Refer the case to a physician reviewer", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("ReferDialog", u"&Note to the physician reviewer (what to look at, and why):", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("ReferDialog", u"Note to the physician reviewer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleName(QCoreApplication.translate("ReferDialog", u"What is missing", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

