"""What a letter is made from: one case, its evaluation, and the reviewer's decision.

A :class:`LetterRequest` is checked when it is built, so a letter that must not exist is
refused before anything is drawn. Who may decide what is the lifecycle's rule
(:mod:`reviewer_app.core.lifecycle`, the same functions the store applies when the decision is
recorded): an adverse or partial decision by anyone but a physician reviewer, a nurse approving
a request that does not meet criteria, a denial whose reason is only "does not meet criteria"
(auditors reject it), approved codes that do not fit the decision. What only a letter needs is
checked here: an authorization number and a validity period for an approval, a pend that has
something to ask for (the outcome rule's :func:`~reviewer_app.core.criteria.outcome.asks`) by a
date after the decision, and that what the reviewer typed for the member is in the member's
language (:mod:`.language_check`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from reviewer_app.core import lifecycle
from reviewer_app.core.case import Case
from reviewer_app.core.criteria.outcome import PEND_MISSING_INFORMATION, asks
from reviewer_app.core.determination import Determination
from reviewer_app.core.languages import language_name, member_letter_language
from reviewer_app.core.letters.errors import LetterRefused
from reviewer_app.core.letters.language_check import foreign_language
from reviewer_app.core.pend_timeline import PendRefused, PendTimeline, pend_timeline

LetterType = Literal["approval", "partial", "adverse", "pend"]
Recipient = Literal["member", "provider"]
Role = Literal["nurse", "physician"]
LETTER_TYPES: tuple[str, ...] = lifecycle.LETTER_TYPES
RECIPIENTS: tuple[str, ...] = lifecycle.RECIPIENTS

DEFAULT_VALIDITY_DAYS = 90
"""How long an approval stays valid unless the plan sets otherwise."""



@dataclass(frozen=True)
class Decider:
    """The reviewer who decided and whose signature the letter carries."""

    name: str
    credentials: str
    role: Role

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise LetterRefused("the reviewer's name is empty")
        if self.role not in lifecycle.ROLES:
            raise LetterRefused(f"unknown reviewer role '{self.role}' (nurse or physician)")

    @property
    def signed_name(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


@dataclass(frozen=True)
class LetterRequest:
    letter_type: LetterType
    recipient: Recipient
    case: Case
    determination: Determination
    decider: Decider
    decided_at: dt.datetime
    """When the reviewer decided and signed; printed in the signature block."""
    letter_id: str
    reason_text: str = ""
    """The physician reviewer's reason for an adverse or partial decision, written for this
    letter's reader (plain words in the member's language, or the clinical rationale for
    the provider). Printed with the reasons built from the evaluation trace."""
    info_needed_by: dt.date | None = None
    authorization_number: str | None = None
    validity_days: int = DEFAULT_VALIDITY_DAYS
    approved_codes: tuple[str, ...] = ()
    """For a partial approval, the procedure codes approved (the others are not)."""
    approved_levels: tuple[str, ...] = ()
    """For a partial approval, the levels approved when fewer than requested."""
    info_kept: tuple[str, ...] | None = None
    """For a request for information, the evaluation's missing items it asks for (their keys,
    ``Determination.missing_keys``); None asks for every one (a pend recorded before the
    reviewer chose them)."""
    info_added: tuple[str, ...] = ()
    """For a request for information, what the reviewer asks for in her own words."""
    extension_reason: str | None = None
    """For a request for information that extends the timeframe under a rule naming its
    reasons, the one recorded with the pend; the letters state it."""
    replaces_letter_id: str | None = None
    issued_on: dt.date | None = None
    """The date of the letter, from which appeal windows count; the decision date if None."""
    oral_notice_at: dt.datetime | None = None
    """When the reviewer told the decision by phone, as recorded for it (``oral_notices``); an
    expedited letter then says it confirms that call (42 CFR 422.572(c); 29 CFR
    2560.503-1(g)(2))."""
    oral_notice_to: str = ""
    """Who was told, in the reviewer's words."""
    oral_notice_by: str = ""
    """The reviewer who told them."""
    large_print: bool = False
    """The member asked for large print (recorded on the case): member letters are set at
    18 points or more."""

    def __post_init__(self) -> None:
        if self.letter_type not in LETTER_TYPES:
            raise LetterRefused(f"unknown letter type '{self.letter_type}'")
        if self.recipient not in RECIPIENTS:
            raise LetterRefused(f"unknown recipient '{self.recipient}' (member or provider)")
        if self.decided_at.tzinfo is None:
            raise LetterRefused("the decision time needs a UTC offset")
        if not self.letter_id.strip():
            raise LetterRefused("the letter has no id")
        if self.replaces_letter_id == self.letter_id:
            raise LetterRefused("a letter cannot replace itself")
        if self.decided_at < self.case.received_at:
            raise LetterRefused("the decision time is before the request was received")
        getattr(self, f"_check_{self.letter_type}")()
        self._check_language()

    @property
    def date(self) -> dt.date:
        return self.issued_on or self.decided_at.date()

    @property
    def case_number(self) -> str:
        return self.case.external_id or self.determination.case_ref

    @property
    def requested_codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.case.service.procedures)

    @property
    def approved(self) -> tuple[str, ...]:
        """The codes this letter approves (none for adverse and pend letters)."""
        if self.letter_type == "approval":
            return self.requested_codes
        return self.approved_codes if self.letter_type == "partial" else ()

    @property
    def denied(self) -> tuple[str, ...]:
        if self.letter_type == "adverse":
            return self.requested_codes
        if self.letter_type == "partial":
            return tuple(c for c in self.requested_codes if c not in self.approved_codes)
        return ()

    @property
    def requested_levels(self) -> tuple[str, ...]:
        return tuple(self.case.service.levels or ())

    @property
    def levels_approved(self) -> tuple[str, ...]:
        """The levels this letter approves: all requested for an approval, those named for a
        partial approval (all requested when it names none), none otherwise."""
        if self.letter_type == "approval":
            return self.requested_levels
        if self.letter_type == "partial":
            return self.approved_levels or self.requested_levels
        return ()

    @property
    def levels_denied(self) -> tuple[str, ...]:
        if self.letter_type == "adverse":
            return self.requested_levels
        return tuple(level for level in self.requested_levels
                     if self.letter_type == "partial" and level not in self.levels_approved)

    @property
    def asked_keys(self) -> tuple[str, ...]:
        """The evaluation's missing items this request for information asks for."""
        available = self.determination.missing_keys()
        if self.info_kept is None:
            return tuple(available)
        return tuple(key for key in available if key in self.info_kept)

    @property
    def expedited(self) -> bool:
        return self.case.urgency == "expedited"

    @property
    def pend_timeline(self) -> PendTimeline:
        """The deadline a request for information states
        (:mod:`reviewer_app.core.pend_timeline`)."""
        assert self.info_needed_by is not None
        return pend_timeline(received_at=self.case.received_at, urgency=self.case.urgency,
                             line_of_business=self.case.line_of_business,
                             asked_at=self.decided_at, needed_by=self.info_needed_by,
                             extension_reason=self.extension_reason)

    @property
    def valid_until(self) -> dt.date:
        """The last day of an approval: ``validity_days`` counted from the letter date."""
        return self.date + dt.timedelta(days=self.validity_days - 1)

    @property
    def language(self) -> str:
        """The letter's language: the member's when shipped, English for the provider."""
        if self.recipient == "provider":
            return "en"
        return member_letter_language(self.case.member.language)

    def _check_language(self) -> None:
        """What the reviewer typed for the member must be in the member's language (issue 12:
        a letter that would print an English reason to a Spanish-speaking member is refused):
        the reason and each item she adds to a request for information."""
        language = self.language
        if language == "en":
            return
        typed = [("the reason for the member", self.reason_text)]
        typed += [(f"the requested item '{' '.join(text.split())[:60]}'", text)
                  for text in self.info_added]
        for what, text in typed:
            found = foreign_language(text, language)
            if found:
                raise LetterRefused(
                    f"{what} reads as {language_name(found)}, but this member's letters are in "
                    f"{language_name(language)}: write it in {language_name(language)}")

    def _check_authorization(self) -> None:
        if not (self.authorization_number or "").strip():
            raise LetterRefused(f"an {self.letter_type} letter needs an authorization number")
        if not 1 <= self.validity_days <= 366:
            raise LetterRefused("the validity period must be 1 to 366 days")

    def _check_decision(self) -> None:
        """The lifecycle's rules for the decision this letter announces."""
        decision = lifecycle.DECISION_FOR[self.letter_type]
        role = self.decider.role
        problem = (
            lifecycle.decider_problem(decision, role)
            or lifecycle.approval_problem(decision, role, self.determination.outcome)
            or lifecycle.adverse_reason_problem(decision, self.reason_text)
            or lifecycle.approved_codes_problem(
                decision, self.approved_codes, self.requested_codes, self.approved_levels,
                tuple(self.case.service.levels or ()))
        )
        if problem:
            raise LetterRefused(problem)

    def _check_approval(self) -> None:
        self._check_authorization()
        self._check_decision()

    def _check_partial(self) -> None:
        self._check_authorization()
        self._check_decision()

    def _check_adverse(self) -> None:
        self._check_decision()

    def _check_pend(self) -> None:
        self._check_decision()
        if self.info_kept is None:
            if self.determination.outcome != PEND_MISSING_INFORMATION:
                raise LetterRefused(
                    "a request for information lists what the evaluation found missing; this "
                    f"evaluation is '{self.determination.outcome}'"
                )
            if not asks(self.determination):
                raise LetterRefused("the evaluation lists nothing missing to ask for")
        elif problem := lifecycle.pend_items_problem(
                self.info_kept, self.info_added, self.determination.missing_keys()):
            raise LetterRefused(problem)
        if self.info_needed_by is None:
            raise LetterRefused("a request for information needs the date it is needed by")
        if self.info_needed_by <= self.decided_at.date():
            raise LetterRefused("the date information is needed by must be after the decision")
        try:
            _ = self.pend_timeline
        except PendRefused as refused:
            raise LetterRefused(str(refused)) from None
