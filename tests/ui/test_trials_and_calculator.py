"""The "Forsøg" and "Fristberegner" tabs: rules side by side, an override, the calculator."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.ui.calculator.view import CalculatorView
from caseworker_app.ui.case import CaseWindow
from caseworker_app.ui.trials_view import TrialsView
from tests.ui.model_check import assert_no_model_failures, watch_model

from .actions import click, type_into
from .conftest import TODAY


def open_trials(qtbot, store, today=lambda: TODAY) -> TrialsView:
    view = TrialsView(store, today=today)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


# ------------------------------------------------------------------ trials


def test_t08_shows_the_ordinary_rule_beside_the_trial_rule(qtbot, store):
    view = open_trials(qtbot, store)
    view.select("T08")

    ordinary = view.ordinary_label.text()
    trial = view.trial_rule_label.text()
    assert ordinary.startswith("Opfølgning senest 6 måneder efter, at borgeren har fået tilbud")
    assert "Hjemmel: § 10, stk. 3, 2. og 3. pkt., i lov om aktiv socialpolitik" in ordinary
    assert trial.startswith("Første opfølgning senest 2½ år efter ansættelsen i løntilskud")
    assert "Hjemmel: Bekendtgørelse om frikommuneforsøg II" in trial
    # Side by side: the ordinary rule in the left column, the trial rule in the right.
    left = view.ordinary_label.mapTo(view, view.ordinary_label.rect().topLeft())
    right = view.trial_rule_label.mapTo(view, view.trial_rule_label.rect().topLeft())
    assert left.x() < right.x() and abs(left.y() - right.y()) < 5
    assert view.ordinary_label.parentWidget().title() == "Almindelig regel"
    assert view.trial_rule_label.parentWidget().title() == "Forsøgsregel"

    period = view.period_label.text()
    assert "Start 01-07-2018; slutdato før forlængelser 31-12-2021" in period
    assert "Forlænget til 31-12-2025 (besluttet 26-11-2024)" in period
    assert "Kilde: Beskæftigelsesministerens brev 26-11-2024" in period
    # T08's sources name no marking: said so, not "to be filled in" as if something were missing.
    assert view.marking_label.text() == (
        "Ingen kendt – kommunen kan selv angive en markering\n"
        "Kilderne nævner ingen markering; forsøget måles på antallet af opfølgningssamtaler i FASIT."
    )
    assert view.override_label.text() == "Ingen. Kataloget gælder, som det blev leveret."


def test_the_period_buttons_stand_above_its_list_of_extensions(qtbot, store):
    # The period's text grows with every extension; its buttons above it stay on a 1366×768 screen.
    view = open_trials(qtbot, store)
    view.select("T08")
    label_top = view.period_label.mapTo(view, view.period_label.rect().topLeft()).y()
    for name in ("override_extension", "override_end"):
        button = view.findChild(QPushButton, name)
        assert button.mapTo(view, button.rect().bottomLeft()).y() <= label_top, name


def test_the_list_says_plainly_that_a_trial_has_expired(qtbot, store):
    view = open_trials(qtbot, store, today=lambda: date(2026, 3, 1))
    texts = [view.trial_list.item(i).text() for i in range(view.trial_list.count())]
    t08 = next(t for t in texts if t.startswith("T08 – Førtidspensionister i løntilskud"))
    assert t08.endswith(
        "⚠ udløbet 31-12-2025 – almindelige regler gælder fra 01-01-2026, medmindre kommunen har fået forlængelse"
    )
    assert any(t.startswith("T01 – ") and "(ingen frister)" in t for t in texts)


def test_a_verbatim_fasit_marking_is_shown_exactly(qtbot, store):
    view = open_trials(qtbot, store)
    view.select("T07")
    assert view.marking_label.text().startswith("»Frikommuneforsøg –indsatsplan ikke justeret for 6 mdr.«")


def test_a_required_marking_without_a_text_is_said_to_be_missing(qtbot, store):
    # Decision 9: T04's persongruppemarkering has no text in the sources; until the municipality
    # writes it, the box says so, as the note window and `trials --trial` do.
    view = open_trials(qtbot, store)
    view.select("T04")
    assert view.marking_label.text().startswith(
        "Mangler – forsøget kræver en markering, men kilderne giver ikke dens tekst: kommunen skriver den i "
        "vinduet under fanen Forsøg, »Ret markering …«. Indtil da kan notater med markeringen ikke skrives.\n"
    )


def test_overriding_t08_end_moves_a_case_deadline(qtbot, store, dialogs):
    case_id = store.create_case(
        citizen="Jens Hansen",
        case_ref="2018-0831",
        trial_id="T08",
        dates={"hire": date(2018, 8, 31)},
    )
    store.add_event(case_id, day=date(2021, 1, 10), kind="followup")
    # Under the trial rule: 10-01-2021 + 30 months = 10-07-2023.
    assert store.deadlines(TODAY)[0].deadline.legal_due == date(2023, 7, 10)

    view = open_trials(qtbot, store)
    view.select("T08")
    seen = {}

    def user(dialog):
        assert dialog.field() == "end"
        type_into(qtbot, dialog.value_edit, "31-12-2022")
        click(qtbot, dialog.save_button)  # no source yet
        seen["source"] = dialog.boxes["source"].error()
        type_into(qtbot, dialog.source_edit, "Kommunens egen afgørelse 15-01-2021")
        qtbot.keyClick(dialog.source_edit, Qt.Key.Key_Return)

    dialogs.then(user)
    with qtbot.waitSignal(view.changed):
        click(qtbot, view.findChild(QPushButton, "override_end"))

    assert seen["source"] == "Skriv hjemlen for den nye slutdato, fx ministeriets brev med dato"
    [override] = store.overrides()
    assert (override.trial_id, override.field, override.value) == ("T08", "end", "2022-12-31")
    assert "slutdato 31-12-2022" in view.override_label.text()
    assert "Kilde: Kommunens egen afgørelse 15-01-2021" in view.override_label.text()
    assert "Gældende slutdato: 31-12-2022" in view.period_label.text()

    # The trial now ends 31-12-2022. The ordinary rule (12 months after the follow-up 10-01-2021)
    # gave 10-01-2022, already passed, so the deadline is the day after the end: 01-01-2023,
    # a Sunday and New Year's Day; 31-12-2022 is a Saturday, so in practice Friday 30-12-2022.
    window = CaseWindow(store, case_id, today=lambda: TODAY)
    qtbot.addWidget(window)
    [deadline] = window.deadline_texts()
    assert "frist 01-01-2023 – senest i praksis fre 30-12-2022" in deadline
    assert "Almindelig regel:" in deadline


def test_a_wrong_override_date_saves_nothing(qtbot, store, dialogs):
    view = open_trials(qtbot, store)
    view.select("T08")
    seen = {}

    def user(dialog):
        type_into(qtbot, dialog.value_edit, "31-12-2024")
        type_into(qtbot, dialog.source_edit, "Brev")
        click(qtbot, dialog.save_button)
        seen["value"] = dialog.boxes["value"].error()

    dialogs.then(user)
    with qtbot.assertNotEmitted(view.changed):
        click(qtbot, view.findChild(QPushButton, "override_extension"))
    assert seen["value"] == "En forlængelse skal gå ud over den nuværende slutdato 31-12-2025"
    assert store.overrides() == []


# ------------------------------------------------------------------ calculator


def open_calculator(qtbot, today=lambda: date(2021, 3, 1)) -> CalculatorView:
    catalog = load_catalog()
    view = CalculatorView(lambda: catalog, today=today)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def result_rows(view: CalculatorView) -> list[list[str]]:
    model = view.result.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_a_date_the_ordinary_rule_gives_has_no_ordinary_date_beside_it(qtbot):
    # T08, hire 01-03-2024, as on 30-11-2026 (open_calculator's day, after the trial's end
    # 31-12-2025): the ordinary rule governs, first follow-up 6 months after the offer (the hire,
    # unknown offer) = 01-09-2024, passed at the end, so 01-01-2026. "Almindelig regel ville give"
    # beside it read as a second date (a tester).
    from caseworker_app.core.catalog_load import load_catalog
    from caseworker_app.core.schedule import compute_deadlines
    from caseworker_app.ui.case_deadlines_model import deadline_html, plain_text

    [d] = compute_deadlines(load_catalog()["T08"], {"hire": date(2024, 3, 1)}, [], date(2026, 11, 30))
    assert (d.legal_due, d.governed_by) == (date(2026, 1, 1), "ordinary")
    assert "Almindelig regel ville give" not in plain_text(deadline_html(d))
    # Under the trial it is said: T08, hire 01-03-2020, as on 01-06-2020: the trial's 01-09-2022,
    # the ordinary rule's 01-09-2020.
    [d] = compute_deadlines(load_catalog()["T08"], {"hire": date(2020, 3, 1)}, [], date(2020, 6, 1))
    assert (d.legal_due, d.governed_by) == (date(2022, 9, 1), "trial")
    assert "Almindelig regel ville give: 01-09-2020" in plain_text(deadline_html(d))


def test_calculator_gives_28_02_2021_for_t08_hire_31_08_2018(qtbot):
    view = open_calculator(qtbot)
    view.set_trial("T08")
    hire = view.form.date_boxes["hire"].editor
    qtbot.keyClicks(hire, "31-08-2018")
    qtbot.keyClick(hire, Qt.Key.Key_Return)

    [row] = result_rows(view)
    assert row[:5] == [
        "Opfølgning",
        "28-02-2021",
        "fre 26-02-2021 (fristen 28-02-2021 er en søndag)",
        "! overskredet",
        "28-02-2019",
    ]
    assert row[5].startswith("2½ år efter ansættelse i løntilskud 31-08-2018")
    assert row[6].startswith("Forsøgsregel: første opfølgning senest 2½ år efter ansættelsen")
    assert row[7].startswith("Bekendtgørelse om frikommuneforsøg II")
    detail = view.detail_text()
    assert "frist 28-02-2021 – senest i praksis fre 26-02-2021 (fristen 28-02-2021 er en søndag)" in detail
    assert "Almindelig regel ville give: 28-02-2019" in detail
    assert "Beregnet pr. 01-03-2021" in view.result.title_label.text()


def test_calculator_follow_up_and_trial_end(qtbot):
    view = open_calculator(qtbot)
    type_into(qtbot, view.form.date_boxes["hire"].editor, "31-08-2018")
    view.form.events_box.kind_combo.setCurrentIndex(view.form.events_box.kind_combo.findData("followup"))
    qtbot.keyClicks(view.form.events_box.date_edit, "10-01-2021")
    qtbot.keyClick(view.form.events_box.date_edit, Qt.Key.Key_Return)  # Enter adds the event
    assert view.form.events_box.table.item(0, 0).text() == "10-01-2021"
    # 10-01-2021 + 30 months = 10-07-2023, a Monday.
    assert result_rows(view)[0][1:4] == ["10-07-2023", "man 10-07-2023", "senere"]

    # What if the trial had ended 31-12-2022: the ordinary rule from the day after
    # (worked out in the override test).
    type_into(qtbot, view.form.trial_end_edit, "31-12-2022")
    qtbot.keyClick(view.form.trial_end_edit, Qt.Key.Key_Return)
    assert result_rows(view)[0][1:3] == ["01-01-2023", "fre 30-12-2022 (fristen 01-01-2023 er nytårsdag)"]


def test_calculator_explains_a_wrong_date_at_its_field(qtbot):
    view = open_calculator(qtbot)
    type_into(qtbot, view.form.date_boxes["hire"].editor, "31-13-2018")
    click(qtbot, view.form.calculate_button)
    assert view.form.date_boxes["hire"].error() == (
        "'31-13-2018': der er ingen måned 13. Skriv datoen som dd-mm-åååå, fx 15-02-2021."
    )
    assert result_rows(view) == []
    assert view.result.note_label.text() == "Ret de markerede felter for at se fristerne."


def test_calculator_shows_conditions_for_a_trial_without_deadlines(qtbot):
    view = open_calculator(qtbot)
    view.set_trial("T01")
    assert view.form.date_boxes == {}
    assert view.result.note_label.text().startswith("Forsøget har ingen beregnelig frist. Betingelser:")


def test_calculator_model_passes_qt_model_tester(qtbot, qtlog):
    view = open_calculator(qtbot)
    tester = watch_model(view.result.model)  # kept: the calculation below is checked too
    type_into(qtbot, view.form.date_boxes["hire"].editor, "31-08-2018")
    click(qtbot, view.form.calculate_button)
    assert view.result.model.rowCount() == 1
    assert tester.model() is view.result.model
    assert_no_model_failures(qtlog)


def test_calculator_offers_the_events_a_caseworker_registers_not_the_imported_kind(qtbot):
    view = open_calculator(qtbot)
    view.set_trial("T07")
    combo = view.form.events_box.kind_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["plan_adjusted", "plan_not_adjusted"]


def test_the_calculator_records_a_talks_form_where_the_rules_count_forms(qtbot):
    # A tester: T05, visitation 04-01-2021, personal talks 04-01, 06-04, 01-07, 01-10-2021, a phone
    # talk 05-01-2022. After the trial's end (31-12-2021) only personal talks count: the 4th-latest
    # is 04-01-2021, + 12 months = 04-01-2022, as the command line and a saved case say. With no
    # form to give, the calculator counted the phone talk as personal: 06-04-2022.
    view = open_calculator(qtbot, today=lambda: date(2026, 11, 30))
    view.set_trial("T05")
    box = view.form.events_box
    assert box.form_combo.isVisibleTo(view)
    type_into(qtbot, view.form.date_boxes["visitation"].editor, "04-01-2021")
    for day, form in (
        ("04-01-2021", "personligt"),
        ("06-04-2021", "personligt"),
        ("01-07-2021", "personligt"),
        ("01-10-2021", "personligt"),
        ("05-01-2022", "telefon"),
    ):
        box.form_combo.setCurrentIndex(box.form_combo.findData(form))
        qtbot.keyClicks(box.date_edit, day)
        qtbot.keyClick(box.date_edit, Qt.Key.Key_Return)
    assert box.table.item(4, 1).text() == "samtale (telefon)"
    assert result_rows(view)[0][1] == "04-01-2022"
    # T08 counts no forms: the field is not asked for.
    view.set_trial("T08")
    assert not box.form_combo.isVisibleTo(view)


def test_neither_calculator_pane_can_be_dragged_out_of_sight(qtbot):
    view = open_calculator(qtbot)
    view.resize(1000, 500)
    splitter = view.splitter
    qtbot.waitUntil(lambda: view.form.width() > 0)
    splitter.setSizes([0, 1000])  # as far left as the line goes
    assert view.form.width() >= view.form.minimumSizeHint().width() > 0
    handle = splitter.handle(1)
    # A drag of the line to the window's left edge, as with the mouse.
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(2, 10))
    qtbot.mouseMove(handle, QPoint(-2000, 10))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(-2000, 10))
    assert view.form.isVisible()
    assert view.form.width() >= view.form.minimumSizeHint().width()
    splitter.setSizes([1000, 0])  # and as far right
    assert view.result.width() >= view.result.minimumSizeHint().width() > 0
