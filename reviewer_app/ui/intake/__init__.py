"""The intake wizard: a request entered step by step, evaluated live, autosaved as a draft.

``wizard`` (the QWizard and its page tuple), ``page`` (what a page shares: load, validation,
jumps), ``pages``, ``imaging`` and ``review`` (the steps), ``panel`` (the live criteria panel,
the wizard's side widget), ``fields``, ``levels``, ``code_lists``, ``completers`` and
``treatments`` (the field widgets), ``words`` (labels and plain words for values),
``launcher`` and ``drafts_banner`` (File > New case, the unfinished drafts on start),
``shortcuts`` (F1). The Qt-free half is :mod:`reviewer_app.core.intake`.
"""
