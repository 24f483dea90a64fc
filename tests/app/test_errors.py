"""The unexpected-error message: a Qt message box with a window, else stderr."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from caseworker_app.ui import errors


def test_message_box_shows_the_text_when_there_is_a_window(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(errors, "_headless", lambda: False)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    errors.show_error_message("Der opstod en uventet fejl i programmet.")
    assert shown == [("Opfølgningsfrister – uventet fejl", "Der opstod en uventet fejl i programmet.")]


def test_offscreen_prints_instead_of_waiting_on_a_modal_box(qapp, monkeypatch, capsys):
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: (_ for _ in ()).throw(AssertionError("modal")))
    errors.show_error_message("Der opstod en uventet fejl i programmet.")
    assert "Der opstod en uventet fejl i programmet." in capsys.readouterr().err
