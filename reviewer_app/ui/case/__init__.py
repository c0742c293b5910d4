"""The case view: one stored case (a snapshot) with its header and latest determination."""
