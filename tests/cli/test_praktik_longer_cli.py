"""`note` on a T09 praktik registered longer than 4 weeks (decision 19): --list offers
praktik_forlaenget, the note is refused without it and names the dates, and with it states the
period. Praktik 07-06-2021 to 09-07-2021: 33 days; 4 weeks end 04-07-2021 (07-06 + 28 days - 1)."""

from __future__ import annotations

from datetime import date

from caseworker_app.cli import main
from caseworker_app.core.settings import Settings
from caseworker_app.store import CaseStore


def test_note_asks_for_the_lengthening_and_then_states_it(capsys, tmp_path):
    path = tmp_path / "t09.db"
    with CaseStore(path, clock=lambda: date(2021, 7, 20)) as store:
        store.save_settings(Settings(caseworker_name="Anne Jensen", municipality="Vesthimmerlands Kommune"))
        case_id = store.create_case(
            citizen="Karin Holm",
            case_ref="P-long",
            trial_id="T09",
            dates={"praktik_start": date(2021, 6, 7), "unemployed_since": date(2021, 1, 1)},
        )
        store.add_event(case_id, day=date(2021, 7, 9), kind="praktik_end")
    args = ["note", "--db", str(path), "--case", "P-long", "--today", "20-07-2021"]
    assert main([*args, "--list"]) == 0
    assert capsys.readouterr().out.endswith(
        "  praktik_forlaenget     Jeg har kontrolleret, at praktikken er forlænget ud over 4 uger på grund af sygdom "
        "eller ferielukning\n"
    )
    write = [*args, "--situation", "praktik_start", "--text", "Aars Tømrer.", "--bekraeft", "visiteret"]
    write += ["--bekraeft", "formaal"]
    assert main(write) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "caseworker-app: fejl: Notatet kan ikke laves, før dette er udfyldt: bekræftelse af betingelserne: "
        "Praktikken er forlænget ud over 4 uger på grund af sygdom eller ferielukning (praktikstart 07-06-2021 til "
        "praktik afsluttet 09-07-2021 er 33 dage, længere end forsøgets største varighed på 4 uger, som sluttede "
        "04-07-2021). (brug --bekraeft NAVN for hver betingelse, du har kontrolleret eller vurderet; se navnene "
        "med --list)\n"
    )
    assert main([*write, "--bekraeft", "praktik_forlaenget"]) == 0
    assert (
        "\n- Praktikken er forlænget ud over 4 uger på grund af sygdom eller ferielukning: praktikstart 07-06-2021 "
        "til praktik afsluttet 09-07-2021 er 33 dage, længere end forsøgets største varighed på 4 uger, som sluttede "
        "04-07-2021 (bekræftet af sagsbehandleren).\n"
    ) in capsys.readouterr().out
