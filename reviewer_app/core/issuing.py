"""Issuing a determination letter from the case store: the stored case, the evaluation its
decision was made on and the decision itself become a :class:`LetterRequest`, rendered with the
organization's letterhead, signed with the decider's key and recorded in the store.

Two steps, so that a letter that must not exist is refused before anyone types a passphrase::

    plan = plan_letter(store, case_id, recipient="member", settings=settings)   # or refusal
    reviewer = unlock_reviewer(store, plan.basis.decider.id, passphrase)        # WrongPassphrase
    record = issue_letter(store, plan, reviewer, deliver=write_file)

The letter is signed with the decider's key and carries the organization CA's certificate in
its signature, so a reader who trusts the CA (``organization-ca.pem``) can check it offline.

The pieces live elsewhere: which letter a case gets, duplicates and the record in
``core/store/letters.py``; wording, layout and signatures in ``core/letters/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509

from reviewer_app.core import deadlines
from reviewer_app.core.case_file import parse_case
from reviewer_app.core.determination import Determination
from reviewer_app.core.languages import language_name, member_letter_language
from reviewer_app.core.letters import Letterhead, render_letter
from reviewer_app.core.letters.compose import letter_language
from reviewer_app.core.letters.errors import LetterRefused
from reviewer_app.core.letters.keys import signer_for
from reviewer_app.core.letters.request import Decider, LetterRequest
from reviewer_app.core.letters.settings import LetterSettings, load_settings
from reviewer_app.core.letters.sign import sign_letter
from reviewer_app.core.letters.verify import VerifyReport, load_certificates, verify_pdf
from reviewer_app.core.store.authority import organization_authority, pin_path
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.letters import (
    LetterBasis,
    LetterRecord,
    Produced,
    decision_basis,
    find_letter,
    letter_basis,
    letter_pdf,
    letters_for,
    record_letter,
)
from reviewer_app.core.store.reviewers import UnlockedReviewer
from reviewer_app.core.store.rows import parse_utc

_TRIAL_ID = "LTR-000000"


@dataclass(frozen=True)
class LetterPlan:
    basis: LetterBasis
    settings: LetterSettings
    letterhead: Letterhead
    late: deadlines.LateConfirmation | None = None
    """The letter confirms an oral notice later than its rule allows, were it issued now
    (:func:`late_confirmation`): it is still issued, and the reviewer told."""


def authorization_number(basis: LetterBasis) -> str:
    """The authorization an approval announces: one per approving decision, from the store's
    decision number (``AUTH-2026-000017``), the same on every letter of that decision."""
    decided = parse_utc(basis.decision.at)
    return f"AUTH-{decided.year}-{basis.decision.id:06d}"


def letter_request(basis: LetterBasis, *, letter_id: str, issued_on: dt.date,
                   validity_days: int) -> LetterRequest:
    """The request for the letter ``basis`` describes; :class:`LetterRefused` if the letter
    must not exist (a request for information with nothing missing, a bare reason...)."""
    if basis.evaluation is None:
        raise LetterRefused(f"case {basis.case_id} has no evaluation to explain the decision")
    decision = basis.decision
    case = parse_case(basis.document, f"case {basis.case_id}")
    determination = Determination.model_validate(basis.evaluation.determination)
    approving = basis.letter_type in ("approval", "partial")
    reason = decision.reason or ""
    if basis.recipient == "member" and decision.member_reason:
        language = member_letter_language(case.member.language)
        if decision.member_language not in (None, language):
            written = language_name(decision.member_language)
            raise LetterRefused(f"the reason for the member was written in {written}, but "
                                f"the member's letter is in {language_name(language)}")
        reason = decision.member_reason
    return LetterRequest(
        letter_type=basis.letter_type,  # type: ignore[arg-type]
        recipient=basis.recipient,  # type: ignore[arg-type]
        case=case,
        determination=determination,
        decider=Decider(basis.decider.name, basis.decider.credentials,
                        decision.role),  # type: ignore[arg-type]
        decided_at=parse_utc(decision.at).astimezone(),
        letter_id=letter_id,
        reason_text=reason,
        info_needed_by=dt.date.fromisoformat(decision.info_needed_by)
        if decision.info_needed_by else None,
        authorization_number=authorization_number(basis) if approving else None,
        validity_days=validity_days,
        approved_codes=decision.approved_code_list,
        approved_levels=decision.approved_level_list,
        info_kept=decision.kept_items,
        info_added=decision.added_items,
        extension_reason=decision.extension_reason,
        replaces_letter_id=basis.replaces.letter_id if basis.replaces else None,
        issued_on=issued_on,
        oral_notice_at=parse_utc(basis.oral_notice.told_at).astimezone()
        if basis.oral_notice else None,
        oral_notice_to=basis.oral_notice.told if basis.oral_notice else "",
        oral_notice_by=basis.oral_notice_by,
        large_print=basis.large_print,
    )


def late_confirmation(request: LetterRequest, at: dt.datetime
                      ) -> deadlines.LateConfirmation | None:
    """Whether ``request``'s letter, produced at ``at``, confirms its oral notice later than
    the line of business allows (``deadlines.WRITTEN_AFTER_ORAL``), counted in the calendar
    days of the zone the request arrived in. Lateness never stops the letter: the member's
    written notice is owed all the more."""
    if request.oral_notice_at is None:
        return None
    case = request.case
    return deadlines.late_confirmation(case.line_of_business, request.letter_type,
                                       request.recipient, request.oral_notice_at, at,
                                       case.received_at.tzinfo)


RESPONSE_ID = "FHIR-RESPONSE"
"""The letter id of the terms a FHIR response states (no letter is made of them)."""


def decision_terms(store: Store, case_id: int, *, validity_days: int) -> LetterRequest:
    """What the case's latest decision grants, as its letter to the provider states it: the
    approved and denied codes, the authorization number and the validity period (from the
    date of the decision's first letter when one was issued, else today, as a letter issued
    now would say), the reason, what a pend asks for and by when. The FHIR response is
    built from this, so that it and the letters never follow two rules. The same refusals as
    a letter (no decision yet, a pend with nothing to ask, a record altered...)."""
    basis = decision_basis(store, case_id, recipient="provider")
    dates = [parse_utc(letter.created_at).astimezone().date()
             for letter in letters_for(store, case_id)
             if letter.decision_id == basis.decision.id]
    return letter_request(basis, letter_id=RESPONSE_ID,
                          issued_on=min(dates) if dates else store.today(),
                          validity_days=validity_days)


def plan_letter(store: Store, case_id: int, *, recipient: str, settings: LetterSettings,
                letter_type: str | None = None, signer: int | None = None,
                replaces: str | None = None) -> LetterPlan:
    """Check that the letter may be issued, without signing anything: store refusals
    (:class:`~reviewer_app.core.store.errors.StoreError`) and letter refusals
    (:class:`LetterRefused`) come here, before the signer is asked for a passphrase."""
    basis = letter_basis(store, case_id, recipient=recipient, letter_type=letter_type,
                         signer=signer, replaces=replaces)
    trial = letter_request(basis, letter_id=_TRIAL_ID, issued_on=store.today(),
                           validity_days=settings.validity_days)
    return LetterPlan(basis, settings, settings.load_letterhead(),
                      late_confirmation(trial, store.clock()))


def issue_letter(store: Store, plan: LetterPlan, reviewer: UnlockedReviewer, *,
                 deliver: Callable[[bytes], None] | None = None) -> LetterRecord:
    """Render, sign as ``reviewer`` (who decided), store, then deliver the planned letter
    (see :func:`~reviewer_app.core.store.letters.record_letter`). A letter that confirms an
    oral notice late says so in its audit entry (``oral_notice_late``), counted at the moment
    it is produced."""
    if reviewer.id != plan.basis.decider.id or reviewer.key_id != plan.basis.key.id:
        raise LetterRefused("the unlocked key is not the signer's stored key")
    key = signer_for(reviewer.material, reviewer.certificate,
                     chain=[organization_authority(store).certificate])

    def produce(letter_id: str, issued_on: dt.date) -> Produced:
        request = letter_request(plan.basis, letter_id=letter_id, issued_on=issued_on,
                                 validity_days=plan.settings.validity_days)
        rendered = render_letter(request, plan.letterhead)
        late = late_confirmation(request, store.clock())
        return Produced(sign_letter(rendered, key), letter_language(request),
                        {"oral_notice_late": late.to_json_dict()} if late else {})

    return record_letter(store, plan.basis, produce, signer=reviewer, deliver=deliver)


PREVIEW_LETTER_ID = "LTR-PREVIEW"
"""What a preview prints where the letter number goes: the number is reserved when the
letter is signed, never for a preview that may be thrown away."""


@dataclass(frozen=True)
class LetterPreview:
    """A letter as it will be signed: rendered, not signed, not stored."""

    plan: LetterPlan
    pdf: bytes
    language: str
    pages: int


def preview_letter(store: Store, case_id: int, *, recipient: str, settings: LetterSettings,
                   replaces: str | None = None) -> LetterPreview:
    """The case's next letter to ``recipient`` rendered for reading before it is signed (the
    same refusals as :func:`plan_letter`); signing it is :func:`issue_letter` with
    ``preview.plan``."""
    plan = plan_letter(store, case_id, recipient=recipient, settings=settings,
                       replaces=replaces)
    request = letter_request(plan.basis, letter_id=PREVIEW_LETTER_ID, issued_on=store.today(),
                             validity_days=settings.validity_days)
    rendered = render_letter(request, plan.letterhead)
    return LetterPreview(plan, rendered.pdf, letter_language(request), rendered.pages)


@dataclass(frozen=True)
class IssuedLetter:
    """A letter as it was issued: its record and its signed bytes, from the store."""

    record: LetterRecord
    pdf: bytes


def issue_and_read(store: Store, plan: LetterPlan, reviewer: UnlockedReviewer) -> IssuedLetter:
    """:func:`issue_letter`, then the signed bytes as stored (what the window shows)."""
    record = issue_letter(store, plan, reviewer)
    return IssuedLetter(record, letter_pdf(store, record))


def read_letter(store: Store, reference: str) -> IssuedLetter:
    found = find_letter(store, reference)
    return IssuedLetter(found, letter_pdf(store, found))


def trust_roots(store: Store, settings: LetterSettings) -> list[asn1_x509.Certificate]:
    """What a letter's signer must chain to: this database's organization CA (checked against
    its pin and its audit record) and the ``trust_roots`` of ``letters.yaml``."""
    authority = organization_authority(store)
    return [*load_certificates(authority.certificate_pem.encode("ascii")),
            *settings.trust_certificates()]


def verify_letter(pdf: bytes, roots: list[asn1_x509.Certificate]) -> VerifyReport:
    """The signature check of an issued letter (pyHanko; pure, so a window runs it on a worker
    thread)."""
    return verify_pdf(pdf, roots)


class TrustRootError(ValueError):
    """A trust-root file that is not a certificate (the message names it)."""


@dataclass(frozen=True)
class TrustRoots:
    certificates: tuple[asn1_x509.Certificate, ...]
    sources: tuple[str, ...]
    """The files they came from, for "trust roots: N certificate(s) from ..."."""


def roots_beside(database: Path) -> TrustRoots:
    """The trust roots ``verify`` uses when none are given: the ``trust_roots`` of
    ``letters.yaml`` and the organization CA pinned in ``organization-ca.pem``, both beside
    the database (no database is opened: a letter is checked with files alone). An unreadable
    pin is a :class:`TrustRootError` naming it."""
    settings = load_settings(database)
    roots = settings.trust_certificates()
    sources = [str(settings.source)] if settings.source and roots else []
    pin = pin_path(database)
    if pin.is_file():
        try:
            roots += load_certificates(pin.read_bytes())
        except ValueError as error:
            raise TrustRootError(f"{pin}: not a readable certificate ({error})") from None
        sources.append(str(pin))
    return TrustRoots(tuple(roots), tuple(sources))
