"""poppler-utils, the independent PDF reader the letter tests check our output with."""

from __future__ import annotations

import os
import shutil

import pytest


def tool(name: str) -> str:
    """The path of a poppler command; missing -> skipped locally, a failure under CI."""
    path = shutil.which(name)
    if path is None:
        message = f"poppler-utils' {name} is not installed"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def pdf_text_of(pdf: bytes) -> str:
    """The text of a PDF as poppler's pdftotext reads it, with white space folded."""
    import subprocess

    done = subprocess.run([tool("pdftotext"), "-", "-"], input=pdf, capture_output=True,
                          check=True, timeout=60)
    return " ".join(done.stdout.decode("utf-8").split())


def word_heights(pdf: bytes) -> list[tuple[float, str]]:
    """Each word's box height as ``pdftotext -bbox`` reports it, with the word."""
    import re
    import subprocess

    html = subprocess.run([tool("pdftotext"), "-bbox", "-", "-"], input=pdf,
                          capture_output=True, check=True, timeout=60).stdout.decode("utf-8")
    return [(float(y2) - float(y1), word) for y1, y2, word in re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', html)]


def height_at(points: float) -> float:
    """The smallest height poppler gives a word set at ``points`` in each face the letters use
    (the box spans the face's ascent to descent, so it grows with the size)."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from reviewer_app.core.letters import fonts

    fonts.register()
    fonts.font_runs("中")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for index, (face, word) in enumerate(((fonts.REGULAR, "Member"), (fonts.BOLD, "Member"),
                                          (fonts.FALLBACK, "中文"))):
        canvas.setFont(face, points)
        canvas.drawString(72, 700 - 40 * index, word)
    canvas.save()
    return min(height for height, _ in word_heights(buffer.getvalue()))
