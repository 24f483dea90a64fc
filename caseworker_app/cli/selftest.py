"""`caseworker-app --selftest`: prove that this installation (source, wheel or bundle) works.

A list of named checks, each importing its part lazily. A part that does not exist yet (its
module or the expected name is missing) is reported "springes over: <del> findes endnu ikke";
once it exists the check really runs it. With CASEWORKER_SELFTEST_STRICT=1 a skipped check
counts as a failure.
Exit code 0 with a one-line Danish summary on stdout, 1 naming what failed.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Qt is imported by the checks that need it
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

OK, SKIPPED, FAILED = "ok", "sprunget over", "fejlet"
STRICT_ENV = "CASEWORKER_SELFTEST_STRICT"
SELFTEST_TODAY = date(2025, 11, 24)  # a fixed Monday, so the result does not depend on the clock

# The T08 example every caseworker knows: hire 31-08-2018, 30 months -> Sunday 28-02-2021.
T08_HIRE, T08_LEGAL, T08_PRACTICAL = date(2018, 8, 31), date(2021, 2, 28), date(2021, 2, 26)


class Skip(Exception):
    """The part a check needs does not exist yet."""


class CheckFailed(Exception):
    """A check found something wrong; the message is Danish."""


@dataclass
class Context:
    """What the checks share: a temporary folder, the Qt application, what earlier checks built."""

    folder: Path
    today: date = SELFTEST_TODAY
    objects: dict[str, Any] = field(default_factory=dict)
    cleanups: list[Callable[[], object]] = field(default_factory=list)

    def qapp(self) -> QApplication:
        """The running QApplication, created offscreen when there is none."""
        from PySide6.QtWidgets import QApplication

        if "app" not in self.objects:
            self.objects["app"] = QApplication.instance() or QApplication([sys.argv[0] or "selvtest"])
        app = self.objects["app"]
        assert isinstance(app, QApplication)  # the program's windows need one, never a QCoreApplication
        return app


@dataclass(frozen=True)
class Result:
    name: str
    status: str
    detail: str
    seconds: float


def require(module: str, name: str = "") -> Any:
    """module (or module.name) if it exists; Skip naming the missing part if it does not yet."""
    short = module.removeprefix("caseworker_app.")
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        # Only the module itself (or its package) missing means "not built yet"; a missing
        # dependency inside an existing module is a real failure.
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise Skip(f"{short} findes endnu ikke") from None
        raise
    if not name:
        return mod
    value = mod
    for part in name.split("."):
        if not hasattr(value, part):
            raise Skip(f"{short}.{name} findes endnu ikke")
        value = getattr(value, part)
    return value


# ---------------------------------------------------------------- the checks


def check_logging(ctx: Context) -> str:
    """The log file can be written, and a CPR-like number never reaches it."""
    from ..logs import CPR_REPLACEMENT, current_log_file

    path = current_log_file()
    if not any(isinstance(h, logging.FileHandler) for h in logging.getLogger().handlers):
        raise CheckFailed("logningen er ikke sat op")
    marker = f"selvtest {os.getpid()} {time.time_ns()}"
    log.info("%s, CPR-filter: 010190-0000", marker)
    for handler in logging.getLogger().handlers:
        handler.flush()
    tail = path.read_text(encoding="utf-8", errors="replace")[-20_000:]
    if marker not in tail:
        raise CheckFailed(f"linjen nåede ikke logfilen {path}")
    if "010190-0000" in tail or CPR_REPLACEMENT not in tail:
        raise CheckFailed("et CPR-nummer blev ikke fjernet fra loggen")
    return f"logfil {path}"


def check_catalog(ctx: Context) -> str:
    """Every shipped trial file loads and validates."""
    from ..core.catalog import load_catalog
    from ..paths import resources_dir

    files = sorted((resources_dir() / "trials").glob("*.toml"))
    catalog = load_catalog()
    if len(catalog) != len(files) or not catalog:
        raise CheckFailed(f"{len(catalog)} forsøg indlæst, men {len(files)} forsøgsfiler fundet")
    ctx.objects["catalog"] = catalog
    return f"{len(catalog)} forsøg fra {resources_dir()}"


def check_engine(ctx: Context) -> str:
    """T08: hire 31-08-2018 gives the legal deadline 28-02-2021, in practice Friday 26-02-2021."""
    from ..core.catalog import load_catalog
    from ..core.schedule import compute_deadlines
    from ..core.workdays import fmt

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


def check_qt(ctx: Context) -> str:
    """Qt can start and show a widget."""
    from PySide6.QtWidgets import QLabel

    app = ctx.qapp()
    widget = QLabel("Opfølgningsfrister – selvtest")
    widget.show()
    app.processEvents()
    if not widget.isVisible():
        raise CheckFailed("et Qt-vindue kunne ikke vises")
    widget.close()
    widget.deleteLater()
    return f"platform {app.platformName()}"


def check_translation(ctx: Context) -> str:
    """Qt's Danish translation loads, so standard dialogs speak Danish."""
    from PySide6.QtCore import QCoreApplication

    from ..ui.translation import install_danish_translation

    app = ctx.qapp()
    translator = install_danish_translation(app)
    if translator is None:
        raise CheckFailed("qtbase_da.qm blev ikke fundet")
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if cancel != "Annuller":
        raise CheckFailed(f"'Cancel' blev oversat til '{cancel}', forventet 'Annuller'")
    return f"qtbase_da fra {Path(translator.filePath()).parent}"


def count_pdf_pages(path: Path) -> int:
    """The number of pages in a PDF Qt wrote (counts its /Type /Page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def check_qprinter_pdf(ctx: Context) -> str:
    """QPrinter writes a one-page A4 PDF with Danish letters."""
    from PySide6.QtGui import QPageSize, QTextDocument
    from PySide6.QtPrintSupport import QPrinter

    ctx.qapp()
    path = ctx.folder / "qprinter.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setHtml("<h1>Opfølgningsfrister</h1><p>Selvtest: æøå ÆØÅ, frist 28-02-2021.</p>")
    document.print_(printer)
    pages = count_pdf_pages(path) if path.exists() else 0
    if not path.exists() or not path.read_bytes().startswith(b"%PDF"):
        raise CheckFailed("QPrinter skrev ingen PDF")
    if pages != 1:
        raise CheckFailed(f"PDF'en har {pages} sider, forventet 1")
    return f"1 side, {path.stat().st_size} byte"


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


def _generated_cases(catalog: dict) -> list:
    """One case per trial with deadlines, its required dates a year before the selftest's today."""
    from ..core.cases import CaseRecord

    start = date(SELFTEST_TODAY.year - 1, SELFTEST_TODAY.month, SELFTEST_TODAY.day)
    return [
        CaseRecord(
            id=i,
            citizen=f"Selvtest {i}",
            case_ref=f"S-{i}",
            trial_id=trial.id,
            dates={d.name: start for d in trial.dates if d.required},
        )
        for i, trial in enumerate(catalog.values(), start=1)
        if trial.rules
    ]


def check_all_deadlines(ctx: Context) -> str:
    """Every deadline of every case, through the one function the window and the CLI use."""
    from ..core.cases import deadlines_for_cases
    from ..core.catalog import load_catalog

    store = ctx.objects.get("store")
    if store is not None:
        found, source = store.deadlines(ctx.today), f"{len(ctx.objects['cases'])} demosager"
    else:
        catalog = ctx.objects.get("catalog") or load_catalog()
        cases = _generated_cases(catalog)
        found = deadlines_for_cases(cases, catalog, ctx.today)
        source = f"{len(cases)} genererede sager (én pr. forsøg med frister; demodata findes endnu ikke)"
    if not found:
        raise CheckFailed(f"ingen frister for {source}")
    ctx.objects["case_deadlines"] = found
    return f"{len(found)} frister for {source}"


def check_main_window(ctx: Context) -> str:
    """The main window can be built on the demo database and shown offscreen."""
    main_window = require("caseworker_app.ui.mainwindow", "MainWindow")
    if "store" not in ctx.objects:
        raise Skip("databasen med demodata (store.demo) findes endnu ikke")
    from PySide6.QtCore import QSettings

    app = ctx.qapp()
    # Its own settings file: the selftest never touches the user's saved window layout.
    settings = QSettings(str(ctx.folder / "selvtest.ini"), QSettings.Format.IniFormat)
    window = main_window(ctx.objects["store"], today=lambda: ctx.today, settings=settings)
    window.show()
    app.processEvents()
    if not window.isVisible():
        raise CheckFailed("hovedvinduet blev ikke vist")
    size = window.size()
    window.close()
    window.deleteLater()
    app.processEvents()
    return f"vist offscreen ({size.width()}x{size.height()})"


def _t08_case(ctx: Context):
    """The T08 trial and an active T08 case: from the demo database, else a generated one."""
    from ..core.catalog import load_catalog

    catalog = ctx.objects.get("catalog") or load_catalog()
    trial = catalog["T08"]
    cases = [c for c in ctx.objects.get("cases") or [] if c.trial_id == "T08" and c.status == "aktiv"]
    return trial, cases[0] if cases else _generated_cases({"T08": trial})[0]


def check_note(ctx: Context) -> str:
    """A T08 follow-up journal note can be rendered, and it cites the executive order."""
    render_note = require("caseworker_app.core.notes", "render_note")
    trial, case = _t08_case(ctx)
    note_date = min(ctx.today, trial.period.effective_end)
    note = render_note(
        trial,
        case,
        "opfoelgning",
        note_date=note_date,
        event_date=note_date,
        caseworker="Selvtest",
        municipality="Selvtest Kommune",
        free_text="Selvtest.",
        reason="Selvtest.",
    )
    if not note.strip():
        raise CheckFailed("journalnotatet er tomt")
    citation = trial.citation_on(note_date)
    if citation is None or citation.text not in note:
        raise CheckFailed("journalnotatet henviser ikke til bekendtgørelsen")
    return f"T08 opfølgning, {len(note.splitlines())} linjer"


def check_print_pdf(ctx: Context) -> str:
    """The program's own printing writes a one-citizen plan as a one-page PDF."""
    write_pdf = require("caseworker_app.ui.printing.document", "write_pdf")
    plan_job = require("caseworker_app.ui.printing.document", "plan_job")
    case_plan = require("caseworker_app.core.calendar_selection", "case_plan")
    ctx.qapp()
    trial, case = _t08_case(ctx)
    job = plan_job(
        case_plan(case, trial, ctx.today), user="Selvtest", municipality="Selvtest Kommune", printed_on=ctx.today
    )
    path = ctx.folder / "plan.pdf"
    pages = write_pdf(job, path)
    if not path.exists() or not path.read_bytes().startswith(b"%PDF"):
        raise CheckFailed(f"{path.name} blev ikke skrevet")
    in_file = count_pdf_pages(path)
    if pages != 1 or in_file != 1:
        raise CheckFailed(f"planen fylder {in_file} sider (write_pdf sagde {pages}), forventet 1")
    return f"T08-plan, 1 side, {path.stat().st_size} byte"


CHECKS: list[tuple[str, Callable[[Context], str]]] = [
    ("logning", check_logging),
    ("forsøgskatalog", check_catalog),
    ("fristmotor", check_engine),
    ("Qt-vindue", check_qt),
    ("dansk Qt-oversættelse", check_translation),
    ("PDF med QPrinter", check_qprinter_pdf),
    ("database med demodata", check_database),
    ("alle frister", check_all_deadlines),
    ("hovedvindue", check_main_window),
    ("journalnotat", check_note),
    ("udskrift som PDF", check_print_pdf),
]


# ---------------------------------------------------------------- running


def use_offscreen_qt() -> None:
    """Render Qt offscreen unless told otherwise: the selftest never needs a visible window."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_checks(ctx: Context, checks: list[tuple[str, Callable[[Context], str]]] | None = None) -> list[Result]:
    """Run each check in order; one that fails does not stop the rest."""
    results = []
    for name, check in checks if checks is not None else CHECKS:
        started = time.perf_counter()
        try:
            status, detail = OK, check(ctx)
        except Skip as exc:
            status, detail = SKIPPED, f"springes over: {exc}"
        except Exception as exc:  # a failing check is reported, never a traceback on screen
            status, detail = FAILED, str(exc) or type(exc).__name__
            log.warning("Selvtest: %s fejlede", name, exc_info=True)
        seconds = time.perf_counter() - started
        log.info(
            "Selvtest: %s: %s (%.2f s)",
            name,
            detail if status == SKIPPED else f"{status}, {detail}",
            seconds,
        )
        results.append(Result(name, status, detail, seconds))
    return results


def summary(results: list[Result], seconds: float, strict: bool = False) -> tuple[int, str]:
    """The exit code and the one-line Danish summary."""
    failed = [r for r in results if r.status == FAILED or strict and r.status == SKIPPED]
    passed = sum(r.status == OK for r in results)
    skipped = [r.name for r in results if r.status == SKIPPED]
    took = f"{seconds:.1f}".replace(".", ",")
    if failed:
        names = ", ".join(r.name for r in failed)
        return (
            1,
            f"Selvtest fejlede: {names} ({passed} af {len(results)} kontroller i orden, {took} s)",
        )
    line = f"Selvtest i orden: {passed} af {len(results)} kontroller bestået"
    if skipped:
        line += f", {len(skipped)} sprunget over ({', '.join(skipped)})"
    return 0, f"{line} – {took} s"


def _attach_windows_console() -> None:
    """The windowed Windows bundle has no stdout; borrow the console it was started from, if any."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    try:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - for the process
            sys.stderr = sys.stdout
    except (OSError, AttributeError):
        pass


def run_selftest() -> int:
    """Run every check, print a line per problem and a one-line summary; 0 when all is well."""
    use_offscreen_qt()
    _attach_windows_console()
    from ..logs import current_log_file, setup_logging

    if not any(isinstance(h, logging.FileHandler) for h in logging.getLogger().handlers):
        setup_logging()
    strict = os.environ.get(STRICT_ENV) == "1"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="opfoelgning-selvtest-", ignore_cleanup_errors=True) as tmp:
        ctx = Context(Path(tmp))
        try:
            results = run_checks(ctx)
        finally:
            for cleanup in reversed(ctx.cleanups):
                try:
                    cleanup()
                except Exception:
                    log.warning("Selvtest: oprydning fejlede", exc_info=True)
    code, line = summary(results, time.perf_counter() - started, strict)
    out = sys.stdout
    for r in results:
        if r.status == FAILED or strict and r.status == SKIPPED:
            print(f"  {r.name}: {r.detail}", file=sys.stderr or out)
    if code:
        print(f"  Se logfilen: {current_log_file()}", file=sys.stderr or out)
    print(line, file=out)
    log.info("%s", line)
    return code
