"""Who may move a case where: the lifecycle and the reviewer roles, as pure rules.

::

    draft -> in_review -> pended (information needed by a date)
                       -> referred (to a physician reviewer)
                       -> approved | partially_approved | denied -> letter_issued

A nurse may approve a request whose latest evaluation meets criteria, refer it to a physician
or pend it for information. Anything that is not a full approval is an adverse determination
that only a physician reviewer may make (URAC; NCQA UM 4; 42 CFR 422.566(d) for Medicare
Advantage; 42 CFR 438.210(b)(3) for Medicaid; California H&SC 1367.01(e)). An adverse
determination must give its specific reason, so a denial or partial approval needs one.

Every refusal raises :class:`TransitionError` with a sentence saying why and what to do instead.
"""

from __future__ import annotations

import datetime as dt

from reviewer_app.core.adverse_reason import reason_problem
from reviewer_app.core.store.errors import TransitionError

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

MEETS_CRITERIA = "meets_criteria"


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
    if decision in ADVERSE and role != PHYSICIAN:
        what = "deny" if decision == "deny" else "partially approve"
        raise TransitionError(
            f"a nurse may not {what} case {case_id}: only a physician reviewer may make an "
            "adverse determination (NCQA UM 4; 42 CFR 422.566(d)); refer it to a physician "
            "instead"
        )
    if status == REFERRED and role != PHYSICIAN:
        raise TransitionError(
            f"case {case_id} has been referred to a physician reviewer; only a physician may "
            "decide it or pend it now"
        )
    if decision == "approve" and role == NURSE and latest_outcome != MEETS_CRITERIA:
        outcome = latest_outcome or "not evaluated"
        raise TransitionError(
            f"a nurse may approve case {case_id} only when its latest evaluation meets "
            f"criteria, and it is {outcome}; refer it to a physician or pend it for information"
        )
    if decision == "refer" and role == PHYSICIAN:
        raise TransitionError(
            f"case {case_id}: a physician reviewer decides the case (approve, partial, deny or "
            "pend); referral is how a nurse sends it to a physician"
        )
    if decision in ADVERSE and not (reason and reason.strip()):
        raise TransitionError(
            f"case {case_id}: an adverse determination needs the specific reason, in plain "
            "language about this member's condition (give --reason)"
        )
    if decision in ADVERSE and (problem := reason_problem(reason)):
        raise TransitionError(f"case {case_id}: {problem}")
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
    """A partial approval names the procedure codes it approves: some of those requested, not
    all (that would be an approval). Its letter lists them; the others are denied."""
    if decision != "partial":
        if approved:
            raise TransitionError(
                f"case {case_id}: approved codes belong only to a partial approval (--approve)"
            )
        return
    if not approved:
        raise TransitionError(
            f"case {case_id}: a partial approval names the procedure codes it approves "
            f"(give --approve CODE for each; requested: {', '.join(requested)})"
        )
    unknown = [code for code in approved if code not in requested]
    if unknown:
        raise TransitionError(
            f"case {case_id}: {', '.join(unknown)} was not requested (requested: "
            f"{', '.join(requested)})"
        )
    if set(approved) == set(requested):
        raise TransitionError(
            f"case {case_id}: every requested code is approved; that is an approval, not a "
            "partial approval"
        )


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
