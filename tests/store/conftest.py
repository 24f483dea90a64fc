"""Fixtures for the store tests: a fresh database in a temporary folder, on a fixed day."""

from __future__ import annotations

from datetime import date

import pytest

from caseworker_app.store import CaseStore

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "sager.db"


@pytest.fixture
def store(db_path):
    store = CaseStore(db_path, clock=lambda: TODAY)
    yield store
    store.close()


@pytest.fixture
def jens(store):
    """Jens Hansen in T08, hired 26-05-2024, offer date unknown (so the hire date is used)."""
    return store.create_case(
        citizen="Jens Hansen",
        case_ref="2024-0412",
        trial_id="T08",
        dates={"hire": date(2024, 5, 26)},
        caseworker="Anne Jensen",
    )
