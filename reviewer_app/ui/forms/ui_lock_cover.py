# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lock_cover.ui'
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
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_LockCover(object):
    def setupUi(self, LockCover):
        if not LockCover.objectName():
            LockCover.setObjectName(u"LockCover")
        LockCover.setAutoFillBackground(True)
        self.coverLayout = QVBoxLayout(LockCover)
        self.coverLayout.setObjectName(u"coverLayout")
        self.coverLayout.setContentsMargins(24, 24, 24, 24)
        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.coverLayout.addItem(self.topSpacer)

        self.centreRow = QHBoxLayout()
        self.centreRow.setObjectName(u"centreRow")
        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centreRow.addItem(self.leftSpacer)

        self.panel = QFrame(LockCover)
        self.panel.setObjectName(u"panel")
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.panel.sizePolicy().hasHeightForWidth())
        self.panel.setSizePolicy(sizePolicy)
        self.panelLayout = QVBoxLayout(self.panel)
        self.panelLayout.setSpacing(10)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(24, 24, 24, 24)
        self.titleLabel = QLabel(self.panel)
        self.titleLabel.setObjectName(u"titleLabel")

        self.panelLayout.addWidget(self.titleLabel)

        self.messageLabel = QLabel(self.panel)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.messageLabel)

        self.passphraseLabel = QLabel(self.panel)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.panelLayout.addWidget(self.passphraseLabel)

        self.passphraseEdit = QLineEdit(self.panel)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.panelLayout.addWidget(self.passphraseEdit)

        self.errorLabel = QLabel(self.panel)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.panelLayout.addWidget(self.errorLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setSpacing(8)
        self.buttonRow.setObjectName(u"buttonRow")
        self.unlockButton = QPushButton(self.panel)
        self.unlockButton.setObjectName(u"unlockButton")

        self.buttonRow.addWidget(self.unlockButton)

        self.signInButton = QPushButton(self.panel)
        self.signInButton.setObjectName(u"signInButton")

        self.buttonRow.addWidget(self.signInButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.switchButton = QPushButton(self.panel)
        self.switchButton.setObjectName(u"switchButton")

        self.buttonRow.addWidget(self.switchButton)

        self.signOutButton = QPushButton(self.panel)
        self.signOutButton.setObjectName(u"signOutButton")

        self.buttonRow.addWidget(self.signOutButton)

        self.quitButton = QPushButton(self.panel)
        self.quitButton.setObjectName(u"quitButton")

        self.buttonRow.addWidget(self.quitButton)


        self.panelLayout.addLayout(self.buttonRow)


        self.centreRow.addWidget(self.panel)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centreRow.addItem(self.rightSpacer)


        self.coverLayout.addLayout(self.centreRow)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.coverLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphraseEdit, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.signInButton)
        QWidget.setTabOrder(self.signInButton, self.switchButton)
        QWidget.setTabOrder(self.switchButton, self.signOutButton)
        QWidget.setTabOrder(self.signOutButton, self.quitButton)

        self.retranslateUi(LockCover)

        QMetaObject.connectSlotsByName(LockCover)
    # setupUi

    def retranslateUi(self, LockCover):
#if QT_CONFIG(accessibility)
        LockCover.setAccessibleName(QCoreApplication.translate("LockCover", u"Lock screen", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        LockCover.setAccessibleDescription(QCoreApplication.translate("LockCover", u"Patient information is hidden until the passphrase is entered", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.panel.setAccessibleName(QCoreApplication.translate("LockCover", u"Locked", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("LockCover", u"Locked", None))
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("LockCover", u"Lock screen title", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("LockCover", u"What is hidden and why", None))
#endif // QT_CONFIG(accessibility)
        self.passphraseLabel.setText(QCoreApplication.translate("LockCover", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("LockCover", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleDescription(QCoreApplication.translate("LockCover", u"The signed-in reviewer's passphrase: it unlocks the window", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("LockCover", u"Why the passphrase was refused", None))
#endif // QT_CONFIG(accessibility)
        self.unlockButton.setText(QCoreApplication.translate("LockCover", u"&Unlock", None))
#if QT_CONFIG(tooltip)
        self.unlockButton.setToolTip(QCoreApplication.translate("LockCover", u"Unlock with the passphrase (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.signInButton.setText(QCoreApplication.translate("LockCover", u"&Sign in\u2026", None))
#if QT_CONFIG(tooltip)
        self.signInButton.setToolTip(QCoreApplication.translate("LockCover", u"Choose a reviewer profile and sign in", None))
#endif // QT_CONFIG(tooltip)
        self.switchButton.setText(QCoreApplication.translate("LockCover", u"S&witch reviewer\u2026", None))
#if QT_CONFIG(tooltip)
        self.switchButton.setToolTip(QCoreApplication.translate("LockCover", u"Sign in as another reviewer", None))
#endif // QT_CONFIG(tooltip)
        self.signOutButton.setText(QCoreApplication.translate("LockCover", u"Sign &out", None))
#if QT_CONFIG(tooltip)
        self.signOutButton.setToolTip(QCoreApplication.translate("LockCover", u"End this reviewer's session", None))
#endif // QT_CONFIG(tooltip)
        self.quitButton.setText(QCoreApplication.translate("LockCover", u"&Quit", None))
#if QT_CONFIG(tooltip)
        self.quitButton.setToolTip(QCoreApplication.translate("LockCover", u"Close UR Reviewer", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

