"""Check for the system libraries Qt's xcb platform plugin needs; ``make run`` calls it first.

The PySide6 wheels bundle Qt itself but not the X11 libraries it links against. On a minimal
Debian desktop some are missing (libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0, ...) and Qt
aborts with "Could not load the Qt platform plugin "xcb"" without naming any of them. ``ldd`` on
the plugin names them; ``qt_system_libs.tsv`` beside this file maps each to its Debian package.

    python tools/qt_system_libs.py             nothing missing: silent, exit 0; missing: install
                                               them (root with apt-get), else print the
                                               apt-get command and exit 1
    python tools/qt_system_libs.py --packages  the Debian packages, on one line
    python tools/qt_system_libs.py --derive    the table anew from this machine (ldd, readelf
                                               and dpkg -S; every library must be installed)

Standard library only, and PySide6 is located, never imported: this runs on every ``make run``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

TABLE = Path(__file__).with_name("qt_system_libs.tsv")
CHECKED = (
    "Qt/plugins/platforms/libqxcb.so",
    "QtWidgets.abi3.so",
    "QtPdfWidgets.abi3.so",
)
"""The xcb plugin (which loads libQt6XcbQpa) and the Qt modules the window imports, relative to
the PySide6 package; ``ldd`` follows everything they load."""

_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(.*?)(?:\s+\(0x[0-9a-f]+\))?\s*$")


def pyside_dir() -> Path:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("PySide6 is not installed in this Python: run make run or make test")
    return Path(next(iter(spec.submodule_search_locations)))


def checked_files(base: Path) -> list[Path]:
    return [base / name for name in CHECKED]


def ldd(files: Iterable[Path]) -> dict[str, str | None]:
    """Every library the files load, soname -> path, or None where ``ldd`` says "not found"."""
    result = subprocess.run(
        ["ldd", *map(str, files)], capture_output=True, text=True, check=False
    )
    found: dict[str, str | None] = {}
    for line in result.stdout.splitlines():
        match = _LDD_LINE.match(line)
        if match:
            name, where = match.groups()
            found.setdefault(name, None if where == "not found" else where)
    return found


def missing(files: Iterable[Path]) -> list[str]:
    return sorted(name for name, where in ldd(files).items() if where is None)


def load_table(path: Path = TABLE) -> dict[str, str]:
    """soname -> Debian package."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            soname, package, _needed_by = line.split("\t")
            rows[soname] = package
    return rows


def packages_for(sonames: Iterable[str], table: dict[str, str]) -> tuple[list[str], list[str]]:
    """(Debian packages to install, sonames no package is known for)."""
    sonames = list(sonames)
    packages = sorted({table[name] for name in sonames if name in table})
    unknown = [name for name in sonames if name not in table]
    return packages, unknown


def can_install() -> bool:
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def apt_install(packages: Sequence[str]) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    update = subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    install = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends",
         "-o", "DPkg::Lock::Timeout=120", *packages],
        env=env, stdout=subprocess.DEVNULL, check=False,
    )
    return update.returncode == 0 and install.returncode == 0


def explain(absent: Sequence[str], packages: Sequence[str], unknown: Sequence[str]) -> str:
    lines = [
        "The application window needs system libraries that Qt's xcb platform plugin loads,"
        f" and these are missing: {', '.join(absent)}."
    ]
    if packages:
        command = f"sudo apt-get install {' '.join(packages)}"
        if shutil.which("apt-get"):
            lines += ["Install them with:", f"  {command}"]
        else:
            lines += [f"Debian and Ubuntu install them with `{command}`; elsewhere install"
                      " the packages that provide them."]
    if unknown:
        lines.append(f"No package is known for {', '.join(unknown)}: `apt-file search NAME`"
                     f" finds it on Debian (and belongs in {TABLE.name}).")
    lines.append("Then run the same command again.")
    return "\n".join(lines)


def check(files: Sequence[Path], table: dict[str, str]) -> int:
    if sys.platform != "linux" or shutil.which("ldd") is None:
        return 0
    unseen = [str(f) for f in files if not f.exists()]
    if unseen:
        print(f"Not checking Qt's system libraries: this PySide6 has no {', '.join(unseen)}",
              file=sys.stderr)
        return 0
    absent = missing(files)
    if not absent:
        return 0
    packages, unknown = packages_for(absent, table)
    if packages and not unknown and can_install():
        print(f"Installing {' '.join(packages)} for Qt's xcb platform plugin (apt-get, as root)",
              file=sys.stderr)
        if apt_install(packages) and not missing(files):
            return 0
        absent = missing(files)
        packages, unknown = packages_for(absent, table)
    print(explain(absent, packages, unknown), file=sys.stderr)
    return 1


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def _owners(paths: Iterable[str]) -> dict[str, str]:
    out = subprocess.run(["dpkg", "-S", *paths], capture_output=True, text=True,
                         check=False).stdout
    owners = {}
    for line in out.splitlines():
        package, _, where = line.partition(": ")
        if where and not line.startswith("diversion"):
            owners[where.strip()] = package.split(":")[0].split(",")[0]
    return owners


def _candidates(where: str) -> list[str]:
    """dpkg records a file under the path its package ships (/lib or /usr/lib, the link or the
    file it points to), while ldd reports the loader's path; try each spelling."""
    paths = [where, os.path.realpath(where)]
    for path in list(paths):
        if path.startswith("/usr/lib/"):
            paths.append(path.removeprefix("/usr"))
        elif path.startswith("/lib/"):
            paths.append("/usr" + path)
    return list(dict.fromkeys(paths))


def derive(base: Path) -> str:
    """The table, from the ELF NEEDED entries of the bundled Qt files that the checked ones
    load: only the libraries Qt asks for by name belong in it, since apt brings in their own."""
    files = checked_files(base)
    loaded = ldd(files)
    absent = sorted(name for name, where in loaded.items() if where is None)
    if absent:
        raise SystemExit(f"--derive needs every library installed; missing: {', '.join(absent)}")
    site = base.parent.resolve()
    system = {name: where for name, where in loaded.items()
              if where and not Path(where).resolve().is_relative_to(site)}
    bundled = {*files, *(Path(where).resolve() for name, where in loaded.items()
                         if where and name not in system)}
    needed_by: dict[str, set[str]] = {}
    for file in bundled:
        for soname in _needed(file):
            if soname in system:
                needed_by.setdefault(soname, set()).add(file.name)
    owners = _owners(p for name in needed_by for p in _candidates(system[name]))
    rows = []
    for soname in sorted(needed_by):
        package = next((owners[p] for p in _candidates(system[soname]) if p in owners), None)
        if package is None:
            raise SystemExit(f"dpkg -S knows no package for {system[soname]}")
        rows.append(f"{soname}\t{package}\t{', '.join(sorted(needed_by[soname]))}")
    version = (base / "__init__.py").read_text(encoding="utf-8")
    qt = re.search(r'__version__ = "([^"]+)"', version)
    debian = Path("/etc/debian_version").read_text(encoding="utf-8").strip()
    header = [
        "# The system libraries that Qt's xcb platform plugin and the Qt modules the window",
        "# imports ask for by name (ELF NEEDED), with the Debian package that ships each",
        "# (dpkg -S) and the Qt files that need it. tools/qt_system_libs.py checks them with ldd.",
        "# Made by: python tools/qt_system_libs.py --derive > tools/qt_system_libs.tsv",
        f"# Derived on Debian {debian} ({platform.machine()}) with PySide6"
        f" {qt.group(1) if qt else '?'}.",
        "# library\tdebian package\tneeded by",
    ]
    return "\n".join([*header, *rows]) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--packages", action="store_true", help="print the Debian packages")
    what.add_argument("--derive", action="store_true", help="print the table, from this machine")
    args = parser.parse_args(argv)
    if args.packages:
        print(" ".join(sorted(set(load_table().values()))))
        return 0
    if args.derive:
        sys.stdout.write(derive(pyside_dir()))
        return 0
    return check(checked_files(pyside_dir()), load_table())


if __name__ == "__main__":
    sys.exit(main())
