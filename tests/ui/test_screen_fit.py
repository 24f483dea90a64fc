"""Every window and dialog fits the screen it opens on, its buttons and fields in view.

Each screen is simulated in a process of its own (tests/ui/screen_fit_driver.py): Qt's offscreen
platform with a screen of that size (the Windows taskbar, 40 pixels at 100 %, already taken off)
and QT_SCALE_FACTOR for the Windows scaling. The driver opens every window on the demo data,
checks it and keeps a screenshot of each in CASEWORKER_SCREENSHOTS (CI: artifacts/screens).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TASKBAR = 40  # logical pixels (Windows 10; Windows 11 has 48 at 100 % too, but hides less)

# name: (width, height in screen pixels, scaling, text size in per cent), and the logical screen
# the program sees (taskbar off), written out by hand.
SCREENS = {
    "1024x768": ((1024, 768, 1.0, 100), (1024, 728)),
    "1366x768@150": ((1366, 768, 1.5, 100), (911, 472)),
    "1920x1080@150": ((1920, 1080, 1.5, 100), (1280, 680)),
    "3840x2160@200": ((3840, 2160, 2.0, 100), (1920, 1040)),
    # Indstillinger › Tekststørrelse 150 % on the commonest laptop setting.
    "1920x1080@150-tekst150": ((1920, 1080, 1.5, 150), (1280, 680)),
    # The largest size Indstillinger offers without a warning on each screen (ui/text_size.py
    # VERIFIED_SIZES): 1366×768 at 100 % and 1920×1080 at 150 % take the largest, 200 %; 1366×768
    # at 150 % takes 125 %. It is walked at 150 % too, which Indstillinger offers there with a
    # warning: every window must still fit (at 150 % the main window was once 932 px wide on 911,
    # and the calendar print dialog, "Sagen er ændret imens" and the import dialog were taller or
    # wider than the screen).
    "1366x768-tekst150": ((1366, 768, 1.0, 150), (1366, 728)),
    "1366x768-tekst200": ((1366, 768, 1.0, 200), (1366, 728)),
    "1920x1080@150-tekst200": ((1920, 1080, 1.5, 200), (1280, 680)),
    "1366x768@150-tekst125": ((1366, 768, 1.5, 125), (911, 472)),
    "1366x768@150-tekst150": ((1366, 768, 1.5, 150), (911, 472)),
}

# Every window the driver must have opened (tests/ui/windows.py), written out: one left out
# would not be checked.
WINDOWS = {
    "hovedvindue-frister",
    "hovedvindue-sager",
    "hovedvindue-forsoeg",
    "hovedvindue-fristberegner",
    "hovedvindue-fristberegner-t16",
    "sag-t08",
    "sag-t16",
    "sag-t18",
    "sag-t06",
    "ny-sag",
    "notat",
    "notat-skabelon",
    "notat-t09",
    "registrer-opfoelgning",
    "ret-haendelse",
    "afslut-sag",
    "slet-sag",
    "udskriv-plan",
    "gem-aendringer",
    "sagen-aendret-imens",
    "udskriv-kalender",
    "vis-udskrift",
    "indstillinger",
    "evaluering",
    "evaluering-tekster",
    "ny-forlaengelse",
    "ret-henvisning",
    "ny-almindelig-regel",
    "problemer",
    "dubletter",
    "sikkerhedskopier",
    "beskadiget-database",
    "tom-database",
    "beskadiget-database-i-vinduet",
    "hjaelp-kom-i-gang",
    "hjaelp-tastaturgenveje",
    "foerste-start",
    "eksport-valg",
    "hovedvindue-velkommen",
    "importer-kolonner",
    "importer-forhaandsvisning",
    "importer-fejl",
    "fortryd-import",
}


def screenshots_folder(tmp_path_factory) -> Path:
    chosen = os.environ.get("CASEWORKER_SCREENSHOTS")
    return Path(chosen) if chosen else tmp_path_factory.mktemp("skaermbilleder")


@pytest.mark.parametrize("screen", SCREENS)
def test_every_window_fits_the_screen(screen, tmp_path, tmp_path_factory):
    (width, height, scale, text_size), logical = SCREENS[screen]
    config = tmp_path / "skaerm.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": False,  # the title bar is allowed for by the driver (TITLE_BAR)
                "screens": [
                    {
                        "name": screen,
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": round(height - TASKBAR * scale),
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    report = tmp_path / "rapport.json"
    shots = screenshots_folder(tmp_path_factory) / screen
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "CASEWORKER_TEXT_SIZE": str(text_size),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_fit_driver", str(report), str(shots)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["screen"] == list(logical)  # the simulated screen is the one meant
    assert set(found["names"]) == WINDOWS
    assert found["problems"] == {}, json.dumps(found["problems"], ensure_ascii=False, indent=1)
    assert all((shots / f"{name}.png").stat().st_size > 0 for name in WINDOWS)


def test_every_text_size_offered_without_a_warning_is_walked_on_its_screen():
    """Indstillinger warns of a text size larger than ui/text_size.py VERIFIED_SIZES says a screen
    takes; each of those promises is one of the screens walked above, at that very text size."""
    from caseworker_app.ui.text_size import VERIFIED_SIZES

    walked = {(*logical, text_size) for (_w, _h, _scale, text_size), logical in SCREENS.values()}
    assert set(VERIFIED_SIZES) <= walked
