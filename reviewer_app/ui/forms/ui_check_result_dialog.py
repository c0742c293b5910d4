# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'check_result_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFrame, QHBoxLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_CheckResultDialog(object):
    def setupUi(self, CheckResultDialog):
        if not CheckResultDialog.objectName():
            CheckResultDialog.setObjectName(u"CheckResultDialog")
        CheckResultDialog.resize(640, 360)
        CheckResultDialog.setMinimumSize(QSize(700, 0))
        self.dialogLayout = QVBoxLayout(CheckResultDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.verdictBox = QFrame(CheckResultDialog)
        self.verdictBox.setObjectName(u"verdictBox")
        self.verdictBox.setAutoFillBackground(True)
        self.verdictBox.setFrameShape(QFrame.Shape.StyledPanel)
        self.verdictLayout = QHBoxLayout(self.verdictBox)
        self.verdictLayout.setSpacing(10)
        self.verdictLayout.setObjectName(u"verdictLayout")
        self.verdictIcon = QLabel(self.verdictBox)
        self.verdictIcon.setObjectName(u"verdictIcon")
        self.verdictIcon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.verdictLayout.addWidget(self.verdictIcon)

        self.verdictLabel = QLabel(self.verdictBox)
        self.verdictLabel.setObjectName(u"verdictLabel")
        self.verdictLabel.setTextFormat(Qt.TextFormat.RichText)
        self.verdictLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.verdictLabel.sizePolicy().hasHeightForWidth())
        self.verdictLabel.setSizePolicy(sizePolicy)

        self.verdictLayout.addWidget(self.verdictLabel)


        self.dialogLayout.addWidget(self.verdictBox)

        self.detailsLabel = QLabel(CheckResultDialog)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.detailsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.dialogLayout.addWidget(self.detailsLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(CheckResultDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(CheckResultDialog)
        self.buttons.rejected.connect(CheckResultDialog.reject)

        QMetaObject.connectSlotsByName(CheckResultDialog)
    # setupUi

    def retranslateUi(self, CheckResultDialog):
        CheckResultDialog.setWindowTitle(QCoreApplication.translate("CheckResultDialog", u"Check \u2014 UR Reviewer", None))
#if QT_CONFIG(accessibility)
        self.verdictLabel.setAccessibleName(QCoreApplication.translate("CheckResultDialog", u"Result", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detailsLabel.setAccessibleName(QCoreApplication.translate("CheckResultDialog", u"What was checked", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

