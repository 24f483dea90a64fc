"""The first thing a new caseworker sees in an empty database: how to begin, instead of empty groups.

Shown on the Frister tab while there is no case at all (MainWindow._show_welcome); it goes when the
first case is saved or imported. Each step is a button for a window command: Indstillinger,
Importér sager (Ctrl+I), Ny sag (Ctrl+N), and the demo in its own window.
"""

from __future__ import annotations

import html
import sys

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

WIDTH = 640  # a readable line; the welcome stands centred in a wider window


def demo_command() -> tuple[str, list[str]]:
    """How this program is started with --demo: the bundle itself, or Python on the package."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "caseworker_app", "--demo"]


def start_demo() -> bool:
    """Start the demo as a program of its own (its database is made in a temporary folder)."""
    program, arguments = demo_command()
    from PySide6.QtCore import QProcess  # here: its Python type and enums cost the empty list's paint ~2 ms

    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


def _text(markup: str) -> QLabel:
    label = QLabel(markup)
    label.setWordWrap(True)
    return label


class Welcome(QWidget):
    """'Velkommen': name and municipality, import the list, create a case, or look at the demo."""

    def __init__(self, window):
        super().__init__()
        self.setObjectName("welcome")
        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setStyleSheet(
            "QFrame#welcomeCard { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"
        )
        card.setMaximumWidth(WIDTH)
        title = QLabel("Velkommen til Opfølgningsfrister")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = _text("Der er endnu ingen sager. Sådan kommer du i gang:")

        self.settings_text = _text("")
        self.settings_button = QPushButton("&Indstillinger …")
        self.import_button = QPushButton("I&mportér sager …")
        self.new_case_button = QPushButton("&Ny sag …")
        self.demo_button = QPushButton("Åbn &demo")
        self.settings_button.clicked.connect(window.edit_settings)
        self.import_button.clicked.connect(window.import_cases)
        self.new_case_button.clicked.connect(window.new_case)
        self.demo_button.clicked.connect(window.open_demo)
        steps = (
            (self.settings_text, self.settings_button),
            (
                _text(
                    "<b>Importér din sagsliste</b> fra Excel eller CSV (Ctrl+I): navn, sagsnummer, forsøg og datoer."
                ),
                self.import_button,
            ),
            (_text("<b>Eller opret sagerne én ad gangen</b> (Ctrl+N)."), self.new_case_button),
            (
                _text(
                    "<b>Vil du først se programmet med sager?</b> Demoen åbner i sit eget vindue med "
                    "opdigtede borgere og rører ikke dine data."
                ),
                self.demo_button,
            ),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(14)
        grid.setColumnStretch(1, 1)
        for row, (text, button) in enumerate(steps):
            number = QLabel(f"<b>{row + 1}.</b>")
            grid.addWidget(number, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2)
        column = QVBoxLayout(card)
        column.setContentsMargins(24, 20, 24, 24)
        column.setSpacing(12)
        column.addWidget(title)
        column.addWidget(intro)
        column.addLayout(grid)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(card, 10)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addSpacing(12)
        outer.addLayout(centred)
        outer.addStretch(1)

    def show_settings(self, name: str, municipality: str) -> None:
        """Step 1 says what is set, or asks for it."""
        if name.strip() and municipality.strip():
            who = html.escape(f"{name.strip()}, {municipality.strip()}")
            self.settings_text.setText(f"✓ <b>Du står som {who}.</b> Ret det i Indstillinger.")
        else:
            self.settings_text.setText(
                "<b>Skriv dit navn og din kommune.</b> Dit navn bruges til at vise dine egne frister "
                "først, og begge står i journalnotater og på udskrifter."
            )
