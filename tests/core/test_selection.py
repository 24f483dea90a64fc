"""core.selection: whose cases a caseworker filter keeps, what a search finds, and the line that says it."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.core.cases import CaseRecord
from caseworker_app.core.selection import belongs_to, possessive, scope_text, search_needle, select


def case(id_: int, citizen: str, ref: str, caseworker: str, cpr: str | None = None) -> CaseRecord:
    return CaseRecord(
        id=id_,
        citizen=citizen,
        case_ref=ref,
        trial_id="T08",
        dates={"hire": date(2018, 8, 31)},
        caseworker=caseworker,
        cpr=cpr,
    )


CASES = (
    case(1, "Jens Hansen", "2018-0831", "Anne Jensen", "0101801234"),
    case(2, "Karen Holm", "2018-0915", "Bo Lund"),
    case(3, "Lise Dam", "2018-0810", ""),
    case(4, "Ole Bak", "2018-0702", " anne jensen "),
)


def pick(**kwargs):
    return select(CASES, case_of=lambda c: c, **kwargs)


def test_a_caseworker_keeps_their_own_and_the_unassigned_names_compared_loosely():
    chosen = pick(caseworker="Anne Jensen")
    assert [c.citizen for c in chosen.items] == ["Jens Hansen", "Lise Dam", "Ole Bak"]
    assert (chosen.shown, chosen.total, chosen.unassigned) == (3, 4, 1)
    assert scope_text(chosen, "sager") == "Viser Anne Jensens sager og sager uden sagsbehandler – 3 af 4"


def test_no_caseworker_keeps_everyone():
    chosen = pick()
    assert chosen.shown == 4
    assert scope_text(chosen, "frister") == "Viser alle sagsbehandleres frister – 4"
    assert belongs_to("Bo Lund", "") and belongs_to("", "Bo Lund") and not belongs_to("Bo Lund", "Anne Jensen")


@pytest.mark.parametrize("typed", ["010180-1234", "0101801234", "010180", "2018-0831", "20180831", "HANSEN"])
def test_search_finds_by_name_fasit_number_and_cpr_with_or_without_dash(typed):
    chosen = pick(needle=search_needle(typed))
    assert [c.citizen for c in chosen.items] == ["Jens Hansen"]
    assert scope_text(chosen, "sager") == "Viser alle sagsbehandleres sager, der passer til søgningen – 1 af 4"


def test_the_danish_genitive_of_a_name():
    assert possessive("Anne Jensen") == "Anne Jensens"
    assert possessive("Lars Jens") == "Lars Jens'"
    assert possessive("Bo Lund ") == "Bo Lunds"
