"""The PySide6 window. Every use of Qt in the program imports this package first, so PySide6's
check of each module imported after it reads bytes, not source text (ui/feature_check.py)."""

from .feature_check import read_sources_as_bytes

read_sources_as_bytes()
