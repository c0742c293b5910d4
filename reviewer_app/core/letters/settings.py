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

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from asn1crypto import x509 as asn1_x509
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reviewer_app.core.atomic import write_atomic
from reviewer_app.core.errors import Problem, pydantic_problems
from reviewer_app.core.letters.errors import LetterContentError
from reviewer_app.core.letters.letterhead import Letterhead, load_letterhead, save_letterhead
from reviewer_app.core.letters.request import DEFAULT_VALIDITY_DAYS
from reviewer_app.core.letters.verify import load_certificates
from reviewer_app.core.yaml_files import read_model

FILE_NAME = "letters.yaml"
LETTERHEAD_FILE = "letterhead.yaml"
"""Where :func:`save_organization_letterhead` puts the letterhead when ``letters.yaml`` names
none yet (beside the database)."""
WRITTEN_HEADER = ("# The organization's letter settings, written by UR Reviewer (File > "
                  "Settings); the command\n# line reads them too. Paths are relative to this "
                  "file's folder.\n")


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


def save_settings(database: Path, *, letterhead: Path | None,
                  trust_roots: Sequence[Path] = (),
                  validity_days: int = DEFAULT_VALIDITY_DAYS) -> LetterSettings:
    """Write ``letters.yaml`` beside ``database`` (atomically; paths inside its folder are
    written relative to it) and read it back as :func:`load_settings` does. Refused with
    ``LetterContentError`` naming the key, and nothing written, for a validity out of range, a
    file that is missing or a trust root that is not a certificate."""
    path = settings_path(database)
    folder = path.parent
    document: dict[str, Any] = {}
    if letterhead is not None:
        document["letterhead"] = _relative(letterhead, folder)
    if trust_roots:
        document["trust_roots"] = [_relative(root, folder) for root in trust_roots]
    document["validity_days"] = validity_days
    try:
        _SettingsFile.model_validate(document)
    except ValidationError as error:
        raise LetterContentError(str(path), pydantic_problems(error)) from None
    problems = []
    if letterhead is not None and not (folder / letterhead).is_file():
        problems.append(Problem("letterhead", f"no such file: {folder / letterhead}"))
    problems += [Problem(f"trust_roots[{i}]", f"no such file: {folder / root}")
                 for i, root in enumerate(trust_roots) if not (folder / root).is_file()]
    if problems:
        raise LetterContentError(str(path), problems)
    roots = tuple(folder / root for root in trust_roots)
    LetterSettings(trust_roots=roots, source=path).trust_certificates()
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    write_atomic(path, (WRITTEN_HEADER + text).encode("utf-8"))
    return load_settings(database)


def save_organization_letterhead(database: Path, document: Mapping[str, Any]) -> Path:
    """Write the organization's letterhead (the keys of ``resources/letters/letterhead.yaml``)
    to the file ``letters.yaml`` names, else to ``letterhead.yaml`` beside the database, and
    make ``letters.yaml`` name it (its other settings kept). Returns the letterhead's path."""
    current = load_settings(database) if settings_path(database).exists() else LetterSettings()
    target = current.letterhead or settings_path(database).parent / LETTERHEAD_FILE
    save_letterhead(target, document)
    if current.letterhead is None:
        save_settings(database, letterhead=target, trust_roots=current.trust_roots,
                      validity_days=current.validity_days)
    return target


def letterhead_document(letterhead: Letterhead) -> dict[str, Any]:
    """A letterhead as the keys of its file (for an editor to change and save again)."""
    return letterhead.model_dump(mode="json", exclude_none=True)


def _relative(path: Path, folder: Path) -> str:
    """``path`` as the file writes it: relative to ``folder`` when inside it, else absolute."""
    absolute = Path(path) if Path(path).is_absolute() else folder / path
    if absolute.is_relative_to(folder):
        return os.path.relpath(absolute, folder)
    return str(absolute)
