"""PySide6's check of each imported module (does its source say "PySide6"?) answered from bytes:
the same answers, and no module's source kept in memory (ui/feature_check.py)."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys

import pytest

import caseworker_app.ui  # noqa: F401 - installs the check, as every start of the window does


@pytest.mark.parametrize(
    ("name", "uses"),
    [
        ("caseworker_app.ui.app", True),
        ("caseworker_app.ui.feature_check", True),  # its docstring says the word
        ("caseworker_app.core.cases", False),
        ("json", False),
        ("sys", False),  # built in: no file, PySide6's own answer
    ],
)
def test_the_answer_is_pyside6_s_own(name, uses):
    feature = sys.modules["shibokensupport.feature"]
    module = importlib.import_module(name)
    try:
        upstream = "PySide6" in inspect.getsource(module)
    except (OSError, TypeError):
        upstream = False
    assert feature._mod_uses_pyside(module) is upstream is uses


_SOURCES_KEPT = """
import json, linecache, sys
import caseworker_app.ui.app, caseworker_app.ui.mainwindow, caseworker_app.store
print(json.dumps([f for f in linecache.cache if "caseworker_app" in f]))
"""


def test_no_source_of_the_program_is_kept_after_the_window_s_imports():
    # inspect.getsource left every module's text in linecache: about 6 MB at every start.
    result = subprocess.run([sys.executable, "-c", _SOURCES_KEPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


_IN_THE_BUNDLE = """
import inspect, sys, types
sys.frozen = True  # as in the PyInstaller bundle, whose modules have no source file
import caseworker_app.ui
def asked(*_args):
    raise AssertionError("inspect.getsource was asked")
inspect.getsource = asked
module = types.ModuleType("compiled_only")
module.__file__ = "/nowhere/compiled_only.py"  # the bundle's __file__: the .py is not there
print(sys.modules["shibokensupport.feature"]._mod_uses_pyside(module))
"""


def test_in_the_bundle_a_module_without_source_is_answered_no_without_pyside6_s_look_up():
    # PySide6 answers False for it after a failing inspect.getsource; the same answer, at once.
    run = subprocess.run([sys.executable, "-c", _IN_THE_BUNDLE], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-1500:]
    assert run.stdout.strip() == "False"
