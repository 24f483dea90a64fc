"""The catalog as users read it: the Forsøg tab and `caseworker-app trials` share these texts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from ..core.catalog import CHECK_CASES, RuleSpec, Trial, reform_caution
from ..core.extension_entry import dates_text, lapse_lines
from ..core.overrides import rule_durations_text
from ..core.rule_due import ordinary_version_on
from ..core.terms import DATE_NAMES, EVENT_NAMES
from ..core.text import hanging
from ..core.trial_period import ORIGINAL, EndChange, Extension, Period
from ..core.workdays import fmt

ONE_DAY = timedelta(days=1)


def names_line(trial: Trial) -> str:
    """'datoer: ansættelse i løntilskud, …; hændelser: opfølgning, …': the case's dates and events
    by their Danish names, as the case window and the reasons name them (not hire, followup)."""
    dates = ", ".join(DATE_NAMES.get(d.name, d.label) for d in trial.dates)
    events = ", ".join(EVENT_NAMES.get(kind, kind) for kind in trial.events)
    return f"datoer: {dates}; hændelser: {events or 'ingen'}"


def marking_text(trial: Trial) -> str:
    """The FASIT marking verbatim, the municipality's, or what is missing (decision 9): the Forsøg
    tab's box and `trials --trial` say the same."""
    if trial.fasit_marking and trial.fasit_marking_verbatim:
        return f"»{trial.fasit_marking}«  (ordret fra kilderne)"
    if trial.fasit_marking:
        return f"»{trial.fasit_marking}«  (udfyldt af kommunen)"
    if trial.missing_marking:
        return f"Mangler – {trial.missing_marking}. Indtil da kan notater med markeringen ikke skrives."
    # The sources name none and none is required (T01, T02, ...): nothing is missing, but the
    # municipality may still enter one of its own ("Ret markering …").
    return "Ingen kendt – kommunen kan selv angive en markering"


def end_change_line(trial: Trial, shipped: Trial | None) -> str:
    """Whose end date the trial has, when the database changed it from the shipped catalog's: the
    change and its source, so an extension typed in (the demo's, decision 11: labelled DEMODATA in
    its source) is not read as the catalog's; '' when the end is the catalog's."""
    period = trial.period
    if shipped is None or period.effective_end == shipped.period.effective_end:
        return ""
    # The end differs, so the database added an entry: its last one, an extension or a corrected end
    # (core/trial_period.py keeps both in order), set it.
    latest = period.extensions[-1]
    return f"slutdato {fmt(period.effective_end)} er kommunens ændring ({latest.note}); kilde: {latest.source}"


def ordinary_rule_lines(trial: Trial, today: date, *, with_text: bool = True) -> list[str]:
    """Each computable ordinary rule: since when it is known, until when it was checked (decision 13),
    and, once the municipality entered versions, which one is in force today.

    with_text=False leaves out the shipped rule's own words (the Forsøg tab shows them just above).
    """
    return [v.text for v in ordinary_rule_versions(trial, today, with_text=with_text)] or [UNCHECKED_ORDINARY_RULE]


class VersionLine(NamedTuple):
    """One of ordinary_rule_lines' lines, with the first day of the entered version it tells (None
    for the catalog's: the Forsøg tab puts "Tilbagekald …" by the others) and whether it is in force."""

    text: str
    entered_from: date | None
    in_force: bool


def ordinary_rule_versions(trial: Trial, today: date, *, with_text: bool = True) -> list[VersionLine]:
    """ordinary_rule_lines' lines, each with its version's first day and whether it governs today."""
    lines: list[VersionLine] = []
    for spec in trial.rules:
        versions = ((spec.ordinary,) if spec.ordinary else ()) + spec.ordinary_changes
        in_force = ordinary_version_on(spec, today)
        for index, rule in enumerate(versions):
            following = versions[index + 1] if index + 1 < len(versions) else None
            # Said only beside versions the municipality entered: a lone catalog rule is in force.
            status = _status(rule, following, in_force, today) if spec.ordinary_changes else ""
            if rule.checked_until is None:
                # The durations are what the deadlines are computed with; the text is the municipality's.
                durations = rule_durations_text(rule)
                line = (
                    f"almindelig regel fra {fmt(rule.known_from)}, indtastet af kommunen: {rule.text} "
                    f"({durations + '; ' if durations else ''}{rule.reference}; kilde: {rule.source})"
                )
                lines.append(VersionLine(f"{line} – {status}", rule.known_from, rule is in_force))
                continue
            line = f"almindelig regel kendt fra {fmt(rule.known_from)}" + (
                f": {rule.text} ({rule.reference})" if with_text else ""
            )
            # Past its checked-until date the caution says that date, with the reform; no deadline
            # is shown here, so it asks to check those of the cases. Not once a version the
            # municipality entered has taken over: that one governs today's deadlines.
            caution = reform_caution(rule, today, check=CHECK_CASES) if rule is in_force else ""
            checked = f", senest kontrolleret {fmt(rule.checked_until)}"
            line += f". {caution}" if caution else checked
            if status:
                line += f" {status[:1].upper()}{status[1:]}." if line.endswith(".") else f" – {status}"
            lines.append(VersionLine(line, None, rule is in_force))
    return lines


def _status(rule: RuleSpec, following: RuleSpec | None, in_force: RuleSpec | None, today: date) -> str:
    """'gælder nu', 'gælder fra 01-01-2027' or 'gjaldt til og med 28-02-2026': a version's days."""
    until = f" til og med {fmt(following.known_from - ONE_DAY)}" if following and following.known_from else ""
    if rule is in_force:
        return "gælder nu" + (f", {until.strip()}" if until else "")
    if rule.known_from is not None and rule.known_from > today:
        return f"gælder fra {fmt(rule.known_from)}" + until
    return "gjaldt" + until


# For a trial whose ordinary rule is only described, not computed (decision 13).
UNCHECKED_ORDINARY_RULE = (
    "Den almindelige regel er beskrevet, som kilderne gengiver den – beskæftigelsesreformen (lov nr. "
    "1750 af 29-12-2025 og en ny lov om en aktiv beskæftigelsesindsats, ventet 01-01-2027) kan have "
    "ændret den: kontrollér."
)


_UNDER = "      "  # a source's second line and on, under its first (the Forsøg tab's history does the same)


def period_lines(trial: Trial) -> list[str]:
    """The Forsøgsperiode box (and `trials --trial`): the period with each extension in force and
    each corrected end, with their sources, in the order entered. An extension a correction
    withdrew is not listed: the correction names it. Where a note's citation is not the source
    itself (another basis, or an extension a correction cut), the line says how notes cite it."""
    period = trial.period
    layout = period.layout
    lines = [
        f"Start {fmt(period.start)}; slutdato før forlængelser {fmt(period.end)}",
        f"    Kilde: {hanging(period.source, _UNDER)}",
    ]
    for index, entry in enumerate(period.extensions):
        decided = dates_text(entry, layout.followed[index])
        remarks = " ".join(filter(None, (entry.caveat, entry.note)))  # the caveat first, as it stood in the note
        note = f" – {remarks}" if remarks else ""
        span = layout.span_of.get(index)
        if entry.corrected:
            change = _change_text(period, entry, layout.changes[index])
            lines.append(f"Slutdato rettet til {fmt(entry.end)}{decided}{note}{change}")
        elif span is not None:
            lines.append(f"Forlænget til {fmt(entry.end)}{decided}{note}")
        else:
            continue
        lines.append(f"    Kilde: {hanging(entry.source, _UNDER)}")
        if span is not None and (span.cut_by is not None or entry.cited_basis != entry.source):
            lines.append(f"    Hjemmel i journalnotater: »{span.cited_text}«")
        if span is not None and (lapse := period.lapse_of(index)) is not None:
            lines += [f"    {line}" for line in lapse_lines(lapse, span.last)]
    lines.append(f"Gældende slutdato: {fmt(period.effective_end)}")
    return lines


def _change_text(period: Period, entry: Extension, change: EndChange) -> str:
    """'; forlængelsen til 31-12-2025 afkortes til 30-06-2025; forlængelsen til 31-12-2026 trækkes
    tilbage': what a corrected end did, each extension named by its own end ('' for nothing)."""
    end = fmt(entry.end)
    clauses = [
        f"{_named(period, change.shortened)} afkortes til {end}" if change.shortened else "",
        f"{_named(period, change.withdrawn)} trækkes tilbage" if change.withdrawn else "",
        f"{_named(period, change.reinstated)} gælder igen" if change.reinstated else "",
        f"{_named(period, change.reinstated_in_part)} gælder igen til og med {end}"
        if change.reinstated_in_part
        else "",
    ]
    return "".join(f"; {clause}" for clause in clauses if clause)


def _named(period: Period, indexes: tuple[int, ...]) -> str:
    """'den oprindelige periode til 31-12-2021', 'forlængelserne til 31-12-2024 og 31-12-2025',
    'den rettede slutdato 31-12-2027': the entries of period at indexes, by the end each gave."""
    parts = []
    if ORIGINAL in indexes:
        parts.append(f"den oprindelige periode til {fmt(period.end)}")
    entries = [period.extensions[i] for i in indexes if i != ORIGINAL]
    extensions = [fmt(e.end) for e in entries if not e.corrected]
    if extensions:
        word = "forlængelsen" if len(extensions) == 1 else "forlængelserne"
        parts.append(f"{word} til {_joined(extensions)}")
    corrections = [fmt(e.end) for e in entries if e.corrected]
    if corrections:
        word = "den rettede slutdato" if len(corrections) == 1 else "de rettede slutdatoer"
        parts.append(f"{word} {_joined(corrections)}")
    return _joined(parts)


def _joined(items: list[str]) -> str:
    """'a', 'a og b', 'a, b og c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} og {items[-1]}"
