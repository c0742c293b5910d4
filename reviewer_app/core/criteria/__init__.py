"""What evaluates a request: criteria sets as data, the member's facts, three-valued logic, the
scores, the outcome rule and the words that explain it (docs/criteria-rules.md).

Modules from the top down, each importing only those below it (an import-linter layers contract
in pyproject.toml keeps it so): ``evaluator`` (one case -> a ``ur-determination/1``);
``rationale`` (the sentences) and ``library`` (the shipped sets, selection by procedure);
``loader`` (a set file, validated) and ``inputs`` (the facts a criterion reads from the case);
``model`` (a loaded set), ``scores`` (SINS, Bilsky, revised Tokuhashi) and ``narrative`` (the
member's values in words); ``applicability`` (what a study can show, what may be asked);
``logic`` (the predicates); ``outcome`` (the outcome rule), ``input_labels`` (plain labels of
paths), ``describe`` (logic written out), ``fact`` and ``paths``; ``result`` (met / not met /
unknown, with evidence and what is missing).
"""
