"""Fixtures for the application frame (logs, paths, selftest, build): the log folder in tmp."""

from __future__ import annotations

import logging
import sys

import pytest

from caseworker_app import logs


@pytest.fixture
def log_home(tmp_path, monkeypatch):
    """platformdirs' user log folder pointed at tmp_path; logging undone afterwards."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    previous_level = logging.getLogger().level
    previous_hook = sys.excepthook
    yield tmp_path / "Opfoelgningsfrister" / "log"
    logs.teardown_logging()
    logging.getLogger().setLevel(previous_level)
    sys.excepthook = previous_hook
