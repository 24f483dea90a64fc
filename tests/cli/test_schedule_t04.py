"""`schedule --trial T04` after the trial's end: counted from the visitation under the ordinary rule's
label, and a missing date named by its Danish label and its --date name."""

from caseworker_app.cli import main
from tests.core.test_t04_dates_and_labels import CONTACT, REVIEW


def test_the_schedule_command_counts_from_the_visitation_and_names_missing_dates_by_label(capsys):
    args = ["schedule", "--trial", "T04", "--today", "01-12-2026"]
    assert main([*args, "--date", "visitation=10-11-2026", "--event", "followup=20-11-2026"]) == 0
    out = capsys.readouterr().out
    assert f"{CONTACT}: frist 04-12-2026 – senest i praksis fre 04-12-2026 – snart" in out
    assert REVIEW not in out
    assert main(args) == 2
    assert capsys.readouterr().err.strip() == (
        "caseworker-app: fejl: forsøg T04 kræver datoen »Fritagelsen vurderes igen« (--date agreed=DATO) eller "
        "»Visiteret som aktivitetsparat (ret og pligt til mentor)« (--date visitation=DATO)"
    )
