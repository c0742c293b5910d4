"""A new passphrase, typed twice, with the strength estimator's verdict as it is typed.

The hint is the core's own judgement (:func:`reviewer_app.core.trust.passphrases.estimate`,
zxcvbn), so what the field accepts is exactly what the core accepts when the key is made, and a
refusal gives the estimator's reason in its words. It is worked out a moment after the last
keystroke (zxcvbn takes a few milliseconds on a long passphrase).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from reviewer_app.ui.forms.ui_new_passphrase import Ui_NewPassphraseFields
from reviewer_app.ui.signals import emit
from reviewer_app.ui.widgets.field_problem import fitted, show_problem

if TYPE_CHECKING:
    from reviewer_app.core.trust.passphrases import Strength

HINT_DELAY_MS = 120
WORDS = ("very weak", "weak", "fair", "strong", "very strong")
MISMATCH = "the two passphrases differ: type the same one twice"


class NewPassphraseFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_NewPassphraseFields()
        self.ui.setupUi(self)
        self._context: tuple[str, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HINT_DELAY_MS)
        self._timer.timeout.connect(self._on_hint_timer_timeout)
        self.ui.passphraseEdit.textChanged.connect(self._on_text_changed)
        self.ui.againEdit.textChanged.connect(self._on_text_changed)
        show_problem(self.ui.errorLabel, None)
        fitted(self.ui.strengthLabel)
        self.ui.strengthBar.hide()
        self.ui.strengthLabel.setText("At least 8 characters; a few uncommon words together "
                                      "make a strong passphrase.")

    def set_context(self, words: Sequence[str]) -> None:
        """Words an attacker would try first (the reviewer's name, the organization)."""
        self._context = tuple(w for w in words if w)

    def set_labels(self, first: str, again: str) -> None:
        self.ui.passphraseLabel.setText(first)
        self.ui.againLabel.setText(again)

    def passphrase(self) -> str:
        return self.ui.passphraseEdit.text()

    def clear(self) -> None:
        self.ui.passphraseEdit.clear()
        self.ui.againEdit.clear()

    def strength(self) -> Strength:
        from reviewer_app.core.trust.passphrases import estimate

        return estimate(self.passphrase(), context=self._context)

    def problem(self) -> str | None:
        """Why the passphrase cannot be used (None when it can): too weak, in the estimator's
        words, or the two fields differ."""
        strength = self.strength()
        if not strength.acceptable:
            return strength.problem
        if self.ui.againEdit.text() != self.passphrase():
            return MISMATCH
        return None

    def validate(self) -> bool:
        """Check now and say what is wrong at the fields; the focus goes to the one to fix."""
        self._timer.stop()
        problem = self.problem()
        self._show_strength(self.strength())
        show_problem(self.ui.errorLabel, problem and f"Refused: {problem}.")
        if problem == MISMATCH:
            self.ui.againEdit.setFocus()
        elif problem:
            self.ui.passphraseEdit.setFocus()
        return problem is None

    def show_problem(self, text: str | None) -> None:
        show_problem(self.ui.errorLabel, text)

    def _show_strength(self, strength: Strength) -> None:
        self.ui.strengthBar.setValue(strength.score)
        self.ui.strengthBar.setVisible(bool(self.passphrase()))
        if not self.passphrase():
            self.ui.strengthLabel.setText("At least 8 characters; a few uncommon words "
                                          "together make a strong passphrase.")
            return
        verdict = (f"Strength {strength.score} of 4 ({WORDS[strength.score]}): "
                   + ("strong enough." if strength.acceptable else "not enough yet; 3 is "
                      "needed."))
        detail = strength.advice or ("" if strength.acceptable else f"({strength.problem})")
        self.ui.strengthLabel.setText(f"{verdict} {detail}".strip())

    def _on_text_changed(self, _text: str) -> None:
        show_problem(self.ui.errorLabel, None)
        self._timer.start()
        emit(self.changed)

    def _on_hint_timer_timeout(self) -> None:
        self._show_strength(self.strength())
