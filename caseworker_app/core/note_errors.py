"""Why a journal note cannot be written: the errors the note modules raise, with Danish messages."""

from __future__ import annotations

from collections.abc import Mapping


class NoteError(ValueError):
    """A note that cannot be written; the message says why, in Danish."""


class MissingFieldError(NoteError):
    """Fields the note uses are empty; `fields` names them, the message describes them in Danish."""

    def __init__(self, missing: Mapping[str, str]):
        self.fields = tuple(missing)
        self.labels = tuple(dict.fromkeys(missing.values()))  # a date's two forms are asked once
        wanted = "; ".join(self.labels)
        super().__init__(f"Notatet kan ikke laves, før dette er udfyldt: {wanted}.")
