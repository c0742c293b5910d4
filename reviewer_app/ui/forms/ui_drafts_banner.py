# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'drafts_banner.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_DraftsBanner(object):
    def setupUi(self, DraftsBanner):
        if not DraftsBanner.objectName():
            DraftsBanner.setObjectName(u"DraftsBanner")
        DraftsBanner.resize(900, 90)
        DraftsBanner.setFrameShape(QFrame.Shape.StyledPanel)
        DraftsBanner.setAutoFillBackground(True)
        self.bannerLayout = QVBoxLayout(DraftsBanner)
        self.bannerLayout.setSpacing(4)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(DraftsBanner)
        self.titleLabel.setObjectName(u"titleLabel")
        font = QFont()
        font.setBold(True)
        self.titleLabel.setFont(font)

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.hideButton = QPushButton(DraftsBanner)
        self.hideButton.setObjectName(u"hideButton")

        self.headerLayout.addWidget(self.hideButton)


        self.bannerLayout.addLayout(self.headerLayout)

        self.rows = QWidget(DraftsBanner)
        self.rows.setObjectName(u"rows")
        self.rowsLayout = QVBoxLayout(self.rows)
        self.rowsLayout.setSpacing(2)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsLayout.setContentsMargins(0, 0, 0, 0)

        self.bannerLayout.addWidget(self.rows)


        self.retranslateUi(DraftsBanner)

        QMetaObject.connectSlotsByName(DraftsBanner)
    # setupUi

    def retranslateUi(self, DraftsBanner):
#if QT_CONFIG(accessibility)
        DraftsBanner.setAccessibleName(QCoreApplication.translate("DraftsBanner", u"Unfinished requests", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("DraftsBanner", u"Unfinished requests from the intake wizard", None))
        self.hideButton.setText(QCoreApplication.translate("DraftsBanner", u"Hide", None))
#if QT_CONFIG(tooltip)
        self.hideButton.setToolTip(QCoreApplication.translate("DraftsBanner", u"Hide this list until UR Reviewer starts again (the drafts are kept)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

