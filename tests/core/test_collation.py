"""The Danish order of names (core/collation.py), each expected order worked out by hand from
CLDR's Danish collation (common/collation/da.xml): a-z, then æ (ä), ø (ö, ő, œ), å (aa); ü as y;
other accents and case aside."""

from __future__ import annotations

import unicodedata

from caseworker_app.core.collation import danish_key, sorted_names
from tests.name_order import CREATED, DANISH_ORDER


def test_the_tester_s_names_in_danish_order():
    assert sorted(["Åge", "Åse", "Ærø"], key=danish_key) == ["Ærø", "Åge", "Åse"]
    assert sorted(CREATED, key=danish_key) == DANISH_ORDER


def test_case_does_not_count_and_equal_names_keep_their_order():
    # sorted() is stable: names equal but for case stay as given (the store gives them by id)
    assert sorted(["bent", "Åse", "BENT", "åse", "Bent"], key=danish_key) == ["bent", "BENT", "Bent", "Åse", "åse"]


def test_aa_counts_as_aa_ring_wherever_it_stands():
    # Aage beside Åge, after Ørum and before Åse; "Haagensen" is "Hågensen", after "Høgh";
    # "Aaron" is "Åron" (CLDR makes no exception for names where aa is not said as å).
    names = ["Åse", "Aaron", "Hansen", "Haagensen", "Høgh", "Ørum", "AAGE", "Zacho"]
    assert sorted(names, key=danish_key) == ["Hansen", "Høgh", "Haagensen", "Zacho", "Ørum", "AAGE", "Aaron", "Åse"]
    assert danish_key("Aage") == danish_key("Åge") == danish_key("AAGE") == danish_key("åge")


def test_accented_letters_sort_with_their_base_letter_and_danish_exceptions():
    # é as e, č as c, ł as l; CLDR da: ä as æ, ö as ø, ü as y, þ as th
    names = ["Özil", "Ole", "Ängel", "Ærø", "Müller", "Myre", "Mads", "Émile", "Eva", "Čapek", "Dan", "Łukasz", "Lars"]
    assert sorted(names, key=danish_key) == [
        "Čapek",  # capek
        "Dan",
        "Émile",  # emile < eva
        "Eva",
        "Lars",  # lars < lukasz
        "Łukasz",
        "Mads",
        "Müller",  # myller < myre
        "Myre",
        "Ole",
        "Ängel",  # ængel < ærø
        "Ærø",
        "Özil",  # øzil
    ]
    assert sorted(["Tina", "Þóra", "Thomas"], key=danish_key) == ["Thomas", "Þóra", "Tina"]  # thomas < thora < tina


def test_a_name_typed_with_a_combining_ring_sorts_as_aa_ring():
    decomposed = unicodedata.normalize("NFD", "Åse")  # "A" + U+030A, as macOS may paste it
    assert decomposed != "Åse"
    assert danish_key(decomposed) == danish_key("Åse")
    assert sorted(["Zacho", decomposed, "Ørum"], key=danish_key) == ["Zacho", "Ørum", decomposed]


def test_a_name_stored_as_a_number_is_ordered_not_refused():
    # another program wrote 42 into the name column (tests/cli/test_damaged_variants.py)
    assert sorted(["Bo", 42, "Anne"], key=danish_key) == [42, "Anne", "Bo"]  # type: ignore[list-item]


def test_caseworker_names_in_danish_order_whatever_the_set_s_order():
    names = {"Åse Holm", "ærling Dam", "Bo Lund", "anne Berg", "Anne Berg", "Ørn Ris"}
    assert sorted_names(names) == ["Anne Berg", "anne Berg", "Bo Lund", "ærling Dam", "Ørn Ris", "Åse Holm"]
