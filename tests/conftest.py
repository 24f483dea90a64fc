"""Test set-up shared by all tests: Qt offscreen, settings and data in a temporary folder."""

from __future__ import annotations

import os

# Qt aborts without a display unless told to render offscreen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# The first call builds the holiday tables (slow once); property tests judge results, not speed.
settings.register_profile("caseworker", deadline=None)
settings.load_profile("caseworker")


@pytest.fixture(autouse=True, scope="session")
def _log_folder_in_tmp(tmp_path_factory):
    """The program's log file (caseworker_app.logs) and its cache go to temporary folders, never the
    user's: on Windows both hang under %LOCALAPPDATA% (paths.windows_local_app_dir), elsewhere
    under the XDG folders."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))  # the catalog's parses
        patch.setenv("LOCALAPPDATA", str(tmp_path_factory.mktemp("localappdata")))
        yield
