"""Who may move a case where, and which letter a decision gives: the lifecycle and the reviewer
roles as pure rules (no SQL, no letters, no clock of their own).

::

    draft -> in_review -> pended (information needed by a date)
                       -> referred (to a physician reviewer)
                       -> approved | partially_approved | denied -> letter_issued

A nurse may approve a request whose latest evaluation meets criteria, refer it to a physician
or pend it for information. Anything that is not a full approval is an adverse determination
that only a physician reviewer may make (URAC; NCQA UM 4; 42 CFR 422.566(d) for Medicare
Advantage; 42 CFR 438.210(b)(3) for Medicaid; California H&SC 1367.01(e); docs/review-rules.md).
An adverse determination must give its specific reason, so a denial or partial approval needs
one (what makes a reason acceptable: :mod:`reviewer_app.core.adverse_reason`).

Two kinds of callers share these rules. The store applies the transitions (:func:`decide`,
:func:`assign`, :func:`issue_letter`) when a reviewer acts, and refuses with
:class:`TransitionError`; a letter request (``core/letters/request.py``) checks itself against
the same ``*_problem`` functions, which return the sentence saying what is wrong (None when
nothing is), so that each caller raises its own refusal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reviewer_app.core.adverse_reason import reason_problem
from reviewer_app.core.criteria.outcome import MEETS_CRITERIA


class TransitionError(Exception):
    """The lifecycle or the reviewer's role does not allow this step; the message says why and
    what to do instead. The store raises it as
    :class:`reviewer_app.core.store.errors.TransitionError`, which is also a ``StoreError``."""


DRAFT = "draft"
IN_REVIEW = "in_review"
PENDED = "pended"
REFERRED = "referred"
APPROVED = "approved"
PARTIALLY_APPROVED = "partially_approved"
DENIED = "denied"
LETTER_ISSUED = "letter_issued"

STATUSES = (DRAFT, IN_REVIEW, PENDED, REFERRED, APPROVED, PARTIALLY_APPROVED, DENIED,
            LETTER_ISSUED)
OPEN = (DRAFT, IN_REVIEW, PENDED, REFERRED)
"""Statuses still waiting for a decision: the queue, and what can be overdue."""
DECIDED = (APPROVED, PARTIALLY_APPROVED, DENIED)
STATUS_FILTERS = ("open", "all", *STATUSES)
"""What a list can be filtered by: a status, ``open`` (not yet decided) or ``all``."""

NURSE = "nurse"
PHYSICIAN = "physician"
ROLES = (NURSE, PHYSICIAN)

DECISIONS = {
    "approve": APPROVED,
    "partial": PARTIALLY_APPROVED,
    "deny": DENIED,
    "refer": REFERRED,
    "pend": PENDED,
}
ADVERSE = ("partial", "deny")
"""Decisions that are adverse determinations: a physician reviewer's, with the reason."""

LETTER_FOR = {"approve": "approval", "partial": "partial", "deny": "adverse", "pend": "pend"}
"""The letter each decision gives (a referral gives none: the physician's decision will)."""
LETTER_TYPES = tuple(LETTER_FOR.values())
RECIPIENTS = ("member", "provider")
"""Every decision letter goes to the member and to the requesting provider."""
DECISION_FOR = {letter: decision for decision, letter in LETTER_FOR.items()}
"""The decision a letter type announces."""
PHYSICIAN_LETTERS = tuple(LETTER_FOR[decision] for decision in ADVERSE)
"""Letters that announce an adverse determination, so only a physician's decision gives them."""


def decider_problem(decision: str, role: str, subject: str = "this request") -> str | None:
    """An adverse determination (a denial or a partial approval) by anyone but a physician."""
    if decision in ADVERSE and role != PHYSICIAN:
        what = "deny" if decision == "deny" else "partially approve"
        return (
            f"a {role} may not {what} {subject}: only a physician reviewer may issue an "
            "adverse determination, a partial approval included (NCQA UM 4; 42 CFR "
            "422.566(d)); refer it to a physician instead"
        )
    return None


def approval_problem(decision: str, role: str, outcome: str | None) -> str | None:
    """A nurse's approval of a request whose latest evaluation (``outcome``, None when it was
    never evaluated) does not meet criteria."""
    if decision == "approve" and role == NURSE and outcome != MEETS_CRITERIA:
        found = f"'{outcome}'" if outcome else "not evaluated yet"
        return (
            "a nurse reviewer may approve only a request whose latest evaluation meets "
            f"criteria, and this one is {found}; refer it to a physician or pend it for "
            "information"
        )
    return None


def adverse_reason_problem(decision: str, reason: str | None) -> str | None:
    """An adverse determination without its specific reason in plain words."""
    return reason_problem(reason) if decision in ADVERSE else None


def approved_codes_problem(decision: str, approved: Sequence[str], requested: Sequence[str],
                           approved_levels: Sequence[str] = (),
                           requested_levels: Sequence[str] = ()) -> str | None:
    """A partial approval names the procedure codes it approves (and, when fewer, the levels):
    some of those requested, not all; any other decision names none."""
    if decision != "partial":
        if approved or approved_levels:
            return ("approved codes belong only to a partial approval: a full approval "
                    "approves every requested code and level; use a partial approval to "
                    "approve less")
        return None
    unknown = [code for code in approved if code not in requested]
    if unknown:
        return (f"approved code {', '.join(unknown)} was not requested (requested: "
                f"{', '.join(requested)})")
    unknown_levels = [level for level in approved_levels if level not in requested_levels]
    if unknown_levels:
        return f"approved level {', '.join(unknown_levels)} was not requested"
    if not approved:
        return ("a partial approval names the procedure codes it approves; its letter lists "
                "the codes it approves and denies the others")
    fewer_levels = bool(approved_levels) and set(approved_levels) < set(requested_levels)
    if set(approved) == set(requested) and not fewer_levels:
        return ("a partial approval approves some, but not all, of the request: with every "
                "requested code approved, that is an approval")
    return None


def decide(
    *,
    case_id: int,
    status: str,
    decision: str,
    role: str,
    latest_outcome: str | None,
    reason: str | None,
    info_needed_by: dt.date | None,
    today: dt.date,
) -> str:
    """The status after ``decision``, or :class:`TransitionError` saying why it is not allowed."""
    if decision not in DECISIONS:
        raise TransitionError(
            f"'{decision}' is not a decision (use one of: {', '.join(DECISIONS)})"
        )
    if role not in ROLES:
        raise TransitionError(f"'{role}' is not a reviewer role (nurse or physician)")
    _decidable(case_id, status)
    if problem := decider_problem(decision, role, f"case {case_id}"):
        raise TransitionError(problem)
    if status == REFERRED and role != PHYSICIAN:
        raise TransitionError(
            f"case {case_id} has been referred to a physician reviewer; only a physician may "
            "decide it or pend it now"
        )
    if problem := approval_problem(decision, role, latest_outcome):
        raise TransitionError(f"case {case_id}: {problem}")
    if decision == "refer" and role == PHYSICIAN:
        raise TransitionError(
            f"case {case_id}: a physician reviewer decides the case (approve, partial, deny or "
            "pend); referral is how a nurse sends it to a physician"
        )
    if problem := adverse_reason_problem(decision, reason):
        hint = "" if reason and reason.strip() else " (give --reason)"
        raise TransitionError(f"case {case_id}: {problem}{hint}")
    if decision == "pend":
        if info_needed_by is None:
            raise TransitionError(
                f"case {case_id}: pending for information needs the date the information is "
                "needed by (give --info-needed-by YYYY-MM-DD)"
            )
        if info_needed_by < today:
            raise TransitionError(
                f"case {case_id}: the information-needed-by date {info_needed_by} is in the past"
            )
    elif info_needed_by is not None:
        raise TransitionError(
            f"case {case_id}: an information-needed-by date belongs only to a pend decision"
        )
    return DECISIONS[decision]


def check_approved_codes(*, case_id: int, decision: str, approved: tuple[str, ...],
                         requested: tuple[str, ...]) -> None:
    """:func:`approved_codes_problem` for a decision being recorded: refused with
    :class:`TransitionError`."""
    if problem := approved_codes_problem(decision, approved, requested):
        hint = (f" (give --approve CODE for each; requested: {', '.join(requested)})"
                if decision == "partial" and not approved else "")
        raise TransitionError(f"case {case_id}: {problem}{hint}")


def _decidable(case_id: int, status: str) -> None:
    if status == DRAFT:
        raise TransitionError(
            f"case {case_id} is a draft: a reviewer must take it into review first "
            f"(assign {case_id} --reviewer RID)"
        )
    if status in DECIDED:
        raise TransitionError(
            f"case {case_id} has already been decided ({status}); a different decision needs "
            "an appeal, decided by someone other than the original decider"
        )
    if status == LETTER_ISSUED:
        raise TransitionError(
            f"case {case_id} is closed: its decision letter has been issued"
        )
    if status not in OPEN:
        raise TransitionError(f"case {case_id} has an unknown status '{status}'")


def assign(*, case_id: int, status: str, role: str) -> str:
    """The status after (re)assigning the case to a reviewer with ``role``."""
    if status in DECIDED or status == LETTER_ISSUED:
        raise TransitionError(
            f"case {case_id} has already been decided ({status}); it cannot be reassigned"
        )
    if status == REFERRED and role != PHYSICIAN:
        raise TransitionError(
            f"case {case_id} has been referred to a physician reviewer; assign it to a physician"
        )
    if status in (DRAFT, PENDED):
        return IN_REVIEW
    if status in OPEN:
        return status
    raise TransitionError(f"case {case_id} has an unknown status '{status}'")


def decisions_behind(status: str) -> tuple[str, ...]:
    """The decisions a case in ``status`` can have as its latest: the one that gave a decided
    status, a pend for a pended case, any decision with a letter for a closed case."""
    if status == PENDED:
        return ("pend",)
    if status == LETTER_ISSUED:
        return tuple(name for name in LETTER_FOR if name != "pend")
    return tuple(name for name, after in DECISIONS.items() if after == status)


def issue_letter(*, case_id: int, status: str) -> str:
    """The status after the decision letter has gone out."""
    if status == LETTER_ISSUED:
        raise TransitionError(f"case {case_id}: the decision letter has already been issued")
    if status not in DECIDED:
        raise TransitionError(
            f"case {case_id} has no decision yet ({status}); a letter follows a decision"
        )
    return LETTER_ISSUED


def edit(*, case_id: int, status: str) -> None:
    """A stored request may be corrected or completed (a new version of its document) while it
    waits for a decision. Once decided, the decision stands on the document it was made on."""
    if status in DECIDED or status == LETTER_ISSUED:
        raise TransitionError(
            f"case {case_id} has already been decided ({status}), so its request can no longer "
            "be changed: the decision stands on the version it was made on. Import a corrected "
            "request as a new case; a different decision needs an appeal"
        )
    if status not in OPEN:
        raise TransitionError(f"case {case_id} has an unknown status '{status}'")
