"""The shipped catalog loads, and a broken trial file is rejected naming the file and the field."""

from datetime import date
from pathlib import Path

import pytest

from caseworker_app.core.catalog_load import load_catalog, load_trial
from caseworker_app.core.terms import CatalogError
from caseworker_app.paths import resources_dir

SHIPPED = resources_dir() / "trials"
T08_TEXT = (SHIPPED / "T08.toml").read_text(encoding="utf-8")


def test_every_trial_t01_to_t19_is_in_the_catalog():
    catalog = load_catalog()
    assert list(catalog) == [f"T{n:02d}" for n in range(1, 20)]
    for trial in catalog.values():
        assert trial.title and trial.short_title and trial.target_group and trial.conditions
        assert trial.ordinary_reference and trial.trial_reference and trial.sources
        assert trial.period.start <= trial.period.effective_end
        assert trial.citations


def test_latest_verified_end_dates_and_sources():
    catalog = load_catalog()
    t08 = catalog["T08"]
    assert t08.period.start == date(2018, 7, 1)
    assert t08.period.end == date(2021, 12, 31)
    assert t08.period.effective_end == date(2025, 12, 31)
    assert all(ext.source for ext in t08.period.extensions)
    assert catalog["T07"].period.effective_end == date(2021, 12, 31)  # not in the 2025 letter


def test_each_period_source_names_the_section_it_comes_from():
    # The evaluation design states the period only in the sections of T07, T08 and T09; the
    # other third-round trials name their own section and the round's order and law instead.
    catalog = load_catalog()
    t07_section = "afsnittet om fritagelse for opdatering af indsatsplanen"
    assert [t.id for t in catalog.values() if t07_section in t.period.source] == ["T07"]
    own = {
        "T03": 'afsnittet "Fleksible rammer for ansættelse med løntilskud i offentlige virksomheder samt ansættelse '
        'som jobrotationsvikar", nævner ingen forsøgsperiode.',
        "T04": 'afsnittet "Lempede mentorregler", nævner ingen forsøgsperiode',
        "T06": 'afsnittet "Forlængelse af ressourceforløbssager", nævner ingen forsøgsperiode',
        "T10": 'afsnittet "Fritagelse for indhentelse af LÆ265 i sager om Jobafklaringsforløb", nævner ingen '
        "forsøgsperiode.",
    }
    for trial_id, section in own.items():
        source = catalog[trial_id].period.source
        assert section in source, trial_id
        assert (
            "bekendtgørelsen (BEK nr. 529 af 23/05/2018) træder i kraft 1/7 2018, og lov om frikommunenetværk § 1 "
            "(L 200 2016-17) giver forsøg indtil den 31. december 2021" in source
        ), trial_id


def test_citations_name_the_order_without_unverified_paragraphs():
    catalog = load_catalog()
    bek = "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af 23/05/2018)"
    for trial_id in ("T01", "T03", "T04", "T05", "T06", "T07", "T08", "T09"):
        citation = catalog[trial_id].citation_on(date(2019, 1, 1))
        assert citation.text == bek
        assert citation.paragraph == ""
        assert "§ 2" not in citation.full_text()
    assert catalog["T02"].citation_on(date(2019, 1, 1)).text == "§ 9 d i lov om frikommunenetværk"


def test_verbatim_fasit_markings():
    catalog = load_catalog()
    assert catalog["T07"].fasit_marking == "Frikommuneforsøg \u2013indsatsplan ikke justeret for 6 mdr."
    assert catalog["T09"].fasit_marking == "Frikommuneforsøg \u2013 Ly under 18 mdr."
    assert catalog["T07"].fasit_marking_verbatim and catalog["T09"].fasit_marking_verbatim
    for trial_id in ("T03", "T04", "T06"):
        assert catalog[trial_id].fasit_marking == ""
        assert not catalog[trial_id].fasit_marking_verbatim


def test_trials_with_deadlines_declare_their_dates():
    catalog = load_catalog()
    assert [d.name for d in catalog["T08"].dates] == ["hire", "offer"]
    assert catalog["T08"].dates[1].default_from == "hire"
    assert {t.id for t in catalog.values() if t.rules} == {
        "T04",
        "T05",
        "T06",
        "T07",
        "T08",
        "T09",
        "T12",
        "T15",
        "T16",
        "T18",
        "T19",
    }


def broken(tmp_path: Path, old: str, new: str, name: str = "T08.toml") -> Path:
    assert old in T08_TEXT
    path = tmp_path / name
    path.write_text(T08_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('title = "Færre', 'titel = "Færre', "T08.toml: feltet 'title' mangler"),
        (
            'kind = "followup"',
            'kind = "weekly"',
            "T08.toml: feltet 'rules[0].kind' har ukendt regeltype 'weekly'",
        ),
        (
            "first = { months = 30 }",
            "first = { months = -30 }",
            "T08.toml: feltet 'rules[0].first' er en umulig varighed",
        ),
        (
            "first = { months = 30 }",
            "first = { moons = 30 }",
            "T08.toml: feltet 'rules[0].first' har ukendt enhed",
        ),
        (
            "start = 2018-07-01",
            'start = "2018-02-30"',
            "T08.toml: feltet 'period.start' er ikke en gyldig dato",
        ),
        (
            "end = 2021-12-31",
            "end = 2017-12-31",
            "T08.toml: feltet 'period.end' (31-12-2017) ligger før start",
        ),
        ("end = 2022-12-31", "end = 2020-12-31", "T08.toml: feltet 'period.extensions[0].end'"),
        (
            'anchor = "hire"',
            'anchor = "birth"',
            "T08.toml: feltet 'rules[0].anchor' nævner datoen 'birth'",
        ),
        ('id = "T08"', 'id = "T8"', "T08.toml: feltet 'id' er 'T8', men filen hedder T08.toml"),
        (
            "verbatim = false",
            'verbatim = "nej"',
            "T08.toml: feltet 'fasit.verbatim' har forkert type",
        ),
        (
            'events = ["followup", "contact"]',
            'events = ["followup", "visit"]',
            "T08.toml: feltet 'events' har en ukendt hændelse 'visit'",
        ),
        ("[period]", "[period\n", "T08.toml: filen kan ikke læses som TOML"),
    ],
)
def test_broken_files_name_the_file_and_the_field(tmp_path, old, new, message):
    with pytest.raises(CatalogError) as error:
        load_trial(broken(tmp_path, old, new))
    assert str(error.value).startswith(message)


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(CatalogError, match="ingen forsøgsfiler"):
        load_catalog(tmp_path)


def test_a_municipality_extension_is_a_data_change(tmp_path):
    extended = T08_TEXT + '\n[[period.extensions]]\nend = 2027-12-31\nsource = "Kommunens egen forlængelse"\n'
    # Extensions must come after [period]'s own keys: append as an array-of-tables entry.
    (tmp_path / "T08.toml").write_text(extended, encoding="utf-8")
    trial = load_trial(tmp_path / "T08.toml")
    assert trial.period.effective_end == date(2027, 12, 31)
    assert trial.period.extensions[-1].source == "Kommunens egen forlængelse"


T09_TEXT = (SHIPPED / "T09.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("minimum", "refused"),
    [
        ("{ weeks = 5 }", True),  # 5 weeks = 35 days > 4 weeks = 28 days
        ("{ days = 29 }", True),
        ("{ days = 28 }", False),  # as long as the maximum: allowed
        ("{ weeks = 2 }", False),  # the shipped 2-4 weeks
    ],
)
def test_a_minimum_longer_than_the_maximum_is_refused(tmp_path, minimum, refused):
    path = tmp_path / "T09.toml"
    path.write_text(T09_TEXT.replace("minimum = { weeks = 2 }", f"minimum = {minimum}", 1), encoding="utf-8")
    if refused:
        with pytest.raises(CatalogError, match=r"T09\.toml: feltet 'rules\[\d+\]\.minimum' er længere end maximum"):
            load_trial(path)
    else:
        assert load_trial(path).id == "T09"
