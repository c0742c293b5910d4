"""ICD-10-CM and procedure-code look-up: shapes, messages, ranges, search, the YAML, freshness.

Expected values come from the code set and from ``docs/criteria-rules.md``; the search
is also checked against a slow brute-force reading of the committed tables.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest

from reviewer_app.cli import codes_cmd
from reviewer_app.core.codes import icd10, procedure_list, search

ROOT = Path(__file__).resolve().parents[3]
CODES_DIR = ROOT / "resources" / "codes"

GUIDE_PRIMARY = {
    "corpectomy": ["63085", "63087", "63090", "63101", "63102"],
    "tumor_excision": ["22100", "22101", "22102", "22110", "22112", "22114"],
    "fusion": ["22558", "22612", "22630", "22633"],
    "decompression": ["63005", "63017", "63030", "63042", "63047"],
    "vertebral_augmentation": ["22510", "22511", "22513", "22514"],
    "mri": ["72148", "72149", "72158"],
}
GUIDE_ADD_ONS = [
    *["22585", "22614", "22632", "22634"],
    *[str(code) for code in range(22840, 22848)],
    *["22853", "22854", "22859", "63048", "63086", "63088", "63091", "63103", "22512", "22515"],
]


# --- shapes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("c7951", "C79.51"),
        (" C79.51 ", "C79.51"),
        ("c79.51", "C79.51"),
        ("m8458xa", "M84.58XA"),
        ("M84.58XA", "M84.58XA"),
        ("I10", "I10"),
        ("c79", "C79"),
        ("c4a0", "C4A.0"),
        ("QA0.0101", "QA0.0101"),
        ("\tu071\n", "U07.1"),
    ],
)
def test_normalize_accepts_any_spelling(text: str, expected: str) -> None:
    assert icd10.normalize_icd10(text) == expected


@pytest.mark.parametrize(
    "text",
    ["C7", "C7.951", "C79.", "79.51", "hello", "C79.51234", "C79 51", "C79..51", "C79-51", "Ç79"],
)
def test_normalize_refuses_other_shapes(text: str) -> None:
    with pytest.raises(ValueError, match="is not an ICD-10-CM code"):
        icd10.normalize_icd10(text)


def test_normalize_names_an_empty_code() -> None:
    with pytest.raises(ValueError, match="no ICD-10-CM code given"):
        icd10.normalize_icd10("   ")


def _table_rows() -> list[tuple[str, bool, str]]:
    lines = (CODES_DIR / "icd10cm.tsv").read_text(encoding="utf-8").splitlines()
    rows = []
    for line in lines[1:]:
        code, billable, description = line.split("\t")
        rows.append((code, billable == "1", description))
    return rows


def test_every_code_of_the_table_normalises_to_itself_with_or_without_dot() -> None:
    for code, _, _ in _table_rows():
        assert icd10.normalize_icd10(code) == code
        assert icd10.normalize_icd10(code.replace(".", "").lower()) == code


def test_the_table_header_names_its_source_and_count() -> None:
    header = (CODES_DIR / "icd10cm.tsv").read_text(encoding="utf-8").split("\n", 1)[0]
    rows = _table_rows()
    assert re.fullmatch(r"# .*simple-icd-10-cm \d+\.\d+\.\d+.*: (\d+) codes", header)
    assert header.endswith(f": {len(rows)} codes")
    assert [code for code, _, _ in rows] == sorted(code for code, _, _ in rows)


# --- billable codes and messages ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("c7951", "C79.51"), ("M84.58XA", "M84.58XA"), ("i10", "I10"), ("U07.1", "U07.1")],
)
def test_billable_codes_pass_normalised(text: str, expected: str) -> None:
    assert icd10.check_billable_icd10(text) == expected


def test_a_category_is_refused_with_a_more_specific_example() -> None:
    with pytest.raises(ValueError) as caught:
        icd10.check_billable_icd10("c795")
    assert str(caught.value) == (
        "'C79.5' is a category, not a billable code (choose a more specific code, e.g. C79.51)"
    )


def test_a_subcategory_needing_a_seventh_character_is_a_category() -> None:
    with pytest.raises(ValueError, match=r"'M84\.58' is a category.*e\.g\. M84\.58XA"):
        icd10.check_billable_icd10("M84.58")


def test_an_unknown_code_is_named_as_outside_the_code_set() -> None:
    with pytest.raises(ValueError, match=r"^'X99\.99' is not in the ICD-10-CM code set"):
        icd10.check_billable_icd10("x9999")


def test_a_missing_placeholder_gets_a_suggestion() -> None:
    with pytest.raises(ValueError, match=r"did you mean M84\.58XA\?"):
        icd10.check_billable_icd10("M84.58A")
    with pytest.raises(ValueError, match=r"did you mean S32\.2XXS\?"):
        icd10.check_billable_icd10("S32.2S")


def test_a_code_one_level_too_deep_points_at_its_parent() -> None:
    with pytest.raises(ValueError, match=r"codes under C79\.5 include C79\.51, C79\.52"):
        icd10.check_billable_icd10("C79.50")


def test_a_malformed_code_is_refused_before_the_code_set_is_consulted() -> None:
    with pytest.raises(ValueError, match="is not an ICD-10-CM code"):
        icd10.check_billable_icd10("C7.951")


# --- descriptions and entries ---------------------------------------------------------------


def test_descriptions() -> None:
    assert icd10.icd10_description("C79.51") == "Secondary malignant neoplasm of bone"
    assert icd10.icd10_description("c795") == "Secondary malignant neoplasm of bone and bone marrow"
    assert icd10.icd10_description("M84.58XA") == (
        "Pathological fracture in neoplastic disease, other specified site, "
        "initial encounter for fracture"
    )
    assert icd10.icd10_description("X99.99") is None
    assert icd10.icd10_description("not a code") is None


def test_descriptions_have_no_stray_whitespace() -> None:
    for _, _, description in _table_rows():
        assert description == " ".join(description.split())


def test_first_and_last_rows_are_found() -> None:
    rows = _table_rows()
    for code, billable, description in (rows[0], rows[-1]):
        assert icd10.icd10_entry(code) == icd10.CodeEntry(code, description, billable)


def test_billable_count_matches_the_code_set() -> None:
    rows = _table_rows()
    assert len(rows) > 98_000
    assert 74_000 < sum(billable for _, billable, _ in rows) < 76_000


# --- neoplastic diagnoses (criteria guide: C00-D49, or M84.5-) ------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("B99.9", False),
        ("C00.0", True),
        ("c000", True),
        ("C4A.0", True),
        ("C79.51", True),
        ("D3A.00", True),
        ("D49.9", True),
        ("D50.0", False),
        ("E00.0", False),
        ("M84.48XA", False),
        ("M84.5", True),
        ("M84.50XA", True),
        ("M84.58XA", True),
        ("M84.60XA", False),
        ("M48.56XA", False),
    ],
)
def test_neoplastic_ranges(code: str, expected: bool) -> None:
    assert icd10.is_neoplastic_icd10(code) is expected


def test_neoplastic_refuses_a_malformed_code() -> None:
    with pytest.raises(ValueError):
        icd10.is_neoplastic_icd10("C7")


# --- search ---------------------------------------------------------------------------------


def _codes(results: list[icd10.CodeEntry]) -> list[str]:
    return [entry.code for entry in results]


@pytest.mark.parametrize("query", ["c795", "C79.5", " c79.5 "])
def test_code_prefix_search_in_code_order(query: str) -> None:
    assert _codes(search.search_icd10(query)) == ["C79.5", "C79.51", "C79.52"]


def test_code_prefix_search_respects_limit_and_billable() -> None:
    found = search.search_icd10("m8458", limit=4, billable_only=True)
    assert _codes(found) == ["M84.58XA", "M84.58XD", "M84.58XG", "M84.58XK"]
    assert _codes(search.search_icd10("M84.58", limit=2)) == ["M84.58", "M84.58XA"]


def test_exact_code_comes_first() -> None:
    assert _codes(search.search_icd10("C79"))[0] == "C79"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("secondary malignant bone", "C79.51"),
        ("path fract neopl vert", "M84.58XA"),
        ("PATH FRACT NEOPL VERT", "M84.58XA"),
        ("lumbar stenosis neurogenic claudication", "M48.062"),
        ("comp fract vert", "M48.56XA"),
        ("metast bone", "C79.51"),
        ("meniere", "H81.01"),
        ("Ménière left", "H81.02"),
        ("low back pain", "M54.50"),
    ],
)
def test_word_search_finds(query: str, expected: str) -> None:
    assert expected in _codes(search.search_icd10(query, limit=50))


def test_word_search_ranks_billable_and_shorter_titles_first() -> None:
    found = search.search_icd10("secondary malignant bone")
    assert _codes(found) == ["C79.51", "C79.52", "C79.5"]


def test_billable_only_drops_categories() -> None:
    found = search.search_icd10("pathological fracture neoplastic", limit=200, billable_only=True)
    assert found
    assert all(entry.billable for entry in found)


@pytest.mark.parametrize("query", ["", "   ", "--", "zzzzqx", "secondary zzzzqx"])
def test_searches_without_matches(query: str) -> None:
    assert search.search_icd10(query) == []


def test_limit_is_respected() -> None:
    assert len(search.search_icd10("fracture", limit=7)) == 7
    assert search.search_icd10("fracture", limit=0) == []


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@cache
def _brute_force_rows() -> list[tuple[bool, int, str, tuple[str, ...]]]:
    terms: dict[str, list[str]] = {}
    for line in (CODES_DIR / "icd10cm-terms.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        owner, term = line.split("\t")
        terms.setdefault(owner, []).append(term)
    rows = []
    for code, billable, description in _table_rows():
        ancestors = {code[:cut] for cut in range(3, len(code) + 1)} - {code[:3] + "."}
        owned = [term for ancestor in ancestors for term in terms.get(ancestor, [])]
        words = tuple(set(re.findall(r"[a-z0-9]+", _fold(" ".join([description, *owned])))))
        rows.append((billable, len(description), code, words))
    return rows


def _brute_force(query: str, billable_only: bool = False) -> list[str]:
    """Every row, every word, no index: the definition the fast search must agree with."""
    wanted = re.findall(r"[a-z0-9]+", _fold(query))
    matches = [
        (not billable, length, code)
        for billable, length, code, words in _brute_force_rows()
        if (billable or not billable_only)
        and all(any(word.startswith(w) for word in words) for w in wanted)
    ]
    return [code for _, _, code in sorted(matches)]


@pytest.mark.parametrize(
    ("query", "billable_only"),
    [
        ("fract neopl", False),
        ("collapsed vert lumb", False),
        ("wedging", False),
        ("pathological fracture vertebrae", True),
        ("stenosis lumbar", False),
        ("radiculopathy lumbar", True),
        ("a b c", False),
        ("subsequent encounter fracture", True),
    ],
)
def test_search_agrees_with_brute_force(query: str, billable_only: bool) -> None:
    expected = _brute_force(query, billable_only)
    assert expected
    found = _codes(search.search_icd10(query, limit=60, billable_only=billable_only))
    assert found == expected[:60]


def test_inclusion_terms_are_inherited_by_the_codes_below() -> None:
    found = _codes(search.search_icd10("wedging vertebra", limit=100))
    assert "M48.5" in found
    assert "M48.56XA" in found


# --- the word index (SQLite FTS5) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "billable_only"),
    [
        ("p", False),
        ("co", True),
        ("verteb", False),
        ("hyp con", False),
        ("osteopor vert fract", True),
        ("secondary malignant neoplasm bone", False),
        ("9", False),
    ],
)
def test_word_prefixes_agree_with_brute_force(query: str, billable_only: bool) -> None:
    """One letter is read off FTS5's prefix index; longer prefixes are expanded to the indexed
    words they start (some 300 for ``co``); several words must all match."""
    expected = _brute_force(query, billable_only)
    assert expected
    found = _codes(search.search_icd10(query, limit=60, billable_only=billable_only))
    assert found == expected[:60]


def test_billable_only_is_the_billable_part_of_the_same_ranking() -> None:
    everything = search.search_icd10("fract vert", limit=5000)
    billable = search.search_icd10("fract vert", limit=500, billable_only=True)
    assert len(billable) == 500
    assert billable == [entry for entry in everything if entry.billable][:500]
    assert any(not entry.billable for entry in everything)


@pytest.mark.parametrize(
    ("query", "same_as"),
    [
        ("non-traumatic", "non traumatic"),
        ("Ménière's", "meniere s"),
        ("T-cell", "t cell"),
        ("(fract) vert.", "fract vert"),
    ],
)
def test_punctuation_only_separates_words(query: str, same_as: str) -> None:
    found = _codes(search.search_icd10(query, limit=60))
    assert found
    assert found == _codes(search.search_icd10(same_as, limit=60)) == _brute_force(query)[:60]


@pytest.mark.parametrize("query", ['"', '""', "*", "**", "( )", "^", "+", ":", "{}", "\x00"])
def test_a_query_without_letters_or_digits_finds_nothing(query: str) -> None:
    assert search.search_icd10(query) == []
    assert search.search_icd10(query, billable_only=True) == []


@pytest.mark.parametrize(
    "query",
    [
        "NEAR(",
        "fract*",
        '"fract',
        "fract AND",
        "OR fract",
        "NOT vert",
        "fract NEAR/2 vert",
        "words:fract",
        "{words}: fract",
        "^fract",
        "fract -vert",
        "and or not",
    ],
)
def test_fts5_syntax_in_a_query_is_read_as_words(query: str) -> None:
    assert _codes(search.search_icd10(query, limit=60)) == _brute_force(query)[:60]


def test_the_index_opens_read_only_from_a_folder_with_uri_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``file:`` URI characters in the path (space, #, ?, %) must be quoted, and an installed
    copy in a folder nobody may write to must work and stay as it is (no journal, no WAL)."""
    folder = tmp_path / "UR Reviewer #2 (read-only?) 100%"
    folder.mkdir()
    original = search.INDEX_PATH
    copy = folder / original.name
    shutil.copyfile(original, copy)
    copy.chmod(0o444)
    folder.chmod(0o555)
    monkeypatch.setattr(search, "INDEX_PATH", copy)
    search._index.cache_clear()
    try:
        assert "M84.58XA" in _codes(search.search_icd10("path fract neopl vert"))
        assert [p.name for p in folder.iterdir()] == [copy.name]
        assert copy.read_bytes() == original.read_bytes()
    finally:
        search._index.cache_clear()
        folder.chmod(0o755)


def test_searches_from_several_threads_agree() -> None:
    queries = ["path fract neopl vert", "secondary malignant bone", "a b c", "co", "c795"] * 8
    expected = [search.search_icd10(query) for query in queries]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(search.search_icd10, queries)) == expected


# --- procedures -----------------------------------------------------------------------------


def test_every_code_the_guide_names_is_listed_once() -> None:
    listed = {entry.code: entry for entry in procedure_list.procedures()}
    assert len(listed) == len(procedure_list.procedures())
    for category, primary in GUIDE_PRIMARY.items():
        for code in primary:
            assert listed[code].category == category
            assert listed[code].add_on is False
    for code in GUIDE_ADD_ONS:
        assert listed[code].add_on is True
    expected = {code for group in GUIDE_PRIMARY.values() for code in group} | set(GUIDE_ADD_ONS)
    assert set(listed) == expected
    assert all(entry.system == "CPT" and entry.description for entry in listed.values())


def test_procedure_lookup() -> None:
    entry = procedure_list.procedure(" 63090 ")
    assert entry is not None
    assert (entry.code, entry.system, entry.category, entry.add_on) == (
        "63090",
        "CPT",
        "corpectomy",
        False,
    )
    assert procedure_list.procedure("99999") is None


def test_procedure_search_by_code_prefix_and_words() -> None:
    assert [e.code for e in procedure_list.search_procedures("6309")] == ["63090", "63091"]
    kypho = [e.code for e in procedure_list.search_procedures("kypho")]
    assert kypho == ["22513", "22514", "22515"]
    fusion = [e.code for e in procedure_list.search_procedures("lumbar fusion")]
    assert fusion[:4] == ["22558", "22612", "22630", "22633"]
    assert [e.code for e in procedure_list.search_procedures("mri", limit=2)] == ["72148", "72149"]
    assert procedure_list.search_procedures("zzzz") == []


VALID_ENTRY = """\
- code: "63090"
  system: CPT
  description: Removal of a vertebral body
  category: corpectomy
  add_on: false
"""


def test_the_loader_reads_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "procedures.yaml"
    path.write_text(VALID_ENTRY)
    assert procedure_list.load_procedures(path) == (
        procedure_list.ProcedureEntry(
            "63090", "CPT", "Removal of a vertebral body", "corpectomy", False
        ),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (VALID_ENTRY + "  colour: blue\n", r"entry 1 \(code 63090\): colour: Extra inputs"),
        (VALID_ENTRY + VALID_ENTRY, r"entry 2 \(code 63090\): code 63090 is listed twice"),
        (VALID_ENTRY.replace('"63090"', '"6309"'), r"'6309' is not shaped like a CPT code"),
        (VALID_ENTRY.replace('"63090"', "63090"), r"write the code in quotes"),
        (VALID_ENTRY.replace("CPT", "ICD"), r"entry 1 \(code 63090\): system"),
        (VALID_ENTRY.replace("corpectomy", "surgery"), r"category"),
        (VALID_ENTRY.replace("false", '"no"'), r"add_on"),
        (VALID_ENTRY.replace("  add_on: false\n", ""), r"add_on: Field required"),
        ("code: '63090'\n", r"expected a list of procedure entries"),
        ("- [unclosed\n", r"not valid YAML"),
    ],
)
def test_the_loader_refuses_bad_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad-procedures.yaml"
    path.write_text(text)
    with pytest.raises(ValueError, match=message) as caught:
        procedure_list.load_procedures(path)
    assert str(caught.value).startswith(f"{path}: ")


# --- the generated tables and the run-time import boundary ----------------------------------


def test_generated_tables_are_fresh(tmp_path: Path) -> None:
    """Regenerating from the installed simple-icd-10-cm must give the committed tables, and an
    index with the same content (its bytes also depend on the SQLite version that wrote it)."""
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_icd10_index.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("icd10cm.tsv", "icd10cm-terms.tsv"):
        assert (tmp_path / name).read_bytes() == (CODES_DIR / name).read_bytes(), (
            f"resources/codes/{name} is stale: run python tools/build_icd10_index.py"
        )
    fresh = _index_content(tmp_path / "icd10cm-search.sqlite3")
    committed = _index_content(search.INDEX_PATH)
    for number, (new, old) in enumerate(itertools.zip_longest(fresh, committed)):
        assert new == old, (
            f"resources/codes/icd10cm-search.sqlite3 is stale (row {number}: {old} should be "
            f"{new}): run python tools/build_icd10_index.py"
        )


def _index_content(path: Path) -> Iterator[tuple[object, ...]]:
    """The schema, every row and every (word, row) posting of the index, in a fixed order."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE temp.postings USING fts5vocab(main, code_words, instance)"
        )
        for query in (
            "SELECT name, sql FROM sqlite_schema WHERE name NOT LIKE 'code_words_%' ORDER BY 1",
            "SELECT 'meta', * FROM meta ORDER BY key",
            "SELECT 'codes', * FROM codes ORDER BY id",
            "SELECT 'terms', * FROM terms ORDER BY term",
            "SELECT 'posting', term, doc FROM temp.postings",
        ):
            yield from connection.execute(query)
    finally:
        connection.close()


def test_the_committed_table_agrees_with_simple_icd_10_cm_on_samples() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm as icd

    for code in ("C79.51", "C79.5", "M84.58XA", "M84.58", "I10", "QA0.0101"):
        assert icd10.icd10_description(code) == " ".join(icd.get_description(code).split())
        assert icd10.icd10_entry(code).billable is icd.is_leaf(code)


def test_look_ups_never_import_the_slow_library_or_pydantic() -> None:
    script = (
        "import sys\n"
        "from reviewer_app.core.codes import icd10, procedure_list, search\n"
        "assert 'pydantic' not in sys.modules and 'yaml' not in sys.modules\n"
        "icd10.check_billable_icd10('C79.51')\n"
        "search.search_icd10('path fract neopl vert')\n"
        "assert 'simple_icd_10_cm' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


# --- command line ---------------------------------------------------------------------------


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="reviewer_app")
    codes_cmd.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.handler(args)


def test_cli_search_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["codes", "search", "c795"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "C79.5   -  Secondary malignant neoplasm of bone and bone marrow",
        "C79.51  B  Secondary malignant neoplasm of bone",
        "C79.52  B  Secondary malignant neoplasm of bone marrow",
    ]


def test_cli_search_json_words_billable(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["codes", "search", "secondary", "malignant", "bone", "--billable", "--json"]
    assert _run(argv) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"code": "C79.51", "description": "Secondary malignant neoplasm of bone", "billable": True},
        {
            "code": "C79.52",
            "description": "Secondary malignant neoplasm of bone marrow",
            "billable": True,
        },
    ]


def test_cli_search_procedures(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["codes", "search", "--procedures", "--limit", "1", "kyphoplasty"]) == 0
    assert capsys.readouterr().out.startswith("22513     Kyphoplasty")


def test_cli_search_without_matches(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["codes", "search", "zzzzqx"]) == 1
    assert "no ICD-10-CM code matches 'zzzzqx'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv", [['"'], ["*"], ["(", ")"], ["*", "--billable"], ["*", "--procedures"]]
)
def test_cli_search_without_letters_or_digits_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["codes", "search", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "has no letter or digit to search for" in captured.err


def test_cli_search_reads_fts5_syntax_as_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["codes", "search", "NEAR(", "--limit", "5"]) == 0
    odd = capsys.readouterr()
    assert _run(["codes", "search", "near", "--limit", "5"]) == 0
    assert odd.out == capsys.readouterr().out
    assert odd.err == ""


def test_cli_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["codes", "show", "c795"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("C79.5  Secondary malignant neoplasm of bone and bone marrow\n")
    assert "C79.51  B  Secondary malignant neoplasm of bone" in out
    assert _run(["codes", "show", "63103"]) == 0
    assert "add-on" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("X99.99", "is not in the ICD-10-CM code set"),
        ("12345", "is not one of the procedure codes"),
        ("hello", "is not an ICD-10-CM code"),
    ],
)
def test_cli_show_unknown(code: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["codes", "show", code]) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""
