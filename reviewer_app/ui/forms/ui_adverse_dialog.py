# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'adverse_dialog.ui'
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
    QGroupBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_AdverseDialog(object):
    def setupUi(self, AdverseDialog):
        if not AdverseDialog.objectName():
            AdverseDialog.setObjectName(u"AdverseDialog")
        AdverseDialog.resize(760, 760)
        self.rootLayout = QVBoxLayout(AdverseDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.summaryLabel = QLabel(AdverseDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.summaryLabel)

        self.approvedBox = QGroupBox(AdverseDialog)
        self.approvedBox.setObjectName(u"approvedBox")
        self.approvedLayout = QHBoxLayout(self.approvedBox)
        self.approvedLayout.setObjectName(u"approvedLayout")
        self.codesLayout = QVBoxLayout()
        self.codesLayout.setObjectName(u"codesLayout")
        self.codesLabel = QLabel(self.approvedBox)
        self.codesLabel.setObjectName(u"codesLabel")

        self.codesLayout.addWidget(self.codesLabel)

        self.codesList = QListWidget(self.approvedBox)
        self.codesList.setObjectName(u"codesList")

        self.codesLayout.addWidget(self.codesList)


        self.approvedLayout.addLayout(self.codesLayout)

        self.levelsLayout = QVBoxLayout()
        self.levelsLayout.setObjectName(u"levelsLayout")
        self.levelsLabel = QLabel(self.approvedBox)
        self.levelsLabel.setObjectName(u"levelsLabel")

        self.levelsLayout.addWidget(self.levelsLabel)

        self.levelsList = QListWidget(self.approvedBox)
        self.levelsList.setObjectName(u"levelsList")
        self.levelsList.setMaximumSize(QSize(140, 16777215))

        self.levelsLayout.addWidget(self.levelsList)


        self.approvedLayout.addLayout(self.levelsLayout)


        self.rootLayout.addWidget(self.approvedBox)

        self.clinicalLabel = QLabel(AdverseDialog)
        self.clinicalLabel.setObjectName(u"clinicalLabel")

        self.rootLayout.addWidget(self.clinicalLabel)

        self.clinicalEdit = QPlainTextEdit(AdverseDialog)
        self.clinicalEdit.setObjectName(u"clinicalEdit")
        self.clinicalEdit.setTabChangesFocus(True)

        self.rootLayout.addWidget(self.clinicalEdit)

        self.memberLabel = QLabel(AdverseDialog)
        self.memberLabel.setObjectName(u"memberLabel")
        self.memberLabel.setTextFormat(Qt.TextFormat.RichText)
        self.memberLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.memberLabel)

        self.memberEdit = QPlainTextEdit(AdverseDialog)
        self.memberEdit.setObjectName(u"memberEdit")
        self.memberEdit.setTabChangesFocus(True)

        self.rootLayout.addWidget(self.memberEdit)

        self.problemLabel = QLabel(AdverseDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.problemLabel)

        self.buttons = QDialogButtonBox(AdverseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.codesLabel.setBuddy(self.codesList)
        self.levelsLabel.setBuddy(self.levelsList)
        self.clinicalLabel.setBuddy(self.clinicalEdit)
        self.memberLabel.setBuddy(self.memberEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AdverseDialog)
        self.buttons.rejected.connect(AdverseDialog.reject)

        QMetaObject.connectSlotsByName(AdverseDialog)
    # setupUi

    def retranslateUi(self, AdverseDialog):
        AdverseDialog.setWindowTitle(QCoreApplication.translate("AdverseDialog", u"Adverse determination \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        AdverseDialog.setAccessibleName(QCoreApplication.translate("AdverseDialog", u"Deny or partially approve the request", None))
#endif // QT_CONFIG(accessibility)
        self.approvedBox.setTitle(QCoreApplication.translate("AdverseDialog", u"What is approved (the rest is not)", None))
        self.codesLabel.setText(QCoreApplication.translate("AdverseDialog", u"&Codes approved:", None))
#if QT_CONFIG(accessibility)
        self.codesList.setAccessibleName(QCoreApplication.translate("AdverseDialog", u"Procedure codes approved", None))
#endif // QT_CONFIG(accessibility)
        self.levelsLabel.setText(QCoreApplication.translate("AdverseDialog", u"L&evels approved:", None))
#if QT_CONFIG(accessibility)
        self.levelsList.setAccessibleName(QCoreApplication.translate("AdverseDialog", u"Levels approved", None))
#endif // QT_CONFIG(accessibility)
        self.clinicalLabel.setText(QCoreApplication.translate("AdverseDialog", u"&Clinical rationale, for the requesting provider's letter:", None))
#if QT_CONFIG(accessibility)
        self.clinicalEdit.setAccessibleName(QCoreApplication.translate("AdverseDialog", u"Clinical rationale for the provider", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.memberEdit.setAccessibleName(QCoreApplication.translate("AdverseDialog", u"Reason for the member, in plain words", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleName(QCoreApplication.translate("AdverseDialog", u"What is wrong", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

