"""The main window's lists fit their columns to a narrow window (1366×768 at 150 %), and leave a
column the caseworker dragged alone."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QTableView

from caseworker_app.ui.column_fit import FREE, WHOLE, fitted_widths
from caseworker_app.ui.mainwindow import MainWindow, Tab
from tests.ui.column_check import elided as _elided


def test_preferred_widths_are_kept_when_they_fit():
    assert fitted_widths([150, 215, 170], [150, 115, 120], 600) == [150, 215, 170]
    assert fitted_widths([150, 215, 170], [150, 115, 120], 535) == [150, 215, 170]


def test_each_column_gives_the_same_share_of_what_it_has_over_its_minimum():
    # 535 wanted, 435 room: 100 to give of 150 (0 + 100 + 50): two thirds of each one's slack.
    assert fitted_widths([150, 215, 170], [150, 115, 120], 435) == [150, 148, 136]


def test_without_room_for_the_minimums_the_shortened_columns_share_what_there_is():
    # 300 room, 150 kept for the date (never shortened): 150 for minimums of 235, 150/235 of each.
    assert fitted_widths([150, 215, 170], [150, 115, 120], 300) == [150, 73, 76]
    # Never below half a minimum: then the list scrolls sideways.
    assert fitted_widths([150, 215, 170], [150, 115, 120], 100) == [150, 57, 60]


@given(st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), min_size=1, max_size=9), st.integers(0, 3000))
def test_fitted_widths_fit_whenever_half_the_minimums_do(columns, room):
    preferred = [max(a, b) for a, b in columns]
    minimum = [min(a, b) for a, b in columns]
    widths = fitted_widths(preferred, minimum, room)
    least = [want if low >= want else low // 2 for want, low in zip(preferred, minimum, strict=True)]
    assert all(low <= width <= want for low, width, want in zip(least, widths, preferred, strict=True))
    if sum(minimum) <= room:
        assert all(low <= width for low, width in zip(minimum, widths, strict=True))
    if sum(least) <= room:
        assert sum(widths) <= room
    if sum(preferred) <= room:
        assert widths == preferred


def test_whole_columns_give_up_their_brackets_first_then_free_ones_give_way():
    # Columns 0 and 2 shown whole (minimum: their text before the brackets); 1 and 3 free texts.
    priority = [WHOLE, FREE, WHOLE, FREE]
    preferred, minimum = [120, 200, 300, 100], [120, 80, 150, 60]
    # 720 wanted, 620 room: column 2's brackets give 100 of their 150, the free ones nothing.
    assert fitted_widths(preferred, minimum, 620, priority) == [120, 200, 200, 100]
    # 480 room: the brackets gone (570), the free ones give 90 of their 160: 9/16 of each, rounded up.
    assert fitted_widths(preferred, minimum, 480, priority) == [120, 132, 150, 77]
    # 340 room: the whole ones at their minimums (270); the free ones share 70 of their 140.
    assert fitted_widths(preferred, minimum, 340, priority) == [120, 40, 150, 30]


def _drag_edge(qtbot, view: QTableView, column: int, new_width: int) -> None:
    """As a caseworker's drag of a column's right edge: the button held while the column resizes."""
    header = view.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) - 1, 5)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    header.resizeSection(column, new_width)
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=at)


def test_a_narrow_window_shows_every_named_column_and_a_dragged_one_stays(qtbot, store, today):
    store.create_case(citizen="Jens Hansen", case_ref="2021-1001", trial_id="T08", dates={"hire": date(2018, 8, 31)})
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.resize(910, 490)  # 1366×768 at 150 %, the taskbar off
    window.show()
    qtbot.waitExposed(window)
    header = window.deadline_view.header()
    assert header.sectionPosition(header.count() - 1) < window.deadline_view.viewport().width()  # "Hvad" whole
    assert not _elided(window.deadline_view, 0, [0, 3])  # the date and the case number never shortened
    window.tabs.setCurrentIndex(Tab.CASES)
    header = window.case_view.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionPosition(header.count() - 1) < window.case_view.viewport().width())

    _drag_edge(qtbot, window.case_view, 0, 300)
    window.resize(1300, 700)
    QApplication.processEvents()

    assert window.case_columns.user_sized
    assert header.sectionSize(0) == 300  # the caseworker's width, not fitted again


def test_a_window_made_wider_and_narrower_again_keeps_fitting(qtbot, store, today):
    store.create_case(
        citizen="Jens Christian Vestergaard",
        case_ref="2021-1001",
        trial_id="T08",
        dates={"hire": date(2018, 8, 31)},
    )
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.resize(1300, 700)
    window.show()
    qtbot.waitExposed(window)
    header = window.deadline_view.header()
    wished = header.sectionSize(2)  # room enough: "Borger" as wide as its text
    assert not _elided(window.deadline_view, 0, [2])

    # Narrower than 1366×768 at 150 %: the name gives way. Qt stretches the last column on the way:
    # not the caseworker's doing.
    window.resize(760, 490)
    QApplication.processEvents()

    assert not window.deadline_columns.user_sized
    assert header.sectionSize(2) < wished
    assert header.sectionPosition(header.count() - 1) < window.deadline_view.viewport().width()


def test_a_window_border_dragged_with_the_button_held_is_not_a_column_drag(qtbot, store, today, monkeypatch):
    # On Windows Qt reads the button as held while the window's border is dragged (GetAsyncKeyState);
    # Qt then stretches the last column. That is not the caseworker sizing a column: the lists go on fitting.
    from caseworker_app.ui import column_fit

    class Held:
        @staticmethod
        def mouseButtons():  # noqa: N802 - Qt's name
            return Qt.MouseButton.LeftButton

    store.create_case(citizen="Jens Hansen", case_ref="2021-1001", trial_id="T08", dates={"hire": date(2018, 8, 31)})
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.resize(1300, 700)
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr(column_fit, "QGuiApplication", Held)

    window.resize(910, 490)
    QApplication.processEvents()
    window.resize(1000, 600)
    QApplication.processEvents()

    assert not window.deadline_columns.user_sized and not window.case_columns.user_sized


def test_a_shortened_cells_tooltip_holds_its_whole_text_above_the_rows(qtbot, store, today):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    store.create_case(
        citizen="Jens Christian Vestergaard", case_ref="2021-1001", trial_id="T08", dates={"hire": date(2018, 8, 31)}
    )
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.resize(700, 490)  # the name shortened
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(Tab.CASES)
    view = window.case_view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    assert _elided(view, 0, [0]) == ["Jens Christian Vestergaard"]
    index = view.model().index(0, 0)
    at = view.visualRect(index).center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at)))
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == "Jens Christian Vestergaard\n\n" + index.data(Qt.ItemDataRole.ToolTipRole)
    QToolTip.hideText()


def test_a_columns_title_gives_way_only_once_the_free_texts_are_at_their_least():
    # Columns 0 and 1 shown whole; 1's texts need 40 but its title 73 ("Forsøg" over "T08"); 2 a name.
    priority, titled = [WHOLE, WHOLE, FREE], [100, 40, 90]
    preferred, minimum = [100, 73, 180], [100, 73, 90]
    # 300 room: the name gives 53 of its 90 to spare; the title is whole.
    assert fitted_widths(preferred, minimum, 300, priority, titled) == [100, 73, 127]
    # 240 room: the name at its least (90); the title gives 23 of its 33.
    assert fitted_widths(preferred, minimum, 240, priority, titled) == [100, 50, 90]
    # 200 room: the title down to its texts (40), then the name below its least, to 60.
    assert fitted_widths(preferred, minimum, 200, priority, titled) == [100, 40, 60]


def _cases_at_911_px_with_150_percent_text(qtbot, store, today):
    """1366×768 at 150 % with 150 % text: the main window 911 px wide, on the Sager tab."""
    from caseworker_app.ui.text_size import apply_text_size

    for n, (citizen, trial) in enumerate(
        (("Mette Nielsen-Kristoffersen", "T08"), ("Rasmus Schmidt-Vestergaard", "T08"), ("Lene Berg", "T08"))
    ):
        store.create_case(
            citizen=citizen,
            case_ref=f"2018-041{n}",
            cpr="0101621234" if n == 0 else None,
            trial_id=trial,
            caseworker="Anne-Marie Christensen",
            dates={"hire": date(2018, 7, 20 + n)},
        )
    apply_text_size(150)
    window = MainWindow(store, today=today)
    qtbot.addWidget(window)
    window.resize(911, 440)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(Tab.CASES)
    qtbot.waitUntil(lambda: window.case_view.model().rowCount() == 3)
    return window


def _tooltip_over_title(qtbot, header, column: int) -> str:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    QToolTip.hideText()
    at = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, at, header.viewport().mapToGlobal(at))
    QApplication.sendEvent(header.viewport(), event)
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return text


def test_at_911_px_with_150_percent_text_a_cut_title_shows_an_ellipsis_and_its_whole_text_as_tooltip(
    qtbot, store, today
):
    from caseworker_app.ui.overview import CaseColumn
    from caseworker_app.ui.text_size import apply_text_size

    try:
        window = _cases_at_911_px_with_150_percent_text(qtbot, store, today)
        header = window.case_view.horizontalHeader()
        model = window.case_view.model()
        # What each title needs, as Qt measures it with no sort arrow (the sorted column: with its arrow).
        header.setSortIndicatorShown(False)
        needs = [header.sectionSizeFromContents(column).width() for column in range(header.count())]
        header.setSortIndicatorShown(True)
        needs[header.sortIndicatorSection()] = header.sectionSizeFromContents(header.sortIndicatorSection()).width()

        def cut(column: int) -> bool:
            return needs[column] > header.sectionSize(column)

        assert cut(CaseColumn.CASEWORKER) and cut(CaseColumn.STATUS)  # the testers' two
        # Qt clipped a cut title without "…": it shortens it with one now.
        assert header.textElideMode() == Qt.TextElideMode.ElideRight
        for column in range(header.count() - 1):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            assert _tooltip_over_title(qtbot, header, column) == (title if cut(column) else ""), title
    finally:
        apply_text_size(100)


def test_at_911_px_with_150_percent_text_the_first_fit_shows_names_and_gives_no_room_to_a_sort_arrow(
    qtbot, store, today
):
    from PySide6.QtWidgets import QStyle

    from caseworker_app.ui.overview import CaseColumn
    from caseworker_app.ui.text_size import apply_text_size
    from tests.ui.column_check import shown_text

    try:
        window = _cases_at_911_px_with_150_percent_text(qtbot, store, today)
        cases = window.case_view
        header = cases.horizontalHeader()
        QApplication.processEvents()
        first = [header.sectionSize(column) for column in range(header.count())]
        # The arrow is drawn in the sorted column only (Næste frist); Qt's measure gave every title
        # its room: 100 px for "Forsøg" over "T08", and the names were cut to "Mette …".
        assert header.sortIndicatorSection() == CaseColumn.NEXT_DUE
        arrow = header.height() + header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        assert first[CaseColumn.TRIAL] <= header.sectionSizeFromContents(CaseColumn.TRIAL).width() - arrow
        assert not cases.wordWrap()  # a wrapped name was cut after its first word, "Mette …"
        names = [shown_text(cases, row, CaseColumn.CITIZEN) for row in range(3)]
        assert names[0].startswith("Mette Ni") and names[1].startswith("Rasmus S"), names  # eight letters or more
        assert names[2] == "Lene Berg"
        # The Frister list likewise: "Forsøg" over "T08" gives way before the names (it was 73 px
        # for "T08", the names cut to "Mette …" and "Rasm…"); its tooltip says "Forsøg".
        window.tabs.setCurrentIndex(Tab.DEADLINES)
        tree = window.deadline_view
        qtbot.waitUntil(lambda: tree.isVisible())
        shown = sorted(shown_text(tree, row, 2) for row in range(3))  # Borger, in the first group
        assert shown[1].startswith("Mette N") and shown[2].startswith("Rasmus"), shown
        assert _tooltip_over_title(qtbot, tree.header(), 4) == "Forsøg"
        # The first fit is the fit: a search and its end leave it as it was.
        window.tabs.setCurrentIndex(Tab.CASES)
        window.search_box.setText("Lene")
        qtbot.wait(500)
        window.search_box.setText("")
        qtbot.wait(500)
        assert [header.sectionSize(column) for column in range(header.count())] == first
        # Sorted by Forsøg, its title gets the arrow's room back (measured as Qt does).
        from caseworker_app.ui.elided_tips import header_text_width

        cases.sortByColumn(CaseColumn.TRIAL, Qt.SortOrder.AscendingOrder)
        assert header_text_width(header, CaseColumn.TRIAL) == header.sectionSizeFromContents(CaseColumn.TRIAL).width()
    finally:
        apply_text_size(100)
