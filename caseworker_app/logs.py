"""The program's log: a rotating file in the user's log folder, with CPR numbers redacted, and the
last-resort handler that turns an unexpected error into a Danish message naming that file.

Rule for all code: log ids and counts (case 17, 40 cases, trial T08), never a citizen's name or CPR
number. The redacting filter is a safety net for mistakes, not a licence to log personal data.
"""

from __future__ import annotations

import faulthandler
import logging
import re
import sys
import traceback
from pathlib import Path
from types import TracebackType

from . import __version__
from .core.cpr import CPR_SEPARATOR
from .excepthook import ShowMessage
from .paths import APP_DIR_NAME, windows_local_app_dir

LOG_FILE_NAME = "opfoelgningsfrister.log"
CRASH_FILE_NAME = "nedbrud.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)-8s %(name)s [pid %(process)d]: %(message)s"

# Six digits, an optional dash or space (core.cpr.CPR_SEPARATOR), four digits, not part of a longer number.
CPR_PATTERN = re.compile(rf"(?<!\d)\d{{6}}{CPR_SEPARATOR}?\d{{4}}(?!\d)")
CPR_REPLACEMENT = "[CPR fjernet]"
# Values quoted in an exception's message (KeyError: 'Jens Hansen'); the traceback keeps the place.
QUOTED_PATTERN = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
QUOTED_REPLACEMENT = "'…'"
# Errors whose messages name code (modules, attributes, types), not data: kept as they are.
CODE_ERRORS = frozenset(
    {
        "ImportError",
        "ModuleNotFoundError",
        "AttributeError",
        "NameError",
        "UnboundLocalError",
        "TypeError",
        "NotImplementedError",
        "RecursionError",
    }
)

log = logging.getLogger(__name__)


_handler: logging.FileHandler | None = None
_crash_file = None


def log_dir() -> Path:
    """The user's log folder (Windows: %LOCALAPPDATA%\\Opfoelgningsfrister\\Logs, found as
    paths.user_data_dir finds its folder)."""
    local = windows_local_app_dir()
    if local is not None:
        return local / "Logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def log_file() -> Path:
    """The current log file, where IT looks when something went wrong."""
    return log_dir() / LOG_FILE_NAME


def redact(text: str) -> str:
    """text with anything that looks like a CPR number replaced."""
    return CPR_PATTERN.sub(CPR_REPLACEMENT, text)


class RedactCprFilter(logging.Filter):
    """Removes CPR-like numbers from a record's message and traceback before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the raw parts, redacted
            message = f"{record.msg} {record.args}"
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[0] is not None:  # even if another handler formatted it
            # By construction: the type and the place of the error, never its text.
            record.exc_text = safe_traceback(*record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Log to a rotating file (about 1 MB x 5) and return its path; call once at program start."""
    # Imported here: the window opens before the log file does (start-up time); see start_log_file.
    import logging.handlers
    import platform

    global _handler
    folder = folder if folder is not None else log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    teardown_logging()
    handler = _rotating_file_handler(path)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactCprFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
    start_crash_file(folder)
    log.info(
        "Opfoelgningsfrister %s startet (Python %s, %s, %s)",
        __version__,
        platform.python_version(),
        platform.platform(),
        "bundle" if getattr(sys, "frozen", False) else "kildekode",
    )
    return path


def _rotating_file_handler(path: Path) -> logging.FileHandler:
    """A RotatingFileHandler that moves the current file first when it rotates.

    Windows refuses to rename a file another process has open, and two windows of the program
    write the same log. The standard handler renames the numbered files first and then fails on
    the current one, losing every record from then on; this one moves the current file first, so
    a refusal changes nothing and the log goes on in the current file until a later record can
    rotate it. (Defined here: logging.handlers is imported after the window's first paint.)
    """
    import logging.handlers
    import os

    class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def doRollover(self) -> None:
            if self.stream:
                self.stream.close()
                self.stream = None  # type: ignore[assignment]
            base = self.baseFilename
            moving = f"{base}.roterer"
            try:
                os.replace(base, moving)
            except OSError:  # held open by the other window: rotate at a later record
                self.stream = self._open()
                return
            for number in range(self.backupCount - 1, 0, -1):
                if os.path.exists(f"{base}.{number}"):
                    try:
                        os.replace(f"{base}.{number}", f"{base}.{number + 1}")
                    except OSError:
                        pass  # an old file held open stays where it is; it is overwritten later
            try:
                os.replace(moving, f"{base}.1")
            except OSError:
                os.replace(moving, base)  # nothing lost: the records go on in the same file
            self.stream = self._open()

        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging override
            # A full disk or a folder gone: one Danish line, once, not Python's "--- Logging error ---"
            # and a traceback after the message the user is reading.
            if not getattr(self, "_told", False):
                self._told = True
                print(
                    f"caseworker-app: logfilen {self.baseFilename} kan ikke skrives (måske er disken fuld)",
                    file=sys.stderr,
                )

    return SharedRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")


def start_crash_file(folder: Path | None = None) -> None:
    """Have faulthandler write the stack of a crash inside Qt's C++ code, which never reaches
    Python's handlers, to nedbrud.log; the window calls this before it reads the cases."""
    global _crash_file
    if _crash_file is not None:
        return
    try:
        folder = folder if folder is not None else log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        _crash_file = open(folder / CRASH_FILE_NAME, "a", encoding="utf-8")  # noqa: SIM115 - kept open
        faulthandler.enable(_crash_file)
    except OSError:
        _crash_file = None


def start_log_file() -> Path | None:
    """setup_logging unless already done; without a writable log folder the program still works."""
    if _handler is not None:
        return current_log_file()
    try:
        return setup_logging()
    except OSError as exc:
        print(f"caseworker-app: logfilen kan ikke skrives ({exc})", file=sys.stderr)
        return None


def teardown_logging() -> None:
    """Remove the handler setup_logging added (tests, or setting up again in another folder)."""
    global _handler, _crash_file
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        try:
            _handler.close()  # flushes: fails on a full disk, already said once (handleError)
        except OSError:
            pass
        _handler = None
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
        _crash_file = None


def current_log_file() -> Path:
    """The file setup_logging writes to, or where it would write if not set up yet."""
    if _handler is not None:
        return Path(_handler.baseFilename)
    return log_file()


def unexpected_error_text(path: Path) -> str:
    """The Danish message a user sees after an unexpected error."""
    return (
        "Der opstod en uventet fejl i programmet.\n\n"
        "Fejlen er skrevet i logfilen:\n"
        f"{path}\n\n"
        "Kommer fejlen igen, så send logfilen til IT-support. "
        "Den indeholder ingen navne eller CPR-numre."
    )


_EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*)(?::|$)")
_CHAIN_LINES = ("Traceback (most recent", "During handling of the above", "The above exception")
TEXT_LEFT_OUT = "(teksten er udeladt: den kan indeholde personoplysninger)"


def safe_traceback(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The traceback of an error: the place (frames, source lines) and each exception's type.

    No personal data by construction: an exception's text is left out unless its type is about
    code (ImportError, TypeError ...), and then quoted values are masked; CPR-like numbers removed.
    """
    lines = []
    for chunk in traceback.format_exception(exc_type, exc, tb):
        for line in chunk.splitlines():
            if line.startswith((" ", "\t")) or line.startswith(_CHAIN_LINES) or not line.strip():
                lines.append(line)
                continue
            match = _EXCEPTION_LINE.match(line)
            if match is None:
                continue  # the second line of a message: text, left out
            name = match.group(1)
            if name.rsplit(".", 1)[-1] in CODE_ERRORS:
                lines.append(line)
            else:
                lines.append(f"{name}: {TEXT_LEFT_OUT}" if line != name else name)
    return redact("\n".join(lines))


def report_unexpected(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    show_message: ShowMessage,
) -> None:
    """Log an unexpected error with its traceback, then tell the user where the log is."""
    start_log_file()  # an error before the window opened its log file is logged all the same
    log.critical("Uventet fejl: %s\n%s", exc_type.__name__, safe_traceback(exc_type, exc, tb))
    text = unexpected_error_text(current_log_file())
    try:
        show_message(text)
    except Exception:  # showing the message failed too: the log is all we have
        log.exception("Fejlbeskeden kunne ikke vises")
