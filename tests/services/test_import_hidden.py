"""A list with parts Excel hides, or a sum row under it, imported as a caseworker expects: the visible
follow-up column counts, hidden rows are named (and left out when chosen), a sum row is left out."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from caseworker_app.services import importing
from caseworker_app.store import CaseStore

from ..core.test_import_hidden import hidden_list

TODAY = date(2026, 11, 30)


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        yield store


def preview_of(store, path, **options):
    table = importing.read_source(path)
    mapping = importing.guess_mapping(table.headers, importing.remembered_mapping(store), hidden=table.hidden_columns)
    return importing.build_preview(store, table, mapping, TODAY, **options)


def first_due(preview):
    return {row.draft.citizen: row.first_deadline.legal_due for row in preview.rows}


def test_the_visible_follow_up_column_gives_the_deadline_not_the_hidden_stale_one(store, tmp_path):
    preview = preview_of(store, hidden_list(tmp_path / "skjult.xlsx"))
    assert preview.mapping.fields[4:6] == (None, "last_followup")
    # T08: a follow-up every 12 months from the last one held (F), not from E's 01-04-2024 and 01-05-2024.
    assert first_due(preview) == {
        "Hanne Møller": date(2026, 10, 1),
        "Ib Øst": date(2026, 11, 3),
        "Kim Dal": date(2026, 9, 1),
    }
    assert preview.notes[0] == (
        "Kolonne E 'Sidste opfølgning' er skjult i Excel og bruges ikke: 'Seneste opfølgning' læses fra "
        "kolonne F 'Seneste opfølgning', der er synlig."
    )
    # The stale column is not offered as 'a column of dates not used' either: it is named above.
    assert not any("har datoer, men bruges ikke" in note for note in preview.notes)


def test_a_visible_date_column_left_for_a_hidden_one_says_which_column_has_the_field(store, tmp_path):
    table = importing.read_source(hidden_list(tmp_path / "skjult.xlsx"))
    chosen = importing.guess_mapping(table.headers, hidden=table.hidden_columns).with_field(4, "last_followup")
    preview = importing.build_preview(store, table, chosen, TODAY)
    # What E gives (the tester's wrong deadline): 01-04-2024 + 12 months is 01-04-2025, under the trial
    # rule that ended 31-12-2025; the ordinary rule then makes it due 01-01-2026.
    assert first_due(preview)["Hanne Møller"] == date(2026, 1, 1)
    assert preview.notes == (
        "⚠ Kolonne E 'Sidste opfølgning' er skjult i Excel, men bruges som 'Seneste opfølgning'. En skjult kolonne er "
        "tit en gammel: kontrollér, at det er den rigtige, eller vælg et andet felt til den. Kolonne F 'Seneste "
        "opfølgning' er synlig og kan også være 'Seneste opfølgning'.",
        "⚠ Række 4 er skjult i Excel (fx af et filter), men importeres som de andre. Er det fx en kollegas sager, "
        "så vælg at springe skjulte rækker over.",
    )


def test_a_date_column_left_for_another_of_the_same_field_says_which_one_has_it(store, tmp_path):
    path = tmp_path / "to.csv"
    path.write_bytes(
        "Navn;Sagsnr;Forsøg;Ansat;Sidste opf.;Seneste opfølgning\r\nBo Berg;1;T08;01-03-2024;;01-04-2025\r\n".encode()
    )
    preview = preview_of(store, path)
    assert preview.notes == (
        "⚠ Kolonnen 'Seneste opfølgning' har datoer, men bruges ikke: 'Seneste opfølgning' læses fra kolonne E "
        "'Sidste opf.'. Er det 'Seneste opfølgning', der har den rigtige dato, så vælg 'Seneste opfølgning' til den.",
    )


def test_a_hidden_row_is_imported_with_a_warning_or_left_out_when_chosen(store, tmp_path):
    path = hidden_list(tmp_path / "skjult.xlsx")
    preview = preview_of(store, path)
    assert preview.hidden_rows == (4,)
    assert [row.number for row in preview.rows] == [2, 3, 4]
    assert [row.notices for row in preview.rows] == [(), (), ("Rækken er skjult i Excel (fx af et filter)",)]
    assert "1 række skjult i Excel (⚠, importeres)" in preview.summary()
    assert preview.notes[1].startswith("⚠ Række 4 er skjult i Excel (fx af et filter), men importeres som de andre.")

    left = preview_of(store, path, skip_hidden=True)
    assert [row.number for row in left.rows] == [2, 3]
    assert left.summary() == (
        "3 rækker læst fra skjult.xlsx (arket 'Sheet'); overskrifterne står i række 1. 2 nye sager, "
        "1 række skjult i Excel springes over."
    )
    assert "Række 4 er skjult i Excel (fx af et filter) og springes over, som du har valgt." in left.notes
    result = importing.save_import(store, left)
    assert sorted(case.citizen for case in store.list_cases()) == ["Hanne Møller", "Ib Øst"]
    assert result.summary.startswith("Import nr. 1: 2 sager oprettet")


def test_a_sum_row_under_the_list_is_left_out_with_a_note_not_refused(store, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Navn", "Sagsnr.", "Forsøg", "Ansat", "Timer"])
    sheet.append(["Hanne Møller", "H-1", "T08", date(2025, 3, 3), 30])
    sheet.append(["Ib Øst", "H-2", "T08", date(2025, 6, 2), 25])
    sheet.append(["I alt", None, None, None, "=SUM(E2:E3)"])
    workbook.save(tmp_path / "med_sum.xlsx")
    preview = preview_of(store, tmp_path / "med_sum.xlsx")
    assert preview.errors() == []
    assert [row.number for row in preview.rows] == [2, 3]
    assert preview.total_rows == (4,)
    assert "Række 4 ('I alt') er en sumrække uden sag og springes over." in preview.notes
    assert "2 nye sager, 1 sumrække springes over" in preview.summary()
    importing.save_import(store, preview)
    assert sorted(case.case_ref for case in store.list_cases()) == ["H-1", "H-2"]
