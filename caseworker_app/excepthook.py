"""The hook that turns an uncaught error (also one raised in a Qt slot) into a log entry and a
Danish message: caseworker_app.logs.report_unexpected.

Apart from logs.py so that installing it imports nothing: the window is painted before the
logging modules are loaded (docs/ARCHITECTURE.md, "The start").
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

ShowMessage = Callable[[str], None]
# Handlers of errors that are not unexpected (ui/store_errors.py: a database fault met in the window):
# handler(exc) True when it told the user itself. The newest is asked first.
_handlers: list[Callable[[BaseException], bool]] = []


def tell_known_errors(handler: Callable[[BaseException], bool]) -> Callable[[], None]:
    """Let handler tell the errors it knows, rather than the 'unexpected error' message; the undo."""
    _handlers.append(handler)

    def undo() -> None:
        if handler in _handlers:
            _handlers.remove(handler)

    return undo


def _told(exc: BaseException) -> bool:
    for handler in reversed(_handlers):
        try:
            if handler(exc):
                return True
        except Exception:  # the telling failed: logged, and the error is reported as unexpected after all
            _log_failed_handler()
            return False
    return False


def _log_failed_handler() -> None:
    """Log the handler's own error with its traceback (logging loads only now: see the module's doc)."""
    try:
        import logging

        from .logs import start_log_file

        start_log_file()
        logging.getLogger(__name__).exception("the handler of a known error failed")
    except Exception:  # logging itself failed: the error's own report follows all the same
        pass


def install_excepthook(show_message: ShowMessage) -> Callable[[], None]:
    """Route uncaught errors to logs.report_unexpected; returns the undo."""
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        if _told(exc):
            return
        try:
            from .logs import report_unexpected

            report_unexpected(exc_type, exc, tb, show_message)
        except Exception:  # the report itself failed: Python's own hook prints the error at least
            previous(exc_type, exc, tb)

    sys.excepthook = hook

    def restore() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return restore
