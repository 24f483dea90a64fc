"""The import API the window and the command line share: preview, save, duplicates, undo, the mapping."""

from __future__ import annotations

import sqlite3
from datetime import date

import openpyxl
import pytest

from caseworker_app.services import importing
from caseworker_app.store import CaseStore, ValidationError

TODAY = date(2026, 11, 30)
HEADER = "Navn;Sagsnr;CPR;Forsøg;Ansat;Tilbud;Seneste opfølgning;Sagsbehandler;Bemærkning"


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        yield store


def table(tmp_path, *rows, name="liste.csv"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8-sig"))
    return importing.read_source(path)


def preview_of(store, source):
    mapping = importing.guess_mapping(source.headers, importing.remembered_mapping(store))
    return importing.build_preview(store, source, mapping, TODAY)


def test_each_row_as_it_will_be_saved(store, tmp_path):
    preview = preview_of(
        store,
        table(
            tmp_path,
            "Jens Hansen;2024-0412;010162-0000;T08;01-03-2024;;;Anne Jensen;",
            'Mette Holm;2024-0413;;T08;02.03.2024;15/02/2024;10-05-2024;Anne Jensen;"Ring\nmandag"',
        ),
    )
    jens, mette = preview.rows
    assert (jens.number, jens.draft.citizen, jens.draft.cpr, dict(jens.draft.dates), jens.errors) == (
        2,
        "Jens Hansen",
        "0101620000",
        {"hire": date(2024, 3, 1)},
        (),
    )
    assert (mette.number, dict(mette.draft.dates), mette.draft.last_followup, mette.draft.note) == (
        3,
        {"hire": date(2024, 3, 2), "offer": date(2024, 2, 15)},
        date(2024, 5, 10),
        "Ring\nmandag",
    )
    # The follow-up 10-05-2024 + 12 months = 10-05-2025, passed when T08 ended
    # 31-12-2025 → 01-01-2026 (Nytårsdag; 31-12 is Nytårsaftensdag) → practical Tuesday 30-12-2025.
    assert (mette.first_deadline.legal_due, mette.first_deadline.practical_due) == (
        date(2026, 1, 1),
        date(2025, 12, 30),
    )
    assert preview.summary() == "2 rækker læst fra liste.csv; overskrifterne står i række 1. 2 nye sager."


def test_the_first_deadline_is_the_one_the_window_shows_after_saving(store, tmp_path):
    preview = preview_of(
        store,
        table(
            tmp_path,
            "Jens Hansen;2024-0412;;T08;01-03-2024;;;;",
            "Ida Dam;2025-0001;;T08;01-10-2025;;;;",
            "Bo Berg;2025-0002;;T04;;;;;",  # T04 needs the agreed date: an error, not a deadline
        ),
    )
    importing.save_import(store, preview, only_valid=True)
    window = {}
    for item in store.deadlines(TODAY):
        window.setdefault(item.case.citizen, item.deadline)
    assert {r.draft.citizen: r.first_deadline for r in preview.rows if r.ok} == window
    assert preview.rows[2].first_deadline is None


def test_faults_name_row_column_and_what_to_do(store, tmp_path):
    preview = preview_of(
        store,
        table(
            tmp_path,
            ";2024-0001;;T08;01-03-2024;;;;",
            "Bo Berg;2024-0002;;T08;01-03-2024;01-04-2024;;;",
            "Ida Dam;2024-0003;;T05;01-03-2024;;01-06-2024;;",
            "Ole Bæk;2024-0004;;T08;01-03-2024;;01-02-2024;;",
            "Ole Bæk;2024-0004;;T08;01-03-2024;;;;",
        ),
    )
    assert [e.text for e in preview.errors()] == [
        "Række 2, kolonne 'Navn': Skriv borgerens navn (rækken har '2024-0001', 'T08', '01-03-2024')",
        "Række 3, kolonne 'Tilbud': Tilbud om ansættelse med løntilskud (01-04-2024) kan ikke ligge efter "
        "ansættelse i løntilskud (01-03-2024). Ret en af datoerne",
        "Række 4, kolonne 'Ansat': Forsøg T05 bruger ikke datoen 'ansættelse i løntilskud'. Lad cellen være tom, "
        "eller ret forsøget",
        "Række 4 (ingen kolonne er valgt som 'Visitation'): Forsøg T05 skal have datoen »Start på "
        "kontaktforløbet (visitation)«. Vælg kolonnen med den som 'Visitation'",
        "Række 4, kolonne 'Seneste opfølgning': Forsøg T05 bruger ikke hændelsen 'opfølgning' (det bruger: "
        "samtale). Lad cellen være tom for sager i dette forsøg",
        "Række 5, kolonne 'Seneste opfølgning': Opfølgning 01-02-2024 ligger før ansættelse i løntilskud 01-03-2024",
        "Række 6, kolonne 'Sagsnr': Samme FASIT-sagsnummer og forsøg som række 5. Slet den ene af rækkerne",
    ]
    assert preview.summary() == (
        "5 rækker læst fra liste.csv; overskrifterne står i række 1. 0 nye sager, 5 rækker med fejl."
    )


def test_nothing_is_saved_while_a_row_is_wrong(store, tmp_path):
    preview = preview_of(
        store, table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;;", "Bo Berg;2024-0002;;T08;31-11-2024;;;;")
    )
    with pytest.raises(importing.ImportRefusedError) as caught:
        importing.save_import(store, preview)
    assert str(caught.value) == (
        "1 række har fejl, så intet er gemt. Ret fejlene i regnearket og læs det igen, eller vælg at "
        "importere kun de gyldige rækker."
    )
    assert store.list_cases() == [] and importing.import_batches(store) == []
    result = importing.save_import(store, preview, only_valid=True)
    assert (result.created, result.skipped_invalid, result.summary) == (
        1,
        1,
        "Import nr. 1: 1 sag oprettet, 0 opdateret, 1 række med fejl blev ikke importeret.",
    )


def test_a_row_in_another_encoding_is_a_fault_and_never_saved_as_mojibake(store, tmp_path):
    # UTF-8 like the rest, but for one row saved in Windows-1252 (the tester's 'Ã¸' case).
    path = tmp_path / "blandet.csv"
    path.write_bytes(
        (HEADER + "\r\n").encode()
        + "Søren Østergaard;2024-1120;;T08;03-06-2024;;;Mads Kristensen;\r\n".encode()
        + "Ole Bæk;2019-0555;;T08;31-08-2019;;;Mads Kristensen;Kontakt på mail\r\n".encode("cp1252")
    )
    preview = preview_of(store, importing.read_source(path))
    assert [e.text for e in preview.errors()] == [
        "Række 3, kolonne 'Navn': 'Ole B\ufffdk' har tegn, der ikke kan læses (\ufffd): rækken er nok gemt i et "
        "andet tegnsæt end resten af filen. Skriv teksten igen i cellen, og gem filen – eller importér kun de "
        "gyldige rækker",
        "Række 3, kolonne 'Bemærkning': 'Kontakt p\ufffd mail' har tegn, der ikke kan læses (\ufffd): rækken er "
        "nok gemt i et andet tegnsæt end resten af filen. Skriv teksten igen i cellen, og gem filen – eller "
        "importér kun de gyldige rækker",
    ]
    with pytest.raises(importing.ImportRefusedError):
        importing.save_import(store, preview)
    assert store.list_cases() == []
    importing.save_import(store, preview, only_valid=True)
    assert [case.citizen for case in store.list_cases()] == ["Søren Østergaard"]


def test_rows_under_a_merged_cell_get_its_value_and_the_preview_says_so(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sager"
    for row in [
        ["Navn", "Sagsnr", "Forsøg", "Ansat", "Sagsbehandler", "Team"],
        ["Jens Hansen", "2024-0412", "T08", "01-03-2024", "Anne Jensen", "Nord"],
        ["Lone Andersen", "2023-0107", None, "16-01-2023", None, None],
        ["Ahmad Khalil", "2025-0031", None, "01-09-2025", None, None],
    ]:
        ws.append(row)
    for cells in ("C2:C4", "E2:E4", "F2:F4"):  # Team is not imported: its merge is not mentioned
        ws.merge_cells(cells)
    path = tmp_path / "flettet.xlsx"
    wb.save(path)
    source = importing.read_source(path)
    mapping = importing.guess_mapping(source.headers)
    assert mapping.fields[5] is None
    preview = importing.build_preview(store, source, mapping, TODAY)
    assert [(r.draft.citizen, r.draft.trial_id, r.draft.caseworker, r.errors) for r in preview.rows] == [
        ("Jens Hansen", "T08", "Anne Jensen", ()),
        ("Lone Andersen", "T08", "Anne Jensen", ()),
        ("Ahmad Khalil", "T08", "Anne Jensen", ()),
    ]
    assert preview.summary() == (
        "3 rækker læst fra flettet.xlsx (arket 'Sager'); overskrifterne står i række 1. 3 nye sager, "
        "2 rækker udfyldt fra flettede celler."
    )
    assert preview.notes == (
        "Flettede celler er udfyldt: en celle, der er flettet over flere rækker i Excel, gælder for hver af "
        "rækkerne – kolonne 'Forsøg' række 3–4 (som række 2); kolonne 'Sagsbehandler' række 3–4 (som række 2). "
        "Kontrollér dem i forhåndsvisningen.",
    )


def test_a_mapping_that_cannot_import_saves_nothing(store, tmp_path):
    source = table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;;")
    mapping = importing.guess_mapping(source.headers).with_field(1, None)
    preview = importing.build_preview(store, source, mapping, TODAY)
    assert preview.rows == () and len(preview.mapping_errors) == 1
    assert preview.summary() == (
        "1 række læst fra liste.csv; overskrifterne står i række 1. Vælg kolonnerne, før listen kan importeres."
    )
    with pytest.raises(importing.ImportRefusedError, match="'FASIT-sagsnummer'"):
        importing.save_import(store, preview)
    with pytest.raises(ValueError):
        importing.build_preview(store, table(tmp_path, name="anden.csv"), importing.guess_mapping(["Navn"]), TODAY)


def test_duplicates_are_found_and_skipped_or_updated(store, tmp_path, capsys):
    first = table(
        tmp_path,
        "Jens Hansen;2024-0412;;T08;01-03-2024;;;Anne Jensen;Kantinen",
        "Ida Dam;2024-0500;;T08;01-04-2024;;;Anne Jensen;",
    )
    importing.save_import(store, preview_of(store, first))
    store.close_case(2, reason="overgået til fleksjob", day=date(2026, 6, 1))
    again = table(
        tmp_path,
        "Jens Hansen;2024-0412;010162-0000;T08;01-03-2024;;01-10-2026;Mads Kristensen;",
        "Ida Dam;2024-0500;;T08;01-05-2024;;;;",
        name="igen.csv",
    )
    preview = preview_of(store, again)
    jens, ida = preview.rows
    assert (jens.duplicate_of, jens.duplicate_closed, ida.duplicate_of, ida.duplicate_closed) == (1, False, 2, True)
    assert [(c.label, c.old, c.new) for c in jens.changes] == [
        ("CPR-nummer", "–", "010162-xxxx"),
        ("Sagsbehandler", "Anne Jensen", "Mads Kristensen"),
        ("Seneste opfølgning", "–", "01-10-2026"),
    ]
    skipped = importing.save_import(store, preview)
    assert (skipped.batch_id, skipped.summary) == (None, "Intet er gemt: 2 fandtes allerede og blev sprunget over.")
    updated = importing.save_import(store, preview, duplicates="update")
    assert (updated.created, updated.updated, updated.skipped_duplicates) == (0, 1, 1)
    case = store.get_case(1)
    # An empty cell changes nothing: the note stays.
    assert (case.cpr, case.caseworker, case.note, case.events[-1].day) == (
        "0101620000",
        "Mads Kristensen",
        "Kantinen",
        date(2026, 10, 1),
    )
    assert store.get_case(2).dates["hire"] == date(2024, 4, 1)  # closed: never updated
    # The summary says plainly that one of them is closed (and so never updated).
    assert preview.summary() == (
        "2 rækker læst fra igen.csv; overskrifterne står i række 1. 0 nye sager, 2 findes allerede (samme "
        "FASIT-sagsnummer og forsøg, herunder 1 afsluttet sag), de springes over."
    )
    assert preview.summary("update") == (
        "2 rækker læst fra igen.csv; overskrifterne står i række 1. 0 nye sager, 2 findes allerede (samme "
        "FASIT-sagsnummer og forsøg, herunder 1 afsluttet sag), heraf opdateres 1."
    )
    # The same list once more: nothing new.
    assert preview_of(store, again).rows[0].changes == ()


def test_a_fasit_number_is_found_as_a_caseworker_reads_it(store, tmp_path):
    importing.save_import(store, preview_of(store, table(tmp_path, "Søren Sørensen;S-1;;T08;01-03-2024;;;;")))
    again = table(
        tmp_path,
        "Søren Sørensen;s-1;;T08;01-03-2024;;;;",
        "Søren Sørensen;S\u00a0-1 ;;T08;01-03-2024;;;;",  # a non-breaking space, as pasted from Outlook
        "Ulla Berg;S-01;;T08;01-03-2024;;;;",  # another number: a new case
        name="igen.csv",
    )
    lower, spaced, other = preview_of(store, again).rows
    assert (lower.duplicate_of, lower.errors) == (1, ())
    assert spaced.draft.case_ref == "S -1"
    assert [e.message for e in spaced.errors] == [
        "Samme FASIT-sagsnummer og forsøg som række 2. Slet den ene af rækkerne"
    ]
    assert (other.duplicate_of, other.errors) == (None, ())


def test_a_name_saved_with_a_non_breaking_space_is_no_change_to_update(store, tmp_path):
    importing.save_import(store, preview_of(store, table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;Kim Bak;")))
    with sqlite3.connect(store.path) as db:  # as a database from before the import cleaned spaces holds it
        db.execute("UPDATE cases SET caseworker = ? WHERE id = 1", ("Åse\u00a0Bærentsen",))
    db.close()
    again = table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;Åse Bærentsen;", name="igen.csv")
    [jens] = preview_of(store, again).rows
    assert (jens.duplicate_of, jens.changes) == (1, ())


def test_a_new_case_with_the_cpr_number_of_another_case_in_the_trial_is_saved_with_a_warning(store, tmp_path):
    importing.save_import(
        store,
        preview_of(
            store,
            table(
                tmp_path,
                "Jens Hansen;2024-0412;010162-0000;T08;01-03-2024;;;;",
                "Ida Dam;2024-0500;020262-0000;T04;;;;;",  # the same citizen in another trial: no warning
            ),
        ),
        only_valid=True,
    )
    store.update_case(1, case_ref="2024-0421")  # corrected in the program
    again = table(
        tmp_path,
        "Jens Hansen;2024-0412;010162-0000;T08;01-03-2024;;;;",  # the list still has the old number
        "Jens H.;2024-9999;0101620000;T08;01-03-2024;;;;",
        "Bo Berg;2024-0600;030362-0000;T08;01-03-2024;;;;",
        "Bo Berg;2024-0601;030362-0000;T08;01-03-2024;;;;",  # twice in the list
        "Ole Bak;2024-0700;;T08;01-03-2024;;;;",
        name="igen.csv",
    )
    preview = preview_of(store, again)
    jens, jens_again, bo, bo_again, ole = preview.rows
    assert jens.duplicate_of is None and jens.ok
    assert jens.notices == (
        "Samme CPR-nummer og forsøg som sag nr. 1 (FASIT-sagsnummer 2024-0421). Er det samme borger, så slet "
        "rækken i regnearket, eller ret sagsnummeret; ellers gemmes den som ny sag",
    )
    assert jens_again.notices[0].startswith("Samme CPR-nummer og forsøg som sag nr. 1 (FASIT-sagsnummer 2024-0421).")
    assert bo.notices == ()
    assert bo_again.notices[0].startswith("Samme CPR-nummer og forsøg som række 4 (FASIT-sagsnummer 2024-0600).")
    assert ole.notices == ()
    assert all("0101620000" not in n and "010162" not in n for row in preview.rows for n in row.notices)
    assert preview.summary() == (
        "5 rækker læst fra igen.csv; overskrifterne står i række 1. 5 nye sager, 3 rækker med samme CPR-nummer "
        "og forsøg som en anden sag (⚠, gemmes alligevel som nye sager)."
    )
    result = importing.save_import(store, preview)
    assert result.created == 5


def test_a_closed_case_with_the_cpr_number_is_named_as_closed(store, tmp_path):
    importing.save_import(
        store, preview_of(store, table(tmp_path, "Jens Hansen;2024-0412;010162-0000;T08;01-03-2024;;;;"))
    )
    store.close_case(1, reason="overgået til fleksjob", day=date(2026, 6, 1))
    [jens] = preview_of(
        store, table(tmp_path, "Jens Hansen;2025-0001;010162-0000;T08;01-03-2025;;;;", name="ny.csv")
    ).rows
    assert jens.notices[0].startswith(
        "Samme CPR-nummer og forsøg som sag nr. 1 (FASIT-sagsnummer 2024-0412, afsluttet)."
    )


def test_a_fasit_number_excel_made_a_number_is_saved_as_excel_shows_it_with_a_warning(store, tmp_path):
    path = tmp_path / "liste.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Navn", "Sagsnr", "Forsøg", "Ansat"])
    sheet.append(["Jens Hansen", 2024.0412, "T08", date(2024, 3, 1)])  # '2024,0412' typed in a Danish Excel
    sheet.append(["Ida Dam", 20240500, "T08", date(2024, 3, 1)])  # a whole number reads as typed
    book.save(path)
    preview = preview_of(store, importing.read_source(path))
    jens, ida = preview.rows
    assert jens.draft.case_ref == "2024,0412"
    assert jens.notices == (
        "FASIT-sagsnummer: Excel har gemt cellen som et tal (2024,0412), så et 0 sidst kan være tabt. "
        "Kontrollér nummeret, og formatér kolonnen som tekst i Excel",
    )
    assert (ida.draft.case_ref, ida.notices) == ("20240500", ())
    assert preview.summary() == (
        "2 rækker læst fra liste.xlsx (arket 'Sheet'); overskrifterne står i række 1. 2 nye sager, 1 række med et "
        "FASIT-sagsnummer, Excel har gemt som tal (⚠)."
    )
    importing.save_import(store, preview)
    assert store.get_case(1).case_ref == "2024,0412"


def test_a_row_repeating_a_case_with_empty_cells_is_skipped_or_updates_only_what_it_gives(store, tmp_path):
    """A list imported again, with cells left empty (no name, no hire date): for an existing case
    an empty cell changes nothing, so what a new case would lack does not stop the row."""
    importing.save_import(
        store, preview_of(store, table(tmp_path, "Bo Hansen;S-1002;;T08;31-08-2018;;;Anne Jensen;Kantinen"))
    )
    again = table(
        tmp_path,
        ";S-1002;;T08;;;;Peter Holm;",  # only the caseworker is new
        "Ida Dam;S-2000;;T08;;;;;",  # a new case without its hire date: still refused
        name="igen.csv",
    )
    preview = preview_of(store, again)
    bo, ida = preview.rows
    assert bo.ok and bo.duplicate_of == 1 and bo.update_errors == ()
    assert [(c.label, c.old, c.new) for c in bo.changes] == [("Sagsbehandler", "Anne Jensen", "Peter Holm")]
    # Updated, the case keeps its hire date: 31-08-2018 + 30 months = 28-02-2021 (decision 6), a
    # Sunday: in practice Friday 26-02-2021.
    assert (bo.first_deadline.legal_due, bo.first_deadline.practical_due) == (date(2021, 2, 28), date(2021, 2, 26))
    assert [e.text for e in ida.errors] == [
        "Række 3, kolonne 'Ansat': Skriv datoen »Ansættelse i løntilskud« (rækken har 'Ida Dam', 'S-2000', 'T08')"
    ]
    with pytest.raises(importing.ImportRefusedError):  # Ida's row is wrong: nothing is saved
        importing.save_import(store, preview, duplicates="update")
    fixed = preview_of(store, table(tmp_path, ";S-1002;;T08;;;;Peter Holm;", name="kun-bo.csv"))
    assert importing.save_import(store, fixed).summary == "Intet er gemt: 1 fandtes allerede og blev sprunget over."
    result = importing.save_import(store, fixed, duplicates="update")
    assert result.summary == "Import nr. 2: 0 sager oprettet, 1 opdateret."
    case = store.get_case(1)
    assert (case.citizen, case.caseworker, case.note, case.dates["hire"]) == (
        "Bo Hansen",
        "Peter Holm",
        "Kantinen",
        date(2018, 8, 31),
    )


def test_a_closed_case_is_found_by_the_import_as_by_new_case(store, tmp_path):
    # The store's rule (the check behind "Ny sag"): a closed case with the same FASIT number and
    # trial is there already; the import finds it, says it is closed, and never updates it.
    importing.save_import(store, preview_of(store, table(tmp_path, "Ida Dam;2024-0500;;T08;01-04-2024;;;;")))
    store.close_case(1, reason="overgået til fleksjob", day=date(2026, 6, 1))
    with pytest.raises(ValidationError) as caught:
        store.create_case(citizen="Ida Dam", case_ref="2024-0500", trial_id="T08", dates={"hire": date(2024, 5, 1)})
    assert caught.value.errors["case_ref"] == (
        "Sagsnummeret 2024-0500 findes allerede i forsøg T08 (sag nr. 1: Ida Dam, afsluttet – genåbn den i stedet)"
    )
    preview = preview_of(store, table(tmp_path, "Ida Dam;2024-0500;;T08;01-05-2024;;;;", name="igen.csv"))
    assert (preview.rows[0].duplicate_of, preview.rows[0].duplicate_closed, preview.new_rows) == (1, True, [])
    assert preview.summary("update") == (
        "1 række læst fra igen.csv; overskrifterne står i række 1. 0 nye sager, 1 findes allerede (samme "
        "FASIT-sagsnummer og forsøg, herunder 1 afsluttet sag), heraf opdateres 0."
    )
    result = importing.save_import(store, preview, duplicates="update")
    assert result.summary == "Intet er gemt: 1 fandtes allerede og blev sprunget over."
    assert [c.dates["hire"] for c in store.list_cases()] == [date(2024, 4, 1)]


def test_an_update_saves_what_the_preview_showed_with_its_first_deadline(store, tmp_path):
    importing.save_import(
        store, preview_of(store, table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;Anne Jensen;Kantinen"))
    )
    again = "Jens Hansen;2024-0412;;T08;01-03-2024;;01-10-2026;Mads Kristensen;"
    preview = preview_of(store, table(tmp_path, again, name="igen.csv"))
    row = preview.rows[0]
    assert [(c.label, c.old, c.new) for c in row.changes] == [
        ("Sagsbehandler", "Anne Jensen", "Mads Kristensen"),
        ("Seneste opfølgning", "–", "01-10-2026"),
    ]
    # T08 ended 31-12-2025: the follow-up 01-10-2026 + 12 months = Friday 01-10-2027.
    assert (row.first_deadline.legal_due, row.first_deadline.practical_due) == (date(2027, 10, 1), date(2027, 10, 1))
    # A field the row leaves empty, changed meanwhile in the case window, does not stop the update.
    store.update_case(1, note="Ring mandag")
    result = importing.save_import(store, preview, duplicates="update")
    assert result.summary == "Import nr. 2: 0 sager oprettet, 1 opdateret."
    case = store.get_case(1)
    assert (case.caseworker, case.note, case.events[-1].day) == ("Mads Kristensen", "Ring mandag", date(2026, 10, 1))
    assert store.deadlines(TODAY)[0].deadline == row.first_deadline  # the window's first deadline


@pytest.mark.parametrize("meanwhile", ["caseworker", "closed"])
def test_an_update_of_a_case_changed_since_the_preview_saves_nothing(store, tmp_path, meanwhile):
    importing.save_import(store, preview_of(store, table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;;")))
    preview = preview_of(
        store, table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;Mads Kristensen;", name="igen.csv")
    )
    if meanwhile == "caseworker":  # the value the row changes, changed in the case window
        store.update_case(1, caseworker="Ole Bæk")
    else:
        store.close_case(1, reason="overgået til fleksjob", day=date(2026, 11, 1))
    with pytest.raises(importing.ImportConflictError) as caught:
        importing.save_import(store, preview, duplicates="update")
    assert str(caught.value) == "Sag nr. 1 er ændret, siden listen blev læst. Intet er gemt. Importér filen igen."
    assert store.get_case(1).caseworker == ("Ole Bæk" if meanwhile == "caseworker" else "")
    assert len(importing.import_batches(store)) == 1


def test_an_update_that_would_break_the_case_is_named(store, tmp_path):
    importing.save_import(store, preview_of(store, table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;;")))
    store.add_event(1, day=date(2024, 6, 1), kind="followup")
    preview = preview_of(store, table(tmp_path, "Jens Hansen;2024-0412;;T08;01-08-2024;;;;", name="ny.csv"))
    row = preview.rows[0]
    assert row.ok and row.duplicate_of == 1
    assert [e.text for e in row.update_errors] == [
        "Række 2, kolonne 'Ansat': Der er registreret opfølgning 01-06-2024 før denne dato (efter opdatering af "
        "sag nr. 1)"
    ]
    assert importing.save_import(store, preview).summary == "Intet er gemt: 1 fandtes allerede og blev sprunget over."
    with pytest.raises(importing.ImportRefusedError):
        importing.save_import(store, preview, duplicates="update")


def test_a_case_saved_between_preview_and_save_stops_the_import(store, tmp_path):
    preview = preview_of(store, table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;;"))
    store.create_case(citizen="Jens Hansen", case_ref="2024-0412", trial_id="T08", dates={"hire": date(2024, 3, 1)})
    with pytest.raises(importing.ImportConflictError):
        importing.save_import(store, preview)
    assert len(store.list_cases()) == 1 and importing.import_batches(store) == []


def test_a_case_saved_meanwhile_with_the_number_spelt_otherwise_stops_the_import_too(store, tmp_path):
    preview = preview_of(store, table(tmp_path, "Søren Sørensen;s-1;;T08;01-03-2024;;;;"))
    store.create_case(citizen="Søren Sørensen", case_ref="S-1", trial_id="T08", dates={"hire": date(2024, 3, 1)})
    with pytest.raises(importing.ImportConflictError) as stopped:
        importing.save_import(store, preview)
    assert str(stopped.value).startswith("1 af sagerne er gemt i databasen, siden listen blev læst")
    assert len(store.list_cases()) == 1 and importing.import_batches(store) == []


def test_undo_through_the_service(store, tmp_path):
    source = table(tmp_path, "Jens Hansen;2024-0412;;T08;01-03-2024;;;;")
    result = importing.save_import(store, preview_of(store, source))
    assert importing.undo_problem(store, result.batch_id) is None
    undone = importing.undo_import(store, result.batch_id)
    assert undone.summary == "Import nr. 1 er fortrudt: 1 sag slettet, 0 sager ført tilbage."
    assert importing.undo_problem(store, result.batch_id).startswith("Import nr. 1 er allerede fortrudt")
    assert importing.import_batches(store)[0].undone


def test_the_mapping_is_remembered_and_merged(store):
    mapping = importing.guess_mapping(["Person", "Nummer", "Telefon"])
    mapping = mapping.with_field(0, "citizen").with_field(1, "case_ref").with_default_trial("T08")
    importing.remember_mapping(store, mapping)
    start = importing.guess_mapping(["Start"]).with_field(0, "hire").with_default_trial("T08")
    importing.remember_mapping(store, start)
    remembered = importing.remembered_mapping(store)
    assert remembered == {  # 'Telefon' ignored as guessed: nothing to keep
        "columns": {"person": "citizen", "nummer": "case_ref", "start": "hire"},
        "default_trial": "T08",
    }
    guessed = importing.guess_mapping(["PERSON", "nummer", "Start", "Ansat"], remembered)
    assert (guessed.fields, guessed.default_trial) == (("citizen", "case_ref", "hire", None), "T08")
    changes = store._changes
    # 'Ansat' left for 'Start' (remembered as the hire date): no 'ignore' of it is kept for lists without 'Start'.
    importing.remember_mapping(store, guessed)
    assert store._changes == changes
    alone = importing.guess_mapping(["PERSON", "nummer", "Ansat"], remembered).with_field(2, None)
    importing.remember_mapping(store, alone)  # 'ansat' (hire) ignored by choice
    importing.remember_mapping(store, alone)  # the same again: nothing written
    assert store._changes == changes + 2
    assert importing.remembered_mapping(store)["columns"]["ansat"] is None


def test_choosing_what_a_header_names_drops_an_old_ignore_of_it(store):
    # Kept from before 'Sidste opf.' was recognised: the column ignored. The caseworker chooses
    # the follow-up (what the header now names): the old 'ignore' goes, so the guess holds next time.
    old = importing.guess_mapping(["Navn", "Sagsnr", "Sidste opf."]).with_field(2, None).with_default_trial("T08")
    importing.remember_mapping(store, old)
    assert importing.remembered_mapping(store)["columns"] == {"sidsteopf": None}
    guessed = importing.guess_mapping(["Navn", "Sagsnr", "Sidste opf."], importing.remembered_mapping(store))
    assert guessed.fields == ("citizen", "case_ref", None)
    importing.remember_mapping(store, guessed.with_field(2, "last_followup"))
    assert importing.remembered_mapping(store)["columns"] == {}
    again = importing.guess_mapping(["Navn", "Sagsnr", "Sidste opf."], importing.remembered_mapping(store))
    assert again.fields[2] == "last_followup"


def test_rows_with_only_remarks_are_left_out_but_a_row_with_a_case_value_is_a_case(store, tmp_path):
    preview = preview_of(
        store,
        table(
            tmp_path,
            "Jens Hansen;2024-0412;;T08;01-03-2024;;;;",
            ";;;;;;;;NB: Husk ferie uge 29",
            ";;;;;;;Anne Jensen;Ring til Anne",  # a caseworker is a value of a case: an error
            "-;;;;;;;;Tjek 2. kvartal",  # a dash alone is an empty cell
        ),
    )
    assert [row.number for row in preview.rows] == [2, 4]
    assert preview.remark_rows == (3, 5)
    assert (
        "Rækkerne 3 og 5 har kun en bemærkning og ingen sag; de springes over "
        "(række 3: 'NB: Husk ferie uge 29'; række 5: 'Tjek 2. kvartal')."
    ) in preview.notes
    assert preview.errors()[0].text == (
        "Række 4, kolonne 'Navn': Skriv borgerens navn (rækken har 'Anne Jensen', 'Ring til Anne')"
    )


def test_a_list_of_only_remarks_says_there_is_nothing_to_import(store, tmp_path):
    preview = preview_of(store, table(tmp_path, ";;;;;;;;NB: Husk ferie uge 29"))
    assert preview.rows == ()
    assert preview.nothing_text() == "Der er ingen sager at importere: række 2 har kun en bemærkning og ingen sag."
