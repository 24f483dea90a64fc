"""The command line (`caseworker-app`): the parser, one module per group of commands, and the selftest.

Only the parser and `main` are imported at start; each command's module, and the engine behind it,
is imported when that command runs, so the window opens without them (benchmarks/bench_startup.py).
"""

from .entry import main
from .parser import build_parser

__all__ = ["build_parser", "main"]
