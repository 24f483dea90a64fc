"""The catalog's trials whose names share words with a text a caseworker wrote for a trial.

Used to suggest the trial a list meant ('FØP løntilskud' -> T08) when the text is no trial's id or
name. Deliberately plain word overlap, so a suggestion can be explained: the words of the trial's
id, title and short title, compared without regard to case, accents or the spelling of æ, ø, å
(ae/a, oe/o, aa/a), Danish stop words left out; a word of five letters or more also matches a longer word it
begins ('sygedagpenge' -> 'sygedagpengesager'). docs/import.md describes it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from .catalog import Trial
from .import_mapping import fold_header

MAX_SUGGESTIONS = 2
_MIN_PREFIX = 5  # a shorter word must match a whole word: 'løn' is not 'løntilskud'


def fold_word(word: str) -> str:
    """A word as compared: lower case, accents dropped (é as e), and æ, ø, å as a, o, a however
    written ('førtidspension', 'foertidspension' and 'fortidspension' are one word). The import's
    fold of a column header (case, punctuation, æ/ø/å as ae/oe/aa), on the word without accents."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return fold_header(plain).replace("ae", "a").replace("oe", "o").replace("aa", "a")


# Words that say nothing about which trial is meant (the catalog's titles use some of them).
STOP_WORDS = frozenset(
    fold_word(word)
    for word in (
        "af at de den der det efter eller en er et for fra giver har herunder hver i ift ikke jf med mv "
        "når og om op på samt som til ud uden ved vedr"
    ).split()
)


def words(text: str) -> frozenset[str]:
    """The folded words of text that can tell trials apart: no stop words and no bare numbers ('6
    mdr' says nothing of T07's '6-måneders'); a trial id written short counts as its id ('T8')."""
    found = (fold_word(part) for part in re.split(r"[\W_]+", text))
    return frozenset(
        _TRIAL_ID.sub(lambda m: f"t{int(m.group(1)):02d}", word)
        for word in found
        if word and word not in STOP_WORDS and not word.isdigit()
    )


_TRIAL_ID = re.compile(r"^t(\d{1,2})$")


@lru_cache(maxsize=256)
def _trial_words(trial_id: str, title: str, short_title: str) -> frozenset[str]:
    return words(f"{title} {short_title}") | {fold_word(trial_id)}


def _matches(wanted: str, word: str) -> bool:
    if wanted == word:
        return True
    return len(wanted) >= _MIN_PREFIX and wanted.isalpha() and word.startswith(wanted)


def similar_trials(text: str, catalog: Mapping[str, Trial]) -> list[Trial]:
    """At most two trials sharing the most words with text, best first; none when no word is shared.

    A trial counts each of the text's words once. Only trials with the highest count are suggested;
    among those, the trial with fewer words in its names comes first (the words say more of it),
    then the catalog's order."""
    wanted = words(text)
    scored: list[tuple[int, int, int, Trial]] = []
    for position, trial in enumerate(catalog.values()):
        own = _trial_words(trial.id, trial.title, trial.short_title)
        shared = sum(1 for w in wanted if any(_matches(w, word) for word in own))
        if shared:
            scored.append((-shared, len(own), position, trial))
    if not scored:
        return []
    scored.sort(key=lambda s: s[:3])
    best = scored[0][0]
    return [s[3] for s in scored if s[0] == best][:MAX_SUGGESTIONS]


def trial_by_words(text: str, catalog: Mapping[str, Trial]) -> Trial | None:
    """The one trial text is read as by its words, or None: similar_trials suggests that trial alone,
    and every word of text is one of its words ('Førtidspension i løntilskud' -> T08). A word no
    trial has ('FØP'), or a second trial as good, and it is not read: a wrong trial is a wrong deadline."""
    suggested = similar_trials(text, catalog)
    if len(suggested) != 1:
        return None
    trial = suggested[0]
    own = _trial_words(trial.id, trial.title, trial.short_title)
    wanted = words(text)
    return trial if wanted and all(any(_matches(w, word) for word in own) for w in wanted) else None


def trial_reading_text(text: str, trial: Trial) -> str:
    """The warning a row read by trial_by_words is saved with: the reading, to be checked."""
    return f"'{text}' er læst som {trial.id} – {trial.short_title}; kontrollér"


def trial_named(trial: Trial) -> str:
    """'T08 (Førtidspensionister i løntilskud)': a trial as a message suggests it."""
    return f"{trial.id} ({trial.short_title})"
