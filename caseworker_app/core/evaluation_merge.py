"""The coordinator's file: an evaluation as counts only, and several such files summed into one.

A counts file holds the period, the trials (each with a fingerprint of its definition: period,
extensions and rules as this database's catalog has them), the municipality, the program's version,
fingerprints of the database and of the selection (database and caseworker) it came from, whether it
holds every caseworker's cases, and integers - no names, no CPR numbers, no case numbers. Reading one
checks everything: a field that is not a count, a text where a number belongs, a file changed by hand
(checksum), another program version; merging checks that the files share period, trial definitions
and municipality and that no case is counted twice.

Cases without a caseworker are counted only in a file for every caseworker (one per database): a
caseworker's file holds that caseworker's cases alone, and says per trial how many cases without a
caseworker it left out ('unassigned'), so a merge of caseworkers' files says so too instead of losing
them silently; it never counts them once per caseworker.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TypedDict, cast

from .catalog import RuleSpec, Trial
from .evaluation_figures import FIGURE_LABELS, HIST_LABELS, PREFIXES, Evaluation, EvaluationError, Period, TrialFigures
from .history import END_REASONS
from .merge_checks import missing_trials_problem, overlap_problem
from .terms import EVENT_NAMES, NOTE_SITUATIONS
from .text import name_key
from .workdays import fmt

FORMAT = "opfoelgningsfrister-evaluering"
# 2: a trial's figures count only the part of the period inside the trial's own period
# (evaluation_scope.trial_scope); a file of version 1 may count later ordinary-rule cases.
# 3: 'database', 'everyone' and each trial's 'unassigned' (a merge can tell overlapping files apart).
# 4: 'left_out_trials': trials with the file's own cases that were not chosen (--trial, the dialog's
# ticks): a merge with a file that has them would count the other file's figures alone for them.
FORMAT_VERSION = 4
_TOP_KEYS = {
    "format",
    "format_version",
    "program_version",
    "municipality",
    "period",
    "source",
    "database",
    "everyone",
    "left_out_trials",
    "trials",
    "checksum",
}
_TRIAL_KEYS = {"definition", "counts", "hists", "not_countable", "unassigned"}
_HEX16 = re.compile(r"[0-9a-f]{16}")
_TRIAL_ID = re.compile(r"T\d{2}")
_SUFFIXES = {
    "end_reason:": set(END_REASONS),
    "event:": set(EVENT_NAMES),
    "note:": set(NOTE_SITUATIONS),
}
_NOT_COUNTABLE_KEYS = {"markings", "held", "demanded", "saved", "success"}
_MAX_COUNT = 10_000_000


class MergeError(EvaluationError):
    """A counts file that cannot be used, or files that cannot be summed; Danish message."""


# A counts file's content, as to_counts writes it and read_counts lets it through.
PeriodDays = TypedDict("PeriodDays", {"from": str, "to": str})  # ISO dates; "from" is a keyword


class TrialCounts(TypedDict):
    definition: str
    counts: dict[str, int]
    hists: dict[str, dict[str, int]]  # distribution name -> days (as text) -> cases
    not_countable: list[str]
    unassigned: int  # a caseworker's file: cases without a caseworker left out (0 in a file for everyone)


class CountsBody(TypedDict):
    format: str
    format_version: int
    program_version: str
    municipality: str
    period: PeriodDays
    source: str
    database: str
    everyone: bool  # every caseworker's cases (and those without a caseworker)
    left_out_trials: list[str]  # trials with the file's own cases that were not chosen
    trials: dict[str, TrialCounts]


class CountsFile(CountsBody):
    checksum: str


_Fail = Callable[[str], MergeError]


def definition_fingerprint(trial: Trial) -> str:
    """16 hex digits that change when what the figures are counted by changes: the trial's first and
    last day and its rules' kinds, dates and durations. Not the texts typed with a change (its
    source, the day it was typed): two databases that entered the same extension on different days,
    or in another time zone, count alike and must merge (a reviewer)."""
    return _hash(repr((trial.id, trial.period.start, trial.period.effective_end, [_counted(r) for r in trial.rules])))


def _counted(spec: RuleSpec) -> RuleSpec:
    """The rule without the texts that say it (they count nothing), its ordinary versions likewise."""
    plain = replace(spec, text="", reference="", source="", label="", first_words="", every_words="")
    return replace(
        plain,
        ordinary=_counted(spec.ordinary) if spec.ordinary is not None else None,
        ordinary_changes=tuple(_counted(c) for c in spec.ordinary_changes),
    )


def source_fingerprint(database_id: str, caseworker: str) -> str:
    """16 hex digits naming the case list and selection a file came from (not the person)."""
    return _hash(f"{database_id}|{name_key(caseworker)}")


def database_fingerprint(database_id: str) -> str:
    """16 hex digits naming the database a file came from (the same for each caseworker's file)."""
    return _hash(f"database|{database_id}")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _checksum(content: Mapping[str, object]) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def to_counts(
    evaluation: Evaluation, catalog: Mapping[str, Trial], *, source: str, database: str, program_version: str
) -> CountsFile:
    """The evaluation as a counts file's content (with its checksum)."""
    content: CountsBody = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "program_version": program_version,
        "municipality": evaluation.municipality.strip(),
        "period": {"from": evaluation.period.start.isoformat(), "to": evaluation.period.end.isoformat()},
        "source": source,
        "database": database,
        "everyone": not evaluation.caseworker.strip(),
        "left_out_trials": sorted(evaluation.left_out_trials),
        "trials": {
            f.trial_id: {
                "definition": definition_fingerprint(catalog[f.trial_id]),
                "counts": {k: int(v) for k, v in sorted(f.counts.items()) if v},
                "hists": {
                    name: {str(day): n for day, n in sorted(h.items())} for name, h in sorted(f.hists.items()) if h
                },
                "not_countable": sorted(f.not_countable),
                "unassigned": f.unassigned,
            }
            for f in evaluation.trials
        },
    }
    problem = _municipality_problem(content["municipality"])
    if problem:
        raise MergeError(problem)
    return {**content, "checksum": _checksum(content)}


def counts_json(content: Mapping[str, object]) -> bytes:
    """The file's bytes: readable JSON, UTF-8."""
    return (json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _municipality_problem(name: str) -> str:
    if len(name) > 80 or any(ch.isdigit() for ch in name):
        return (
            f"Kommunens navn '{name[:40]}' kan ikke stå i en fil med tal alene: det må ikke "
            "indeholde cifre (som et CPR- eller sagsnummer) og højst have 80 tegn. Ret det under "
            "Filer › Indstillinger."
        )
    return ""


def _json_object(value: object) -> dict[str, object] | None:
    """value if it is a JSON object (whose keys are always text), else None."""
    return cast(dict[str, object], value) if isinstance(value, dict) else None


def read_counts(data: bytes, name: str, program_version: str) -> CountsFile:
    """A counts file checked field by field; MergeError names the file and what is wrong."""

    def fail(why: str) -> MergeError:
        return MergeError(f"{name}: {why} Filen er ikke brugt.")

    try:
        # A byte order mark first (some editors save one) is no fault of the content.
        content = _json_object(json.loads(data.decode("utf-8-sig")))
    except (UnicodeDecodeError, ValueError):
        raise fail("filen er ikke en tal-fil fra evalueringen (ikke gyldig JSON).") from None
    if content is None or content.get("format") != FORMAT:
        raise fail("filen er ikke en tal-fil fra evalueringen (skrevet med report --json).")
    extra = sorted(set(content) - _TOP_KEYS)
    if extra:
        raise fail(f"filen indeholder andet end tal: feltet '{extra[0]}' hører ikke til.")
    missing = sorted(_TOP_KEYS - set(content))
    if missing:
        raise fail(f"feltet '{missing[0]}' mangler.")
    if content["format_version"] != FORMAT_VERSION:
        raise fail(f"filen har formatversion {content['format_version']!r}; programmet læser {FORMAT_VERSION}.")
    if content["program_version"] != program_version:
        raise fail(
            f"filen er skrevet af programmets version {content['program_version']}, men dette er "
            f"version {program_version}. Bed sagsbehandleren lave filen igen med samme version."
        )
    body = {k: v for k, v in content.items() if k != "checksum"}
    if content["checksum"] != _checksum(body):
        raise fail(
            "filen er ændret efter, den blev skrevet (kontrolsummen passer ikke). Bed "
            "sagsbehandleren lave den igen; ret aldrig tallene i hånden."
        )
    municipality = content["municipality"]
    if not isinstance(municipality, str):
        raise fail("feltet 'municipality' skal være kommunens navn.")
    problem = _municipality_problem(municipality)
    if problem:
        raise fail(problem)
    period = _json_object(content["period"])
    try:
        if period is None or set(period) != {"from", "to"}:
            raise ValueError
        start, end = period["from"], period["to"]
        if not isinstance(start, str) or not isinstance(end, str):
            raise TypeError
        Period(date.fromisoformat(start), date.fromisoformat(end))
    except (TypeError, ValueError, AttributeError):
        raise fail("perioden kan ikke læses (forventet 'from' og 'to' som datoer).") from None
    if not isinstance(content["source"], str) or not _HEX16.fullmatch(content["source"]):
        raise fail("feltet 'source' er ikke et fingeraftryk (16 hex-tegn).")
    if not isinstance(content["database"], str) or not _HEX16.fullmatch(content["database"]):
        raise fail("feltet 'database' er ikke et fingeraftryk (16 hex-tegn).")
    if not isinstance(content["everyone"], bool):
        raise fail("feltet 'everyone' skal være true eller false.")
    left_out = content["left_out_trials"]
    if not isinstance(left_out, list) or not all(isinstance(t, str) for t in cast("list[object]", left_out)):
        raise fail("feltet 'left_out_trials' skal være en liste af forsøg.")
    trials = _json_object(content["trials"])
    if not trials:
        raise fail("filen har ingen forsøg.")
    for trial_id, block in trials.items():
        _check_trial(trial_id, block, fail)
    # Checked field by field above.
    return cast(CountsFile, content)


def _check_trial(trial_id: str, raw_block: object, fail: _Fail) -> None:
    if not _TRIAL_ID.fullmatch(trial_id):
        raise fail(f"'{str(trial_id)[:20]}' er ikke et forsøgsnummer (fx T08).")
    block = _json_object(raw_block)
    if block is None or set(block) != _TRIAL_KEYS:
        raise fail(f"forsøg {trial_id} har andre felter end {', '.join(sorted(_TRIAL_KEYS))}.")
    definition = block["definition"]
    if not isinstance(definition, str) or not _HEX16.fullmatch(definition):
        raise fail(f"forsøg {trial_id}: 'definition' er ikke et fingeraftryk.")
    counts = _json_object(block["counts"])
    if counts is None:
        raise fail(f"forsøg {trial_id}: 'counts' skal være tal.")
    for key, value in counts.items():
        if not _known_figure(key):
            raise fail(f"forsøg {trial_id} indeholder andet end tal: '{str(key)[:40]}' er ikke et kendt tal.")
        _check_int(value, f"forsøg {trial_id}, '{key}'", fail)
    hists = _json_object(block["hists"])
    if hists is None:
        raise fail(f"forsøg {trial_id}: 'hists' skal være fordelinger af tal.")
    for name, raw_hist in hists.items():
        hist = _json_object(raw_hist)
        if name not in HIST_LABELS or hist is None:
            raise fail(f"forsøg {trial_id} indeholder andet end tal: '{str(name)[:40]}'.")
        for day, n in hist.items():
            # ASCII digits only: int() refuses '²' (a digit to str.isdigit) and reads '٤' as 4.
            if not (day.isascii() and day.isdigit() and len(day) <= 5):
                raise fail(f"forsøg {trial_id}, '{name}': '{str(day)[:20]}' er ikke et antal dage.")
            _check_int(n, f"forsøg {trial_id}, '{name}'", fail)
    marks = block["not_countable"]
    # Names only: a table or a list in the list cannot even be compared with the known names.
    if not isinstance(marks, list) or not all(isinstance(m, str) for m in cast(list[object], marks)):
        raise fail(f"forsøg {trial_id}: 'not_countable' skal være en liste af navne på tal.")
    if not set(cast(list[str], marks)) <= _NOT_COUNTABLE_KEYS:
        raise fail(f"forsøg {trial_id}: 'not_countable' nævner ukendte tal.")
    _check_int(block["unassigned"], f"forsøg {trial_id}, 'unassigned'", fail)


def _known_figure(key: object) -> bool:
    if not isinstance(key, str):
        return False
    if key in FIGURE_LABELS:
        return True
    for prefix in PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :] in _SUFFIXES[prefix]
    return False


def _check_int(value: object, where: str, fail: _Fail) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_COUNT:
        raise fail(f"{where}: '{str(value)[:40]}' er ikke et antal (et helt tal, 0 eller mere).")


def merge(
    files: Sequence[tuple[str, CountsFile]], minutes: int, catalog: Mapping[str, Trial] | None = None
) -> Evaluation:
    """Sum checked counts files (name, content) into one report; MergeError when they differ, or
    when a trial is defined otherwise in them than in catalog (the one the report is written with)."""
    if len(files) < 2:
        raise MergeError("Angiv mindst to tal-filer at lægge sammen.")
    first_name, first = files[0]
    seen: list[tuple[str, CountsFile]] = []
    for name, content in files:
        if content["period"] != first["period"]:
            raise MergeError(
                f"{name} gælder perioden {_period_text(content)}, men {first_name} gælder "
                f"{_period_text(first)}. Filerne skal dække samme periode; intet er lagt sammen."
            )
        if content["municipality"] != first["municipality"]:
            raise MergeError(
                f"{name} er fra {content['municipality'] or '(ingen kommune)'}, men {first_name} er "
                f"fra {first['municipality'] or '(ingen kommune)'}; intet er lagt sammen."
            )
        seen.append((name, content))
    problem = overlap_problem(seen)
    if problem:
        raise MergeError(problem)
    definitions: dict[str, tuple[str, str]] = {}
    for name, content in files:
        for trial_id, block in content["trials"].items():
            known = definitions.setdefault(trial_id, (block["definition"], name))
            if known[0] != block["definition"]:
                raise MergeError(
                    f"Forsøg {trial_id} er defineret forskelligt i {known[1]} og {name} (fx en "
                    "forlængelse eller en ændret regel, der kun er indtastet det ene sted). Ret "
                    "forsøget ens begge steder og lav filerne igen; intet er lagt sammen."
                )
    problem = missing_trials_problem(files)
    if problem:
        raise MergeError(problem)
    for trial_id, (definition, name) in sorted(definitions.items()):
        trial = catalog.get(trial_id) if catalog is not None else None
        if catalog is not None and (trial is None or definition_fingerprint(trial) != definition):
            # The report would say one period and count another (a tester: "Periode talt: ingen"
            # above two citizens): the files were made with the municipality's own changes.
            raise MergeError(
                f"Forsøg {trial_id} er defineret anderledes i {name} end i det forsøgskatalog, rapporten "
                "skrives med (fx en forlængelse eller en ændret regel, som kommunen har indtastet i sin "
                "database). Læg filerne sammen med --db og kommunens database; intet er lagt sammen."
            )
    figures: dict[str, TrialFigures] = {}
    for _, content in files:
        for trial_id, block in content["trials"].items():
            f = figures.setdefault(trial_id, TrialFigures(trial_id))
            f.counts.update(Counter(block["counts"]))
            for hist_name, hist in block["hists"].items():
                f.hist(hist_name).update({int(day): n for day, n in hist.items()})
            for key in block["not_countable"]:
                f.not_countable.setdefault(key, "")
    # Cases without a caseworker left out of caseworkers' files: once per database (each caseworker's
    # file of a database names the same ones; the largest, should the database have changed between).
    left_out: dict[str, dict[str, int]] = {}
    for _, content in files:
        per_trial = left_out.setdefault(content["database"], {})
        for trial_id, block in content["trials"].items():
            per_trial[trial_id] = max(per_trial.get(trial_id, 0), block["unassigned"])
    for per_trial in left_out.values():
        for trial_id, n in per_trial.items():
            figures[trial_id].unassigned += n
    period = Period(date.fromisoformat(first["period"]["from"]), date.fromisoformat(first["period"]["to"]))
    return Evaluation(
        period,
        [figures[t] for t in sorted(figures)],
        caseworker="",
        municipality=first["municipality"],
        minutes=minutes,
        merged_from=len(files),
        merged_files=tuple((content["database"], content["everyone"]) for _, content in files),
    )


def _period_text(content: CountsFile) -> str:
    p = content["period"]
    return f"{fmt(date.fromisoformat(p['from']))} – {fmt(date.fromisoformat(p['to']))}"
