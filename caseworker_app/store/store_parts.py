"""The parts a CaseStore is assembled from, each handed, in its constructor, the parts it uses.

Every part shares one StoreConnection (connection.py): reading CaseReads (case_reads.py),
SettingsPart (settings_store.py), TrialsPart (overrides_store.py); writing CaseWrites
(case_writes.py: cases and the history rows the others write through it), EventWrites
(event_writes.py: events, and the agreed date a talk sets), ClosingPart (closing.py), NotesPart
(note_store.py), AppStatePart (app_state.py), ImportsPart (import_batches.py: new cases in plain
SQL, updates through CaseWrites and EventWrites) and ImportUndoPart (import_undo.py).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .case_reads import CaseReads
from .connection import StoreClock, StoreConnection
from .overrides_store import TrialsPart
from .settings_store import SettingsPart

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from datetime import date
    from pathlib import Path

    from ..core.catalog import Trial
    from .app_state import AppStatePart
    from .case_writes import CaseWrites
    from .closing import ClosingPart
    from .event_writes import EventWrites
    from .import_batches import ImportsPart
    from .import_undo import ImportUndoPart
    from .note_store import NotesPart


class StoreParts:
    """The parts of one open database (its connection and clock); the reading parts made at once, the
    others when first used."""

    def __init__(self, path: Path, today: Callable[[], date], catalog: Mapping[str, Trial] | None, *, read_only: bool):
        db = self.db = StoreConnection(path, read_only=read_only)
        clock = self.clock = StoreClock(today)  # one holder: setting store.clock reaches every part
        self.settings = SettingsPart(db)
        self.trials = TrialsPart(db, catalog, self.settings.created_by, clock)
        self.reads = CaseReads(db)

    def reopen(self, *, restored: bool = False) -> None:
        """Open the file again (after a restore put an older copy in place): the parts' caches go;
        restored (a good copy is in place): writes refused for damage are allowed again."""
        self.db.reopen()
        if restored:
            self.db.refusal = None
        self.trials.forget()
        self.reads.forget()
        self.settings.forget()

    # The writing parts are made (and their modules imported) when first used: the window shows
    # the cases before anything is written (~10 ms of imports at start, bench_startup).

    @cached_property
    def writes(self) -> CaseWrites:
        from .case_writes import CaseWrites

        return CaseWrites(self.db, self.clock, self.trials, self.reads, self.settings.created_by)

    @cached_property
    def events(self) -> EventWrites:
        from .event_writes import EventWrites

        return EventWrites(self.db, self.clock, self.trials, self.reads, self.writes, self.settings.created_by)

    @cached_property
    def closing(self) -> ClosingPart:
        from .closing import ClosingPart

        return ClosingPart(self.db, self.clock, self.trials, self.reads, self.writes, self.settings)

    @cached_property
    def notes(self) -> NotesPart:
        from .note_store import NotesPart

        return NotesPart(self.db, self.clock, self.trials, self.reads, self.writes, self.settings.created_by)

    @cached_property
    def state(self) -> AppStatePart:
        from .app_state import AppStatePart

        return AppStatePart(self.db)

    @cached_property
    def imports(self) -> ImportsPart:
        from .import_batches import ImportsPart

        by = self.settings.created_by
        return ImportsPart(self.db, self.clock, self.reads, self.writes, self.events, self.state, by)

    @cached_property
    def import_undo(self) -> ImportUndoPart:
        from .import_undo import ImportUndoPart

        return ImportUndoPart(self.db, self.writes, self.events, self.settings.created_by)
