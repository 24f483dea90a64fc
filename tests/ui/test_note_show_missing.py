"""Vis det manglende: the note window takes the caseworker to the first field the note still needs,
shown and with the cursor in it (a tester at 1366×768, 150 %: the required tick was scrolled out of
sight, and the red message said what was missing but not where)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from .test_note_window import click, open_window, t09_store


def test_it_goes_to_the_text_then_to_each_box_not_ticked(qtbot, tmp_path):
    # T09 without 'ledig siden': the note needs Egen tekst and the three conditions confirmed.
    store, case_id = t09_store(tmp_path, None)
    window = open_window(qtbot, store, case_id, date(2021, 3, 8), situation="praktik_start")
    window.resize(911, 440)  # 1366×768 at 150 %: the fields scroll
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isAncestorOf(QApplication.focusWidget()))
    button = window.draft.show_missing_button
    window.fields_button.setChecked(True)  # Skjul felterne: the fields are out of sight
    assert button.isVisible() and not window.copy_button.isEnabled()

    click(qtbot, button)
    assert window.inputs_scroll.isVisible()  # shown again
    assert QApplication.focusWidget() is window.free_text_edit

    window.free_text_edit.setPlainText("Praktik hos Aars Tømrer ApS.")
    for name in ("ledighed", "visiteret", "formaal"):
        click(qtbot, button)
        box = window.confirm_boxes[name]
        assert QApplication.focusWidget() is box
        # In view: the box lies inside the scrolled area's visible part.
        top = box.mapTo(window.inputs_scroll.viewport(), box.rect().topLeft()).y()
        assert 0 <= top <= window.inputs_scroll.viewport().height() - box.height()
        box.setChecked(True)

    assert not button.isVisible()  # nothing missing: the button goes
    assert window.copy_button.isEnabled()
    store.close()
