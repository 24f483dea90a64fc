"""A folder that takes no new files, as a folder the user may only read: chmod for a user, and the
immutable attribute for root (who may write in any folder, as the tests run in CI)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """Within the block, creating a file in folder fails with PermissionError."""
    if os.name != "posix":
        pytest.skip("a read-only folder is simulated with POSIX permissions")
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not available on this file system")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
