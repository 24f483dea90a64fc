"""Selftest checks of what the caseworker sees: the main window on the demo database, and a
citizen's plan printed by the program's own printing as a one-page PDF."""

from __future__ import annotations

from .context import CheckFailed, Context, Skip, require
from .domain_checks import t08_case
from .platform_checks import count_pdf_pages


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


def check_print_pdf(ctx: Context) -> str:
    """The program's own printing writes a one-citizen plan as a one-page PDF."""
    write_pdf = require("caseworker_app.ui.printing.document", "write_pdf")
    plan_job = require("caseworker_app.ui.printing.document", "plan_job")
    case_plan = require("caseworker_app.core.calendar_selection", "case_plan")
    ctx.qapp()
    trial, case = t08_case(ctx)
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
