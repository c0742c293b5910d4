"""Read a pasted radiology report into proposed imaging findings for one study.

The one call the command line and the intake wizard make::

    reading = read_report(text, "MRI", ["L1", "L2", "L3"])
    reading.proposals["retropulsion"].value         # True
    reading.proposals["retropulsion"].evidence      # the sentence, its offsets, the words
    reading.uncertain, reading.other_levels, reading.not_shown

It may be called from any thread; the command line calls it in its own process, the wizard
through :mod:`~.reader_process` (a process of its own, so the 1-2 s load and its objects stay
out of the window's interpreter; ``warm_up()`` loads ahead). Nothing is
sent anywhere: the pipeline runs offline with no model file.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewer_app.core.criteria.applicability import default_applicability
from reviewer_app.core.levels import check_level
from reviewer_app.core.reports.mentions import read_mentions
from reviewer_app.core.reports.pipeline import ReportPipeline, default_pipeline
from reviewer_app.core.reports.propose import ReportReading, propose

MODALITIES = ("MRI", "CT", "XR", "PET_CT", "bone_scan")


class ReportReadError(ValueError):
    """A modality or a level the reader does not know (nothing was read)."""


def check_modality(value: str) -> str:
    """``mri`` -> ``MRI``, ``pet_ct`` -> ``PET_CT``; anything else is refused."""
    for modality in MODALITIES:
        if value.strip().lower() == modality.lower():
            return modality
    raise ReportReadError(f"unknown modality '{value}' (one of: {', '.join(MODALITIES)})")


def read_report(text: str, modality: str, levels: Iterable[str],
                pipeline: ReportPipeline | None = None) -> ReportReading:
    """The findings ``text`` states for a study of ``modality`` at the requested ``levels``."""
    modality = check_modality(modality)
    try:
        requested = tuple(check_level(level) for level in levels)
    except ValueError as error:
        raise ReportReadError(str(error)) from None
    pipeline = pipeline or default_pipeline()
    mentions = pipeline.parse(text, lambda doc: read_mentions(doc, pipeline.rules))
    return propose(mentions, text, modality, requested, pipeline.rules,
                   default_applicability())


def warm_up() -> float:
    """Load the shared pipeline now (call it on a worker thread); the seconds it took."""
    pipeline = default_pipeline().load()
    return pipeline.load_seconds or 0.0
