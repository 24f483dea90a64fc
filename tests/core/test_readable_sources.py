"""Decision 16: sources shown to users are readable.

On screen and in print a source is named as a person would cite it (document title, issuer, date,
page or section), never as an internal reference such as "SEED 001:484". Internal references stay
in the trial files only as TOML comments, which the program never shows.
"""

import dataclasses
import re
from collections.abc import Iterator

from caseworker_app.core.catalog import Trial
from caseworker_app.core.catalog_load import load_catalog

# "SEED 001:484", "SEED 003:14-16" or a bare "001:357" left behind in running text.
INTERNAL_REFERENCE = re.compile(r"SEED|\b\d{3}:\d+")

# Not shown to users: where the trial was read from.
NOT_SHOWN = {"file"}


def internal_reference(text: str) -> str | None:
    """The internal reference text contains, or None if it has none."""
    match = INTERNAL_REFERENCE.search(text)
    return match.group(0) if match else None


def user_texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every str in value with where it sits (e.g. "period.extensions[1].source"), recursively."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in NOT_SHOWN:
                yield from user_texts(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from user_texts(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from user_texts(item, f"{path}.{key}")


def offending_texts(trial: Trial) -> list[str]:
    """One line per user-visible text of trial that contains an internal reference."""
    return [
        f"{trial.id} {where}: {internal_reference(text)!r} i {text!r}"
        for where, text in user_texts(trial, "")
        if internal_reference(text)
    ]


def test_no_shipped_trial_shows_an_internal_reference():
    catalog = load_catalog()
    offending = [line for trial in catalog.values() for line in offending_texts(trial)]
    assert not offending, "Kilder skal skrives, som en person ville citere dem:\n" + "\n".join(offending)


def test_the_walk_reaches_the_fields_users_see():
    t08 = load_catalog()["T08"]
    where = {path for path, _ in user_texts(t08, "")}
    assert {"sources[0]", "period.source", "period.extensions[0].source", "fasit_note"} <= where
    assert {"conditions[0]", "target_group", "ordinary_reference", "trial_reference"} <= where
    assert {"citations[0].text", "rules[0].text", "rules[0].ordinary.reference"} <= where
    assert {"dates[0].label", "notes.opfoelgning.text", "notes.opfoelgning.title"} <= where
    assert "file" not in where


def test_the_checker_flags_the_old_internal_references():
    for old in (
        "SEED 001:484",
        "SEED 003:14-16: en række forsøg forlænget på bekendtgørelsesniveau til udgangen af 2023",
        "Kataloget følger 001:357 (mindst 4 samtaler).",
    ):
        assert internal_reference(old), old
    for readable in (
        "Evalueringsdesign for forsøg fra 3. ansøgningsrunde – Det nordjyske frikommuneforsøg "
        '2016-2020, afsnittet "Færre opfølgninger i relation til førtidspensionister i løntilskud"',
        "Beskæftigelsesministerens brev 26-11-2024 (BEU Alm.del 2024-25 Bilag 45)",
        "Bekendtgørelse om frikommuneforsøg II (BEK nr. 529 af 23/05/2018)",
    ):
        assert internal_reference(readable) is None, readable


def test_an_old_source_deep_in_a_trial_is_named_with_the_trial_and_the_text():
    t08 = load_catalog()["T08"]
    old_period = dataclasses.replace(
        t08.period,
        source="SEED 001:484: bekendtgørelsen træder i kraft 1/7 2018",
        extensions=(
            dataclasses.replace(t08.period.extensions[0], note="se SEED 000:9"),
            *t08.period.extensions[1:],
        ),
    )
    old_rule = dataclasses.replace(
        t08.rules[0],
        ordinary=dataclasses.replace(t08.rules[0].ordinary, reference="SEED 001:489"),
    )
    old = dataclasses.replace(t08, period=old_period, rules=(old_rule, *t08.rules[1:]))
    offending = offending_texts(old)
    assert len(offending) == 3
    assert offending[0].startswith("T08 period.source: 'SEED' i ")
    assert "SEED 001:484: bekendtgørelsen træder i kraft 1/7 2018" in offending[0]
    assert offending[1].startswith("T08 period.extensions[0].note: ")
    assert offending[2].startswith("T08 rules[0].ordinary.reference: ")
