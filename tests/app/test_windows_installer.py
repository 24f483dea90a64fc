"""The Windows installer script and workflow keep their promises, read statically here (Inno Setup
and GitHub Actions cannot run on this machine): per user, Danish, the data folder the program
really uses, and an uninstaller that keeps the user's data unless asked."""

from __future__ import annotations

import re
from pathlib import Path

from caseworker_app import paths

REPO = Path(__file__).resolve().parents[2]
ISS = REPO / "installer" / "opfoelgningsfrister.iss"


def setup_directives() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8-sig")
    section = text[text.index("[Setup]") : text.index("\n[", text.index("[Setup]"))]
    return dict(re.findall(r"^(\w+)=(.*)$", section, re.M))


def test_the_script_is_utf8_with_a_byte_order_mark_so_inno_setup_reads_aeoeaa():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert '#define AppName "Opfølgningsfrister"' in raw.decode("utf-8-sig")


def test_a_per_user_installation_without_administrator_rights():
    setup = setup_directives()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # no way to ask for elevation
    assert setup["DefaultDirName"] == r"{userpf}\{#AppFolder}"  # %LOCALAPPDATA%\Programs\...
    text = ISS.read_text(encoding="utf-8-sig")
    assert r'Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"' in text
    assert r'Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"' in text  # Start menu


def test_the_uninstaller_knows_the_folders_the_program_writes_and_keeps_them_by_default():
    text = ISS.read_text(encoding="utf-8-sig")
    assert f'#define AppFolder "{paths.APP_DIR_NAME}"' in text
    assert "ExpandConstant('{localappdata}\\{#AppFolder}')" in text  # paths.user_data_dir()
    assert "ExpandConstant('{userappdata}\\{#AppFolder}')" in text  # Qt's INI file (QSettings)
    assert "[UninstallDelete]" not in text
    assert "DeleteUserData := False;" in text and "Box.Checked := False;" in text
    assert "if not UninstallSilent() and" in text  # silent (IT): never asks, keeps the data
    assert "MB_YESNO or MB_DEFBUTTON2" in text  # deleting is confirmed, "Nej" is the default


def test_the_workflow_builds_the_installer_from_this_script_and_keeps_it():
    workflow = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in workflow and "runs-on: ubuntu-latest" in workflow
    assert r"installer\opfoelgningsfrister.iss" in workflow
    assert "CASEWORKER_SELFTEST_STRICT" in workflow and "CASEWORKER_EXIT_WHEN_SHOWN" in workflow
    assert "path: dist/installer/*.exe" in workflow
    assert re.search(r"-gt 80\)", workflow)  # the bundle's size target
