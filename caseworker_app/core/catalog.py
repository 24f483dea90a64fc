"""The trial catalog: trials and their rules, loaded from resources/trials/*.toml and validated."""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal, TypeVar, cast, overload

from .note_fields import validate_requires, validate_template
from .terms import (  # noqa: F401 - re-exported: the catalog's vocabulary is imported from here too
    DATE_NAMES,
    EVENT_NAMES,
    FORMS,
    NOTE_SITUATIONS,
    RULE_KINDS,
    CatalogError,
)
from .workdays import Duration, fmt

# Said at every deadline whose ordinary rule is past the day it was last checked (decision 13;
# docs/katalog.md, "Almindelige regler ændrer sig").
REFORM_CAUTION = (
    "Almindelig regel kontrolleret til og med {checked} – beskæftigelsesreformen (lov nr. 1750 af "
    "29-12-2025, i kraft 01-02-2026 og 01-07-2026, og en ny lov om en aktiv beskæftigelsesindsats, "
    "ventet 01-01-2027) kan have ændret den: kontrollér fristen."
)


def reform_caution(rule: RuleSpec, day: date) -> str:
    """The caution for a deadline on day under an ordinary rule checked only until before it."""
    if rule.checked_until is None or day <= rule.checked_until:
        return ""
    return _caution_text(rule.checked_until)


@lru_cache(maxsize=64)
def _caution_text(checked_until: date) -> str:
    # Asked for once per deadline in a list of many thousands: build each sentence once.
    return REFORM_CAUTION.format(checked=fmt(checked_until))


@dataclass(frozen=True)
class Citation:
    text: str
    valid_from: date | None = None
    valid_to: date | None = None
    paragraph: str = ""

    def full_text(self) -> str:
        return f"{self.text}, {self.paragraph}" if self.paragraph else self.text

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Extension:
    end: date
    source: str
    decided: date | None = None
    note: str = ""
    # The legal basis as a journal note cites it after "forlænget til <end> ifølge" (decision 14;
    # docs/katalog.md). Empty: the source is cited instead.
    basis: str = ""

    @property
    def cited_basis(self) -> str:
        return self.basis or self.source


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    source: str
    extensions: tuple[Extension, ...] = ()

    @cached_property
    def effective_end(self) -> date:
        """The end date after the latest extension (extensions are kept in the order decided)."""
        return self.extensions[-1].end if self.extensions else self.end

    def extension_on(self, day: date) -> Extension | None:
        """The extension that covers day (None within the original period or after the end)."""
        if day <= self.end:
            return None
        return next((e for e in self.extensions if day <= e.end), None)


@dataclass(frozen=True)
class RuleSpec:
    """One deadline rule as data; which fields matter depends on kind (see docs/katalog.md)."""

    kind: str
    text: str
    anchor: str
    label: str = ""
    reference: str = ""
    first: Duration | None = None
    every: Duration | None = None
    maximum: Duration | None = None
    minimum: Duration | None = None
    count: int = 0
    window: Duration | None = None
    events: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    ordinary: RuleSpec | None = None
    # An ordinary rule is law that changes too (decision 13, docs/katalog.md): the day it is known
    # to apply from and the day up to which it was last checked against the law (None: entered by
    # the municipality with its source, so nothing to warn about).
    known_from: date | None = None
    checked_until: date | None = None
    source: str = ""
    # Later versions of the ordinary rule a municipality entered, oldest first; each applies to
    # deadlines falling on or after its known_from (see schedule._ordinary_due).
    ordinary_changes: tuple[RuleSpec, ...] = ()


@dataclass(frozen=True)
class CaseDate:
    name: str
    label: str
    required: bool = True
    default_from: str | None = None


@dataclass(frozen=True)
class NoteCondition:
    """A condition a journal note asserts (decision 15, docs/katalog.md "Betingelser i notater").

    With since, at and under it is computed from the case's dates: the time from the date `since`
    to the date `at` is less than `under`. Without them, or when `since` is not on the case, the
    caseworker confirms it and the note says so.
    """

    name: str
    text: str
    since: str | None = None
    at: str | None = None
    under: Duration | None = None

    @property
    def computable(self) -> bool:
        return self.under is not None


@dataclass(frozen=True)
class NoteTemplate:
    """A journal-note template: Danish title, text with $fields (see core/notes.py), inputs."""

    situation: str
    title: str
    text: str
    requires: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        """The field names the text uses, in order of first use."""
        return tuple(string.Template(self.text).get_identifiers())


@dataclass(frozen=True)
class Trial:
    id: str
    title: str
    short_title: str
    round: str
    network: str
    municipalities: tuple[str, ...]
    target_group: str
    ordinary_rule: str
    ordinary_reference: str
    trial_rule: str
    trial_reference: str
    period: Period
    citations: tuple[Citation, ...]
    fasit_marking: str
    fasit_marking_verbatim: bool
    fasit_note: str
    conditions: tuple[str, ...]
    sources: tuple[str, ...]
    dates: tuple[CaseDate, ...] = ()
    events: tuple[str, ...] = ()
    rules: tuple[RuleSpec, ...] = ()
    notes: dict[str, NoteTemplate] = field(default_factory=dict)
    note_conditions: tuple[NoteCondition, ...] = ()
    file: str = ""

    @cached_property
    def defaulted_dates(self) -> tuple[CaseDate, ...]:
        """The case dates that fall back on another date when unknown (decisions.md point 1)."""
        return tuple(d for d in self.dates if d.default_from)

    @property
    def has_deadlines(self) -> bool:
        return bool(self.rules)

    def citation_text_on(self, day: date) -> str:
        """The legal basis on day as a note and a deadline cite it (decision 14, docs/katalog.md).

        The citation valid on day, and when day lies in an extension, that extension with its
        basis: '… (BEK nr. 529 af 23/05/2018), forlænget til 31-12-2025 ifølge …'. A day before
        every citation gets what is known instead of an order that did not exist yet.
        """
        cache = self._citation_cache
        text = cache.get(day)
        if text is None:
            text = cache[day] = self._citation_text(day)
        return text

    @cached_property
    def _citation_cache(self) -> dict[date, str]:
        return {}

    def _citation_text(self, day: date) -> str:
        citation = self.citation_on(day)
        if citation is None:
            first = min(self.citations, key=lambda c: c.valid_from or date.min)
            return (
                f"ingen kendt henvisning for {fmt(day)}: {first.full_text()} gælder først fra "
                f"{fmt(first.valid_from)}, og det, forsøget byggede på før da, er ikke fundet"
            )
        text = citation.full_text()
        extension = self.period.extension_on(day)
        # An order that came into force after the original end is itself the extension's basis.
        if extension is not None and (citation.valid_from or date.min) <= self.period.end:
            text += f", forlænget til {fmt(extension.end)} ifølge {extension.cited_basis}"
        return text

    def citation_on(self, day: date) -> Citation | None:
        """The citation valid on day; after every window the most recent one; None before all."""
        for citation in reversed(self.citations):
            if citation.valid_on(day):
                return citation
        if all(c.valid_from and day < c.valid_from for c in self.citations):
            return None
        return self.citations[-1]

    def status_text(self, today: date) -> str:
        """'udløbet 31-12-2025 – almindelige regler gælder fra 01-01-2026, ...' or 'aktiv til ...'."""
        end = self.period.effective_end
        if today < self.period.start:
            return f"starter {fmt(self.period.start)}"
        if today > end:
            return (
                f"udløbet {fmt(end)} – almindelige regler gælder fra "
                f"{fmt(end + timedelta(days=1))}, medmindre kommunen har fået forlængelse"
            )
        return f"aktiv til og med {fmt(end)}"


# ---------------------------------------------------------------- loading

_V = TypeVar("_V")
_ABSENT = object()  # an optional field that is not in the file


class _Reader:
    """Reads typed fields from one TOML table, naming file and field in every error."""

    def __init__(self, file: str, table: dict[str, object], prefix: str = ""):
        self.file, self.table, self.prefix = file, table, prefix

    def fail(self, key: str, problem: str) -> CatalogError:
        return CatalogError(f"{self.file}: feltet '{self.prefix}{key}' {problem}")

    # A required field always has a value; an optional one has its default (None when not given).
    @overload
    def get(self, key: str, kind: type[_V], required: Literal[True] = True) -> _V: ...
    @overload
    def get(self, key: str, kind: type[_V], required: bool, default: _V) -> _V: ...
    @overload
    def get(self, key: str, kind: type[_V], required: bool = True, default: None = None) -> _V | None: ...

    def get(self, key: str, kind: type[_V], required: bool = True, default: _V | None = None) -> _V | None:
        value = self._checked(key, kind, required)
        # _checked made sure that value is a kind (a date given as text has been parsed).
        return default if value is _ABSENT else cast(_V, value)

    def _checked(self, key: str, kind: type[object], required: bool) -> object:
        """The value under key, checked to be a kind; _ABSENT when an optional key is not there."""
        if key not in self.table:
            if required:
                raise self.fail(key, "mangler")
            return _ABSENT
        value = self.table[key]
        if kind is date and isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise self.fail(key, f"er ikke en gyldig dato: '{value}' (skriv åååå-mm-dd)") from None
        if kind is date and not isinstance(value, date):
            raise self.fail(key, "skal være en dato (åååå-mm-dd)")
        if kind is not date and not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            raise self.fail(key, f"har forkert type ({_TYPE_NAMES.get(kind, kind.__name__)} forventet)")
        if kind is str and required and isinstance(value, str) and not value.strip():
            raise self.fail(key, "er tom")
        return value

    def _list(self, key: str, required: bool) -> list[object]:
        values = self._checked(key, list, required)
        return [] if values is _ABSENT else cast(list[object], values)

    @overload
    def _table(self, key: str, required: Literal[True] = True) -> dict[str, object]: ...
    @overload
    def _table(self, key: str, required: bool) -> dict[str, object] | None: ...

    def _table(self, key: str, required: bool = True) -> dict[str, object] | None:
        table = self._checked(key, dict, required)
        # Checked to be a table, and a TOML table's keys are always text.
        return None if table is _ABSENT else cast(dict[str, object], table)

    def strings(self, key: str, required: bool = True) -> tuple[str, ...]:
        values = self._list(key, required)
        texts = tuple(v for v in values if isinstance(v, str))
        if len(texts) != len(values):
            raise self.fail(key, "skal være en liste af tekster")
        return texts

    def duration(self, key: str, required: bool = True) -> Duration | None:
        raw = self._table(key, required)
        if raw is None:
            return None
        unknown = set(raw) - {"months", "weeks", "days"}
        if unknown:
            raise self.fail(key, f"har ukendt enhed {sorted(unknown)} (brug months, weeks, days)")
        numbers = {k: v for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool)}
        if len(numbers) != len(raw):
            raise self.fail(key, "skal have hele tal")
        duration = Duration(**numbers)
        if not duration.is_positive() or duration.months > 600 or duration.weeks > 520 or duration.days > 3650:
            raise self.fail(key, f"er en umulig varighed: {raw}")
        return duration

    @overload
    def sub(self, key: str, required: Literal[True] = True) -> _Reader: ...
    @overload
    def sub(self, key: str, required: bool) -> _Reader | None: ...

    def sub(self, key: str, required: bool = True) -> _Reader | None:
        table = self._table(key, required)
        return None if table is None else _Reader(self.file, table, f"{self.prefix}{key}.")

    def items(self, key: str, required: bool = True) -> list[_Reader]:
        tables = self._list(key, required)
        if not all(isinstance(t, dict) for t in tables):
            raise self.fail(key, "skal være en liste af tabeller ([[...]])")
        # Checked to be tables, whose keys TOML always gives as text.
        return [
            _Reader(self.file, cast(dict[str, object], t), f"{self.prefix}{key}[{i}].") for i, t in enumerate(tables)
        ]


_TYPE_NAMES: dict[type[object], str] = {str: "tekst", int: "heltal", list: "liste", dict: "tabel", bool: "sand/falsk"}


def _read_rule(r: _Reader, parent_kind: str | None, date_names: set[str], event_names: set[str]) -> RuleSpec:
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
        every=r.duration("every", required=kind in ("followup", "decision")),
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
        spec = replace(spec, known_from=known_from, checked_until=checked_until, source=r.get("source", str))
        if checked_until < known_from:
            raise r.fail("checked_until", "ligger før known_from")
    if kind == "count_window" and not 1 <= spec.count <= 365:
        raise r.fail("count", f"er et umuligt antal: {spec.count}")
    if spec.minimum and spec.maximum and spec.minimum.delta() != spec.maximum.delta():
        start = date(2000, 1, 1)
        if start + spec.minimum.delta() > start + spec.maximum.delta():
            raise r.fail("minimum", "er længere end maximum")
    if parent_kind is None:
        ordinary = r.sub("ordinary", required=False)
        if ordinary is not None:
            spec = replace(spec, ordinary=_read_rule(ordinary, kind, date_names, event_names))
    return spec


def _read_notes(r: _Reader) -> dict[str, NoteTemplate]:
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


def _read_note_conditions(r: _Reader, date_names: set[str]) -> tuple[NoteCondition, ...]:
    conditions: list[NoteCondition] = []
    for c in r.items("note_conditions", required=False):
        since = c.get("since", str, required=False)
        at = c.get("at", str, required=False)
        under = c.duration("under", required=False)
        if (since is None) != (under is None) or (since is None) != (at is None):
            raise c.fail("under", "skal stå sammen med since og at (eller ingen af dem)")
        for key, name in (("since", since), ("at", at)):
            if name is not None and name not in date_names:
                raise c.fail(key, f"nævner datoen '{name}', som forsøget ikke har under [[dates]]")
        conditions.append(NoteCondition(c.get("name", str), c.get("text", str), since, at, under))
    names = [c.name for c in conditions]
    if len(set(names)) != len(names):
        raise r.fail("note_conditions", "har to betingelser med samme name")
    return tuple(conditions)


def load_trial(path: Path) -> Trial:
    """Read and validate one trial file; CatalogError names the file and the field on any fault."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{path.name}: filen kan ikke læses som TOML ({exc})") from None
    except UnicodeDecodeError:
        raise CatalogError(f"{path.name}: filen er ikke gemt som UTF-8") from None
    r = _Reader(path.name, data)

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
    note_conditions = _read_note_conditions(r, date_names)

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
        conditions=r.strings("conditions"),
        sources=r.strings("sources"),
        dates=tuple(case_dates),
        events=events,
        rules=rules,
        notes=notes,
        note_conditions=note_conditions,
        file=path.name,
    )


def load_catalog(folder: Path | None = None) -> dict[str, Trial]:
    """All trials in folder (default: the shipped resources/trials), keyed and sorted by id."""
    if folder is None:
        from ..paths import resources_dir

        folder = resources_dir() / "trials"
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise CatalogError(f"{folder}: ingen forsøgsfiler (*.toml) fundet")
    trials = [load_trial(f) for f in files]
    return {t.id: t for t in sorted(trials, key=lambda t: t.id)}
