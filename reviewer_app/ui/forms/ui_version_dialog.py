# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'version_dialog.ui'
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
    QFrame, QHBoxLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QTabWidget, QVBoxLayout, QWidget)

from reviewer_app.ui.case.case_header import CaseHeader
from reviewer_app.ui.case.determination_view import DeterminationView

class Ui_VersionDialog(object):
    def setupUi(self, VersionDialog):
        if not VersionDialog.objectName():
            VersionDialog.setObjectName(u"VersionDialog")
        VersionDialog.resize(1200, 800)
        self.rootLayout = QVBoxLayout(VersionDialog)
        self.rootLayout.setSpacing(6)
        self.rootLayout.setObjectName(u"rootLayout")
        self.rootLayout.setContentsMargins(12, 10, 12, 10)
        self.noticeBox = QFrame(VersionDialog)
        self.noticeBox.setObjectName(u"noticeBox")
        self.noticeBox.setAutoFillBackground(True)
        self.noticeLayout = QHBoxLayout(self.noticeBox)
        self.noticeLayout.setObjectName(u"noticeLayout")
        self.noticeLayout.setContentsMargins(10, 6, 10, 6)
        self.noticeLabel = QLabel(self.noticeBox)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setTextFormat(Qt.TextFormat.RichText)
        self.noticeLabel.setWordWrap(True)
        self.noticeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.noticeLayout.addWidget(self.noticeLabel)


        self.rootLayout.addWidget(self.noticeBox)

        self.caseHeader = CaseHeader(VersionDialog)
        self.caseHeader.setObjectName(u"caseHeader")

        self.rootLayout.addWidget(self.caseHeader)

        self.tabs = QTabWidget(VersionDialog)
        self.tabs.setObjectName(u"tabs")
        self.determinationTab = QWidget()
        self.determinationTab.setObjectName(u"determinationTab")
        self.determinationLayout = QVBoxLayout(self.determinationTab)
        self.determinationLayout.setObjectName(u"determinationLayout")
        self.determinationLayout.setContentsMargins(0, 0, 0, 0)
        self.determinationView = DeterminationView(self.determinationTab)
        self.determinationView.setObjectName(u"determinationView")

        self.determinationLayout.addWidget(self.determinationView)

        self.tabs.addTab(self.determinationTab, "")
        self.documentTab = QWidget()
        self.documentTab.setObjectName(u"documentTab")
        self.documentLayout = QVBoxLayout(self.documentTab)
        self.documentLayout.setObjectName(u"documentLayout")
        self.documentLayout.setContentsMargins(6, 6, 6, 6)
        self.documentText = QPlainTextEdit(self.documentTab)
        self.documentText.setObjectName(u"documentText")
        self.documentText.setReadOnly(True)
        self.documentText.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        self.documentLayout.addWidget(self.documentText)

        self.tabs.addTab(self.documentTab, "")

        self.rootLayout.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(VersionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.rootLayout.addWidget(self.buttons)


        self.retranslateUi(VersionDialog)
        self.buttons.rejected.connect(VersionDialog.reject)

        QMetaObject.connectSlotsByName(VersionDialog)
    # setupUi

    def retranslateUi(self, VersionDialog):
#if QT_CONFIG(accessibility)
        VersionDialog.setAccessibleName(QCoreApplication.translate("VersionDialog", u"Earlier version, read-only", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        VersionDialog.setAccessibleDescription(QCoreApplication.translate("VersionDialog", u"One stored version of the request and the determination it got; nothing here can be changed", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.noticeLabel.setAccessibleName(QCoreApplication.translate("VersionDialog", u"Which version this is", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.noticeLabel.setAccessibleDescription("")
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseHeader.setAccessibleName(QCoreApplication.translate("VersionDialog", u"Case header of this version", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseHeader.setAccessibleDescription(QCoreApplication.translate("VersionDialog", u"Member, request and deadline as this version stated them", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("VersionDialog", u"Version sections", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleDescription(QCoreApplication.translate("VersionDialog", u"The determination this version got, and the request document as stored", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.determinationView.setAccessibleName(QCoreApplication.translate("VersionDialog", u"Determination of this version", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.determinationView.setAccessibleDescription(QCoreApplication.translate("VersionDialog", u"Outcome, scores, criteria and rationale this version got", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.determinationTab), QCoreApplication.translate("VersionDialog", u"Determination", None))
#if QT_CONFIG(accessibility)
        self.documentText.setAccessibleName(QCoreApplication.translate("VersionDialog", u"Request document", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.documentText.setAccessibleDescription(QCoreApplication.translate("VersionDialog", u"The ur-case/1 document of this version exactly as stored, read-only", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.documentTab), QCoreApplication.translate("VersionDialog", u"Request document", None))
    # retranslateUi

