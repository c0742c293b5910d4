# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decision_bar.ui'
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
    QPushButton, QSizePolicy, QToolButton, QWidget)

class Ui_DecisionBar(object):
    def setupUi(self, DecisionBar):
        if not DecisionBar.objectName():
            DecisionBar.setObjectName(u"DecisionBar")
        DecisionBar.setAutoFillBackground(True)
        DecisionBar.setFrameShape(QFrame.Shape.StyledPanel)
        self.barLayout = QHBoxLayout(DecisionBar)
        self.barLayout.setSpacing(6)
        self.barLayout.setObjectName(u"barLayout")
        self.barLayout.setContentsMargins(10, 6, 10, 6)
        self.stateLabel = QLabel(DecisionBar)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setTextFormat(Qt.TextFormat.RichText)
        self.stateLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.stateLabel.sizePolicy().hasHeightForWidth())
        self.stateLabel.setSizePolicy(sizePolicy)

        self.barLayout.addWidget(self.stateLabel)

        self.approveButton = QPushButton(DecisionBar)
        self.approveButton.setObjectName(u"approveButton")

        self.barLayout.addWidget(self.approveButton)

        self.referButton = QPushButton(DecisionBar)
        self.referButton.setObjectName(u"referButton")

        self.barLayout.addWidget(self.referButton)

        self.pendButton = QPushButton(DecisionBar)
        self.pendButton.setObjectName(u"pendButton")

        self.barLayout.addWidget(self.pendButton)

        self.denyButton = QPushButton(DecisionBar)
        self.denyButton.setObjectName(u"denyButton")

        self.barLayout.addWidget(self.denyButton)

        self.partialButton = QPushButton(DecisionBar)
        self.partialButton.setObjectName(u"partialButton")

        self.barLayout.addWidget(self.partialButton)

        self.separator = QFrame(DecisionBar)
        self.separator.setObjectName(u"separator")
        self.separator.setFrameShape(QFrame.Shape.VLine)
        self.separator.setFrameShadow(QFrame.Shadow.Sunken)

        self.barLayout.addWidget(self.separator)

        self.letterButton = QPushButton(DecisionBar)
        self.letterButton.setObjectName(u"letterButton")

        self.barLayout.addWidget(self.letterButton)

        self.exportButton = QToolButton(DecisionBar)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setStyleSheet(u"QToolButton::menu-indicator { image: none; width: 0px; }")
        self.exportButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.exportButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.barLayout.addWidget(self.exportButton)

        self.p2pButton = QPushButton(DecisionBar)
        self.p2pButton.setObjectName(u"p2pButton")

        self.barLayout.addWidget(self.p2pButton)


        self.retranslateUi(DecisionBar)

        QMetaObject.connectSlotsByName(DecisionBar)
    # setupUi

    def retranslateUi(self, DecisionBar):
#if QT_CONFIG(accessibility)
        DecisionBar.setAccessibleName(QCoreApplication.translate("DecisionBar", u"Decision", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        DecisionBar.setAccessibleDescription(QCoreApplication.translate("DecisionBar", u"What the signed-in reviewer may decide on this case; a button that is off says why in its tooltip", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.stateLabel.setAccessibleName(QCoreApplication.translate("DecisionBar", u"Decision state", None))
#endif // QT_CONFIG(accessibility)
        self.approveButton.setText(QCoreApplication.translate("DecisionBar", u"&Approve\u2026", None))
        self.referButton.setText(QCoreApplication.translate("DecisionBar", u"Re&fer\u2026", None))
        self.pendButton.setText(QCoreApplication.translate("DecisionBar", u"&Pend\u2026", None))
        self.denyButton.setText(QCoreApplication.translate("DecisionBar", u"&Deny\u2026", None))
        self.partialButton.setText(QCoreApplication.translate("DecisionBar", u"Partia&l approval\u2026", None))
        self.letterButton.setText(QCoreApplication.translate("DecisionBar", u"Letter\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("DecisionBar", u"Export \u25be", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("DecisionBar", u"Write the case file, the FHIR response or the FHIR request Bundle to a file", None))
#endif // QT_CONFIG(tooltip)
        self.p2pButton.setText(QCoreApplication.translate("DecisionBar", u"Peer-to-peer\u2026", None))
    # retranslateUi

