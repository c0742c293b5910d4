"""The generated ``reviewer_app/ui/forms/ui_*.py`` must match their Designer sources."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "forms"
GENERATED = ROOT / "reviewer_app" / "ui" / "forms"
VERSION_LINE = "## Created by: Qt User Interface Compiler version"


def _uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    found = found or shutil.which("pyside6-uic")
    if found is None:
        pytest.fail("pyside6-uic not found next to the interpreter or on PATH")
    return found


def _comparable(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith(VERSION_LINE)]


@pytest.mark.parametrize("form", sorted(FORMS.glob("*.ui")), ids=lambda p: p.name)
def test_generated_form_is_current(form: Path, tmp_path: Path) -> None:
    generated = GENERATED / f"ui_{form.stem}.py"
    fresh = tmp_path / generated.name
    subprocess.run([_uic(), form.name, "-o", str(fresh)], cwd=FORMS, check=True)
    assert generated.is_file(), f"{generated.relative_to(ROOT)} is missing"
    assert _comparable(generated.read_text(encoding="utf-8")) == _comparable(
        fresh.read_text(encoding="utf-8")
    ), (
        f"{generated.relative_to(ROOT)} is stale; regenerate it: "
        f"cd forms && pyside6-uic {form.name} -o ../reviewer_app/ui/forms/{generated.name}"
    )


def test_every_generated_form_has_a_source() -> None:
    sources = {f"ui_{form.stem}.py" for form in FORMS.glob("*.ui")}
    orphans = sorted(p.name for p in GENERATED.glob("ui_*.py") if p.name not in sources)
    assert not orphans, f"generated forms without a forms/*.ui source: {orphans}"
