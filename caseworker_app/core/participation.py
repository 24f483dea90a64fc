"""Whether the municipality in the settings takes part in a trial (decision 17): one function decides it
(takes_part), and the note, the trial's view, `trials --trial`, a new case and an import all ask it."""

from __future__ import annotations

import unicodedata

from .catalog import Trial

# The fictitious municipality the demo database is signed with (store/demo.py): it takes part in no
# trial's list, and the demo shows every trial as a participant would, so it is not asked about.
DEMO_MUNICIPALITY = "Demo Kommune"

# Words a person writes around a municipality's name ("Vesthimmerlands Kommune", "Jobcenter Aalborg").
_AROUND = ("kommune", "kommunen", "jobcenter", "jobcentret")

# The note's check (decision 17, as decisions 13 and 15): a note applying a trial the municipality is
# not listed in is written once the caseworker confirms having checked it takes part.
PARTICIPATION_CHECK = "deltagelse_kontrolleret"
PARTICIPATION_CHECKED = "Kommunens deltagelse i forsøget er kontrolleret af sagsbehandleren."
PARTICIPATION_UNCHECKED = "bekræftelse af, at du har kontrolleret, at kommunen deltager i forsøget"


def _key(name: str) -> str:
    """The name folded as it is compared: lower case, without 'Kommune', spaces and punctuation."""
    words = unicodedata.normalize("NFC", name).casefold().replace("-", " ").split()
    kept = [w for w in words if w.strip(".,") not in _AROUND]
    return "".join(ch for ch in "".join(kept) if ch.isalnum())


def takes_part(trial: Trial, municipality: str) -> bool | None:
    """True when the municipality is among the trial's (`municipalities` in its file), matched as a
    person writes it ('Vesthimmerlands Kommune', 'vesthimmerland', 'Aalborg Kommune'); False when it
    is not; None when it cannot be told: no municipality in the settings, a trial whose list is empty
    (the sources do not name them: T04, T10), or the demo's own."""
    key = _key(municipality)
    if not key or not trial.municipalities or key == _key(DEMO_MUNICIPALITY):
        return None
    for listed in trial.municipalities:
        own = _key(listed)
        if own and key in (own, own + "s"):  # 'Vesthimmerlands Kommune', 'Københavns Kommune'
            return True
    return False


def not_listed_text(trial: Trial, municipality: str) -> str:
    """'Vesthimmerlands Kommune er ikke nævnt blandt forsøgets kommuner (Aalborg, Jammerbugt, Thisted,
    Rebild).' when takes_part says it does not take part; '' otherwise."""
    if takes_part(trial, municipality) is not False:
        return ""
    return f"{municipality.strip()} er ikke nævnt blandt forsøgets kommuner ({', '.join(trial.municipalities)})."


def participation_warning(trial: Trial, municipality: str) -> str:
    """What the trial's view, `trials --trial`, a new case and an import say when the municipality
    is not among the trial's (not_listed_text, with what to do); '' otherwise."""
    not_listed = not_listed_text(trial, municipality)
    if not not_listed:
        return ""
    return (
        f"{not_listed} Kontrollér, at kommunen deltager i forsøget; et journalnotat efter forsøget skrives "
        "først, når du har bekræftet det."
    )


def participation_check_text(trial: Trial, municipality: str) -> str:
    """The text of the note window's box (and of `note --list`) for the participation check."""
    return (
        f"Jeg har kontrolleret, at {municipality.strip()} deltager i forsøget, selv om den ikke er nævnt "
        f"blandt forsøgets kommuner ({', '.join(trial.municipalities)})"
    )


def participation_check_needed(trial: Trial, municipality: str) -> bool:
    """True when a note applying the trial waits for the caseworker's PARTICIPATION_CHECK: the
    settings' municipality is not among the trial's (takes_part is False; unknown asks nothing)."""
    return takes_part(trial, municipality) is False
