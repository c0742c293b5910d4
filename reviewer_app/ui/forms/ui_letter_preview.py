# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letter_preview.ui'
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
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFrame, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_LetterPreview(object):
    def setupUi(self, LetterPreview):
        if not LetterPreview.objectName():
            LetterPreview.setObjectName(u"LetterPreview")
        LetterPreview.resize(900, 1000)
        self.rootLayout = QVBoxLayout(LetterPreview)
        self.rootLayout.setObjectName(u"rootLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.recipientLabel = QLabel(LetterPreview)
        self.recipientLabel.setObjectName(u"recipientLabel")

        self.topLayout.addWidget(self.recipientLabel)

        self.recipientCombo = QComboBox(LetterPreview)
        self.recipientCombo.addItem("")
        self.recipientCombo.addItem("")
        self.recipientCombo.setObjectName(u"recipientCombo")

        self.topLayout.addWidget(self.recipientCombo)

        self.largePrintCheck = QCheckBox(LetterPreview)
        self.largePrintCheck.setObjectName(u"largePrintCheck")

        self.topLayout.addWidget(self.largePrintCheck)

        self.oralNoticeButton = QPushButton(LetterPreview)
        self.oralNoticeButton.setObjectName(u"oralNoticeButton")

        self.topLayout.addWidget(self.oralNoticeButton)

        self.titleLabel = QLabel(LetterPreview)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.RichText)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.titleLabel.sizePolicy().hasHeightForWidth())
        self.titleLabel.setSizePolicy(sizePolicy)

        self.topLayout.addWidget(self.titleLabel)


        self.rootLayout.addLayout(self.topLayout)

        self.noticeBox = QFrame(LetterPreview)
        self.noticeBox.setObjectName(u"noticeBox")
        self.noticeBox.setAutoFillBackground(True)
        self.noticeLayout = QHBoxLayout(self.noticeBox)
        self.noticeLayout.setObjectName(u"noticeLayout")
        self.noticeLabel = QLabel(self.noticeBox)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setTextFormat(Qt.TextFormat.RichText)
        self.noticeLabel.setWordWrap(True)
        self.noticeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.noticeLayout.addWidget(self.noticeLabel)


        self.rootLayout.addWidget(self.noticeBox)

        self.pdfView = QPdfView(LetterPreview)
        self.pdfView.setObjectName(u"pdfView")

        self.rootLayout.addWidget(self.pdfView)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.signButton = QPushButton(LetterPreview)
        self.signButton.setObjectName(u"signButton")

        self.buttonLayout.addWidget(self.signButton)

        self.saveButton = QPushButton(LetterPreview)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.printButton = QPushButton(LetterPreview)
        self.printButton.setObjectName(u"printButton")

        self.buttonLayout.addWidget(self.printButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(LetterPreview)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.rootLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.recipientLabel.setBuddy(self.recipientCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LetterPreview)
        self.closeButton.clicked.connect(LetterPreview.close)

        QMetaObject.connectSlotsByName(LetterPreview)
    # setupUi

    def retranslateUi(self, LetterPreview):
        LetterPreview.setWindowTitle(QCoreApplication.translate("LetterPreview", u"Letter \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        LetterPreview.setAccessibleName(QCoreApplication.translate("LetterPreview", u"Letter preview", None))
#endif // QT_CONFIG(accessibility)
        self.recipientLabel.setText(QCoreApplication.translate("LetterPreview", u"&To:", None))
        self.recipientCombo.setItemText(0, QCoreApplication.translate("LetterPreview", u"Member", None))
        self.recipientCombo.setItemText(1, QCoreApplication.translate("LetterPreview", u"Requesting provider", None))

#if QT_CONFIG(accessibility)
        self.recipientCombo.setAccessibleName(QCoreApplication.translate("LetterPreview", u"Recipient", None))
#endif // QT_CONFIG(accessibility)
        self.largePrintCheck.setText(QCoreApplication.translate("LetterPreview", u"&Large print", None))
#if QT_CONFIG(accessibility)
        self.largePrintCheck.setAccessibleName(QCoreApplication.translate("LetterPreview", u"Large print member letters", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.largePrintCheck.setToolTip(QCoreApplication.translate("LetterPreview", u"The member asked for large print: member letters of this case are set at 18 pt or more (recorded on the case)", None))
#endif // QT_CONFIG(tooltip)
        self.oralNoticeButton.setText(QCoreApplication.translate("LetterPreview", u"Record &oral notice\u2026", None))
#if QT_CONFIG(accessibility)
        self.oralNoticeButton.setAccessibleName(QCoreApplication.translate("LetterPreview", u"Record oral notice", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.oralNoticeButton.setToolTip(QCoreApplication.translate("LetterPreview", u"Record that this expedited decision was told by phone; the letter then confirms the call", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("LetterPreview", u"Which letter", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.noticeLabel.setAccessibleName(QCoreApplication.translate("LetterPreview", u"Signature state", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.pdfView.setAccessibleName(QCoreApplication.translate("LetterPreview", u"The letter", None))
#endif // QT_CONFIG(accessibility)
        self.signButton.setText(QCoreApplication.translate("LetterPreview", u"&Sign and issue", None))
        self.saveButton.setText(QCoreApplication.translate("LetterPreview", u"Save &as\u2026", None))
        self.printButton.setText(QCoreApplication.translate("LetterPreview", u"&Print\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("LetterPreview", u"Close", None))
    # retranslateUi

