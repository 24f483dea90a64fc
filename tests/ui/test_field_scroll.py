"""Fields in a scroll area scroll up and down, never sideways (ui/field_scroll.py), and a label too
long for the column wraps and is shown whole: Indstillinger and the Fristberegner at 150 % text
(Indstillinger › Tekststørrelse) scrolled sideways by 14 and 24 pixels."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.ui.calculator.view import CalculatorView
from caseworker_app.ui.settings_dialog import SettingsDialog
from caseworker_app.ui.text_size import apply_text_size


@pytest.fixture
def large_text(qapp):
    """Indstillinger › Tekststørrelse 150 %; the system's size again afterwards."""
    apply_text_size(100)
    apply_text_size(150)
    yield
    apply_text_size(100)


def fields_fit(scroll: QScrollArea, label: QLabel) -> None:
    """The fields scroll up and down beside a scroll bar, not sideways, and label is wrapped onto
    more lines and as high as its text needs (no line cut off)."""
    assert scroll.verticalScrollBar().isVisible()
    assert scroll.horizontalScrollBar().maximum() == 0
    assert label.width() < label.fontMetrics().horizontalAdvance(label.text())
    assert label.height() >= label.heightForWidth(label.width())


def label_reading(window, text: str) -> QLabel:
    return next(label for label in window.findChildren(QLabel) if label.text().replace("&", "") == text)


def test_the_calculators_fields_need_no_sideways_scrolling_at_their_narrowest(qtbot, large_text):
    view = CalculatorView(lambda: load_catalog(), today=lambda: date(2021, 2, 1))
    qtbot.addWidget(view)
    view.resize(1000, 400)  # low: the fields scroll up and down, beside a scroll bar
    view.show()
    view.set_trial("T08")  # its "Tilbud om ansættelse med løntilskud (valgfri)" is the longest label
    splitter = view.form.parentWidget()
    splitter.setSizes([1, 999])  # the caseworker drags the line as far left as it goes (0 would hide the form)
    scroll = view.form.findChild(QScrollArea)
    label = label_reading(view, "Tilbud om ansættelse med løntilskud (valgfri):")
    qtbot.waitUntil(lambda: fields_fit(scroll, label))  # the layout settles after the scroll bar comes


def test_settings_need_no_sideways_scrolling_at_the_narrowest(qtbot, store, large_text):
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(dialog.minimumSizeHint().width(), 400)
    label = label_reading(dialog, "Behold månedlige sikkerhedskopier for dette antal måneder:")
    qtbot.waitUntil(lambda: fields_fit(dialog.scroll_area, label))
