"""core.evaluation_merge: a counts file that is not what report --json writes is refused with a Danish
message naming the file, never a crash; a good one is read and summed."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.evaluation_figures import Evaluation, Period, TrialFigures
from caseworker_app.core.evaluation_merge import (
    CountsFile,
    MergeError,
    _checksum,  # to forge a file whose checksum fits
    counts_json,
    database_fingerprint,
    definition_fingerprint,
    merge,
    read_counts,
    source_fingerprint,
    to_counts,
)

CATALOG = load_catalog()
VERSION = "0.1.0"


def _file(source: str, **trial_changes: object) -> bytes:
    """A counts file for T08 in 2021 (3 citizens, 2 late by 4 days), changed and checksummed again."""
    figures = TrialFigures("T08", counts=Counter(citizens=3, late=2), hists={"late_days": Counter({4: 2})})
    figures.not_countable["success"] = "kan ikke opgøres fra sagslisten"
    evaluation = Evaluation(Period(date(2021, 1, 1), date(2021, 12, 31)), [figures], "", "Aalborg Kommune")
    content = dict(to_counts(evaluation, CATALOG, source=source, database=source, program_version=VERSION))
    content["trials"]["T08"].update(trial_changes)
    content["checksum"] = _checksum({k: v for k, v in content.items() if k != "checksum"})
    return counts_json(content)


def test_two_good_files_are_summed():
    anne = read_counts(_file(source_fingerprint("db1", "Anne")), "anne.json", VERSION)
    mads = read_counts(_file(source_fingerprint("db1", "Mads")), "mads.json", VERSION)
    report = merge([("anne.json", anne), ("mads.json", mads)], minutes=30)
    (t08,) = report.trials
    assert (t08.value("citizens"), t08.value("late")) == (6, 4)
    assert t08.hists["late_days"] == {4: 4}
    assert set(t08.not_countable) == {"success"}
    assert report.merged_from == 2


@pytest.mark.parametrize(
    "marks",
    [
        [{"held": 1}],  # a table in the list: was TypeError 'unhashable type: dict'
        [["held"]],  # a list in the list: was TypeError 'unhashable type: list'
        ["held", 7],
        "held",
        {"held": True},
    ],
)
def test_not_countable_that_is_not_a_list_of_names_is_refused(marks):
    data = _file(source_fingerprint("db1", "Mads"), not_countable=marks)
    with pytest.raises(MergeError) as caught:
        read_counts(data, "mads.json", VERSION)
    assert str(caught.value) == (
        "mads.json: forsøg T08: 'not_countable' skal være en liste af navne på tal. Filen er ikke brugt."
    )


def test_not_countable_naming_an_unknown_figure_is_refused():
    data = _file(source_fingerprint("db1", "Mads"), not_countable=["held", "cpr"])
    with pytest.raises(MergeError) as caught:
        read_counts(data, "mads.json", VERSION)
    assert str(caught.value) == "mads.json: forsøg T08: 'not_countable' nævner ukendte tal. Filen er ikke brugt."


@pytest.mark.parametrize("day", ["²", "٤", "-4", "4.0", ""])
def test_a_day_that_is_not_plain_digits_is_refused(day):
    # '²' passes str.isdigit() but int('²') fails; '٤' (Arabic-Indic 4) would be read as 4.
    data = _file(source_fingerprint("db1", "Mads"), hists={"late_days": {day: 2}})
    with pytest.raises(MergeError) as caught:
        read_counts(data, "mads.json", VERSION)
    assert str(caught.value) == (
        f"mads.json: forsøg T08, 'late_days': '{day}' er ikke et antal dage. Filen er ikke brugt."
    )


def test_the_file_on_disk_is_the_json_report_writes():
    content = json.loads(_file(source_fingerprint("db1", "Anne")))
    assert content["trials"]["T08"]["not_countable"] == ["success"]
    assert content["trials"]["T08"]["hists"] == {"late_days": {"4": 2}}


def test_a_file_counted_before_the_figures_were_cut_to_the_trials_period_is_refused():
    # Format 1 counted a whole period that only touched a trial (later ordinary-rule cases as trial
    # results): it must not be summed with files counted the new way.
    content = json.loads(_file(source_fingerprint("db1", "Mads")))
    content["format_version"] = 1
    content["checksum"] = _checksum({k: v for k, v in content.items() if k != "checksum"})
    with pytest.raises(MergeError) as caught:
        read_counts(counts_json(content), "mads.json", VERSION)
    assert "filen har formatversion 1; programmet læser 4." in str(caught.value)


def _caseworkers_file(database: str, caseworker: str, unassigned: int) -> CountsFile:
    """A caseworker's T08 file (2 citizens) that left out `unassigned` cases without a caseworker."""
    figures = TrialFigures("T08", counts=Counter(citizens=2), unassigned=unassigned)
    evaluation = Evaluation(Period(date(2021, 1, 1), date(2021, 12, 31)), [figures], caseworker, "Aalborg Kommune")
    content = to_counts(
        evaluation,
        CATALOG,
        source=source_fingerprint(database, caseworker),
        database=database_fingerprint(database),
        program_version=VERSION,
    )
    return read_counts(counts_json(content), f"{caseworker}.json", VERSION)


def test_cases_without_caseworker_left_out_are_named_once_per_database():
    report = merge(
        [
            ("anne.json", _caseworkers_file("db1", "Anne", 1)),
            ("mads.json", _caseworkers_file("db1", "Mads", 1)),  # the same case as in Anne's file
            ("pia.json", _caseworkers_file("db2", "Pia", 2)),
        ],
        minutes=60,
    )
    (t08,) = report.trials
    # Citizens 2 + 2 + 2; left out: db1's 1 case and db2's 2 cases.
    assert (t08.value("citizens"), t08.unassigned) == (6, 3)


def test_the_same_extension_typed_on_other_days_counts_alike_and_merges():
    # A reviewer: the fingerprint held the note "forlænget i programmet <the day it was typed>" and
    # the typed source, so two databases with the same extension (or one read in another time
    # zone) could never be merged; what the figures are counted by is the same.
    from caseworker_app.core.overrides import TrialOverride, apply_overrides

    def extended(day: str, source: str):
        row = TrialOverride("T08", "extension", "2027-12-31", source, created_at=f"{day}T10:00:00+00:00")
        return apply_overrides(CATALOG, [row])["T08"]

    a = extended("2025-11-20", "Beskæftigelsesministerens brev af 15-11-2025")
    b = extended("2025-11-21", "Brev fra ministeren 15-11-2025")
    assert definition_fingerprint(a) == definition_fingerprint(b)
    # A different end counts differently.
    assert definition_fingerprint(a) != definition_fingerprint(CATALOG["T08"])
