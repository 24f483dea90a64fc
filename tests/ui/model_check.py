"""Qt's own item-model checker, kept alive for a whole test and read at its end.

A QAbstractItemModelTester that is not kept is destroyed at once and checks nothing after its first
pass. In Warning mode it reports each broken rule as a "FAIL!" message in the qt.modeltest category,
which pytest-qt's qtlog captures; `assert_no_model_failures` turns those into a failed test.
"""

from __future__ import annotations

from PySide6.QtTest import QAbstractItemModelTester


def watch_model(model) -> QAbstractItemModelTester:
    """A tester that re-checks the model on every signal for as long as the caller keeps it."""
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)


def assert_no_model_failures(qtlog) -> None:
    failures = [r.message for r in qtlog.records if "FAIL!" in r.message]
    assert failures == []
