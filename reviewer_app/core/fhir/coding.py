"""Which codes of a request become ``ur-case/1`` codes, and which wait for the nurse.

Diagnoses: a coding of ICD-10-CM whose code is valid and billable becomes a diagnosis; any
other (an ICD-10-CM category that is not billable, ICD-9-CM, SNOMED CT, ICD-10 of the WHO, a
system this application does not know) is kept as *to be coded*, with its system, code and
words, so that the nurse codes it; nothing is dropped.

Procedures: the code's shape decides what it is, not the system the sender wrote: five
characters of which the first four are digits (``63090``, ``0275T``) is CPT, a letter and four
digits (``C1062``) is HCPCS Level II. Senders mislabel (the PAS examples send CPT codes under
the HCPCS system URI, the reference implementation HCPCS codes under CPT's), so a system that
disagrees with the shape is reported, and the shape wins. A code of neither shape (an X12
service category such as ``3``, Consultation) is not a procedure code: it is kept to be coded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reviewer_app.core.codes import icd10
from reviewer_app.core.fhir import vocabulary as v
from reviewer_app.core.fhir.bundle import codings

_CPT = re.compile(r"[0-9]{4}[0-9FTU]")
_HCPCS = re.compile(r"[A-V][0-9]{4}")


def procedure_kind(code: str) -> str | None:
    """``CPT``, ``HCPCS`` or None, by the code's shape (matched whole, in ASCII)."""
    if _CPT.fullmatch(code):
        return "CPT"
    if _HCPCS.fullmatch(code):
        return "HCPCS"
    return None


@dataclass(frozen=True)
class Coded:
    code: str
    system: str | None
    """For procedures: CPT or HCPCS (from the shape); for diagnoses: None."""
    note: str | None = None
    """What disagreed (a mislabelled system), for the warnings."""


def _coding_text(coding: dict[str, Any]) -> dict[str, Any]:
    found = {"system": coding.get("system"), "code": coding.get("code")}
    if isinstance(coding.get("display"), str):
        found["display"] = coding["display"]
    return found


def diagnosis_code(concept: Any) -> tuple[Coded | None, list[dict[str, Any]]]:
    """The billable ICD-10-CM code of a CodeableConcept, or None; and every coding as sent."""
    sent = [_coding_text(c) for c in codings(concept)]
    for coding in codings(concept):
        code = coding.get("code")
        if coding.get("system") == v.ICD10CM and isinstance(code, str):
            try:
                return Coded(icd10.check_billable_icd10(code), None), sent
            except ValueError:
                continue
    return None, sent


def why_not_billable(sent: list[dict[str, Any]]) -> str:
    """In words, why none of these codings is a billable ICD-10-CM code."""
    for coding in sent:
        if coding.get("system") == v.ICD10CM and isinstance(coding.get("code"), str):
            try:
                icd10.check_billable_icd10(coding["code"])
            except ValueError as error:
                return str(error)
    systems = sorted({system_name(c.get("system")) for c in sent})
    if not systems:
        return "no code was given, only words"
    return f"not ICD-10-CM ({', '.join(systems)}): to be coded in ICD-10-CM"


def system_name(system: Any) -> str:
    if not isinstance(system, str):
        return "no system"
    return v.DIAGNOSIS_SYSTEMS.get(system) or v.PROCEDURE_SYSTEMS.get(system) or system


def procedure_code(concept: Any) -> tuple[Coded | None, list[dict[str, Any]]]:
    """The first coding whose code has a CPT or HCPCS shape, and every coding as sent."""
    sent = [_coding_text(c) for c in codings(concept)]
    for coding in codings(concept):
        code = coding.get("code")
        if not isinstance(code, str):
            continue
        kind = procedure_kind(code.strip().upper())
        if kind is None:
            continue
        said = v.PROCEDURE_SYSTEMS.get(coding.get("system"))
        note = None
        if said != kind:
            note = (f"{code} is sent as {system_name(coding.get('system'))} but has the shape of "
                    f"a {kind} code; read as {kind}")
        return Coded(code.strip().upper(), kind, note), sent
    return None, sent
