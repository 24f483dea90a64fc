"""The log file: where it is, no CPR numbers or quoted values in it, rotation, excepthook."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from caseworker_app import logs
from caseworker_app.excepthook import install_excepthook

log = logging.getLogger("caseworker_app.test")


def read(path):
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_log_file_is_created_in_the_users_log_folder(log_home):
    path = logs.setup_logging()
    assert path == log_home / "opfoelgningsfrister.log"
    assert path.is_file()
    log.info("sag %d gemt, %d frister", 17, 3)
    text = read(path)
    assert "startet" in text
    assert "sag 17 gemt, 3 frister" in text


def test_a_hard_crash_leaves_its_stack_in_the_crash_file_before_the_log_is_open(tmp_path):
    # The window opens the crash file before it reads the cases, and the log only after.
    crash = (
        "import ctypes, sys; from pathlib import Path; from caseworker_app import logs; "
        "logs.start_crash_file(Path(sys.argv[1])); ctypes.string_at(0)"
    )
    result = subprocess.run([sys.executable, "-c", crash, str(tmp_path)], capture_output=True, timeout=60)
    assert result.returncode != 0
    assert "most recent call first" in (tmp_path / "nedbrud.log").read_text(encoding="utf-8")  # the stack
    assert not (tmp_path / "opfoelgningsfrister.log").exists()


def test_setting_up_twice_keeps_one_file_handler(log_home):
    logs.setup_logging()
    path = logs.setup_logging()
    log.info("én gang")
    assert read(path).count("én gang") == 1


def test_cpr_numbers_are_redacted_in_messages_and_arguments(log_home):
    path = logs.setup_logging()
    log.info("cpr 010190-1234 fundet")
    log.info("cpr %s og %s", "0101901234", "010190 1234")
    log.info("frist 28-02-2021, sag 1234567, id 12345678901")
    text = read(path)
    assert "1234" not in text.replace("1234567", "").replace("12345678901", "")
    assert "cpr [CPR fjernet] fundet" in text
    assert "cpr [CPR fjernet] og [CPR fjernet]" in text
    # Dates, short ids and longer numbers are not CPR numbers and stay.
    assert "frist 28-02-2021, sag 1234567, id 12345678901" in text


def test_cpr_numbers_are_redacted_in_tracebacks(log_home):
    path = logs.setup_logging()
    try:
        raise ValueError("ugyldigt CPR-nummer 311299-9999")
    except ValueError:
        log.exception("kunne ikke gemme sag 4")
    text = read(path)
    assert "311299-9999" not in text
    # Issue 12: an exception's text is left out by construction, only its type and place kept.
    assert f"ValueError: {logs.TEXT_LEFT_OUT}" in text and "ValueError: ugyldigt" not in text


def test_log_rotates_at_about_one_megabyte_keeping_five_files(log_home):
    path = logs.setup_logging()
    line = "x" * 1000
    for i in range(7000):  # about 7 MB
        log.info("%d %s", i, line)
    files = sorted(p.name for p in log_home.iterdir() if p.name.startswith("opfoelgningsfrister"))
    assert files == [f"opfoelgningsfrister.log{suffix}" for suffix in ("", ".1", ".2", ".3", ".4", ".5")]
    assert all((log_home / f).stat().st_size <= 1_000_000 for f in files)
    assert "6999 x" in read(path)


def failing_function(citizen: str):
    return {}[citizen]


def test_excepthook_logs_the_traceback_and_shows_a_danish_message_naming_the_log(log_home):
    path = logs.setup_logging()
    shown = []
    restore = install_excepthook(shown.append)
    try:
        try:
            failing_function("Anne " + "Jensen")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        restore()
    assert len(shown) == 1
    assert shown[0].startswith("Der opstod en uventet fejl i programmet.")
    assert str(path) in shown[0]
    assert "send logfilen til IT-support" in shown[0]
    text = read(path)
    assert "CRITICAL" in text and "Uventet fejl: KeyError" in text
    assert "in failing_function" in text  # where it happened
    # The value in the message (a name here) is masked; the place in the code is kept.
    assert f"KeyError: {logs.TEXT_LEFT_OUT}" in text
    assert "Anne Jensen" not in text


def test_errors_about_code_keep_their_message(log_home):
    path = logs.setup_logging()
    try:
        import caseworker_app.ui.no_such_view  # noqa: F401
    except ModuleNotFoundError as exc:
        logs.report_unexpected(type(exc), exc, exc.__traceback__, lambda text: None)
    assert "ModuleNotFoundError: No module named 'caseworker_app.ui.no_such_view'" in read(path)


def test_keyboard_interrupt_goes_to_the_previous_hook(log_home, monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: seen.append(exc[0]))
    shown = []
    restore = install_excepthook(shown.append)
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    restore()
    assert seen == [KeyboardInterrupt] and shown == []


def test_a_message_that_cannot_be_shown_is_still_logged(log_home):
    path = logs.setup_logging()

    def broken(text):
        raise RuntimeError("ingen skærm")

    logs.report_unexpected(ZeroDivisionError, ZeroDivisionError("division by zero"), None, broken)
    text = read(path)
    assert "Uventet fejl: ZeroDivisionError" in text
    assert "Fejlbeskeden kunne ikke vises" in text


@pytest.mark.skipif(sys.platform == "win32", reason="the file-size limit (RLIMIT_FSIZE) is Unix only")
def test_a_full_disk_gives_one_danish_line_not_a_logging_traceback(tmp_path):
    # A child process with a file-size limit of 1 kB: the log file soon cannot grow (as on a full disk).
    script = (
        "import logging, resource, signal, sys; from pathlib import Path; from caseworker_app import logs; "
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "logs.setup_logging(folder=Path(sys.argv[1])); resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024)); "
        "[logging.getLogger('caseworker_app.x').warning('linje %d ' + 'x' * 200, i) for i in range(20)]; "
        "logs.teardown_logging(); print('slut')"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout == "slut\n"
    assert "Logging error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"caseworker-app: logfilen {tmp_path / 'opfoelgningsfrister.log'} kan ikke skrives (måske er disken fuld)"
    ]
