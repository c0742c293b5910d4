"""A non-editable install (``pip install .``) finds its resources away from the source tree.

The project is copied out of the worktree (pip builds in the source folder), built and installed
into a fresh venv without its dependencies, which come from this venv through a ``.pth`` line:
offline and quick. The commands then run from another folder, where the source tree is not on
``sys.path`` (``findings`` reads its rules from the installed ``resources/reports``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from paths import ROOT, SEED

SOURCES = ("pyproject.toml", "setup.py", "README.md", "reviewer_app", "resources")
"""What a build reads: a file missing here that the build needs fails the test loudly."""


def _site_packages(venv: Path) -> Path:
    return Path(sysconfig.get_path("purelib", vars={"base": str(venv), "platbase": str(venv)}))


def _run(args, cwd, env, timeout=120):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout, check=False)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_pip_install_dot_then_the_commands_run_from_elsewhere(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(ROOT / name, source / name)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = _site_packages(venv)
    (site / "_reviewer_app_dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    _run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
          "--ignore-installed", "--no-index", str(source)], cwd=tmp_path, env=env)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = json.loads(_run([str(python), "-c", (
        "import json, reviewer_app; from reviewer_app.core import resources;"
        "print(json.dumps([reviewer_app.__file__, str(resources.ROOT)]))"
    )], cwd=elsewhere, env=env))
    assert Path(where[0]).is_relative_to(site), where
    assert Path(where[1]) == site / "reviewer_app" / "resources"

    shipped = {p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*")
               if p.is_file()}
    installed = {p.relative_to(where[1]) for p in Path(where[1]).rglob("*") if p.is_file()}
    assert shipped == installed

    determination = json.loads(
        _run([str(python), "-m", "reviewer_app", "evaluate", str(SEED)], cwd=elsewhere, env=env)
    )
    assert determination["outcome"] == "meets_criteria"
    assert determination["criteria_set"]["id"] == "spine-tumor-decompression-stabilization"

    listed = _run([str(python), "-m", "reviewer_app", "criteria", "list"], cwd=elsewhere,
                  env=env)
    assert "spine-tumor-decompression-stabilization  2026.2" in listed
    shown = _run([str(python), "-m", "reviewer_app", "codes", "show", "C79.51"], cwd=elsewhere,
                 env=env)
    assert shown.startswith("C79.51  Secondary malignant neoplasm of bone")

    report = tmp_path / "report.txt"
    report.write_text("L2 burst fracture. No retropulsion.", encoding="utf-8")
    found = json.loads(_run([str(python), "-m", "reviewer_app", "findings", str(report),
                             "--modality", "CT", "--levels", "L2"], cwd=elsewhere, env=env))
    assert found["findings"] == {"fracture": "burst", "retropulsion": False}

    window = _run([str(python), "-c", "import reviewer_app.ui.app as a; print(a.__file__)"],
                  cwd=elsewhere, env={**env, "QT_QPA_PLATFORM": "offscreen"})
    assert Path(window.strip()).is_relative_to(site)
    assert (venv / "bin" / "reviewer-app").is_file()
