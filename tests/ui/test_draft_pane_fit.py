"""The note window on a laptop (1366×768 at 150 % scaling) with Indstillinger › Tekststørrelse 150 %:
a refused note's reason (T08 after the trial's end) is drawn beside nothing: it wraps, and what
does not fit scrolls, never over the note box (the tester saw the two texts drawn over each other,
the last line cut off). The reason is said once: the empty note box points to it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow
from caseworker_app.ui.text_size import apply_text_size

TODAY = date(2026, 11, 30)
# 1366×768 less a 40 px taskbar, at 150 % scaling, in the window's own pixels.
LAPTOP = (911, 440)
REASON = (
    "⚠ Forsøg T08 gjaldt fra 01-07-2018 til og med 31-12-2025; 30-11-2026 ligger uden for perioden, så "
    "notatet kan ikke henvise til forsøget. Efter forsøgets slutning følges sagen efter den almindelige "
    "regel: skriv notatet i FASIT som i andre sager, uden henvisning til forsøget. Har kommunen fået "
    "forsøget forlænget, så registrér forlængelsen først."
)


@pytest.fixture
def large_text(qapp):
    apply_text_size(100)
    apply_text_size(150)
    yield
    apply_text_size(100)


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_a_refused_notes_reason_is_not_drawn_over_the_note_and_can_be_read_whole(qtbot, tmp_path, large_text):
    with CaseStore(tmp_path / "e.db", clock=lambda: TODAY) as store:
        store.save_settings(Settings(caseworker_name="Lise Holm", municipality="Vesthimmerlands Kommune"))
        case_id = store.create_case(
            citizen="Jens Hansen", case_ref="2026-1001", trial_id="T08", dates={"hire": date(2026, 9, 15)}
        )
        store.add_event(case_id, day=date(2026, 11, 30), kind="followup", text="Samtale")
        window = NoteWindow(store, case_id, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.show()
        window.resize(*LAPTOP)
        window.free_text_edit.setPlainText("Samtale med borger og arbejdsgiver; ansættelsen fortsætter.")
        qtbot.wait(50)  # the layout settles

        assert window.status_label.text() == REASON
        assert window.note_edit.placeholderText() == "Notatet kan ikke skrives; se hvorfor nedenfor."
        assert window.note_text() == ""
        assert not window.copy_button.isEnabled()

        label = window.status_label
        assert label.isVisible()
        # Not over each other: the part of the reason shown (in its scroll area) lies below the note box.
        shown = rect_in(label, window).intersected(rect_in(label.parentWidget(), window))
        assert not rect_in(window.note_edit, window).intersects(shown)
        area = window.draft.status_area
        # The label is as high as its wrapped text, in a scroll area whose scroll bar reaches its end.
        assert label.height() >= label.heightForWidth(label.width())
        bar = area.verticalScrollBar()
        assert bar.maximum() == max(0, label.height() - area.viewport().height())
        assert area.horizontalScrollBar().maximum() == 0
        # At this size it is more than the area shows: at least three lines are shown, the rest scrolls.
        assert area.viewport().height() >= 3 * label.fontMetrics().lineSpacing()
        assert bar.maximum() > 0 and bar.isVisible()
