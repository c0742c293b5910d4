"""The intake wizard's core, without Qt: the draft document by path (``document``), what the
contract says each path holds (``schema``), the draft evaluated field by field with a
determination of its valid part (``evaluation``), which findings a study is asked and the
"not seen" values (``findings``), and one wizard's draft in the store (``session``)."""
