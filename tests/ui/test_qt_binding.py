"""Guards against a broken Qt binding: PySide6 6.12.0 on Python 3.11 lost a reference to None
on every call of a Qt method that returns nothing, and the program aborted after a few thousand
calls ("Fatal Python error: none_dealloc"). pyproject pins pyside6-essentials below 6.12."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont


def test_qt_calls_keep_none_alive(qapp):
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(10_000):
        font.setPointSizeF(9)
    assert sys.getrefcount(None) >= before - 100
