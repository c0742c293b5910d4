"""Compose a letter: the request and the wording files in, a :class:`~.blocks.Letter` out.

What each letter contains follows ``docs/review-rules.md`` ("What a letter must say"): an
approval names the authorization, the codes with plain descriptions, units, levels, setting,
validity, decision date and decider; an adverse or partial determination adds the specific
reason (the physician's words and the blocking criteria told with the member's own values), the
criteria set with its version and the free copy, what would change the decision, appeal rights
with the line of business's window (``deadlines.APPEAL_DAYS``) and the expedited appeal, the
peer-to-peer offer, the next level of review, contact and TTY, and language-assistance
taglines; a pend lists each missing item, why it is needed, the date and what happens if it
does not come. Provider letters add the clinical rationale and the criteria trace with
references.
"""

from __future__ import annotations

import datetime as dt
import re

from reviewer_app.core import deadlines
from reviewer_app.core.codes import procedure_list
from reviewer_app.core.criteria.library import default_library
from reviewer_app.core.criteria.outcome import judge
from reviewer_app.core.letters import trace_reasons
from reviewer_app.core.letters.blocks import (
    Block,
    Bullets,
    Heading,
    KeyFacts,
    Letter,
    Paragraph,
    Signature,
    Table,
    Taglines,
)
from reviewer_app.core.letters.content import (
    LanguageContent,
    Rights,
    content,
    service_words,
)
from reviewer_app.core.letters.errors import LetterRefused
from reviewer_app.core.letters.letterhead import FREE_TEXTS, Letterhead
from reviewer_app.core.letters.request import LetterRequest
from reviewer_app.core.levels import describe_levels

DENIAL_CODE = "0001"
"""The denial code of a medical-necessity determination, HL7 claim-decision-reason 0001 "Not
medically necessary" (the code a FHIR ClaimResponse carries; 45 CFR 147.136(b)(2)(ii)(E)(3)
asks for the code and its meaning)."""

_OUTCOME_LINE = "Outcome:"
"""How the evaluator's closing rationale line begins (``criteria/narrative``)."""


def letter_language(request: LetterRequest) -> str:
    """Member letters in the member's language when shipped; provider letters in English."""
    return request.language


class _Untranslated:
    """A letterhead text the organization gave in other languages only: printing it refuses
    the letter (a letter that does not use it is unaffected)."""

    def __init__(self, key: str, language: str):
        self.key, self.language = key, language

    def __format__(self, _spec: str) -> str:
        name = self.key.replace("_", " ")
        raise LetterRefused(
            f"the letterhead's {name} has no text in this letter's language ('{self.language}'); "
            f"add it in Settings > Letterhead ({self.key}.{self.language}), so the member "
            "reads the organization's own words and not a general sentence")


def _free_text(letterhead: Letterhead, key: str, c: LanguageContent) -> str | _Untranslated:
    """The organization's text in the letter's language; the shipped sentence when it gave
    none at all; refused when it gave the text in other languages only (its specific
    provision or contact must reach every member, 29 CFR 2560.503-1(g)(1)(ii); 45 CFR
    147.136(b)(2)(ii)(E)(5); 42 CFR 431.210(c))."""
    text = letterhead.free_text(key, c.language)
    if text:
        return text
    if getattr(letterhead, key):
        return _Untranslated(key, c.language)
    return getattr(c.words, key)


def _slots(request: LetterRequest, letterhead: Letterhead,
           c: LanguageContent) -> dict[str, str | _Untranslated]:
    case = request.case
    dates = c.dates
    criteria = request.determination.criteria_set
    library_set = default_library().by_id.get(criteria.id) if criteria else None
    appeal_days = deadlines.APPEAL_DAYS[case.line_of_business]
    levels = tuple(case.service.levels or ())
    approved_levels = request.levels_approved or levels
    decision_due = dt.datetime.fromisoformat(request.determination.due_at)
    extension_days = response_time = extension_reason = extension_rule = ""
    if request.letter_type == "pend" and request.info_needed_by is not None:
        timeline = request.pend_timeline
        decision_due = timeline.due
        extension_days = str(timeline.extension_days)
        extension_rule = timeline.reason_cited
        if timeline.reason:
            words = c.member if request.recipient == "member" else c.provider
            assert words is not None
            extension_reason = words.pend.extension_reasons[timeline.reason]
        hours = timeline.rule.min_response_hours
        response_time = (c.words.days.format(n=hours // 24) if hours % 24 == 0 and hours >= 72
                         else c.words.hours.format(n=hours))
    return {
        "member_name": f"{case.member.given_name} {case.member.family_name}",
        "member_id": case.member.id,
        "birth_date": dates.format_date(case.member.birth_date),
        "provider_name": case.requesting_provider.name,
        "provider_npi": case.requesting_provider.npi,
        "organization": letterhead.organization,
        "phone": letterhead.phone,
        "tty": letterhead.tty,
        "fax": letterhead.fax or letterhead.appeals.fax,
        "appeals_phone": letterhead.appeals.phone,
        "appeals_fax": letterhead.appeals.fax,
        "appeals_address": ", ".join(letterhead.appeals.address),
        "p2p_phone": letterhead.peer_to_peer_phone,
        "case_number": request.case_number,
        "letter_id": request.letter_id,
        "letter_date": dates.format_date(request.date),
        "decided_on": dates.format_date(request.decided_at.date()),
        "decider_name": request.decider.signed_name,
        "decider_credentials": request.decider.credentials,
        "decider_role": getattr(c.words.roles, request.decider.role),
        "service": service_words(c.words, case.primary_procedure),
        "levels": describe_levels(levels) if levels else c.words.not_reported,
        "approved_levels": describe_levels(approved_levels) if approved_levels
        else c.words.not_reported,
        "denied_levels": describe_levels(request.levels_denied) if request.levels_denied
        else "",
        "setting": getattr(c.words.settings, case.service.setting) if case.service.setting
        else c.words.not_reported,
        "authorization_number": request.authorization_number or "",
        "valid_from": dates.format_date(request.date),
        "valid_to": dates.format_date(request.valid_until),
        "validity_days": str(request.validity_days),
        "criteria_title": library_set.title_in(c.language) if library_set else "",
        "criteria_id": criteria.id if criteria else "",
        "criteria_version": criteria.version if criteria else "",
        "appeal_days": str(appeal_days),
        "appeal_deadline": dates.format_date(request.date + dt.timedelta(days=appeal_days)),
        "needed_by": dates.format_date(request.info_needed_by) if request.info_needed_by else "",
        "due_at": dates.format_datetime(dt.datetime.fromisoformat(request.determination.due_at)),
        "replaces": request.replaces_letter_id or "",
        "decision_due": dates.format_datetime(decision_due),
        "service_date": dates.format_date(case.service.planned_date)
        if case.service.planned_date else c.words.no_service_date,
        **{key: _free_text(letterhead, key, c) for key in FREE_TEXTS},
        "fair_hearing_days": str(letterhead.medicaid_fair_hearing_days),
        "denial_code": DENIAL_CODE,
        "denial_meaning": c.words.denial_meaning,
        "extension_days": extension_days,
        "extension_reason": extension_reason,
        "extension_rule": extension_rule,
        "response_time": response_time,
        "plan": getattr(c.words.plans, case.line_of_business),
        "oral_notice_at": dates.format_datetime(request.oral_notice_at)
        if request.oral_notice_at else "",
        "oral_notice_to": request.oral_notice_to,
        "oral_notice_by": request.oral_notice_by,
        "page": "{page}",
        "pages": "{pages}",
    }


_MEMBER_FACTS = ("member", "member_id", "case_number", "letter_id", "letter_date", "decided",
                 "requested_by")
"""The key facts every member letter starts with ("decided" only when the letter is dated
later than the decision)."""
_PROVIDER_FACTS = ("member", "member_id", "birth_date", "case_number", "letter_id",
                   "letter_date", "decided", "requested_by", "npi")


class _Composer:
    def __init__(self, request: LetterRequest, letterhead: Letterhead):
        self.request = request
        self.letterhead = letterhead
        self.c = content(letter_language(request))
        self.slots = _slots(request, letterhead, self.c)
        self.blocks: list[Block] = []

    def fill(self, template: str) -> str:
        return " ".join(template.format_map(self.slots).split())

    def para(self, template: str, **kwargs) -> None:
        self.blocks.append(Paragraph(self.fill(template), **kwargs))

    def heading(self, template: str) -> None:
        self.blocks.append(Heading(self.fill(template)))

    # -- shared pieces -------------------------------------------------------------------

    def opening(self, greeting: str, replaces: str) -> None:
        self.para(greeting, prose=False)
        if self.request.replaces_letter_id:
            self.para(replaces)

    def intro(self, template: str) -> None:
        self.para(template)
        self.urgency_notes()

    def urgency_notes(self) -> None:
        """An expedited request's letter says it was expedited and, when the decision was
        told by phone first, that it confirms that call (42 CFR 422.572(c); 29 CFR
        2560.503-1(g)(2))."""
        request = self.request
        if not request.expedited:
            return
        words = self.c.member if request.recipient == "member" else self.c.provider
        self.para(words.expedited)
        if request.oral_notice_at is not None:
            told = words.oral_notice
            self.para(told if isinstance(told, str)
                      else getattr(told, request.case.line_of_business))

    def key_facts(self, *names: str) -> None:
        labels = self.c.labels
        s = self.slots
        request = self.request
        values = {
            "member": (labels.member, s["member_name"]),
            "member_id": (labels.member_id, s["member_id"]),
            "birth_date": (labels.birth_date, s["birth_date"]),
            "case_number": (labels.case_number, s["case_number"]),
            "letter_id": (labels.letter_id, s["letter_id"]),
            "letter_date": (labels.letter_date, s["letter_date"]),
            "requested_by": (labels.requested_by, s["provider_name"]),
            "npi": (labels.npi, s["provider_npi"]),
            "service": (labels.service, s["service"] if request.recipient == "member"
                        else ", ".join(request.requested_codes)),
            "levels": (labels.levels, s["levels"]),
            "setting": (labels.setting, s["setting"]),
            "authorization": (labels.authorization, s["authorization_number"]),
            "valid": (labels.valid, f"{s['valid_from']} \u2013 {s['valid_to']}"),
            "decided": (labels.decided, s["decided_on"]),
            "decider": (labels.decider, f"{s['decider_name']} ({s['decider_role']})"),
            "needed_by": (labels.needed_by, s["needed_by"]),
            "due": (labels.due, s["decision_due"]),
            "replaces": (labels.replaces, request.replaces_letter_id or ""),
        }
        shown = [n for n in names
                 if (n != "replaces" or request.replaces_letter_id)
                 and (n != "decided" or request.date != request.decided_at.date())]
        rows = [values[n] for n in shown]
        self.blocks.append(KeyFacts(tuple(rows)))

    def codes_table(self, which: tuple[str, ...]) -> None:
        labels = self.c.labels
        header = (labels.code, labels.description, labels.units)
        if self.request.recipient == "provider" and self.c.provider is not None:
            header = tuple(self.c.provider.common.code_columns)
        units = {p.code: p.units for p in self.request.case.service.procedures}
        rows = tuple((code, self.describe(code), str(units[code])) for code in which)
        self.blocks.append(Table(header, rows, (0.11, 0.78, 0.11)))

    def not_approved(self, levels_sentence: str) -> None:
        """What a partial approval does not approve: the codes it leaves out and, when it
        approves fewer levels than requested, the levels it leaves out."""
        if self.request.denied:
            self.codes_table(self.request.denied)
        if self.request.levels_denied:
            self.para(levels_sentence)
        self.item_reasons()

    def item_reasons(self) -> None:
        """For each code and the levels not approved, the criterion in its way and what
        could help, from the criteria evaluated on this case
        (:func:`trace_reasons.not_approved_items`): in plain words for the member, with the
        criteria set and criterion ids for the provider."""
        request = self.request
        member = request.recipient == "member"
        words = (self.c.member.partial if member else self.c.provider.partial).items
        found = trace_reasons.not_approved_items(request.case, request.determination,
                                                 request.denied, request.levels_denied, self.c)
        if not found:
            return
        leads, texts = [], []
        for item in found:
            leads.append(f"{words.code} {item.code}:" if item.code
                         else f"{words.levels} {describe_levels(item.levels)}:")
            parts = []
            for criterion in item.blocking:
                where = f"({criterion.set_id} / {criterion.criterion_id})"
                if member:
                    parts.append(f"{criterion.member_text} {words.help} {criterion.change}")
                else:
                    parts.append(f"{words.unmet} {criterion.text.rstrip('.')} {where}.")
            if not item.blocking:
                parts.append(words.judgement)
            missing = list(dict.fromkeys(m for c in item.open for m in c.missing))
            if member and missing:
                labels = ", ".join(self.c.input_label(m) for m in missing)
                parts.append(f"{words.also} {labels}.")
            elif not member:
                for criterion in item.open:
                    where = f"({criterion.set_id} / {criterion.criterion_id})"
                    parts.append(f"{words.also} {criterion.text.rstrip('.')} {where}; "
                                 f"{words.help} {', '.join(criterion.missing) or chr(0x2014)}.")
            texts.append(" ".join(" ".join(p.split()) for p in parts if p.strip()))
        self.para(words.intro)
        self.blocks.append(Bullets(tuple(texts), prose=member, leads=tuple(leads)))

    def describe(self, code: str) -> str:
        """Member letters print the plain description of the code in the letter's language
        (``procedures`` of the wording file); provider letters the technical one
        (``resources/codes/procedures.yaml``). A code in neither reads as the kind of care."""
        if self.request.recipient == "member":
            plain = self.c.procedures.get(code.strip().upper())
            if plain:
                return plain
        else:
            entry = procedure_list.procedure(code)
            if entry is not None:
                return entry.description
        words = service_words(self.c.words, code)
        return words[0].upper() + words[1:]

    def rights(self, rights: Rights, changes: list[str]) -> None:
        request = self.request
        self.heading(rights.criteria_heading)
        self.para(rights.criteria if request.determination.criteria_set else rights.no_criteria)
        self.heading(rights.change_heading)
        if changes:
            self.para(rights.change_intro)
            self.blocks.append(Bullets(tuple(dict.fromkeys(" ".join(t.split()) for t in changes))))
        self.para(rights.change_always)
        self.heading(rights.appeal_heading)
        self.para(rights.appeal)
        self.para(rights.appeal_how)
        self.heading(rights.expedited_heading)
        self.para(rights.expedited)
        self.heading(rights.p2p_heading)
        self.para(rights.p2p)
        self.heading(rights.next_level_heading)
        self.para(getattr(rights.next_level, request.case.line_of_business))

    def line_of_business_notice(self, letters) -> None:
        """What a commercial plan's or a Medicaid plan's adverse determination adds (Medicare
        Advantage uses the CMS standard notice)."""
        lob = self.request.case.line_of_business
        if lob not in ("commercial", "medicaid"):
            return
        notice = getattr(letters, lob)
        self.heading(notice.heading)
        for name in type(notice).model_fields:
            if name != "heading":
                self.para(getattr(notice, name))

    def pend_timeframe(self, timeframe: str, extension) -> None:
        """Whether the request for information moves the decision date, and if it does, by
        which rule (``resources/pend-rules.yaml``)."""
        if self.request.pend_timeline.extended:
            self.para(getattr(extension, self.request.case.line_of_business))
        else:
            self.para(timeframe)

    def contact(self, heading: str, text: str) -> None:
        """The plan's contact, and how to ask for the letter in another format (every
        letter; 45 CFR 92.11, 92.202; 42 CFR 438.10(d)(3))."""
        self.heading(heading)
        self.para(text)
        words = self.c.member if self.request.recipient == "member" else self.c.provider
        self.para(words.formats)

    def signature(self, closing: str) -> None:
        sig = self.c.signature
        request = self.request
        meaning = getattr(sig.meanings, request.letter_type)
        self.blocks.append(Signature(
            closing=self.fill(closing),
            heading=self.fill(sig.heading),
            rows=(
                (sig.signed_by, request.decider.signed_name),
                (sig.role, self.slots["decider_role"]),
                (sig.when, self.c.dates.format_datetime(request.decided_at)),
                (sig.meaning, self.fill(meaning)),
            ),
            caption=self.fill(sig.caption),
        ))

    def taglines(self) -> None:
        lines = self.letterhead.tagline_texts(self.c.language)
        if lines:
            self.blocks.append(Taglines(self.fill(self.c.taglines_heading), tuple(lines)))

    # -- member letters ------------------------------------------------------------------

    def member_reasons(self, reason_intro: str) -> list[str]:
        request = self.request
        self.para(reason_intro)
        self.para(request.reason_text, quote=True)
        found = trace_reasons.member_reasons(request.case, request.determination, self.c)
        intros = self.c.member.rules_intro
        for kind in ("requirement", "contraindication", "indication"):
            texts = [r.text for r in found if r.kind == kind]
            if texts:
                self.para(getattr(intros, kind))
                self.blocks.append(Bullets(tuple(texts)))
        return [r.change for r in found]

    def member(self) -> None:
        m = self.c.member
        kind = self.request.letter_type
        self.opening(m.greeting, m.replaces)
        if kind == "approval":
            t = m.approval
            self.key_facts(*_MEMBER_FACTS, "authorization", "levels", "setting", "valid",
                           "decider", "replaces")
            self.intro(t.intro)
            self.heading(t.services_heading)
            self.codes_table(self.request.approved)
            self.para(t.validity)
            self.heading(t.next_heading)
            self.para(t.next)
        elif kind == "pend":
            t = m.pend
            self.key_facts(*_MEMBER_FACTS, "service", "levels", "needed_by", "due", "replaces")
            self.intro(t.intro)
            self.heading(t.items_heading)
            self.para(t.items_intro)
            request = self.request
            items = trace_reasons.member_missing(request.case, request.determination, self.c,
                                                 request.asked_keys)
            added = [" ".join(text.split()) for text in request.info_added]
            self.blocks.append(Bullets(
                items=(*(" ".join(i.why.split()) for i in items), *added),
                leads=(*(f"{i.label[0].upper()}{i.label[1:]}." for i in items),
                       *("" for _ in added)),
            ))
            self.heading(t.next_heading)
            self.para(t.by_date)
            self.pend_timeframe(t.timeframe, t.extension)
            self.para(t.if_late)
        else:
            partial = kind == "partial"
            t = m.partial if partial else m.adverse
            self.key_facts(*_decision_facts(_MEMBER_FACTS, partial))
            self.intro(t.intro)
            if partial:
                self.heading(m.partial.approved_heading)
                self.codes_table(self.request.approved)
                self.para(m.partial.approved_levels)
                self.para(m.partial.validity)
                self.heading(t.denied_heading)
                self.not_approved(m.partial.denied_levels)
            self.heading(t.why_heading)
            changes = self.member_reasons(t.reason_intro)
            if not partial:
                self.heading(t.denied_heading)
                self.codes_table(self.request.denied)
            self.rights(m.rights, changes)
            self.line_of_business_notice(m)
        self.contact(m.contact_heading, m.contact)
        self.signature(m.closing)
        self.taglines()

    # -- provider letters ----------------------------------------------------------------

    def trace_opening(self) -> tuple[str, ...] | None:
        """The evaluation's rationale under its heading, then the trace's heading and
        introduction; the rationale printed, or None when the set has no criteria (the letter
        says so instead of a trace)."""
        p = self.c.provider
        assert p is not None
        common = p.common
        rationale = self.evaluation_rationale()
        self.heading(common.evaluation_heading if self.request.decider.role == "physician"
                     else common.rationale_heading)
        self.blocks.append(Bullets(rationale, prose=False))
        self.heading(common.trace_heading)
        if not self.request.determination.criteria:
            self.para(common.no_criteria)
            return None
        self.para(common.trace_intro)
        return rationale

    def trace(self) -> None:
        rationale = self.trace_opening()
        if rationale is None:
            return
        determination = self.request.determination
        common = self.c.provider.common
        rows = []
        for criterion in determination.criteria:
            rows.append((
                f"{criterion.text}\n({criterion.id})",
                getattr(common.kinds, criterion.kind),
                common.statuses[criterion.status],
                "\n".join(criterion.evidence + [f"missing: {m}" for m in criterion.missing])
                or "\u2014",
                ", ".join(criterion.references),
            ))
        self.blocks.append(Table(tuple(common.trace_columns), tuple(rows),
                                 (0.30, 0.16, 0.10, 0.27, 0.17)))
        cited = self.cited_references(rationale, rows)
        if cited:
            self.heading(common.references_heading)
            self.blocks.append(Bullets(
                tuple(f"[{r.id}] {r.citation}" for r in cited), prose=False, small=True,
            ))

    def evaluation_rationale(self) -> tuple[str, ...]:
        """The evaluation's rationale as the provider reads it. After a physician's decision
        the evaluation's closing outcome line is left out: it speaks of the nurse stage ("a
        nurse reviewer may approve it") and the physician's own rationale replaces it."""
        rationale = self.request.determination.rationale
        if self.request.decider.role == "physician":
            rationale = [line for line in rationale if not line.startswith(_OUTCOME_LINE)]
        return tuple(rationale)

    def cited_references(self, rationale: tuple[str, ...], rows: list[tuple[str, ...]]):
        """Only the references the printed rationale and trace cite (by their ``[id]``)."""
        printed = " ".join((*rationale, self.request.reason_text, *(row[-1] for row in rows)))
        return [r for r in self.request.determination.references
                if re.search(rf"(?<![\w-]){re.escape(r.id)}(?![\w-])", printed)]

    def provider(self) -> None:
        p = self.c.provider
        assert p is not None
        request = self.request
        kind = request.letter_type
        self.opening(p.greeting, p.replaces)
        base = _PROVIDER_FACTS
        if kind == "approval":
            t = p.approval
            self.key_facts(*base, "authorization", "levels", "setting", "valid", "decider",
                           "replaces")
            self.intro(t.intro)
            self.heading(t.services_heading)
            self.codes_table(request.approved)
            self.para(t.validity)
            self.trace()
        elif kind == "pend":
            t = p.pend
            self.key_facts(*base, "service", "levels", "needed_by", "due", "replaces")
            self.intro(t.intro)
            self.heading(t.items_heading)
            items = trace_reasons.provider_missing(request.case, request.determination, self.c,
                                                   request.asked_keys)
            rows = [(f"{i.label[0].upper()}{i.label[1:]}"
                     + (f" ({i.path})" if i.path else f" ({t.new_study})"), i.why or "\u2014")
                    for i in items]
            rows += [(" ".join(text.split()), self.fill(t.added_why))
                     for text in request.info_added]
            self.blocks.append(Table(tuple(t.item_columns), tuple(rows), (0.45, 0.55)))
            self.para(t.by_date)
            self.pend_timeframe(t.timeframe, t.extension)
            self.para(t.if_late)
            self.para(t.send)
            self.trace()
        else:
            partial = kind == "partial"
            t = p.partial if partial else p.adverse
            self.key_facts(*_decision_facts(base, partial))
            self.intro(t.intro)
            if partial:
                self.heading(p.partial.approved_heading)
                self.codes_table(request.approved)
                self.para(p.partial.approved_levels)
                self.para(p.partial.validity)
                self.heading(t.denied_heading)
                self.not_approved(p.partial.denied_levels)
            else:
                self.heading(t.denied_heading)
                self.codes_table(request.denied)
            self.blocks.append(Paragraph(" ".join(request.reason_text.split()),
                                         lead=self.fill(p.common.reviewer_note)))
            self.trace()
            blocking = judge(request.determination.criteria).blocking
            self.rights(p.rights, [f"{c.text} ({c.id})" for c in blocking])
            self.line_of_business_notice(p)
        self.contact(p.contact_heading, p.contact)
        self.signature(p.closing)
        if kind in ("adverse", "partial"):
            self.taglines()

    def compose(self) -> Letter:
        if self.request.recipient == "member":
            self.member()
            titles = self.c.member
        else:
            self.provider()
            titles = self.c.provider
        return self.letter(self.fill(getattr(titles, self.request.letter_type).title))

    def letter(self, title: str, *keywords: str) -> Letter:
        """The composed blocks as a letter titled ``title``, with its document information,
        footer and contact lines (``keywords`` added to the PDF's own)."""
        labels = self.c.labels
        request = self.request
        return Letter(
            letter_type=request.letter_type,
            recipient=request.recipient,
            language=self.c.language,
            title=title,
            subject=f"{title} \u2013 {labels.case_number} {request.case_number}",
            author=self.letterhead.organization,
            keywords=" ".join((request.letter_type, request.recipient, request.letter_id,
                               *keywords)),
            footer=self.fill(labels.footer),
            page_label=labels.page,
            later_pages=self.fill(labels.later_pages),
            contacts=tuple(self.fill(line) for line in labels.contacts
                           if self.letterhead.fax or "{fax}" not in line),
            blocks=tuple(self.blocks),
            large_print=request.large_print and request.recipient == "member",
        )


def compose(request: LetterRequest, letterhead: Letterhead) -> Letter:
    return _Composer(request, letterhead).compose()


def _decision_facts(base, partial: bool) -> list[str]:
    """The key facts of an adverse or partial letter: what was asked, and for a partial
    approval the authorization and its validity."""
    extra = ["authorization", "valid"] if partial else []
    return [*base, "service", "levels", "setting", *extra, "decider", "replaces"]
