"""Loading one criteria set file, refusing anything malformed (the library of sets:
:mod:`.library`).

A set is refused, naming the file and the criterion, for: a field the format does not know,
an unknown input path or operator in its logic, a reference id it does not define, a
rationale slot that does not exist, a duplicated id, or a procedure code claimed by two sets.
"""

from __future__ import annotations

import hashlib
import string
from pathlib import Path

import yaml
from pydantic import ValidationError

from reviewer_app.core.criteria.applicability import default_applicability
from reviewer_app.core.criteria.logic import NEGATIVE_OPERATORS, LogicError, Node, compile_logic
from reviewer_app.core.criteria.model import _CODE, CriteriaSet, CriteriaSetSpec
from reviewer_app.core.criteria.narrative import VARIABLES
from reviewer_app.core.errors import InputError, Problem, pydantic_problems
from reviewer_app.core.languages import letter_languages
from reviewer_app.core.yaml_files import parse_yaml


class CriteriaLoadError(InputError):
    """A criteria file that cannot be used as it stands."""


def _template_problems(template: str | None, where: str) -> list[Problem]:
    if not template:
        return []
    problems = []
    try:
        fields = [name for _, name, spec, conv in string.Formatter().parse(template) if name]
    except ValueError as error:
        return [Problem(where, f"malformed template: {error}")]
    for name in fields:
        if name not in VARIABLES:
            problems.append(Problem(where, f"unknown rationale slot '{{{name}}}'"))
    return problems


def _reference_problems(refs: list[str], known: set[str], where: str) -> list[Problem]:
    return [
        Problem(f"{where}.references", f"unknown reference id '{ref}'")
        for ref in refs
        if ref not in known
    ]


def _compiled(logic: dict, where: str) -> tuple[Node | None, list[Problem]]:
    try:
        node = compile_logic(logic, where)
    except LogicError as error:
        return None, [Problem(where, str(error).split(": ", 1)[-1])]
    return node, _negation_problems(node, where)


def _negation_problems(node: Node, where: str) -> list[Problem]:
    """A finding a study cannot show and an input that does not apply read as "no support"
    (not met), which is right only where support is what the logic asks for: never under
    ``not``, ``ne`` or ``not_in``."""
    governed = default_applicability().governed
    problems = []
    for read in node.reads():
        conditional = read.path.startswith("study.findings.") or read.path in governed
        if conditional and read.op != "reported" and (
            read.negated or read.op in NEGATIVE_OPERATORS
        ):
            problems.append(Problem(where, (
                f"'{read.path}' may be unshown or not apply to a case, so it can only be "
                "asked for support (eq, in, gt, gte, lt, lte, nonempty), not negated"
            )))
    return problems


def _history_problems(spec: CriteriaSetSpec) -> list[Problem]:
    problems = []
    if spec.changes and spec.changes[-1].version != spec.version:
        problems.append(Problem("changes", (
            f"the last change is version {spec.changes[-1].version}, but the set is "
            f"version {spec.version}: record what changed"
        )))
    versions = [c.version for c in spec.changes]
    for version in {v for v in versions if versions.count(v) > 1}:
        problems.append(Problem("changes", f"version {version} is listed twice"))
    dates = [c.date for c in spec.changes]
    if dates != sorted(dates):
        problems.append(Problem("changes", "list the changes oldest first"))
    return problems


def _title_problems(spec: CriteriaSetSpec) -> list[Problem]:
    """A title for every member-letter language but English, and none for a language the
    letters do not ship."""
    shipped = set(letter_languages()) - {"en"}
    problems = [Problem(f"titles.{lang}", "not a member-letter language (shipped: "
                        + ", ".join(sorted(shipped)) + ")")
                for lang in spec.titles if lang not in shipped]
    problems += [Problem("titles", f"the title in '{lang}' is missing")
                 for lang in sorted(shipped) if not spec.titles.get(lang, "").strip()]
    return problems


def _semantic_problems(spec: CriteriaSetSpec) -> list[Problem]:
    problems: list[Problem] = _history_problems(spec)
    defined = [r.id for r in spec.references]
    for ref in {r for r in defined if defined.count(r) > 1}:
        problems.append(Problem("references", f"reference id '{ref}' is defined twice"))
    known = set(defined)
    for ref in spec.basis:
        if ref not in known:
            problems.append(Problem("basis", f"unknown reference id '{ref}'"))
    ids = [c.id for c in spec.criteria]
    for index, criterion in enumerate(spec.criteria):
        where = f"criteria[{index}] ({criterion.id})"
        if ids.count(criterion.id) > 1:
            problems.append(Problem(where, "criterion id is used twice"))
        problems += _reference_problems(criterion.references, known, where)
        criterion._node, logic_problems = _compiled(criterion.logic, f"{where}.logic")
        problems += logic_problems
        for status in ("met", "not_met", "unknown"):
            problems += _template_problems(
                getattr(criterion.explain, status), f"{where}.explain.{status}"
            )
        problems += _template_problems(criterion.why_needed, f"{where}.why_needed")
    for index, alternative in enumerate(spec.alternatives):
        where = f"alternatives[{index}] ({alternative.id})"
        problems += _reference_problems(alternative.references, known, where)
        alternative._node, logic_problems = _compiled(alternative.when, f"{where}.when")
        problems += logic_problems
        problems += _template_problems(alternative.text, f"{where}.text")
    problems += _title_problems(spec)
    for index, rule in enumerate(spec.selection):
        for code in rule.procedures:
            if not _CODE.match(code):
                problems.append(
                    Problem(f"selection[{index}].procedures", f"'{code}' is not a CPT/HCPCS code")
                )
    return problems


def load_set(path: str | Path) -> CriteriaSet:
    path = Path(path)
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CriteriaLoadError(source, [Problem("(file)", error.strerror or str(error))]) from None
    try:
        data = parse_yaml(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(file)"
        raise CriteriaLoadError(source, [Problem(where, f"not valid YAML: {error}")]) from None
    if not isinstance(data, dict):
        raise CriteriaLoadError(source, [Problem("(document)", "expected a mapping")])
    try:
        spec = CriteriaSetSpec.model_validate(data)
    except ValidationError as error:
        raise CriteriaLoadError(source, pydantic_problems(error)) from None
    problems = _semantic_problems(spec)
    if problems:
        raise CriteriaLoadError(source, problems)
    return CriteriaSet(spec, hashlib.sha256(raw).hexdigest(), source)
