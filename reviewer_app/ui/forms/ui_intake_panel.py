# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QLabel, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget)

from reviewer_app.ui.widgets.outcome_banner import OutcomeBanner

class Ui_IntakePanel(object):
    def setupUi(self, IntakePanel):
        if not IntakePanel.objectName():
            IntakePanel.setObjectName(u"IntakePanel")
        IntakePanel.resize(400, 700)
        IntakePanel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panelLayout = QVBoxLayout(IntakePanel)
        self.panelLayout.setSpacing(6)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 6)
        self.outcomeBanner = OutcomeBanner(IntakePanel)
        self.outcomeBanner.setObjectName(u"outcomeBanner")

        self.panelLayout.addWidget(self.outcomeBanner)

        self.criteriaArea = QScrollArea(IntakePanel)
        self.criteriaArea.setObjectName(u"criteriaArea")
        self.criteriaArea.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.criteriaArea.setFrameShape(QFrame.Shape.StyledPanel)
        self.criteriaArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.criteriaArea.setWidgetResizable(True)
        self.criteriaContents = QWidget()
        self.criteriaContents.setObjectName(u"criteriaContents")
        self.criteriaContents.setGeometry(QRect(0, 0, 396, 500))
        self.criteriaContents.setAutoFillBackground(True)
        self.criteriaLayout = QVBoxLayout(self.criteriaContents)
        self.criteriaLayout.setSpacing(4)
        self.criteriaLayout.setObjectName(u"criteriaLayout")
        self.criteriaLayout.setContentsMargins(6, 6, 6, 6)
        self.summaryLabel = QLabel(self.criteriaContents)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setMargin(6)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.criteriaLayout.addWidget(self.summaryLabel)

        self.criteriaArea.setWidget(self.criteriaContents)

        self.panelLayout.addWidget(self.criteriaArea)

        self.draftLabel = QLabel(IntakePanel)
        self.draftLabel.setObjectName(u"draftLabel")
        self.draftLabel.setWordWrap(True)
        self.draftLabel.setMargin(6)

        self.panelLayout.addWidget(self.draftLabel)


        self.retranslateUi(IntakePanel)

        QMetaObject.connectSlotsByName(IntakePanel)
    # setupUi

    def retranslateUi(self, IntakePanel):
#if QT_CONFIG(accessibility)
        IntakePanel.setAccessibleName(QCoreApplication.translate("IntakePanel", u"Live criteria", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        IntakePanel.setAccessibleDescription(QCoreApplication.translate("IntakePanel", u"The criteria set chosen by the request, each criterion met, not met or unknown with its evidence, and links to the missing inputs", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.criteriaArea.setAccessibleName(QCoreApplication.translate("IntakePanel", u"Criteria and missing information", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

