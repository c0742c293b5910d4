"""Render the first page of every letter type, member and provider, to PNG in docs/letters/.

    python tools/render_letter_pictures.py

The letters are the worked examples built from the motivating case
(``reviewer_app.core.letters.examples``), signed with a throw-away key made for the run. Also
renders the last page of the adverse member letter, where the printed signature block and the
visible digital signature sit side by side, the Spanish adverse member letter's first page, and
the first page of a Medicare Advantage adverse member letter (the CMS standard notice) and the
first page of the adverse member letter's language-assistance taglines; and one member letter
per line of business, every page side by side at 60 dpi (a commercial denial, a Medicaid
denial, a Medicare Advantage request for information that extends the timeframe).
Needs poppler's ``pdftoppm``; the side-by-side strips are put together with Qt's ``QImage``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer_app.core.letters import render_letter  # noqa: E402
from reviewer_app.core.letters.examples import request_for  # noqa: E402
from reviewer_app.core.letters.keys import unlock  # noqa: E402
from reviewer_app.core.letters.request import LETTER_TYPES, RECIPIENTS  # noqa: E402
from reviewer_app.core.letters.sign import sign_letter  # noqa: E402
from reviewer_app.core.trust.authority import create_authority  # noqa: E402
from reviewer_app.core.trust.keys import create_reviewer_key  # noqa: E402

OUT = ROOT / "docs" / "letters"
PASSPHRASE = "pictures only"


def _png(pdf: Path, page: int, target: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(target.with_suffix(""))],
        check=True,
    )


class _Keys:
    """A throw-away key per decider of the examples, so each letter's digital signature names
    the reviewer its signature block names (the pend letters are a nurse's)."""

    def __init__(self, admin):
        self._admin = admin
        self._keys: dict[tuple[str, str, str], object] = {}

    def sign(self, rendered, request) -> bytes:
        who = (request.decider.name, request.decider.credentials, request.decider.role)
        if who not in self._keys:
            self._keys[who] = unlock(create_reviewer_key(
                self._admin, name=who[0], credentials=who[1], role=who[2],
                passphrase=PASSPHRASE).pkcs12, PASSPHRASE)
        return sign_letter(rendered, self._keys[who])


def _medicare_notice(key, tmp: Path) -> None:
    """The first page of a Medicare Advantage denial, which is the CMS standard notice."""
    request = request_for("adverse", "member", "medicare_advantage")
    rendered = render_letter(request)
    pdf = tmp / "medicare-adverse-member.pdf"
    pdf.write_bytes(key.sign(rendered, request))
    target = OUT / "medicare-adverse-member.png"
    _png(pdf, 1, target)
    print(target.relative_to(ROOT))


def _tagline_page(key, tmp: Path) -> None:
    """The first page of the adverse member letter's language-assistance taglines (the
    multi-language insert of 42 CFR 422.2267(e)(31) / 45 CFR 92.11)."""
    request = request_for("adverse", "member")
    rendered = render_letter(request)
    pdf = tmp / "adverse-member-taglines.pdf"
    pdf.write_bytes(key.sign(rendered, request))
    for page in range(1, rendered.pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        if "Help in your language" in text:
            target = OUT / "adverse-member-taglines.png"
            _png(pdf, page, target)
            print(target.relative_to(ROOT))
            return


LINES_OF_BUSINESS = (("commercial", "adverse", False), ("medicaid", "adverse", False),
                     ("medicare_advantage", "pend", True))
"""The README's one member letter per line of business: (line, letter type, extended)."""
STRIP_DPI = 60
STRIP_GAP = 8


def _strip(pdf: Path, pages: int, target: Path) -> None:
    """Every page of ``pdf`` at :data:`STRIP_DPI`, side by side on a grey ground."""
    from PySide6.QtGui import QColor, QImage, QPainter

    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(STRIP_DPI), str(pdf), str(prefix)],
                   check=True)
    images = [QImage(str(path)) for path in sorted(pdf.parent.glob(f"{prefix.name}-*.png"))]
    assert len(images) == pages, (pdf, len(images), pages)
    width = sum(i.width() for i in images) + STRIP_GAP * (len(images) - 1)
    strip = QImage(width, max(i.height() for i in images), QImage.Format.Format_RGB32)
    strip.fill(QColor("#888888"))
    painter = QPainter(strip)
    x = 0
    for image in images:
        painter.drawImage(x, 0, image)
        x += image.width() + STRIP_GAP
    painter.end()
    strip.save(str(target))


def _lines_of_business(key, tmp: Path) -> None:
    for line, letter_type, extended in LINES_OF_BUSINESS:
        request = request_for(letter_type, "member", line, extended=extended)
        rendered = render_letter(request)
        pdf = tmp / f"strip-{line}.pdf"
        pdf.write_bytes(key.sign(rendered, request))
        target = OUT / f"{line}-member.png"
        _strip(pdf, rendered.pages, target)
        print(target.relative_to(ROOT))


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    _, admin = create_authority("Example Health Plan", PASSPHRASE)
    key = _Keys(admin)
    jobs = [(t, r, "en", 1) for t in LETTER_TYPES for r in RECIPIENTS]
    jobs += [("adverse", "member", "en", -1), ("adverse", "member", "es", 1)]
    with tempfile.TemporaryDirectory() as tmp:
        for letter_type, recipient, language, page in jobs:
            request = request_for(letter_type, recipient, language=language)
            rendered = render_letter(request)
            pdf = Path(tmp) / f"{letter_type}-{recipient}-{language}.pdf"
            pdf.write_bytes(key.sign(rendered, request))
            name = f"{letter_type}-{recipient}"
            if language != "en":
                name += f"-{language}"
            if page == -1:
                name += "-signature"
                page = rendered.pages
            target = OUT / f"{name}.png"
            _png(pdf, page, target)
            print(target.relative_to(ROOT))
        _medicare_notice(key, Path(tmp))
        _tagline_page(key, Path(tmp))
        _lines_of_business(key, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
