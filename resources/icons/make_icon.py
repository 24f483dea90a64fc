"""Draws the application icon (a calendar page with a check mark) as app.png and app.ico.

Run after changing the drawing, and commit the outputs:
    QT_QPA_PLATFORM=offscreen uv run python resources/icons/make_icon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

HERE = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE = QColor("#1f5fa8")
GREEN = QColor("#1e8a3c")
PAPER = QColor("#ffffff")
EDGE = QColor("#17467c")


def draw(size: int) -> QImage:
    """The icon at size x size pixels, drawn in a 256-unit square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    page = QRectF(20, 36, 216, 200)
    p.setPen(QPen(EDGE, 8))
    p.setBrush(PAPER)
    p.drawRoundedRect(page, 28, 28)
    # The header band: the page's top, clipped to the rounded outline.
    outline = QPainterPath()
    outline.addRoundedRect(page, 28, 28)
    p.save()
    p.setClipPath(outline)
    p.fillRect(QRectF(20, 36, 216, 58), BLUE)
    p.restore()
    p.setPen(QPen(EDGE, 8))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(page, 28, 28)
    # Two rings holding the page.
    p.setPen(QPen(EDGE, 16, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(78, 18), QPointF(78, 58))
    p.drawLine(QPointF(178, 18), QPointF(178, 58))
    # The check mark.
    p.setPen(QPen(GREEN, 30, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    check = QPainterPath(QPointF(72, 162))
    check.lineTo(QPointF(112, 200))
    check.lineTo(QPointF(188, 118))
    p.drawPath(check)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """image encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """A Windows .ico holding each image as a PNG entry (Windows Vista and later)."""
    blobs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return header + entries + b"".join(blobs)


def main() -> int:
    """Write app.png (256 px) and app.ico next to this script."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts, painting
    (HERE / "app.png").write_bytes(png_bytes(draw(256)))
    (HERE / "app.ico").write_bytes(ico_bytes([draw(size) for size in ICO_SIZES]))
    print(f"Skrev {HERE / 'app.png'} og {HERE / 'app.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
