"""Suggestions from the pasted radiology report on the imaging page.

Paste a report (or use an attached document's text) and the reader proposes the findings the
text states; each shows beside its field as "suggested from the report" with the sentence it
came from, tinted in the report box. The nurse accepts all, accepts one or rejects one; an
accepted value goes into the draft like any other (the live panel follows) and Undo takes it
back. Uncertain, hypothetical and historical mentions, mentions of other levels and what the
study cannot show are listed for the nurse to resolve, never entered; a proposal is offered
only for a finding the study is asked (:mod:`reviewer_app.core.intake.report_readings`).

The reader (medspaCy, about 2 s to load) is loaded in a process of its own when the page first
shows (:mod:`reviewer_app.core.reports.reader_process`), and every reading is asked of it from
the thread pool, so the wizard never waits for it; the page
says "Reading the report…" meanwhile. What was suggested and what the nurse did with it is kept
in the draft under ``extensions.report_readings`` (the reader's provenance record).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reviewer_app.core.attachments import as_report_text
from reviewer_app.core.criteria.paths import FINDINGS
from reviewer_app.core.intake import report_readings as readings
from reviewer_app.core.intake.findings import study_access
from reviewer_app.core.reports.reader_process import ReaderStoppedError
from reviewer_app.ui.intake import words
from reviewer_app.ui.intake.report_editor import ReportEditor, Span
from reviewer_app.ui.intake.suggestions import SuggestionStrip, quote
from reviewer_app.ui.operations.core_op import CoreOp
from reviewer_app.ui.signals import emit

if TYPE_CHECKING:
    from reviewer_app.core.reports.propose import Listed, ReportReading
    from reviewer_app.ui.intake.fields import NotesField
    from reviewer_app.ui.intake.imaging import ImagingPage

NOT_LOADED, LOADING, READY = "not loaded", "loading", "ready"


def _warm_up() -> float:
    from reviewer_app.core.reports.reader_process import warm_up

    return warm_up()


def _read(text: str, modality: str, levels: list[str]) -> ReportReading:
    from reviewer_app.core.reports.reader_process import read_report

    return read_report(text, modality, levels)


@dataclass(frozen=True)
class Live:
    """A reading of one study's report, as it was asked for."""

    reading: ReportReading
    text: str
    modality: str
    levels: tuple[str, ...]
    milliseconds: float
    """From the request (the paste, Suggest) to the result on the GUI thread."""


@dataclass(frozen=True)
class Suggested:
    """A finding's suggestion as shown: from a live reading or from the draft's record."""

    value: Any
    sentence: str
    start: int
    end: int
    mention_start: int
    mention_end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.mention_start, self.mention_end)

    def quoted(self) -> str:
        """The words the value was read from (the whole sentence is tinted in the report
        box, and is the strip's tooltip)."""
        return quote(self.sentence, self.mention_start - self.start,
                     self.mention_end - self.start, context=0)


def _from_evidence(value: Any, evidence: dict[str, Any]) -> Suggested:
    return Suggested(value, evidence["text"], evidence["start"], evidence["end"],
                     evidence["mention_start"], evidence["mention_end"])


def _same(a: Any, b: Any) -> bool:
    return a == b and type(a) is type(b)


class AcceptCommand(QUndoCommand):
    """Enter suggested values and keep the reading's record; undo restores both."""

    def __init__(self, suggestions: ReportSuggestions, index: int, changes: dict[str, Any],
                 live: Live):
        count = len(changes)
        super().__init__(f"accept {count} suggestion{'s' if count != 1 else ''} from the report")
        self.suggestions = suggestions
        self.index = index
        self.changes = changes
        self.live = live
        document = suggestions.page.intake.document
        self.before = {path: document.get(path) for path in changes}
        self.record_before = document.get(readings.EXTENSION)

    def redo(self) -> None:
        live, index = self.live, self.index
        offered = self.suggestions.offered(index, live)

        def edit(document) -> None:
            for path, value in self.changes.items():
                document.set(path, value)
            readings.record(document, index, live.reading, offered, live.text)

        self.suggestions.page.intake.change(edit)
        self.suggestions.page.show_study(index)

    def undo(self) -> None:
        def edit(document) -> None:
            for path, value in self.before.items():
                document.set(path, value)
            document.set(readings.EXTENSION, self.record_before)

        self.suggestions.page.intake.change(edit)
        self.suggestions.page.show_study(self.index)


class ReportSuggestions(QObject):
    """The report box's reading: its buttons, state line and list, and the strips under the
    findings of the study shown."""

    shown = Signal(int)
    """A reading of study (index) is on screen."""
    warmed = Signal(float)
    """The reader is loaded (the seconds it took)."""

    def __init__(self, page: ImagingPage, field: NotesField, parent: QWidget):
        super().__init__(page)
        self.page = page
        self.field = field
        self.editor: ReportEditor = field.text
        self.state = NOT_LOADED
        self.live: dict[int, Live] = {}
        self.dismissed: dict[int, set[str]] = {}
        self.reading_now: int | None = None
        """The study whose reading is under way (None: none)."""
        self._generation = 0
        self._active: str | None = None
        self._note = ""
        """What was done to the text to read it (a title set apart, text cut at the limit)."""
        self.controls = self._build(parent)
        self.strips: dict[str, SuggestionStrip] = {}
        for name in FINDINGS:
            strip = SuggestionStrip(name, page.content)
            page._templates[f"findings.{name}"].add_note(strip)
            strip.accept_clicked.connect(self._on_strip_accept_clicked)
            strip.reject_clicked.connect(self._on_strip_reject_clicked)
            strip.evidence_clicked.connect(self._on_strip_evidence_clicked)
            self.strips[name] = strip
        self.editor.pasted.connect(self._on_editor_pasted)

    def _build(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.suggest_button = QPushButton("Su&ggest findings", box)
        self.suggest_button.setToolTip("Read the report text and suggest the findings it "
                                       "states, each beside its field (also on paste)")
        self.accept_all_button = QPushButton("Accept &all", box)
        self.accept_all_button.setToolTip("Enter every suggestion still waiting (Undo, Ctrl+Z, "
                                          "takes them back)")
        self.accept_all_button.setEnabled(False)
        self.status = QLabel(box)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Reading the report")
        row.addWidget(self.suggest_button)
        row.addWidget(self.accept_all_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.resolve = QLabel(box)
        self.resolve.setWordWrap(True)
        self.resolve.setTextFormat(Qt.TextFormat.RichText)
        self.resolve.setAccessibleName("Mentions for you to resolve")
        self.resolve.linkActivated.connect(self._on_resolve_link_activated)
        self.resolve.hide()
        layout.addWidget(self.resolve)
        self.suggest_button.clicked.connect(self._on_suggest_clicked)
        self.accept_all_button.clicked.connect(self._on_accept_all_clicked)
        return box

    # -- the reader -----------------------------------------------------------------------
    def page_shown(self) -> None:
        """Load the reader on a worker thread the first time the page shows."""
        if self.state == NOT_LOADED:
            self.state = LOADING
            CoreOp(self, _warm_up).success(self._on_warm_up_done).failure(
                self._on_warm_up_failed).run()
        self.refresh()

    def _on_warm_up_done(self, seconds: float) -> None:
        self.state = READY
        emit(self.warmed, seconds)
        self.refresh()

    def _on_warm_up_failed(self, error: Exception) -> None:
        self.state = NOT_LOADED  # the page's next showing tries again
        self.refresh()
        self.status.setText(f"The report reader could not start ({type(error).__name__}); "
                            "enter the findings by hand.")

    def suggest(self, note: str = "") -> None:
        """Read the shown study's report now (on the thread pool)."""
        page, index = self.page, self.page.index
        if not page.study_count():
            return
        self.field.commit()
        document = page.intake.document
        text = document.get(f"imaging[{index}].report_text") or ""
        if text and self.editor.toPlainText() != text:
            self.field.load(text)
        modality = document.get(f"imaging[{index}].modality")
        levels = readings.study_levels(document, index)
        problem = ("Paste the report first." if not text else
                   "Choose the type of study first." if not modality else
                   "Choose the levels the study describes (or the levels to be treated on "
                   "the Request page) first." if not levels else "")
        if problem:
            self.status.setText(problem)
            return
        self._generation += 1
        generation, started = self._generation, time.perf_counter()
        self.reading_now = index
        self.dismissed.pop(index, None)
        self._note = note
        self.refresh()
        (
            CoreOp(self, _read, text, modality, levels)
            .success(lambda reading: self._on_read(generation, index, text, modality, levels,
                                                   reading, started))
            .failure(lambda error: self._on_read_failed(generation, error))
            .run()
        )

    def _on_read(self, generation: int, index: int, text: str, modality: str,
                 levels: list[str], reading: ReportReading, started: float) -> None:
        if generation != self._generation:
            return
        self.reading_now = None
        self.live[index] = Live(reading, text, modality, tuple(levels),
                                (time.perf_counter() - started) * 1000)
        self.refresh()
        emit(self.shown, index)

    def _on_read_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.reading_now = None
        if isinstance(error, ReaderStoppedError):
            self.status.setText(str(error))
            return
        self.status.setText(f"The report could not be read ({type(error).__name__}); enter "
                            "the findings by hand.")

    def study_removed(self, index: int) -> None:
        self.live = {i - (i > index): live for i, live in self.live.items() if i != index}
        self.dismissed = {i - (i > index): names for i, names in self.dismissed.items()
                          if i != index}

    # -- what is offered ------------------------------------------------------------------
    def fresh(self, index: int) -> Live | None:
        """The live reading of study ``index`` if it still fits the draft."""
        live = self.live.get(index)
        if live is None:
            return None
        document = self.page.intake.document
        if (document.get(f"imaging[{index}].report_text") != live.text
                or document.get(f"imaging[{index}].modality") != live.modality
                or tuple(readings.study_levels(document, index)) != live.levels):
            return None
        return live

    def offered(self, index: int, live: Live) -> dict:
        access = study_access(self.page.intake.evaluation, self.page.intake.document, index)
        return readings.offered(live.reading, access)

    def _suggested(self, index: int, live: Live | None) -> dict[str, Suggested]:
        if live is not None:
            return {name: _from_evidence(p.value, p.evidence.to_json_dict())
                    for name, p in self.offered(index, live).items()}
        document = self.page.intake.document
        entry = readings.entry_for(document, index)
        text = document.get(f"imaging[{index}].report_text") or ""
        if entry is None or entry.get("report_sha256") != readings.text_sha256(text):
            return {}
        return {name: _from_evidence(item.get("proposed"), item)
                for name, item in (entry.get("findings") or {}).items()}

    def pending(self, index: int | None = None) -> list[str]:
        """The suggestions waiting for the nurse on study ``index`` (the one shown)."""
        index = self.page.index if index is None else index
        live = self.fresh(index)
        if live is None:
            return []
        document = self.page.intake.document
        dismissed = self.dismissed.get(index, set())
        return [name for name in self.offered(index, live)
                if name not in dismissed
                and not document.has(f"imaging[{index}].findings.{name}")]

    # -- showing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        page = self.page
        if not page.study_count():
            self._hide_all()
            return
        index = page.index
        live = self.fresh(index)
        suggested = self._suggested(index, live)
        document = page.intake.document
        dismissed = self.dismissed.get(index, set())
        spans: list[Span] = []
        for name, strip in self.strips.items():
            item = suggested.get(name)
            path = f"imaging[{index}].findings.{name}"
            state = self._state(item, document.get(path), live is not None, name in dismissed)
            if item is None or state == "hidden":
                strip.show_state("hidden", "", "", label="")
                continue
            value_words = words.value_words(path, item.value).split(" — ")[0]
            strip.show_state(state, value_words, item.quoted(), label=words.label(path),
                             tip=f"From the report: {item.sentence}")
            spans.append(item.span)
        if live is not None:
            spans += [self._caution(listed) for listed in self._listed(live)]
        active = next((s for s in spans if self._active and suggested.get(self._active)
                       and s == suggested[self._active].span), None)
        self.editor.show_spans(document.get(f"imaging[{index}].report_text") or "",
                               tuple(spans), active)
        self._show_status(index, live, suggested)
        self._show_resolve(index, live)

    @staticmethod
    def _state(item: Suggested | None, value: Any, live: bool, dismissed: bool) -> str:
        if item is None:
            return "hidden"
        if value is None:
            return "pending" if live and not dismissed else "hidden"
        if _same(value, item.value):
            return "accepted"
        if live and not dismissed:
            return "conflict"
        return "changed"

    def _hide_all(self) -> None:
        for strip in self.strips.values():
            strip.show_state("hidden", "", "", label="")
        self.editor.show_spans("", ())
        self.resolve.hide()
        self.accept_all_button.setEnabled(False)

    def _show_status(self, index: int, live: Live | None, suggested: dict) -> None:
        pending = self.pending(index)
        self.accept_all_button.setEnabled(bool(pending))
        self.accept_all_button.setText(f"Accept &all ({len(pending)})" if pending
                                       else "Accept &all")
        text = self.page.intake.document.get(f"imaging[{index}].report_text") or ""
        note = self._note
        if self.reading_now == index:
            status = "Reading the report…"
            if self.state == LOADING:
                status += " (the reader loads once, about 2 s)"
        elif live is not None:
            count = len(suggested)
            found = f"{count} finding{'s' if count != 1 else ''} suggested from the report"
            if count and pending:
                status = (f"{found} ({len(pending)} waiting: Accept all, or one by one beside "
                          f"each finding); read in {live.milliseconds:.0f} ms.")
            elif count:
                status = f"{found}; none is waiting (Undo takes back what was accepted)."
            else:
                status = "The report states none of the findings this study is asked."
        elif index in self.live and text:
            status = ("The report, the type of study or its levels changed since it was "
                      "read: Suggest findings to read it again.")
        elif suggested:
            status = ("Findings marked below came from this report. Suggest findings reads "
                      "it again.")
        elif text:
            status = "Suggest findings reads this report and proposes the findings it states."
        elif self.state == LOADING:
            status = "Paste the report here; the reader is loading (once, about 2 s)."
        else:
            status = ("Paste the report here (or use an attached document's text): the "
                      "findings it states are suggested beside each field.")
        if note and live is not None:
            status += f" {note}"
        self.status.setText(status)

    def _listed(self, live: Live) -> list[Listed]:
        reading = live.reading
        return [*reading.uncertain, *reading.other_levels, *reading.not_shown]

    @staticmethod
    def _caution(listed: Listed) -> Span:
        evidence = listed.mention.evidence
        return Span(evidence.start, evidence.end, evidence.mention_start, evidence.mention_end,
                    "caution")

    def _show_resolve(self, index: int, live: Live | None) -> None:
        if live is None:
            self.resolve.hide()
            return
        page = self.page
        access = study_access(page.intake.evaluation, page.intake.document, index)
        items = []
        for number, listed in enumerate(self._listed(live)):
            mention = listed.mention
            name = words.label(f"imaging[].findings.{mention.finding}")
            quoted = quote(mention.evidence.sentence,
                           mention.evidence.mention_start - mention.evidence.start,
                           mention.evidence.mention_end - mention.evidence.start)
            items.append(f"<li><b>{escape(name)}</b>: {escape(listed.reason)} — "
                         f'<a href="listed:{number}">{quoted}</a></li>')
        for name, reason in readings.not_offered(live.reading, access).items():
            items.append(f"<li><b>{escape(words.label(f'imaging[].findings.{name}'))}</b>: "
                         f"not offered for this study ({escape(reason)})</li>")
        unstated = readings.unstated(live.reading, access, page.intake.document, index)
        text = ""
        if items:
            text += ("<b>Not entered — for you to resolve</b> (uncertain, another level, or "
                     f"not for this study):<ul style='margin:2px 0'>{''.join(items)}</ul>")
        if unstated:
            names = ", ".join(words.label(f"imaging[].findings.{n}").lower() for n in unstated)
            text += (f"<b>Not in the report</b> (enter them by hand, or record them as not "
                     f"seen below): {escape(names)}.")
        self.resolve.setText(text)
        self.resolve.setVisible(bool(text))

    # -- the nurse's answers --------------------------------------------------------------
    def accept(self, names: list[str]) -> None:
        index = self.page.index
        live = self.fresh(index)
        if live is None:
            return
        offered = self.offered(index, live)
        changes = {f"imaging[{index}].findings.{name}": offered[name].value
                   for name in names if name in offered}
        if changes:
            self.page.intake.commit_focused()
            self.page.intake.undo_stack.push(AcceptCommand(self, index, changes, live))

    def reject(self, name: str) -> None:
        index = self.page.index
        live = self.fresh(index)
        if live is None:
            return
        self.dismissed.setdefault(index, set()).add(name)
        offered = self.offered(index, live)
        self.page.intake.change(
            lambda document: readings.record(document, index, live.reading, offered,
                                             live.text))

    def show_evidence(self, name: str) -> None:
        self._active = name
        self.refresh()
        self.editor.set_active(self.editor.active())
        self.page.scroll.ensureWidgetVisible(self.editor)

    # -- slots ------------------------------------------------------------------------------
    def _on_editor_pasted(self) -> None:
        pasted = self.editor.toPlainText()
        report = as_report_text(pasted)
        if report.text != pasted.strip():
            self.editor.setPlainText(report.text)
        self.suggest(" ".join(f"Pasted text: {note}." for note in report.notes))

    def _on_suggest_clicked(self) -> None:
        self.suggest()

    def _on_accept_all_clicked(self) -> None:
        self.accept(self.pending())

    def _on_strip_accept_clicked(self, name: str) -> None:
        self.accept([name])

    def _on_strip_reject_clicked(self, name: str) -> None:
        self.reject(name)

    def _on_strip_evidence_clicked(self, name: str) -> None:
        self.show_evidence(name)

    def _on_resolve_link_activated(self, link: str) -> None:
        live = self.fresh(self.page.index)
        if live is None or not link.startswith("listed:"):
            return
        listed = self._listed(live)[int(link.removeprefix("listed:"))]
        self.editor.set_active(self._caution(listed))
