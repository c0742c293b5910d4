# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'determination_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGroupBox,
    QHeaderView, QLabel, QScrollArea, QSizePolicy,
    QSpacerItem, QSplitter, QTextBrowser, QVBoxLayout,
    QWidget)

from reviewer_app.ui.widgets.criteria_table import CriteriaTable
from reviewer_app.ui.widgets.outcome_banner import OutcomeBanner
from reviewer_app.ui.widgets.scores_panel import ScoresPanel

class Ui_DeterminationView(object):
    def setupUi(self, DeterminationView):
        if not DeterminationView.objectName():
            DeterminationView.setObjectName(u"DeterminationView")
        DeterminationView.resize(1280, 760)
        self.rootLayout = QVBoxLayout(DeterminationView)
        self.rootLayout.setSpacing(8)
        self.rootLayout.setObjectName(u"rootLayout")
        self.rootLayout.setContentsMargins(6, 8, 6, 4)
        self.outcomeBanner = OutcomeBanner(DeterminationView)
        self.outcomeBanner.setObjectName(u"outcomeBanner")

        self.rootLayout.addWidget(self.outcomeBanner)

        self.bodySplitter = QSplitter(DeterminationView)
        self.bodySplitter.setObjectName(u"bodySplitter")
        self.bodySplitter.setOrientation(Qt.Orientation.Horizontal)
        self.bodySplitter.setChildrenCollapsible(False)
        self.sideScroll = QScrollArea(self.bodySplitter)
        self.sideScroll.setObjectName(u"sideScroll")
        self.sideScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sideScroll.setWidgetResizable(True)
        self.sidePanel = QWidget()
        self.sidePanel.setObjectName(u"sidePanel")
        self.sideLayout = QVBoxLayout(self.sidePanel)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.scoresGroup = QGroupBox(self.sidePanel)
        self.scoresGroup.setObjectName(u"scoresGroup")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.scoresGroup.sizePolicy().hasHeightForWidth())
        self.scoresGroup.setSizePolicy(sizePolicy)
        self.scoresLayout = QVBoxLayout(self.scoresGroup)
        self.scoresLayout.setObjectName(u"scoresLayout")
        self.scoresPanel = ScoresPanel(self.scoresGroup)
        self.scoresPanel.setObjectName(u"scoresPanel")

        self.scoresLayout.addWidget(self.scoresPanel)


        self.sideLayout.addWidget(self.scoresGroup)

        self.referencesGroup = QGroupBox(self.sidePanel)
        self.referencesGroup.setObjectName(u"referencesGroup")
        self.referencesLayout = QVBoxLayout(self.referencesGroup)
        self.referencesLayout.setObjectName(u"referencesLayout")
        self.referencesBrowser = QTextBrowser(self.referencesGroup)
        self.referencesBrowser.setObjectName(u"referencesBrowser")
        self.referencesBrowser.setMinimumSize(QSize(0, 80))
        self.referencesBrowser.setOpenLinks(False)

        self.referencesLayout.addWidget(self.referencesBrowser)


        self.sideLayout.addWidget(self.referencesGroup)

        self.sideLayout.setStretch(1, 1)
        self.sideScroll.setWidget(self.sidePanel)
        self.bodySplitter.addWidget(self.sideScroll)
        self.detailScroll = QScrollArea(self.bodySplitter)
        self.detailScroll.setObjectName(u"detailScroll")
        self.detailScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailScroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.detailScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detailScroll.setWidgetResizable(True)
        self.detailContents = QWidget()
        self.detailContents.setObjectName(u"detailContents")
        self.detailLayout = QVBoxLayout(self.detailContents)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 4, 0)
        self.missingGroup = QGroupBox(self.detailContents)
        self.missingGroup.setObjectName(u"missingGroup")
        sizePolicy.setHeightForWidth(self.missingGroup.sizePolicy().hasHeightForWidth())
        self.missingGroup.setSizePolicy(sizePolicy)
        self.missingLayout = QVBoxLayout(self.missingGroup)
        self.missingLayout.setObjectName(u"missingLayout")
        self.missingLabel = QLabel(self.missingGroup)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setTextFormat(Qt.TextFormat.RichText)
        self.missingLabel.setWordWrap(True)
        self.missingLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.missingLayout.addWidget(self.missingLabel)


        self.detailLayout.addWidget(self.missingGroup)

        self.criteriaGroup = QGroupBox(self.detailContents)
        self.criteriaGroup.setObjectName(u"criteriaGroup")
        self.criteriaLayout = QVBoxLayout(self.criteriaGroup)
        self.criteriaLayout.setObjectName(u"criteriaLayout")
        self.criteriaSetLabel = QLabel(self.criteriaGroup)
        self.criteriaSetLabel.setObjectName(u"criteriaSetLabel")
        self.criteriaSetLabel.setTextFormat(Qt.TextFormat.RichText)
        self.criteriaSetLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.criteriaLayout.addWidget(self.criteriaSetLabel)

        self.criteriaTable = CriteriaTable(self.criteriaGroup)
        self.criteriaTable.setObjectName(u"criteriaTable")
        self.criteriaTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.criteriaTable.setAlternatingRowColors(False)
        self.criteriaTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteriaTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.criteriaTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.criteriaTable.setWordWrap(True)
        self.criteriaTable.horizontalHeader().setStretchLastSection(False)
        self.criteriaTable.verticalHeader().setVisible(False)

        self.criteriaLayout.addWidget(self.criteriaTable)


        self.detailLayout.addWidget(self.criteriaGroup)

        self.rationaleGroup = QGroupBox(self.detailContents)
        self.rationaleGroup.setObjectName(u"rationaleGroup")
        self.rationaleLayout = QVBoxLayout(self.rationaleGroup)
        self.rationaleLayout.setObjectName(u"rationaleLayout")
        self.rationaleBrowser = QTextBrowser(self.rationaleGroup)
        self.rationaleBrowser.setObjectName(u"rationaleBrowser")
        self.rationaleBrowser.setOpenLinks(False)

        self.rationaleLayout.addWidget(self.rationaleBrowser)


        self.detailLayout.addWidget(self.rationaleGroup)

        self.detailSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailLayout.addItem(self.detailSpacer)

        self.detailLayout.setStretch(3, 1)
        self.detailScroll.setWidget(self.detailContents)
        self.bodySplitter.addWidget(self.detailScroll)

        self.rootLayout.addWidget(self.bodySplitter)


        self.retranslateUi(DeterminationView)

        QMetaObject.connectSlotsByName(DeterminationView)
    # setupUi

    def retranslateUi(self, DeterminationView):
        self.scoresGroup.setTitle(QCoreApplication.translate("DeterminationView", u"Scores", None))
        self.referencesGroup.setTitle(QCoreApplication.translate("DeterminationView", u"References", None))
        self.missingGroup.setTitle(QCoreApplication.translate("DeterminationView", u"Missing information", None))
        self.criteriaGroup.setTitle(QCoreApplication.translate("DeterminationView", u"Criteria", None))
        self.rationaleGroup.setTitle(QCoreApplication.translate("DeterminationView", u"Rationale", None))
        pass
    # retranslateUi

