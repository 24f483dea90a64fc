"""The main window's banners: lines that say what needs attention before the lists do.

Above every tab: a database found damaged and not restored, cases whose deadlines cannot be
computed, and open cases sharing a FASIT number.
On Frister: the deadlines fallen due since the program was last opened (above the list) and the
trials that end soon (below it). Each is hidden while it has nothing to say.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel

from ..colours import banner_style
from .part import WindowPart

_log = logging.getLogger(__name__)


class BannerLabel(QLabel):
    """A wrapped line, tinted as colours.banner_style gives kind ("problem", "warning").

    Tinted when first shown: the tint asks the system for high contrast, and that answer builds
    Qt's hundred `Qt.*` enums (~20 ms), which the window's first paint does without. A banner is
    hidden until it has something to say.
    """

    def __init__(self, name: str, kind: str, margin: str = "0px"):  # name: for style sheets and tests
        super().__init__()
        self.setWordWrap(True)
        self.setObjectName(name)
        self._style = (kind, margin)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override (show() and hide() come here)
        if visible and self._style is not None:
            kind, margin = self._style
            self._style = None
            self.setStyleSheet(banner_style(self.objectName(), kind, margin))
        super().setVisible(visible)


class Banners(WindowPart):
    """Part of MainWindow: fills and hides the four banners after each refresh."""

    def _update_trial_end_banner(self, horizon: int) -> None:
        # core.deadline_notices.trial_end_notices over the caseworker's list ("mine frister"), kept by the book
        # The rows the list chose for the caseworker: not chosen again (100,000 of them at the start)
        chosen = self.deadline_model.unsearched_selection()
        lines = self._book_in_use().trial_end_lines(horizon, self.deadline_caseworker.caseworker(), chosen)
        if not lines:
            self.trial_end_banner.hide()
            return
        self.trial_end_banner.setText("⚠ " + "\n⚠ ".join(lines))
        self.trial_end_banner.show()

    def _update_problems_banner(self) -> None:
        from ...core.cases import problems_heading

        if not self.problems:
            self.problems_banner.hide()
            return
        _log.warning(
            "%d cases cannot be computed (ids %s)",
            len(self.problems),
            ", ".join(str(p.case.id) for p in self.problems),
        )
        self.problems_banner.setText(f'⚠ {problems_heading(len(self.problems))} – <a href="vis">vis</a>')
        self.problems_banner.show()

    def _update_duplicates_banner(self, *, patched: bool = False) -> None:
        """patched: only cases this window wrote changed since the last look. m006's unique index
        refuses a second open case with the same FASIT number and trial, so such a write can end a
        duplicate but never make one: with none shown, none can have come (no query at 100,000)."""
        if patched and not getattr(self, "duplicate_groups", None) and self.duplicates_banner.isHidden():
            return
        self.duplicate_groups = self._store_in_use().duplicate_open_case_ids()
        if not self.duplicate_groups:
            self.duplicates_banner.hide()
            return
        from ..duplicates_dialog import duplicates_heading  # only now: nothing to say is the rule

        # Ids only: a FASIT number may be personal data.
        _log.warning(
            "open cases share a FASIT number in a trial (ids %s)",
            "; ".join(", ".join(map(str, ids)) for _trial, _ref, ids in self.duplicate_groups),
        )
        self.duplicates_banner.setText(f'⚠ {duplicates_heading(self.duplicate_groups)} – <a href="vis">vis</a>')
        self.duplicates_banner.show()

    def show_duplicates(self) -> None:
        """The duplicates banner's "vis": FASIT number, trial and the cases' database ids."""
        from ..duplicates_dialog import DuplicatesDialog

        DuplicatesDialog(self.duplicate_groups, parent=self).exec()

    def show_damage_banner(self) -> None:
        """While the store refuses writes for damage (CaseStore.write_refusal: the database was found
        damaged and not restored), say so above every tab: damaged, read-only, what still works and
        what to do (a restore, or IT with no good copy). Hidden once a restore lifts it (refresh)."""
        store = self.store
        refusal = store.write_refusal if store is not None else None
        if refusal is None:
            self.damage_banner.hide()
            return
        what = (
            '<a href="gendan">Gendan en sikkerhedskopi …</a>'
            if refusal.good_copy
            else "Der er ingen god sikkerhedskopi: kontakt IT."
        )
        self.damage_banner.setText(
            "⚠ Databasen er beskadiget og skrivebeskyttet: sager kan mangle eller være forkerte, og intet kan "
            "gemmes, før en god sikkerhedskopi er gendannet. Du kan se sagerne, udskrive, kopiere notater og "
            f"eksportere til regneark. {what}"
        )
        self.damage_banner.show()

    def show_problems(self) -> None:
        """The banner's "vis": the cases that cannot be computed, with FASIT number and reason."""
        from ..problems_dialog import ProblemsDialog

        ProblemsDialog(self.problems, parent=self).exec()

    def _show_missed_since_last_time(self) -> None:
        from ...core.deadline_notices import became_due_since

        # The book's deadlines are in legal-date order (services/deadline_book.py)
        self.missed_items = became_due_since(self.deadline_items, self._last_opened, self.today(), by_legal_date=True)
        self._update_missed_banner()

    def _update_missed_banner(self) -> None:
        """The deadlines fallen due since last time, of the caseworker Frister shows (the rest counted)."""
        from ...core.selection import possessive, select
        from ...core.workdays import fmt

        if not self.missed_items:
            self.missed_banner.hide()
            return
        caseworker = self.deadline_caseworker.caseworker()
        missed = select(self.missed_items, caseworker=caseworker).items
        others = len(self.missed_items) - len(missed)
        since = f"⚠ Forfaldet siden sidst du åbnede programmet ({fmt(self._last_opened)}): "
        elsewhere = f"{others} hos andre sagsbehandlere"
        if not missed:
            whose = "dine" if caseworker == self.deadline_caseworker.own else possessive(caseworker)
            self.missed_banner.setText(since + f"ingen af {whose} – {elsewhere}")
        else:
            names = ", ".join(f"{i.case.citizen} ({fmt(i.deadline.legal_due)})" for i in missed[:5])
            more = f" og {len(missed) - 5} mere" if len(missed) > 5 else ""
            self.missed_banner.setText(
                since + f"{len(missed)} – {names}{more}" + (f" (og {elsewhere})" if others else "")
            )
        self.missed_banner.show()
