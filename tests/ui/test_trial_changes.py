"""A trial coordinator's changes in the Forsøg tab, end to end on the demo of 30-11-2026: a new
extension cited by the journal note as by the deadline lists, and a corrected (shorter) end.

Every expected text is written out by hand; the dates are worked out in the comments.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QPushButton

from caseworker_app.cli import main
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore
from caseworker_app.store.demo import create_demo_database
from caseworker_app.ui.notes import NoteWindow
from caseworker_app.ui.trials_view import TrialsView

from .actions import click, type_into


@pytest.fixture(autouse=True)
def typed_on_30_november(monkeypatch):
    """Changes stored at 11.00 on 30-11-2026 (Danish time), whatever the machine's clock says: the
    texts below name the day a change was typed in ("rettet i programmet 30-11-2026")."""
    monkeypatch.setattr("caseworker_app.store.overrides_store.utc_now", lambda: "2026-11-30T10:00:00+00:00")


TODAY = date(2026, 11, 30)
# Bo Rasmussen (2026-0435, T08): hired 30-03-2026, offered 10-03-2026 (the demo counts back from today).
BO = "2026-0435"
LETTER = "Beskæftigelsesministerens brev af 15-11-2026 (forlængelse af frikommuneforsøg til udgangen af 2028)"
ORDER = "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af 23/05/2018)"


@pytest.fixture
def store(tmp_path):
    path = create_demo_database(tmp_path / "demo.db", TODAY)
    with CaseStore(path, clock=lambda: TODAY) as case_store:
        yield case_store


def open_trials(qtbot, store) -> TrialsView:
    view = TrialsView(store, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.select("T08")
    return view


def bo_id(store: CaseStore) -> int:
    [case] = [c for c in store.list_cases() if c.case_ref == BO]
    return case.id


def test_a_new_extension_is_cited_by_the_note_as_by_the_deadline_list(qtbot, store, dialogs):
    view = open_trials(qtbot, store)

    def user(dialog):
        type_into(qtbot, dialog.value_edit, "31-12-2028")
        type_into(qtbot, dialog.decided_edit, "15-11-2026")
        type_into(qtbot, dialog.source_edit, LETTER)
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.findChild(QPushButton, "override_extension"))

    # Hired 30-03-2026 + 30 months = 30-09-2028, inside the extension to 31-12-2028 just entered;
    # the demo's own extension to 31-12-2027 covers today, not that deadline.
    cited = f"{ORDER}, forlænget til 31-12-2028 ifølge {LETTER}"
    [item] = [i for i in store.deadlines(TODAY) if i.case.case_ref == BO]
    assert (item.deadline.legal_due, item.deadline.citation) == (date(2028, 9, 30), cited)

    window = NoteWindow(store, bo_id(store), today=lambda: TODAY, situation="forsoeg_anvendt")
    qtbot.addWidget(window)
    window.show()
    window.free_text_edit.setPlainText("x")
    note = window.note_edit.toPlainText()
    assert "Næste opfølgning: senest 30-09-2028 (2½ år efter ansættelse i løntilskud 30-03-2026)." in note
    assert "Forsøget gælder til og med 31-12-2028; derefter gælder den almindelige regel igen." in note
    assert f"\nHjemmel: {cited}.\n" in note
    assert "31-12-2027" not in note


def test_a_corrected_end_shows_the_end_now_and_says_what_it_replaced(qtbot, store, dialogs):
    view = open_trials(qtbot, store)
    seen = {}

    def user(dialog):
        seen["now"] = dialog.current_label.text()
        seen["label"] = dialog.value_label.text()
        type_into(qtbot, dialog.value_edit, "30-06-2026")
        type_into(qtbot, dialog.source_edit, "Kommunens egen rettelse: forsøget sluttede 30-06-2026")
        click(qtbot, dialog.save_button)

    dialogs.then(user)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.findChild(QPushButton, "override_end"))

    # The trial ran to 31-12-2027 (the demo's extension), not to its original end 31-12-2021.
    assert seen["now"] == (
        "Nu: 31-12-2027 (efter forlængelser; slutdato før forlængelser 31-12-2021). En tidligere dato "
        "afkorter forsøget: forlængelser ud over den gælder ikke længere, og notater før den henviser stadig "
        "til deres egen hjemmel."
    )
    assert seen["label"] == "&Ny slutdato:"
    period = view.period_label.text()
    assert "Forlænget til 30-06-2026" not in period
    # The demo's extension to 31-12-2027 stays listed, cut at the new end; the correction says so.
    assert period.endswith(
        "\nSlutdato rettet til 30-06-2026 – rettet i programmet 30-11-2026; forlængelsen til 31-12-2027 afkortes "
        "til 30-06-2026\n    Kilde: Kommunens egen rettelse: forsøget sluttede 30-06-2026\n"
        "Gældende slutdato: 30-06-2026"
    )
    assert (
        "\n    Hjemmel i journalnotater: »forlænget til 31-12-2027 ifølge et opdigtet brev til Demo Kommune "
        "(DEMODATA – ikke en rigtig afgørelse; indtastet som eksempel på en forlængelse med hjemmel), afkortet til "
        "30-06-2026 ifølge Kommunens egen rettelse: forsøget sluttede 30-06-2026«\n"
    ) in period
    # The deadline follows the ordinary rule from 01-07-2026 (decision 3), as before the change:
    # offered 10-03-2026 + 6 months = 10-09-2026, after the end, so it governs as it is.
    [item] = [i for i in store.deadlines(TODAY) if i.case.case_ref == BO]
    assert (item.deadline.legal_due, item.deadline.governed_by) == (date(2026, 9, 10), "ordinary")
    assert item.deadline.reason == (
        "6 måneder efter tilbud om ansættelse med løntilskud 10-03-2026; almindelig regel efter forsøgets "
        "slutning 30-06-2026"
    )


def test_an_end_date_with_a_two_digit_or_far_year_is_refused_at_the_field(qtbot, store, dialogs):
    view = open_trials(qtbot, store)
    seen = []

    def user(dialog):
        type_into(qtbot, dialog.source_edit, LETTER)
        for typed in ("31-12-28", "31-12-2199"):
            dialog.value_edit.clear()
            type_into(qtbot, dialog.value_edit, typed)
            click(qtbot, dialog.save_button)
            seen.append(dialog.boxes["value"].error())
        dialog.reject()

    dialogs.then(user)
    click(qtbot, view.findChild(QPushButton, "override_extension"))
    assert seen == [
        "'31-12-28': skriv året med fire cifre, fx 31-12-2028 (eller 31-12-1928); et årstal med to cifre kan høre "
        "til to århundreder.",
        "Forlænget til: 31-12-2199 ligger mere end 10 år efter i dag (30-11-2026) – er årstallet rigtigt?",
    ]
    assert [o.field for o in store.overrides()] == ["extension"]  # the demo's own; nothing saved


def test_a_correction_back_to_the_end_before_an_extension_keeps_that_periods_basis(qtbot, tmp_path, dialogs, capsys):
    # The coordinator's steps on a fresh database: T08 extended to 31-12-2026, then corrected back
    # to 31-12-2025. A follow-up on 05-09-2025 is still covered by the minister's letter of
    # 26-11-2024 (the extension to 31-12-2025); the correction withdrew only the year 2026.
    path = tmp_path / "fresh.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        store.save_settings(
            Settings(caseworker_name="Sagsbehandler Test", municipality="Vesthimmerland")
        )  # in T08 (decision 17)
        case_id = store.create_case(
            citizen="Test Person", case_ref="2025-0001", trial_id="T08", dates={"hire": date(2024, 3, 1)}
        )
        store.add_event(case_id, day=date(2025, 9, 5), kind="followup")
        view = open_trials(qtbot, store)
        for button, value, source in (
            ("override_extension", "31-12-2026", "Beskæftigelsesministerens brev af 20-11-2025 (test)"),
            ("override_end", "31-12-2025", "Forlængelsen blev ikke givet alligevel (test)"),
        ):

            def user(dialog, value=value, source=source):
                type_into(qtbot, dialog.value_edit, value)
                if dialog.decided_edit.isVisible():  # the extension: decided while the trial ran
                    type_into(qtbot, dialog.decided_edit, "20-11-2025")
                type_into(qtbot, dialog.source_edit, source)
                click(qtbot, dialog.save_button)

            dialogs.then(user)
            with qtbot.waitSignal(view.changed):
                click(qtbot, view.findChild(QPushButton, button))

        period = view.period_label.text()
        assert "afløser" not in period and "Forlænget til 31-12-2026" not in period
        assert period.endswith(
            "\nForlænget til 31-12-2025 (besluttet 26-11-2024)\n"
            "    Kilde: Beskæftigelsesministerens brev 26-11-2024 (BEU Alm.del 2024-25 Bilag 45): forlænget til "
            "udgangen af 2025\n"
            "    Hjemmel i journalnotater: »forlænget til 31-12-2025 ifølge Beskæftigelsesministerens brev af "
            "26-11-2024«\n"
            "Slutdato rettet til 31-12-2025 – rettet i programmet 30-11-2026; forlængelsen til 31-12-2026 trækkes "
            "tilbage\n"
            "    Kilde: Forlængelsen blev ikke givet alligevel (test)\n"
            "Gældende slutdato: 31-12-2025"
        )

        # The note for the follow-up, written on its day, cites the letter as before the correction.
        window = NoteWindow(store, case_id, today=lambda: date(2025, 9, 5), situation="opfoelgning")
        qtbot.addWidget(window)
        window.show()
        window.free_text_edit.setPlainText("x")
        window.confirm_panel.deadline_box.setChecked(True)  # under the reform caution (decision 13)
        note = window.note_edit.toPlainText()
        assert (
            f"\nHjemmel: {ORDER}, forlænget til 31-12-2025 ifølge Beskæftigelsesministerens brev af 26-11-2024.\n"
        ) in note

    # The command line says the same: the note, and the box line by line (one function).
    assert main(
        ["note", "--db", str(path), "--case", "2025-0001", "--situation", "opfoelgning", "--text", "x",
         "--date", "05-09-2025", "--today", "05-09-2025", "--bekraeft", "frist_kontrolleret"]
    ) == 0  # fmt: skip
    assert f"\nHjemmel: {ORDER}, forlænget til 31-12-2025 ifølge Beskæftigelsesministerens brev af 26-11-2024.\n" in (
        capsys.readouterr().out
    )
    assert main(["trials", "--db", str(path), "--trial", "t08"]) == 0
    out = capsys.readouterr().out
    box = out.split("\n     Forsøgsperiode:\n")[1]
    assert box == "".join(f"       {line}\n" for line in period.splitlines())
