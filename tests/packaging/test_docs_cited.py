"""The repository explains itself: code, tests and resources cite the project's own ``docs/``
pages (never a folder outside the repository), and a section they quote is a heading there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CITED = re.compile(r'docs/(?P<page>[a-z-]+\.md)`{0,2}(?:,? \(?"(?P<section>[^"]+)")?')
SOURCES = [p for folder in ("reviewer_app", "tests", "resources", "tools", "bench")
           for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".yaml")]


def _headings(page: Path) -> list[str]:
    return [line.lstrip("#").strip() for line in page.read_text(encoding="utf-8").splitlines()
            if line.startswith("#")]


def test_cited_pages_and_sections_exist():
    cited = 0
    for source in SOURCES:
        for match in CITED.finditer(source.read_text(encoding="utf-8")):
            page = ROOT / "docs" / match["page"]
            assert page.is_file(), f"{source.relative_to(ROOT)} cites docs/{match['page']}"
            cited += 1
            section = " ".join((match["section"] or "").split())
            if section:
                assert any(h.startswith(section) for h in _headings(page)), (
                    f"{source.relative_to(ROOT)}: docs/{match['page']} has no section "
                    f"\"{section}\"")
    assert cited >= 10


def test_nothing_cites_the_shared_folder_outside_the_repository():
    citing = [str(p.relative_to(ROOT)) for p in SOURCES if p != Path(__file__).resolve()
              and re.search(r"(?<![\w/])(\.\./)?shared/(spec|domain|examples)/",
                            p.read_text(encoding="utf-8"))]
    assert citing == []
