# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_passphrase.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QProgressBar, QSizePolicy, QWidget)

class Ui_NewPassphraseFields(object):
    def setupUi(self, NewPassphraseFields):
        if not NewPassphraseFields.objectName():
            NewPassphraseFields.setObjectName(u"NewPassphraseFields")
        self.passphraseForm = QFormLayout(NewPassphraseFields)
        self.passphraseForm.setObjectName(u"passphraseForm")
        self.passphraseForm.setContentsMargins(0, 0, 0, 0)
        self.passphraseLabel = QLabel(NewPassphraseFields)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.passphraseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(NewPassphraseFields)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphraseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.againLabel = QLabel(NewPassphraseFields)
        self.againLabel.setObjectName(u"againLabel")

        self.passphraseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.againEdit = QLineEdit(NewPassphraseFields)
        self.againEdit.setObjectName(u"againEdit")
        self.againEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passphraseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.againEdit)

        self.strengthBar = QProgressBar(NewPassphraseFields)
        self.strengthBar.setObjectName(u"strengthBar")
        self.strengthBar.setMaximum(4)
        self.strengthBar.setValue(0)
        self.strengthBar.setTextVisible(False)

        self.passphraseForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.strengthBar)

        self.strengthLabel = QLabel(NewPassphraseFields)
        self.strengthLabel.setObjectName(u"strengthLabel")
        self.strengthLabel.setWordWrap(True)

        self.passphraseForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.strengthLabel)

        self.errorLabel = QLabel(NewPassphraseFields)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.passphraseForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.errorLabel)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.againLabel.setBuddy(self.againEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphraseEdit, self.againEdit)

        self.retranslateUi(NewPassphraseFields)

        QMetaObject.connectSlotsByName(NewPassphraseFields)
    # setupUi

    def retranslateUi(self, NewPassphraseFields):
        self.passphraseLabel.setText(QCoreApplication.translate("NewPassphraseFields", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleName(QCoreApplication.translate("NewPassphraseFields", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.passphraseEdit.setAccessibleDescription(QCoreApplication.translate("NewPassphraseFields", u"At least 8 characters; a few uncommon words together", None))
#endif // QT_CONFIG(accessibility)
        self.againLabel.setText(QCoreApplication.translate("NewPassphraseFields", u"&Again", None))
#if QT_CONFIG(accessibility)
        self.againEdit.setAccessibleName(QCoreApplication.translate("NewPassphraseFields", u"New passphrase again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.againEdit.setAccessibleDescription(QCoreApplication.translate("NewPassphraseFields", u"The same passphrase once more, to be sure of it", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.strengthBar.setAccessibleName(QCoreApplication.translate("NewPassphraseFields", u"Passphrase strength", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.strengthBar.setAccessibleDescription(QCoreApplication.translate("NewPassphraseFields", u"0 to 4, as the zxcvbn estimator scores it; 3 is needed", None))
#endif // QT_CONFIG(accessibility)
        self.strengthLabel.setText("")
#if QT_CONFIG(accessibility)
        self.strengthLabel.setAccessibleName(QCoreApplication.translate("NewPassphraseFields", u"Passphrase strength in words", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("NewPassphraseFields", u"Why the passphrase is refused", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

