"""The files the Windows build is made from: spec, icon, version information, entry point."""

from __future__ import annotations

import ast
import re
import struct
from pathlib import Path

import caseworker_app

REPO = Path(__file__).resolve().parents[2]
SPEC = (REPO / "build.spec").read_text(encoding="utf-8")


def qt_modules_imported_by_the_program() -> set[str]:
    found = set()
    for path in (REPO / "caseworker_app").rglob("*.py"):
        found |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def test_the_spec_keeps_every_qt_module_the_program_imports():
    block = SPEC[SPEC.index("QT_EXCLUDES = ") : SPEC.index(")]", SPEC.index("QT_EXCLUDES = "))]
    excluded = set(re.findall(r'"(Qt\w+)"', block))
    used = qt_modules_imported_by_the_program()
    assert {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"} <= used
    assert {"QtWebEngineCore", "QtQml", "QtQuick", "QtNetwork", "QtSql"} <= excluded
    assert used.isdisjoint(excluded), f"build.spec leaves out {used & excluded}"


def test_the_spec_is_python_and_names_its_data_explicitly():
    ast.parse(SPEC)
    assert 'name="Opfoelgningsfrister"' in SPEC
    assert '"resources/trials"' in SPEC and 'qt_translation("qtbase_da.qm")' in SPEC
    assert "sager.db" not in SPEC  # the database is never inside the bundle


def test_the_entry_point_runs_the_command_line():
    text = (REPO / "caseworker_app" / "__main__.py").read_text(encoding="utf-8")
    assert "from caseworker_app.cli import main" in text
    assert "raise SystemExit(main())" in text


def test_version_information_matches_the_package_version():
    text = (REPO / "resources" / "version_info.txt").read_text(encoding="utf-8")
    ast.parse(text, mode="eval")  # PyInstaller evaluates it as one Python expression
    version = caseworker_app.__version__
    numbers = ", ".join([*version.split("."), "0"])
    assert f"filevers=({numbers})" in text and f"prodvers=({numbers})" in text
    assert f"u'FileVersion', u'{version}'" in text and f"u'ProductVersion', u'{version}'" in text
    assert "u'OriginalFilename', u'Opfoelgningsfrister.exe'" in text


def test_the_icon_is_a_windows_icon_with_the_usual_sizes_and_a_256_pixel_png():
    ico = (REPO / "resources" / "icons" / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1)
    sizes = {struct.unpack_from("<B", ico, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    png = (REPO / "resources" / "icons" / "app.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
