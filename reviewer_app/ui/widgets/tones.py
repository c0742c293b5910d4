"""Colours and status chips. Colour is never the only signal: every chip has a glyph and text.

Tones describe what a result means for approval, not the raw status: a contraindication that
is *met* is bad news, an indication that is *not met* is neutral (another may be met).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap


class Tone(Enum):
    GOOD = "good"
    BAD = "bad"
    REFER = "refer"
    PEND = "pend"
    UNKNOWN = "unknown"
    NEUTRAL = "neutral"


BACKGROUND = {
    Tone.GOOD: QColor("#1e7b3c"),
    Tone.BAD: QColor("#b42318"),
    Tone.REFER: QColor("#b54708"),
    Tone.PEND: QColor("#f5c342"),
    Tone.UNKNOWN: QColor("#f0b429"),
    Tone.NEUTRAL: QColor("#5d6b7a"),
}
FOREGROUND = {tone: QColor("#ffffff") for tone in Tone} | {
    Tone.PEND: QColor("#1f1f1f"),
    Tone.UNKNOWN: QColor("#1f1f1f"),
}
TINT = {
    Tone.GOOD: QColor("#e6f4ea"),
    Tone.BAD: QColor("#fdecea"),
    Tone.REFER: QColor("#fdf0e6"),
    Tone.PEND: QColor("#fff6d6"),
    Tone.UNKNOWN: QColor("#fff3dc"),
    Tone.NEUTRAL: QColor("#eef1f4"),
}
"""Light backgrounds for cells and boxes that carry dark text."""

TEXT = {
    Tone.GOOD: QColor("#17612f"),
    Tone.BAD: QColor("#9b1c13"),
    Tone.REFER: QColor("#93370d"),
    Tone.PEND: QColor("#7a5300"),
    Tone.UNKNOWN: QColor("#8a5a00"),
    Tone.NEUTRAL: QColor("#44505c"),
}
"""Dark text colours with at least 4.5:1 contrast on white and on the tints (WCAG AA)."""

GLYPH = {
    Tone.GOOD: "check",
    Tone.BAD: "cross",
    Tone.REFER: "arrow",
    Tone.PEND: "pause",
    Tone.UNKNOWN: "question",
    Tone.NEUTRAL: "dash",
}


def _draw_glyph(painter: QPainter, glyph: str, box: QRectF, color: QColor) -> None:
    s = box.width()
    pen = QPen(
        color,
        max(2.0, s * 0.11),
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )
    painter.setPen(pen)
    x, y = box.x(), box.y()

    def point(fx: float, fy: float) -> QPointF:
        return QPointF(x + fx * s, y + fy * s)

    if glyph == "check":
        path = QPainterPath(point(0.28, 0.52))
        path.lineTo(point(0.44, 0.68))
        path.lineTo(point(0.73, 0.34))
        painter.drawPath(path)
    elif glyph == "cross":
        painter.drawLine(point(0.33, 0.33), point(0.67, 0.67))
        painter.drawLine(point(0.67, 0.33), point(0.33, 0.67))
    elif glyph == "arrow":
        painter.drawLine(point(0.28, 0.5), point(0.72, 0.5))
        painter.drawLine(point(0.56, 0.34), point(0.72, 0.5))
        painter.drawLine(point(0.56, 0.66), point(0.72, 0.5))
    elif glyph == "pause":
        painter.drawLine(point(0.41, 0.32), point(0.41, 0.68))
        painter.drawLine(point(0.59, 0.32), point(0.59, 0.68))
    elif glyph == "dash":
        painter.drawLine(point(0.32, 0.5), point(0.68, 0.5))
    else:
        font = QFont()
        font.setPixelSize(round(s * 0.62))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "?")


def chip_pixmap(tone: Tone, size: int, ratio: float = 1.0, inverted: bool = False) -> QPixmap:
    """A filled disc in the tone's colour with its glyph (check, cross, question mark, ...).

    ``inverted`` swaps disc and glyph colours, for a chip drawn on the tone's own background.
    """
    disc, glyph = BACKGROUND[tone], FOREGROUND[tone]
    if inverted:
        disc, glyph = glyph, disc
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(0.5, 0.5, size - 1.0, size - 1.0)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(disc)
    painter.drawEllipse(box)
    _draw_glyph(painter, GLYPH[tone], box, glyph)
    painter.end()
    return pixmap


def chip_icon(tone: Tone) -> QIcon:
    icon = QIcon()
    for size in (16, 20, 24, 32):
        icon.addPixmap(chip_pixmap(tone, size))
    return icon


SECONDARY = 0.32
"""How far secondary text moves toward the background: about 7:1 contrast on white (black
text) and on #1f1f1f (#e6e6e6 text), above the 4.5:1 of WCAG AA."""


def blend(colour: QColor, toward: QColor, share: float) -> QColor:
    """``colour`` moved ``share`` of the way to ``toward``: secondary text as the palette's text
    part of the way to its background, which reads in a light and in a dark palette alike."""
    return QColor.fromRgbF(*(c + (t - c) * share for c, t in zip(
        colour.getRgbF()[:3], toward.getRgbF()[:3], strict=True)))


def muted_text(palette: QPalette) -> QColor:
    """Secondary text (dates, codes "also" requested) in ``palette``: its text colour blended
    toward its window colour by :data:`SECONDARY` (the palette's placeholder colour is no use
    here: it is half-transparent, and rich text drops the transparency)."""
    return blend(palette.color(QPalette.ColorRole.WindowText),
                 palette.color(QPalette.ColorRole.Window), SECONDARY)
