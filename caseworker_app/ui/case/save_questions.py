"""What saving the case window's form asks or says beside the form: the dates a move to another
trial removes (asked first), and why the case open in the window is gone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.terms import DATE_NAMES
from ...core.workdays import fmt
from ...store.backup.outlook_state import LEFT_OUT
from ..questions import ask_yes_no

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtWidgets import QWidget

    from ...core.cases import CaseRecord
    from ...store.case_store import CaseStore


def gone_text(store: CaseStore, case_id: int, created: str | None) -> str:
    """Why the case open here is gone: a restore of a copy without it, or a deletion elsewhere."""
    kept = "Det, du har skrevet, står stadig i vinduet – kopiér det, hvis det skal med i en ny sag."
    if store.deletion_reason(case_id, created) == LEFT_OUT:
        return (
            "Intet er gemt: databasen er gendannet fra en sikkerhedskopi uden denne sag, mens den var åben "
            f"her, så sagen findes ikke længere. {kept} Sagen, som den var før gendannelsen, ligger i kopien "
            "'gemt før gendannelse' under Filer › Sikkerhedskopier."
        )
    return f"Intet er gemt: sagen er slettet et andet sted, mens den var åben her. {kept}"


def confirm_dropped_dates(
    parent: QWidget, store: CaseStore, case: CaseRecord, trial_id: str, dates: dict[str, date]
) -> bool:
    """Moving a case to another trial removes the dates that trial does not use: ask first."""
    dropped = {n: d for n, d in case.dates.items() if n not in dates}
    if trial_id == case.trial_id or not dropped:
        return True
    trial = store.catalog().get(case.trial_id)  # its dates as this window labelled them

    def label(name: str) -> str:
        return trial.date_label(name) if trial is not None else DATE_NAMES.get(name, name)

    listed = ", ".join(f"{label(n).lower()} {fmt(d)}" for n, d in sorted(dropped.items()))
    return ask_yes_no(
        parent,
        "Skift forsøg?",
        f"Sagen flyttes fra forsøg {case.trial_id} til {trial_id}. Disse datoer bruges ikke "
        f"af {trial_id} og fjernes fra sagen (de står fortsat i historikken): {listed}.\n\n"
        "Vil du fortsætte?",
    )
