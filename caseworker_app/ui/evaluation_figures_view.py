"""The evaluation dialog's figures: the tree of figures with the cases behind them, the line that
says what was counted, and the tab for the municipality's own texts (points 6-10)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QPlainTextEdit, QScrollArea, QTreeWidget, QTreeWidgetItem, QWidget

from ..core.catalog import Trial
from ..core.evaluation_figures import NOT_COUNTABLE, Evaluation
from ..core.evaluation_scope import trial_scope
from ..core.text import and_list
from ..services.evaluation import Row, no_cases_text, unassigned_text, unassigned_total
from ..store.evaluation_queries import FORM_POINTS
from .fields import text_box


def fill_figures(tree: QTreeWidget, report: Sequence[tuple[Trial, Sequence[Row]]]) -> None:
    """The figures by trial and section, each opening to the cases behind it (FASIT case numbers)."""
    tree.clear()
    for trial, rows in report:
        top = QTreeWidgetItem([f"{trial.id} – {trial.title}", "", ""])
        tree.addTopLevelItem(top)
        section_item, section = None, None
        for row in rows:
            if row.section != section:
                section = row.section
                section_item = QTreeWidgetItem([section, "", ""])
                top.addChild(section_item)
            label = ("    " * row.level) + row.label
            item = QTreeWidgetItem([label, row.value, row.note])
            item.setToolTip(1, row.value)
            item.setToolTip(2, row.note)
            if row.value == NOT_COUNTABLE:
                font = item.font(1)
                font.setItalic(True)
                item.setFont(1, font)
            for ref, detail in row.cases:
                item.addChild(QTreeWidgetItem([f"Sag {ref}", detail, ""]))
            assert section_item is not None  # the first row starts a section
            section_item.addChild(item)
        top.setExpanded(True)
        for i in range(top.childCount()):
            child = top.child(i)
            assert child is not None  # i < childCount()
            child.setExpanded(True)


def summary_text(e: Evaluation, trials: Sequence[Trial]) -> str:
    """Period, caseworker and minutes, then what was left out or cut to a trial's own period."""
    cut = [trial.id for trial in trials if trial_scope(trial, e.period) != e.period]
    left_out = unassigned_text(e)
    empty = no_cases_text(e)
    return (
        f"Periode {e.period.text} · {e.caseworker or 'alle sagsbehandlere'} · "
        f"{e.minutes} minutter pr. opfølgning. Åbn et tal for at se sagerne bag det (FASIT-sagsnumre)."
        + (f" {left_out}" if unassigned_total(e) else f" Sager uden sagsbehandler: {left_out}" if left_out else "")
        + (f" Ingen sager i: {empty}." if empty else "")
        + (
            f" For {and_list(cut)} er perioden afgrænset til forsøgets egen periode (se »Periode talt for forsøget«)."
            if cut
            else ""
        )
    )


def points_tab(saved: Mapping[str, str]) -> tuple[QScrollArea, dict[str, QPlainTextEdit]]:
    """The municipality's texts for the form's points 6-10, in a tab that scrolls on a low screen."""
    texts: dict[str, QPlainTextEdit] = {}
    points = QWidget()
    points_form = QFormLayout(points)
    for number, title in FORM_POINTS.items():
        edit = text_box(saved.get(number, ""))
        edit.setPlaceholderText("Kommunens egen tekst (kommer i PDF'en efter tallene)")
        edit.setMaximumHeight(70)
        texts[number] = edit
        points_form.addRow(f"{number}. {title}:", edit)
    points_scroll = QScrollArea()  # five text boxes: they scroll on a low screen
    points_scroll.setWidgetResizable(True)
    points_scroll.setFrameShape(QFrame.Shape.NoFrame)
    points_scroll.setWidget(points)
    points_scroll.setAccessibleName("Kommunens tekst, punkt 6–10")
    points_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which it scrolls into view
    points_scroll.viewport().setAutoFillBackground(False)  # the tab's own background
    points.setAutoFillBackground(False)
    return points_scroll, texts
