"""Reading a pasted radiology report into proposed imaging findings (no Qt, offline).

``reader.read_report(text, modality, levels)`` -> ``propose.ReportReading``: the proposals
(value, evidence sentence and offsets, levels, ConText flags), and the mentions only shown
(uncertain, other levels, not shown by the modality). The reading rules are in
docs/case-format.md ("Findings read from a report"); the phrases in ``resources/reports``.
"""
