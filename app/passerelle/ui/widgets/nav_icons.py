"""Line icons for the navigation, painted with QPainter.

The project ships no icon files yet (``resources/icons`` may be added later: the application
icon is taken from there when present). Painting a few simple glyphs keeps the navigation
readable without a dependency on an icon theme that Windows and the offscreen platform lack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

_SIZE = 64  # painted at 64 px, shown at 20-24 px: crisp on high-density screens

Painter = Callable[[QPainter], None]


def _home(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(10, 30)
    path.lineTo(32, 10)
    path.lineTo(54, 30)
    p.drawPath(path)
    p.drawPolyline([QPointF(16, 26), QPointF(16, 54), QPointF(48, 54), QPointF(48, 26)])
    p.drawRect(QRectF(27, 38, 10, 16))


def _files(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(8, 16)
    path.lineTo(26, 16)
    path.lineTo(31, 22)
    path.lineTo(56, 22)
    path.lineTo(56, 52)
    path.lineTo(8, 52)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(8, 29), QPointF(56, 29))


def _organisations(p: QPainter) -> None:
    p.drawRect(QRectF(12, 12, 24, 42))
    p.drawRect(QRectF(36, 26, 16, 28))
    for y in (20, 30, 40):
        p.drawLine(QPointF(19, y), QPointF(21, y))
        p.drawLine(QPointF(27, y), QPointF(29, y))
    p.drawLine(QPointF(42, 34), QPointF(46, 34))
    p.drawLine(QPointF(42, 43), QPointF(46, 43))


def _contacts(p: QPainter) -> None:
    p.drawEllipse(QRectF(22, 10, 20, 20))
    path = QPainterPath()
    path.moveTo(12, 54)
    path.cubicTo(12, 38, 52, 38, 52, 54)
    p.drawPath(path)


def _agreements(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(14, 8)
    path.lineTo(40, 8)
    path.lineTo(50, 18)
    path.lineTo(50, 56)
    path.lineTo(14, 56)
    path.closeSubpath()
    p.drawPath(path)
    for y in (22, 30, 38):
        p.drawLine(QPointF(21, y), QPointF(43, y))
    p.drawPolyline([QPointF(22, 47), QPointF(27, 51), QPointF(36, 43)])


def _events(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(10, 14, 44, 40), 4, 4)
    p.drawLine(QPointF(10, 25), QPointF(54, 25))
    p.drawLine(QPointF(21, 8), QPointF(21, 18))
    p.drawLine(QPointF(43, 8), QPointF(43, 18))
    for x in (19, 29, 39):
        p.drawPoint(QPointF(x + 2, 35))
        p.drawPoint(QPointF(x + 2, 45))


def _needs_offers(p: QPainter) -> None:
    """Two arrows passing each other: a need meeting an offer."""
    p.drawLine(QPointF(10, 24), QPointF(50, 24))
    p.drawPolyline([QPointF(42, 16), QPointF(50, 24), QPointF(42, 32)])
    p.drawLine(QPointF(54, 42), QPointF(14, 42))
    p.drawPolyline([QPointF(22, 34), QPointF(14, 42), QPointF(22, 50)])


def _observatory(p: QPainter) -> None:
    p.drawLine(QPointF(10, 54), QPointF(56, 54))
    p.drawRect(QRectF(14, 34, 8, 20))
    p.drawRect(QRectF(28, 20, 8, 34))
    p.drawRect(QRectF(42, 28, 8, 26))


def _registry(p: QPainter) -> None:
    p.drawEllipse(QRectF(12, 8, 40, 12))
    p.drawLine(QPointF(12, 14), QPointF(12, 50))
    p.drawLine(QPointF(52, 14), QPointF(52, 50))
    arc = QRectF(12, 44, 40, 12)
    p.drawArc(arc, 180 * 16, 180 * 16)
    p.drawArc(QRectF(12, 26, 40, 12), 180 * 16, 180 * 16)


def _templates(p: QPainter) -> None:
    """A page with « { } »: a document with placeholders."""
    path = QPainterPath()
    path.moveTo(14, 8)
    path.lineTo(40, 8)
    path.lineTo(50, 18)
    path.lineTo(50, 56)
    path.lineTo(14, 56)
    path.closeSubpath()
    p.drawPath(path)
    for x, sign in ((26, -1), (38, 1)):
        brace = QPainterPath()
        brace.moveTo(x, 22)
        brace.quadTo(x + 4 * sign, 22, x + 4 * sign, 28)
        brace.quadTo(x + 4 * sign, 32, x + 8 * sign, 32)
        brace.quadTo(x + 4 * sign, 32, x + 4 * sign, 36)
        brace.quadTo(x + 4 * sign, 42, x, 42)
        p.drawPath(brace)


def _rgpd(p: QPainter) -> None:
    """A shield with a padlock: personal data protection."""
    path = QPainterPath()
    path.moveTo(32, 6)
    path.lineTo(52, 14)
    path.cubicTo(52, 36, 44, 50, 32, 58)
    path.cubicTo(20, 50, 12, 36, 12, 14)
    path.closeSubpath()
    p.drawPath(path)
    p.drawRoundedRect(QRectF(24, 30, 16, 13), 2, 2)
    p.drawArc(QRectF(27, 22, 10, 14), 0, 180 * 16)


def _search(p: QPainter) -> None:
    p.drawEllipse(QRectF(10, 10, 32, 32))
    p.drawLine(QPointF(37, 37), QPointF(54, 54))


def _conflicts(p: QPainter) -> None:
    """Two arrows meeting head-on: changes that crossed."""
    p.drawLine(QPointF(8, 22), QPointF(50, 22))
    p.drawLine(QPointF(42, 14), QPointF(50, 22))
    p.drawLine(QPointF(42, 30), QPointF(50, 22))
    p.drawLine(QPointF(56, 42), QPointF(14, 42))
    p.drawLine(QPointF(22, 34), QPointF(14, 42))
    p.drawLine(QPointF(22, 50), QPointF(14, 42))


_PAINTERS: dict[str, Painter] = {
    "home": _home,
    "files": _files,
    "organisations": _organisations,
    "contacts": _contacts,
    "agreements": _agreements,
    "needs_offers": _needs_offers,
    "events": _events,
    "observatory": _observatory,
    "registry": _registry,
    "templates": _templates,
    "rgpd": _rgpd,
    "search": _search,
    "conflicts": _conflicts,
}


def line_icon(
    key: str, color: QColor | str = "#3c4a5a", selected_color: QColor | str | None = None
) -> QIcon:
    """The icon called ``key`` drawn in ``color`` (an empty icon for an unknown key).

    ``selected_color`` draws the selected state too (white on the navigation's blue).
    """
    painter_fn = _PAINTERS.get(key)
    if painter_fn is None:
        return QIcon()
    icon = QIcon(_paint(painter_fn, color))
    if selected_color is not None:
        icon.addPixmap(_paint(painter_fn, selected_color), QIcon.Mode.Selected)
    return icon


def _paint(painter_fn: Painter, color: QColor | str) -> QPixmap:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color), 4.5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    painter_fn(p)
    p.end()
    return pixmap


def app_icon() -> QIcon:
    """The application's mark: a footbridge (« passerelle ») over a calm blue tile."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(size / 64, size / 64)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#2f6690"))
        p.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12)
        pen = QPen(QColor("#ffffff"), 5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        arch = QPainterPath()
        arch.moveTo(10, 42)
        arch.quadTo(32, 14, 54, 42)
        p.drawPath(arch)
        p.drawLine(QPointF(8, 42), QPointF(56, 42))
        for x in (20, 32, 44):
            p.drawLine(QPointF(x, 42), QPointF(x, 30 if x == 32 else 34))
        p.end()
        icon.addPixmap(pixmap)
    return icon
