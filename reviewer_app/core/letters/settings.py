"""An organization's letter settings: ``letters.yaml`` in the case database's folder.

Every key is optional; without the file, letters use the shipped letterhead (a fictional plan),
approvals are valid 90 days, and ``verify`` checks trust only against ``--trust``::

    letterhead: our-letterhead.yaml   # a copy of resources/letters/letterhead.yaml, filled in
    trust_roots: [signing-ca.pem]     # certificates a letter's signer must chain to
    validity_days: 60                 # how long an approval stays valid

Relative paths are read from the settings file's folder. The file sits beside the database
rather than in the application, because the database is what an organization sets up and
backs up; two databases (production and training) can carry two letterheads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pydantic import BaseModel, ConfigDict, Field

from reviewer_app.core.errors import Problem
from reviewer_app.core.letters.errors import LetterContentError
from reviewer_app.core.letters.letterhead import Letterhead, load_letterhead
from reviewer_app.core.letters.request import DEFAULT_VALIDITY_DAYS
from reviewer_app.core.letters.verify import load_certificates
from reviewer_app.core.yaml_files import read_model

FILE_NAME = "letters.yaml"


class _SettingsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    letterhead: Path | None = None
    trust_roots: tuple[Path, ...] = ()
    validity_days: int = Field(default=DEFAULT_VALIDITY_DAYS, ge=1, le=366)


@dataclass(frozen=True)
class LetterSettings:
    letterhead: Path | None = None
    """The organization's letterhead file; None for the shipped one."""
    trust_roots: tuple[Path, ...] = ()
    validity_days: int = DEFAULT_VALIDITY_DAYS
    source: Path | None = None
    """The file these settings were read from; None for the defaults."""

    def load_letterhead(self) -> Letterhead:
        return load_letterhead(self.letterhead)

    def trust_certificates(self) -> list[asn1_x509.Certificate]:
        """The configured trust roots (an empty list when none are configured)."""
        found = []
        for index, path in enumerate(self.trust_roots):
            try:
                found += load_certificates(path.read_bytes())
            except (OSError, ValueError) as error:
                raise LetterContentError.one(str(self.source), f"trust_roots[{index}]",
                                             f"{path}: not a readable certificate ({error})"
                                             ) from None
        return found


def settings_path(database: Path) -> Path:
    """Where the settings of the database at ``database`` live."""
    return database.expanduser().absolute().parent / FILE_NAME


def load_settings(database: Path) -> LetterSettings:
    """The settings next to ``database``, or the defaults when there is no such file.
    :class:`LetterContentError` names the file and the key of anything wrong."""
    path = settings_path(database)
    if not path.exists():
        return LetterSettings()
    source = str(path)
    settings = read_model(path, _SettingsFile, LetterContentError)
    folder = path.parent
    letterhead = settings.letterhead
    if letterhead is not None and not letterhead.is_absolute():
        letterhead = folder / letterhead
    roots = tuple(p if p.is_absolute() else folder / p for p in settings.trust_roots)
    problems = []
    if letterhead is not None and not letterhead.is_file():
        problems.append(Problem("letterhead", f"no such file: {letterhead}"))
    problems += [Problem(f"trust_roots[{i}]", f"no such file: {p}")
                 for i, p in enumerate(roots) if not p.is_file()]
    if problems:
        raise LetterContentError(source, problems)
    return LetterSettings(letterhead, roots, settings.validity_days, path)
