"""The next agreed date registered with a talk (T04, T12, T15, T16): what registering, correcting or
cancelling that talk does to the case's agreed date, and the Danish words for it.

A talk that sets the agreed date is linked to that change of the date; cancelling the talk undoes
the change, correcting it changes it, unless the date has been changed since by something else.
A talk dated before the latest registered talk is a late registration of an older talk: the date
agreed back then has been replaced by the one agreed at the later talk, so it is not written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .rule_due import agreed_met_from
from .workdays import fmt


def agreed_met_by(day: date, agreed: date) -> bool:
    """Whether an event on day meets the agreed date: held on it or on the last working day before
    it (its practical date) – the engine's test (rule_due.agreed_met_from, caseworker_set)."""
    return day >= agreed_met_from(agreed)


@dataclass(frozen=True)
class AgreedAtEvent:
    """The case's agreed date seen from one talk being registered, corrected or cancelled.

    current: the case's agreed date now. latest_talk: the latest registered talk other than the
    one corrected (None: none). linked: the talk corrected (or cancelled) set the date, and the
    program knows from what (before) to what (set_to). changed_since: the date was changed after
    that by something else (another talk, the case window, an import).
    """

    current: date | None
    latest_talk: date | None = None
    linked: bool = False
    before: date | None = None
    set_to: date | None = None
    changed_since: bool = False

    @property
    def follows_talk(self) -> bool:
        """The talk's date setting can be corrected or undone: it set the date, and no one changed it since."""
        return self.linked and not self.changed_since

    def kept_because(self, day: date | None) -> str | None:
        """Why a talk on day does not set the agreed date (Danish), or None when it may: correcting
        the talk that set the date corrects it (later talks left it as it was); otherwise an older
        talk registered late, or a date someone changed since, leaves the date as it is."""
        if self.follows_talk:
            return None
        if self.back_dated(day):
            return self.back_dated_text()
        if self.linked and self.changed_since:
            return self.changed_since_text()
        return None

    def back_dated(self, day: date | None) -> bool:
        """A talk on day is older than the latest registered one: it does not set the agreed date."""
        return day is not None and self.latest_talk is not None and day < self.latest_talk

    def back_dated_text(self) -> str:
        assert self.latest_talk is not None
        kept = f" ({fmt(self.current)})" if self.current else ""
        return (
            f"Samtalen ligger før den seneste registrerede samtale {fmt(self.latest_talk)}: "
            f"den aftalte dato{kept} blev aftalt ved den og ændres ikke her."
        )

    def changed_since_text(self) -> str:
        now = f" (nu {fmt(self.current)})" if self.current else ""
        return (
            f"Den aftalte dato er ændret siden samtalen{now} og ændres ikke her; "
            "ret den i sagens vindue, hvis den er forkert."
        )

    def before_text(self) -> str:
        """What the agreed date was before the talk set it."""
        if self.before is None:
            return "sagen har da ingen aftalt dato, som før samtalen"
        return f"den aftalte dato går tilbage til {fmt(self.before)}, som før samtalen"

    def empty_text(self, day: date | None) -> str:
        """What leaving the next date empty does, for a talk on day that may set the date."""
        if self.follows_talk:
            return f"Tom: {self.before_text()}."
        if self.current is None:
            return "Tom: sagen viser 'dato ikke aftalt'."
        if day is not None and agreed_met_by(day, self.current):
            return f"Tom: den aftalte dato {fmt(self.current)} er dermed overholdt, og sagen viser 'dato ikke aftalt'."
        return f"Tom: den aftalte dato {fmt(self.current)} gælder fortsat."

    def cancel_text(self) -> str:
        """What cancelling the talk does to the agreed date."""
        if self.follows_talk:
            if self.before == self.current:
                return "Annulleringen ændrer ikke den aftalte dato."
            return f"Annulleringen: {self.before_text()}."
        if self.linked:
            return f"Den aftalte dato{_now(self.current)} bliver stående: den er ændret siden samtalen."
        return f"Annulleringen ændrer ikke den aftalte dato{_now(self.current)}."


def _now(day: date | None) -> str:
    return f" ({fmt(day)})" if day else ""
