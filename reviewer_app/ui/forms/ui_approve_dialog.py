# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approve_dialog.ui'
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
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ApproveDialog(object):
    def setupUi(self, ApproveDialog):
        if not ApproveDialog.objectName():
            ApproveDialog.setObjectName(u"ApproveDialog")
        self.rootLayout = QVBoxLayout(ApproveDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.summaryLabel = QLabel(ApproveDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.summaryLabel)

        self.signatureLabel = QLabel(ApproveDialog)
        self.signatureLabel.setObjectName(u"signatureLabel")
        self.signatureLabel.setTextFormat(Qt.TextFormat.RichText)
        self.signatureLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.signatureLabel)

        self.buttons = QDialogButtonBox(ApproveDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)


        self.retranslateUi(ApproveDialog)
        self.buttons.accepted.connect(ApproveDialog.accept)
        self.buttons.rejected.connect(ApproveDialog.reject)

        QMetaObject.connectSlotsByName(ApproveDialog)
    # setupUi

    def retranslateUi(self, ApproveDialog):
        ApproveDialog.setWindowTitle(QCoreApplication.translate("ApproveDialog", u"Approve \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        ApproveDialog.setAccessibleName(QCoreApplication.translate("ApproveDialog", u"Approve the request", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("ApproveDialog", u"What is approved", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.signatureLabel.setAccessibleName(QCoreApplication.translate("ApproveDialog", u"Who signs", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

