"""The event dialog and a talk's next agreed date (T12), and the close dialog refusing a date before
the latest event. Today is 01-02-2021; T12's deadline is the agreed date itself (resources/trials/T12.toml)."""

from __future__ import annotations

from datetime import date

from caseworker_app.ui.case import CloseCaseDialog, EventDialog

from .actions import click, type_into


def hint(dialog) -> str:
    return dialog.boxes["agreed"].hint_label.text().replace("\u2011", "-")


def t12_case(store) -> int:
    """The next talk agreed for 15-02-2021."""
    return store.create_case(
        citizen="Erik Ås", case_ref="2021-0102", trial_id="T12", dates={"agreed": date(2021, 2, 15)}
    )


def open_dialog(qtbot, store, case_id, today, **kwargs) -> EventDialog:
    dialog = EventDialog(store, case_id, today=today, kind="talk", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def register_talk(qtbot, store, case_id, today, day: str, next_agreed: str) -> int:
    dialog = open_dialog(qtbot, store, case_id, today)
    type_into(qtbot, dialog.date_edit, day)
    type_into(qtbot, dialog.next_agreed_edit, next_agreed)
    click(qtbot, dialog.save_button)
    assert dialog.result() == EventDialog.DialogCode.Accepted
    assert dialog.event_id is not None
    return dialog.event_id


def test_the_hint_says_an_empty_date_keeps_a_date_not_yet_reached(qtbot, store, today):
    dialog = open_dialog(qtbot, store, t12_case(store), today)  # a talk today, 01-02-2021
    assert (
        hint(dialog) == "Aftalt med borgeren: bliver sagens nye frist. Tom: den aftalte dato 15-02-2021 gælder fortsat."
    )


def test_cancelling_a_talk_in_the_dialog_takes_back_the_date_it_set(qtbot, store, today):
    case_id = t12_case(store)
    event = register_talk(qtbot, store, case_id, today, "01-02-2021", "31-03-2021")
    assert store.get_case(case_id).dates["agreed"] == date(2021, 3, 31)
    dialog = open_dialog(qtbot, store, case_id, today, replaces=event)
    assert dialog.next_agreed_edit.text() == "31-03-2021"  # the date the talk set, to correct with it
    dialog.cancel_check.setChecked(True)
    assert hint(dialog) == "Annulleringen: den aftalte dato går tilbage til 15-02-2021, som før samtalen."
    dialog.text_edit.setPlainText("Registreret på forkert sag")
    click(qtbot, dialog.save_button)
    assert store.get_case(case_id).dates["agreed"] == date(2021, 2, 15)
    [item] = store.deadlines(today())
    assert item.deadline.legal_due == date(2021, 2, 15)


def test_correcting_a_talk_corrects_the_date_it_set(qtbot, store, today):
    case_id = t12_case(store)
    event = register_talk(qtbot, store, case_id, today, "01-02-2021", "31-03-2021")
    dialog = open_dialog(qtbot, store, case_id, today, replaces=event)
    assert hint(dialog) == (
        "Den dato, samtalen satte; ret den, hvis den er forkert. "
        "Tom: den aftalte dato går tilbage til 15-02-2021, som før samtalen."
    )
    type_into(qtbot, dialog.next_agreed_edit, "07-04-2021")
    click(qtbot, dialog.save_button)
    assert store.get_case(case_id).dates["agreed"] == date(2021, 4, 7)


def test_an_older_talk_registered_late_cannot_set_the_date(qtbot, store, today):
    case_id = t12_case(store)
    register_talk(qtbot, store, case_id, today, "01-02-2021", "31-03-2021")
    dialog = open_dialog(qtbot, store, case_id, today)
    assert dialog.next_agreed_edit.isEnabled()
    type_into(qtbot, dialog.date_edit, "20-01-2021")
    assert not dialog.next_agreed_edit.isEnabled()
    assert hint(dialog) == (
        "Samtalen ligger før den seneste registrerede samtale 01-02-2021: "
        "den aftalte dato (31-03-2021) blev aftalt ved den og ændres ikke her."
    )
    click(qtbot, dialog.save_button)
    case = store.get_case(case_id)
    assert sorted(e.day for e in case.events) == [date(2021, 1, 20), date(2021, 2, 1)]
    assert case.dates["agreed"] == date(2021, 3, 31)


def test_the_close_dialog_refuses_a_date_before_the_latest_event(qtbot, store, today):
    case_id = store.create_case(
        citizen="Anna Vest", case_ref="2021-0401", trial_id="T07", dates={"visitation": date(2021, 1, 4)}
    )
    store.add_event(case_id, day=date(2021, 1, 25), kind="plan_not_adjusted")
    dialog = CloseCaseDialog(store, case_id, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason_combo.setCurrentIndex(1)
    type_into(qtbot, dialog.date_edit, "20-01-2021")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.boxes["day"].error() == (
        "Sagen har en hændelse registreret 25-01-2021 (indsatsplan ikke justeret); "
        "afslut den på eller efter den dato, eller ret hændelsen først"
    )
    assert store.get_case(case_id).status == "aktiv"
