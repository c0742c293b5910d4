# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letterhead_form.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QGridLayout,
    QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
    QScrollArea, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_LetterheadForm(object):
    def setupUi(self, LetterheadForm):
        if not LetterheadForm.objectName():
            LetterheadForm.setObjectName(u"LetterheadForm")
        self.scrollLayout = QVBoxLayout(LetterheadForm)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.scrollLayout.setContentsMargins(0, 0, 0, 0)
        self.formScroll = QScrollArea(LetterheadForm)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.formScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.formScroll.setWidgetResizable(True)
        self.formContents = QWidget()
        self.formContents.setObjectName(u"formContents")
        self.letterheadLayout = QFormLayout(self.formContents)
        self.letterheadLayout.setObjectName(u"letterheadLayout")
        self.letterheadLayout.setContentsMargins(0, 0, 0, 0)
        self.organizationLabel = QLabel(self.formContents)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.letterheadLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.organizationLabel)

        self.organizationEdit = QLineEdit(self.formContents)
        self.organizationEdit.setObjectName(u"organizationEdit")

        self.letterheadLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.organizationEdit)

        self.addressLabel = QLabel(self.formContents)
        self.addressLabel.setObjectName(u"addressLabel")

        self.letterheadLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(self.formContents)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 80))

        self.letterheadLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(self.formContents)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.letterheadLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.formContents)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.letterheadLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.ttyLabel = QLabel(self.formContents)
        self.ttyLabel.setObjectName(u"ttyLabel")

        self.letterheadLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ttyLabel)

        self.ttyEdit = QLineEdit(self.formContents)
        self.ttyEdit.setObjectName(u"ttyEdit")

        self.letterheadLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ttyEdit)

        self.faxLabel = QLabel(self.formContents)
        self.faxLabel.setObjectName(u"faxLabel")

        self.letterheadLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.faxLabel)

        self.faxEdit = QLineEdit(self.formContents)
        self.faxEdit.setObjectName(u"faxEdit")

        self.letterheadLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.faxEdit)

        self.appealsAddressLabel = QLabel(self.formContents)
        self.appealsAddressLabel.setObjectName(u"appealsAddressLabel")

        self.letterheadLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.appealsAddressLabel)

        self.appealsAddressEdit = QPlainTextEdit(self.formContents)
        self.appealsAddressEdit.setObjectName(u"appealsAddressEdit")
        self.appealsAddressEdit.setTabChangesFocus(True)
        self.appealsAddressEdit.setMaximumSize(QSize(16777215, 80))

        self.letterheadLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.appealsAddressEdit)

        self.appealsPhoneLabel = QLabel(self.formContents)
        self.appealsPhoneLabel.setObjectName(u"appealsPhoneLabel")

        self.letterheadLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.appealsPhoneLabel)

        self.appealsPhoneEdit = QLineEdit(self.formContents)
        self.appealsPhoneEdit.setObjectName(u"appealsPhoneEdit")

        self.letterheadLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.appealsPhoneEdit)

        self.appealsFaxLabel = QLabel(self.formContents)
        self.appealsFaxLabel.setObjectName(u"appealsFaxLabel")

        self.letterheadLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.appealsFaxLabel)

        self.appealsFaxEdit = QLineEdit(self.formContents)
        self.appealsFaxEdit.setObjectName(u"appealsFaxEdit")

        self.letterheadLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.appealsFaxEdit)

        self.peerLabel = QLabel(self.formContents)
        self.peerLabel.setObjectName(u"peerLabel")

        self.letterheadLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.peerLabel)

        self.peerEdit = QLineEdit(self.formContents)
        self.peerEdit.setObjectName(u"peerEdit")

        self.letterheadLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.peerEdit)

        self.fairHearingLabel = QLabel(self.formContents)
        self.fairHearingLabel.setObjectName(u"fairHearingLabel")

        self.letterheadLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.fairHearingLabel)

        self.fairHearingSpin = QSpinBox(self.formContents)
        self.fairHearingSpin.setObjectName(u"fairHearingSpin")
        self.fairHearingSpin.setMinimum(90)
        self.fairHearingSpin.setMaximum(120)
        self.fairHearingSpin.setValue(120)

        self.letterheadLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.fairHearingSpin)

        self.freeTextsBox = QGroupBox(self.formContents)
        self.freeTextsBox.setObjectName(u"freeTextsBox")
        self.freeTextsLayout = QGridLayout(self.freeTextsBox)
        self.freeTextsLayout.setObjectName(u"freeTextsLayout")
        self.freeTextsNote = QLabel(self.freeTextsBox)
        self.freeTextsNote.setObjectName(u"freeTextsNote")
        self.freeTextsNote.setWordWrap(True)

        self.freeTextsLayout.addWidget(self.freeTextsNote, 0, 0, 1, 3)


        self.letterheadLayout.setWidget(10, QFormLayout.ItemRole.SpanningRole, self.freeTextsBox)

        self.problemsLabel = QLabel(self.formContents)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.letterheadLayout.setWidget(11, QFormLayout.ItemRole.SpanningRole, self.problemsLabel)

        self.formScroll.setWidget(self.formContents)

        self.scrollLayout.addWidget(self.formScroll)

#if QT_CONFIG(shortcut)
        self.organizationLabel.setBuddy(self.organizationEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.ttyLabel.setBuddy(self.ttyEdit)
        self.faxLabel.setBuddy(self.faxEdit)
        self.appealsAddressLabel.setBuddy(self.appealsAddressEdit)
        self.appealsPhoneLabel.setBuddy(self.appealsPhoneEdit)
        self.appealsFaxLabel.setBuddy(self.appealsFaxEdit)
        self.peerLabel.setBuddy(self.peerEdit)
        self.fairHearingLabel.setBuddy(self.fairHearingSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.organizationEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.ttyEdit)
        QWidget.setTabOrder(self.ttyEdit, self.faxEdit)
        QWidget.setTabOrder(self.faxEdit, self.appealsAddressEdit)
        QWidget.setTabOrder(self.appealsAddressEdit, self.appealsPhoneEdit)
        QWidget.setTabOrder(self.appealsPhoneEdit, self.appealsFaxEdit)
        QWidget.setTabOrder(self.appealsFaxEdit, self.peerEdit)
        QWidget.setTabOrder(self.peerEdit, self.fairHearingSpin)

        self.retranslateUi(LetterheadForm)

        QMetaObject.connectSlotsByName(LetterheadForm)
    # setupUi

    def retranslateUi(self, LetterheadForm):
        self.organizationLabel.setText(QCoreApplication.translate("LetterheadForm", u"&Organization", None))
#if QT_CONFIG(accessibility)
        self.organizationEdit.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Organization name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.organizationEdit.setAccessibleDescription(QCoreApplication.translate("LetterheadForm", u"The plan's name at the top of every letter", None))
#endif // QT_CONFIG(accessibility)
        self.addressLabel.setText(QCoreApplication.translate("LetterheadForm", u"A&ddress", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Address", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleDescription(QCoreApplication.translate("LetterheadForm", u"One line of the address on each line", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("LetterheadForm", u"&Phone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("LetterheadForm", u"1-800-555-0100", None))
        self.ttyLabel.setText(QCoreApplication.translate("LetterheadForm", u"&TTY", None))
#if QT_CONFIG(accessibility)
        self.ttyEdit.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"TTY", None))
#endif // QT_CONFIG(accessibility)
        self.ttyEdit.setPlaceholderText(QCoreApplication.translate("LetterheadForm", u"711", None))
        self.faxLabel.setText(QCoreApplication.translate("LetterheadForm", u"&Fax (optional)", None))
#if QT_CONFIG(accessibility)
        self.faxEdit.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Fax, optional", None))
#endif // QT_CONFIG(accessibility)
        self.appealsAddressLabel.setText(QCoreApplication.translate("LetterheadForm", u"Appeals &address", None))
#if QT_CONFIG(accessibility)
        self.appealsAddressEdit.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Appeals address", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.appealsAddressEdit.setAccessibleDescription(QCoreApplication.translate("LetterheadForm", u"Where members and providers send an appeal; one line on each line", None))
#endif // QT_CONFIG(accessibility)
        self.appealsPhoneLabel.setText(QCoreApplication.translate("LetterheadForm", u"Appeals p&hone", None))
#if QT_CONFIG(accessibility)
        self.appealsPhoneEdit.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Appeals phone", None))
#endif // QT_CONFIG(accessibility)
        self.appealsFaxLabel.setText(QCoreApplication.translate("LetterheadForm", u"Appeals fa&x", None))
#if QT_CONFIG(accessibility)
        self.appealsFaxEdit.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Appeals fax", None))
#endif // QT_CONFIG(accessibility)
        self.peerLabel.setText(QCoreApplication.translate("LetterheadForm", u"P&eer-to-peer phone", None))
#if QT_CONFIG(accessibility)
        self.peerEdit.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Peer-to-peer phone", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.peerEdit.setAccessibleDescription(QCoreApplication.translate("LetterheadForm", u"Where a requesting provider asks for a peer-to-peer discussion", None))
#endif // QT_CONFIG(accessibility)
        self.fairHearingLabel.setText(QCoreApplication.translate("LetterheadForm", u"Medicaid fair &hearing window", None))
#if QT_CONFIG(accessibility)
        self.fairHearingSpin.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Medicaid fair hearing window in days", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.fairHearingSpin.setAccessibleDescription(QCoreApplication.translate("LetterheadForm", u"The days the State gives a Medicaid member to ask for a State fair hearing after the plan's appeal decision: 90 to 120, set by the State (42 CFR 438.408(f)(2))", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.fairHearingSpin.setToolTip(QCoreApplication.translate("LetterheadForm", u"Set by your State: 90 to 120 days after the plan's appeal decision (42 CFR 438.408(f)(2))", None))
#endif // QT_CONFIG(tooltip)
        self.fairHearingSpin.setSuffix(QCoreApplication.translate("LetterheadForm", u" days after the appeal decision", None))
        self.freeTextsBox.setTitle(QCoreApplication.translate("LetterheadForm", u"Texts letters print in the member's language (optional)", None))
#if QT_CONFIG(accessibility)
        self.freeTextsBox.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Texts letters print in the member's language", None))
#endif // QT_CONFIG(accessibility)
        self.freeTextsNote.setText(QCoreApplication.translate("LetterheadForm", u"A member letter prints the text in the member's language; provider letters print the English text. Left empty in every language, letters print the shipped sentence. Given in English only, a Spanish letter that needs it is refused until the Spanish text is added (it never prints the English words).", None))
        self.problemsLabel.setText("")
#if QT_CONFIG(accessibility)
        self.problemsLabel.setAccessibleName(QCoreApplication.translate("LetterheadForm", u"Problems with the letterhead", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

