# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pend_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PendDialog(object):
    def setupUi(self, PendDialog):
        if not PendDialog.objectName():
            PendDialog.setObjectName(u"PendDialog")
        PendDialog.resize(680, 680)
        self.rootLayout = QVBoxLayout(PendDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.summaryLabel = QLabel(PendDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.summaryLabel)

        self.itemsLabel = QLabel(PendDialog)
        self.itemsLabel.setObjectName(u"itemsLabel")

        self.rootLayout.addWidget(self.itemsLabel)

        self.itemsList = QListWidget(PendDialog)
        self.itemsList.setObjectName(u"itemsList")

        self.rootLayout.addWidget(self.itemsList)

        self.addedLabel = QLabel(PendDialog)
        self.addedLabel.setObjectName(u"addedLabel")

        self.rootLayout.addWidget(self.addedLabel)

        self.addLayout = QHBoxLayout()
        self.addLayout.setObjectName(u"addLayout")
        self.addEdit = QLineEdit(PendDialog)
        self.addEdit.setObjectName(u"addEdit")

        self.addLayout.addWidget(self.addEdit)

        self.addButton = QPushButton(PendDialog)
        self.addButton.setObjectName(u"addButton")

        self.addLayout.addWidget(self.addButton)


        self.rootLayout.addLayout(self.addLayout)

        self.addedLayout = QHBoxLayout()
        self.addedLayout.setObjectName(u"addedLayout")
        self.addedList = QListWidget(PendDialog)
        self.addedList.setObjectName(u"addedList")
        self.addedList.setMaximumSize(QSize(16777215, 110))

        self.addedLayout.addWidget(self.addedList)

        self.removeButton = QPushButton(PendDialog)
        self.removeButton.setObjectName(u"removeButton")

        self.addedLayout.addWidget(self.removeButton)


        self.rootLayout.addLayout(self.addedLayout)

        self.dateLayout = QHBoxLayout()
        self.dateLayout.setObjectName(u"dateLayout")
        self.neededByLabel = QLabel(PendDialog)
        self.neededByLabel.setObjectName(u"neededByLabel")

        self.dateLayout.addWidget(self.neededByLabel)

        self.neededByEdit = QDateEdit(PendDialog)
        self.neededByEdit.setObjectName(u"neededByEdit")
        self.neededByEdit.setCalendarPopup(True)

        self.dateLayout.addWidget(self.neededByEdit)

        self.deadlineLabel = QLabel(PendDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")
        self.deadlineLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.deadlineLabel.sizePolicy().hasHeightForWidth())
        self.deadlineLabel.setSizePolicy(sizePolicy)

        self.dateLayout.addWidget(self.deadlineLabel)


        self.rootLayout.addLayout(self.dateLayout)

        self.reasonBox = QWidget(PendDialog)
        self.reasonBox.setObjectName(u"reasonBox")
        self.reasonLayout = QVBoxLayout(self.reasonBox)
        self.reasonLayout.setObjectName(u"reasonLayout")
        self.reasonLayout.setContentsMargins(0, 0, 0, 0)
        self.reasonLabel = QLabel(self.reasonBox)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setWordWrap(True)

        self.reasonLayout.addWidget(self.reasonLabel)

        self.reasonCombo = QComboBox(self.reasonBox)
        self.reasonCombo.setObjectName(u"reasonCombo")

        self.reasonLayout.addWidget(self.reasonCombo)

        self.reasonProblemLabel = QLabel(self.reasonBox)
        self.reasonProblemLabel.setObjectName(u"reasonProblemLabel")
        self.reasonProblemLabel.setWordWrap(True)

        self.reasonLayout.addWidget(self.reasonProblemLabel)


        self.rootLayout.addWidget(self.reasonBox)

        self.problemLabel = QLabel(PendDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.rootLayout.addWidget(self.problemLabel)

        self.buttons = QDialogButtonBox(PendDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.itemsLabel.setBuddy(self.itemsList)
        self.addedLabel.setBuddy(self.addEdit)
        self.neededByLabel.setBuddy(self.neededByEdit)
        self.reasonLabel.setBuddy(self.reasonCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.itemsList, self.addEdit)
        QWidget.setTabOrder(self.addEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.addedList)
        QWidget.setTabOrder(self.addedList, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.neededByEdit)
        QWidget.setTabOrder(self.neededByEdit, self.reasonCombo)
        QWidget.setTabOrder(self.reasonCombo, self.buttons)

        self.retranslateUi(PendDialog)
        self.buttons.rejected.connect(PendDialog.reject)

        QMetaObject.connectSlotsByName(PendDialog)
    # setupUi

    def retranslateUi(self, PendDialog):
        PendDialog.setWindowTitle(QCoreApplication.translate("PendDialog", u"Pend for information \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        PendDialog.setAccessibleName(QCoreApplication.translate("PendDialog", u"Pend the case for information", None))
#endif // QT_CONFIG(accessibility)
        self.itemsLabel.setText(QCoreApplication.translate("PendDialog", u"&What the evaluation found missing (untick what you do not need):", None))
#if QT_CONFIG(accessibility)
        self.itemsList.setAccessibleName(QCoreApplication.translate("PendDialog", u"Missing items the evaluation lists", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.itemsList.setAccessibleDescription(QCoreApplication.translate("PendDialog", u"Ticked items are asked for in the letter", None))
#endif // QT_CONFIG(accessibility)
        self.addedLabel.setText(QCoreApplication.translate("PendDialog", u"Also &ask for, in your own words:", None))
#if QT_CONFIG(accessibility)
        self.addEdit.setAccessibleName(QCoreApplication.translate("PendDialog", u"Another item to ask for", None))
#endif // QT_CONFIG(accessibility)
        self.addEdit.setPlaceholderText(QCoreApplication.translate("PendDialog", u"e.g. The operative plan with the planned levels", None))
        self.addButton.setText(QCoreApplication.translate("PendDialog", u"A&dd", None))
#if QT_CONFIG(accessibility)
        self.addedList.setAccessibleName(QCoreApplication.translate("PendDialog", u"Your own items", None))
#endif // QT_CONFIG(accessibility)
        self.removeButton.setText(QCoreApplication.translate("PendDialog", u"&Remove", None))
        self.neededByLabel.setText(QCoreApplication.translate("PendDialog", u"&Needed by:", None))
#if QT_CONFIG(accessibility)
        self.neededByEdit.setAccessibleName(QCoreApplication.translate("PendDialog", u"Date the information is needed by", None))
#endif // QT_CONFIG(accessibility)
        self.neededByEdit.setDisplayFormat(QCoreApplication.translate("PendDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(accessibility)
        self.deadlineLabel.setAccessibleName(QCoreApplication.translate("PendDialog", u"The decision deadline", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("PendDialog", u"&Why the decision needs more time (the letters tell the member and the provider):", None))
#if QT_CONFIG(accessibility)
        self.reasonCombo.setAccessibleName(QCoreApplication.translate("PendDialog", u"Reason for extending the decision deadline", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reasonProblemLabel.setAccessibleName(QCoreApplication.translate("PendDialog", u"What is wrong with the reason", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleName(QCoreApplication.translate("PendDialog", u"What is wrong", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

