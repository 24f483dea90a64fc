"""`export-ics` keeps Outlook right: a deadline sent before is moved or cancelled even when the
export is limited (a period, a caseworker), and a deleted case's id given again never hands the
deleted citizen's events to the new one. Outlook keeps an event by UID and takes an update only
with a higher SEQUENCE."""

from __future__ import annotations

from datetime import date

import vobject

from caseworker_app.cli import main
from caseworker_app.store import CaseStore

TODAY = "01-03-2021"
CLOCK = date(2021, 3, 1)
GONE = (
    "1 aftale i Outlook aflyses: fristen findes ikke længere (sagen er afsluttet eller slettet, "
    "eller fristen er overholdt eller bortfaldet)."
)


def run(capsys, *args, err_said: str = ""):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert (code, err) == (0, err_said)
    return out


def nothing_said(only: str = "", period: str = "") -> str:
    """What stderr says of a file with no deadline in it (services/exporting.py no_ics_deadlines_text)."""
    return (
        f"Der er ingen frister at eksportere{period}.{only} Filen er en kalender uden frister: i Outlook aflyser "
        "den kun de aftaler fra tidligere eksporter, der ikke længere skal være der.\n"
    )


def events(path):
    """The file's events by UID, read by vobject (an independent parser)."""
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return {event.uid.value: event for event in getattr(calendar, "vevent_list", [])}


def seen(event):
    """What Outlook takes from an event: day, SEQUENCE, cancelled or not."""
    status = event.status.value if hasattr(event, "status") else ""
    return event.dtstart.value, int(event.sequence.value), status


def create(store, citizen, hire, caseworker=""):
    ref = f"2021-{len(store.list_cases(include_closed=True)) + len(store.deletions()) + 1:04d}"
    return store.create_case(citizen=citizen, case_ref=ref, trial_id="T08", dates={"hire": hire}, caseworker=caseworker)


def test_a_deadline_sent_before_and_moved_out_of_the_period_is_sent_with_its_new_date(capsys, tmp_path):
    db, out = tmp_path / "sager.db", tmp_path / "frister.ics"
    with CaseStore(db, clock=lambda: CLOCK) as store:
        # T08: the first follow-up at the latest 2½ years after the hire: 08-04-2019 -> Fri 08-10-2021.
        bo = create(store, "Bo Berg", date(2019, 4, 8))
    args = ("export-ics", "--db", str(db), str(out), "--today", TODAY, "--from", "01-03-2021", "--to", "31-12-2021")
    assert run(capsys, *args) == f"1 frist skrevet til {out}. Åbn filen i Outlook for at få den i kalenderen.\n"
    [(uid, event)] = events(out).items()
    assert seen(event) == (date(2021, 10, 8), 0, "")

    # The hire date corrected to 10-10-2019: due Sun 10-04-2022, in practice Fri 08-04-2022, after the period.
    with CaseStore(db, clock=lambda: CLOCK) as store:
        store.update_case(bo, dates={"hire": date(2019, 10, 10)})
    assert run(capsys, *args) == (
        f"0 frister skrevet til {out}. Åbn filen i Outlook for at få dem i kalenderen.\n"
        "1 frist, der allerede lå i Outlook, er flyttet uden for perioden og sendt med sin nye dato.\n"
    )
    assert {u: seen(e) for u, e in events(out).items()} == {uid: (date(2022, 4, 8), 1, "")}

    # Outlook has the new date now: the next export of the period sends nothing (and says so).
    assert (
        run(capsys, *args, err_said=nothing_said(period=" i perioden"))
        == f"0 frister skrevet til {out}. Åbn filen i Outlook for at få dem i kalenderen.\n"
    )
    assert events(out) == {}


def test_a_case_handed_to_a_colleague_is_cancelled_in_the_old_caseworkers_export_only(capsys, tmp_path):
    db, out = tmp_path / "sager.db", tmp_path / "frister.ics"
    with CaseStore(db, clock=lambda: CLOCK) as store:
        bo = create(store, "Bo Berg", date(2019, 4, 8), "Kim")  # due Fri 08-10-2021
        create(store, "Ane Ahl", date(2019, 2, 1), "Lis")  # due Sun 01-08-2021, in practice Fri 30-07-2021
    kim = ("export-ics", "--db", str(db), str(out), "--today", TODAY, "--caseworker", "Kim")
    lis = ("export-ics", "--db", str(db), str(out), "--today", TODAY, "--caseworker", "Lis")
    run(capsys, *kim)
    [(bo_uid, event)] = events(out).items()
    assert seen(event) == (date(2021, 10, 8), 0, "")
    run(capsys, *lis)
    [(ane_uid, event)] = events(out).items()
    assert seen(event) == (date(2021, 7, 30), 0, "")

    with CaseStore(db, clock=lambda: CLOCK) as store:
        store.update_case(bo, caseworker="Lis")
    # Kim's Outlook must not keep Bo Berg; Ane Ahl's event was never Kim's and is left alone.
    assert run(capsys, *kim, err_said=nothing_said(" Kun Kims frister er med.")) == (
        f"0 frister skrevet til {out}. Kun Kims frister er med. Åbn filen i Outlook for at få dem i kalenderen.\n"
        "1 aftale i Outlook aflyses: sagen er ikke længere Kims.\n"
    )
    assert {u: seen(e) for u, e in events(out).items()} == {bo_uid: (date(2021, 10, 8), 1, "CANCELLED")}
    assert "Bo Berg" not in out.read_text(encoding="utf-8")

    # Lis's export sends it afresh above the cancellation; nothing is cancelled in hers.
    assert run(capsys, *lis) == (
        f"2 frister skrevet til {out}. Kun Lis' frister er med. Åbn filen i Outlook for at få dem i kalenderen.\n"
    )
    assert {u: seen(e) for u, e in events(out).items()} == {
        bo_uid: (date(2021, 10, 8), 2, ""),
        ane_uid: (date(2021, 7, 30), 0, ""),
    }
    # Kim has no case now and nothing left in Outlook: his name is refused as a typo would be.
    assert main(list(kim)) == 2
    assert capsys.readouterr().err.endswith(
        "Ingen sag har sagsbehandleren 'Kim'. Sagsbehandlerne på sagerne er: Lis.\n"
    )


def test_the_message_counts_the_cancelled_events_of_a_closed_case(capsys, tmp_path):
    db, out = tmp_path / "sager.db", tmp_path / "frister.ics"
    with CaseStore(db, clock=lambda: CLOCK) as store:
        create(store, "Bo Berg", date(2019, 4, 8))  # due Fri 08-10-2021
        ane = create(store, "Ane Ahl", date(2019, 2, 1))  # in practice Fri 30-07-2021
    args = ("export-ics", "--db", str(db), str(out), "--today", TODAY)
    run(capsys, *args)
    [ane_uid] = [uid for uid, e in events(out).items() if "Ane Ahl" in e.summary.value]
    with CaseStore(db, clock=lambda: CLOCK) as store:
        store.close_case(ane, reason="fastholdt i løntilskudsjob", day=CLOCK)
    assert run(capsys, *args) == (
        f"1 frist skrevet til {out}. Åbn filen i Outlook for at få den i kalenderen.\n{GONE}\n"
    )
    assert seen(events(out)[ane_uid]) == (date(2021, 7, 30), 1, "CANCELLED")


def test_a_deleted_cases_id_given_again_gets_events_of_its_own_and_the_deleted_ones_are_cancelled(capsys, tmp_path):
    db, out = tmp_path / "sager.db", tmp_path / "frister.ics"
    with CaseStore(db, clock=lambda: CLOCK) as store:
        create(store, "Bo Berg", date(2019, 4, 8))  # due Fri 08-10-2021
        dorte = create(store, "Dorte Dal", date(2019, 2, 1))  # in practice Fri 30-07-2021
    args = ("export-ics", "--db", str(db), str(out), "--today", TODAY)
    run(capsys, *args)
    first = events(out)
    [bo_uid] = [uid for uid, e in first.items() if "Bo Berg" in e.summary.value]
    [dorte_uid] = [uid for uid, e in first.items() if "Dorte Dal" in e.summary.value]

    with CaseStore(db, clock=lambda: CLOCK) as store:
        store.delete_case(dorte, "oprettet ved en fejl")
        # Hired 01-02-2021: due Tue 01-08-2023. SQLite gives Dorte Dal's id again.
        assert create(store, "Eva Eg", date(2021, 2, 1)) == dorte
    # Eva Eg's deadline is new (not one moved); Dorte Dal's is cancelled; Bo Berg's is as it was.
    assert run(capsys, *args) == (
        f"2 frister skrevet til {out}. Åbn filen i Outlook for at få dem i kalenderen.\n{GONE}\n"
    )
    second = events(out)
    [eva_uid] = [uid for uid, e in second.items() if "Eva Eg" in e.summary.value]
    assert eva_uid not in (dorte_uid, bo_uid)
    assert {u: seen(e) for u, e in second.items()} == {
        bo_uid: (date(2021, 10, 8), 0, ""),
        eva_uid: (date(2023, 8, 1), 0, ""),
        dorte_uid: (date(2021, 7, 30), 1, "CANCELLED"),
    }
    assert "Dorte Dal" not in out.read_text(encoding="utf-8")

    # Eva Eg keeps her UID: the next export changes nothing.
    assert run(capsys, *args) == f"2 frister skrevet til {out}. Åbn filen i Outlook for at få dem i kalenderen.\n"
    assert {u: seen(e) for u, e in events(out).items()} == {
        bo_uid: (date(2021, 10, 8), 0, ""),
        eva_uid: (date(2023, 8, 1), 0, ""),
    }
