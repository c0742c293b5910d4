"""Words for a case's urgency, line of business and status, in a module that imports nothing:
the queue shows them at start-up, before anything loads the case model (pydantic) that
:mod:`.vocabulary` needs for the scores."""

URGENCY = {"standard": "Standard", "expedited": "Expedited"}
LINE_OF_BUSINESS = {
    "commercial": "Commercial",
    "medicare_advantage": "Medicare Advantage",
    "medicaid": "Medicaid",
}
STATUS = {
    "draft": "draft",
    "in_review": "in review",
    "pended": "pended",
    "referred": "referred to a physician",
    "approved": "approved",
    "partially_approved": "partially approved",
    "denied": "denied",
    "letter_issued": "letter issued",
}
"""A stored case's place in the lifecycle (:mod:`reviewer_app.core.lifecycle`)."""
