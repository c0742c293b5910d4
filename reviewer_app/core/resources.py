"""Where the shipped content lives: ``resources/`` at the project root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "resources"


def path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)
