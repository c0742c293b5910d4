# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'queue_filter_bar.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_QueueFilterBar(object):
    def setupUi(self, QueueFilterBar):
        if not QueueFilterBar.objectName():
            QueueFilterBar.setObjectName(u"QueueFilterBar")
        self.filterLayout = QVBoxLayout(QueueFilterBar)
        self.filterLayout.setSpacing(6)
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterLayout.setContentsMargins(8, 8, 8, 8)
        self.searchRow = QHBoxLayout()
        self.searchRow.setSpacing(10)
        self.searchRow.setObjectName(u"searchRow")
        self.searchLabel = QLabel(QueueFilterBar)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchRow.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(QueueFilterBar)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(220, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.overdueCheck = QCheckBox(QueueFilterBar)
        self.overdueCheck.setObjectName(u"overdueCheck")

        self.searchRow.addWidget(self.overdueCheck)

        self.dueTodayCheck = QCheckBox(QueueFilterBar)
        self.dueTodayCheck.setObjectName(u"dueTodayCheck")

        self.searchRow.addWidget(self.dueTodayCheck)

        self.mineCheck = QCheckBox(QueueFilterBar)
        self.mineCheck.setObjectName(u"mineCheck")

        self.searchRow.addWidget(self.mineCheck)


        self.filterLayout.addLayout(self.searchRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setSpacing(10)
        self.filterRow.setObjectName(u"filterRow")
        self.statusLabel = QLabel(QueueFilterBar)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filterRow.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(QueueFilterBar)
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.addItem("")
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterRow.addWidget(self.statusCombo)

        self.urgencyLabel = QLabel(QueueFilterBar)
        self.urgencyLabel.setObjectName(u"urgencyLabel")

        self.filterRow.addWidget(self.urgencyLabel)

        self.urgencyCombo = QComboBox(QueueFilterBar)
        self.urgencyCombo.addItem("")
        self.urgencyCombo.addItem("")
        self.urgencyCombo.addItem("")
        self.urgencyCombo.setObjectName(u"urgencyCombo")
        self.urgencyCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterRow.addWidget(self.urgencyCombo)

        self.lineLabel = QLabel(QueueFilterBar)
        self.lineLabel.setObjectName(u"lineLabel")

        self.filterRow.addWidget(self.lineLabel)

        self.lineCombo = QComboBox(QueueFilterBar)
        self.lineCombo.addItem("")
        self.lineCombo.addItem("")
        self.lineCombo.addItem("")
        self.lineCombo.addItem("")
        self.lineCombo.setObjectName(u"lineCombo")
        self.lineCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterRow.addWidget(self.lineCombo)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.resetButton = QPushButton(QueueFilterBar)
        self.resetButton.setObjectName(u"resetButton")

        self.filterRow.addWidget(self.resetButton)


        self.filterLayout.addLayout(self.filterRow)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.urgencyLabel.setBuddy(self.urgencyCombo)
        self.lineLabel.setBuddy(self.lineCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.overdueCheck)
        QWidget.setTabOrder(self.overdueCheck, self.dueTodayCheck)
        QWidget.setTabOrder(self.dueTodayCheck, self.mineCheck)
        QWidget.setTabOrder(self.mineCheck, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.urgencyCombo)
        QWidget.setTabOrder(self.urgencyCombo, self.lineCombo)
        QWidget.setTabOrder(self.lineCombo, self.resetButton)

        self.retranslateUi(QueueFilterBar)

        QMetaObject.connectSlotsByName(QueueFilterBar)
    # setupUi

    def retranslateUi(self, QueueFilterBar):
        self.searchLabel.setText(QCoreApplication.translate("QueueFilterBar", u"Fin&d:", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("QueueFilterBar", u"Member name or ID, request number, code, words of the notes", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("QueueFilterBar", u"Search cases", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleDescription(QCoreApplication.translate("QueueFilterBar", u"Finds cases as you type: every word must start a word of the member's name or ID, the request number, a code or the notes. Results come newest case first.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("QueueFilterBar", u"Search as you type (Ctrl+F). Every word must start a word of the case. Esc clears it.", None))
#endif // QT_CONFIG(tooltip)
        self.overdueCheck.setText(QCoreApplication.translate("QueueFilterBar", u"&Overdue", None))
#if QT_CONFIG(accessibility)
        self.overdueCheck.setAccessibleName(QCoreApplication.translate("QueueFilterBar", u"Overdue", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.overdueCheck.setAccessibleDescription(QCoreApplication.translate("QueueFilterBar", u"Only open cases past their decision deadline (with Due today: both)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.overdueCheck.setToolTip(QCoreApplication.translate("QueueFilterBar", u"Only open cases past their decision deadline (with Due today: both)", None))
#endif // QT_CONFIG(tooltip)
        self.dueTodayCheck.setText(QCoreApplication.translate("QueueFilterBar", u"Due &today", None))
#if QT_CONFIG(accessibility)
        self.dueTodayCheck.setAccessibleName(QCoreApplication.translate("QueueFilterBar", u"Due today", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dueTodayCheck.setAccessibleDescription(QCoreApplication.translate("QueueFilterBar", u"Only open cases due between now and midnight (with Overdue: both)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.dueTodayCheck.setToolTip(QCoreApplication.translate("QueueFilterBar", u"Only open cases due between now and midnight (with Overdue: both)", None))
#endif // QT_CONFIG(tooltip)
        self.mineCheck.setText(QCoreApplication.translate("QueueFilterBar", u"Assigned to &me", None))
#if QT_CONFIG(accessibility)
        self.mineCheck.setAccessibleName(QCoreApplication.translate("QueueFilterBar", u"Assigned to me", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.mineCheck.setAccessibleDescription(QCoreApplication.translate("QueueFilterBar", u"Only the cases assigned to you, the signed-in reviewer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.mineCheck.setToolTip(QCoreApplication.translate("QueueFilterBar", u"Only the cases assigned to you, the signed-in reviewer", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText(QCoreApplication.translate("QueueFilterBar", u"&Status:", None))
        self.statusCombo.setItemText(0, QCoreApplication.translate("QueueFilterBar", u"Open (not decided)", None))
        self.statusCombo.setItemText(1, QCoreApplication.translate("QueueFilterBar", u"All statuses", None))
        self.statusCombo.setItemText(2, QCoreApplication.translate("QueueFilterBar", u"Draft", None))
        self.statusCombo.setItemText(3, QCoreApplication.translate("QueueFilterBar", u"In review", None))
        self.statusCombo.setItemText(4, QCoreApplication.translate("QueueFilterBar", u"Pended", None))
        self.statusCombo.setItemText(5, QCoreApplication.translate("QueueFilterBar", u"Referred to a physician", None))
        self.statusCombo.setItemText(6, QCoreApplication.translate("QueueFilterBar", u"Approved", None))
        self.statusCombo.setItemText(7, QCoreApplication.translate("QueueFilterBar", u"Partially approved", None))
        self.statusCombo.setItemText(8, QCoreApplication.translate("QueueFilterBar", u"Denied", None))
        self.statusCombo.setItemText(9, QCoreApplication.translate("QueueFilterBar", u"Letter issued", None))

#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("QueueFilterBar", u"Status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleDescription(QCoreApplication.translate("QueueFilterBar", u"Which cases to list by where they are in review", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.statusCombo.setToolTip(QCoreApplication.translate("QueueFilterBar", u"Which cases to list by where they are in review", None))
#endif // QT_CONFIG(tooltip)
        self.urgencyLabel.setText(QCoreApplication.translate("QueueFilterBar", u"&Urgency:", None))
        self.urgencyCombo.setItemText(0, QCoreApplication.translate("QueueFilterBar", u"Any", None))
        self.urgencyCombo.setItemText(1, QCoreApplication.translate("QueueFilterBar", u"Expedited", None))
        self.urgencyCombo.setItemText(2, QCoreApplication.translate("QueueFilterBar", u"Standard", None))

#if QT_CONFIG(accessibility)
        self.urgencyCombo.setAccessibleName(QCoreApplication.translate("QueueFilterBar", u"Urgency", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.urgencyCombo.setAccessibleDescription(QCoreApplication.translate("QueueFilterBar", u"Expedited (72 hours) or standard requests", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.urgencyCombo.setToolTip(QCoreApplication.translate("QueueFilterBar", u"Expedited (72 hours) or standard requests", None))
#endif // QT_CONFIG(tooltip)
        self.lineLabel.setText(QCoreApplication.translate("QueueFilterBar", u"&Line of business:", None))
        self.lineCombo.setItemText(0, QCoreApplication.translate("QueueFilterBar", u"Any", None))
        self.lineCombo.setItemText(1, QCoreApplication.translate("QueueFilterBar", u"Commercial", None))
        self.lineCombo.setItemText(2, QCoreApplication.translate("QueueFilterBar", u"Medicare Advantage", None))
        self.lineCombo.setItemText(3, QCoreApplication.translate("QueueFilterBar", u"Medicaid", None))

#if QT_CONFIG(accessibility)
        self.lineCombo.setAccessibleName(QCoreApplication.translate("QueueFilterBar", u"Line of business", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.lineCombo.setAccessibleDescription(QCoreApplication.translate("QueueFilterBar", u"The member's coverage", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.lineCombo.setToolTip(QCoreApplication.translate("QueueFilterBar", u"The member's coverage", None))
#endif // QT_CONFIG(tooltip)
        self.resetButton.setText(QCoreApplication.translate("QueueFilterBar", u"&Reset filters", None))
#if QT_CONFIG(accessibility)
        self.resetButton.setAccessibleName(QCoreApplication.translate("QueueFilterBar", u"Reset filters", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.resetButton.setAccessibleDescription(QCoreApplication.translate("QueueFilterBar", u"Back to all open cases, soonest due first, with the search box cleared", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.resetButton.setToolTip(QCoreApplication.translate("QueueFilterBar", u"Back to all open cases, soonest due first (Ctrl+Shift+R)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

