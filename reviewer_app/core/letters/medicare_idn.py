"""Compose a Medicare Advantage adverse or partial determination as the CMS standard notice.

42 CFR 422.568(e)(1) and 422.572 require a Medicare Advantage organization to give the enrollee
its denial (in whole or in part) on approved notice language: the Integrated Denial Notice,
form CMS-10003-NDMCP, "Notice of Denial of Medical Coverage" (OMB 0938-0829). The form's own
text comes from ``resources/letters/medicare_idn/<language>.yaml`` (:mod:`.idn_content`);
this module fills its insertions from the case: the header (date, member number, name, and the
fields a plan may add: provider, service, type of request, case and letter numbers), the
services not covered, the specific reason with the criteria applied, and the plan's appeal
address and numbers.

Whatever else a determination letter must say under the plan's other rules (the criteria set
and its free copy, what could change the decision, the peer-to-peer offer, the printed
signature, language assistance; for the provider the clinical rationale and the criteria
trace) follows the form on the plan's own pages, so the standard form keeps CMS's wording. Those
pieces are the ordinary letter composer's (:class:`.compose._Composer`), in the same wording.

The requesting provider gets the same notice in English with the provider's pages (the form:
"If your doctor asked for coverage on your behalf, we already sent them a copy").
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer_app.core.criteria.outcome import judge
from reviewer_app.core.letters.blocks import Bullets, KeyFacts, Letter, Paragraph
from reviewer_app.core.letters.compose import _PROVIDER_FACTS, _Composer, _decision_facts
from reviewer_app.core.letters.idn_content import IdnContent, Passage, idn_content
from reviewer_app.core.letters.layout import LARGE_PRINT_POINTS
from reviewer_app.core.letters.letterhead import Letterhead
from reviewer_app.core.letters.request import LetterRequest

LINE_OF_BUSINESS = "medicare_advantage"
LETTER_TYPES = ("adverse", "partial")

_MEMBER_FACTS = ("member", "member_id", "case_number", "letter_id", "letter_date", "decided",
                 "requested_by")


def applies(request: LetterRequest) -> bool:
    """Whether this letter is a Medicare Advantage denial in whole or in part, which must be
    the CMS standard notice."""
    return (request.case.line_of_business == LINE_OF_BUSINESS
            and request.letter_type in LETTER_TYPES)


@dataclass(frozen=True)
class FormHeader(KeyFacts):
    """The form's header (date, member number, name and the fields a plan adds), set between
    two rules as on the CMS form."""


@dataclass(frozen=True)
class FormContacts(KeyFacts):
    """Where to send an appeal: label and value rows, indented under their lead-in."""


@dataclass(frozen=True)
class PageBreak:
    """The plan's pages start on a page of their own, after the form."""


@dataclass(frozen=True)
class IdnLetter:
    """A composed notice: the letter's blocks and what its form footer prints."""

    letter: Letter
    form_footer: str
    omb_footer: str
    type_size: float


class _IdnComposer(_Composer):
    def __init__(self, request: LetterRequest, letterhead: Letterhead):
        super().__init__(request, letterhead)
        self.form: IdnContent = idn_content(self.c.language)
        term = getattr(self.form.terms, request.letter_type)
        self.slots.update(self.form.number_slots())
        self.slots.update(self.form.form_slots())
        self.slots.update(plan_name=letterhead.organization, status=term.status,
                          action=term.action, services=self.form.terms.services)

    def say(self, passage: Passage, lead: Passage | None = None, **kwargs) -> None:
        lead_text = self.fill(lead.text) if lead else ""
        self.blocks.append(Paragraph(self.fill(passage.text), lead=lead_text, **kwargs))

    def title(self, passage: Passage) -> None:
        self.heading(passage.text)

    def label(self, passage: Passage) -> None:
        """A bold lead-in line ("For a Standard Appeal:") kept with the rows below it."""
        self.blocks.append(Paragraph("", lead=self.fill(passage.text), prose=False))

    @property
    def member_copy(self) -> bool:
        return self.request.recipient == "member"

    # -- the form ------------------------------------------------------------------------

    def header(self) -> None:
        h = self.form.header
        s = self.slots
        request = self.request
        timeframe = getattr(self.form.timeframes, request.case.urgency)
        provider = s["provider_name"] if self.member_copy else (
            f"{s['provider_name']} (NPI {s['provider_npi']})")
        service = s["service"] if self.member_copy else ", ".join(request.requested_codes)
        rows = [
            (h.date, s["letter_date"]),
            (h.member_number, s["member_id"]),
            (h.name, s["member_name"]),
            (h.provider, provider),
            (h.service, service),
            (h.timeframe, self.fill(timeframe.text)),
            (h.case_number, s["case_number"]),
            (h.letter_id, s["letter_id"]),
        ]
        if request.letter_type == "partial":
            rows.append((h.authorization, s["authorization_number"]))
        self.blocks.append(FormHeader(tuple(rows)))

    def denied(self) -> None:
        d = self.form.decision
        self.title(d.heading)
        self.say(d.listed)
        levels = (self.c.member.partial.denied_levels if self.member_copy
                  else self.c.provider.partial.denied_levels)
        self.not_approved(levels)

    def why(self) -> list[str]:
        """The specific reason (the reviewer's words and the criteria that were not met) and
        the policy applied, with what could change the decision for the plan's pages."""
        d = self.form.decision
        request = self.request
        self.title(d.why_heading)
        self.say(d.because)
        if self.member_copy:
            intro = getattr(self.c.member, request.letter_type).reason_intro
            changes = self.member_reasons(intro)
            rights = self.c.member.rights
        else:
            p = self.c.provider
            self.blocks.append(Paragraph(" ".join(request.reason_text.split()),
                                         lead=self.fill(p.common.reviewer_note)))
            blocking = judge(request.determination.criteria).blocking
            changes = [f"{c.text} ({c.id})" for c in blocking]
            if changes:
                self.blocks.append(Bullets(tuple(changes), prose=False))
            rights = p.rights
        self.para(rights.criteria if request.determination.criteria_set else rights.no_criteria)
        self.say(d.share)
        return changes

    def appeal(self) -> None:
        a = self.form.appeal
        self.title(a.heading)
        self.say(a.ask)
        self.title(a.representative_heading)
        self.say(a.representative)

    def appeal_rights(self) -> None:
        r = self.form.rights
        labels = r.contact_labels
        s = self.slots
        self.title(r.title)
        self.title(r.kinds_heading)
        self.say(r.standard, lead=r.standard_lead)
        self.say(r.fast, lead=r.fast_lead)
        self.say(r.fast_enrollee, lead=r.fast_doctor)
        self.title(r.how_heading)
        self.say(r.step1, lead=r.step1_lead)
        self.blocks.append(Bullets(tuple(self.fill(i) for i in r.step1_items.items)))
        self.say(r.records)
        self.say(r.step2, lead=r.step2_lead)
        self.label(r.standard_where)
        self.blocks.append(FormContacts((
            (labels.address, s["appeals_address"]),
            (labels.phone, s["appeals_phone"]),
            (labels.fax, s["appeals_fax"]),
        )))
        self.say(r.standard_phone_note)
        self.label(r.fast_where)
        self.blocks.append(FormContacts((
            (labels.phone, s["appeals_phone"]),
            (labels.tty, s["tty"]),
            (labels.fax, s["appeals_fax"]),
        )))
        self.title(r.next_heading)
        self.say(r.next)
        self.title(r.help_heading)
        self.blocks.append(Bullets(tuple(self.fill(i) for i in r.help.items), prose=False))

    # -- the plan's pages ----------------------------------------------------------------

    def plan_pages(self, changes: list[str]) -> None:
        t = self.form.attachment
        request = self.request
        partial = request.letter_type == "partial"
        base = _MEMBER_FACTS if self.member_copy else _PROVIDER_FACTS
        words = self.c.member if self.member_copy else self.c.provider
        rights = words.rights
        self.blocks.append(PageBreak())
        self.title(t.title)
        self.say(t.intro)
        self.urgency_notes()
        self.key_facts(*_decision_facts(base, partial))
        if partial:
            self.title(t.approved_heading)
            self.codes_table(request.approved)
            self.para(words.partial.approved_levels)
            self.para(words.partial.validity)
        self.heading(rights.appeal_heading)
        self.say(t.deadline)
        self.say(t.representative)
        if not self.member_copy:
            self.say(t.provider_expedited)
        self.heading(rights.next_level_heading)
        self.para(rights.next_level.medicare_advantage)
        self.say(t.independent_reviewer)
        self.heading(rights.change_heading)
        if changes:
            self.para(rights.change_intro)
            self.blocks.append(Bullets(tuple(dict.fromkeys(" ".join(c.split())
                                                           for c in changes))))
        self.para(rights.change_always)
        self.heading(rights.p2p_heading)
        self.para(rights.p2p)
        if not self.member_copy:
            self.trace()
        self.contact(words.contact_heading, words.contact)
        self.signature(words.closing)
        self.taglines()

    def trace(self) -> None:
        """The criteria trace as a list, one criterion a paragraph: a five-column table at
        the notice's 12-point type would break words in its narrow columns."""
        rationale = self.trace_opening()
        if rationale is None:
            return
        determination = self.request.determination
        common = self.c.provider.common
        columns = common.trace_columns
        cited_in: list[tuple[str, ...]] = []
        for criterion in determination.criteria:
            evidence = "; ".join(criterion.evidence
                                 + [f"missing: {m}" for m in criterion.missing]) or "\u2014"
            parts = [
                f"{columns[1]}: {getattr(common.kinds, criterion.kind)}.",
                f"{columns[2]}: {common.statuses[criterion.status]}.",
                f"{columns[3]}: {evidence}.",
            ]
            if criterion.references:
                parts.append(f"{columns[4]}: {', '.join(criterion.references)}.")
                cited_in.append((", ".join(criterion.references),))
            self.blocks.append(Paragraph(" ".join(parts), lead=f"{criterion.text} "
                                         f"({criterion.id})", prose=False))
        cited = self.cited_references(rationale, cited_in)
        if cited:
            self.heading(common.references_heading)
            self.blocks.append(Bullets(
                tuple(f"[{r.id}] {r.citation}" for r in cited), prose=False,
            ))

    def compose_notice(self) -> IdnLetter:
        self.header()
        self.denied()
        changes = self.why()
        self.appeal()
        self.appeal_rights()
        self.plan_pages(changes)
        letter = self.letter(self.fill(self.form.title.text), self.form.form.number)
        size = self.form.type_size.value
        if letter.large_print:
            size = max(size, LARGE_PRINT_POINTS)
        return IdnLetter(letter, self.fill(self.form.form.footer_form),
                         self.fill(self.form.form.footer_omb), size)


def compose_notice(request: LetterRequest, letterhead: Letterhead) -> IdnLetter:
    """The CMS standard notice for a Medicare Advantage denial or partial approval."""
    if not applies(request):
        raise ValueError("the CMS denial notice is for Medicare Advantage adverse and partial "
                         f"determinations, not a {request.case.line_of_business} "
                         f"{request.letter_type} letter")
    return _IdnComposer(request, letterhead).compose_notice()
