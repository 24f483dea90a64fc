"""resources_dir() finds the trials the same way from source, an installed wheel and the bundle."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from caseworker_app import paths

REPO = Path(__file__).resolve().parents[2]
TRIAL_FILES = sorted(p.name for p in (REPO / "resources" / "trials").glob("*.toml"))


def test_source_checkout_uses_the_repositorys_resources_folder():
    assert paths.resources_dir() == REPO / "resources"
    assert "T08.toml" in TRIAL_FILES
    assert sorted(p.name for p in (paths.resources_dir() / "trials").glob("*.toml")) == TRIAL_FILES


def test_frozen_bundle_uses_the_bundles_resources_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"


def test_meipass_without_frozen_is_ignored(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == REPO / "resources"


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built once per session with `uv build --wheel`."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv findes ikke på PATH")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [uv, "build", "--wheel", "--quiet", "--out-dir", str(out), str(REPO)],
        check=True,
        cwd=REPO,
        timeout=300,
    )
    (found,) = out.glob("caseworker_app-*.whl")
    return found


def test_wheel_carries_the_resources_inside_the_package(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(Path(n).name for n in names if n.startswith("caseworker_app/_resources/trials/"))
    assert shipped == TRIAL_FILES
    assert "caseworker_app/_resources/icons/app.ico" in names
    assert "caseworker_app/paths.py" in names


def test_installed_wheel_finds_its_resources(wheel, tmp_path):
    uv = shutil.which("uv")
    venv = tmp_path / "venv"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    subprocess.run(
        [uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
        check=True,
        env=env,
        timeout=120,
    )
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [uv, "pip", "install", "--quiet", "--no-deps", "--python", str(python), str(wheel)],
        check=True,
        env=env,
        timeout=120,
    )
    script = (
        "import json; from caseworker_app.paths import resources_dir; r = resources_dir(); "
        "print(json.dumps([str(r), sorted(p.name for p in (r / 'trials').glob('*.toml'))]))"
    )
    run = subprocess.run(
        [str(python), "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    where, trials = json.loads(run.stdout)
    assert Path(where).parts[-2:] == ("caseworker_app", "_resources")
    assert str(REPO) not in where  # the installed copy, not the checkout
    assert trials == TRIAL_FILES
