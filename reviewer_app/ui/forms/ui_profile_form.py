# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'profile_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

from reviewer_app.ui.signin.passphrase_fields import NewPassphraseFields

class Ui_ProfileForm(object):
    def setupUi(self, ProfileForm):
        if not ProfileForm.objectName():
            ProfileForm.setObjectName(u"ProfileForm")
        self.profileLayout = QFormLayout(ProfileForm)
        self.profileLayout.setObjectName(u"profileLayout")
        self.profileLayout.setContentsMargins(0, 0, 0, 0)
        self.nameLabel = QLabel(ProfileForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.profileLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ProfileForm)
        self.nameEdit.setObjectName(u"nameEdit")

        self.profileLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(ProfileForm)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.profileLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.credentialsLabel = QLabel(ProfileForm)
        self.credentialsLabel.setObjectName(u"credentialsLabel")

        self.profileLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.credentialsLabel)

        self.credentialsEdit = QLineEdit(ProfileForm)
        self.credentialsEdit.setObjectName(u"credentialsEdit")

        self.profileLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.credentialsEdit)

        self.credentialsError = QLabel(ProfileForm)
        self.credentialsError.setObjectName(u"credentialsError")
        self.credentialsError.setWordWrap(True)
        self.credentialsError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.profileLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.credentialsError)

        self.roleLabel = QLabel(ProfileForm)
        self.roleLabel.setObjectName(u"roleLabel")

        self.profileLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(ProfileForm)
        self.roleCombo.addItem("")
        self.roleCombo.addItem("")
        self.roleCombo.setObjectName(u"roleCombo")

        self.profileLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.npiLabel = QLabel(ProfileForm)
        self.npiLabel.setObjectName(u"npiLabel")

        self.profileLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.npiLabel)

        self.npiEdit = QLineEdit(ProfileForm)
        self.npiEdit.setObjectName(u"npiEdit")
        self.npiEdit.setMaxLength(10)

        self.profileLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.npiEdit)

        self.npiError = QLabel(ProfileForm)
        self.npiError.setObjectName(u"npiError")
        self.npiError.setWordWrap(True)
        self.npiError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.profileLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.npiError)

        self.passphraseFields = NewPassphraseFields(ProfileForm)
        self.passphraseFields.setObjectName(u"passphraseFields")

        self.profileLayout.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.passphraseFields)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.credentialsLabel.setBuddy(self.credentialsEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.npiLabel.setBuddy(self.npiEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.credentialsEdit)
        QWidget.setTabOrder(self.credentialsEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.npiEdit)

        self.retranslateUi(ProfileForm)

        QMetaObject.connectSlotsByName(ProfileForm)
    # setupUi

    def retranslateUi(self, ProfileForm):
        self.nameLabel.setText(QCoreApplication.translate("ProfileForm", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Full name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ProfileForm", u"e.g. Pat Lee", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleDescription(QCoreApplication.translate("ProfileForm", u"As letters print it, before the credentials", None))
#endif // QT_CONFIG(accessibility)
        self.nameError.setText("")
#if QT_CONFIG(accessibility)
        self.nameError.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Problem with the name", None))
#endif // QT_CONFIG(accessibility)
        self.credentialsLabel.setText(QCoreApplication.translate("ProfileForm", u"&Credentials", None))
#if QT_CONFIG(accessibility)
        self.credentialsEdit.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Credentials", None))
#endif // QT_CONFIG(accessibility)
        self.credentialsEdit.setPlaceholderText(QCoreApplication.translate("ProfileForm", u"e.g. RN, MD", None))
#if QT_CONFIG(accessibility)
        self.credentialsEdit.setAccessibleDescription(QCoreApplication.translate("ProfileForm", u"Printed after the name on letters and in the signature", None))
#endif // QT_CONFIG(accessibility)
        self.credentialsError.setText("")
#if QT_CONFIG(accessibility)
        self.credentialsError.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Problem with the credentials", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("ProfileForm", u"&Role", None))
        self.roleCombo.setItemText(0, QCoreApplication.translate("ProfileForm", u"Nurse reviewer", None))
        self.roleCombo.setItemText(1, QCoreApplication.translate("ProfileForm", u"Physician reviewer", None))

#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Role", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleDescription(QCoreApplication.translate("ProfileForm", u"A nurse may approve; only a physician may deny or partially approve", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.roleCombo.setToolTip(QCoreApplication.translate("ProfileForm", u"A nurse may approve, refer or pend; only a physician may deny or partially approve", None))
#endif // QT_CONFIG(tooltip)
        self.npiLabel.setText(QCoreApplication.translate("ProfileForm", u"NP&I (optional)", None))
#if QT_CONFIG(accessibility)
        self.npiEdit.setAccessibleName(QCoreApplication.translate("ProfileForm", u"National Provider Identifier, optional", None))
#endif // QT_CONFIG(accessibility)
        self.npiEdit.setPlaceholderText(QCoreApplication.translate("ProfileForm", u"10 digits", None))
#if QT_CONFIG(accessibility)
        self.npiEdit.setAccessibleDescription(QCoreApplication.translate("ProfileForm", u"10 digits; the last is a check digit", None))
#endif // QT_CONFIG(accessibility)
        self.npiError.setText("")
#if QT_CONFIG(accessibility)
        self.npiError.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Problem with the NPI", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

