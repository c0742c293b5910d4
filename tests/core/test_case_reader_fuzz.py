"""Fuzzing the case reader and the two commands that read case files: random bytes, random
JSON structures and random changes to a valid case never give a traceback, never exit 1, and
never write anything unless the case is valid (``import`` of an invalid file creates no
database; ``evaluate`` writes nothing at all)."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import SEED

from reviewer_app.cli.main import main
from reviewer_app.core.case import Case
from reviewer_app.core.case_file import CaseFileError, parse_case

SEED_DOC = json.loads(SEED.read_text())

scalars = (st.none() | st.booleans() | st.integers(min_value=-(10**20), max_value=10**20)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30))
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


SEED_PATHS = [p for p in _paths(SEED_DOC) if p]


@st.composite
def mutated_cases(draw) -> str:
    """The seed case with one to three fields replaced by random JSON or removed, or a
    random key added: most are invalid in one place, deep inside the model."""
    doc = copy.deepcopy(SEED_DOC)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(SEED_PATHS))
        node = doc
        try:
            for part in path[:-1]:
                node = node[part]
            action = draw(st.sampled_from(["replace", "remove", "add"]))
            if action == "replace":
                node[path[-1]] = draw(json_values)
            elif action == "remove" and isinstance(node, dict):
                del node[path[-1]]
            elif isinstance(node, dict):
                node[draw(st.text(max_size=8))] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue
    return json.dumps(doc)


documents = (st.binary(max_size=400).map(lambda b: ("bytes", b))
             | json_values.map(lambda v: ("json", json.dumps(v).encode()))
             | mutated_cases().map(lambda t: ("mutated", t.encode())))


def _strict(text: str):
    def refuse(name):
        raise ValueError(f"{name} in output")
    return json.loads(text, parse_constant=refuse)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_the_reader_refuses_cleanly_or_reads_a_case(document):
    _kind, data = document
    try:
        case = parse_case(data, "fuzz.json")
    except CaseFileError as error:
        for line in error.lines():
            assert line.startswith("fuzz.json: ")
            assert "\n" not in line and "\x1b" not in line
        return
    assert isinstance(case, Case)
    _strict(json.dumps(case.to_json_dict()))


def _run(capsys, data: bytes, *args: str) -> tuple[int, str, str, list[str], Path]:
    """The command line on ``data`` saved as ``case.json`` in a new folder (``{case}`` and
    ``{db}`` in ``args`` name the file and a database there): status, output, and what the
    folder then holds."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.json"
        path.write_bytes(data)
        code = main([a.format(case=path, db=Path(folder) / "new.sqlite3") for a in args])
        out, err = capsys.readouterr()
        written = sorted(p.name for p in Path(folder).iterdir())
    assert code in (0, 2), err
    assert "Traceback" not in err and "internal error" not in err
    return code, out, err, written, path


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_evaluate_never_fails_and_never_writes(capsys, document):
    code, out, err, written, path = _run(capsys, document[1], "evaluate", "{case}")
    assert written == ["case.json"]
    if code == 0:
        assert err == ""
        _strict(out)
    else:
        assert out == "" and err.startswith(f"{path}: ")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_import_never_fails_and_writes_only_a_valid_case(capsys, document):
    code, out, _err, written, _path = _run(capsys, document[1], "--db", "{db}", "import",
                                           "{case}")
    if code == 2:
        assert written == ["case.json"]
        assert out == ""
    else:
        assert out == "1\n"
