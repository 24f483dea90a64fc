"""Reading and checking the trial files (resources/trials/*.toml) into the catalog's records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from .catalog import CaseDate, Citation, Extension, NoteCondition, NoteTemplate, Period, RuleSpec, Trial
from .note_fields import validate_requires, validate_template
from .terms import DATE_NAMES, EVENT_NAMES, FORMS, NOTE_SITUATIONS, RULE_KINDS, CatalogError
from .toml_cache import TomlCache, TomlSyntaxError, parse_toml
from .toml_fields import TableReader
from .workdays import add, fmt


def _read_rule(r: TableReader, parent_kind: str | None, date_names: set[str], event_names: set[str]) -> RuleSpec:
    # An ordinary rule may leave out its kind: it is then its trial rule's.
    kind = r.get("kind", str) if parent_kind is None else r.get("kind", str, False, parent_kind)
    if kind not in RULE_KINDS:
        raise r.fail("kind", f"har ukendt regeltype '{kind}' (kendte: {', '.join(RULE_KINDS)})")
    anchor = r.get("anchor", str)
    if anchor not in date_names:
        raise r.fail("anchor", f"nævner datoen '{anchor}', som forsøget ikke har under [[dates]]")
    events = r.strings("events", required=kind != "caseworker_set")
    for event in events:
        if event not in event_names:
            raise r.fail("events", f"nævner hændelsen '{event}', som ikke er i forsøgets events")
    forms = r.strings("forms", required=False)
    for form in forms:
        if form not in FORMS:
            raise r.fail("forms", f"har ukendt form '{form}' (kendte: {', '.join(FORMS)})")
    spec = RuleSpec(
        kind=kind,
        text=r.get("text", str),
        anchor=anchor,
        label=r.get("label", str, required=parent_kind is None, default=""),
        reference=r.get("reference", str, required=parent_kind is not None, default=""),
        first=r.duration("first", required=kind == "followup"),
        first_words=r.get("first_words", str, required=False, default=""),
        every=r.duration("every", required=kind in ("followup", "decision")),
        every_words=r.get("every_words", str, required=False, default=""),
        maximum=r.duration("maximum", required=kind == "duration_end"),
        minimum=r.duration("minimum", required=False),
        count=r.get("count", int, required=kind == "count_window", default=0),
        window=r.duration("window", required=kind == "count_window"),
        events=events,
        forms=forms,
    )
    if parent_kind is not None:
        # An ordinary rule says since when it is known and until when it was checked (decision 13).
        known_from = r.get("known_from", date)
        checked_until = r.get("checked_until", date)
        spec = replace(
            spec,
            known_from=known_from,
            checked_until=checked_until,
            source=r.get("source", str),
            changed=r.get("changed", str, required=False, default=""),
        )
        if checked_until < known_from:
            raise r.fail("checked_until", "ligger før known_from")
    if kind == "count_window" and not 1 <= spec.count <= 365:
        raise r.fail("count", f"er et umuligt antal: {spec.count}")
    # workdays.add: start + delta() worked out without dateutil, which the start then does not import
    if spec.minimum and spec.maximum and add(date(2000, 1, 1), spec.minimum) > add(date(2000, 1, 1), spec.maximum):
        raise r.fail("minimum", "er længere end maximum")
    if parent_kind is None:
        ordinary = r.sub("ordinary", required=False)
        if ordinary is not None:
            spec = replace(spec, ordinary=_read_rule(ordinary, kind, date_names, event_names))
    return spec


def _read_notes(r: TableReader) -> dict[str, NoteTemplate]:
    table = r.sub("notes", required=False)
    if table is None:
        return {}
    templates: dict[str, NoteTemplate] = {}
    for situation in table.table:
        if situation not in NOTE_SITUATIONS:
            known = ", ".join(NOTE_SITUATIONS)
            raise table.fail(situation, f"er en ukendt situation (kendte: {known})")
        n = table.sub(situation)
        unknown = sorted(set(n.table) - {"title", "text", "requires"})
        if unknown:
            raise n.fail(unknown[0], "er et ukendt felt (brug title, text og requires)")
        text = n.get("text", str)
        problems = validate_template(text)
        if problems:
            raise n.fail("text", "kan ikke bruges: " + " ".join(problems))
        requires = n.strings("requires", required=False)
        problems = validate_requires(text, requires)
        if problems:
            raise n.fail("requires", "kan ikke bruges: " + " ".join(problems))
        templates[situation] = NoteTemplate(situation, n.get("title", str), text, requires)
    return templates


def _read_note_conditions(
    r: TableReader, date_names: set[str], rules: tuple[RuleSpec, ...] = ()
) -> tuple[NoteCondition, ...]:
    conditions: list[NoteCondition] = []
    for c in r.items("note_conditions", required=False):
        since = c.get("since", str, required=False)
        at = c.get("at", str, required=False)
        under = c.duration("under", required=False)
        if (since is None) != (under is None) or (since is None) != (at is None):
            raise c.fail("under", "skal stå sammen med since og at (eller ingen af dem)")
        assessment = c.get("assessment", bool, required=False, default=False)
        if assessment and since is not None:
            raise c.fail("assessment", "kan ikke stå sammen med since, at og under: en vurdering beregnes ikke")
        for key, name in (("since", since), ("at", at)):
            if name is not None and name not in date_names:
                raise c.fail(key, f"nævner datoen '{name}', som forsøget ikke har under [[dates]]")
        duration = c.get("duration", bool, required=False, default=False)
        if duration and (since is not None or assessment):
            raise c.fail("duration", "kan ikke stå sammen med since, at, under eller assessment")
        if duration and not any(spec.kind == "duration_end" and spec.minimum for spec in rules):
            raise c.fail("duration", 'kræver en regel med kind = "duration_end" og minimum')
        longer_name = c.get("longer_name", str, required=False, default="")
        longer_text = c.get("longer", str, required=False, default="")
        if (longer_name or longer_text) and not (duration and longer_name and longer_text):
            raise c.fail("longer", "skal stå sammen med longer_name og duration = true")
        conditions.append(
            NoteCondition(
                c.get("name", str), c.get("text", str), since, at, under, assessment, duration, longer_name, longer_text
            )
        )
    names = [c.name for c in conditions]
    if len(set(names)) != len(names):
        raise r.fail("note_conditions", "har to betingelser med samme name")
    return tuple(conditions)


def load_trial(path: Path, cache: TomlCache | None = None) -> Trial:
    """Read and validate one trial file; CatalogError names the file and the field on any fault.

    With a cache, the TOML parse of a text read before is taken from it (core/toml_cache.py);
    the checks below run on every load all the same."""
    try:
        text = path.read_text(encoding="utf-8")
        data = parse_toml(text) if cache is None else cache.parsed(path.name, text)
    except TomlSyntaxError as exc:
        raise CatalogError(f"{path.name}: filen kan ikke læses som TOML ({exc})") from None
    except UnicodeDecodeError:
        raise CatalogError(f"{path.name}: filen er ikke gemt som UTF-8") from None
    r = TableReader(path.name, data)

    trial_id = r.get("id", str)
    if path.stem != trial_id:
        raise r.fail("id", f"er '{trial_id}', men filen hedder {path.name}")

    p = r.sub("period")
    extensions = tuple(
        Extension(
            end=e.get("end", date),
            source=e.get("source", str),
            decided=e.get("decided", date, required=False),
            note=e.get("note", str, required=False, default=""),
            basis=e.get("basis", str, required=False, default=""),
            caveat=e.get("caveat", str, required=False, default=""),
            retroactive=e.get("retroactive", bool, required=False, default=False),
        )
        for e in p.items("extensions", required=False)
    )
    period = Period(
        start=p.get("start", date),
        end=p.get("end", date),
        source=p.get("source", str),
        extensions=extensions,
    )
    if period.end < period.start:
        raise p.fail("end", f"({fmt(period.end)}) ligger før start ({fmt(period.start)})")
    previous = period.end
    for i, ext in enumerate(extensions):
        if ext.end <= previous:
            raise p.fail(
                f"extensions[{i}].end",
                f"({fmt(ext.end)}) forlænger ikke perioden (før {fmt(previous)})",
            )
        previous = ext.end

    citations: list[Citation] = []
    for c in r.items("citations"):
        citation = Citation(
            text=c.get("text", str),
            valid_from=c.get("valid_from", date, required=False),
            valid_to=c.get("valid_to", date, required=False),
            paragraph=c.get("paragraph", str, required=False, default=""),
        )
        if citation.valid_from and citation.valid_to and citation.valid_to < citation.valid_from:
            raise c.fail("valid_to", "ligger før valid_from")
        citations.append(citation)
    if not citations:
        raise r.fail("citations", "skal have mindst én henvisning")

    case_dates: list[CaseDate] = []
    for d in r.items("dates", required=False):
        name = d.get("name", str)
        if name not in DATE_NAMES:
            raise d.fail("name", f"er en ukendt dato '{name}' (kendte: {', '.join(DATE_NAMES)})")
        case_dates.append(
            CaseDate(
                name=name,
                label=d.get("label", str, required=False, default=DATE_NAMES[name]),
                required=d.get("required", bool, required=False, default=True),
                default_from=d.get("default_from", str, required=False),
            )
        )
    date_names = {d.name for d in case_dates}
    for i, d in enumerate(case_dates):
        if d.default_from and d.default_from not in date_names:
            raise CatalogError(
                f"{path.name}: feltet 'dates[{i}].default_from' nævner en ukendt dato '{d.default_from}'"
            )

    events = r.strings("events", required=False)
    for event in events:
        if event not in EVENT_NAMES:
            raise r.fail("events", f"har en ukendt hændelse '{event}' (kendte: {', '.join(EVENT_NAMES)})")

    rules = tuple(_read_rule(rule, None, date_names, set(events)) for rule in r.items("rules", required=False))

    fasit = r.sub("fasit")
    notes = _read_notes(r)
    note_conditions = _read_note_conditions(r, date_names, rules)

    return Trial(
        id=trial_id,
        title=r.get("title", str),
        short_title=r.get("short_title", str),
        round=r.get("round", str),
        network=r.get("network", str, required=False, default=""),
        municipalities=r.strings("municipalities"),
        target_group=r.get("target_group", str),
        ordinary_rule=r.get("ordinary_rule", str),
        ordinary_reference=r.get("ordinary_reference", str),
        trial_rule=r.get("trial_rule", str),
        trial_reference=r.get("trial_reference", str),
        period=period,
        citations=tuple(citations),
        fasit_marking=fasit.get("marking", str, required=False, default=""),
        fasit_marking_verbatim=fasit.get("verbatim", bool),
        fasit_note=fasit.get("note", str, required=False, default=""),
        fasit_marking_required=fasit.get("required", bool, required=False, default=False),
        conditions=r.strings("conditions"),
        sources=r.strings("sources"),
        dates=tuple(case_dates),
        events=events,
        rules=rules,
        notes=notes,
        note_conditions=note_conditions,
        file=path.name,
    )


def load_catalog(folder: Path | None = None, *, cache: TomlCache | None = None) -> dict[str, Trial]:
    """All trials in folder (default: the shipped resources/trials), keyed and sorted by id;
    cache (optional) keeps the files' parses between starts."""
    if folder is None:
        from ..paths import resources_dir

        folder = resources_dir() / "trials"
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise CatalogError(f"{folder}: ingen forsøgsfiler (*.toml) fundet")
    trials = [load_trial(f, cache) for f in files]
    if cache is not None:
        cache.save()
    return {t.id: t for t in sorted(trials, key=lambda t: t.id)}
