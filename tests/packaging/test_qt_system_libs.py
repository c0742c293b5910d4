"""``make run``'s check for the libraries of Qt's xcb platform plugin (tools/qt_system_libs.py).

The decisions are tested against a stand-in ``ldd`` and ``apt-get``; the real ones check this
machine and re-derive the committed table, as the ICD-10-CM index test does for its tables.
"""

import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from paths import ROOT

TOOL = ROOT / "tools" / "qt_system_libs.py"
_spec = importlib.util.spec_from_file_location("qt_system_libs", TOOL)
qsl = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qsl)

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffc0a5e2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x7f1)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f2cd3a12000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f2cd3b00000)
"""


@pytest.fixture
def fake_system(tmp_path, monkeypatch):
    """A PATH with a stand-in ``ldd`` (its output: the file ``ldd.out``, emptied once the stand-in
    ``apt-get install`` has run) and ``apt-get`` (its calls go to ``apt.log``)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (tmp_path / "ldd.out").write_text(LDD_MISSING)
    (bin_dir / "ldd").write_text(f"#!/bin/sh\nexec /bin/cat '{tmp_path}/ldd.out'\n")
    (bin_dir / "apt-get").write_text(textwrap.dedent(f"""\
        #!/bin/sh
        echo "$@" >> '{tmp_path}/apt.log'
        [ -e '{tmp_path}/apt-fails' ] && exit 100
        [ "$1" = install ] && : > '{tmp_path}/ldd.out'
        exit 0
    """))
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setattr(qsl.sys, "platform", "linux")
    files = [tmp_path / "libqxcb.so"]
    files[0].write_bytes(b"")
    return tmp_path, files


def _apt_calls(tmp_path):
    log = tmp_path / "apt.log"
    return log.read_text().splitlines() if log.exists() else []


def test_ldd_output_gives_each_missing_library_once(fake_system):
    _, files = fake_system
    assert qsl.missing(files) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_not_root_prints_the_exact_command_and_fails(fake_system, monkeypatch, capsys):
    tmp_path, files = fake_system
    monkeypatch.setattr(qsl.os, "geteuid", lambda: 1000)
    assert qsl.check(files, qsl.load_table()) == 1
    err = capsys.readouterr().err
    assert "missing: libxcb-icccm.so.4, libxcb-keysyms.so.1." in err
    assert "\n  sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in err
    assert _apt_calls(tmp_path) == []


def test_root_with_apt_get_installs_the_packages(fake_system, monkeypatch, capsys):
    tmp_path, files = fake_system
    monkeypatch.setattr(qsl.os, "geteuid", lambda: 0)
    assert qsl.check(files, qsl.load_table()) == 0
    calls = _apt_calls(tmp_path)
    assert calls[0] == "update -qq"
    assert calls[1].startswith("install -y -qq --no-install-recommends")
    assert calls[1].endswith(" libxcb-icccm4 libxcb-keysyms1")
    assert "Installing libxcb-icccm4 libxcb-keysyms1" in capsys.readouterr().err


def test_a_failed_install_still_prints_the_command(fake_system, monkeypatch, capsys):
    tmp_path, files = fake_system
    (tmp_path / "apt-fails").touch()
    monkeypatch.setattr(qsl.os, "geteuid", lambda: 0)
    assert qsl.check(files, qsl.load_table()) == 1
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in capsys.readouterr().err


def test_an_unknown_library_is_named_and_nothing_is_installed(fake_system, monkeypatch, capsys):
    tmp_path, files = fake_system
    (tmp_path / "ldd.out").write_text("\tlibxcb-new-thing.so.7 => not found\n")
    monkeypatch.setattr(qsl.os, "geteuid", lambda: 0)
    assert qsl.check(files, qsl.load_table()) == 1
    err = capsys.readouterr().err
    assert "No package is known for libxcb-new-thing.so.7: `apt-file search NAME`" in err
    assert _apt_calls(tmp_path) == []


def test_without_apt_get_the_debian_names_are_a_hint(fake_system, monkeypatch, capsys):
    tmp_path, files = fake_system
    (tmp_path / "bin" / "apt-get").unlink()
    monkeypatch.setattr(qsl.os, "geteuid", lambda: 0)
    assert qsl.check(files, qsl.load_table()) == 1
    err = capsys.readouterr().err
    assert "Debian and Ubuntu install them with `sudo apt-get install libxcb-icccm4" in err


def test_the_table_names_the_libraries_a_minimal_desktop_lacks():
    table = qsl.load_table()
    assert table["libxcb-icccm.so.4"] == "libxcb-icccm4"
    assert table["libxcb-keysyms.so.1"] == "libxcb-keysyms1"
    assert table["libxcb-cursor.so.0"] == "libxcb-cursor0"


def _require_installed():
    absent = qsl.missing(qsl.checked_files(qsl.pyside_dir()))
    if absent:
        message = f"missing {', '.join(absent)}: run make qt-libs"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def test_on_this_machine_the_check_passes_silently():
    _require_installed()
    result = subprocess.run([sys.executable, str(TOOL)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_committed_table_is_what_this_machine_derives():
    for tool in ("readelf", "dpkg", "ldd"):
        if shutil.which(tool) is None:
            pytest.skip(f"deriving the table needs {tool} (Debian)")
    _require_installed()
    derived = qsl.derive(qsl.pyside_dir())
    committed = qsl.TABLE.read_text(encoding="utf-8")

    def rows(text):
        return [line for line in text.splitlines() if not line.startswith("#")]

    assert rows(derived) == rows(committed), (
        "tools/qt_system_libs.tsv is stale: "
        "run python tools/qt_system_libs.py --derive > tools/qt_system_libs.tsv"
    )


def test_the_readme_lists_every_package():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("sudo apt-get install \\\n"):]
    block = block[:block.index("```")]
    listed = block.replace("\\", " ").split()[3:]
    assert listed == sorted(set(qsl.load_table().values())), (
        "README.md: the apt-get command should list python tools/qt_system_libs.py --packages"
    )
