"""A note citing an extension carries the caveat the catalog gives it (decision 14; a domain auditor:
T02's notes of 2023-2024 cited the extensions and dropped "Generel oplysning; forsøget er ikke nævnt
ved navn i denne forlængelse")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from caseworker_app.core.cases import CaseRecord
from caseworker_app.core.catalog_load import load_catalog
from caseworker_app.core.notes import render_note

CATALOG = load_catalog()
T02 = CaseRecord(id=2, citizen="Per Sørensen", case_ref="2023-0102", trial_id="T02", dates={})


@pytest.mark.parametrize(
    ("written", "hjemmel"),
    [
        (
            date(2023, 5, 10),
            "Hjemmel: § 9 d i lov om frikommunenetværk, forlænget til 31-12-2023 ifølge Frikommuneforsøg II – "
            "konklusioner af kommunernes egne evalueringer (2022): forlænget på bekendtgørelsesniveau med hjemmel i "
            "forsøgsbestemmelsen i lov om en aktiv beskæftigelsesindsats (bekendtgørelsen er ikke fundet) – generel "
            "oplysning; forsøget er ikke nævnt ved navn i denne forlængelse.",
        ),
        (
            date(2024, 5, 10),
            "Hjemmel: § 9 d i lov om frikommunenetværk, forlænget til 31-12-2024 ifølge Aalborg Kommunes oplysninger "
            "om frikommuneforsøg (hjemmel ikke fundet) – generel oplysning; forsøget er ikke nævnt ved navn i denne "
            "forlængelse.",
        ),
        # The minister's letter names the trial: no caveat.
        (
            date(2025, 5, 12),
            "Hjemmel: § 9 d i lov om frikommunenetværk, forlænget til 31-12-2025 ifølge Beskæftigelsesministerens "
            "brev af 26-11-2024.",
        ),
    ],
)
def test_a_t02_note_in_an_extension_keeps_its_caveat(written, hjemmel):
    note = render_note(
        CATALOG["T02"],
        T02,
        "forsoeg_anvendt",
        note_date=written,
        caseworker="Anne Jensen",
        municipality="Aalborg Kommune",
        free_text="Revurdering ikke foretaget.",
    )
    assert f"\n{hjemmel}\n" in note


def test_every_shipped_caveat_is_cited_on_the_days_of_its_extension():
    for trial in CATALOG.values():
        for index, extension in enumerate(trial.period.extensions):
            span = trial.period.layout.span_of.get(index)
            if not extension.caveat or span is None:
                continue
            day = span.last - timedelta(days=1)
            cited = trial.citation_text_on(day)
            assert extension.caveat.rstrip(".")[1:] in cited, (trial.id, extension.end)
