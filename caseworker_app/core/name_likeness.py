"""Two spellings of a caseworker's name that are likely one person but are not one name to the
filter 'mine frister' (core.text.name_key): 'Mette K. Sørensen' and 'Mette Kjær Sørensen', 'M.
Sørensen' and 'Mette Sørensen'. The import only warns of them, never merges: two colleagues may
share a first and a last name.

The rule is kept explainable: the same last word, and the same first word or an initial that
fits it ('M.' fits 'Mette'); the words between (middle names, initials) may differ or be missing."""

from __future__ import annotations

from collections.abc import Iterable

from .text import name_key


def _words(name: str) -> list[str]:
    """The name's words as the filter compares them, a full stop after an initial dropped."""
    return [word.strip(".") for word in name_key(name).split() if word.strip(".")]


def _first_words_fit(one: str, other: str) -> bool:
    if one == other:
        return True
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) == 1 and longer.startswith(shorter)


def names_alike(one: str, other: str) -> bool:
    """Two different names (by name_key) with the same last word and a fitting first word."""
    if name_key(one) == name_key(other):
        return False
    a, b = _words(one), _words(other)
    if len(a) < 2 or len(b) < 2:
        return False
    return a[-1] == b[-1] and _first_words_fit(a[0], b[0])


def alike_name(name: str, known: Iterable[str]) -> str | None:
    """The first of known that names_alike finds like name, or None."""
    return next((other for other in known if names_alike(name, other)), None)
