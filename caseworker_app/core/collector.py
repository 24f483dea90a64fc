"""Making many long-lived objects at once without Python's cyclic garbage collector in the way."""

from __future__ import annotations

import gc
from collections.abc import Generator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Generator[None]:
    """Make many objects that live on (case records, deadlines) without collections meanwhile.

    The collector runs every few hundred new objects and now and then scans every object there
    is; with 100,000 cases that made reading them and computing their deadlines grow faster than
    linearly (profiled: half the engine's time). These objects hold no reference cycles, so
    nothing is lost: they are freed by reference counting as usual, and collection resumes after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_paused_for_start = False  # pause_for_start() turned the collector off; resume_after_start() turns it on


def pause_for_start() -> None:
    """No collections while the window starts (cli/entry.py), until resume_after_start().

    A start imports some 400 modules and builds the window: long-lived classes, functions and
    widgets, which the collector scanned in 50-60 passes before the cases were on screen (15-25 ms
    of the start, profiled). What a start leaves unreachable is a few dozen objects; they are
    kept by the gc.freeze() after the cases are read (ui/app.py run_window)."""
    global _paused_for_start
    if gc.isenabled():
        gc.disable()
        _paused_for_start = True


def resume_after_start() -> None:
    """The collector on again if pause_for_start() turned it off (once; otherwise nothing)."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        gc.enable()
