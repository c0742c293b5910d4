# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_header.ui'
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
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_CaseHeader(object):
    def setupUi(self, CaseHeader):
        if not CaseHeader.objectName():
            CaseHeader.setObjectName(u"CaseHeader")
        CaseHeader.resize(1256, 110)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(CaseHeader.sizePolicy().hasHeightForWidth())
        CaseHeader.setSizePolicy(sizePolicy)
        self.headerLayout = QGridLayout(CaseHeader)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setHorizontalSpacing(24)
        self.headerLayout.setVerticalSpacing(6)
        self.headerLayout.setContentsMargins(0, 0, 0, 0)
        self.identityLayout = QVBoxLayout()
        self.identityLayout.setSpacing(2)
        self.identityLayout.setObjectName(u"identityLayout")
        self.memberName = QLabel(CaseHeader)
        self.memberName.setObjectName(u"memberName")
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        self.memberName.setFont(font)
        self.memberName.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.identityLayout.addWidget(self.memberName)

        self.memberDetails = QLabel(CaseHeader)
        self.memberDetails.setObjectName(u"memberDetails")
        self.memberDetails.setWordWrap(True)
        self.memberDetails.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.identityLayout.addWidget(self.memberDetails)

        self.caseDetails = QLabel(CaseHeader)
        self.caseDetails.setObjectName(u"caseDetails")
        self.caseDetails.setTextFormat(Qt.TextFormat.RichText)
        self.caseDetails.setWordWrap(True)
        self.caseDetails.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.identityLayout.addWidget(self.caseDetails)

        self.identitySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.identityLayout.addItem(self.identitySpacer)


        self.headerLayout.addLayout(self.identityLayout, 0, 0, 1, 1)

        self.dueBox = QFrame(CaseHeader)
        self.dueBox.setObjectName(u"dueBox")
        self.dueBox.setFrameShape(QFrame.Shape.StyledPanel)
        self.dueBox.setAutoFillBackground(True)
        self.dueLayout = QVBoxLayout(self.dueBox)
        self.dueLayout.setSpacing(2)
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueLayout.setContentsMargins(12, 6, 12, 6)
        self.dueCaption = QLabel(self.dueBox)
        self.dueCaption.setObjectName(u"dueCaption")

        self.dueLayout.addWidget(self.dueCaption)

        self.dueValue = QLabel(self.dueBox)
        self.dueValue.setObjectName(u"dueValue")
        font1 = QFont()
        font1.setPointSize(14)
        font1.setBold(True)
        self.dueValue.setFont(font1)
        self.dueValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dueLayout.addWidget(self.dueValue)

        self.timeLeftValue = QLabel(self.dueBox)
        self.timeLeftValue.setObjectName(u"timeLeftValue")
        font2 = QFont()
        font2.setPointSize(12)
        font2.setBold(True)
        self.timeLeftValue.setFont(font2)

        self.dueLayout.addWidget(self.timeLeftValue)


        self.headerLayout.addWidget(self.dueBox, 0, 1, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)

        self.requestForm = QFormLayout()
        self.requestForm.setObjectName(u"requestForm")
        self.requestForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.requestForm.setHorizontalSpacing(10)
        self.requestForm.setVerticalSpacing(4)
        self.procedureCaption = QLabel(CaseHeader)
        self.procedureCaption.setObjectName(u"procedureCaption")

        self.requestForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.procedureCaption)

        self.procedureValue = QLabel(CaseHeader)
        self.procedureValue.setObjectName(u"procedureValue")
        self.procedureValue.setTextFormat(Qt.TextFormat.RichText)
        self.procedureValue.setWordWrap(True)
        self.procedureValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.requestForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.procedureValue)

        self.levelsCaption = QLabel(CaseHeader)
        self.levelsCaption.setObjectName(u"levelsCaption")

        self.requestForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.levelsCaption)

        self.levelsValue = QLabel(CaseHeader)
        self.levelsValue.setObjectName(u"levelsValue")
        self.levelsValue.setTextFormat(Qt.TextFormat.RichText)
        self.levelsValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.requestForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.levelsValue)

        self.diagnosisCaption = QLabel(CaseHeader)
        self.diagnosisCaption.setObjectName(u"diagnosisCaption")

        self.requestForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.diagnosisCaption)

        self.diagnosisValue = QLabel(CaseHeader)
        self.diagnosisValue.setObjectName(u"diagnosisValue")
        self.diagnosisValue.setTextFormat(Qt.TextFormat.RichText)
        self.diagnosisValue.setWordWrap(True)
        self.diagnosisValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.requestForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.diagnosisValue)


        self.headerLayout.addLayout(self.requestForm, 1, 0, 1, 2)

        self.headerLayout.setColumnStretch(0, 1)

        self.retranslateUi(CaseHeader)

        QMetaObject.connectSlotsByName(CaseHeader)
    # setupUi

    def retranslateUi(self, CaseHeader):
        self.dueCaption.setText(QCoreApplication.translate("CaseHeader", u"DECISION DUE", None))
        self.procedureCaption.setText(QCoreApplication.translate("CaseHeader", u"Procedure", None))
        self.levelsCaption.setText(QCoreApplication.translate("CaseHeader", u"Levels", None))
        self.diagnosisCaption.setText(QCoreApplication.translate("CaseHeader", u"Primary diagnosis", None))
        pass
    # retranslateUi

