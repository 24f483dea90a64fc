"""`--selftest`: a list of named checks; parts not built yet are skipped by name, failures named."""

from __future__ import annotations

import os
import sys

import pytest

from caseworker_app.cli import main
from caseworker_app.cli.selftest import context, runner


def test_selftest_passes_with_a_one_line_danish_summary(log_home, qapp, capsys):
    assert main(["--selftest"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    # Every part exists now: all eleven checks really run (none is skipped).
    assert out[0].startswith("Selvtest i orden: 11 af 11 kontroller bestået – ")
    log_text = (log_home / "opfoelgningsfrister.log").read_text(encoding="utf-8")
    assert "Selvtest: fristmotor: ok, T08: 31-08-2018 -> 28-02-2021 (i praksis 26-02-2021)" in log_text
    assert "Selvtest: PDF med QPrinter: ok, 1 side" in log_text


def test_the_checks_that_need_no_other_part_pass(log_home, qapp, tmp_path):
    from caseworker_app.logs import setup_logging

    setup_logging()
    results = {r.name: r for r in runner.run_checks(context.Context(tmp_path))}
    for name in (
        "logning",
        "forsøgskatalog",
        "fristmotor",
        "Qt-vindue",
        "dansk Qt-oversættelse",
        "PDF med QPrinter",
        "alle frister",
    ):
        assert results[name].status == context.OK, (name, results[name].detail)
    assert results["forsøgskatalog"].detail.startswith("19 forsøg")
    for result in results.values():  # the rest runs for real or waits on its part, never fails
        assert result.status != context.FAILED, (result.name, result.detail)
        if result.status == context.SKIPPED:
            assert result.detail.startswith("springes over: ")
            assert result.detail.endswith("findes endnu ikke")


def test_a_missing_module_or_name_is_skipped_by_name():
    with pytest.raises(context.Skip, match=r"^nonexistent_part findes endnu ikke$"):
        context.require("caseworker_app.nonexistent_part", "render")
    with pytest.raises(context.Skip, match=r"^core.catalog.render_note findes endnu ikke$"):
        context.require("caseworker_app.core.catalog", "render_note")
    assert context.require("caseworker_app.core.catalog_load", "load_catalog").__name__ == "load_catalog"


def test_a_module_that_exists_but_imports_something_missing_fails(tmp_path, monkeypatch):
    (tmp_path / "selftest_broken_part.py").write_text("import selftest_missing_dependency\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError):
        context.require("selftest_broken_part", "anything")
    sys.modules.pop("selftest_broken_part", None)


def test_a_failing_check_is_named_and_the_rest_still_run(tmp_path):
    def broken(ctx):
        raise context.CheckFailed("PDF'en har 2 sider, forventet 1")

    calls = []
    checks = [("udskrift", broken), ("efter", lambda ctx: calls.append(1) or "ok")]
    results = runner.run_checks(context.Context(tmp_path), checks)
    assert [(r.name, r.status) for r in results] == [("udskrift", "fejlet"), ("efter", "ok")]
    assert results[0].detail == "PDF'en har 2 sider, forventet 1"
    code, line = runner.summary(results, 1.25)
    assert code == 1
    assert line == "Selvtest fejlede: udskrift (1 af 2 kontroller i orden, 1,2 s)"


def test_skipped_checks_pass_unless_strict(tmp_path):
    def waits(ctx):
        raise context.Skip("ui.printing findes endnu ikke")

    results = runner.run_checks(context.Context(tmp_path), [("a", lambda ctx: "ok"), ("udskrift", waits)])
    assert runner.summary(results, 0.5) == (
        0,
        "Selvtest i orden: 1 af 2 kontroller bestået, 1 sprunget over (udskrift) – 0,5 s",
    )
    assert runner.summary(results, 0.5, strict=True)[0] == 1


def test_offscreen_is_chosen_when_no_platform_is_set(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "")
    runner.use_offscreen_qt()
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    runner.use_offscreen_qt()
    assert os.environ["QT_QPA_PLATFORM"] == "xcb"
