"""A request's clinical documents in the window: the list (case view and wizard), the built-in
viewer (PDF through QtPdf, images, text), the file dialogs and a PDF's text for the wizard.

Nothing here touches the database directly: the store work is in
:mod:`reviewer_app.core.store.attachments`, run on the database thread as store operations.
QtPdf is imported only when a PDF is first shown or read.
"""
