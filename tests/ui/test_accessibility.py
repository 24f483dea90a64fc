"""Accessibility, as a screen reader and a keyboard user meet the program: every control the keyboard
reaches has a Danish name, no Alt+letter means two things in one window, colour is never the only
signal, and the colours follow the system's light, dark and high-contrast themes."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabBar,
    QWidget,
)

from caseworker_app.ui import colours
from caseworker_app.ui.fields import DateLineEdit, FieldBox

from .windows import demo_store, walk

UI = Path(__file__).resolve().parents[2] / "caseworker_app" / "ui"


def _buddy_text(widget: QWidget) -> str:
    """The label Qt names a widget by on Windows: a QLabel beside it whose buddy it is."""
    parent = widget.parentWidget()
    for label in parent.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly) if parent else ():
        if label.buddy() is widget:
            return label.text()
    return ""


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology reads for widget. A combo box's is its accessible name or its
    buddy label (on Windows; on Linux Qt reads its value instead, which names nothing)."""
    if isinstance(widget, QComboBox):
        return widget.accessibleName() or _buddy_text(widget)
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def keyboard_controls(window: QWidget) -> list[QWidget]:
    """The visible widgets Tab stops at (not one that hands its focus on: a spin box's line edit)."""
    return [
        w
        for w in window.findChildren(QWidget)
        if w.window() is window
        and w.isVisible()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return f"{type(widget).__name__} i {type(parent).__name__ if parent else '-'} ({widget.objectName()!r})"


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def labelled_texts(window: QWidget) -> list[str]:
    """The texts of the window's visible buttons with a text and the labels of its fields."""
    texts = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
    return texts


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) for each Alt+letter visible in the window: buttons, labels, tabs, menus."""
    texts = labelled_texts(window)
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible():
            continue
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
    if isinstance(window, QMainWindow):
        texts.extend(action.text() for action in window.menuBar().actions())
    return [(letter, text) for text in texts if (letter := mnemonic(text))]


UNLETTERED_BUTTONS: dict[str, list[str]] = {}  # per window, its push buttons without an Alt-letter


@pytest.fixture(scope="module")
def every_window(tmp_path_factory, qapp):
    """(name, unnamed controls, Alt+letters used twice) of every window, opened once."""
    folder = tmp_path_factory.mktemp("vinduer")
    store = demo_store(folder)
    found = []
    buttons = UNLETTERED_BUTTONS

    def visit(name: str, window: QWidget) -> None:
        if isinstance(window, QPrintPreviewDialog):
            return  # Qt's own preview, its toolbar named by Qt's Danish translation
        unnamed = [describe(w) for w in keyboard_controls(window) if not spoken_name(w).strip()]
        used = Counter(letter for letter, _ in mnemonics(window))
        twice = sorted({f"Alt+{letter.upper()}: {text}" for letter, text in mnemonics(window) if used[letter] > 1})
        found.append((name, unnamed, twice, sorted(t for t in labelled_texts(window) if not mnemonic(t))))
        buttons[name] = sorted(
            b.text()
            for b in window.findChildren(QPushButton)
            if b.window() is window and b.isVisible() and b.text() and not mnemonic(b.text())
        )

    try:
        walk(store, folder, visit)
    finally:
        store.close()
    return found


def test_every_control_the_keyboard_reaches_has_a_name(every_window):
    assert len(every_window) >= 25
    unnamed = {name: controls for name, controls, _, _ in every_window if controls}
    assert unnamed == {}


def test_no_alt_letter_means_two_things_in_one_window(every_window):
    twice = {name: letters for name, _, letters, _ in every_window if letters}
    assert twice == {}


# Windows where every field and button has an Alt-letter. A tester found none on the event dialog's
# Gem and Annuller, and none on the case window's date fields (Ansættelse i løntilskud, Første
# fraværsdag, Praktikstart, Næste aftalte opfølgning) while every other field there had one.
EVERY_CONTROL_LETTERED = (
    "sag-t08",
    "sag-t16",
    "sag-t18",
    "sag-t06",
    "ny-sag",
    "registrer-opfoelgning",
    "ret-haendelse",
    "gem-aendringer",
    "ny-almindelig-regel",  # a tester: Første gang efter / Derefter hver had none
    "ny-forlaengelse",
)


def test_every_push_button_of_every_window_has_an_alt_letter(every_window):
    """A tester found none on the print dialogs' "Luk" (Esc worked; L and K were taken in the calendar
    dialog), the Fristberegner's "Ryd alle" and the import dialog's "Annuller"."""
    assert {"udskriv-kalender", "udskriv-plan", "importer-kolonner", "eksport-valg"} <= set(UNLETTERED_BUTTONS)
    assert {name: texts for name, texts in UNLETTERED_BUTTONS.items() if texts} == {}


def test_every_field_and_button_of_the_case_windows_has_an_alt_letter(every_window):
    seen = {name: without for name, _, _, without in every_window if name in EVERY_CONTROL_LETTERED}
    assert set(seen) == set(EVERY_CONTROL_LETTERED)
    assert {name: without for name, without in seen.items() if without} == {}


def test_a_field_tells_its_format_its_hint_and_its_error(qtbot):
    edit = DateLineEdit()
    box = FieldBox(edit, "Ikke udfyldt: fristen regnes fra ansættelse i løntilskud")
    qtbot.addWidget(box)
    assert (
        edit.accessibleDescription()
        == "Ikke udfyldt: fristen regnes fra ansættelse i løntilskud. Dato, skrives dd-mm-åååå"
    )
    box.set_error("31-11-2026: den dag findes ikke")
    assert edit.accessibleDescription() == "Fejl: 31-11-2026: den dag findes ikke"
    assert box.error_label.text().startswith("⚠ ")  # the words and a sign, not the colour alone
    box.set_error(None)
    assert (
        edit.accessibleDescription()
        == "Ikke udfyldt: fristen regnes fra ansættelse i løntilskud. Dato, skrives dd-mm-åååå"
    )


def test_overdue_is_marked_by_a_sign_and_bold_not_by_colour_alone(qtbot, tmp_path):
    from caseworker_app.ui.mainwindow import MainWindow, Tab
    from caseworker_app.ui.overview import CaseColumn, CaseTableModel

    from .windows import TODAY

    store = demo_store(tmp_path)
    window = MainWindow(store, today=lambda: TODAY)
    qtbot.addWidget(window)
    model = window.deadline_model
    overdue = model.index(0, 0)
    assert model.data(overdue).startswith("Overskredet (")
    first = model.index(0, 0, overdue)
    assert model.data(first).startswith("! ")
    assert model.data(first, Qt.ItemDataRole.FontRole).bold()
    window.tabs.setCurrentIndex(Tab.CASES)
    cases: CaseTableModel = window.case_model
    marked = [
        cases.index(row, CaseColumn.NEXT_DUE)
        for row in range(cases.rowCount())
        if (cases.data(cases.index(row, CaseColumn.NEXT_DUE)) or "").startswith("! ")
    ]
    assert marked and all(cases.data(index, Qt.ItemDataRole.FontRole).bold() for index in marked)
    store.close()


@pytest.fixture
def palette(qapp):
    """Set the application palette for a test; the one before comes back after it."""
    before = QPalette(qapp.palette())

    def use(window: str, text: str) -> None:
        chosen = QPalette(before)
        chosen.setColor(QPalette.ColorRole.Window, QColor(window))
        chosen.setColor(QPalette.ColorRole.WindowText, QColor(text))
        chosen.setColor(QPalette.ColorRole.Base, QColor(window))
        chosen.setColor(QPalette.ColorRole.Text, QColor(text))
        qapp.setPalette(chosen)

    yield use
    qapp.setPalette(before)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(colour: QColor) -> float:
        channels = [c / 255 for c in colour.getRgb()[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("window", "text"), [("#f0f0f0", "#000000"), ("#202020", "#ffffff")])
def test_messages_and_marks_are_readable_in_a_light_and_a_dark_theme(palette, window, text):
    palette(window, text)
    background = QColor(window)
    # WCAG AA for text: 4.5:1 against the window colour.
    for colour in (
        colours.error_colour(),
        colours.ok_colour(),
        colours.hint_colour(),
        colours.overdue_brush().color(),
        colours.muted_brush().color(),
    ):
        assert contrast(colour, background) >= 4.5, colour.name()
    # A banner's text (the theme's own) on its tint.
    for kind in ("warning", "problem"):
        tint = QColor(re.search(r"background: (#[0-9a-f]{6})", colours.banner_style("x", kind)).group(1))
        assert contrast(QColor(text), tint) >= 4.5, kind


def test_high_contrast_uses_the_themes_own_colours(palette, monkeypatch):
    palette("#000000", "#ffff00")  # Windows' "Nat": yellow on black
    monkeypatch.setattr(colours, "high_contrast", lambda: True)
    assert colours.error_colour() == QColor("#ffff00")
    assert colours.hint_colour() == QColor("#ffff00")
    assert colours.overdue_brush().color() == QColor("#ffff00")
    assert "background" not in colours.banner_style("x", "problem")


def test_no_window_module_hard_codes_a_colour():
    """Colours come from ui/colours.py, which follows the palette. The printed pages (printing/:
    document, layouts, pagination) are black on white paper and are allowed their own."""
    allowed = {"colours.py", "printing/document.py", "printing/layouts.py", "printing/pagination.py"}
    pattern = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|QColor\(|Qt\.GlobalColor\.")
    found = [
        f"{path.relative_to(UI).as_posix()}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path.relative_to(UI).as_posix() not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []
