"""The catalog as users read it: the Forsøg tab and `caseworker-app trials` share these texts."""

from __future__ import annotations

from datetime import date

from ..core.catalog import Trial, reform_caution
from ..core.overrides import rule_durations_text
from ..core.workdays import fmt


def ordinary_rule_lines(trial: Trial, today: date, *, with_text: bool = True) -> list[str]:
    """Each computable ordinary rule: since when it is known, until when it was checked (decision 13).

    with_text=False leaves out the shipped rule's own words (the Forsøg tab shows them just above).
    """
    lines = []
    for spec in trial.rules:
        versions = ((spec.ordinary,) if spec.ordinary else ()) + spec.ordinary_changes
        for rule in versions:
            if rule.checked_until is None:
                # The durations are what the deadlines are computed with; the text is the municipality's.
                durations = rule_durations_text(rule)
                lines.append(
                    f"almindelig regel fra {fmt(rule.known_from)}, indtastet af kommunen: {rule.text} "
                    f"({durations + '; ' if durations else ''}{rule.reference}; kilde: {rule.source})"
                )
                continue
            line = f"almindelig regel kendt fra {fmt(rule.known_from)}" + (
                f": {rule.text} ({rule.reference})" if with_text else ""
            )
            # Past its checked-until date the caution says that date, with the reform.
            caution = reform_caution(rule, today)
            checked = f", senest kontrolleret {fmt(rule.checked_until)}"
            lines.append(line + (f". {caution}" if caution else checked))
    if not lines:
        lines.append(UNCHECKED_ORDINARY_RULE)
    return lines


# For a trial whose ordinary rule is only described, not computed (decision 13).
UNCHECKED_ORDINARY_RULE = (
    "Den almindelige regel er beskrevet, som kilderne gengiver den – beskæftigelsesreformen (lov nr. "
    "1750 af 29-12-2025 og en ny lov om en aktiv beskæftigelsesindsats, ventet 01-01-2027) kan have "
    "ændret den: kontrollér."
)
