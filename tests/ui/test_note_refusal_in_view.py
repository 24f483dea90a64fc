"""After a refused copy ("Ikke kopieret: notatet er lavet om …") on a laptop (1366×768 at 150 %,
text 100 % and 150 %): the lines of the note that changed (the new deadline) are marked and scrolled
into view, so "Læs den nye tekst" needs no hunting; the reason shows whole lines only, never one
cut through the middle, and what does not fit scrolls a line at a time."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from caseworker_app.store import CaseStore
from caseworker_app.ui.notes import NoteWindow
from caseworker_app.ui.text_size import apply_text_size
from tests.store.test_stale_notes import TODAY

from .actions import click
from .test_draft_pane_fit import LAPTOP
from .test_stale_notes_ui import l008_note_window


@pytest.fixture(params=[100, 150], ids=["tekst100", "tekst150"])
def text_size(request, qapp):
    apply_text_size(request.param)
    yield request.param
    apply_text_size(100)


def refused_window(qtbot, tmp_path) -> NoteWindow:
    # T08 hired 01-01-2024, follow-up 15-12-2025: 15-12-2026 under the ordinary rule; once another
    # copy extends the trial to 31-12-2026, the day after its end, 01-01-2027 (test_stale_notes_ui).
    store, _case_id, window = l008_note_window(qtbot, tmp_path)
    window.resize(*LAPTOP)
    qtbot.wait(50)
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as other:
        other.add_override("T08", "extension", "31-12-2026", "Testbrev (TEST)")
    click(qtbot, window.copy_button)
    qtbot.wait(50)  # the layout settles
    window.store_to_close = store  # type: ignore[attr-defined]
    return window


def test_the_changed_deadline_is_marked_and_in_view_after_a_refusal(qtbot, tmp_path, text_size):
    window = refused_window(qtbot, tmp_path)
    assert window.status_label.text().startswith("⚠ Ikke kopieret: notatet er lavet om")
    edit = window.note_edit
    document = edit.document()
    block = document.find("Næste opfølgning: senest 01-01-2027").block()
    assert block.isValid()
    # Marked: a background over the changed line, from its start.
    marked = [QTextCursor(s.cursor) for s in edit.extraSelections()]
    assert any(
        c.selectionStart() == block.position() and c.selectedText().startswith("Næste opfølgning: senest 01-01-2027")
        for c in marked
    )
    # In view: the line's first row lies inside the note box's visible part.
    row = edit.cursorRect(QTextCursor(block))  # in the viewport's coordinates
    assert edit.viewport().rect().contains(row)
    assert edit.verticalScrollBar().value() > 0  # scrolled there: the note's first lines are above
    window.store_to_close.close()


def test_the_refusal_shows_whole_lines_and_scrolls_the_rest(qtbot, tmp_path, text_size):
    window = refused_window(qtbot, tmp_path)
    area, label = window.draft.status_area, window.status_label
    spacing = label.fontMetrics().lineSpacing()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # more than the area shows at this size
    assert bar.maximum() > 0 and area.viewport().height() >= 3 * spacing
    # Taller windows give the area more room, part of a line more at some heights; none shows a line
    # cut through the middle while the text scrolls.
    width, height = LAPTOP
    scrolled = 0
    for taller in range(0, 6 * spacing, 2):
        window.resize(width, height + taller)
        qtbot.wait(5)
        if bar.maximum() > 0:
            scrolled += 1
            assert area.viewport().height() % spacing == 0, (taller, area.viewport().height())
    assert scrolled > 3
    assert bar.singleStep() == spacing
    # Wrapped inside the window, beside the button, never under it.
    assert label.width() <= area.viewport().width()
    right = label.mapTo(window, label.rect().topRight()).x()
    assert right < window.copy_button.mapTo(window, window.copy_button.rect().topLeft()).x()
    window.store_to_close.close()
