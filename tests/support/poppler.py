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
