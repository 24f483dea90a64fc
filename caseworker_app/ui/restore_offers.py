"""The offers to restore the newest good copy, so a caseworker is never left with a damaged or lost
database and advice for a menu that cannot be reached: at start when the database is damaged (found
opening it or reading its cases), missing or empty, and in the open window when today's automatic
copy finds it damaged, the start's quick check does (today's copy made earlier), or a read in the
window meets the damage (ui/store_errors.py). Any other failure of that copy is told once, with its
reason."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from ..store.backup import BackupInfo, backup_folder, cases_text, newest_good_backup, restore_backup, when_text
from ..store.copy_guard import newest_copy_with_cases
from ..store.errors import StoreError, WriteRefusal
from .message_box_fit import FittingMessageBox

if TYPE_CHECKING:
    from ..store import CaseStore

Role = QMessageBox.ButtonRole
RESTORE = "&Gendan sikkerhedskopien"
TECHNICAL = "Teknisk oplysning til IT: "
# What the window does with a database found damaged and kept in use (CaseStore.write_refusal).
READ_ONLY_MEANWHILE = (
    "kan du se sagerne, udskrive, kopiere notater og eksportere til regneark, men programmet gemmer intet "
    "i den beskadigede database"
)


def _technical(error: StoreError) -> str:
    return f"\n\n{TECHNICAL}{error.detail}" if error.detail else ""


def _chosen_role(box: QMessageBox) -> Role:
    clicked = box.clickedButton()
    return Role.RejectRole if clicked is None else box.buttonRole(clicked)


# ------------------------------------------------------------ at start: damaged


def cannot_open_text(db_path: Path) -> str:
    """Why the database cannot be opened at start: what SQLite's check finds in the file, in the
    command line's words for it (store/damage.py); else (an SQLite file that is not a case database,
    say) both possibilities."""
    from ..store.damage import file_damage

    damage = file_damage(db_path, quick=True)
    if damage is None:
        return (
            f"Databasen {db_path} kan ikke åbnes: den er beskadiget eller ikke en sagsdatabase. Filen er ikke ændret."
        )
    return f"{damage.text} Den kan ikke åbnes, og filen er ikke ændret."


def damaged_offer_box(parent: QWidget | None, db_path: Path, info: BackupInfo) -> QMessageBox:
    """The question shown at start when the database is damaged and a good copy exists."""
    box = FittingMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Databasen er beskadiget")
    box.setText(
        f"{cannot_open_text(db_path)}\n\nDen nyeste gode sikkerhedskopi er fra {when_text(info)} "
        f"({cases_text(info.cases)}). Vil du gendanne den?\n\n"
        "Det, der er registreret siden da, skal registreres igen. Den beskadigede fil gemmes i "
        "mappen med sikkerhedskopier, så IT kan se på den."
    )
    box.addButton(RESTORE, Role.AcceptRole)
    box.setEscapeButton(box.addButton("&Afslut", Role.RejectRole))
    return box


def offer_restore(parent: QWidget | None, db_path: Path, error: StoreError) -> bool:
    """At start, for a database found damaged (error), opening it or reading its cases: offer the
    newest good copy; True once it is restored. Without a good copy, say what to do instead (the
    window cannot open, so its menus cannot help). False: nothing was restored and all is said."""
    info = newest_good_backup(db_path)
    if info is None:
        QMessageBox.critical(
            parent,
            "Databasen kan ikke åbnes",
            f"{cannot_open_text(db_path)}\n\nDer er ingen sikkerhedskopi, der kan gendannes, i mappen "
            f"{backup_folder(db_path)}. Kontakt IT, før du starter programmet igen.{_technical(error)}",
        )
        return False
    box = damaged_offer_box(parent, db_path, info)
    box.exec()
    if _chosen_role(box) != Role.AcceptRole:
        return False
    return _restore(parent, db_path, info)


def _restore(parent: QWidget | None, db_path: Path, info: BackupInfo) -> bool:
    try:
        restore_backup(db_path, info.path)
    except StoreError as exc:
        QMessageBox.critical(parent, "Sikkerhedskopien kunne ikke gendannes", exc.window_text())
        return False
    return True


# ------------------------------------------------------------ at start: missing or empty


class StartChoice(enum.Enum):
    RESTORED = "gendannet"
    EMPTY = "tom database"
    QUIT = "afslut"


def missing_offer_box(parent: QWidget | None, db_path: Path, info: BackupInfo, *, empty: bool) -> QMessageBox:
    """The question shown at start when the database file is missing or empty and a copy with cases exists."""
    box = FittingMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    if empty:
        box.setWindowTitle("Databasen er tom")
        what = f"Databasen {db_path} er en tom fil (0 byte): der er ingen sager i den."
    else:
        box.setWindowTitle("Databasen findes ikke")
        what = f"Databasen {db_path} findes ikke."
    box.setText(
        f"{what}\n\nDen nyeste gode sikkerhedskopi er fra {when_text(info)} ({cases_text(info.cases)}). "
        "Vil du gendanne den?\n\nDet, der er registreret siden da, skal registreres igen. Starter du "
        f"med en tom database, bliver sikkerhedskopierne liggende i mappen {backup_folder(db_path)}."
    )
    box.setDefaultButton(box.addButton(RESTORE, Role.AcceptRole))
    box.addButton("&Start med en tom database", Role.DestructiveRole)
    box.setEscapeButton(box.addButton("&Afslut", Role.RejectRole))
    return box


def offer_restore_of_missing(parent: QWidget | None, db_path: Path, *, empty: bool) -> StartChoice:
    """At start, for a database file that is missing or empty: offer the newest good copy with
    cases. EMPTY without one (a first start) or when the caseworker starts afresh."""
    info = newest_copy_with_cases(db_path)
    if info is None:
        return StartChoice.EMPTY
    box = missing_offer_box(parent, db_path, info, empty=empty)
    box.exec()
    role = _chosen_role(box)
    if role == Role.DestructiveRole:
        return StartChoice.EMPTY
    if role != Role.AcceptRole:
        return StartChoice.QUIT
    return StartChoice.RESTORED if _restore(parent, db_path, info) else StartChoice.QUIT


# ------------------------------------------------------------ today's copy failed


@dataclass(frozen=True)
class BackupProblem:
    """Why today's automatic copy was not made, or the damage the start's check found in the
    database when today's copy was made earlier, as the window tells it."""

    db_path: Path
    error: StoreError | None  # why the copy failed; None: no copy was due, the start's check found damage
    damage: str | None  # the sentence that says so (store/damage.py Damage.text); None: not damaged
    good_copy: BackupInfo | None = None  # when damaged: the newest copy that can be restored
    reading: bool = False  # the damage was met reading the database in the window (ui/store_errors.py)


def _damage_found(problem: BackupProblem) -> str:
    """The opening sentence, as the command line says it of the same file (store/damage.py), after
    that today's copy failed on it when it did."""
    if problem.error is None or problem.reading:
        return f"{problem.damage}"
    return f"Dagens sikkerhedskopi blev ikke lavet. {problem.damage}"


def _register_again(problem: BackupProblem) -> str:
    # The good copy may be this morning's: the day's work is in the damaged file.
    if problem.error is None or problem.reading:
        return "Det, der er registreret siden da, skal kontrolleres og registreres igen."
    return "Det, der er registreret siden da, skal registreres igen."


def damaged_now_box(parent: QWidget | None, problem: BackupProblem, info: BackupInfo) -> QMessageBox:
    """The question shown in the open window when today's copy found the database damaged."""
    box = FittingMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Databasen er beskadiget")
    box.setText(
        f"{_damage_found(problem)} Sager kan mangle eller være forkerte.\n\nDen nyeste gode sikkerhedskopi er "
        f"fra {when_text(info)} ({cases_text(info.cases)}). Vil du gendanne den nu?\n\n{_register_again(problem)} "
        "Den beskadigede database gemmes i mappen med sikkerhedskopier, så IT kan se på den.\n\nVælger du "
        f"'Ikke nu', {READ_ONLY_MEANWHILE}, indtil du gendanner en sikkerhedskopi under Filer › Sikkerhedskopier. "
        "Programmet spørger igen, næste gang det åbnes."
    )
    box.setDefaultButton(box.addButton(RESTORE, Role.AcceptRole))
    box.setEscapeButton(box.addButton("&Ikke nu", Role.RejectRole))
    return box


def tell_backup_problem(
    parent: QWidget | None, store: CaseStore, problem: BackupProblem, refresh: Callable[[], None]
) -> bool:
    """Tell the caseworker why today's copy was not made, or that the start's check found the database
    damaged; for a damaged database, offer the newest good copy and restore it into the open window
    (store reopened, refresh called). True when the database is damaged and still in use: then read-only
    (store.write_refusal: every write refused until a restore lifts it)."""
    if problem.damage is None and problem.error is not None:
        QMessageBox.warning(
            parent,
            "Sikkerhedskopien blev ikke lavet",
            f"Dagens automatiske sikkerhedskopi kunne ikke laves.\n\n{problem.error.window_text()}\n\n"
            "Programmet prøver igen, når det lukkes, og næste gang det åbnes. Bliver det ved, så kontakt IT.",
        )
        return False
    info = problem.good_copy
    # Read-only from the moment the damage is known: nothing more goes into the damaged file, where it
    # could be lost at the restore or make the damage worse; lifted by a restore (_reopen).
    store.write_refusal = WriteRefusal(good_copy=info is not None)
    if info is None:
        QMessageBox.warning(
            parent,
            "Databasen er beskadiget",
            f"{_damage_found(problem)} Sager kan mangle eller være forkerte.\n\nDer er ingen god sikkerhedskopi "
            f"at gendanne i mappen {backup_folder(problem.db_path)}. Kontakt IT. Indtil databasen er i orden, "
            f"{READ_ONLY_MEANWHILE}.",
        )
        return True
    box = damaged_now_box(parent, problem, info)
    box.exec()
    if _chosen_role(box) != Role.AcceptRole:
        return True  # 'Ikke nu': writes stay refused
    store.close()  # Windows will not move a file this program holds open aside
    restored = False
    try:
        restored = _restore(parent, problem.db_path, info)
    finally:  # whatever the restore raised, the window gets its database back (or is told why not)
        reopened = _reopen(parent, store, restored=restored)
    if not reopened:
        return False  # the program ends
    refresh()
    if restored:
        QMessageBox.information(
            parent,
            "Sikkerhedskopien er gendannet",
            f"Databasen er gendannet fra sikkerhedskopien fra {when_text(info)} ({cases_text(info.cases)}). "
            f"Den beskadigede database er gemt i mappen {backup_folder(problem.db_path)}, så IT kan se på den.",
        )
    return not restored


def _reopen(parent: QWidget | None, store, *, restored: bool) -> bool:
    """Open the database again after a restore (restored: a good copy is in place, so writes are
    allowed again); False (and the program ends) when it cannot be."""
    try:
        store.reopen(restored=restored)
    except StoreError as exc:
        QMessageBox.critical(parent, "Databasen kan ikke åbnes", exc.window_text())
        from PySide6.QtWidgets import QApplication

        QApplication.exit(1)
        return False
    return True
