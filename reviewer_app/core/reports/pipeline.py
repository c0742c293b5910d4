"""The medspaCy pipeline that reads a report: built once, lazily, and shared between threads.

medspaCy 1.3 needs no model download: a blank English spaCy tokenizer (medspaCy's clinical
one), PyRuSH sentence splitting, two target matchers (the findings and, in a span group of
their own, the spinal levels), ConText and the sectionizer, all from ``resources/reports``.
Importing spaCy and medspaCy and building the pipeline takes about 1-2 s, so nothing is
imported until the first report is read (``ReportPipeline.load`` can be called ahead, on a
worker thread); the command line's other commands never import them.

Pitfalls of the libraries handled here:

- PyRuSH logs every token at DEBUG level through loguru, whose default handler writes to
  standard error: the ``PyRuSH`` logger is disabled (only that one; loguru stays usable).
- A spaCy ``Language`` is not safe to call from two threads at once (the matchers and the
  ConText graph keep per-call state): every parse holds the pipeline's lock.
- ConText is meant to ignore a modifier that overlaps the target, but its overlap test
  (``tuple_overlaps(modifier, target)``) misses a modifier lying wholly inside a longer target,
  so "abuts the cord without compression" (Bilsky 1c) came out negated by its own "without":
  ``prune_on_target_overlap`` drops such modifiers before any edge is made.
- medspaCy's TargetMatcher adds matches to ``doc.ents``, which may not overlap, and warns when
  one is dropped; overlapping matches are pruned first (the longest wins), so none are.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from reviewer_app.core.reports.rules import LEVEL_GROUP, ReportRules, Rule, default_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _target_rules(rules: tuple[Rule, ...]) -> list:
    from medspacy.target_matcher import TargetRule

    return [TargetRule(literal=rule.literal, category=rule.label, pattern=rule.pattern,
                       metadata={"rule": rule}) for rule in rules]


def build_pipeline(rules: ReportRules) -> Language:
    """A new medspaCy pipeline for ``rules`` (slow: imports spaCy; use ``ReportPipeline``)."""
    from loguru import logger

    logger.disable("PyRuSH")
    import medspacy
    from medspacy.context import ConTextRule
    from medspacy.section_detection import SectionRule

    nlp = medspacy.load(medspacy_enable=["medspacy_tokenizer", "medspacy_pyrush"])
    levels = nlp.add_pipe(
        "medspacy_target_matcher", name="ur_levels",
        config={"result_type": "group", "span_group_name": LEVEL_GROUP},
    )
    levels.add(_target_rules(rules.levels))
    targets = nlp.add_pipe("medspacy_target_matcher", name="ur_targets")
    targets.add(_target_rules(rules.targets))
    context = nlp.add_pipe("medspacy_context", config={
        "rules": None, "span_attrs": None, "prune_on_target_overlap": True,
    })
    context.add([
        ConTextRule(literal=rule.literal, category=rule.label, pattern=rule.pattern,
                    direction=rule.direction, max_scope=rule.max_scope,
                    terminated_by=set(rule.terminated_by) or None)
        for rule in rules.modifiers
    ])
    sectionizer = nlp.add_pipe("medspacy_sectionizer",
                               config={"rules": None, "span_attrs": None})
    sectionizer.add([SectionRule(literal=rule.literal, category=rule.label,
                                 pattern=rule.pattern) for rule in rules.sections])
    return nlp


class ReportPipeline:
    """The pipeline for one set of rules, built on first use; safe to share between threads."""

    def __init__(self, rules: ReportRules):
        self.rules = rules
        self._nlp: Language | None = None
        self._lock = threading.Lock()
        self.load_seconds: float | None = None

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def load(self) -> ReportPipeline:
        """Build the pipeline now if it is not built yet (1-2 s the first time in a process:
        call it from a worker thread); returns self."""
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    start = time.perf_counter()
                    self._nlp = build_pipeline(self.rules)
                    self.load_seconds = time.perf_counter() - start
        return self

    def parse(self, text: str, read: Any) -> Any:
        """Run the pipeline over ``text`` and give the Doc to ``read`` while the lock is held
        (the Doc's extension attributes are only consistent until the next parse)."""
        self.load()
        with self._lock:
            doc: Doc = self._nlp(text)
            return read(doc)


_default: ReportPipeline | None = None
_default_lock = threading.Lock()


def default_pipeline() -> ReportPipeline:
    """The pipeline of the shipped rules, one per process (not loaded until it is used)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = ReportPipeline(default_rules())
        return _default
