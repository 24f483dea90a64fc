"""The trial catalog's records: a trial with its period, citations, deadline rules and note templates.

Read from resources/trials/*.toml by core/catalog_load.py.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache

from .terms import DATE_NAMES
from .trial_period import Extension as Extension
from .trial_period import Period as Period
from .workdays import Duration, fmt

# Said at every deadline whose ordinary rule is past the day it was last checked (decision 13;
# docs/katalog.md, "Almindelige regler ændrer sig"), and on the trial's page, where no deadline is
# shown: there it asks to check the cases' deadlines. The employment reform is named only for a
# deadline it can have changed: one falling on or after its first day in force; an earlier one may
# have been changed by an earlier amendment. A change the catalog knows of (the rule's `changed`,
# e.g. T05: the current § 20 reads otherwise) is said as it is.
REFORM_IN_FORCE = date(2026, 2, 1)
REFORM = (
    "beskæftigelsesreformen (lov nr. 1750 af 29-12-2025, i kraft 01-02-2026 og 01-07-2026, og en ny lov om "
    "en aktiv beskæftigelsesindsats, ventet 01-01-2027)"
)
REFORM_CAUTION = "Almindelig regel kontrolleret til og med {checked} – " + REFORM + " kan have ændret den: {check}."
EARLIER_CAUTION = (
    "Almindelig regel kontrolleret til og med {checked} – senere lovændringer kan have ændret den: {check}."
)
CHANGED_CAUTION = "Almindelig regel kontrolleret til og med {checked} og siden ændret: {changed}{reform}: {check}."
CHECK_DEADLINE, CHECK_CASES = "kontrollér fristen", "kontrollér fristerne i sagerne"


def reform_caution(rule: RuleSpec, day: date, *, check: str = CHECK_DEADLINE) -> str:
    """The caution for a deadline on day under an ordinary rule checked only until before it.

    check=CHECK_CASES words it for the trial's page (day is then today), where no deadline is shown.
    """
    if rule.checked_until is None or day <= rule.checked_until:
        return ""
    return _caution_text(rule.checked_until, rule.changed, day >= REFORM_IN_FORCE, check)


@lru_cache(maxsize=64)
def _caution_text(checked_until: date, changed: str, after_reform: bool, check: str) -> str:
    # Asked for once per deadline in a list of many thousands: build each sentence once.
    checked = fmt(checked_until)
    if changed:
        reform = f", og {REFORM} kan have ændret den igen" if after_reform else ""
        return CHANGED_CAUTION.format(checked=checked, changed=changed, reform=reform, check=check)
    return (REFORM_CAUTION if after_reform else EARLIER_CAUTION).format(checked=checked, check=check)


# Decision 9: the sources say a marking is set (T03, T04, T06) but give no text; the program invents none.
MARKING_MISSING = (
    "forsøget kræver en markering, men kilderne giver ikke dens tekst: kommunen skriver den i vinduet under "
    "fanen Forsøg, »Ret markering …«"
)


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
class RuleSpec:
    """One deadline rule as data; which fields matter depends on kind (see docs/katalog.md)."""

    kind: str
    text: str
    anchor: str
    label: str = ""
    reference: str = ""
    first: Duration | None = None
    # The order's own words for first, said in reasons in its place when the order words it otherwise
    # ('udgangen af 8. uge' for 55 days, T16): the caseworker checks the reason against the order.
    first_words: str = ""
    every: Duration | None = None
    every_words: str = ""  # likewise for every ('2½ år' for 30 months, T08)
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
    # What the catalog knows changed in the law since checked_until, in Danish (T05: "den nugældende
    # § 20 kræver …"): said in the caution instead of a guess (reform_caution).
    changed: str = ""
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
    caseworker confirms it and the note says so. An assessment (such as "sagen er tilstrækkeligt
    lægeligt belyst") is never computed: the caseworker makes it, and the note says it is theirs.
    A duration condition ("praktikken varer 2-4 uger") says the period of the trial's duration rule
    lasts as the rule says: confirmed, unless a registered end shows it shorter than the minimum.
    """

    name: str
    text: str
    since: str | None = None
    at: str | None = None
    under: Duration | None = None
    assessment: bool = False
    duration: bool = False
    # A duration condition's period registered longer than the rule's maximum (decision 19): the name of
    # the separate confirmation and what it confirms ("Praktikken er forlænget ud over 4 uger på grund af
    # sygdom eller ferielukning"); without them such a period refuses the note.
    longer_name: str = ""
    longer_text: str = ""

    @property
    def computable(self) -> bool:
        return self.under is not None


@dataclass(frozen=True)
class NoteTemplate:
    """A journal-note template: Danish title, text with $fields (core/note_fields.py), inputs."""

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
    # The sources require a FASIT marking (T03, T04, T06: a persongruppemarkering without a label;
    # T07, T09: verbatim). Without its text a note that carries it is not written (decision 9).
    fasit_marking_required: bool = False

    @cached_property
    def defaulted_dates(self) -> tuple[CaseDate, ...]:
        """The case dates that fall back on another date when unknown (docs/decisions.md 1)."""
        return tuple(d for d in self.dates if d.default_from)

    def date_label(self, name: str) -> str:
        """A case date's Danish label: the trial's own, else the program's (terms.DATE_NAMES), else the name."""
        for case_date in self.dates:
            if case_date.name == name:
                return case_date.label
        return DATE_NAMES.get(name, name)

    @property
    def has_deadlines(self) -> bool:
        return bool(self.rules)

    @property
    def counts_talk_forms(self) -> bool:
        """Whether a rule, or an ordinary rule's version, counts some forms of talk only (T05: personal
        talks after its end): then a talk's form decides the deadline and is asked for."""
        return any(
            spec.forms or any(v.forms for v in (spec.ordinary, *spec.ordinary_changes) if v is not None)
            for spec in self.rules
        )

    @property
    def registers_followups(self) -> bool:
        """Whether 'Registrer opfølgning' (Ctrl+R) registers a follow-up; False for a trial whose
        events are others only (T07, T09, T18: 'Praktik afsluttet'): then it registers one of those."""
        return not self.events or "followup" in self.events

    def citation_text_on(self, day: date) -> str:
        """The legal basis on day as a note and a deadline cite it (decision 14, docs/katalog.md).

        The citation valid on day, and when day lies in an extension, that extension with its
        basis: '… (BEK nr. 529 af 23/05/2018), forlænget til 31-12-2025 ifølge …', and the corrected
        end that cut it, if one did (core/trial_period.py). A day before every citation gets what is
        known instead of an order that did not exist yet.
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
        span = self.period.span_on(day)
        # An order that came into force after the original end is itself the extension's basis.
        if span is not None and (citation.valid_from or date.min) <= self.period.end:
            text += f", {span.cited_text}"
        return text

    def citation_on(self, day: date) -> Citation | None:
        """The citation valid on day; after every window the most recent one; None before all."""
        for citation in reversed(self.citations):
            if citation.valid_on(day):
                return citation
        if all(c.valid_from and day < c.valid_from for c in self.citations):
            return None
        return self.citations[-1]

    @property
    def missing_marking(self) -> str:
        """Why the FASIT marking the sources require is missing, and where the municipality writes
        it (decision 9): the note window, `note` and `trials --trial` say this; '' when the marking
        is there or none is required."""
        if not self.fasit_marking_required or self.fasit_marking.strip():
            return ""
        return MARKING_MISSING

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
