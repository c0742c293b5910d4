"""Refusals about keys, passphrases and certificates, in words a reviewer can act on."""

from __future__ import annotations


class ReviewerKeyError(Exception):
    """A key that cannot be created, imported or opened; the message says why."""


class WrongPassphrase(ReviewerKeyError):
    def __init__(self, what: str = "this signing key") -> None:
        super().__init__(f"the passphrase does not open {what} (or the key data is damaged); "
                         "nothing was signed")


class WeakPassphrase(ReviewerKeyError):
    """A new passphrase the strength estimator says is too easy to guess."""


class UntrustedCertificate(ReviewerKeyError):
    """A certificate that does not chain to the organization CA, or does not say what its
    holder may do."""
