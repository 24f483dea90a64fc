"""Demo data: about 40 fictitious cases with dates relative to today, for trying the program safely.

Every person, case number and CPR number here is invented. CPR numbers are given to a few cases
only, all born 1 January with the serial number 0000 (valid in form, clearly fictitious).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

from ..core.participation import DEMO_MUNICIPALITY
from ..core.settings import Settings
from .case_store import CaseStore
from .errors import StoreError
from .new_file import written_beside

DEMO_CASEWORKER = "Anne Jensen"
# Cited in notes as the extension's basis ("forlænget til 31-12-2027 ifølge …"), so it reads as one
# and says plainly that it is not real.
DEMO_OVERRIDE_SOURCE = (
    "et opdigtet brev til Demo Kommune (DEMODATA – ikke en rigtig afgørelse; indtastet som "
    "eksempel på en forlængelse med hjemmel)"
)

# (months, days) from today
Offset = tuple[int, int]


@dataclass(frozen=True)
class DemoEvent:
    at: Offset
    kind: str
    form: str | None = None
    initiated_by: str | None = "kommune"
    full_followup: bool = False
    text: str = ""
    corrected_to: Offset | None = None  # registered on a wrong date first, then corrected
    cancelled: bool = False  # registered by mistake, then withdrawn


@dataclass(frozen=True)
class DemoCase:
    citizen: str
    caseworker: str
    trial: str
    dates: dict[str, Offset]
    events: tuple[DemoEvent, ...] = ()
    closed: tuple[Offset, str, str] | None = None  # when, reason, free text
    cpr: str | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)


def _f(at: Offset, text: str = "", **kw) -> DemoEvent:
    return DemoEvent(at, "followup", form=kw.pop("form", "personligt"), text=text, **kw)


def _talk(at: Offset, form: str = "personligt", text: str = "") -> DemoEvent:
    return DemoEvent(at, "talk", form=form, text=text)


ANNE, MADS, LOUISE, PETER = "Anne Jensen", "Mads Kristensen", "Louise Holm", "Peter Nielsen"

DEMO_CASES: tuple[DemoCase, ...] = (
    # T08 førtidspensionister: 30 months after hire / last follow-up (extended in the demo)
    DemoCase(
        "Jens Hansen",
        ANNE,
        "T08",
        {"hire": (-30, 3)},
        cpr="010162-0000",
        note="Ansat i kantinen på plejecentret.",
    ),
    DemoCase(
        "Mette Nielsen",
        ANNE,
        "T08",
        {"hire": (-30, -12), "offer": (-31, 0)},
        note="Arbejdsgiver ønsker møde om timetal.",
    ),
    DemoCase(
        "Lars Pedersen",
        ANNE,
        "T08",
        {"hire": (-66, 0)},
        events=(
            _f((-60, 0)),
            _f((-30, 20), "Trives i jobbet; ingen ændringer.", corrected_to=(-30, 18)),
        ),
    ),
    DemoCase(
        "Hanne Sørensen",
        MADS,
        "T08",
        {"hire": (-50, 0)},
        events=(_f((-24, 0), "Opfølgning på arbejdspladsen med virksomhedskonsulent."),),
    ),
    DemoCase("Bo Rasmussen", LOUISE, "T08", {"hire": (-8, 0), "offer": (-8, -20)}),
    DemoCase(
        "Karen Jørgensen",
        ANNE,
        "T08",
        {"hire": (-40, 0)},
        events=(
            _f((-35, 0)),
            DemoEvent(
                (-29, 10),
                "contact",
                form="telefon",
                initiated_by="arbejdsgiver",
                full_followup=True,
                text="Arbejdsgiver ringede om nye opgaver; behandlet som fuld opfølgning.",
            ),
        ),
    ),
    DemoCase(
        "Søren Madsen",
        MADS,
        "T08",
        {"hire": (-31, 0)},
        events=(
            DemoEvent(
                (-6, 0),
                "contact",
                form="telefon",
                initiated_by="borger",
                text="Borger spurgte til ferieregler.",
            ),
        ),
    ),
    DemoCase("Birgitte Larsen", PETER, "T08", {"hire": (-29, 12)}, cpr="010158-0000"),
    DemoCase(
        "Henrik Christensen",
        ANNE,
        "T08",
        {"hire": (-45, 0)},
        events=(
            _f((-20, 0)),
            DemoEvent(
                (-2, 0),
                "contact",
                form="personligt",
                initiated_by="arbejdsgiver",
                text="Registreret på forkert sag.",
                cancelled=True,
            ),
        ),
    ),
    DemoCase(
        "Lone Andersen",
        LOUISE,
        "T08",
        {"hire": (-28, 0)},
        closed=((-1, 0), "fastholdt i løntilskudsjob", ""),
    ),
    # T16 sygedagpenge: the trial ended in 2015; the ordinary rule (55 days, then every 4 weeks)
    DemoCase("Niels Thomsen", MADS, "T16", {"absence_start": (0, -50)}),
    DemoCase(
        "Pia Poulsen",
        MADS,
        "T16",
        {"absence_start": (0, -115), "agreed": (0, 20)},
        events=(_f((0, -60)), _f((0, -30), "Delvis raskmelding drøftet.")),
    ),
    DemoCase("Morten Johansen", PETER, "T16", {"absence_start": (0, -60)}),
    DemoCase(
        "Susanne Knudsen",
        PETER,
        "T16",
        {"absence_start": (0, -200)},
        events=(_f((0, -145)), _f((0, -117))),
        closed=((0, -90), "overgået til anden ydelse", ""),
    ),
    DemoCase(
        "Jesper Mortensen",
        LOUISE,
        "T16",
        {"absence_start": (0, -90)},
        events=(_f((0, -36), form="telefon"),),
    ),
    # T18 / T19 virksomhedspraktik: ordinary limit of 4 weeks applies again
    DemoCase("Tina Møller", LOUISE, "T18", {"praktik_start": (0, -20)}),
    DemoCase("Kim Olsen", PETER, "T18", {"praktik_start": (0, -33)}),
    DemoCase(
        "Gitte Frederiksen",
        LOUISE,
        "T18",
        {"praktik_start": (-2, 0)},
        events=(DemoEvent((-1, 0), "praktik_end", text="Praktikken sluttede efter 4 uger."),),
    ),
    DemoCase("Ole Kristiansen", MADS, "T19", {"praktik_start": (0, -10)}),
    DemoCase("Dorthe Jakobsen", MADS, "T19", {"praktik_start": (0, -26)}),
    # T09 ledighedsydelse: praktik of 2-4 weeks (the trial rule, no ordinary rule to return to)
    DemoCase("Rasmus Schmidt", ANNE, "T09", {"praktik_start": (0, -5), "unemployed_since": (-7, 0)}),
    DemoCase("Camilla Henriksen", PETER, "T09", {"praktik_start": (0, -25)}),
    DemoCase(
        "Thomas Lund",
        ANNE,
        "T09",
        {"praktik_start": (-1, -10), "unemployed_since": (-10, 0)},
        events=(DemoEvent((-1, 15), "praktik_end"),),
    ),
    # T05 integrationsborgere: 4 talks in 12 months (the ordinary rule counts personal talks only)
    DemoCase(
        "Ahmad Hassan",
        LOUISE,
        "T05",
        {"visitation": (-14, 0)},
        events=(
            _talk((-11, -20)),
            _talk((-9, 0)),
            _talk((-6, 0), "telefon"),
            _talk((-3, 0)),
            _talk((-1, 0), "digitalt"),
        ),
    ),
    DemoCase(
        "Fatima Ali",
        LOUISE,
        "T05",
        {"visitation": (-11, -10)},
        events=(_talk((-10, 0)), _talk((-6, 0)), _talk((-2, 0), "telefon")),
    ),
    DemoCase("Yusuf Demir", MADS, "T05", {"visitation": (-3, 0)}, events=(_talk((-2, 0)),)),
    # T07 ressourceforløb: a decision on the plan every 6 months (ordinary: only an adjusted plan)
    DemoCase(
        "Nadia Rahimi",
        PETER,
        "T07",
        {"visitation": (-7, 0)},
        events=(DemoEvent((-1, 0), "plan_not_adjusted", text="Indsatsen fortsætter uændret."),),
    ),
    DemoCase(
        "Brian Vestergaard",
        ANNE,
        "T07",
        {"visitation": (-17, 0)},
        events=(DemoEvent((-11, 0), "plan_adjusted"), DemoEvent((-5, 10), "plan_adjusted")),
    ),
    DemoCase("Jette Kjær", PETER, "T07", {"visitation": (-2, 0)}),
    DemoCase(
        "Allan Bach",
        MADS,
        "T07",
        {"visitation": (-20, 0)},
        events=(DemoEvent((-14, 0), "plan_adjusted"),),
        closed=((0, -40), "overgået til fleksjob", ""),
    ),
    # T06 forlænget ressourceforløb: at most 12 months
    DemoCase("Heidi Mikkelsen", LOUISE, "T06", {"extension_start": (-11, -15)}, cpr="010175-0000"),
    DemoCase("Claus Nørgaard", ANNE, "T06", {"extension_start": (-4, 0)}),
    # T04, T12, T15: a date the caseworker agreed
    DemoCase(
        "Lene Berg", ANNE, "T04", {"agreed": (1, 10), "visitation": (0, -10)}, note="Mentorfritagelse vurderes igen."
    ),
    # T04 ended 31-12-2021: the ordinary rule (a mentor contact every 2nd week) counts from the visitation;
    # an agreed review date is no deadline after the trial (docs/decisions.md 15). Michael Holm's was due
    # 3 days ago, Lene Berg's is due in 4 days.
    DemoCase("Michael Holm", PETER, "T04", {"agreed": (0, -3), "visitation": (0, -17)}),
    DemoCase("Anja Winther", MADS, "T12", {"agreed": (0, 2)}),
    DemoCase("Erik Søndergaard", LOUISE, "T12", {"agreed": (2, 0)}),
    DemoCase("Rikke Bruun", ANNE, "T12", {"agreed": (0, -9)}),
    DemoCase("Flemming Skov", PETER, "T15", {"agreed": (0, 12)}, cpr="010168-0000"),
    DemoCase("Vibeke Lauridsen", ANNE, "T15", {"agreed": (0, 45)}),
    DemoCase(
        "Kasper Friis",
        ANNE,
        "T18",
        {"praktik_start": (0, -2)},
        closed=((0, -1), "fraflyttet kommunen", ""),
    ),
)


def _day(today: date, at: Offset) -> date:
    return today + relativedelta(months=at[0], days=at[1])


def demo_override_end(today: date) -> date:
    """The demo's extended end of T08: 31-12-2027, or the end of next year when today is later."""
    return date(max(2027, today.year + 1), 12, 31)


def write_demo(store: CaseStore, today: date) -> list[int]:
    """Fill an empty store with the demo cases, the T08 extension and settings, in one go."""
    saved_clock = store.clock
    ids = []
    try:
        with store.batch():
            store.save_settings(
                Settings(
                    caseworker_name=DEMO_CASEWORKER,
                    municipality=DEMO_MUNICIPALITY,
                    last_opened=today - relativedelta(days=4),
                )
            )
            store.clock = lambda: today
            # Decided by the end it extends (or today, if earlier): an extension decided after the
            # trial had ended would be refused (decision 4).
            decided = min(today, store.catalog()["T08"].period.effective_end)
            extension = {"end": demo_override_end(today), "decided": decided}
            store.add_override("T08", "extension", extension, DEMO_OVERRIDE_SOURCE)
            for number, case in enumerate(DEMO_CASES, start=1):
                ids.append(_write_case(store, case, today, number))
    finally:
        store.clock = saved_clock
    return ids


def _write_case(store: CaseStore, case: DemoCase, today: date, number: int) -> int:
    dates = {name: _day(today, at) for name, at in case.dates.items()}
    # A case whose only date lies ahead (an agreed date) is created today: a FASIT case number's
    # year is the year the case was created, never a year to come.
    opened = min(min(d for d in dates.values()), today)
    store.clock = lambda: opened
    case_id = store.create_case(
        citizen=case.citizen,
        case_ref=f"{opened.year}-{400 + number * 7:04d}",
        trial_id=case.trial,
        dates=dates,
        caseworker=case.caseworker,
        cpr=case.cpr,
        note=case.note,
    )
    for event in case.events:
        day = _day(today, event.at)
        store.clock = lambda day=day: day
        what = {
            "kind": event.kind,
            "form": event.form,
            "initiated_by": event.initiated_by,
            "full_followup": event.full_followup,
            "text": event.text,
        }
        event_id = store.add_event(case_id, day=day, **what)
        if event.corrected_to is not None:
            corrected = _day(today, event.corrected_to)
            store.add_event(case_id, day=corrected, replaces=event_id, **what)
        if event.cancelled:
            store.cancel_event(case_id, event_id, text="Registreret på den forkerte sag")
    if case.closed:
        at, reason, text = case.closed
        store.clock = lambda: today
        store.close_case(case_id, reason=reason, day=_day(today, at), text=text)
    return case_id


def create_demo_database(path: Path | str, today: date) -> Path:
    """Write a fresh demo database at path; StoreError if a file is there (never overwritten) or the
    folder cannot be written in (no file is left behind)."""
    path = Path(path)
    exists = f"Filen {path} findes allerede. Demodata skrives kun i en ny fil; vælg et andet navn."
    if path.exists():
        raise StoreError(exists)
    with written_beside(path, exists_text=exists) as new, CaseStore(new.temporary) as store:
        write_demo(store, today)
    return path
