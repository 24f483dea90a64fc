"""The note as the database holds it now, at the moment it is copied: another copy of the program
(or a colleague) may have entered an extension, a new end, a citation or a changed ordinary rule, or
changed the case, since the window read them. The note is then computed again; if what it says
changed, nothing is copied and the caseworker reads the new text first, told why in Danish; the
lines that changed are marked and scrolled into view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.note_staleness import note_statement, restated
from ...core.text import and_list

if TYPE_CHECKING:
    from ...core.overrides import TrialOverride
    from .window import NoteWindow


def trial_changes(window: NoteWindow) -> list[TrialOverride]:
    """The municipality's changes of the case's trial as the store holds them now."""
    return [o for o in window.store.overrides() if o.trial_id == window.case.trial_id]


def read_case(window: NoteWindow, *, with_trial: bool = False) -> None:
    """The case and its history (with_trial: and its trial) as the store holds them now: another copy
    may have registered an event meanwhile. The note is drafted from them, and the event date's hint
    ("Sagens seneste 'opfølgning' er …") says what they hold, not what the window read first."""
    store = window.store
    window.case = store.get_case(window.case_id)
    window._history = store.history(window.case_id)
    if with_trial:
        window.trial = store.catalog().get(window.case.trial_id)
    window.inputs.follow_case(window.trial, window.case, window._default_event_date())


def changed_meanwhile(window: NoteWindow) -> str:
    """Read the catalog and the case again; the window then shows the note they give. Why the note
    now says something else than the caseworker saw (Danish), '' when it says the same."""
    before, by_hand = window.note_text(), window.draft.hand_edited
    seen = {o.id for o in window.seen_changes}
    old_trial, old_case, situation = window.trial, window.case, window.situation()
    window.seen_changes = trial_changes(window)
    new = [o for o in window.seen_changes if o.id not in seen]
    read_case(window, with_trial=True)
    window.update_note()
    if by_hand:  # the caseworker's own text stays: does what it says of the deadline still hold?
        if old_trial is None or window.trial is None or situation is None:
            return ""
        day, event_date = window._today(), window._subject()[1]
        statement = note_statement(old_trial, old_case, situation, before, day, event_date)
        if statement is None or restated(window.trial, window.case, situation, day, statement) is None:
            return ""
    elif window.note_text() == before:
        return ""
    else:
        window.draft.show_changed(before)  # the lines made anew (the new deadline) marked and in view
    why = []
    if new:
        labels = and_list([o.label for o in new])
        why.append(
            f"Forsøg {window.case.trial_id} er ændret, efter vinduet blev åbnet (fx i et andet vindue): {labels}."
        )
    if window.case != old_case:
        why.append("Sagen er ændret, efter vinduet blev åbnet (fx i et andet vindue).")
    if not why:
        why.append("Forsøgets eller sagens oplysninger er ændret, efter vinduet blev åbnet.")
    first = (
        "Ikke kopieret: din rettede tekst siger en anden frist eller hjemmel end vinduet nu. Tryk »Lav teksten "
        "forfra«, og læs den nye tekst, før du kopierer."
        if by_hand
        else "Ikke kopieret: notatet er lavet om efter nye oplysninger. Læs den nye tekst, og kopiér igen."
    )
    return " ".join([first, *why])
