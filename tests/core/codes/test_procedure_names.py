"""The generated procedure names table (what the queue reads at start-up) matches the YAML."""

from reviewer_app.core.codes import procedure_list


def test_the_names_table_is_generated_from_the_procedure_list():
    entries = procedure_list.load_procedures(procedure_list.PROCEDURES_PATH)
    assert procedure_list.NAMES_PATH.read_text(encoding="utf-8") == (
        procedure_list.names_table(entries)
    ), "stale: run python tools/build_procedure_names.py"


def test_a_name_is_the_listed_category_and_description():
    entry = procedure_list.procedure("63090")
    assert procedure_list.procedure_name(" 63090 ") == (entry.category, entry.description)
    assert procedure_list.procedure_name("27447") is None
