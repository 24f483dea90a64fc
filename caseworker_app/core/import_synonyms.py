"""The words of the headers an imported case list may have: which header names which field
(import_mapping.recognized_field compares a header with them). Data only; Qt-free.
"""

from __future__ import annotations

# Headers seen in caseworkers' own lists, in the folded form of fold_header (æ→ae, ø→oe, å→aa,
# no punctuation). A space marks the words of a header whose words may come in any order
# ('start loentilskud' is also 'Løntilskud start', 'Startdato løntilskud': see import_mapping.word_key). The
# field's own label is recognised too, in any order of its words.
SYNONYMS = {
    "citizen": (
        "navn",
        "borger",
        "borgerensnavn",
        "borgernavn",
        "navnpaaborger",
        "fuldtnavn",
        "klient",
        "personnavn",
    ),
    "case_ref": (
        "sagsnr",
        "sagsnummer",
        "fasitsagsnr",
        "fasitsagsnummer",
        "fasitnr",
        "fasitnummer",
        "fasit",
        "fasitsag",
        "sag",
        "sagsid",
        "fasitid",
    ),
    "cpr": ("cpr", "cprnr", "cprnummer", "personnummer", "personnr", "cprno"),
    "trial_id": (
        "forsoeg",
        "forsog",
        "forsoegsid",
        "forsoegsnr",
        "forsoegsnummer",
        "frikommuneforsoeg",
        "forsoegskode",
        "forsoegets",
        "trial",
    ),
    "caseworker": (
        "sagsbehandler",
        "sagsbehandlerensnavn",
        "sagsbehandlernavn",
        "raadgiver",
        "medarbejder",
        "ansvarlig",
        "ansvarligsagsbehandler",
        "jobkonsulent",
        # abbreviations and job titles in caseworkers' own lists (a tester's 'Sagsbeh.')
        "sagsbeh",
        "sagsb",
        "sbh",
        "sb",
        "medarb",
        "konsulent",  # also 'Virksomhedskonsulent', 'Beskæftigelseskonsulent' (contained)
        "initialer",  # only the whole header: 'Borgerens initialer' is no caseworker (WHOLE_ONLY)
        "init",
        "sagsbehandler initialer",
        "medarbejder initialer",
    ),
    "note": ("bemaerkning", "bemaerkninger", "note", "noter", "kommentar", "kommentarer", "notat"),
    "hire": (
        "ansat",
        "ansaettelse",
        "ansaettelsesdato",
        "ansatdato",
        "ansatden",
        "ansatfra",
        "ansaettelseiloentilskud",
        "loentilskudsstart",
        "start loentilskud",  # also 'Løntilskud start', 'Startdato løntilskud', 'Løntilskud startdato'
        "ansat loentilskud",
        "loentilskud fra",
        "ansaettelse loentilskud",
        "loentilskudsansaettelse",
    ),
    "offer": ("tilbud", "tilbudsdato", "tilbudomloentilskud", "tilbudgivet", "tilbuddato"),
    "absence_start": (
        "foerstefravaersdag",
        "fravaersdag",
        "sygemeldt",
        "sygemeldtfra",
        "sygemeldingsdato",
        "sygefra",
        "fravaerfra",
    ),
    "praktik_start": ("praktikstart", "praktikstartdato", "praktikfra", "startpraktik"),
    "unemployed_since": ("ledigsiden", "ledighedsdato", "ledigfra", "ledighedsstart"),
    "extension_start": ("forlaengelsesstart", "forlaengelsensstart", "forlaengetfra", "forlaengelse"),
    "visitation": ("visitation", "visitationsdato", "visiteret", "visiteretden"),
    "agreed": (
        "aftaltdato",
        "aftalt",
        "aftalt opfoelgning",
        "naeste opfoelgning",
        "naeste samtale",
        "naesteopf",  # "Næste opf. (dato)": never the last follow-up
    ),
    "last_followup": (
        "seneste opfoelgning",
        "sidste opfoelgning",
        "opfoelgning",
        "senesteopfoelgningsdato",
        "opfoelgningholdt",
        "sidsteopfoelgningsdato",
        "opfulgt",
        "opfoelgningsdato",
        # abbreviated, as in "Sidste opf." (a tester's own list)
        "opf",
        "sidsteopf",
        "senesteopf",
        "sidsteopfdato",
        "senesteopfdato",
    ),
    "last_decision": (
        "stillingtagen",
        "seneste stillingtagen",
        "sidste stillingtagen",
        "stillingtagentilindsatsplanen",
        "stillingtagenindsatsplan",
        "datoforstillingtagen",
    ),
}
MIN_CONTAINED = 5  # a header containing a synonym of at least this length counts ('sagsbehandlernavn')
# Synonyms recognised only as the whole header, never inside a longer one.
WHOLE_ONLY = frozenset({"initialer"})
# Words that do not change what a header names ('Dato for start af løntilskud'); never 'til' or 'fra':
# 'Løntilskud til' is the end of the hire, not its start.
FILLER_WORDS = frozenset({"i", "af", "for", "om", "med", "paa", "den", "d", "dato"})

# The words that point an unused date column to a field in its warning (import_skipped
# .suggested_date_field): part of a word, or a whole word when it ends in '='. Only a suggestion to
# the user, never a guess the import makes: 'Løntilskud, 2. periode' may be the hire, or not.
DATE_HINTS = {
    "hire": ("loentilskud", "ansat", "ansaettelse"),
    "offer": ("tilbud",),
    "absence_start": ("fravaer", "syge"),
    "praktik_start": ("praktik",),
    "unemployed_since": ("ledig",),
    "extension_start": ("forlaeng",),
    "visitation": ("visit", "ressourceforloeb"),
    "agreed": ("aftalt",),
    "last_followup": ("opfoelgning", "opf=", "opfulgt"),
    "last_decision": ("stillingtagen",),
}
# Words that make a date column the end of something or a date still to come: no field is suggested.
NOT_A_START = ("slut", "ophoer", "udloeb", "frist", "naeste", "planlagt", "kommende")
