"""Write ``resources/codes/procedure-names.tsv`` from ``resources/codes/procedures.yaml``.

Usage: ``python tools/build_procedure_names.py``; ``tests/core/codes/test_procedure_names.py``
fails when the committed table no longer matches the YAML.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reviewer_app.core.codes import procedure_list

if __name__ == "__main__":
    table = procedure_list.names_table(procedure_list.load_procedures(
        procedure_list.PROCEDURES_PATH))
    procedure_list.NAMES_PATH.write_text(table, encoding="utf-8")
    print(procedure_list.NAMES_PATH)
