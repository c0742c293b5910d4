# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scores_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ScoresPanel(object):
    def setupUi(self, ScoresPanel):
        if not ScoresPanel.objectName():
            ScoresPanel.setObjectName(u"ScoresPanel")
        ScoresPanel.resize(360, 360)
        self.scoresLayout = QVBoxLayout(ScoresPanel)
        self.scoresLayout.setSpacing(4)
        self.scoresLayout.setObjectName(u"scoresLayout")
        self.scoresLayout.setContentsMargins(0, 0, 0, 0)
        self.sinsTitle = QLabel(ScoresPanel)
        self.sinsTitle.setObjectName(u"sinsTitle")
        font = QFont()
        font.setBold(True)
        self.sinsTitle.setFont(font)

        self.scoresLayout.addWidget(self.sinsTitle)

        self.sinsRow = QHBoxLayout()
        self.sinsRow.setSpacing(10)
        self.sinsRow.setObjectName(u"sinsRow")
        self.sinsTotal = QLabel(ScoresPanel)
        self.sinsTotal.setObjectName(u"sinsTotal")
        font1 = QFont()
        font1.setPointSize(18)
        font1.setBold(True)
        self.sinsTotal.setFont(font1)

        self.sinsRow.addWidget(self.sinsTotal)

        self.sinsCategory = QLabel(ScoresPanel)
        self.sinsCategory.setObjectName(u"sinsCategory")
        self.sinsCategory.setFont(font)

        self.sinsRow.addWidget(self.sinsCategory)

        self.sinsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sinsRow.addItem(self.sinsSpacer)


        self.scoresLayout.addLayout(self.sinsRow)

        self.sinsComponents = QGridLayout()
        self.sinsComponents.setObjectName(u"sinsComponents")
        self.sinsComponents.setHorizontalSpacing(12)
        self.sinsComponents.setVerticalSpacing(4)

        self.scoresLayout.addLayout(self.sinsComponents)

        self.sinsLine = QFrame(ScoresPanel)
        self.sinsLine.setObjectName(u"sinsLine")
        self.sinsLine.setFrameShape(QFrame.Shape.HLine)
        self.sinsLine.setFrameShadow(QFrame.Shadow.Sunken)

        self.scoresLayout.addWidget(self.sinsLine)

        self.bilskyTitle = QLabel(ScoresPanel)
        self.bilskyTitle.setObjectName(u"bilskyTitle")
        self.bilskyTitle.setFont(font)

        self.scoresLayout.addWidget(self.bilskyTitle)

        self.bilskyRow = QHBoxLayout()
        self.bilskyRow.setSpacing(10)
        self.bilskyRow.setObjectName(u"bilskyRow")
        self.bilskyGrade = QLabel(ScoresPanel)
        self.bilskyGrade.setObjectName(u"bilskyGrade")
        self.bilskyGrade.setFont(font1)

        self.bilskyRow.addWidget(self.bilskyGrade)

        self.bilskyClass = QLabel(ScoresPanel)
        self.bilskyClass.setObjectName(u"bilskyClass")
        self.bilskyClass.setFont(font)

        self.bilskyRow.addWidget(self.bilskyClass)

        self.bilskySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bilskyRow.addItem(self.bilskySpacer)


        self.scoresLayout.addLayout(self.bilskyRow)

        self.bilskyMeaning = QLabel(ScoresPanel)
        self.bilskyMeaning.setObjectName(u"bilskyMeaning")
        self.bilskyMeaning.setWordWrap(True)

        self.scoresLayout.addWidget(self.bilskyMeaning)

        self.bilskyLine = QFrame(ScoresPanel)
        self.bilskyLine.setObjectName(u"bilskyLine")
        self.bilskyLine.setFrameShape(QFrame.Shape.HLine)
        self.bilskyLine.setFrameShadow(QFrame.Shadow.Sunken)

        self.scoresLayout.addWidget(self.bilskyLine)

        self.tokuhashiTitle = QLabel(ScoresPanel)
        self.tokuhashiTitle.setObjectName(u"tokuhashiTitle")
        self.tokuhashiTitle.setFont(font)

        self.scoresLayout.addWidget(self.tokuhashiTitle)

        self.tokuhashiRow = QHBoxLayout()
        self.tokuhashiRow.setSpacing(10)
        self.tokuhashiRow.setObjectName(u"tokuhashiRow")
        self.tokuhashiTotal = QLabel(ScoresPanel)
        self.tokuhashiTotal.setObjectName(u"tokuhashiTotal")
        self.tokuhashiTotal.setFont(font1)

        self.tokuhashiRow.addWidget(self.tokuhashiTotal)

        self.tokuhashiBand = QLabel(ScoresPanel)
        self.tokuhashiBand.setObjectName(u"tokuhashiBand")
        self.tokuhashiBand.setFont(font)

        self.tokuhashiRow.addWidget(self.tokuhashiBand)

        self.tokuhashiSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.tokuhashiRow.addItem(self.tokuhashiSpacer)


        self.scoresLayout.addLayout(self.tokuhashiRow)

        self.tokuhashiAdvice = QLabel(ScoresPanel)
        self.tokuhashiAdvice.setObjectName(u"tokuhashiAdvice")
        self.tokuhashiAdvice.setWordWrap(True)

        self.scoresLayout.addWidget(self.tokuhashiAdvice)


        self.retranslateUi(ScoresPanel)

        QMetaObject.connectSlotsByName(ScoresPanel)
    # setupUi

    def retranslateUi(self, ScoresPanel):
        self.sinsTitle.setText(QCoreApplication.translate("ScoresPanel", u"SINS \u2014 spinal instability (Fisher 2010)", None))
        self.bilskyTitle.setText(QCoreApplication.translate("ScoresPanel", u"Bilsky \u2014 epidural cord compression", None))
        self.tokuhashiTitle.setText(QCoreApplication.translate("ScoresPanel", u"Revised Tokuhashi \u2014 survival (for information)", None))
        pass
    # retranslateUi

