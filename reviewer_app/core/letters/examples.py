"""Worked letter requests built from the motivating case, for the pictures, benchmarks and tests.

``examples/seed-l2-corpectomy.json`` meets its criteria set, so it gives the approval and the
partial approval (the physician approves the corpectomy and fusion but not the separate
posterior laminotomy, 63030). Two variants of it give the other letters: with a smaller
collapse, normal alignment and no retropulsed bone no indication is met and the physician
denies; without the survival estimate and the Frankel grade the evaluation pends. Everything
here is synthetic.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from reviewer_app.core import resources
from reviewer_app.core.case import Case
from reviewer_app.core.case_file import parse_case
from reviewer_app.core.criteria.evaluator import evaluate
from reviewer_app.core.letters.request import Decider, LetterRequest

SEED = resources.ROOT.parent / "examples" / "seed-l2-corpectomy.json"
DECIDED_AT = dt.datetime(2026, 11, 23, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
PHYSICIAN = Decider("Maria Chen", "MD", "physician")
NURSE = Decider("Sam Lee", "RN", "nurse")

REASONS = {
    ("adverse", "member", "en"): (
        "Your MRI shows the tumor in the L2 bone of your back. The bone has lost less than half "
        "of its height, and your spine is still lined up. No piece of bone is pressing on your "
        "nerves, and you have no weakness or numbness. For a tumor like this, the usual first "
        "care is radiation, not surgery."
    ),
    ("adverse", "member", "es"): (
        "Su resonancia magnética muestra el tumor en el hueso L2 de la espalda. El hueso perdió "
        "menos de la mitad de su altura y la columna sigue alineada. Ningún pedazo de hueso "
        "aprieta los nervios y usted no tiene debilidad ni adormecimiento. Para un tumor así, la "
        "primera atención habitual es la radiación, no la cirugía."
    ),
    ("adverse", "provider", "en"): (
        "SINS 10 (potentially unstable): mobile level, mechanical pain, lytic lesion, collapse "
        "under 50%, normal alignment, unilateral posterolateral involvement. No retropulsion, "
        "ESCC grade 1a, neurologically intact (Frankel E). Under NOMS, radiation with "
        "reassessment of stability is the indicated first treatment; surgical stabilization "
        "may be reconsidered if collapse progresses or the SINS reaches 13."
    ),
    ("partial", "member", "en"): (
        "We approved the surgery to take out the L2 bone and join L1 to L3. Your MRI shows the "
        "broken bone presses on the nerves from the front, and that surgery removes it. Your "
        "scans do not show a slipped disc or a pinched nerve at L2-L3. So the extra surgery "
        "from the back on that disc (code 63030) is not needed."
    ),
    ("partial", "member", "es"): (
        "Aprobamos la cirugía para sacar el hueso L2 y unir L1 con L3. Su resonancia muestra "
        "que el hueso roto aprieta los nervios desde adelante, y esa cirugía lo saca. Sus "
        "estudios no muestran una hernia de disco ni un nervio apretado en L2-L3. Por eso no "
        "hace falta la cirugía extra por la espalda en ese disco (código 63030)."
    ),
    ("partial", "provider", "en"): (
        "The L2 corpectomy with L1-L3 anterior and posterior fusion is approved: the "
        "retropulsed fragment compresses from the front and is removed by the corpectomy. "
        "63030 (laminotomy with nerve-root decompression at one lumbar interspace) is not "
        "approved: imaging shows no disc herniation, foraminal stenosis or nerve-root "
        "compression at L2-L3, and the member has no radicular pain or deficit."
    ),
}


def _seed_document() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8"))


def _adverse_variant(doc: dict) -> None:
    doc["imaging"][0]["findings"].update(
        retropulsion=False, vertebral_collapse="lt50", alignment="normal",
        fracture="compression", canal_compromise_percent=0, escc_grade="1a",
    )
    doc["imaging"][1]["findings"].update(
        retropulsion=False, fracture="compression", vertebral_collapse="lt50",
        alignment="normal", posterolateral_involvement="unilateral",
    )


def _pend_variant(doc: dict) -> None:
    """The survival estimate and the neurological examination were not sent: with the deficit
    unknown, its grade and duration apply too (a Frankel grade is not asked of a member known
    to have no deficit)."""
    del doc["oncology"]["expected_survival_months"]
    del doc["symptoms"]["frankel_grade"]
    del doc["symptoms"]["neuro_deficit"]


VARIANTS: dict[str, Callable[[dict], None] | None] = {
    "approval": None,
    "partial": None,
    "adverse": _adverse_variant,
    "pend": _pend_variant,
}


def case_for(letter_type: str, line_of_business: str = "commercial",
             language: str = "en", urgency: str = "standard") -> Case:
    doc = _seed_document()
    change = VARIANTS[letter_type]
    if change:
        change(doc)
    doc["line_of_business"] = line_of_business
    doc["member"]["language"] = language
    doc["urgency"] = urgency
    return parse_case(json.dumps(doc), f"{SEED.name} ({letter_type} example)")


EXPEDITED_DECIDED_AT = dt.datetime(2026, 11, 20, 16, 30,
                                   tzinfo=dt.timezone(dt.timedelta(hours=-5)))
"""An expedited request is decided the day it arrives (it is due 72 hours after receipt)."""


def decided_at_for(urgency: str) -> dt.datetime:
    return EXPEDITED_DECIDED_AT if urgency == "expedited" else DECIDED_AT


def needed_by_for(case: Case, decided_at: dt.datetime, *, extended: bool) -> dt.date:
    """The day information is asked for by: the last day before the decision is due, or with
    ``extended`` the last day the line of business's extension allows (commercial: the least
    time the claimant must be given, resources/pend-rules.yaml)."""
    from reviewer_app.core import deadlines
    from reviewer_app.core.pend_timeline import rule_for

    rule = rule_for(case.line_of_business, case.urgency)
    due = deadlines.due_at(case.received_at, case.urgency, case.line_of_business)
    least = decided_at + dt.timedelta(hours=rule.min_response_hours)
    if rule.min_response_always or (extended and rule.decide_after_hours is not None):
        return least.astimezone(due.tzinfo).date()
    if extended:
        return deadlines.latest_needed_by(due + dt.timedelta(days=rule.extension_days))
    return deadlines.latest_needed_by(due)


def request_for(letter_type: str, recipient: str = "member",
                line_of_business: str = "commercial", language: str = "en",
                number: int = 1, urgency: str = "standard",
                extended: bool = False, extension_reason: str | None = None) -> LetterRequest:
    """One example request; ``number`` varies the letter id for batches; ``extended`` asks a
    pend's information by a date that extends the timeframe, for ``extension_reason`` where
    the rule names the reasons (default: evidence from a noncontract provider)."""
    from reviewer_app.core.pend_timeline import rule_for

    case = case_for(letter_type, line_of_business, language, urgency)
    decided_at = decided_at_for(urgency)
    if extended and extension_reason is None and rule_for(line_of_business,
                                                          urgency).extension_reasons:
        extension_reason = "noncontract_evidence"
    determination = evaluate(case, case.external_id or SEED.name)
    text_language = language if recipient == "member" else "en"
    return LetterRequest(
        letter_type=letter_type,  # type: ignore[arg-type]
        recipient=recipient,  # type: ignore[arg-type]
        case=case,
        determination=determination,
        decider=NURSE if letter_type in ("approval", "pend") else PHYSICIAN,
        decided_at=decided_at,
        letter_id=f"LTR-2026-{number:06d}",
        reason_text=REASONS.get((letter_type, recipient, text_language), ""),
        info_needed_by=needed_by_for(case, decided_at, extended=extended)
        if letter_type == "pend" else None,
        extension_reason=extension_reason if letter_type == "pend" else None,
        authorization_number="AUTH-2026-118204" if letter_type in ("approval", "partial")
        else None,
        approved_codes=tuple(
            p.code for p in case.service.procedures if p.code != "63030"
        ) if letter_type == "partial" else (),
    )
