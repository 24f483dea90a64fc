"""The print and export dialogs as a caseworker uses them, on the demo database of a fixed day.

Nothing modal blocks: Qt's file, print and preview dialogs and the message boxes are replaced for
each test (as novelWriter's tests do), and the print dialogs' own buttons are clicked with qtbot.
"""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from caseworker_app.cli import main
from caseworker_app.store import CaseStore
from caseworker_app.store.demo import create_demo_database
from caseworker_app.ui.printing import export_dialogs
from caseworker_app.ui.printing.dialogs import CalendarPrintDialog, PlanPrintDialog, print_case_plan
from tests.damaged_demo import damage
from tests.demo_facts import DEMO_DEADLINES
from tests.pdf import pdf_text

TODAY = date(2026, 11, 23)  # a Monday; the demo's dates are counted back from it
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo_database(path, TODAY)
    return path


@pytest.fixture
def store(demo_file, tmp_path):
    path = tmp_path / "sager.db"
    shutil.copy(demo_file, path)
    case_store = CaseStore(path, clock=lambda: TODAY)
    yield case_store
    case_store.close()


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path):
    """QSettings (the last export folder) go to an INI file in tmp, never the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


class Boxes:
    """QMessageBox's static functions, recorded instead of shown."""

    def __init__(self, monkeypatch):
        self.calls: list[tuple[str, str, str]] = []
        for kind in ("information", "warning", "critical", "question"):
            monkeypatch.setattr(QMessageBox, kind, self._box(kind))

    def _box(self, kind):
        def box(parent, title, text, *args, **kwargs):
            self.calls.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return box


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> Boxes:
    return Boxes(monkeypatch)


class SaveAs:
    """QFileDialog.getSaveFileName: answers with the queued path (and filter), records the call."""

    def __init__(self, monkeypatch):
        self.answers: list[tuple[str, str]] = []
        self.calls: list[tuple[str, str, str]] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._ask)

    def answer(self, path, used_filter: str = "") -> None:
        self.answers.append((str(path), used_filter))

    def _ask(self, parent, title, start, filters, selected="", *args):
        self.calls.append((title, start, filters))
        if not self.answers:
            return "", ""  # the user pressed Annuller
        path, used = self.answers.pop(0)
        return path, used or selected


@pytest.fixture(autouse=True)
def save_as(monkeypatch) -> SaveAs:
    return SaveAs(monkeypatch)


@pytest.fixture
def calendar_dialog(qtbot, store):
    """The dialog on "Denne måned" (November 2026), which the tests below count by hand."""
    dialog = CalendarPrintDialog(store, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.period_combo, "this_month")
    return dialog


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


# ---------------------------------------------------------------- the calendar dialog


def test_the_dialog_opens_on_the_coming_4_weeks_with_the_overdue_ones_first(qtbot, store):
    """A tester printed her calendar on 30-11: "Denne måned" showed 01-11 – 30-11, one overdue
    deadline and none of the coming ones. It opens on the 4 weeks from today now."""
    d = CalendarPrintDialog(store, today=lambda: TODAY)
    qtbot.addWidget(d)
    d.show()
    assert d.period_combo.currentText() == "De næste 4 uger"
    assert (d.from_field.text(), d.to_field.text()) == ("23-11-2026", "20-12-2026")
    # Dorthe Jakobsen 24-11 … Jens Hansen 26-11 (hired 26-05-2024 + 30 months), Lene Berg 27-11
    # (visited 13-11 + 2 weeks), Lars Pedersen 10-12 (follow-up 10-06-2024 + 30 months) … Rasmus
    # Schmidt 15-12: 12; the 11 overdue on 23-11 come first.
    assert d.summary_label.text() == "12 frister i perioden – og 11 overskredet før perioden."


def test_period_choices_fill_the_dates(calendar_dialog):
    d = calendar_dialog
    assert [d.period_combo.itemText(i) for i in range(d.period_combo.count())] == [
        "De næste 4 uger",
        "Denne uge",
        "Næste uge",
        "Denne måned",
        "Næste måned",
        "Dette kvartal",
        "Næste kvartal",
        "Fra–til …",
    ]
    assert (d.from_field.text(), d.to_field.text()) == ("01-11-2026", "30-11-2026")
    assert d.from_field.isReadOnly()
    choose(d.period_combo, "next_quarter")
    assert (d.from_field.text(), d.to_field.text()) == ("01-01-2027", "31-03-2027")
    choose(d.period_combo, "next_week")  # today is Monday 23-11-2026
    assert (d.from_field.text(), d.to_field.text()) == ("30-11-2026", "06-12-2026")
    choose(d.period_combo, "custom")
    assert not d.from_field.isReadOnly() and d.from_field.isEnabled()


def test_summary_counts_what_will_be_printed(calendar_dialog):
    d = calendar_dialog
    # November 2026 in the demo: 14 deadlines (Lene Berg's T04 contact 27-11 among them), 7 of them
    # overdue on 23-11-2026 (Mette Nielsen 11-11 … Pia Poulsen 21-11); overdue before November:
    # Ahmad Hassan 22-09, Nadia Rahimi and Søren Madsen 23-10, and Heidi Mikkelsen's T06 extension,
    # which ended with the trial on 31-12-2025 (decision 12).
    assert d.summary_label.text() == ("14 frister i perioden, heraf 7 overskredet – og 4 overskredet før perioden.")
    choose(d.trial_combo, "T08")
    d.overdue_check.setChecked(True)
    assert d.summary_label.text() == ("1 frist i perioden, heraf 1 overskredet – og 1 overskredet før perioden.")


def test_trial_and_caseworker_choices_come_from_the_active_cases(calendar_dialog):
    d = calendar_dialog
    assert d.trial_combo.itemText(0) == "Alle forsøg"
    assert d.trial_combo.findData("T08") > 0
    # As on the Frister tab: the caseworker's own name first (the demo's is Anne Jensen), then everyone's.
    assert [d.caseworker_combo.itemText(i) for i in range(d.caseworker_combo.count())] == [
        "Anne Jensen (mig)",
        "Alle sagsbehandlere",
        "Louise Holm",
        "Mads Kristensen",
        "Peter Nielsen",
    ]
    assert d.caseworker_combo.currentText() == "Alle sagsbehandlere"  # no window to remember a choice in


def test_gem_som_pdf_writes_the_calendar_the_command_line_writes(qtbot, calendar_dialog, save_as, tmp_path, store):
    d = calendar_dialog
    d.caseworker_combo.show_own()
    save_as.answer(tmp_path / "kalender")  # no ending typed: .pdf is added
    qtbot.mouseClick(d.pdf_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "kalender.pdf"
    assert d.last_pdf == saved
    assert re.fullmatch(rf"Gemt som {re.escape(str(saved))} \((1 side|\d+ sider)\)\.", d.status_label.text())
    [(title, start, filters)] = save_as.calls
    assert title == "Gem som PDF" and filters == "PDF-filer (*.pdf)"
    assert start.endswith("Opfølgningskalender 01-11-2026 til 30-11-2026.pdf")
    text = pdf_text(saved)
    assert "Opfølgningskalender" in text
    assert re.search(r"Periode:\s+01-11-2026 – 30-11-2026", text)
    assert re.search(r"Sagsbehandler:\s+Anne Jensen", text)
    assert re.search(r"ons 11-11-2026\s+samme dag\s+Mette Nielsen", text)
    assert "side 1 af " in text
    assert "Søren Madsen" not in text  # Mads Kristensen's case

    from_cli = tmp_path / "cli.pdf"
    assert (
        main(
            [
                "calendar",
                "--db",
                str(store.path),
                "--from",
                "01-11-2026",
                "--to",
                "30-11-2026",
                "--caseworker",
                "Anne Jensen",
                "--today",
                "23-11-2026",
                "--pdf",
                str(from_cli),
            ]
        )
        == 0
    )
    assert pdf_text(from_cli) == text


def test_overdue_deadlines_from_before_the_period_can_be_left_out_and_the_page_says_how_many(
    qtbot, calendar_dialog, save_as, tmp_path
):
    d = calendar_dialog
    choose(d.period_combo, "this_week")  # Monday 23-11 – Sunday 29-11-2026
    assert d.before_check.text() == "Medtag &overskredne frister fra før perioden"
    assert d.before_check.isChecked()  # on when the dialog opens: nothing late is hidden unasked
    # In the week: Dorthe Jakobsen 24-11, Anja Winther and Camilla Henriksen 25-11, Jens Hansen
    # 26-11, Niels Thomsen and Lene Berg 27-11. Before it, the 11 overdue on 23-11-2026 (Ahmad
    # Hassan 22-09 …).
    assert d.summary_label.text() == "6 frister i perioden – og 11 overskredet før perioden."
    qtbot.mouseClick(d.before_check, Qt.MouseButton.LeftButton)
    assert not d.before_check.isChecked()
    assert d.summary_label.text() == "6 frister i perioden. 11 overskredne frister fra før perioden er ikke med."

    save_as.answer(tmp_path / "uge.pdf")
    qtbot.mouseClick(d.pdf_button, Qt.MouseButton.LeftButton)
    text = pdf_text(tmp_path / "uge.pdf")
    assert re.search(r"Udvalg:\s+Alle forsøg, alle sagsbehandlere, uden overskredne frister fra før perioden", text)
    assert re.search(r"11\s+overskredne\s+frister\s+fra\s+før\s+perioden\s+er\s+ikke\s+med\.", text)
    assert "Overskredet før perioden" not in text
    assert "Mette Nielsen" not in text and "Ahmad Hassan" not in text  # overdue 11-11 and 22-09
    assert "Uge 48 – 2026" in text and "Niels Thomsen" in text
    assert "side 1 af 1" in text


def test_a_wrong_date_is_shown_at_its_field_and_nothing_is_asked_or_written(qtbot, calendar_dialog, save_as):
    d = calendar_dialog
    choose(d.period_combo, "custom")
    d.from_field.setText("31-02-2026")
    qtbot.mouseClick(d.pdf_button, Qt.MouseButton.LeftButton)
    assert "'31-02-2026': den dag findes ikke – februar 2026 har 28 dage." in d.from_box.error()
    assert save_as.calls == []
    d.from_field.setText("01-12-2026")
    d.to_field.setText("30-11-2026")
    qtbot.mouseClick(d.pdf_button, Qt.MouseButton.LeftButton)
    assert d.to_box.error() == "Perioden slutter 30-11-2026, før den begynder 01-12-2026."
    assert save_as.calls == []


def test_a_pdf_that_cannot_be_written_is_explained(qtbot, calendar_dialog, save_as, boxes, tmp_path):
    target = tmp_path / "findes-ikke" / "k.pdf"
    save_as.answer(target)
    qtbot.mouseClick(calendar_dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert boxes.calls == [("warning", "Gem som PDF", f"Kan ikke gemme {target}: mappen {target.parent} findes ikke.")]
    assert not target.parent.exists()


def test_vis_udskrift_shows_the_pages_in_a_danish_preview(qtbot, calendar_dialog, monkeypatch):
    seen = {}

    def show_preview(dialog):
        dialog.show()
        widget = dialog.findChild(QPrintPreviewWidget)
        widget.updatePreview()
        seen["title"] = dialog.windowTitle()
        seen["pages"] = widget.pageCount()
        seen["landscape"] = dialog.printer().pageLayout().orientation()
        dialog.close()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show_preview)
    calendar_dialog.months_radio.setChecked(True)
    qtbot.mouseClick(calendar_dialog.preview_button, Qt.MouseButton.LeftButton)
    assert seen["title"] == "Vis udskrift – Opfølgningskalender"
    # First page: heading and the overdue-before list; then November as a landscape grid.
    assert seen["pages"] == 2
    assert seen["landscape"].name == "Landscape"


def test_udskriv_prints_on_the_chosen_printer_and_cancel_prints_nothing(qtbot, calendar_dialog, monkeypatch, tmp_path):
    answers = [QDialog.DialogCode.Rejected, QDialog.DialogCode.Accepted]
    target = tmp_path / "printer.pdf"

    def choose_printer(dialog):
        # The 'printer' the user picks: Qt's own PDF printer, so the output can be read.
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return answers.pop(0)

    monkeypatch.setattr(QPrintDialog, "exec", choose_printer)
    qtbot.mouseClick(calendar_dialog.print_button, Qt.MouseButton.LeftButton)
    assert not target.exists()
    qtbot.mouseClick(calendar_dialog.print_button, Qt.MouseButton.LeftButton)
    assert "Mette Nielsen" in pdf_text(target)
    assert calendar_dialog.status_label.text().startswith("Sendt til printeren (")


# ---------------------------------------------------------------- the plan


def test_print_case_plan_saves_the_citizens_version(qtbot, store, save_as, tmp_path, monkeypatch):
    opened = []

    def act(dialog):
        opened.append(dialog)
        dialog.citizen_radio.setChecked(True)
        save_as.answer(tmp_path / "plan.pdf")
        dialog.save_pdf()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PlanPrintDialog, "exec", act)
    print_case_plan(store, 2)  # Mette Nielsen, as the case window calls it
    [dialog] = opened
    assert dialog.windowTitle() == "Udskriv plan – Mette Nielsen (2024-0414)"
    assert save_as.calls[0][1].endswith("Opfølgningsplan Mette Nielsen 23-11-2026.pdf")
    text = pdf_text(tmp_path / "plan.pdf")
    assert "Din opfølgningsplan" in text
    # Mette Nielsen's follow-up was due 11-11-2026: the municipality missed it, so the citizen
    # reads that we will be in touch, not "OVERSKREDET".
    flat = " ".join(text.split())
    assert "Hurtigst muligt Opfølgning: vi kontakter dig hurtigst muligt for at aftale tidspunktet." in flat
    assert "OVERSKREDET" not in text
    assert "side 1 af 1" in text


def test_a_plan_for_a_case_without_a_caseworker_never_names_the_one_printing_as_its_caseworker(
    qtbot, store, save_as, tmp_path
):
    # A tester: a case with no caseworker printed "Sagsbehandler: Anne Jensen" (the name under
    # Indstillinger, hers who printed it). The window's print and `plan` say the same: none registered.
    case_id = store.create_case(
        citizen="Karen Testesen", case_ref="2026-0999", trial_id="T08", dates={"hire": date(2026, 5, 26)}
    )
    assert store.settings().caseworker_name == "Anne Jensen"
    dialog = PlanPrintDialog(store, case_id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    pdfs = {}
    for version, radio in (("sagen", dialog.file_radio), ("borgeren", dialog.citizen_radio)):
        radio.setChecked(True)
        pdfs[version] = tmp_path / f"vindue-{version}.pdf"
        save_as.answer(pdfs[version])
        dialog.save_pdf()
        flag = ["--for-citizen"] if version == "borgeren" else []
        cli = tmp_path / f"kommando-{version}.pdf"
        argv = [
            "plan",
            "--db",
            str(store.path),
            "--case",
            "2026-0999",
            *flag,
            "--today",
            "23-11-2026",
            "--pdf",
            str(cli),
        ]
        assert main(argv) == 0
        assert pdf_text(cli) == pdf_text(pdfs[version])  # the command line prints the window's page

    for_file = pdf_text(pdfs["sagen"])
    assert re.search(r"Sagsbehandler:\s+ingen registreret\n", for_file)
    assert re.search(r"Udskrevet af:\s+Anne Jensen\n", for_file)  # named as the one who printed it
    assert for_file.count("Anne Jensen") == 1
    for_citizen = pdf_text(pdfs["borgeren"])
    assert "sagsbehandler:" not in for_citizen.casefold()  # no name to call: the municipality is
    assert "Anne Jensen" not in for_citizen
    assert "Har du spørgsmål, så kontakt kommunen." in " ".join(for_citizen.split())


def test_a_plan_names_the_case_s_own_caseworker_not_the_one_printing(qtbot, store, save_as, tmp_path):
    case_id = store.create_case(
        citizen="Karen Testesen",
        case_ref="2026-0998",
        trial_id="T08",
        dates={"hire": date(2026, 5, 26)},
        caseworker="Mads Kristensen",
    )
    dialog = PlanPrintDialog(store, case_id, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    save_as.answer(tmp_path / "plan.pdf")
    dialog.save_pdf()
    text = pdf_text(tmp_path / "plan.pdf")
    assert re.search(r"Sagsbehandler:\s+Mads Kristensen\n", text)
    assert re.search(r"Udskrevet af:\s+Anne Jensen\n", text)


def test_the_plan_dialogs_preview_of_a_t07_case_shows_the_earlier_date_as_the_command_line_does(qtbot, store):
    # Plan not adjusted 03-05-2021, printed 01-06-2021: due 03-11-2021; not adjusted again then, due
    # the day after T07 ends 31-12-2021, in practice Thursday 30-12-2021 (adjusted: 03-05-2022).
    case_id = store.create_case(
        citizen="Karen Testesen", case_ref="T07-1", trial_id="T07", dates={"visitation": date(2021, 1, 31)}
    )
    store.add_event(case_id, day=date(2021, 5, 3), kind="plan_not_adjusted")
    dialog = PlanPrintDialog(store, case_id, today=lambda: date(2021, 6, 1))
    qtbot.addWidget(dialog)
    dialog.citizen_radio.setChecked(True)
    html = dialog.job().html  # what the preview, the printer and the PDF button paint
    assert "Senest tor 30-12-2021" in html
    assert "03-05-2022" not in html
    dialog.file_radio.setChecked(True)
    assert "med indsatsplan justeret bliver fristen 03-05-2022" in dialog.job().html


def test_a_closed_case_has_no_plan_to_print(store, boxes, monkeypatch):
    closed = next(c for c in store.list_cases() if c.status == "afsluttet")
    monkeypatch.setattr(PlanPrintDialog, "exec", lambda self: pytest.fail("opened"))
    assert print_case_plan(store, closed.id) == 0
    [(kind, title, text)] = boxes.calls
    assert (kind, title) == ("warning", "Udskriv plan")
    assert text.startswith(f"Sagen for {closed.citizen} ({closed.case_ref}) er afsluttet")


def test_a_case_that_cannot_be_computed_has_no_plan_to_print(qtbot, demo_file, tmp_path, boxes, monkeypatch):
    path = tmp_path / "sager.db"
    shutil.copy(demo_file, path)
    damage(path)  # among others: Heidi Mikkelsen (2025-0617, nr. 31) lost her extension's start
    opened = []
    monkeypatch.setattr(PlanPrintDialog, "exec", lambda self: opened.append(self) or 0)
    with CaseStore(path, clock=lambda: TODAY) as damaged:
        print_case_plan(damaged, 31)
    assert opened == []  # refused before the dialog opens, as for a closed case
    [(kind, title, text)] = boxes.calls
    assert (kind, title) == ("warning", "Udskriv plan")
    assert text == (
        "Sag 2025-0617 (nr. 31) kan ikke beregnes: mangler datoen for forlængelsens start (uden forelæggelse "
        "for rehabiliteringsteamet). Planen udskrives ikke: ret sagen i sagsvinduet, eller bed IT kontrollere "
        "forsøgskataloget og databasen."
    )


# ---------------------------------------------------------------- exports


def test_export_to_outlook(store, save_as, boxes, tmp_path):
    save_as.answer(tmp_path / "frister")
    result = export_dialogs.export_ics_dialog(store, None, today=lambda: TODAY)
    assert result.path == tmp_path / "frister.ics"
    text = result.path.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == DEMO_DEADLINES
    assert "SUMMARY:Opfølgning: Jens Hansen (T08)" in text  # due 26-11-2026
    assert "SUMMARY:Opfølgning: Mette Nielsen (T08)" in text  # due 11-11-2026: overdue, said in its description
    assert "OVERSKREDET" not in text and "DESCRIPTION:Overskredet pr. " in text
    assert "010162" not in text  # Jens Hansen's demo CPR number
    [(kind, title, message)] = boxes.calls
    assert (kind, title) == ("information", "Eksportér til Outlook")
    # The 11 overdue on 23-11-2026 (see test_summary_counts_what_will_be_printed) lie before today.
    assert message.startswith(
        f"{DEMO_DEADLINES} frister er gemt i {result.path}.\n\n"
        "⚠ 11 af fristerne er overskredet og står på datoer før i dag i Outlook – se dem under Frister.\n\n"
        "Åbn filen i Outlook"
    )
    assert store.ics_state()[1]  # the state for the next export is kept


def test_export_to_outlook_says_how_many_events_it_cancels(store, save_as, boxes, tmp_path):
    save_as.answer(tmp_path / "frister")
    export_dialogs.export_ics_dialog(store, None, today=lambda: TODAY)
    # Mette Nielsen's case closed: her deadline (11-11-2026, one of the 11 overdue) is cancelled.
    store.close_case(2, reason="fastholdt i løntilskudsjob", day=TODAY)
    save_as.answer(tmp_path / "frister")
    result = export_dialogs.export_ics_dialog(store, None, today=lambda: TODAY)
    assert result.path.read_text(encoding="utf-8").count("STATUS:CANCELLED") == 1
    assert boxes.calls[-1][2].startswith(
        f"{DEMO_DEADLINES - 1} frister er gemt i {result.path}.\n\n"
        "1 aftale i Outlook aflyses: fristen findes ikke længere (sagen er afsluttet eller slettet, "
        "eller fristen er overholdt eller bortfaldet).\n\n"
        "⚠ 10 af fristerne er overskredet og står på datoer før i dag i Outlook – se dem under Frister.\n\n"
    )


def test_export_deadlines_as_csv_when_that_filter_is_chosen(store, save_as, boxes, tmp_path):
    save_as.answer(tmp_path / "frister", "CSV til Excel (*.csv)")
    result = export_dialogs.export_deadlines_dialog(store, None, today=lambda: TODAY)
    assert result.path == tmp_path / "frister.csv"
    lines = result.path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Borger;Sagsnr. (FASIT);Forsøg;")
    assert len(lines) == 1 + DEMO_DEADLINES  # the heading and a row each
    assert save_as.calls[0][1].endswith("Frister 23-11-2026.xlsx")
    assert boxes.calls[0][2] == f"{DEMO_DEADLINES} frister er gemt i {result.path}."


def test_export_cases_as_xlsx_and_cancel_writes_nothing(store, save_as, boxes, tmp_path):
    assert export_dialogs.export_cases_dialog(store, None, today=lambda: TODAY) is None
    assert boxes.calls == [] and list(tmp_path.glob("*.xlsx")) == []
    save_as.answer(tmp_path / "sager.xlsx")
    result = export_dialogs.export_cases_dialog(store, None, today=lambda: TODAY)
    assert result.path.read_bytes().startswith(b"PK")  # a zip: an .xlsx workbook
    assert boxes.calls[0][2] == (f"{len(store.list_cases())} sager er gemt i {result.path} (også afsluttede sager).")


def test_the_database_file_is_never_written_over(store, save_as, boxes):
    before = store.path.read_bytes()
    save_as.answer(store.path)
    assert export_dialogs.export_ics_dialog(store, None, today=lambda: TODAY) is None
    assert boxes.calls == [
        ("warning", "Eksportér til Outlook", f"Kan ikke gemme {store.path}: filnavnet skal ende på .ics."),
    ]
    assert store.path.read_bytes() == before


# ---------------------------------------------------------------- the main window


def test_main_window_menus_open_the_dialogs(qtbot, store, boxes, monkeypatch, tmp_path):
    from caseworker_app.ui.mainwindow import MainWindow, Tab

    window = MainWindow(
        store,
        today=lambda: TODAY,
        settings=QSettings(str(tmp_path / "vindue.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    printing = [a.text() for a in menus["&Udskriv"].actions()]
    files = [a.text() for a in menus["&Filer"].actions() if a.text()]
    assert printing == ["&Opfølgningskalender …", "&Plan for valgt borger …", "&Evaluering …"]
    assert files[1:4] == [
        "Eksportér til &Outlook (.ics) …",
        "Eksportér &frister til regneark …",
        "Eksportér &sagsliste til regneark …",
    ]
    assert window.print_calendar_action.shortcut().toString() == "Ctrl+P"

    opened = []
    monkeypatch.setattr(QDialog, "exec", lambda self: opened.append(self) or 0)
    window.print_calendar_action.trigger()
    assert isinstance(opened[0], CalendarPrintDialog)

    window.tabs.setCurrentIndex(Tab.CASES)
    window.case_view.clearSelection()
    window.case_view.setCurrentIndex(window.case_model.index(-1, -1))
    window.print_plan_action.trigger()
    assert boxes.calls[-1] == ("information", "Plan for valgt borger", "Vælg først en sag i listen.")
    window.case_view.setCurrentIndex(window.case_model.index(0, 0))
    window.print_plan_action.trigger()
    assert isinstance(opened[1], PlanPrintDialog)


def test_a_wrong_date_is_named_when_the_field_is_left_and_an_old_saved_line_goes(
    qtbot, calendar_dialog, save_as, tmp_path
):
    d = calendar_dialog
    save_as.answer(tmp_path / "kalender.pdf")
    qtbot.mouseClick(d.pdf_button, Qt.MouseButton.LeftButton)
    assert d.status_label.text().startswith("Gemt som ")
    choose(d.period_combo, "custom")  # other choices: the saved file is no longer what they show
    assert d.status_label.text() == ""
    d.from_field.setText("31-11-2026")
    d.from_field.editingFinished.emit()  # Tab out of the field, before any button
    assert d.from_box.error() == "'31-11-2026': den dag findes ikke – november 2026 har 30 dage."
    assert d.summary_label.text() == "Skriv periodens første og sidste dag som dd-mm-åååå."
    d.from_field.setText("01-11-2026")
    d.from_field.editingFinished.emit()
    assert d.from_box.error() == ""
