"""Render the first page of every letter type, member and provider, to PNG in docs/letters/.

    python tools/render_letter_pictures.py

The letters are the worked examples built from the motivating case
(``reviewer_app.core.letters.examples``), signed with a throw-away key made for the run. Also
renders the last page of the adverse member letter, where the printed signature block and the
visible digital signature sit side by side, the Spanish adverse member letter's first page, and
the first page of a Medicare Advantage adverse member letter (the CMS standard notice) and the
first page of the adverse member letter's language-assistance taglines.
Needs poppler's ``pdftoppm``.
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


def _medicare_notice(key, tmp: Path) -> None:
    """The first page of a Medicare Advantage denial, which is the CMS standard notice."""
    rendered = render_letter(request_for("adverse", "member", "medicare_advantage"))
    pdf = tmp / "medicare-adverse-member.pdf"
    pdf.write_bytes(sign_letter(rendered, key))
    target = OUT / "medicare-adverse-member.png"
    _png(pdf, 1, target)
    print(target.relative_to(ROOT))


def _tagline_page(key, tmp: Path) -> None:
    """The first page of the adverse member letter's language-assistance taglines (the
    multi-language insert of 42 CFR 422.2267(e)(31) / 45 CFR 92.11)."""
    rendered = render_letter(request_for("adverse", "member"))
    pdf = tmp / "adverse-member-taglines.pdf"
    pdf.write_bytes(sign_letter(rendered, key))
    for page in range(1, rendered.pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        if "Help in your language" in text:
            target = OUT / "adverse-member-taglines.png"
            _png(pdf, page, target)
            print(target.relative_to(ROOT))
            return


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    _, admin = create_authority("Example Health Plan", PASSPHRASE)
    key = unlock(create_reviewer_key(admin, name="Maria Chen", credentials="MD",
                                     role="physician", passphrase=PASSPHRASE).pkcs12, PASSPHRASE)
    jobs = [(t, r, "en", 1) for t in LETTER_TYPES for r in RECIPIENTS]
    jobs += [("adverse", "member", "en", -1), ("adverse", "member", "es", 1)]
    with tempfile.TemporaryDirectory() as tmp:
        for letter_type, recipient, language, page in jobs:
            rendered = render_letter(request_for(letter_type, recipient, language=language))
            pdf = Path(tmp) / f"{letter_type}-{recipient}-{language}.pdf"
            pdf.write_bytes(sign_letter(rendered, key))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
