"""``codes search TEXT... | show CODE``: ICD-10-CM and procedure-code look-up from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from itertools import islice

from reviewer_app.core.codes import icd10, procedure_list
from reviewer_app.core.codes.search import search_icd10
from reviewer_app.core.codes.words import search_form

SEARCH_EPILOG = """\
A query is a code prefix (with or without the dot, any case) or words: every word must start
a word of the code's title or of one of its inclusion terms. Anything but letters and digits
only separates words (quotes, *, brackets and AND/OR/NEAR have no special meaning).

output: one code a line, CODE  FLAG  description
  ICD-10-CM:   FLAG is B for a billable code, - for a category (pick a code under it)
  procedures:  FLAG is + for an add-on code (reported with a primary procedure)

Exit status: 0 something matched, 1 nothing matched, 2 a usage error (including a query
with no letter or digit in it).

examples:
  python -m reviewer_app codes search c7951
  python -m reviewer_app codes search M84.5 --billable
  python -m reviewer_app codes search path fract neopl vert
  python -m reviewer_app codes search secondary malignant bone --json
  python -m reviewer_app codes search kyphoplasty --procedures"""

SHOW_EPILOG = """\
Exit status: 0 the code is known, 2 it is not (the reason is printed on stderr).

examples:
  python -m reviewer_app codes show C79.51
  python -m reviewer_app codes show m8458xa
  python -m reviewer_app codes show 63090"""

CHILDREN_SHOWN = 15


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "codes",
        help="look up ICD-10-CM and procedure codes",
        description="Look up ICD-10-CM diagnosis codes (the full code set, offline) and the\n"
        "CPT procedure codes the criteria library uses.",
        epilog="examples:\n  python -m reviewer_app codes search pathological fracture vertebra\n"
        "  python -m reviewer_app codes show C79.51",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    search = actions.add_parser(
        "search",
        help="find codes by code prefix or words",
        description="Find ICD-10-CM codes (or, with --procedures, procedure codes) by code\n"
        "prefix or by the start of words in their descriptions.",
        epilog=SEARCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    search.add_argument("text", nargs="+", metavar="TEXT", help="a code prefix or words")
    search.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="show at most N codes (20)"
    )
    search.add_argument(
        "--billable", action="store_true", help="ICD-10-CM: only codes that can go on a claim"
    )
    search.add_argument(
        "--procedures", action="store_true", help="search procedure codes instead of ICD-10-CM"
    )
    search.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    search.set_defaults(handler=run_search)
    show = actions.add_parser(
        "show",
        help="one code in full",
        description="Show one ICD-10-CM code (any spelling: C79.51, c7951) or procedure code:\n"
        "its description, whether it is billable, whether the criteria count it as\n"
        "neoplastic, and for a category the billable codes under it.",
        epilog=SHOW_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("code", metavar="CODE", help="an ICD-10-CM or procedure code")
    show.set_defaults(handler=run_show)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run_search(args: argparse.Namespace) -> int:
    query = " ".join(args.text)
    if not search_form(query).split():
        print(f"codes search: '{query}' has no letter or digit to search for", file=sys.stderr)
        return 2
    if args.procedures:
        if args.billable:
            print("codes search: --billable applies to ICD-10-CM codes only", file=sys.stderr)
            return 2
        found = procedure_list.search_procedures(query, limit=args.limit)
        rows = [(e.code, "+" if e.add_on else " ", e.description) for e in found]
        what = "procedure code"
    else:
        found = search_icd10(query, limit=args.limit, billable_only=args.billable)
        rows = [(e.code, "B" if e.billable else "-", e.description) for e in found]
        what = "billable ICD-10-CM code" if args.billable else "ICD-10-CM code"
    if args.json:
        print(json.dumps([asdict(entry) for entry in found], indent=2))
    else:
        _print_table(rows)
    if not found:
        print(f"no {what} matches '{query}'", file=sys.stderr)
        return 1
    return 0


def run_show(args: argparse.Namespace) -> int:
    entry = procedure_list.procedure(args.code)
    if entry is not None:
        kind = "add-on, reported with a primary procedure" if entry.add_on else "primary"
        print(f"{entry.code}  {entry.description}")
        print(f"  system:    {entry.system}")
        print(f"  category:  {entry.category.replace('_', ' ')}")
        print(f"  kind:      {kind}")
        return 0
    try:
        code = icd10.normalize_icd10(args.code)
    except ValueError as error:
        if args.code.strip().isdigit():
            print(
                f"'{args.code.strip()}' is not one of the procedure codes the criteria library "
                "uses (see: codes search --procedures TEXT)",
                file=sys.stderr,
            )
        else:
            print(error, file=sys.stderr)
        return 2
    icd = icd10.icd10_entry(code)
    if icd is None:
        try:
            icd10.check_billable_icd10(code)
        except ValueError as error:
            print(error, file=sys.stderr)
        return 2
    neoplastic = "yes (C00-D49 or M84.5-)" if icd10.is_neoplastic_icd10(code) else "no"
    print(f"{icd.code}  {icd.description}")
    print("  system:      ICD-10-CM")
    print(f"  billable:    {'yes' if icd.billable else 'no: a category, choose a code under it'}")
    print(f"  neoplastic:  {neoplastic}")
    if not icd.billable:
        under = search_icd10(code, limit=10_000, billable_only=True)
        print(f"  billable codes under it ({len(under)}):")
        _print_table(
            [(e.code, "B", e.description) for e in islice(under, CHILDREN_SHOWN)], indent="    "
        )
        if len(under) > CHILDREN_SHOWN:
            print(
                f"    ... {len(under) - CHILDREN_SHOWN} more: codes search {code} --billable "
                f"--limit {len(under)}"
            )
    return 0


def _print_table(rows: list[tuple[str, str, str]], indent: str = "") -> None:
    width = max((len(code) for code, _, _ in rows), default=0)
    for code, flag, description in rows:
        print(f"{indent}{code:<{width}}  {flag}  {description}")
