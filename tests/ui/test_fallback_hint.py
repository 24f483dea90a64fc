"""T08's offer date falls back on the hire date when it is unknown: the field says so only while
it is empty (a tester saw 'Ukendt: …' under an offer date that was filled in)."""

from __future__ import annotations

from datetime import date

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.ui.calculator.view import CalculatorView
from caseworker_app.ui.case import CaseWindow

from .actions import type_into
from .conftest import TODAY

FALLBACK = "Ikke udfyldt: fristen regnes fra ansættelse i løntilskud"


def open_case(qtbot, store, case_id) -> CaseWindow:
    window = CaseWindow(store, case_id, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_filled_offer_date_has_no_unknown_hint(qtbot, store):
    case_id = store.create_case(
        citizen="Jens Hansen",
        case_ref="2018-0831",
        trial_id="T08",
        dates={"hire": date(2018, 8, 31), "offer": date(2018, 8, 1)},
    )
    window = open_case(qtbot, store, case_id)
    offer = window.date_boxes["offer"]
    assert offer.editor.text() == "01-08-2018"
    assert not offer.hint_label.isVisible()
    assert "Ukendt" not in offer.editor.accessibleDescription()


def test_the_hint_shows_while_the_offer_date_is_empty(qtbot, store):
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    window = open_case(qtbot, store, case_id)
    offer = window.date_boxes["offer"]
    assert (offer.hint_label.text(), offer.hint_label.isVisible()) == (FALLBACK, True)
    type_into(qtbot, offer.editor, "01-08-2018")
    offer.editor.editingFinished.emit()
    assert not offer.hint_label.isVisible()
    offer.editor.clear()
    offer.editor.editingFinished.emit()
    assert (offer.hint_label.text(), offer.hint_label.isVisible()) == (FALLBACK, True)


def test_the_calculator_hides_the_hint_once_the_offer_date_is_typed(qtbot):
    catalog = load_catalog()
    view = CalculatorView(lambda: catalog, today=lambda: date(2021, 3, 1))
    qtbot.addWidget(view)
    view.show()
    offer = view.form.date_boxes["offer"]
    assert (offer.hint_label.text(), offer.hint_label.isVisible()) == (FALLBACK, True)
    type_into(qtbot, offer.editor, "01-08-2018")
    assert not offer.hint_label.isVisible()
