"""Colours that follow the system's palette: readable in a light, a dark and a high-contrast theme.

Colour is never the only signal (an error starts with '⚠', an overdue deadline with '!' in bold),
so in high contrast the program uses the theme's own text colour and lets the words speak.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

# (light theme, dark theme)
_ERROR = ("#b00020", "#ff8a80")
_OK = ("#1b5e20", "#81c784")
_MARK = ("#ffe08a", "#7a5c00")  # the background of '[mangler: …]' in a note
_CHANGED = ("#d7ecff", "#1d3f5c")  # the background of a note's line made anew from changed data
_BANNERS = {  # background of a banner line; its text keeps the theme's text colour
    "warning": ("#fff4ce", "#4d3f00"),
    "problem": ("#fde7e9", "#4f1d22"),
}


def _palette() -> QPalette:
    return QGuiApplication.palette()


def high_contrast() -> bool:
    """True when the system asks for high contrast (Windows: a contrast theme is on)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and later
    if accessibility is None:
        return False
    # Imported here: importing `Qt` builds its hundred enums (~20 ms), which the first paint skips.
    from PySide6.QtCore import Qt

    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def dark() -> bool:
    """True when the window background is dark (a dark theme)."""
    return _palette().color(QPalette.ColorRole.Window).lightness() < 128


def _pick(pair: tuple[str, str]) -> QColor:
    return QColor(pair[1] if dark() else pair[0])


def text_colour() -> QColor:
    return _palette().color(QPalette.ColorRole.WindowText)


def error_colour() -> QColor:
    return text_colour() if high_contrast() else _pick(_ERROR)


def ok_colour() -> QColor:
    return text_colour() if high_contrast() else _pick(_OK)


def _quieter(share: float) -> QColor:
    """The theme's text colour moved share of the way towards its background."""
    text, window = text_colour(), _palette().color(QPalette.ColorRole.Window)
    pairs = zip(
        (text.redF(), text.greenF(), text.blueF()), (window.redF(), window.greenF(), window.blueF()), strict=True
    )
    return QColor.fromRgbF(*(t + (w - t) * share for t, w in pairs))


def hint_colour() -> QColor:
    """A hint under a field: quieter than the text, still readable (black on white: #555, 7.5:1)."""
    return text_colour() if high_contrast() else _quieter(1 / 3)


def error_style() -> str:
    return f"color: {error_colour().name()};"


def ok_style() -> str:
    return f"color: {ok_colour().name()};"


def hint_style() -> str:
    return f"color: {hint_colour().name()};"


def mark_colour() -> QColor:
    """The background of a marked span of text; the theme's highlight in high contrast."""
    if high_contrast():
        return _palette().color(QPalette.ColorRole.Highlight)
    return _pick(_MARK)


def changed_colour() -> QColor:
    """The background of a note's line that changed when the note was made anew (the window says why)."""
    if high_contrast():
        return _palette().color(QPalette.ColorRole.Highlight)
    return _pick(_CHANGED)


def overdue_brush() -> QBrush:
    """The text of an overdue deadline in the lists (beside '!' and bold)."""
    return _brushes()[0]


def muted_brush() -> QBrush:
    """The text of a replaced or automatic history row (beside strike-out or italics)."""
    return _brushes()[1]


_brush_cache: dict[tuple, tuple[QBrush, QBrush]] = {}


def _brushes() -> tuple[QBrush, QBrush]:
    """The item models' brushes, made again only when the palette or the contrast changes (a list
    asks for them for every overdue cell it paints)."""
    key = (_palette().cacheKey(), high_contrast())
    if key not in _brush_cache:
        _brush_cache.clear()
        muted = text_colour() if high_contrast() else _quieter(0.4)
        _brush_cache[key] = (_solid(error_colour()), _solid(muted))
    return _brush_cache[key]


def _solid(colour: QColor) -> QBrush:
    """QBrush(colour), made without QBrush(colour): PySide's choice among QBrush's constructors
    builds the Python types of QGradient and QImage and their enums (~8 ms of the first paint of
    an overdue deadline, which the lists paint at the start)."""
    from PySide6.QtCore import Qt  # built already where a list asks for its colours

    brush = QBrush()
    brush.setStyle(Qt.BrushStyle.SolidPattern)
    brush.setColor(colour)
    return brush


def banner_style(name: str, kind: str, margin: str = "0px") -> str:
    """A banner line's style sheet: a tinted background in the theme's text colour; in high contrast
    no tint, a border in the text colour instead."""
    if high_contrast():
        return f"QLabel#{name} {{ border: 2px solid palette(window-text); padding: 6px; margin: {margin}; }}"
    background = _pick(_BANNERS[kind]).name()
    return f"QLabel#{name} {{ background: {background}; color: palette(window-text); padding: 6px; margin: {margin}; }}"
