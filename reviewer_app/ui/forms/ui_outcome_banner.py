# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outcome_banner.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_OutcomeBanner(object):
    def setupUi(self, OutcomeBanner):
        if not OutcomeBanner.objectName():
            OutcomeBanner.setObjectName(u"OutcomeBanner")
        OutcomeBanner.resize(1256, 64)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(OutcomeBanner.sizePolicy().hasHeightForWidth())
        OutcomeBanner.setSizePolicy(sizePolicy)
        OutcomeBanner.setAutoFillBackground(True)
        self.bannerLayout = QHBoxLayout(OutcomeBanner)
        self.bannerLayout.setSpacing(12)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.bannerLayout.setContentsMargins(14, 8, 14, 8)
        self.iconLabel = QLabel(OutcomeBanner)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setMinimumSize(QSize(36, 36))
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.bannerLayout.addWidget(self.iconLabel)

        self.textLayout = QVBoxLayout()
        self.textLayout.setSpacing(2)
        self.textLayout.setObjectName(u"textLayout")
        self.titleLabel = QLabel(OutcomeBanner)
        self.titleLabel.setObjectName(u"titleLabel")
        font = QFont()
        font.setPointSize(15)
        font.setBold(True)
        self.titleLabel.setFont(font)

        self.textLayout.addWidget(self.titleLabel)

        self.explanationLabel = QLabel(OutcomeBanner)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)
        self.explanationLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.textLayout.addWidget(self.explanationLabel)


        self.bannerLayout.addLayout(self.textLayout)

        self.bannerLayout.setStretch(1, 1)

        self.retranslateUi(OutcomeBanner)

        QMetaObject.connectSlotsByName(OutcomeBanner)
    # setupUi

    def retranslateUi(self, OutcomeBanner):
        pass
    # retranslateUi

