"""Reading a case list in a thread of its own, so the window keeps painting while a large workbook
is read (openpyxl needs about a second for 10,000 rows). Only the file is read there: the preview,
which uses the database, is built on the window's thread when the table has arrived."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from ...core.os_text import reason_text
from ...services.importing import ImportFileError, SourceTable, read_source

_log = logging.getLogger(__name__)


class _ReadThread(QThread):
    def __init__(self, path: Path, sheet: str | None, header_row: int | None, parent: QObject):
        super().__init__(parent)
        self.path = path
        self.sheet = sheet
        self.header_row = header_row
        self.table: SourceTable | None = None
        self.error: str | None = None

    def run(self) -> None:
        try:
            self.table = read_source(self.path, sheet=self.sheet, header_row=self.header_row)
        except ImportFileError as exc:
            self.error = str(exc)
        except OSError as exc:  # gone, locked by Excel, no permission: said in Danish, never a crash
            self.error = f"{self.path.name} kan ikke åbnes ({reason_text(exc)}). Luk filen i Excel, og prøv igen."
        except Exception as exc:  # a reader's own fault: logged (no cell values), said, nothing saved
            _log.error("reading a case list failed: %s", type(exc).__name__)
            self.error = (
                f"{self.path.name} kan ikke læses som en sagsliste. Gem den igen i Excel som .xlsx eller "
                "CSV (semikolonsepareret), og prøv igen."
            )


class SourceReader(QObject):
    """Reads one file at a time; a file chosen while another is read makes the first one's result
    be dropped. read_done(table) or read_failed(Danish message) comes on the window's thread."""

    read_done = Signal(object)
    read_failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: _ReadThread | None = None
        self._stale: list[_ReadThread] = []

    @property
    def reading(self) -> bool:
        return self._thread is not None

    def read(self, path: Path, sheet: str | None = None, header_row: int | None = None) -> None:
        if self._thread is not None:
            self._stale.append(self._thread)
        thread = _ReadThread(Path(path), sheet, header_row, self)
        thread.finished.connect(lambda: self._finished(thread))
        self._thread = thread
        thread.start()

    def _finished(self, thread: _ReadThread) -> None:
        if thread in self._stale:
            self._stale.remove(thread)
            thread.deleteLater()
            return
        self._thread = None
        thread.deleteLater()
        if thread.error is not None:
            self.read_failed.emit(thread.error)
        else:
            self.read_done.emit(thread.table)

    def wait(self) -> None:
        """Let a read under way end (the dialog closes): a thread is never destroyed while running."""
        for thread in [*self._stale, *([self._thread] if self._thread else [])]:
            thread.wait()
