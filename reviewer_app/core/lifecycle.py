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

from reviewer_app.core import deadlines
from reviewer_app.core.adverse_reason import reason_problem
from reviewer_app.core.characters import text_problem
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


def decision_problem(decision: str, role: str, status: str, outcome: str | None,
                     case_id: int | None = None) -> str | None:
    """Why a reviewer with ``role`` may not make ``decision`` on a case in ``status`` whose
    latest evaluation is ``outcome``, in the words the store refuses with; None when they may.
    The window asks this to disable what a reviewer may not do, with the same sentence as a
    tooltip."""
    subject = f"case {case_id}" if case_id is not None else "this case"
    if decision not in DECISIONS:
        return f"'{decision}' is not a decision (use one of: {', '.join(DECISIONS)})"
    if role not in ROLES:
        return f"'{role}' is not a reviewer role (nurse or physician)"
    if problem := _decidable_problem(subject, status):
        return problem
    if problem := decider_problem(decision, role, subject):
        return problem
    if status == REFERRED and role != PHYSICIAN:
        return (f"{subject} has been referred to a physician reviewer; only a physician may "
                "decide it or pend it now")
    if problem := approval_problem(decision, role, outcome):
        return f"{subject}: {problem}"
    if decision == "refer" and role == PHYSICIAN:
        return (f"{subject}: a physician reviewer decides the case (approve, partial, deny or "
                "pend); referral is how a nurse sends it to a physician")
    return None


def member_reason_problem(decision: str, text: str | None) -> str | None:
    """An adverse determination's plain-language reason for the member, checked like the
    clinical rationale: the member's letter prints it, in the member's letter language."""
    if decision not in ADVERSE:
        return ("a reason for the member belongs only to a denial or a partial approval"
                if (text or "").strip() else None)
    problem = reason_problem(text)
    return f"the reason for the member: {problem}" if problem else None


MAX_PEND_ITEMS = 20
MAX_PEND_ITEM_CHARS = 300


def pend_items_problem(kept: Sequence[str], added: Sequence[str],
                       available: Sequence[str]) -> str | None:
    """What a request for information asks: the missing items the evaluation listed that the
    reviewer kept (``kept``, each one of ``available``) and the reviewer's own items in words
    (``added``). It must ask for something; the letter lists each one."""
    unknown = [key for key in kept if key not in available]
    if unknown:
        return (f"'{unknown[0]}' is not among the missing items of the latest evaluation "
                f"({', '.join(available) or 'it lists none'})")
    if not kept and not added:
        return ("a request for information must ask for something: keep one of the missing "
                "items the evaluation lists, or add what is needed in words")
    if len(kept) + len(added) > MAX_PEND_ITEMS:
        return f"a request for information lists at most {MAX_PEND_ITEMS} items"
    for text in added:
        if not text.strip():
            return "an item asked for in words is empty"
        if len(text) > MAX_PEND_ITEM_CHARS:
            return (f"an item asked for in words is {len(text):,} characters; say it in at "
                    f"most {MAX_PEND_ITEM_CHARS}")
        if problem := text_problem(text):
            return f"the item '{text[:40]}' {problem}"
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
    member_reason: str | None = None,
    due_at: dt.datetime | None = None,
    pend_rules: tuple[dt.datetime, str, str, dt.datetime] | None = None,
    extension_reason: str | None = None,
) -> str:
    """The status after ``decision``, or :class:`TransitionError` saying why it is not allowed.
    ``due_at`` is when the decision is due: a pend's needed-by date must come before it, unless
    the line of business allows an extension (``pend_rules``: the request's received time,
    urgency and line of business and the time of asking; :mod:`reviewer_app.core.pend_timeline`),
    for one of the reasons its rule allows when it names them (``extension_reason``)."""
    if problem := decision_problem(decision, role, status, latest_outcome, case_id):
        raise TransitionError(problem)
    if problem := adverse_reason_problem(decision, reason):
        hint = "" if reason and reason.strip() else " (give --reason)"
        raise TransitionError(f"case {case_id}: {problem}{hint}")
    if problem := member_reason_problem(decision, member_reason):
        hint = "" if member_reason and member_reason.strip() else " (give --member-reason)"
        raise TransitionError(f"case {case_id}: {problem}{hint}")
    if decision == "pend":
        if info_needed_by is None:
            raise TransitionError(
                f"case {case_id}: pending for information needs the date the information is "
                "needed by (give --info-needed-by YYYY-MM-DD)"
            )
        if info_needed_by <= today:
            raise TransitionError(
                f"case {case_id}: the information-needed-by date {info_needed_by} is not after "
                f"today ({today}): give the provider time to send it")
        if pend_rules is not None:
            # the rules file (pydantic, YAML) is read only by a pend: the window's start-up
            # imports this module and does not need it (about 0.15 s)
            from reviewer_app.core.pend_timeline import PendRefused, pend_timeline

            received, urgency, line_of_business, asked = pend_rules
            try:
                pend_timeline(received_at=received, urgency=urgency,
                              line_of_business=line_of_business, asked_at=asked,
                              needed_by=info_needed_by, extension_reason=extension_reason)
            except PendRefused as refused:
                hint = (" (give --extension-reason)" if refused.field == "extension_reason"
                        and extension_reason is None else "")
                raise TransitionError(f"case {case_id}: {refused}{hint}") from None
        elif due_at is not None and (
                problem := deadlines.needed_by_problem(info_needed_by, due_at, today)):
            raise TransitionError(f"case {case_id}: {problem}")
    elif info_needed_by is not None:
        raise TransitionError(
            f"case {case_id}: an information-needed-by date belongs only to a pend decision"
        )
    elif extension_reason is not None:
        raise TransitionError(
            f"case {case_id}: an extension reason belongs only to a pend decision")
    return DECISIONS[decision]


def check_approved_codes(*, case_id: int, decision: str, approved: tuple[str, ...],
                         requested: tuple[str, ...], approved_levels: tuple[str, ...] = (),
                         requested_levels: tuple[str, ...] = ()) -> None:
    """:func:`approved_codes_problem` for a decision being recorded: refused with
    :class:`TransitionError`."""
    if problem := approved_codes_problem(decision, approved, requested, approved_levels,
                                         requested_levels):
        hint = (f" (give --approve CODE for each; requested: {', '.join(requested)})"
                if decision == "partial" and not approved else "")
        raise TransitionError(f"case {case_id}: {problem}{hint}")


def _decidable_problem(subject: str, status: str) -> str | None:
    if status == DRAFT:
        number = subject.removeprefix("case ")
        how = f" (assign {number} --reviewer RID)" if number.isdigit() else ""
        return f"{subject} is a draft: a reviewer must take it into review first{how}"
    if status in DECIDED:
        return (f"{subject} has already been decided ({status}); a different decision needs "
                "an appeal, decided by someone other than the original decider")
    if status == LETTER_ISSUED:
        return f"{subject} is closed: its decision letter has been issued"
    if status not in OPEN:
        return f"{subject} has an unknown status '{status}'"
    return None


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


def assign_problem(status: str, signed_in: bool, read_only: bool = False) -> str | None:
    """Why the window may not offer Assign… on a case (None when it may): the store's
    :func:`assign` refuses the same cases, and says which reviewer a referred case needs."""
    if not signed_in:
        return "Sign in to assign cases: the assignment is recorded as yours"
    if read_only:
        return "This is an earlier version, shown read-only"
    if status in DECIDED or status == LETTER_ISSUED:
        return "The case has been decided; it cannot be reassigned"
    return None


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


P2P_OUTCOMES = {
    "upheld": "the decision stands as it is",
    "new_information": "the provider will send new clinical information",
    "request_changed": "the provider will change the request",
    "request_withdrawn": "the provider withdrew the request",
    "declined": "offered; the provider declined the conversation",
    "no_contact": "offered; the provider could not be reached",
}
"""How a peer-to-peer conversation ended (or that the offer was not taken up): URAC asks for
the offer and the conversation to be documented."""


def peer_to_peer_problem(role: str, status: str, outcome: str) -> str | None:
    """A peer-to-peer conversation is between the requesting provider and a physician
    reviewer, about a case in review or decided (docs/review-rules.md)."""
    if outcome not in P2P_OUTCOMES:
        return (f"'{outcome}' is not a peer-to-peer outcome (use one of: "
                f"{', '.join(P2P_OUTCOMES)})")
    if role != PHYSICIAN:
        return ("a peer-to-peer conversation is held by a physician reviewer with the "
                f"requesting provider; a {role} reviewer records a referral instead")
    if status == DRAFT:
        return "the case is a draft: take it into review before recording a conversation"
    return None


def oral_notice_problem(urgency: str, decision: str | None) -> str | None:
    """Why an oral notice cannot be recorded: only an expedited case's decision is told by
    phone first and confirmed in writing (42 CFR 422.572(c); 29 CFR 2560.503-1(g)(2)), and a
    referral decides nothing to tell."""
    if urgency != "expedited":
        return "an oral notice is recorded for an expedited request only"
    if decision is None:
        return "the case has no decision to tell"
    if decision == "refer":
        return "a referral to a physician reviewer is not a decision to tell the member"
    return None
