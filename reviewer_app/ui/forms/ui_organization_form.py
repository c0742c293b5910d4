# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'organization_form.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from reviewer_app.ui.signin.passphrase_fields import NewPassphraseFields

class Ui_OrganizationForm(object):
    def setupUi(self, OrganizationForm):
        if not OrganizationForm.objectName():
            OrganizationForm.setObjectName(u"OrganizationForm")
        self.organizationLayout = QVBoxLayout(OrganizationForm)
        self.organizationLayout.setSpacing(8)
        self.organizationLayout.setObjectName(u"organizationLayout")
        self.organizationLayout.setContentsMargins(0, 0, 0, 0)
        self.nameForm = QFormLayout()
        self.nameForm.setObjectName(u"nameForm")
        self.nameForm.setContentsMargins(0, 0, 0, 0)
        self.organizationLabel = QLabel(OrganizationForm)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.nameForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.organizationLabel)

        self.organizationEdit = QLineEdit(OrganizationForm)
        self.organizationEdit.setObjectName(u"organizationEdit")

        self.nameForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.organizationEdit)

        self.organizationError = QLabel(OrganizationForm)
        self.organizationError.setObjectName(u"organizationError")
        self.organizationError.setWordWrap(True)
        self.organizationError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.nameForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.organizationError)


        self.organizationLayout.addLayout(self.nameForm)

        self.createRadio = QRadioButton(OrganizationForm)
        self.createRadio.setObjectName(u"createRadio")
        self.createRadio.setChecked(True)

        self.organizationLayout.addWidget(self.createRadio)

        self.importRadio = QRadioButton(OrganizationForm)
        self.importRadio.setObjectName(u"importRadio")

        self.organizationLayout.addWidget(self.importRadio)

        self.importBox = QWidget(OrganizationForm)
        self.importBox.setObjectName(u"importBox")
        self.importForm = QFormLayout(self.importBox)
        self.importForm.setObjectName(u"importForm")
        self.importForm.setContentsMargins(24, 0, 0, 0)
        self.fileLabel = QLabel(self.importBox)
        self.fileLabel.setObjectName(u"fileLabel")

        self.importForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileEdit = QLineEdit(self.importBox)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileRow.addWidget(self.fileEdit)

        self.chooseFileButton = QPushButton(self.importBox)
        self.chooseFileButton.setObjectName(u"chooseFileButton")

        self.fileRow.addWidget(self.chooseFileButton)


        self.importForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.filePassphraseLabel = QLabel(self.importBox)
        self.filePassphraseLabel.setObjectName(u"filePassphraseLabel")

        self.importForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.filePassphraseLabel)

        self.filePassphraseEdit = QLineEdit(self.importBox)
        self.filePassphraseEdit.setObjectName(u"filePassphraseEdit")
        self.filePassphraseEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.importForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.filePassphraseEdit)

        self.importError = QLabel(self.importBox)
        self.importError.setObjectName(u"importError")
        self.importError.setWordWrap(True)
        self.importError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.importForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.importError)


        self.organizationLayout.addWidget(self.importBox)

        self.adminIntro = QLabel(OrganizationForm)
        self.adminIntro.setObjectName(u"adminIntro")
        self.adminIntro.setWordWrap(True)

        self.organizationLayout.addWidget(self.adminIntro)

        self.adminFields = NewPassphraseFields(OrganizationForm)
        self.adminFields.setObjectName(u"adminFields")

        self.organizationLayout.addWidget(self.adminFields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.organizationLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.organizationLabel.setBuddy(self.organizationEdit)
        self.fileLabel.setBuddy(self.fileEdit)
        self.filePassphraseLabel.setBuddy(self.filePassphraseEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.organizationEdit, self.createRadio)
        QWidget.setTabOrder(self.createRadio, self.importRadio)
        QWidget.setTabOrder(self.importRadio, self.chooseFileButton)
        QWidget.setTabOrder(self.chooseFileButton, self.filePassphraseEdit)

        self.retranslateUi(OrganizationForm)

        QMetaObject.connectSlotsByName(OrganizationForm)
    # setupUi

    def retranslateUi(self, OrganizationForm):
        self.organizationLabel.setText(QCoreApplication.translate("OrganizationForm", u"&Organization", None))
#if QT_CONFIG(accessibility)
        self.organizationEdit.setAccessibleName(QCoreApplication.translate("OrganizationForm", u"Organization name", None))
#endif // QT_CONFIG(accessibility)
        self.organizationEdit.setPlaceholderText(QCoreApplication.translate("OrganizationForm", u"e.g. Lakeside Health Plan", None))
#if QT_CONFIG(accessibility)
        self.organizationEdit.setAccessibleDescription(QCoreApplication.translate("OrganizationForm", u"The certificate authority and the letterhead carry it", None))
#endif // QT_CONFIG(accessibility)
        self.organizationError.setText("")
#if QT_CONFIG(accessibility)
        self.organizationError.setAccessibleName(QCoreApplication.translate("OrganizationForm", u"Problem with the organization name", None))
#endif // QT_CONFIG(accessibility)
        self.createRadio.setText(QCoreApplication.translate("OrganizationForm", u"&Create the organization's certificate authority here", None))
#if QT_CONFIG(accessibility)
        self.createRadio.setAccessibleName(QCoreApplication.translate("OrganizationForm", u"Create a new certificate authority", None))
#endif // QT_CONFIG(accessibility)
        self.importRadio.setText(QCoreApplication.translate("OrganizationForm", u"&Import the organization's own certificate authority (PKCS#12)", None))
#if QT_CONFIG(accessibility)
        self.importRadio.setAccessibleName(QCoreApplication.translate("OrganizationForm", u"Import the organization's certificate authority", None))
#endif // QT_CONFIG(accessibility)
        self.fileLabel.setText(QCoreApplication.translate("OrganizationForm", u"&File", None))
#if QT_CONFIG(accessibility)
        self.fileEdit.setAccessibleName(QCoreApplication.translate("OrganizationForm", u"PKCS#12 file of the certificate authority", None))
#endif // QT_CONFIG(accessibility)
        self.chooseFileButton.setText(QCoreApplication.translate("OrganizationForm", u"C&hoose\u2026", None))
#if QT_CONFIG(tooltip)
        self.chooseFileButton.setToolTip(QCoreApplication.translate("OrganizationForm", u"Choose the .p12 or .pfx file", None))
#endif // QT_CONFIG(tooltip)
        self.filePassphraseLabel.setText(QCoreApplication.translate("OrganizationForm", u"File pass&phrase", None))
#if QT_CONFIG(accessibility)
        self.filePassphraseEdit.setAccessibleName(QCoreApplication.translate("OrganizationForm", u"Passphrase of the PKCS#12 file", None))
#endif // QT_CONFIG(accessibility)
        self.importError.setText("")
#if QT_CONFIG(accessibility)
        self.importError.setAccessibleName(QCoreApplication.translate("OrganizationForm", u"Problem with the file", None))
#endif // QT_CONFIG(accessibility)
        self.adminIntro.setText(QCoreApplication.translate("OrganizationForm", u"The administrator's passphrase protects the certificate authority's key: adding reviewers, changing roles and backups need it. Keep it apart from your own passphrase.", None))
        pass
    # retranslateUi

