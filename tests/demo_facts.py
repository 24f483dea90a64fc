"""What the demo database of 23-11-2026 holds, counted by hand from DEMO_CASES in store/demo.py.

Tests that export or list the demo's deadlines compare with these names, so a change to the demo is
fixed here, once; tests/store/test_demo.py checks the hand count against the demo itself.

- 40 cases, 4 of them closed (Allan Bach, Kasper Friis, Lone Andersen, Susanne Knudsen): 36 active.
- 2 active cases have no deadline, their praktik having ended (Gitte Frederiksen, Thomas Lund).
- Each of the other 34 active cases has exactly one deadline, and every one has an agreed date.
"""

from __future__ import annotations

from datetime import date

DEMO_TODAY = date(2026, 11, 23)  # a Monday; the demo's dates are counted back from it
DEMO_CASES = 40
DEMO_CLOSED = ("Allan Bach", "Kasper Friis", "Lone Andersen", "Susanne Knudsen")
DEMO_ACTIVE = 36
DEMO_ACTIVE_WITHOUT_DEADLINE = ("Gitte Frederiksen", "Thomas Lund")
DEMO_DEADLINES = 34  # an event each in the .ics file, a row each (after the heading) in the spreadsheet
