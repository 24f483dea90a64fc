"""Windows that fit a small screen with a large text size (1366×768 at 150 % with 150 % text): the
conflict question, the Sager filters, the calendar print dialog, the import dialog. The whole walk at
that size is tests/ui/test_screen_fit.py; these say each cause and fail without its fix."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.store.case_conflicts import FieldConflict, conflict_text
from caseworker_app.ui.calculator.view import CalculatorView
from caseworker_app.ui.case import CaseWindow, EventDialog
from caseworker_app.ui.importing.mapping_tab import MappingView
from caseworker_app.ui.importing.options import ImportOptions
from caseworker_app.ui.printing.dialogs import CalendarPrintDialog
from caseworker_app.ui.questions import conflict_box
from caseworker_app.ui.screen_fit import work_area
from caseworker_app.ui.trial_texts import trial_choice_text
from caseworker_app.ui.wrap_row import WrappingRow


def test_a_long_conflict_question_is_widened_rather_than_taller_than_the_screen(qtbot):
    found = [
        FieldConflict(
            "note", "", f"Ændring nummer {n} med en lang forklaring om borgeren", f"Mit svar {n} er også langt"
        )
        for n in range(20)
    ]
    box = conflict_box(None, conflict_text(found))
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(lambda: box.height() <= work_area(box).height())
    assert box.width() > 500  # Qt's own: at most half the screen (400 here) wide, and too high
    assert work_area(box).contains(box.geometry())


def test_filters_take_two_rows_when_the_window_is_too_narrow_for_one(qtbot):
    fields = [QLineEdit(), QLineEdit(), QLineEdit()]
    for field in fields:
        field.setMinimumWidth(150)
    row = WrappingRow([(QLabel(f"Felt {n}:"), field, 0) for n, field in enumerate(fields)])
    window = QWidget()  # as in the main window: a row in a layout, the window as narrow as it allows
    QVBoxLayout(window).addWidget(row)
    qtbot.addWidget(window)
    one_row = row.one_row_width()
    # The least width is that of the wider row of two (the second: two pairs), not of all three.
    assert row.minimumSizeHint().width() < one_row - 150
    window.resize(one_row + 40, 100)
    window.show()
    qtbot.waitUntil(lambda: not row.two_rows)
    window.resize(window.minimumSizeHint().width(), 100)
    qtbot.waitUntil(lambda: row.two_rows)
    qtbot.waitUntil(lambda: fields[1].y() > fields[0].y())  # the upper row keeps the first pair
    assert fields[2].y() == fields[1].y()
    window.resize(one_row + 40, 100)
    qtbot.waitUntil(lambda: not row.two_rows)
    qtbot.waitUntil(lambda: fields[2].y() == fields[0].y())


def test_the_calendar_print_dialogs_choices_scroll_and_its_buttons_stay_in_view_on_a_low_screen(qtbot, store):
    dialog = CalendarPrintDialog(store, today=lambda: date(2021, 2, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    low = 260  # lower than the choices (about 330 px at 100 % text; 485 at 150 % text on 1366×768, 150 %)
    dialog.resize(dialog.width(), low)
    qtbot.waitUntil(lambda: dialog.height() == low)
    for button in (dialog.preview_button, dialog.print_button, dialog.pdf_button, dialog.close_button):
        qtbot.waitUntil(lambda button=button: button.geometry().bottom() < low)
        assert button.height() >= button.minimumSizeHint().height()


def test_the_import_dialogs_trial_choice_and_options_do_not_widen_it_past_a_small_screen(qtbot, store):
    catalog = store.catalog()
    view = MappingView(catalog)
    qtbot.addWidget(view)
    longest = max(view.fontMetrics().horizontalAdvance(trial_choice_text(trial)) for trial in catalog.values())
    # The longest trial's title was the view's least width (1023 px for the dialog at 150 % text).
    assert view.trial_combo.minimumSizeHint().width() < longest
    options = ImportOptions()
    qtbot.addWidget(options)
    shown = (options.skip_radio, options.update_radio, options.only_valid_check)
    # The choices wrap: the least width is the widest choice's, not the row's.
    assert options.minimumSizeHint().width() < sum(choice.sizeHint().width() for choice in shown)


def test_the_event_dialogs_fields_scroll_on_a_low_screen_and_the_text_box_keeps_four_lines(qtbot, store):
    case_id = store.create_case(
        citizen="Karen Holm", case_ref="2020-0112", trial_id="T12", dates={"agreed": date(2021, 1, 29)}
    )
    dialog = EventDialog(store, case_id, today=lambda: date(2021, 2, 1), kind="talk")
    qtbot.addWidget(dialog)
    dialog.show()
    low = 300  # lower than the fields (at 150 % text on 1366×768, 150 % the text box was cut to 68 px)
    dialog.resize(dialog.width(), low)
    qtbot.waitUntil(lambda: dialog.height() == low)
    qtbot.waitUntil(lambda: dialog.save_button.mapTo(dialog, dialog.save_button.rect().bottomLeft()).y() < low)
    assert dialog.text_edit.height() >= dialog.fontMetrics().lineSpacing() * 4
    assert dialog.scroll_area.verticalScrollBar().maximum() > 0


def test_a_history_row_with_a_long_text_is_never_higher_than_the_history_list(qtbot, store):
    case_id = store.create_case(
        citizen="Jens Hansen", case_ref="2018-0831", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    long_text = "Aftalt møde om den videre plan, løntilskuddet, arbejdstiden og kontaktpersonen. " * 6
    store.add_event(case_id, day=date(2021, 1, 15), kind="followup", form="personligt", text=long_text)
    window = CaseWindow(store, case_id, today=lambda: date(2021, 2, 1))
    qtbot.addWidget(window)
    window.show()
    view = window.history.view
    window.resize(700, 420)  # a low window: the list a little more than a line high

    def first_row_seen_whole() -> bool:
        height = view.visualRect(view.model().index(0, 0)).height()
        return 0 < height <= view.viewport().height()

    qtbot.waitUntil(first_row_seen_whole)
    assert view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)  # the whole text is there


def test_a_long_calculator_title_scrolls_and_leaves_the_first_deadline_in_view(qtbot):
    catalog = load_catalog()
    view = CalculatorView(lambda: catalog, today=lambda: date(2021, 2, 1))
    qtbot.addWidget(view)
    view.resize(900, 330)  # low, as 1920×1080 at 150 % with 200 % text is for the longest title
    view.show()
    view.set_trial("T16")
    for name in list(view.form.date_boxes):
        view.set_date(name, "15-06-2020")
    view.calculate()
    view.result.set_title("T16 – " + "en meget lang titel på forsøget " * 40)
    table = view.result.table

    def first_row_seen_whole() -> bool:
        height = table.visualRect(table.model().index(0, 0)).height()
        return 0 < height <= table.viewport().height()

    qtbot.waitUntil(first_row_seen_whole)
    title = view.result.title_label
    # The whole title is laid out, reached by scrolling: not cut off at the top as it was.
    qtbot.waitUntil(lambda: title.height() >= title.heightForWidth(title.width()))


def test_at_911_px_with_150_percent_text_the_dates_case_numbers_and_cpr_are_whole(qtbot, store, today):
    # 1366×768 at 150 % with 150 % text: the main window is 911 px wide. The free texts (names, what)
    # give way; the dates, the case number and the CPR number are never shortened (ui/column_fit.py).
    from caseworker_app.ui.mainwindow import MainWindow, Tab
    from caseworker_app.ui.text_size import apply_text_size
    from tests.ui.column_check import elided as _elided
    from tests.ui.column_check import shown_text

    apply_text_size(150)
    try:
        store.create_case(
            citizen="Mette Nielsen-Kristoffersen",
            case_ref="2018-0414",
            cpr="0101621234",
            trial_id="T08",
            dates={"hire": date(2018, 7, 20)},  # followed up by 20-01-2021, a Wednesday: overdue
        )
        store.create_case(
            citizen="Rikke Bruun",
            case_ref="2018-0415",
            trial_id="T08",
            dates={"hire": date(2018, 7, 23)},  # by 23-01-2021, a Saturday: in practice Friday 22-01-2021
        )
        window = MainWindow(store, today=lambda: date(2021, 2, 1))
        qtbot.addWidget(window)
        window.resize(911, 440)
        window.show()
        qtbot.waitExposed(window)
        view = window.deadline_view
        qtbot.waitUntil(lambda: view.model().rowCount(view.model().index(0, 0)) > 0)
        row = view.model().index(0, 0, view.model().index(0, 0))
        assert row.data().startswith("! ")  # overdue: bold, the widest date
        assert _elided(view, 0, [0, 1, 3]) == []  # Frist, Senest i praksis, Sagsnr.
        assert view.model().index(1, 1, view.model().index(0, 0)).data().startswith("fre 22-01-2021 (fristen")
        assert shown_text(view, 1, 1).startswith("fre 22-01-2021 ")  # its explanation may be shortened
        assert view.horizontalScrollBar().maximum() == 0
        window.tabs.setCurrentIndex(Tab.CASES)
        cases = window.case_view
        qtbot.waitUntil(lambda: cases.model().rowCount() > 0)
        assert _elided(cases, 0, [1, 2, 6]) == []  # Sagsnr., CPR, Næste frist
        assert _elided(cases, 0, [0]) == ["Mette Nielsen-Kristoffersen"]  # the name gives way
        assert cases.horizontalScrollBar().maximum() == 0
    finally:
        apply_text_size(100)


def test_the_scope_line_wraps_rather_than_widen_the_window(qtbot):
    from caseworker_app.ui.caseworker_filter import CaseworkerChoice, ScopeLine

    choice = CaseworkerChoice(None, "sager")
    qtbot.addWidget(choice)
    line = ScopeLine(choice, "sager")
    qtbot.addWidget(line)
    # The longest wording: a caseworker's own cases and those without one, matching a search.
    line.label.setText(
        "Viser Anne-Marie Christensen-Vestergaards sager og sager uden sagsbehandler, der passer til søgningen"
        " – 2 af 37"
    )
    wide = line.label.fontMetrics().horizontalAdvance(line.label.text())
    # Its least width is far below the text's one-line width, so the window can stay on a 911 px screen.
    assert line.minimumSizeHint().width() < wide / 2
    line.resize(400, 200)
    line.show()
    qtbot.waitUntil(lambda: line.label.height() > line.label.fontMetrics().height() * 1.5)  # two lines or more


def _case_window_at_911_px_with_150_percent_text(qtbot, store, trial: str, dates: dict) -> CaseWindow:
    """A case window on 1366×768 at 150 % with 150 % text: 911×440 (the screen less the title bar)."""
    case_id = store.create_case(citizen="Claus Nørgaard", case_ref="2020-0624", trial_id=trial, dates=dates)
    window = CaseWindow(store, case_id, today=lambda: date(2021, 2, 1))
    qtbot.addWidget(window)
    window.resize(911, 440)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_long_date_label_wraps_rather_than_widen_the_form_beside_the_deadlines(qtbot, store):
    # T06's "Forlængelsens start (uden forelæggelse for rehabiliteringsteamet):" kept its one line:
    # the form took 640 of the 911 px, the deadlines beside it 240 px and scrolled sideways.
    from caseworker_app.ui.text_size import apply_text_size

    apply_text_size(150)
    try:
        window = _case_window_at_911_px_with_150_percent_text(
            qtbot, store, "T06", {"extension_start": date(2020, 10, 1)}
        )
        [label] = [window.form.form.labelForField(box) for box in window.date_boxes.values()]
        field = window.date_boxes["extension_start"]
        qtbot.waitUntil(lambda: label.height() > label.fontMetrics().lineSpacing() * 1.5)  # two lines or more
        assert label.geometry().right() <= field.geometry().right()  # not cut at the form's edge
        assert window.form_scroll.width() < window.width() // 2
        assert window.form_scroll.horizontalScrollBar().maximum() == 0
        assert window.deadlines.scroll_area.horizontalScrollBar().maximum() == 0
    finally:
        apply_text_size(100)


def test_the_first_deadlines_senest_i_praksis_line_is_seen_whole_beside_the_history(qtbot, store):
    # T16, first absence day 09-10-2020, follow-up 02-01-2021: the next follow-up is due Saturday
    # 30-01-2021, in practice Friday 29-01-2021, overdue on 01-02-2021. At 911×440 with 150 % text
    # its first line takes three lines, the pane showed less than three, the history two rows.
    from caseworker_app.ui.text_size import apply_text_size

    apply_text_size(150)
    try:
        window = _case_window_at_911_px_with_150_percent_text(qtbot, store, "T16", {"absence_start": date(2020, 10, 9)})
        window.store.add_event(window.case_id, day=date(2021, 1, 2), kind="followup", form="personligt")
        window.load()
        pane = window.deadlines
        [text] = window.deadline_texts()
        first_line = text.splitlines()[0]
        assert first_line == (
            "Næste opfølgning: frist 30-01-2021 – senest i praksis fre 29-01-2021 (fristen 30-01-2021 er en "
            "lørdag) – ! overskredet"
        )
        box = pane.labels[0]
        assert box.fontMetrics().horizontalAdvance(first_line) > 2 * box.width()  # three lines at this width
        # The box's first line alone, as the box shows it: its height is what must be in view.
        head = QLabel(box.text().split("<br>")[0])
        head.setWordWrap(True)
        head.setFrameShape(box.frameShape())
        head.setContentsMargins(box.contentsMargins())
        head.setFont(box.font())
        head.ensurePolished()
        viewport = pane.scroll_area.viewport()
        qtbot.waitUntil(lambda: viewport.height() >= head.heightForWidth(box.width()))
        # The history keeps its first row in view.
        view = window.history.view
        assert 0 < view.visualRect(view.model().index(0, 0)).height() <= view.viewport().height()
    finally:
        apply_text_size(100)
