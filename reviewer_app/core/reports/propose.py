"""From the mentions of a report to what is proposed for one study, and what is only shown.

The rules (issue "Prefill imaging findings from the pasted radiology report";
docs/criteria-rules.md, "What a study can show, and what is asked"):

- nothing is entered silently: every proposal carries the sentence it came from;
- an uncertain, hypothetical or historical mention proposes nothing: it is listed as
  ``uncertain`` for the nurse to resolve; a negated mention proposes the finding's negative
  value ("no retropulsion" -> false), never a positive one;
- a mention of another level than those requested is listed in ``other_levels``;
- a positive value counts from any study, a negative one only from a study whose modality can
  show the finding, and the two bound findings (marrow edema, dynamic translation) only from
  their own modalities: all three asked of ``Applicability.counted``, the one table that
  decides it; what a study cannot show is listed in ``not_shown``;
- a negative statement written without a level of its own ("No retropulsion.") is about the
  whole study; one written for a level is proposed only when it covers every requested level
  the report describes ("L4: normal marrow signal" says nothing of L3's lesion), and never
  while another mention of the finding is uncertain ("suspicious for discitis" and "no
  abscess" do not make infection false);
- between mentions at the requested levels, the value last in the finding's ``order`` wins
  (a positive beats a negative, severe beats mild; the largest number); the others are kept
  as the proposal's ``alternatives`` so a disagreement in the report is shown.

A segment (L4-5) is at the requested levels when both its vertebrae are requested, or when a
single level is requested and the segment touches it; a mention of no stated level is about
the study as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer_app.core.levels import sort_levels
from reviewer_app.core.reports.mentions import Evidence, Levels, Mention
from reviewer_app.core.reports.rules import FINDINGS, ReportRules

if TYPE_CHECKING:
    from reviewer_app.core.criteria.applicability import Applicability

PROVENANCE_FORMAT = "ur-report-reading/1"


@dataclass(frozen=True)
class Proposal:
    """A value proposed for one finding of the study, with the mention it rests on."""

    finding: str
    value: Any
    mention: Mention
    alternatives: tuple[Mention, ...] = ()
    """Other mentions at the requested levels that gave another value."""

    @property
    def evidence(self) -> Evidence:
        return self.mention.evidence

    @property
    def levels(self) -> tuple[str, ...]:
        return _flat(self.mention.levels)


@dataclass(frozen=True)
class Listed:
    """A mention shown to the nurse but not proposed, with the reason in a few words."""

    mention: Mention
    reason: str
    value: Any = None

    def to_json_dict(self) -> dict[str, Any]:
        m = self.mention
        entry: dict[str, Any] = {"finding": m.finding}
        if self.value is not None:
            entry["value"] = self.value
        entry |= {"reason": self.reason, "levels": list(_flat(m.levels)), **m.flags,
                  **m.evidence.to_json_dict()}
        return entry


@dataclass(frozen=True)
class ReportReading:
    """What one report says for one study: the wizard shows each proposal with its sentence
    (accept, change, reject) and the listed mentions beside them."""

    modality: str
    levels: tuple[str, ...]
    proposals: dict[str, Proposal]
    uncertain: tuple[Listed, ...]
    other_levels: tuple[Listed, ...]
    not_shown: tuple[Listed, ...]
    rules_sha256: str

    def findings(self) -> dict[str, Any]:
        """The proposed values, as ``imaging[].findings`` would hold them."""
        return {name: p.value for name, p in self.proposals.items()}

    def to_json_dict(self) -> dict[str, Any]:
        """The command line's object: findings, evidence, uncertain, other_levels."""
        evidence = {}
        for name, proposal in self.proposals.items():
            entry = proposal.evidence.to_json_dict()
            entry |= {"levels": list(proposal.levels), **proposal.mention.flags}
            if proposal.alternatives:
                entry["alternatives"] = [
                    {"value": _value_of(m, None), **m.evidence.to_json_dict()}
                    for m in proposal.alternatives
                ]
            evidence[name] = entry
        return {
            "findings": self.findings(),
            "evidence": evidence,
            "uncertain": [item.to_json_dict() for item in self.uncertain],
            "other_levels": [item.to_json_dict() for item in self.other_levels],
        }

    def provenance(self, study: int, entered: Mapping[str, Any]) -> dict[str, Any]:
        """The record the wizard keeps under the case's ``extensions`` (docs/case-format.md,
        "Findings read from a report"): each proposal with what the nurse did with it;
        ``entered`` holds the values she kept (a name left out was rejected)."""
        findings = {}
        for name, proposal in self.proposals.items():
            if name not in entered or entered[name] is None:
                decision, value = "rejected", None
            elif entered[name] == proposal.value:
                decision, value = "accepted", proposal.value
            else:
                decision, value = "changed", entered[name]
            findings[name] = {"proposed": proposal.value, "decision": decision,
                              "entered": value, "levels": list(proposal.levels),
                              **proposal.mention.flags, **proposal.evidence.to_json_dict()}
        return {
            "format": PROVENANCE_FORMAT,
            "study": study,
            "modality": self.modality,
            "levels": list(self.levels),
            "rules_sha256": self.rules_sha256,
            "findings": findings,
            "uncertain": [item.to_json_dict() for item in self.uncertain],
        }


def _flat(levels: Levels) -> tuple[str, ...]:
    return tuple(sort_levels([name for group in levels for name in group]))


def at_requested(group: tuple[str, ...], requested: frozenset[str]) -> bool:
    if len(group) == 1:
        return group[0] in requested
    return set(group) <= requested or (len(requested) == 1 and bool(requested & set(group)))


def _value_of(mention: Mention, negated_value: Any) -> Any:
    if mention.negated:
        return negated_value
    return mention.value if mention.has_value else None


def _rank(rules: ReportRules, finding: str, value: Any) -> float:
    spec = rules.spec(finding)
    if spec.order is not None:
        return spec.order.index(value)
    return float(value)


def propose(mentions: list[Mention], text: str, modality: str, levels: tuple[str, ...],
            rules: ReportRules, applicability: Applicability) -> ReportReading:
    requested = frozenset(levels)
    words = {word.strip(".,;:()").lower() for word in text.replace("-", " ").split()}
    read = [m for m in mentions if m.read]
    described = requested & {name for m in read for group in m.levels for name in group}
    hedged = {m.finding for m in read if (m.uncertain or m.hypothetical)
              and (not m.levels or any(at_requested(g, requested) for g in m.levels))}
    candidates: dict[str, list[tuple[Any, Mention]]] = {}
    unvalued: list[Mention] = []
    uncertain: list[Listed] = []
    other: list[Listed] = []
    not_shown: list[Listed] = []
    for mention in read:
        spec = rules.spec(mention.finding)
        stated = mention.value if mention.has_value else None
        if mention.uncertain or mention.hypothetical or mention.historical:
            reason = ("uncertain" if mention.uncertain
                      else "hypothetical" if mention.hypothetical else "historical")
            uncertain.append(Listed(mention, reason, None if mention.negated else stated))
            continue
        if mention.elsewhere:
            other.append(Listed(mention, "about other levels than those described",
                                _value_of(mention, spec.negated)))
            continue
        if mention.negated and (spec.negated is None or not mention.negatable):
            continue
        value = _value_of(mention, spec.negated)
        negative = value is not None and not applicability.positive(mention.finding, value)
        groups = mention.levels
        if negative and mention.level_how == "carried":
            groups = ()
        if groups and not any(at_requested(g, requested) for g in groups):
            other.append(Listed(mention, "at another level", value))
            continue
        if value is None:
            unvalued.append(mention)
            continue
        if negative and mention.finding in hedged:
            uncertain.append(Listed(mention, "another mention is uncertain", value))
            continue
        if negative and groups and not described <= set(_flat(groups)):
            uncertain.append(Listed(mention, "stated only for " + ", ".join(_flat(groups))
                                    + " of the levels described", value))
            continue
        if spec.number is not None and not spec.number.min <= value <= spec.number.max:
            uncertain.append(Listed(mention, f"{value} is out of range", value))
            continue
        if applicability.counted(mention.finding, modality, value) is None:
            not_shown.append(Listed(mention, f"{modality} cannot show it", value))
            continue
        if spec.needs_words and not words & set(spec.needs_words):
            not_shown.append(Listed(mention, "the report does not say "
                                    + " or ".join(spec.needs_words), value))
            continue
        candidates.setdefault(mention.finding, []).append((value, mention))

    proposals: dict[str, Proposal] = {}
    for finding in FINDINGS:
        found = candidates.get(finding)
        if not found:
            continue
        best_value, best = max(found, key=lambda vm: _rank(rules, finding, vm[0]))
        others = tuple(m for v, m in found if v != best_value)
        proposals[finding] = Proposal(finding, best_value, best, others)
    listed: set[tuple[str, int]] = set()
    for mention in unvalued:
        key = (mention.finding, mention.evidence.start)
        if mention.finding not in proposals and key not in listed:
            listed.add(key)
            uncertain.append(Listed(mention, "value not stated"))
    return ReportReading(modality, tuple(sort_levels(list(levels))), proposals,
                         tuple(uncertain), tuple(other), tuple(not_shown), rules.sha256)
