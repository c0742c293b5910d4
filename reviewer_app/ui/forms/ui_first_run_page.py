# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstRunPage(object):
    def setupUi(self, FirstRunPage):
        if not FirstRunPage.objectName():
            FirstRunPage.setObjectName(u"FirstRunPage")
        self.firstRunLayout = QVBoxLayout(FirstRunPage)
        self.firstRunLayout.setSpacing(14)
        self.firstRunLayout.setObjectName(u"firstRunLayout")
        self.firstRunLayout.setContentsMargins(24, 24, 24, 24)
        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.firstRunLayout.addItem(self.topSpacer)

        self.titleLabel = QLabel(FirstRunPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.firstRunLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(FirstRunPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.introLabel.setWordWrap(True)

        self.firstRunLayout.addWidget(self.introLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.leftSpacer)

        self.choices = QVBoxLayout()
        self.choices.setSpacing(6)
        self.choices.setObjectName(u"choices")
        self.newButton = QPushButton(FirstRunPage)
        self.newButton.setObjectName(u"newButton")
        self.newButton.setMinimumSize(QSize(0, 44))

        self.choices.addWidget(self.newButton)

        self.newHint = QLabel(FirstRunPage)
        self.newHint.setObjectName(u"newHint")
        self.newHint.setWordWrap(True)

        self.choices.addWidget(self.newHint)

        self.importButton = QPushButton(FirstRunPage)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setMinimumSize(QSize(0, 44))

        self.choices.addWidget(self.importButton)

        self.importHint = QLabel(FirstRunPage)
        self.importHint.setObjectName(u"importHint")
        self.importHint.setWordWrap(True)

        self.choices.addWidget(self.importHint)

        self.openButton = QPushButton(FirstRunPage)
        self.openButton.setObjectName(u"openButton")
        self.openButton.setMinimumSize(QSize(0, 44))

        self.choices.addWidget(self.openButton)

        self.openHint = QLabel(FirstRunPage)
        self.openHint.setObjectName(u"openHint")
        self.openHint.setWordWrap(True)

        self.choices.addWidget(self.openHint)


        self.buttonRow.addLayout(self.choices)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.rightSpacer)


        self.firstRunLayout.addLayout(self.buttonRow)

        self.databaseLabel = QLabel(FirstRunPage)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.firstRunLayout.addWidget(self.databaseLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.firstRunLayout.addItem(self.bottomSpacer)

        QWidget.setTabOrder(self.newButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.openButton)

        self.retranslateUi(FirstRunPage)

        QMetaObject.connectSlotsByName(FirstRunPage)
    # setupUi

    def retranslateUi(self, FirstRunPage):
        self.titleLabel.setText(QCoreApplication.translate("FirstRunPage", u"No cases yet", None))
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("FirstRunPage", u"No cases yet", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("FirstRunPage", u"This case database is empty. Start a review in one of three ways:", None))
        self.newButton.setText(QCoreApplication.translate("FirstRunPage", u"&New case\u2026  (Ctrl+N)", None))
#if QT_CONFIG(accessibility)
        self.newButton.setAccessibleName(QCoreApplication.translate("FirstRunPage", u"New case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.newButton.setAccessibleDescription(QCoreApplication.translate("FirstRunPage", u"Type a new request in, step by step", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("FirstRunPage", u"Type a new request in, step by step", None))
#endif // QT_CONFIG(tooltip)
        self.newHint.setText(QCoreApplication.translate("FirstRunPage", u"Enter a request that came by fax, phone or portal.", None))
        self.importButton.setText(QCoreApplication.translate("FirstRunPage", u"&Import case files\u2026  (Ctrl+I)", None))
#if QT_CONFIG(accessibility)
        self.importButton.setAccessibleName(QCoreApplication.translate("FirstRunPage", u"Import case files", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.importButton.setAccessibleDescription(QCoreApplication.translate("FirstRunPage", u"Store one or more ur-case/1 files as draft cases, all of them or none", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("FirstRunPage", u"Store one or more ur-case/1 files as draft cases, all of them or none", None))
#endif // QT_CONFIG(tooltip)
        self.importHint.setText(QCoreApplication.translate("FirstRunPage", u"Store a batch of ur-case/1 files as drafts; if any file is invalid, none is stored and each problem is listed.", None))
        self.openButton.setText(QCoreApplication.translate("FirstRunPage", u"&Open a case file\u2026  (Ctrl+O)", None))
#if QT_CONFIG(accessibility)
        self.openButton.setAccessibleName(QCoreApplication.translate("FirstRunPage", u"Open a case file", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.openButton.setAccessibleDescription(QCoreApplication.translate("FirstRunPage", u"Store one ur-case/1 file as a draft and show its determination", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("FirstRunPage", u"Store one ur-case/1 file as a draft and show its determination", None))
#endif // QT_CONFIG(tooltip)
        self.openHint.setText(QCoreApplication.translate("FirstRunPage", u"Store one file and see straight away whether it meets criteria. You can also drop a file on this window.", None))
#if QT_CONFIG(accessibility)
        self.databaseLabel.setAccessibleName(QCoreApplication.translate("FirstRunPage", u"Case database", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

