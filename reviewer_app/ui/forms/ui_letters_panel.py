# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letters_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_LettersPanel(object):
    def setupUi(self, LettersPanel):
        if not LettersPanel.objectName():
            LettersPanel.setObjectName(u"LettersPanel")
        self.rootLayout = QVBoxLayout(LettersPanel)
        self.rootLayout.setObjectName(u"rootLayout")
        self.decisionsLabel = QLabel(LettersPanel)
        self.decisionsLabel.setObjectName(u"decisionsLabel")
        self.decisionsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.decisionsLabel.setWordWrap(True)
        self.decisionsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rootLayout.addWidget(self.decisionsLabel)

        self.lettersTitle = QLabel(LettersPanel)
        self.lettersTitle.setObjectName(u"lettersTitle")

        self.rootLayout.addWidget(self.lettersTitle)

        self.lettersTable = QTableWidget(LettersPanel)
        self.lettersTable.setObjectName(u"lettersTable")
        self.lettersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lettersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lettersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.rootLayout.addWidget(self.lettersTable)

        self.letterButtons = QHBoxLayout()
        self.letterButtons.setObjectName(u"letterButtons")
        self.openButton = QPushButton(LettersPanel)
        self.openButton.setObjectName(u"openButton")

        self.letterButtons.addWidget(self.openButton)

        self.verifyButton = QPushButton(LettersPanel)
        self.verifyButton.setObjectName(u"verifyButton")

        self.letterButtons.addWidget(self.verifyButton)

        self.correctButton = QPushButton(LettersPanel)
        self.correctButton.setObjectName(u"correctButton")

        self.letterButtons.addWidget(self.correctButton)

        self.letterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.letterButtons.addItem(self.letterSpacer)


        self.rootLayout.addLayout(self.letterButtons)

        self.p2pTitle = QLabel(LettersPanel)
        self.p2pTitle.setObjectName(u"p2pTitle")

        self.rootLayout.addWidget(self.p2pTitle)

        self.p2pTable = QTableWidget(LettersPanel)
        self.p2pTable.setObjectName(u"p2pTable")
        self.p2pTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.p2pTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.p2pTable.setWordWrap(True)

        self.rootLayout.addWidget(self.p2pTable)

#if QT_CONFIG(shortcut)
        self.lettersTitle.setBuddy(self.lettersTable)
        self.p2pTitle.setBuddy(self.p2pTable)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LettersPanel)

        QMetaObject.connectSlotsByName(LettersPanel)
    # setupUi

    def retranslateUi(self, LettersPanel):
#if QT_CONFIG(accessibility)
        LettersPanel.setAccessibleName(QCoreApplication.translate("LettersPanel", u"Letters and peer-to-peer conversations", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.decisionsLabel.setAccessibleName(QCoreApplication.translate("LettersPanel", u"Decisions", None))
#endif // QT_CONFIG(accessibility)
        self.lettersTitle.setText(QCoreApplication.translate("LettersPanel", u"<b>Letters</b>", None))
#if QT_CONFIG(accessibility)
        self.lettersTable.setAccessibleName(QCoreApplication.translate("LettersPanel", u"Issued letters", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.lettersTable.setAccessibleDescription(QCoreApplication.translate("LettersPanel", u"Each letter of the case with its signature check; Enter opens the selected one", None))
#endif // QT_CONFIG(accessibility)
        self.openButton.setText(QCoreApplication.translate("LettersPanel", u"&Open", None))
        self.verifyButton.setText(QCoreApplication.translate("LettersPanel", u"Re-&verify", None))
        self.correctButton.setText(QCoreApplication.translate("LettersPanel", u"Issue &corrected letter\u2026", None))
        self.p2pTitle.setText(QCoreApplication.translate("LettersPanel", u"<b>Peer-to-peer conversations</b>", None))
#if QT_CONFIG(accessibility)
        self.p2pTable.setAccessibleName(QCoreApplication.translate("LettersPanel", u"Peer-to-peer conversations", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

