# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSplitter, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

from reviewer_app.ui.case.case_header import CaseHeader
from reviewer_app.ui.case.decision_bar import DecisionBar
from reviewer_app.ui.case.determination_view import DeterminationView
from reviewer_app.ui.letters.panel import LettersPanel

class Ui_CaseView(object):
    def setupUi(self, CaseView):
        if not CaseView.objectName():
            CaseView.setObjectName(u"CaseView")
        CaseView.resize(1280, 780)
        self.rootLayout = QVBoxLayout(CaseView)
        self.rootLayout.setSpacing(6)
        self.rootLayout.setObjectName(u"rootLayout")
        self.rootLayout.setContentsMargins(12, 10, 12, 6)
        self.caseHeader = CaseHeader(CaseView)
        self.caseHeader.setObjectName(u"caseHeader")

        self.rootLayout.addWidget(self.caseHeader)

        self.decisionBar = DecisionBar(CaseView)
        self.decisionBar.setObjectName(u"decisionBar")

        self.rootLayout.addWidget(self.decisionBar)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setSpacing(12)
        self.actionLayout.setObjectName(u"actionLayout")
        self.versionLabel = QLabel(CaseView)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setTextFormat(Qt.TextFormat.RichText)
        self.versionLabel.setWordWrap(True)
        self.versionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.actionLayout.addWidget(self.versionLabel)

        self.assignButton = QPushButton(CaseView)
        self.assignButton.setObjectName(u"assignButton")

        self.actionLayout.addWidget(self.assignButton)

        self.editButton = QPushButton(CaseView)
        self.editButton.setObjectName(u"editButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.editButton.sizePolicy().hasHeightForWidth())
        self.editButton.setSizePolicy(sizePolicy)

        self.actionLayout.addWidget(self.editButton)

        self.actionLayout.setStretch(0, 1)

        self.rootLayout.addLayout(self.actionLayout)

        self.tabs = QTabWidget(CaseView)
        self.tabs.setObjectName(u"tabs")
        self.overviewTab = QWidget()
        self.overviewTab.setObjectName(u"overviewTab")
        self.overviewLayout = QVBoxLayout(self.overviewTab)
        self.overviewLayout.setObjectName(u"overviewLayout")
        self.overviewLayout.setContentsMargins(0, 0, 0, 0)
        self.determinationView = DeterminationView(self.overviewTab)
        self.determinationView.setObjectName(u"determinationView")

        self.overviewLayout.addWidget(self.determinationView)

        self.tabs.addTab(self.overviewTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setSpacing(6)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyLayout.setContentsMargins(8, 8, 8, 4)
        self.historyIntro = QLabel(self.historyTab)
        self.historyIntro.setObjectName(u"historyIntro")
        self.historyIntro.setTextFormat(Qt.TextFormat.RichText)
        self.historyIntro.setWordWrap(True)
        self.historyIntro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.historyLayout.addWidget(self.historyIntro)

        self.historySplitter = QSplitter(self.historyTab)
        self.historySplitter.setObjectName(u"historySplitter")
        self.historySplitter.setOrientation(Qt.Orientation.Vertical)
        self.historySplitter.setChildrenCollapsible(False)
        self.versionsTable = QTableView(self.historySplitter)
        self.versionsTable.setObjectName(u"versionsTable")
        self.versionsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versionsTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.versionsTable.setWordWrap(True)
        self.versionsTable.setTabKeyNavigation(False)
        self.historySplitter.addWidget(self.versionsTable)
        self.versionsTable.horizontalHeader().setHighlightSections(False)
        self.versionsTable.horizontalHeader().setStretchLastSection(True)
        self.versionsTable.verticalHeader().setVisible(False)
        self.changesPanel = QWidget(self.historySplitter)
        self.changesPanel.setObjectName(u"changesPanel")
        self.changesLayout = QVBoxLayout(self.changesPanel)
        self.changesLayout.setSpacing(4)
        self.changesLayout.setObjectName(u"changesLayout")
        self.changesLayout.setContentsMargins(0, 6, 0, 0)
        self.changesTitleLayout = QHBoxLayout()
        self.changesTitleLayout.setObjectName(u"changesTitleLayout")
        self.changesTitle = QLabel(self.changesPanel)
        self.changesTitle.setObjectName(u"changesTitle")
        self.changesTitle.setTextFormat(Qt.TextFormat.RichText)
        self.changesTitle.setWordWrap(True)
        self.changesTitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.changesTitleLayout.addWidget(self.changesTitle)

        self.viewVersionButton = QPushButton(self.changesPanel)
        self.viewVersionButton.setObjectName(u"viewVersionButton")
        sizePolicy.setHeightForWidth(self.viewVersionButton.sizePolicy().hasHeightForWidth())
        self.viewVersionButton.setSizePolicy(sizePolicy)

        self.changesTitleLayout.addWidget(self.viewVersionButton)

        self.changesTitleLayout.setStretch(0, 1)

        self.changesLayout.addLayout(self.changesTitleLayout)

        self.changesTable = QTableView(self.changesPanel)
        self.changesTable.setObjectName(u"changesTable")
        self.changesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.changesTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.changesTable.setWordWrap(True)
        self.changesTable.setTabKeyNavigation(False)
        self.changesTable.horizontalHeader().setHighlightSections(False)
        self.changesTable.horizontalHeader().setStretchLastSection(True)
        self.changesTable.verticalHeader().setVisible(False)

        self.changesLayout.addWidget(self.changesTable)

        self.historySplitter.addWidget(self.changesPanel)

        self.historyLayout.addWidget(self.historySplitter)

        self.tabs.addTab(self.historyTab, "")
        self.auditTab = QWidget()
        self.auditTab.setObjectName(u"auditTab")
        self.auditLayout = QVBoxLayout(self.auditTab)
        self.auditLayout.setSpacing(6)
        self.auditLayout.setObjectName(u"auditLayout")
        self.auditLayout.setContentsMargins(8, 8, 8, 4)
        self.checkBox = QFrame(self.auditTab)
        self.checkBox.setObjectName(u"checkBox")
        self.checkBox.setAutoFillBackground(True)
        self.checkBox.setFrameShape(QFrame.Shape.StyledPanel)
        self.checkLayout = QHBoxLayout(self.checkBox)
        self.checkLayout.setSpacing(10)
        self.checkLayout.setObjectName(u"checkLayout")
        self.checkLayout.setContentsMargins(10, 8, 10, 8)
        self.checkIcon = QLabel(self.checkBox)
        self.checkIcon.setObjectName(u"checkIcon")
        self.checkIcon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.checkLayout.addWidget(self.checkIcon)

        self.checkLabel = QLabel(self.checkBox)
        self.checkLabel.setObjectName(u"checkLabel")
        self.checkLabel.setTextFormat(Qt.TextFormat.RichText)
        self.checkLabel.setWordWrap(True)
        self.checkLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.checkLayout.addWidget(self.checkLabel)

        self.checkLayout.setStretch(1, 1)

        self.auditLayout.addWidget(self.checkBox)

        self.auditTable = QTableView(self.auditTab)
        self.auditTable.setObjectName(u"auditTable")
        self.auditTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.auditTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.auditTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.auditTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.auditTable.setWordWrap(True)
        self.auditTable.setTabKeyNavigation(False)
        self.auditTable.horizontalHeader().setHighlightSections(False)
        self.auditTable.horizontalHeader().setStretchLastSection(True)
        self.auditTable.verticalHeader().setVisible(False)

        self.auditLayout.addWidget(self.auditTable)

        self.tabs.addTab(self.auditTab, "")
        self.lettersTab = QWidget()
        self.lettersTab.setObjectName(u"lettersTab")
        self.lettersLayout = QVBoxLayout(self.lettersTab)
        self.lettersLayout.setObjectName(u"lettersLayout")
        self.lettersPanel = LettersPanel(self.lettersTab)
        self.lettersPanel.setObjectName(u"lettersPanel")

        self.lettersLayout.addWidget(self.lettersPanel)

        self.tabs.addTab(self.lettersTab, "")

        self.rootLayout.addWidget(self.tabs)

        QWidget.setTabOrder(self.assignButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.tabs)
        QWidget.setTabOrder(self.tabs, self.versionsTable)
        QWidget.setTabOrder(self.versionsTable, self.viewVersionButton)
        QWidget.setTabOrder(self.viewVersionButton, self.changesTable)
        QWidget.setTabOrder(self.changesTable, self.auditTable)

        self.retranslateUi(CaseView)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(CaseView)
    # setupUi

    def retranslateUi(self, CaseView):
#if QT_CONFIG(accessibility)
        CaseView.setAccessibleName(QCoreApplication.translate("CaseView", u"Case view", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        CaseView.setAccessibleDescription(QCoreApplication.translate("CaseView", u"One stored case: its header, determination, history of versions and audit entries", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseHeader.setAccessibleName(QCoreApplication.translate("CaseView", u"Case header", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseHeader.setAccessibleDescription(QCoreApplication.translate("CaseView", u"Member, request, status and the decision deadline", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.decisionBar.setAccessibleName(QCoreApplication.translate("CaseView", u"Decision", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.versionLabel.setAccessibleName(QCoreApplication.translate("CaseView", u"Version and audit state", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.versionLabel.setAccessibleDescription("")
#endif // QT_CONFIG(accessibility)
        self.assignButton.setText(QCoreApplication.translate("CaseView", u"A&ssign\u2026", None))
#if QT_CONFIG(tooltip)
        self.assignButton.setToolTip(QCoreApplication.translate("CaseView", u"Give this case to a reviewer (a pended case goes back into review)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.assignButton.setAccessibleName(QCoreApplication.translate("CaseView", u"Assign the case", None))
#endif // QT_CONFIG(accessibility)
        self.editButton.setText(QCoreApplication.translate("CaseView", u"&Edit request\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("CaseView", u"Open this stored case in the intake wizard; saving it makes a new version (Ctrl+E)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.editButton.setAccessibleName(QCoreApplication.translate("CaseView", u"Edit request", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.editButton.setAccessibleDescription(QCoreApplication.translate("CaseView", u"Open this stored case in the intake wizard; saving it makes a new version. Shortcut Ctrl+E", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("CaseView", u"Case sections", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleDescription(QCoreApplication.translate("CaseView", u"Overview, history of versions and audit entries; Ctrl+1, Ctrl+2 and Ctrl+3 switch between them", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.determinationView.setAccessibleName(QCoreApplication.translate("CaseView", u"Determination", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.determinationView.setAccessibleDescription(QCoreApplication.translate("CaseView", u"Outcome, scores, criteria, missing information, rationale and references", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.overviewTab), QCoreApplication.translate("CaseView", u"Overview", None))
#if QT_CONFIG(tooltip)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.overviewTab), QCoreApplication.translate("CaseView", u"The latest determination (Ctrl+1)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.historyIntro.setAccessibleName(QCoreApplication.translate("CaseView", u"About the history", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historyIntro.setAccessibleDescription("")
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historySplitter.setAccessibleName(QCoreApplication.translate("CaseView", u"History panes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historySplitter.setAccessibleDescription(QCoreApplication.translate("CaseView", u"Versions above, what changed in the selected version below", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.versionsTable.setAccessibleName(QCoreApplication.translate("CaseView", u"Versions of the request", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.versionsTable.setAccessibleDescription(QCoreApplication.translate("CaseView", u"One row per stored version of the request document; Enter or double-click opens the version read-only", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.changesTitle.setAccessibleName(QCoreApplication.translate("CaseView", u"What changed in the selected version", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.changesTitle.setAccessibleDescription("")
#endif // QT_CONFIG(accessibility)
        self.viewVersionButton.setText(QCoreApplication.translate("CaseView", u"&View this version\u2026", None))
#if QT_CONFIG(tooltip)
        self.viewVersionButton.setToolTip(QCoreApplication.translate("CaseView", u"Show the selected version's request and the determination it got, read-only (Enter)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.viewVersionButton.setAccessibleName(QCoreApplication.translate("CaseView", u"View this version", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.viewVersionButton.setAccessibleDescription(QCoreApplication.translate("CaseView", u"Show the selected version's request and the determination it got, read-only", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.changesTable.setAccessibleName(QCoreApplication.translate("CaseView", u"Changes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.changesTable.setAccessibleDescription(QCoreApplication.translate("CaseView", u"Each field that differs from the version before, with its earlier and later value", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("CaseView", u"History", None))
#if QT_CONFIG(tooltip)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("CaseView", u"Every version of the request and what changed (Ctrl+2)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.checkBox.setAccessibleName(QCoreApplication.translate("CaseView", u"Audit check", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.checkBox.setAccessibleDescription(QCoreApplication.translate("CaseView", u"Whether this case's audit entries and records are intact", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.checkLabel.setAccessibleName(QCoreApplication.translate("CaseView", u"Audit check result", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.checkLabel.setAccessibleDescription("")
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.auditTable.setAccessibleName(QCoreApplication.translate("CaseView", u"Audit entries", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.auditTable.setAccessibleDescription(QCoreApplication.translate("CaseView", u"This case's audit entries, newest first: when, who, what and details; entries that fail the check are marked", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.auditTab), QCoreApplication.translate("CaseView", u"Audit", None))
#if QT_CONFIG(tooltip)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.auditTab), QCoreApplication.translate("CaseView", u"Who did what to this case, and whether the record is intact (Ctrl+3)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.lettersPanel.setAccessibleName(QCoreApplication.translate("CaseView", u"Letters and peer-to-peer conversations", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.lettersTab), QCoreApplication.translate("CaseView", u"Letters", None))
    # retranslateUi

