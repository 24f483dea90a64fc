"""Qt's own Danish translation (qtbase_da), so standard dialogs and buttons speak Danish."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from ..paths import resources_dir

QT_CATALOG = "qtbase_da"


def translation_dirs() -> list[Path]:
    """Where qtbase_da.qm is looked for: the bundle's resources, then Qt's translations folder."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [resources_dir() / "translations", qt_dir]


def install_danish_translation(app: QCoreApplication) -> QTranslator | None:
    """Load qtbase_da into app and return the translator (owned by app), or None if not found."""
    translator = QTranslator(app)  # parented to app, so it lives as long as the application
    for folder in translation_dirs():
        if translator.load(QT_CATALOG, str(folder)):
            app.installTranslator(translator)
            return translator
    translator.deleteLater()
    return None
