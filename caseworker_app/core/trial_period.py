"""A trial's period: its original end and the extensions and corrected ends entered, in order,
and which of them is the legal basis of each day (decision 14; docs/katalog.md).

A corrected end ("Ret slutdato") sets the end where it says. An earlier end withdraws only what
lies beyond it: each day before it keeps the basis it had, and an extension it cuts is cited as
cut ("forlænget til 31-12-2025 ifølge …, afkortet til 30-06-2025 ifølge …"). A later end puts
back what an earlier correction withdrew, as far as it reaches, and is itself the basis of the
days beyond every extension. A new extension runs from the end as it stands: what a correction
withdrew beyond that end is gone for good.

A period has no gap (decision 4): an extension decided after the end it extends makes the days
between trial time. The program enters one only as retroactive from the day after that end
(core/extension_entry.py); one entered before it asked for the decision date, typed in after that
end, is pointed out (Period.lapse_of).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from .text import one_line
from .workdays import fmt

_DAY = timedelta(days=1)
ORIGINAL = -1  # the original period, where Period.extensions' indexes are used as keys


@dataclass(frozen=True)
class Extension:
    """An extension with its source, or an end corrected in the program (corrected=True)."""

    end: date
    source: str
    decided: date | None = None
    note: str = ""
    # The legal basis as a journal note cites it after "forlænget til <end> ifølge" (decision 14;
    # docs/katalog.md). Empty: the source is cited instead.
    basis: str = ""
    # What the sources leave open about the extension ("Generel oplysning; forsøget er ikke nævnt ved navn
    # i denne forlængelse."): a note citing it says it with the basis, never drops it (decision 14).
    caveat: str = ""
    # Entered with "Ret slutdato": it sets the end, earlier or later, rather than extending it.
    corrected: bool = False
    # The day it was typed into the program (None: shipped in the catalog).
    entered: date | None = None
    # Confirmed to apply from the day after the end it follows, though decided (or, a corrected
    # end, typed in) after that end had passed (decision 4).
    retroactive: bool = False

    @property
    def cited_basis(self) -> str:
        """The basis (or the source) on one line, and its caveat after a dash: '… (bekendtgørelsen er
        ikke fundet) – generel oplysning; forsøget er ikke nævnt ved navn i denne forlængelse'."""
        basis = one_line(self.basis or self.source)  # a source typed on several lines, cited on one
        caveat = one_line(self.caveat).rstrip(".")
        return f"{basis} – {caveat[:1].lower()}{caveat[1:]}" if caveat else basis


@dataclass(frozen=True)
class Span:
    """The days after the original end that one entry covers, up to and including last."""

    extension: Extension
    last: date
    # The corrected end that ended it before its own end; None when it runs to its end.
    cut_by: Extension | None = None

    @property
    def cited_text(self) -> str:
        """'forlænget til 31-12-2025 ifølge …' and, when cut, ', afkortet til 30-06-2025 ifølge …':
        what a note dated in the span cites after the order (Trial.citation_text_on)."""
        text = f"forlænget til {fmt(self.extension.end)} ifølge {self.extension.cited_basis}"
        if self.cut_by is None:
            return text
        return f"{text}, afkortet til {fmt(self.last)} ifølge {self.cut_by.cited_basis}"


@dataclass(frozen=True)
class EndChange:
    """What one corrected end did to the period as it stood before it, by index in
    Period.extensions (ORIGINAL for the original period): the Forsøgsperiode box says it."""

    shortened: tuple[int, ...] = ()  # now ending at the corrected end
    withdrawn: tuple[int, ...] = ()
    reinstated: tuple[int, ...] = ()  # covering days again, to their own end
    reinstated_in_part: tuple[int, ...] = ()  # covering days again, to the corrected end


@dataclass(frozen=True)
class PeriodLayout:
    end: date  # the day the trial runs to now
    original_last: date  # the last day the original period covers (the order alone is cited)
    spans: tuple[Span, ...]  # the days after it, in order, without a gap, up to end
    span_of: dict[int, Span]  # the span of each entry in force, by index in Period.extensions
    changes: dict[int, EndChange]  # what each corrected end did, by its index
    withdrawn: tuple[int, ...]  # the entries beyond end that a later corrected end would put back
    followed: dict[int, date]  # the end as it stood before each extension or corrected end, by its index


@dataclass(frozen=True)
class Lapse:
    """An extension whose decision may have come after the end it extends (decision 4): the days
    from the day after ended until the decision were outside the trial, yet the period counts them."""

    ended: date  # the end it extended
    decided: date | None  # after ended; None: not known (then it was typed in after ended)
    entered: date | None

    @property
    def first_day_out(self) -> date:
        return self.ended + _DAY


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # the original end, as its source gives it
    source: str
    # Every extension and corrected end, in the order decided or entered (shipped ones first).
    extensions: tuple[Extension, ...] = ()

    @cached_property
    def layout(self) -> PeriodLayout:
        return _layout(self)

    @cached_property
    def effective_end(self) -> date:
        """The end date after the latest extension or corrected end."""
        return self.layout.end

    def span_on(self, day: date) -> Span | None:
        """The extension that is day's legal basis (None within the original period or after the end)."""
        layout = self.layout
        if day <= layout.original_last or day > layout.end:
            return None
        return next(s for s in layout.spans if day <= s.last)

    def unconfirmed_lapse_on(self, day: date) -> tuple[Extension, Lapse] | None:
        """The extension that is day's legal basis and its Lapse, when it may bridge a lapse not
        confirmed retroactive (lapse_of): its decision date unknown (typed in after the end it
        extended), or after that end (stored before the program asked whether it was retroactive).
        The trial may then not have existed on day; else None."""
        span = self.span_on(day)
        if span is None or span.extension not in self.extensions:
            return None
        lapse = self.lapse_of(self.extensions.index(span.extension))
        if lapse is None or day <= lapse.ended:
            return None
        return span.extension, lapse

    def lapse_of(self, index: int) -> Lapse | None:
        """For the extension at index: a Lapse when it was decided after the end it extended, or,
        its decision date unknown, typed in after that end; else None (also when confirmed
        retroactive)."""
        entry = self.extensions[index]
        ended = self.layout.followed[index]
        if entry.corrected or entry.retroactive:
            return None
        if entry.decided is not None:
            return Lapse(ended, entry.decided, entry.entered) if entry.decided > ended else None
        if entry.entered is not None and entry.entered > ended:
            return Lapse(ended, None, entry.entered)
        return None


@dataclass
class _Stretch:
    """Working record of _layout: the days an entry may cover, from first to reach."""

    index: int
    first: date
    reach: date
    cut_by: Extension | None = None  # set when a new extension fixed its reach at a corrected end


def _layout(period: Period) -> PeriodLayout:
    stretches = [_Stretch(ORIGINAL, period.start, period.end)]
    end, end_by = period.end, None  # end_by: the corrected end that set end (None: an extension)
    changes: dict[int, EndChange] = {}
    followed: dict[int, date] = {}
    for index, entry in enumerate(period.extensions):
        followed[index] = end
        if entry.corrected:
            before = _covered(stretches, end)
            if entry.end > stretches[-1].reach:  # beyond every extension: its own source covers the rest
                stretches.append(_Stretch(index, stretches[-1].reach + _DAY, entry.end))
            if entry.end != end:
                end, end_by = entry.end, entry
            reaches = {s.index: s.reach for s in stretches}
            changes[index] = _change(index, before, _covered(stretches, end), reaches)
            continue
        # A new extension runs from the end as it stands: what lay beyond is gone for good, and
        # a stretch cut at the end stays cut there.
        stretches = [s for s in stretches if s.first <= end]
        last = stretches[-1]
        if last.reach > end:
            last.reach, last.cut_by = end, end_by
        stretches.append(_Stretch(index, end + _DAY, entry.end))
        end, end_by = entry.end, None
    spans: dict[int, Span] = {}
    original_last = min(stretches[0].reach, end)
    for s in stretches[1:]:
        if s.first > end:
            break
        cut_by = end_by if s.reach > end else s.cut_by
        spans[s.index] = Span(period.extensions[s.index], min(s.reach, end), cut_by)
    withdrawn = tuple(s.index for s in stretches if s.first > end)
    return PeriodLayout(end, original_last, tuple(spans.values()), spans, changes, withdrawn, followed)


def _covered(stretches: list[_Stretch], end: date) -> dict[int, date]:
    """The last day each stretch in force covers when the trial runs to end."""
    return {s.index: min(s.reach, end) for s in stretches if s.first <= end}


def _change(index: int, before: dict[int, date], after: dict[int, date], reaches: dict[int, date]) -> EndChange:
    """What corrected end number index did, from the last day each stretch covered before to after."""
    back = [i for i, last in after.items() if i != index and last > before.get(i, date.min)]
    return EndChange(
        shortened=tuple(i for i, last in before.items() if i in after and after[i] < last),
        withdrawn=tuple(i for i in before if i not in after),
        reinstated=tuple(i for i in back if after[i] == reaches[i]),
        reinstated_in_part=tuple(i for i in back if after[i] < reaches[i]),
    )
