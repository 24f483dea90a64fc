"""Input cleaned at the door and outputs that never fail on, nor leak, what got in before (issue 12):
control characters in a name, full-width digits, 15--02-2021, a CPR typed into a name or case number."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date

import openpyxl
import pytest

from caseworker_app import logs
from caseworker_app.cli import main
from caseworker_app.core.cpr import CprError, normalize_cpr
from caseworker_app.core.workdays import parse_date
from caseworker_app.store import CaseStore, ValidationError

TODAY = date(2026, 11, 23)
HIRE = {"hire": date(2024, 5, 26)}
# Every kind of control character but tab and line breaks, a soft line break from Word (\x0b) among them.
CONTROL = "".join(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x9F, 0x2028])
NAME = "Jens\x0bHansen"


@pytest.mark.parametrize(
    "text",
    [
        "15--02-2021",
        "15-02--2021",
        "１５-02-2021",
        "15-02-２０２１",
        "2021--02-15",
        "15-0２-2021",
        "15 - 02 - 2021",
        "1５.2.21",
    ],
)
def test_dates_take_ascii_digits_and_one_separator(text):
    with pytest.raises(ValueError, match="ikke en gyldig dato"):
        parse_date(text)


@pytest.mark.parametrize("text", ["31-12-9999", "01-01-1899", "0001-01-01", "01-01-2200"])
def test_years_outside_1900_2199_are_refused_in_danish(text):
    with pytest.raises(ValueError, match="Skriv et år mellem 1900 og 2199"):
        parse_date(text)


@pytest.mark.parametrize("text", ["15-02-2021", "2021-02-15", "15.2.2021", "15/2-2021", " 15 02 2021 "])
def test_ordinary_dates_still_read(text):
    assert parse_date(text) == date(2021, 2, 15)


def test_cpr_takes_only_ascii_digits():
    with pytest.raises(CprError):
        normalize_cpr("０１０１９０-１２３４", TODAY)
    assert normalize_cpr("010190-1234", TODAY) == "0101901234"


@pytest.fixture
def store(tmp_path):
    with CaseStore(tmp_path / "sager.db", clock=lambda: TODAY) as store:
        yield store


@pytest.mark.parametrize("char", list(CONTROL))
def test_a_control_character_is_refused_at_the_field(store, char):
    with pytest.raises(ValidationError) as caught:
        store.create_case(
            citizen=f"Jens{char}Hansen",
            case_ref=f"2024{char}1",
            trial_id="T08",
            dates=HIRE,
            caseworker=f"Anne{char}",
            note=f"Note{char}",
        )
    assert set(caught.value.errors) == {"citizen", "case_ref", "caseworker", "note"}
    assert "styretegn" in caught.value.errors["citizen"] or "én linje" in caught.value.errors["citizen"]
    assert store.list_cases() == []


def test_tab_and_newline_are_kept_in_a_note_but_not_in_a_name(store):
    case_id = store.create_case(citizen="Jens Hansen", case_ref="1", trial_id="T08", dates=HIRE, note="a\n\tb\r\nc")
    assert store.get_case(case_id).note == "a\n\tb\r\nc"
    with pytest.raises(ValidationError) as caught:
        store.update_case(case_id, citizen="Jens\nHansen")
    assert "én linje" in caught.value.errors["citizen"]
    with pytest.raises(ValidationError):
        store.add_event(case_id, day=date(2026, 1, 10), kind="followup", text="x\x0by")
    with pytest.raises(ValidationError):
        store.create_case(citizen="Lone \ud800", case_ref="2", trial_id="T08", dates=HIRE)  # lone surrogate


def test_text_is_nfc_normalised(store):
    case_id = store.create_case(citizen="Søren A\u030agård", case_ref="2024-1", trial_id="T08", dates=HIRE)
    assert store.get_case(case_id).citizen == "Søren Ågård"


@pytest.fixture
def dirty_db(tmp_path):
    """A database holding what got in before the checks: control characters and CPR numbers."""
    path = tmp_path / "sager.db"
    with CaseStore(path, clock=lambda: TODAY) as store:
        store.create_case(citizen="Jens Hansen", case_ref="2024-0412", trial_id="T08", dates=HIRE)
        store.create_case(citizen="Lone Holm", case_ref="2024-0413", trial_id="T08", dates=HIRE)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE cases SET citizen = ? WHERE id = 1", (f"Jens{CONTROL}Hansen 010190-1234",))
    conn.execute("UPDATE cases SET case_ref = ?, citizen = ? WHERE id = 2", ("0101901234", "=HYPERLINK(1)"))
    conn.commit()
    conn.close()
    return path


COMMANDS = (
    ["deadlines"],
    ["deadlines", "--json"],
    ["export", "{tmp}/frister.xlsx"],
    ["export", "{tmp}/frister.csv"],
    ["export", "{tmp}/sager.xlsx", "--cases"],
    ["export-ics", "{tmp}/frister.ics"],
    ["calendar", "--from", "01-01-2026", "--to", "31-12-2028", "--pdf", "{tmp}/kalender.pdf"],
    ["plan", "--case", "1", "--pdf", "{tmp}/plan.pdf"],
    ["note", "--case", "1", "--list"],
    ["backup"],
)


def test_every_command_handles_a_dirty_name_and_neither_output_nor_log_leaks_it(dirty_db, tmp_path, capsys):
    """Reproduced first: the .xlsx export failed for every case and the log held the name."""
    log_home = tmp_path / "logs"
    logs.setup_logging(folder=log_home)
    try:
        for argv in COMMANDS:
            argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
            code = main(
                [*argv, "--db", str(dirty_db), "--today", "23-11-2026"]
                if argv[0] not in ("note", "backup")
                else [*argv, "--db", str(dirty_db)]
            )
            out, err = capsys.readouterr()
            assert code == 0, (argv, err)
            assert "uventet fejl" not in (out + err).lower()
            # CPR masked in every output; the folder and a copy's time (12.34) may hold the digits.
            shown = re.sub(r"-\d{4}-\d\d-\d\dT\d{6}", "-<tid>", (out + err).replace(str(tmp_path), "<mappe>"))
            assert "1234" not in shown, argv
            if "--json" in argv:
                cases = {d["case_id"]: d for d in json.loads(out)["deadlines"]}
                assert cases[1]["citizen"].endswith("010190-xxxx")
    finally:
        logs.teardown_logging()
    text = "".join(p.read_text(encoding="utf-8") for p in log_home.glob("*.log*"))
    assert "Jens" not in text and "Hansen" not in text and "1234" not in text
    sheet = openpyxl.load_workbook(tmp_path / "frister.xlsx").active
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert any(n and n.startswith("Jens") and n.endswith("010190-xxxx") for n in names)
    formula = next(c for c in sheet["A"] if c.value == "=HYPERLINK(1)")
    assert formula.data_type == "s" and formula.quotePrefix
    assert b"1234" not in re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", b"", (tmp_path / "frister.ics").read_bytes())  # 12.34


def test_export_ics_says_the_file_was_written_when_the_database_was_busy(dirty_db, tmp_path, capsys, monkeypatch):
    """Reproduced first: 'Intet er gemt' printed while the .ics file had been written."""
    from caseworker_app.store.opening import store_error

    def busy(self, state, sent_for=None):
        raise store_error(self.path, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(CaseStore, "save_ics_state", busy)
    code = main(["export-ics", str(tmp_path / "f.ics"), "--db", str(dirty_db), "--today", "23-11-2026"])
    err = capsys.readouterr().err
    assert code == 1 and (tmp_path / "f.ics").exists()
    assert "er skrevet med" in err and "Intet er gemt" not in err


def test_export_ics_from_a_backup_writes_nothing(dirty_db, tmp_path, capsys):
    from caseworker_app.store.backup import make_backup

    copy = make_backup(dirty_db)
    code = main(["export-ics", str(tmp_path / "f.ics"), "--db", str(copy.path), "--today", "23-11-2026"])
    assert code == 2 and "sikkerhedskopi" in capsys.readouterr().err
    assert not (tmp_path / "f.ics").exists()
