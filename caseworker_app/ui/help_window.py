"""Hjælp: a short Danish guide to the daily work, and the keyboard shortcuts read off the menus.

The shortcut list is built from the window's own actions, so it cannot drift from what the keys do.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QMenu, QTextBrowser, QVBoxLayout, QWidget

from .screen_fit import resize_to_fit

# One section per tab of the main window, in tab order, after the daily workflow.
GUIDE = (
    (
        "dagligt",
        "Din dag med programmet",
        "<ol>"
        "<li>Åbn programmet. Fanen <b>Frister</b> viser øverst, hvad der er <b>overskredet</b>, så hvad "
        "der forfalder <b>denne uge</b>, de <b>næste 30 dage</b> og <b>senere</b>.</li>"
        "<li>Dobbeltklik på en frist (eller vælg den, og tryk Enter) for at åbne sagen. Har du holdt "
        "opfølgningen, så tryk "
        "<b>Registrer opfølgning</b> (Ctrl+R) og skriv datoen. Fristen regnes straks forfra. (I et forsøg "
        "uden opfølgninger hedder knappen <b>Registrer hændelse</b>.)</li>"
        "<li>Tryk <b>Journalnotat …</b> i sagsvinduet. <b>Skete hændelsen, mens forsøget løb</b>, henviser "
        "notatet selv til bekendtgørelsen og skriver den næste frist, den samme som vinduet viser. Udfyld "
        "det, programmet beder om, og tryk <b>Kopiér til FASIT</b>; sæt det ind i FASIT med Ctrl+V. "
        "<b>Skete den efter forsøgets slutning</b> (sagsvinduet skriver ved forsøget, om det er udløbet), "
        "kan notatet ikke henvise til forsøget: skriv notatet i FASIT som i andre sager. Programmet "
        "viser stadig den næste frist, nu efter den almindelige regel.</li>"
        "<li>Vil du have de kommende frister på papir eller i Outlook: <b>Udskriv › Opfølgningskalender</b> "
        "(Ctrl+P; de næste 4 uger, de overskredne først) eller <b>Filer › Eksportér til Outlook</b>.</li>"
        "</ol>"
        "<p>En ny borger oprettes med <b>Filer › Ny sag</b> (Ctrl+N). Datoer skrives som dd-mm-åååå "
        "(eller fx 1. juli 2018, som i importen), altid med årstallet i fire cifre: '26' kan være 1926 eller 2026, "
        "og en frist regnet fra et forkert århundrede er forkert, uden at det ses.</p>"
        "<p><b>Har du dine sager i et regneark</b>, så læs dem ind på én gang med <b>Filer › Importér sager</b> "
        "(Ctrl+I): vælg filen (.xlsx eller .csv fra Excel), se under <b>Kolonner</b>, at hver kolonne er det "
        "rigtige felt, og under <b>Forhåndsvisning</b>, hvordan hver række gemmes og med hvilken næste frist. "
        "Rækker med fejl står under <b>Fejl</b> med række og kolonne; intet gemmes, før de er rettet, "
        "medmindre du vælger <b>Importér kun de gyldige rækker</b>. Sager, der allerede findes (samme "
        "FASIT-sagsnummer og forsøg), springes over eller opdateres, som du vælger. Programmet husker dine "
        "kolonner til næste gang. Fortryder du, så vælg <b>Filer › Fortryd import</b>: hele importen "
        "fjernes, så længe ingen af dens sager er ændret.</p>",
    ),
    (
        "frister",
        "Frister",
        "<p>Hver frist har sin dato efter reglen og, hvis den falder på en weekend eller helligdag, "
        "datoen <b>senest i praksis</b>: sidste arbejdsdag før (ikke for en periodes sidste dag: en praktik må "
        "løbe hen over en weekend). <b>Hvorfor</b> forklarer, hvordan "
        "fristen er regnet. Står der <b>dato ikke aftalt</b>, skal du aftale næste dato med borgeren "
        "og skrive den på sagen. En linje øverst siger, hvis nogle sager ikke kan beregnes, og hvorfor.</p>"
        "<p><b>Dine egne frister først:</b> har du skrevet dit navn i Indstillinger, viser Frister kun dine "
        "sager (og sager uden sagsbehandler). Vælg en kollega eller <b>Alle sagsbehandlere</b> under "
        "<b>Sagsbehandler</b>, eller tryk <b>Vis alle sagsbehandlere</b> i linjen over listen; programmet "
        "husker dit valg. <b>Søg</b> (Ctrl+F) finder en borger på navn, FASIT-sagsnummer eller CPR-nummer i "
        "den fane, du står i.</p>",
    ),
    (
        "sager",
        "Sager",
        "<p>Dine aktive sager (afsluttede sager vises, når du vælger dem under Status), med søgning "
        "(Ctrl+F) på navn og sagsnummer. Dobbeltklik (eller tryk Enter) "
        "for at åbne en sag; der kan du rette datoer, registrere hændelser, skrive journalnotater, "
        "udskrive borgerens plan og afslutte sagen.</p>",
    ),
    (
        "forsoeg",
        "Forsøg",
        "<p>Hvert frikommuneforsøg med den almindelige regel ved siden af forsøgsreglen, perioden med "
        "forlængelser og deres hjemmel, og henvisningen i journalnotater. Er et forsøg forlænget for "
        "jeres kommune, så tryk <b>Ny forlængelse …</b> og skriv hjemlen. Er en almindelig regel "
        "ændret (fx ved beskæftigelsesreformen), så tryk <b>Ny almindelig regel …</b>.</p>",
    ),
    (
        "fristberegner",
        "Fristberegner",
        "<p>Prøv en frist af uden at oprette en sag: vælg forsøg, skriv datoerne og hændelserne. Intet "
        "gemmes. Den regner på samme måde som sagerne og som kommandoen <code>caseworker-app schedule</code>.</p>",
    ),
)


def guide_html(first: str | None = None) -> str:
    """The whole guide as one page, a heading per section; the section named first comes first."""
    sections = sorted(GUIDE, key=lambda section: section[0] != first)  # stable: the rest keep order
    parts = ["<h2>Kom i gang</h2>"]
    for anchor, title, body in sections:
        parts.append(f'<h3><a name="{anchor}"></a>{escape(title)}</h3>{body}')
    return "".join(parts)


def section_for_tab(index: int) -> str:
    """The guide's section for the main window's tab (the daily workflow for an unknown tab)."""
    tabs = [anchor for anchor, _, _ in GUIDE[1:]]
    return tabs[index] if 0 <= index < len(tabs) else GUIDE[0][0]


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(menu › command, keys) for every menu command that has a shortcut, in menu order."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):  # none: a plain action in the menu bar
            continue
        for action in menu.actions():
            keys = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
            if keys:
                rows.append((f"{_plain(menu.title())} › {_plain(action.text())}", keys))
    return rows


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" …")


class HelpDialog(QDialog):
    """A page of help text that stays open beside the work (not modal)."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(html)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Luk")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 640, 520)

    def text(self) -> str:
        """What the reader sees (for tests)."""
        return self.browser.toPlainText()


def open_guide(window: QMainWindow, tab_index: int) -> HelpDialog:
    """Hjælp › Kom i gang (F1): the guide, beginning with the section of the tab in front."""
    dialog = HelpDialog("Kom i gang", guide_html(first=section_for_tab(tab_index)), window)
    dialog.show()
    return dialog


def open_shortcuts(window: QMainWindow) -> HelpDialog:
    """Hjælp › Tastaturgenveje: every menu command with a key, read off the menus."""
    rows = "".join(
        f"<tr><td>{escape(keys)}</td><td>{escape(command)}</td></tr>" for command, keys in shortcut_rows(window)
    )
    html = (
        "<h2>Tastaturgenveje</h2><table cellpadding=4><tr><th align=left>Taster</th>"
        f"<th align=left>Gør</th></tr>{rows}</table>"
        "<p>I sagsvinduet: <b>Ctrl+S</b> gemmer sagen, <b>Ctrl+R</b> registrerer en opfølgning (eller "
        "hændelse). I listerne åbner <b>Enter</b> den valgte sag. <b>Esc</b> lukker et vindue eller en "
        "dialog.</p>"
        "<p>Alt i menuerne kan også nås med Alt og det understregede bogstav.</p>"
    )
    dialog = HelpDialog("Tastaturgenveje", html, window)
    dialog.show()
    return dialog
