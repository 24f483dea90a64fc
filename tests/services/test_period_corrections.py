"""A corrected end keeps the legal basis of the periods it does not withdraw (decision 14).

T08 as shipped: the order from 01-07-2018 to 31-12-2021, extended to 31-12-2022, 2023, 2024 and
(by the minister's letter of 26-11-2024) 2025. Each case below enters changes as the Forsøg tab
does and checks the citation of a note dated in each period, and the Forsøgsperiode box's lines
for the changes (services/catalog_texts.period_lines, which `trials --trial` prints too). Every
expected text is written out by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.overrides import TrialOverride, apply_overrides
from caseworker_app.services.catalog_texts import period_lines

ORDER = "Bekendtgørelse om frikommuneforsøg II på beskæftigelses- og sygedagpengeområdet (BEK nr. 529 af 23/05/2018)"
IN_2022 = (
    f"{ORDER}, forlænget til 31-12-2022 ifølge Vesthimmerlands Kommunes evalueringsskema (forlænget 26-08-2021; "
    "hjemmel ikke fundet)"
)
IN_2023 = (
    f"{ORDER}, forlænget til 31-12-2023 ifølge Frikommuneforsøg II – konklusioner af kommunernes egne evalueringer "
    "(2022): forlænget på bekendtgørelsesniveau med hjemmel i forsøgsbestemmelsen i lov om en aktiv "
    "beskæftigelsesindsats (bekendtgørelsen er ikke fundet) – generel oplysning; forsøget er ikke nævnt ved navn i "
    "denne forlængelse"
)
IN_2024 = (
    f"{ORDER}, forlænget til 31-12-2024 ifølge Aalborg Kommunes oplysninger om frikommuneforsøg (hjemmel ikke fundet) "
    "– generel oplysning; forsøget er ikke nævnt ved navn i denne forlængelse"
)
LETTER_2025 = "Beskæftigelsesministerens brev af 26-11-2024"
IN_2025 = f"{ORDER}, forlænget til 31-12-2025 ifølge {LETTER_2025}"

LETTER_2026 = "Beskæftigelsesministerens brev af 20-11-2025 (test)"
# The extension to 31-12-2026 as the dialog stores it: decided by the letter, while the trial ran.
TO_2026 = '{"decided": "2025-11-20", "end": "2026-12-31"}'
NOT_GIVEN = "Forlængelsen blev ikke givet alligevel (test)"
ENTERED = "2026-11-30T10:00:00+00:00"
# A note dated in each period: the original one, each shipped extension, then 2026 and 2027.
DAYS = [date(2019, 9, 5), date(2022, 9, 5), date(2023, 9, 5), date(2024, 9, 5), date(2025, 9, 5)]
DAY_2026, DAY_2027 = date(2026, 9, 5), date(2027, 9, 5)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def t08(catalog, *changes: tuple[str, str, str]):
    """T08 after the changes (field, value, source), entered in that order on 30-11-2026."""
    overrides = [TrialOverride("T08", field, value, source, created_at=ENTERED) for field, value, source in changes]
    return apply_overrides(catalog, overrides)["T08"]


def cited(trial, days) -> list[str]:
    return [trial.citation_text_on(day) for day in days]


def changes_lines(trial) -> list[str]:
    """The box's lines after the shipped extensions (the changes entered), and its last line."""
    lines = period_lines(trial)
    return lines[lines.index("Forlænget til 31-12-2025 (besluttet 26-11-2024)") :]


def test_a_correction_back_to_an_extensions_end_keeps_that_extensions_basis(catalog):
    # The coordinator's case: extended to 31-12-2026, then corrected back to 31-12-2025.
    extended = t08(catalog, ("extension", TO_2026, LETTER_2026))
    assert cited(extended, [*DAYS, DAY_2026]) == [
        ORDER,
        IN_2022,
        IN_2023,
        IN_2024,
        IN_2025,
        f"{ORDER}, forlænget til 31-12-2026 ifølge {LETTER_2026}",
    ]
    trial = t08(catalog, ("extension", TO_2026, LETTER_2026), ("end", "2025-12-31", NOT_GIVEN))
    assert trial.period.effective_end == date(2025, 12, 31)
    # 05-09-2025 is still covered by the minister's letter: the correction withdrew only 2026.
    assert cited(trial, DAYS) == [ORDER, IN_2022, IN_2023, IN_2024, IN_2025]
    assert changes_lines(trial) == [
        "Forlænget til 31-12-2025 (besluttet 26-11-2024)",
        "    Kilde: Beskæftigelsesministerens brev 26-11-2024 (BEU Alm.del 2024-25 Bilag 45): forlænget til udgangen "
        "af 2025",
        f"    Hjemmel i journalnotater: »forlænget til 31-12-2025 ifølge {LETTER_2025}«",
        "Slutdato rettet til 31-12-2025 – rettet i programmet 30-11-2026; forlængelsen til 31-12-2026 trækkes tilbage",
        f"    Kilde: {NOT_GIVEN}",
        "Gældende slutdato: 31-12-2025",
    ]


def test_a_correction_between_two_extensions_ends_cuts_the_one_it_falls_in(catalog):
    left = "Kommunen trådte ud af forsøget 30-06-2025 (test)"
    trial = t08(catalog, ("extension", TO_2026, LETTER_2026), ("end", "2025-06-30", left))
    assert trial.period.effective_end == date(2025, 6, 30)
    # 05-03-2025 lies in what is left of the extension to 31-12-2025: its basis, and the cut.
    assert cited(trial, [*DAYS[:4], date(2025, 3, 5)]) == [
        ORDER,
        IN_2022,
        IN_2023,
        IN_2024,
        f"{IN_2025}, afkortet til 30-06-2025 ifølge {left}",
    ]
    assert changes_lines(trial)[2:] == [
        f"    Hjemmel i journalnotater: »forlænget til 31-12-2025 ifølge {LETTER_2025}, afkortet til 30-06-2025 "
        f"ifølge {left}«",
        "Slutdato rettet til 30-06-2025 – rettet i programmet 30-11-2026; forlængelsen til 31-12-2025 afkortes til "
        "30-06-2025; forlængelsen til 31-12-2026 trækkes tilbage",
        f"    Kilde: {left}",
        "Gældende slutdato: 30-06-2025",
    ]
    # Between 31-12-2025 and the entered extension's end: that extension is cut, 2025 untouched.
    trial = t08(catalog, ("extension", TO_2026, LETTER_2026), ("end", "2026-06-30", "Sluttet 30-06-2026"))
    assert cited(trial, [*DAYS, date(2026, 3, 5)]) == [
        ORDER,
        IN_2022,
        IN_2023,
        IN_2024,
        IN_2025,
        f"{ORDER}, forlænget til 31-12-2026 ifølge {LETTER_2026}, afkortet til 30-06-2026 ifølge Sluttet 30-06-2026",
    ]


def test_a_correction_before_the_original_end_keeps_the_order_and_the_periods_source(catalog):
    left = "Kommunen trådte ud af forsøget 31-12-2020 (test)"
    trial = t08(catalog, ("extension", TO_2026, LETTER_2026), ("end", "2020-12-31", left))
    assert trial.period.effective_end == date(2020, 12, 31)
    assert trial.citation_text_on(date(2019, 9, 5)) == ORDER
    lines = period_lines(trial)
    assert lines[0] == "Start 01-07-2018; slutdato før forlængelser 31-12-2021"
    assert lines[1].startswith("    Kilde: Evalueringsdesign for forsøg fra 3. ansøgningsrunde")  # not the correction
    assert lines[2:] == [
        "Slutdato rettet til 31-12-2020 – rettet i programmet 30-11-2026; den oprindelige periode til 31-12-2021 "
        "afkortes til 31-12-2020; forlængelserne til 31-12-2022, 31-12-2023, 31-12-2024, 31-12-2025 og 31-12-2026 "
        "trækkes tilbage",
        f"    Kilde: {left}",
        "Gældende slutdato: 31-12-2020",
    ]


def test_a_correction_undone_by_a_later_end_gives_back_every_citation(catalog):
    undone = "Rettelsen var en fejl (test)"
    extended = t08(catalog, ("extension", TO_2026, LETTER_2026))
    trial = t08(
        catalog,
        ("extension", TO_2026, LETTER_2026),
        ("end", "2025-12-31", NOT_GIVEN),
        ("end", "2026-12-31", undone),
    )
    in_2026 = f"{ORDER}, forlænget til 31-12-2026 ifølge {LETTER_2026}"
    assert cited(trial, [*DAYS, DAY_2026]) == [ORDER, IN_2022, IN_2023, IN_2024, IN_2025, in_2026]
    every_day = [date.fromordinal(n) for n in range(date(2018, 7, 1).toordinal(), date(2027, 1, 1).toordinal())]
    assert cited(trial, every_day) == cited(extended, every_day)
    assert changes_lines(trial)[3:] == [
        "Forlænget til 31-12-2026 (besluttet 20-11-2025) – forlænget i programmet 30-11-2026",
        f"    Kilde: {LETTER_2026}",
        "Slutdato rettet til 31-12-2025 – rettet i programmet 30-11-2026; forlængelsen til 31-12-2026 trækkes tilbage",
        f"    Kilde: {NOT_GIVEN}",
        "Slutdato rettet til 31-12-2026 – rettet i programmet 30-11-2026; forlængelsen til 31-12-2026 gælder igen",
        f"    Kilde: {undone}",
        "Gældende slutdato: 31-12-2026",
    ]


def test_a_correction_undone_in_part_or_beyond_the_withdrawn_extension(catalog):
    first = (("extension", TO_2026, LETTER_2026), ("end", "2025-12-31", NOT_GIVEN))
    # Only to 30-06-2026: the letter of 2026 again, cut where the new end says.
    trial = t08(catalog, *first, ("end", "2026-06-30", "Halvt år (test)"))
    assert cited(trial, [DAYS[4], date(2026, 3, 5)]) == [
        IN_2025,
        f"{ORDER}, forlænget til 31-12-2026 ifølge {LETTER_2026}, afkortet til 30-06-2026 ifølge Halvt år (test)",
    ]
    assert period_lines(trial)[-3] == (
        "Slutdato rettet til 30-06-2026 – rettet i programmet 30-11-2026; forlængelsen til 31-12-2026 gælder igen "
        "til og med 30-06-2026"
    )
    # To 31-12-2027: the letter of 2026 again, and beyond it the new end's own basis.
    trial = t08(catalog, *first, ("end", "2027-12-31", "Brev af 01-12-2026 (test)"))
    assert cited(trial, [DAYS[4], DAY_2026, DAY_2027]) == [
        IN_2025,
        f"{ORDER}, forlænget til 31-12-2026 ifølge {LETTER_2026}",
        f"{ORDER}, forlænget til 31-12-2027 ifølge Brev af 01-12-2026 (test)",
    ]


def test_a_new_extension_after_a_correction_is_its_own_basis(catalog):
    # "Ny forlængelse" is a new decision from the end as it stands: the withdrawn one stays withdrawn.
    new_letter = "Beskæftigelsesministerens brev af 15-12-2026 (test)"
    trial = t08(
        catalog,
        ("extension", TO_2026, LETTER_2026),
        ("end", "2025-06-30", "Sluttet 30-06-2025"),
        ("extension", "2026-12-31", new_letter),
    )
    assert cited(trial, [date(2025, 3, 5), date(2025, 9, 5), DAY_2026]) == [
        f"{IN_2025}, afkortet til 30-06-2025 ifølge Sluttet 30-06-2025",
        f"{ORDER}, forlænget til 31-12-2026 ifølge {new_letter}",
        f"{ORDER}, forlænget til 31-12-2026 ifølge {new_letter}",
    ]
    assert [line for line in period_lines(trial) if not line.startswith(" ")][-4:] == [
        "Forlænget til 31-12-2025 (besluttet 26-11-2024)",
        "Slutdato rettet til 30-06-2025 – rettet i programmet 30-11-2026; forlængelsen til 31-12-2025 afkortes til "
        "30-06-2025; forlængelsen til 31-12-2026 trækkes tilbage",
        "Forlænget til 31-12-2026 – forlænget i programmet 30-11-2026",
        "Gældende slutdato: 31-12-2026",
    ]
    # Corrected back out to 31-12-2026 now: nothing withdrawn comes back, the new letter stays.
    trial = t08(
        catalog,
        ("extension", TO_2026, LETTER_2026),
        ("end", "2025-06-30", "Sluttet 30-06-2025"),
        ("extension", "2026-06-30", new_letter),
        ("end", "2026-12-31", "Rettet (test)"),
    )
    assert cited(trial, [date(2025, 9, 5), date(2026, 9, 5)]) == [
        f"{ORDER}, forlænget til 30-06-2026 ifølge {new_letter}",
        f"{ORDER}, forlænget til 31-12-2026 ifølge Rettet (test)",
    ]


def test_a_source_typed_on_several_lines_is_cited_on_one_and_listed_under_its_heading(catalog):
    # A reviewer: an extension's source with a line break (the store keeps them) was cited with the
    # break in list cells, prints and journal notes, and its second line stood at the margin of the
    # Forsøgsperiode box.
    trial = t08(catalog, ("extension", "2026-12-31", "Ministeriets brev af 15-11-2025\nj.nr. 2025-1234"))
    assert trial.citation_text_on(date(2026, 9, 5)) == (
        f"{ORDER}, forlænget til 31-12-2026 ifølge Ministeriets brev af 15-11-2025; j.nr. 2025-1234"
    )
    lines = "\n".join(period_lines(trial)).splitlines()  # as the box shows them
    at = lines.index("    Kilde: Ministeriets brev af 15-11-2025")
    assert lines[at + 1 : at + 3] == [
        "      j.nr. 2025-1234",
        "    Hjemmel i journalnotater: »forlænget til 31-12-2026 ifølge Ministeriets brev af 15-11-2025; j.nr. "
        "2025-1234«",
    ]
