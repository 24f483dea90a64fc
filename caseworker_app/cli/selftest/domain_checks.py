"""Selftest checks of the program's own parts: the trial catalog, the deadline engine on the T08
example, a demo database, every deadline of every case, and a journal note."""

from __future__ import annotations

from datetime import date

from .context import SELFTEST_TODAY, CheckFailed, Context, require

# The T08 example every caseworker knows: hire 31-08-2018, 30 months -> Sunday 28-02-2021.
T08_HIRE, T08_LEGAL, T08_PRACTICAL = date(2018, 8, 31), date(2021, 2, 28), date(2021, 2, 26)


def check_catalog(ctx: Context) -> str:
    """Every shipped trial file loads and validates."""
    from ...core.catalog_load import load_catalog
    from ...paths import resources_dir

    files = sorted((resources_dir() / "trials").glob("*.toml"))
    catalog = load_catalog()
    if len(catalog) != len(files) or not catalog:
        raise CheckFailed(f"{len(catalog)} forsøg indlæst, men {len(files)} forsøgsfiler fundet")
    ctx.objects["catalog"] = catalog
    return f"{len(catalog)} forsøg fra {resources_dir()}"


def check_engine(ctx: Context) -> str:
    """T08: hire 31-08-2018 gives the legal deadline 28-02-2021, in practice Friday 26-02-2021."""
    from ...core.catalog_load import load_catalog
    from ...core.schedule import compute_deadlines
    from ...core.workdays import fmt

    trial = ctx.objects.get("catalog") or load_catalog()
    deadlines = compute_deadlines(trial["T08"], {"hire": T08_HIRE}, [], date(2020, 1, 1))
    if not deadlines:
        raise CheckFailed("T08 gav ingen frist")
    first = deadlines[0]
    if (first.legal_due, first.practical_due) != (T08_LEGAL, T08_PRACTICAL):
        raise CheckFailed(
            f"T08 fra {fmt(T08_HIRE)} gav {fmt(first.legal_due)}/{fmt(first.practical_due)}, "
            f"forventet {fmt(T08_LEGAL)}/{fmt(T08_PRACTICAL)}"
        )
    return f"T08: {fmt(T08_HIRE)} -> {fmt(T08_LEGAL)} (i praksis {fmt(T08_PRACTICAL)})"


def check_database(ctx: Context) -> str:
    """A temporary database with demo data can be created, opened and read."""
    create_demo_database = require("caseworker_app.store.demo", "create_demo_database")
    case_store = require("caseworker_app.store", "CaseStore")
    db_path = ctx.folder / "selvtest.db"
    create_demo_database(db_path, ctx.today)
    store = case_store(db_path, clock=lambda: ctx.today)
    ctx.cleanups.append(store.close)
    cases = store.list_cases()
    if not cases:
        raise CheckFailed("demodatabasen har ingen sager")
    ctx.objects.update(store=store, db_path=db_path, cases=cases, catalog=store.catalog())
    return f"{len(cases)} demosager i en midlertidig database"


def generated_cases(catalog: dict) -> list:
    """One case per trial with deadlines, the dates it needs a year before the selftest's today."""
    from ...core.cases import CaseRecord
    from ...core.validation import missing_dates

    start = date(SELFTEST_TODAY.year - 1, SELFTEST_TODAY.month, SELFTEST_TODAY.day)
    return [
        CaseRecord(
            id=i,
            citizen=f"Selvtest {i}",
            case_ref=f"S-{i}",
            trial_id=trial.id,
            # Each date the case needs; of dates any one of which will do (T04), the first.
            dates={needed[0].name: start for needed in missing_dates(trial, ())},
        )
        for i, trial in enumerate(catalog.values(), start=1)
        if trial.rules
    ]


def check_all_deadlines(ctx: Context) -> str:
    """Every deadline of every case, through the one function the window and the CLI use."""
    from ...core.cases import deadlines_for_cases
    from ...core.catalog_load import load_catalog

    store = ctx.objects.get("store")
    if store is not None:
        found, source = store.deadlines(ctx.today), f"{len(ctx.objects['cases'])} demosager"
    else:
        catalog = ctx.objects.get("catalog") or load_catalog()
        cases = generated_cases(catalog)
        found = deadlines_for_cases(cases, catalog, ctx.today)
        source = f"{len(cases)} genererede sager (én pr. forsøg med frister; demodata findes endnu ikke)"
    if not found:
        raise CheckFailed(f"ingen frister for {source}")
    ctx.objects["case_deadlines"] = found
    return f"{len(found)} frister for {source}"


def t08_case(ctx: Context):
    """The T08 trial and an active T08 case: from the demo database, else a generated one."""
    from ...core.catalog_load import load_catalog

    catalog = ctx.objects.get("catalog") or load_catalog()
    trial = catalog["T08"]
    cases = [c for c in ctx.objects.get("cases") or [] if c.trial_id == "T08" and c.status == "aktiv"]
    return trial, cases[0] if cases else generated_cases({"T08": trial})[0]


def check_note(ctx: Context) -> str:
    """A T08 follow-up journal note can be rendered, and it cites the executive order."""
    render_note = require("caseworker_app.core.notes", "render_note")
    trial, case = t08_case(ctx)
    note_date = min(ctx.today, trial.period.effective_end)
    note = render_note(
        trial,
        case,
        "opfoelgning",
        note_date=note_date,
        event_date=note_date,
        caseworker="Selvtest",
        # The demo's own municipality, as the self-test's database is the demo's: not asked whether it
        # takes part in the trial (decision 17).
        municipality=require("caseworker_app.core.participation", "DEMO_MUNICIPALITY"),
        free_text="Selvtest.",
        reason="Selvtest.",
        # Its deadline may be under the reform caution: the note is then written only when confirmed.
        confirmed=(require("caseworker_app.core.note_conditions", "DEADLINE_CHECK"),),
    )
    if not note.strip():
        raise CheckFailed("journalnotatet er tomt")
    citation = trial.citation_on(note_date)
    if citation is None or citation.text not in note:
        raise CheckFailed("journalnotatet henviser ikke til bekendtgørelsen")
    return f"T08 opfølgning, {len(note.splitlines())} linjer"
