"""Which column of an imported case list holds which field of a case: the fields, the guess from
the headers, and the mapping the user can edit (and the program remembers for the next import).

Qt-free; docs/import.md describes the choices in Danish.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from .import_synonyms import FILLER_WORDS, MIN_CONTAINED, SYNONYMS, WHOLE_ONLY
from .terms import DATE_NAMES

# The follow-up held most recently, before the import: saved as a follow-up event, so the next
# deadline counts from it and not from an old hire date (docs/import.md).
LAST_FOLLOWUP = "last_followup"
# The latest decision on the plan (T07), likewise: saved as a decision whose outcome the list does
# not give (terms.EVENT_NAMES 'plan_decision'), so the trial rule's next date counts from it.
LAST_DECISION = "last_decision"
# The import fields that register an event on the case, with the kind of event each registers.
EVENT_FIELDS = {LAST_FOLLOWUP: "followup", LAST_DECISION: "plan_decision"}

# Every field an imported column can fill, in the order the mapping offers them, with its label.
FIELD_LABELS = {
    "citizen": "Borgerens navn",
    "case_ref": "FASIT-sagsnummer",
    "cpr": "CPR-nummer",
    "trial_id": "Forsøg",
    "caseworker": "Sagsbehandler",
    "note": "Bemærkning",
    **{name: label[:1].upper() + label[1:] for name, label in DATE_NAMES.items()},
    LAST_FOLLOWUP: "Seneste opfølgning",
    LAST_DECISION: "Seneste stillingtagen til indsatsplanen",
}
IMPORT_FIELDS = tuple(FIELD_LABELS)
DATE_FIELDS = (*DATE_NAMES, *EVENT_FIELDS)
REQUIRED_FIELDS = ("citizen", "case_ref")  # and a trial: a column or one trial for every row
_K = TypeVar("_K", str, frozenset[str])  # a header folded, or its words


def fold_header(text: object) -> str:
    """A header as compared: case, spaces, punctuation and æ/ø/å spelled ae/oe/aa do not matter."""
    return re.sub(r"[^0-9a-z]", "", _folded_letters(text))


def _folded_letters(text: object) -> str:
    folded = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return folded.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def word_key(text: object) -> frozenset[str]:
    """A header's words as compared in any order: folded as fold_header, without the filler words,
    and a word's 'dato' (with its linking s) dropped: 'Startdato løntilskud' and 'Dato for start af
    løntilskud' are both {'start', 'loentilskud'}, as is the synonym 'start loentilskud'."""
    words: set[str] = set()
    for word in re.findall(r"[0-9a-z]+", _folded_letters(text)):
        if word.endswith("dato") and len(word) > len("dato"):
            word = word.removesuffix("dato")
            word = word[:-1] if word.endswith("s") and len(word) > 3 else word
        if word not in FILLER_WORDS:
            words.add(word)
    return frozenset(words)


def catalog_date_labels() -> dict[str, str]:
    """Each trial's own label of its dates, folded, with the date it names ('startpaaressourceforloeb'
    → visitation): the program shows that label in the case window, so a list may well use it. Read
    from the shipped catalog (resources/trials); a label two trials give different dates is left out."""
    return _unambiguous((fold_header(label), name) for label, name in _catalog_labels())


def _catalog_labels() -> list[tuple[str, str]]:
    """Every trial's date labels as written, with the date each names."""
    from .catalog_load import load_catalog  # only when a header is first read: start-up time

    return [(d.label, d.name) for trial in load_catalog().values() for d in trial.dates if d.label]


def _unambiguous(pairs: Iterable[tuple[_K, str]]) -> dict[_K, str]:
    """Each key with its field, leaving out a key given two fields (and an empty one)."""
    found: dict[_K, set[str]] = {}
    for key, name in pairs:
        found.setdefault(key, set()).add(name)
    return {key: next(iter(names)) for key, names in found.items() if len(names) == 1 and key}


@cache
def _tables() -> tuple[dict[str, str], list[str], dict[frozenset[str], str]]:
    """The words a header is compared with (folded → field), those a header may contain, longest
    first, and the word sets a header's words may match in any order (word_key → field; a set two
    fields share is left out). The hand-written synonyms and the fields' labels come before the
    catalog's date labels."""
    own = [(word, name) for name, words in SYNONYMS.items() for word in (*words, FIELD_LABELS[name])]
    labels = _catalog_labels()
    table: dict[str, str] = {}
    for word, name in own:
        table.setdefault(fold_header(word), name)
    for label, name in catalog_date_labels().items():
        table.setdefault(label, name)
    contained = sorted((w for w in table if len(w) >= MIN_CONTAINED and w not in WHOLE_ONLY), key=len, reverse=True)
    word_sets = _unambiguous((word_key(word), name) for word, name in own)
    for key, name in _unambiguous((word_key(label), name) for label, name in labels).items():
        word_sets.setdefault(key, name)
    return table, contained, word_sets


def named_exactly(header: object) -> bool:
    """The header as a whole is a name this program knows ('Næste opfølgning'), not just contains one."""
    return fold_header(header) in _tables()[0]


def recognized_field(header: object) -> str | None:
    """The field a header names ('CPR-nr.' → cpr), or None when it names none this program knows.

    First a name as a whole ('Sagsbeh.'), then a name's words in any order ('Løntilskud startdato'
    as 'Start løntilskud'), then the longest name the header contains ('Konsulentens navn')."""
    folded = fold_header(header)
    if not folded:
        return None
    by_word, contained, word_sets = _tables()
    if folded in by_word:
        return by_word[folded]
    in_any_order = word_sets.get(word_key(header))
    if in_any_order is not None:  # 'Løntilskud start', 'Startdato løntilskud'
        return in_any_order
    for word in contained:  # longest first: 'sagsbehandlernavn' is the caseworker, not the citizen
        if word in folded:
            field = by_word[word]
            if field in EVENT_FIELDS and any(hint in folded for hint in _NOT_HELD):
                # 'Opfølgningsfrist', 'Næste stillingtagen': a date due, not one held
                return None
            return field
    return None


# Words that make a header about a follow-up or decision a date still to come: never guessed as one
# held (it would be registered as held, and the case's overdue deadline would vanish).
_NOT_HELD = ("frist", "planlagt", "naeste", "kommende")


@dataclass(frozen=True)
class ColumnMapping:
    """For each column of the source (same order as its headers), the case field it fills or None.

    default_trial: the trial of every row whose trial cell is empty or that has no trial column
    (a list of one trial's cases often has no such column).
    """

    headers: tuple[str, ...]
    fields: tuple[str | None, ...]
    default_trial: str | None = None

    def __post_init__(self) -> None:
        if len(self.headers) != len(self.fields):
            raise ValueError("a mapping has one field (or None) per header")
        unknown = {f for f in self.fields if f is not None} - set(IMPORT_FIELDS)
        if unknown:
            raise ValueError(f"unknown import fields: {', '.join(sorted(unknown))}")

    def column_of(self, field: str) -> int | None:
        """The index of the column that fills field, or None."""
        for index, name in enumerate(self.fields):
            if name == field:
                return index
        return None

    def used_columns(self) -> set[int]:
        """The indexes of the columns that fill a field."""
        return {index for index, name in enumerate(self.fields) if name is not None}

    def header_of(self, field: str) -> str | None:
        """The header of the column that fills field, or None."""
        index = self.column_of(field)
        return None if index is None else self.headers[index]

    def with_field(self, column: int, field: str | None) -> ColumnMapping:
        """The mapping with column filling field (None: ignored); another column with it lets go."""
        fields = [None if (field is not None and f == field) else f for f in self.fields]
        fields[column] = field
        return ColumnMapping(self.headers, tuple(fields), self.default_trial)

    def with_default_trial(self, trial_id: str | None) -> ColumnMapping:
        """The mapping with this trial for rows that give none (None: every row must give one)."""
        return ColumnMapping(self.headers, self.fields, trial_id or None)

    def remembered(self) -> dict[str, str | None]:
        """What remember_mapping keeps: folded header → field (None: the user ignores it), for the
        columns whose field differs from what their header names by itself (recognized_field). A
        header the program learns to recognise later ('Sidste opf.') is then recognised, not held
        to an 'ignore' that only meant 'not recognised then'.

        Where two headers name the same field, the column that has it is kept (guess_mapping gives
        a remembered field before a recognised one), and the other one's 'ignore' is not: it only
        meant 'the field is another column's', and kept it would leave that header out of every
        later list, where it may be the only column with the field ('Sidste opfølgning' hidden in
        Excel beside 'Seneste opfølgning')."""
        named = [recognized_field(h) for h in self.headers]
        kept: dict[str, str | None] = {}
        for column, (header, field) in enumerate(zip(self.headers, self.fields, strict=True)):
            folded = fold_header(header)
            if not folded:
                continue
            if field != named[column]:
                if field is None and named[column] in self.fields:
                    continue  # left for another column
                kept[folded] = field
            elif field is not None and named.count(field) > 1:
                kept[folded] = field  # chosen among columns naming the same field
        return kept

    def recognised_headers(self) -> set[str]:
        """The folded headers whose column has the field its header names by itself."""
        return {
            fold_header(h)
            for h, f in zip(self.headers, self.fields, strict=True)
            if fold_header(h) and f is not None and f == recognized_field(h)
        }


def guess_mapping(
    headers: Iterable[object],
    remembered: Mapping[str, str | None] | None = None,
    default_trial: str | None = None,
    *,
    hidden: Collection[int] = (),
) -> ColumnMapping:
    """The field of each column: the one remembered for its header, else the one its header names.

    A field goes to a column remembered with it (the user chose it), else to the first column that
    names it and is not hidden in Excel (hidden: 0-based column indexes), else to the first hidden
    one: a column hidden in Excel is often an old one kept beside its successor, and its dates would
    give wrong deadlines unseen. Another column naming the field is ignored.
    """
    headers = tuple("" if h is None else str(h) for h in headers)
    remembered = remembered or {}
    named: list[str | None] = []
    chosen: set[int] = set()  # the columns whose field was remembered: the user's choice comes first
    for column, header in enumerate(headers):
        folded = fold_header(header)
        if folded in remembered:
            field = remembered[folded]
            field = field if field in IMPORT_FIELDS else None
            chosen.add(column)
        else:
            field = recognized_field(header)
        named.append(field)
    fields: list[str | None] = [None] * len(headers)
    taken: set[str] = set()
    for column in sorted(range(len(headers)), key=lambda c: (c not in chosen, c in hidden, c)):
        field = named[column]
        if field is not None and field not in taken:
            taken.add(field)
            fields[column] = field
    return ColumnMapping(headers, tuple(fields), default_trial or None)


def mapping_errors(mapping: ColumnMapping) -> list[str]:
    """Danish messages for a mapping that cannot import any row (empty: it can)."""
    errors: list[str] = []
    for field in REQUIRED_FIELDS:
        if mapping.column_of(field) is None:
            errors.append(
                f"Ingen kolonne er valgt som '{FIELD_LABELS[field]}'. Vælg den kolonne, der har "
                f"{'borgerens navn' if field == 'citizen' else 'FASIT-sagsnummeret'}."
            )
    if mapping.column_of("trial_id") is None and not mapping.default_trial:
        errors.append(
            "Ingen kolonne er valgt som 'Forsøg', og der er ikke valgt ét forsøg til alle rækker. "
            "Vælg forsøgskolonnen, eller vælg forsøget (fx T08), hvis alle sager er i samme forsøg."
        )
    return errors
