"""``criteria list | show ID | lint [PATH]``: the criteria library, readable and checkable."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from reviewer_app.core import resources
from reviewer_app.core.criteria.applicability import (
    ApplicabilityLoadError,
    default_applicability,
    load_applicability,
)
from reviewer_app.core.criteria.describe import describe
from reviewer_app.core.criteria.library import LibraryError, default_library, load_library
from reviewer_app.core.criteria.loader import CriteriaLoadError, load_set


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "criteria",
        help="list, show and check criteria sets",
        description="The criteria sets in resources/criteria: list them, show one in full "
        "(criteria, logic, references), or lint a file or folder of sets.",
        epilog="examples:\n  python -m reviewer_app criteria list\n"
        "  python -m reviewer_app criteria show vertebral-augmentation\n"
        "  python -m reviewer_app criteria lint my-new-set.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(title="actions", metavar="ACTION")
    listing = sub.add_parser("list", help="one line per set", description="List the criteria "
                             "sets: id, version, effective date, title, selecting procedures.")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=run_list)
    show = sub.add_parser("show", help="one set in full", description="Show one set: its "
                          "criteria with their logic and references, and its bibliography.")
    show.add_argument("id", metavar="ID", help="the set id, e.g. lumbar-fusion")
    show.add_argument("--json", action="store_true", help="print the set as JSON")
    show.set_defaults(handler=run_show)
    rules = sub.add_parser(
        "rules", help="what a study can show, and which inputs apply",
        description="The applicability rules (resources/applicability.yaml): which studies "
        "can show each imaging finding, which values count from any study, and the inputs "
        "asked only when they apply to the case, each with its reason.")
    rules.add_argument("--json", action="store_true", help="print the rules as JSON")
    rules.set_defaults(handler=run_rules)
    lint = sub.add_parser(
        "lint",
        help="check set files",
        description="Load and check criteria files (unknown fields, input paths, operators, "
        "reference ids, rationale slots, overlapping procedure codes, the history of "
        "changes) or the applicability rules file. Exit status 2 when anything is wrong.",
    )
    lint.add_argument("path", nargs="?", metavar="PATH",
                      help="a .yaml file or a folder (default: the shipped library and "
                      "applicability rules)")
    lint.set_defaults(handler=run_lint)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def _library_or_report():
    try:
        return default_library()
    except LibraryError as error:
        print("\n".join(error.lines()), file=sys.stderr)
        return None


def run_list(args: argparse.Namespace) -> int:
    library = _library_or_report()
    if library is None:
        return 2
    rows = [
        {
            "id": s.id,
            "version": s.version,
            "effective": s.spec.effective.isoformat(),
            "title": s.title,
            "procedures": sorted(s.procedures()),
            "criteria": len(s.criteria),
        }
        for s in library.sets
    ]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    width = max(len(r["id"]) for r in rows)
    for row in rows:
        print(f"{row['id']:<{width}}  {row['version']:<7} {row['effective']}  {row['title']}")
        print(f"{'':<{width}}  procedures: {' '.join(row['procedures'])}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    library = _library_or_report()
    if library is None:
        return 2
    criteria_set = library.by_id.get(args.id)
    if criteria_set is None:
        known = ", ".join(sorted(library.by_id))
        print(f"criteria show: no set '{args.id}' (known: {known})", file=sys.stderr)
        return 2
    spec = criteria_set.spec
    if args.json:
        data = spec.model_dump(mode="json")
        data["sha256"] = criteria_set.sha256
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    wrap = textwrap.TextWrapper(width=96, subsequent_indent="    ")
    print(f"{spec.title}\n{spec.id}  version {spec.version}  effective {spec.effective}")
    print(f"sha256 {criteria_set.sha256}\n")
    print(wrap.fill(spec.summary) + "\n")
    for rule in spec.selection:
        extra = "" if rule.neoplastic_diagnosis is None else (
            " (with a neoplastic diagnosis)" if rule.neoplastic_diagnosis
            else " (without a neoplastic diagnosis)"
        )
        print(f"Selected by primary procedure {', '.join(rule.procedures)}{extra}")
    for kind in ("requirement", "indication", "contraindication"):
        items = [c for c in spec.criteria if c.kind == kind]
        if not items:
            continue
        print(f"\n{kind.upper()}S")
        for c in items:
            print(wrap.fill(f"  {c.id}: {c.text}"))
            for line in describe(c.logic, 2):
                print(line)
            print(f"    references: {', '.join(c.references)}")
    _print_applicability(criteria_set, wrap)
    print("\nREFERENCES")
    for ref in spec.references:
        print(wrap.fill(f"  [{ref.id}] {ref.citation}"))
    print("\nCHANGES")
    for change in spec.changes:
        print(f"  {change.version} ({change.date})")
        print(wrap.fill(f"    what: {change.what}"))
        print(wrap.fill(f"    why: {change.why}"))
    return 0


def _print_applicability(criteria_set, wrap: textwrap.TextWrapper) -> None:
    """The rules that decide what this set may ask: for each finding it reads, the studies
    that can show it; for each case-dependent input, when it applies."""
    rules = default_applicability()
    read = {p for c in criteria_set.criteria for p in c.node.paths}
    findings = sorted({p.removeprefix("study.findings.") for p in read
                       if p.startswith("study.findings.")})
    governed = [r for r in rules.rules if any(
        p in read or p.replace("study.", "imaging[].") in read for p in r.paths)]
    if not findings and not governed:
        return
    print("\nWHAT IS ASKED (resources/applicability.yaml)")
    for name in findings:
        entry = rules.spec.findings[name]
        counts = "only from these" if entry.bound else "positive values from any study"
        print(wrap.fill(f"  {name}: shown by {', '.join(entry.shown_by)}; {counts}"))
    for rule in governed:
        print(wrap.fill(f"  {rule.id}: {rule.reason}"))


def run_rules(args: argparse.Namespace) -> int:
    try:
        rules = default_applicability()
    except ApplicabilityLoadError as error:
        print("\n".join(error.lines()), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(rules.spec.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return 0
    wrap = textwrap.TextWrapper(width=96, subsequent_indent="      ")
    print("WHAT A STUDY CAN SHOW")
    for name, entry in rules.spec.findings.items():
        if entry.bound:
            counts = "counts only from these studies"
        else:
            counts = f"from any study: {_positive(entry.positive)}"
        print(wrap.fill(f"  {name}: shown by {', '.join(entry.shown_by)}; {counts}"))
        print(wrap.fill(f"      why: {entry.reason}"))
    print("\nINPUTS ASKED ONLY WHEN THEY APPLY")
    for rule in rules.rules:
        print(f"  {rule.id}")
        print(wrap.fill(f"      inputs: {', '.join(rule.paths)}"))
        for line in describe(next(r.applies_when for r in rules.spec.inputs
                                  if r.id == rule.id), 3):
            print(line)
        unknown = ("asked with it" if rule.ask_with_condition
                   else "only the condition is asked")
        print(f"      while the condition is unknown: {unknown}")
        print(wrap.fill(f"      why: {rule.reason}"))
    return 0


def _positive(positive) -> str:
    if isinstance(positive, dict):
        ((op, bound),) = positive.items()
        return f"a value {'>' if op == 'gt' else '>='} {bound:g}"
    return ", ".join(json.dumps(v) for v in positive)


def run_lint(args: argparse.Namespace) -> int:
    target = Path(args.path) if args.path else resources.path("criteria")
    if target.is_file() and _is_applicability(target):
        try:
            rules = load_applicability(target)
        except ApplicabilityLoadError as error:
            print("\n".join(error.lines()), file=sys.stderr)
            return 2
        print(f"ok {target}: {len(rules.spec.findings)} findings, {len(rules.rules)} input rules")
        return 0
    try:
        if not args.path:
            rules = default_applicability()
            print(f"ok {rules.source}: {len(rules.spec.findings)} findings, "
                  f"{len(rules.rules)} input rules")
        if target.is_dir():
            library = load_library(target)
            sets = library.sets
        else:
            sets = [load_set(target)]
    except (LibraryError, CriteriaLoadError, ApplicabilityLoadError) as error:
        print("\n".join(error.lines()), file=sys.stderr)
        return 2
    for s in sets:
        print(f"ok {s.source}: {s.id} {s.version}, {len(s.criteria)} criteria")
    return 0


def _is_applicability(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8")[:4000]
    except (OSError, UnicodeDecodeError):
        return False
    return "format: ur-applicability/1" in head
