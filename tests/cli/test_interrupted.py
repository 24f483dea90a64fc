"""A command stopped by Ctrl+C or by a scheduler (SIGTERM) says so in Danish and leaves nothing
half-written; bad numbers and CPR numbers in arguments are met in Danish, the CPR masked."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from caseworker_app.cli import main
from caseworker_app.store import CaseStore


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "sager.db"
    with CaseStore(path) as store:
        store.settings()
    return path


def test_ctrl_c_says_so_in_danish_and_exits_130(capsys, db, monkeypatch):
    from caseworker_app.cli import store as store_commands

    def stopped(_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_commands, "run_store_command", stopped)
    assert main(["deadlines", "--db", str(db)]) == 130
    err = capsys.readouterr().err
    assert err.startswith("caseworker-app: fejl: afbrudt. Intet er gemt halvt")
    assert "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is not sent to oneself on Windows")
def test_sigterm_ends_a_command_as_ctrl_c_does_so_its_cleanup_runs(capsys, db, monkeypatch):
    # A scheduler stopping a backup killed Python at once: its temporary copy (every CPR number in
    # it) stayed in the --to folder. Now SIGTERM raises as Ctrl+C, and the cleanup runs.
    from caseworker_app.cli import store as store_commands

    cleaned = []

    def stopped(_args):
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            signal.pause() if hasattr(signal, "pause") else None
        finally:
            cleaned.append(True)
        return 0

    before = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(store_commands, "run_store_command", stopped)
    assert main(["deadlines", "--db", str(db)]) == 130
    assert cleaned == [True]
    assert signal.getsignal(signal.SIGTERM) == before  # put back afterwards
    assert "afbrudt" in capsys.readouterr().err


@pytest.mark.parametrize("number", ["99999999999999999999999", "²", "١"])
def test_an_import_number_that_is_no_number_is_refused_in_danish(capsys, db, number):
    with pytest.raises(SystemExit) as stopped:
        main(["import", "--db", str(db), "--fortryd", number])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"'{number}' er ikke et" in err and "invalid" not in err


def test_a_case_looked_up_by_cpr_is_not_echoed_unmasked(capsys, db):
    # A nightly job's log gets stderr: the CPR typed as the case was printed as typed.
    assert main(["note", "--db", str(db), "--case", "0101620000", "--situation", "opfoelgning"]) == 2
    err = capsys.readouterr().err
    assert "0101620000" not in err and "010162-xxxx" in err
