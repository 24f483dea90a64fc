"""The "Forsøg" tab: the catalog, ordinary rule beside trial rule, the municipality's changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import RuleSpec, Trial
from ..core.ordinary_entries import entry_notes, ordinary_entries, withdrawn_text
from ..core.overrides import changeable_rule
from ..core.participation import participation_warning
from ..core.stamps import stamp_text
from ..core.text import hanging
from ..core.workdays import fmt
from ..services.catalog_texts import UNCHECKED_ORDINARY_RULE, marking_text, ordinary_rule_versions, period_lines
from .ordinary_rule_dialog import OrdinaryRuleDialog
from .override_dialog import OverrideDialog
from .withdraw_ordinary_dialog import WithdrawOrdinaryDialog

if TYPE_CHECKING:  # a type only: no import of the store when this module loads
    from ..store.case_store import CaseStore

ID_ROLE = Qt.ItemDataRole.UserRole


def _text(text: str, *, bold: bool = False, selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # catalog text is shown exactly, spacing included
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def _group_layout(box: QGroupBox) -> QVBoxLayout:
    """The layout _group gave box (to add a row of buttons under its text)."""
    layout = box.layout()
    assert isinstance(layout, QVBoxLayout)
    return layout


def citation_lines(trial: Trial) -> list[str]:
    """Each citation with its paragraph and the dates it is valid."""
    lines = []
    for citation in trial.citations:
        valid = []
        if citation.valid_from:
            valid.append(f"fra {fmt(citation.valid_from)}")
        if citation.valid_to:
            valid.append(f"til {fmt(citation.valid_to)}")
        paragraph = citation.paragraph or "uden paragraf (paragrafnummeret er ikke kendt; kommunen kan tilføje det)"
        lines.append(f"{citation.text}\n    {paragraph}; gyldig {' '.join(valid) or 'uden tidsgrænse'}")
    return lines


class TrialsView(QWidget):
    """The catalog read-only, except period, extension, citation, paragraph and marking."""

    changed = Signal()

    def __init__(self, store: CaseStore, *, today: Callable[[], date]):
        super().__init__()
        self.store = store
        self._today = today
        self.trial_list = QListWidget()
        self.trial_list.setWordWrap(True)
        self.trial_list.setAlternatingRowColors(True)
        self.trial_list.setSpacing(2)
        self.trial_list.setMinimumWidth(300)
        self.trial_list.setAccessibleName("Forsøg")
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setAccessibleName("Det valgte forsøg")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.trial_list)
        splitter.addWidget(self.detail_scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 870])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.trial_list.currentItemChanged.connect(self._show_current)
        self.detail: QWidget | None = None
        self.reload()

    # ------------------------------------------------------------ list

    def reload(self) -> None:
        """Read the catalog (with overrides) again and keep the chosen trial."""
        current = self.current_trial_id() or "T08"
        today = self._today()
        self.trial_list.blockSignals(True)
        self.trial_list.clear()
        for trial in self.store.catalog().values():
            expired = today > trial.period.effective_end
            marker = "⚠ " if expired else ""
            deadlines = "" if trial.has_deadlines else " (ingen frister)"
            item = QListWidgetItem(f"{trial.id} – {trial.short_title}{deadlines}\n{marker}{trial.status_text(today)}")
            item.setData(ID_ROLE, trial.id)
            self.trial_list.addItem(item)
        self.trial_list.blockSignals(False)
        self.select(current)

    def current_trial_id(self) -> str | None:
        item = self.trial_list.currentItem()
        return item.data(ID_ROLE) if item else None

    def current_trial(self) -> Trial | None:
        """The trial shown (None when the list is empty)."""
        catalog, trial_id = self.store.catalog(), self.current_trial_id()
        return catalog.get(trial_id) if trial_id is not None else None

    def select(self, trial_id: str) -> None:
        """Show the trial with that id (the first trial when there is none)."""
        rows = range(self.trial_list.count())
        row = next((r for r in rows if self.trial_list.item(r).data(ID_ROLE) == trial_id), 0)
        if row == self.trial_list.currentRow():
            self._show_current()
        else:
            self.trial_list.setCurrentRow(row)  # currentItemChanged shows it (once)

    # ------------------------------------------------------------ detail

    def _show_current(self, *args) -> None:
        trial = self.current_trial()
        if trial is None:
            return
        self.detail = self._build_detail(trial)
        self.detail_scroll.setWidget(self.detail)

    def _build_detail(self, trial: Trial) -> QWidget:
        today = self._today()
        page = QWidget()
        layout = QVBoxLayout(page)
        title = _text(f"{trial.id} – {trial.title}", bold=True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        title.setObjectName("trialTitle")
        layout.addWidget(title)
        expired = today > trial.period.effective_end
        status = _text(("⚠ " if expired else "") + trial.status_text(today), bold=expired)
        status.setObjectName("trialStatus")
        layout.addWidget(status)
        facts = [f"Runde: {trial.round}"]
        if trial.network:
            facts.append(f"Netværk: {trial.network}")
        facts.append(f"Kommuner: {', '.join(trial.municipalities) or 'ikke nævnt i kilderne'}")
        layout.addWidget(_text("\n".join(facts)))
        # Decision 17: the settings' municipality is not among the trial's, said plainly.
        warning = participation_warning(trial, self.store.settings().municipality)
        self.participation_label = _text(f"⚠ {warning}" if warning else "", bold=True)
        self.participation_label.setObjectName("trialParticipation")
        self.participation_label.setVisible(bool(warning))
        layout.addWidget(self.participation_label)
        layout.addWidget(_group("Målgruppe", _text(trial.target_group)))

        rules = QGridLayout()
        ordinary_box = self._ordinary_box(trial, today)
        self.trial_rule_label = _text(f"{trial.trial_rule}\n\nHjemmel: {trial.trial_reference}")
        if changeable_rule(trial):
            change = QPushButton("Ny almindelig &regel …")
            change.setObjectName("override_ordinary")
            change.setToolTip("Indtast en ændret almindelig regel med kilde og den dato, den gælder fra")
            change.clicked.connect(lambda: self.edit("ordinary"))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(change)
            _group_layout(ordinary_box).addLayout(row)
        rules.addWidget(ordinary_box, 0, 0)
        rules.addWidget(_group("Forsøgsregel", self.trial_rule_label), 0, 1)
        rules.setColumnStretch(0, 1)
        rules.setColumnStretch(1, 1)
        layout.addLayout(rules)

        self.period_label = _text("\n".join(period_lines(trial)))
        layout.addWidget(
            self._with_buttons(
                "Forsøgsperiode",
                self.period_label,
                (("Ny forlæn&gelse …", "extension"), ("Ret slut&dato …", "end")),
            )
        )
        self.citation_label = _text("\n".join(citation_lines(trial)))
        layout.addWidget(
            self._with_buttons(
                "Henvisning i journalnotater",
                self.citation_label,
                (("Ret h&envisning …", "citation"), ("Ret &paragraf …", "paragraph")),
            )
        )
        marking = marking_text(trial)
        if trial.fasit_note:
            marking += f"\n{trial.fasit_note}"
        self.marking_label = _text(marking)
        layout.addWidget(self._with_buttons("FASIT-markering", self.marking_label, (("Ret &markering …", "marking"),)))
        layout.addWidget(_group("Betingelser", _text("\n".join(f"☐ {c}" for c in trial.conditions))))
        layout.addWidget(_group("Kilder", _text("\n".join(f"• {s}" for s in trial.sources))))
        self.override_label = _text(self._override_history(trial.id))
        layout.addWidget(_group("Ændringer foretaget i programmet", self.override_label))
        layout.addStretch(1)
        return page

    def _ordinary_box(self, trial: Trial, today: date) -> QGroupBox:
        """The catalog's ordinary rule, then each version the municipality entered with whether it
        is in force today and "Tilbagekald …" beside it, then those withdrawn, struck through."""
        versions = ordinary_rule_versions(trial, today, with_text=False)
        shipped = [_capital(v.text) for v in versions if v.entered_from is None] or [UNCHECKED_ORDINARY_RULE]
        if any(v.entered_from is None for v in versions) or not versions:
            shipped_text = "\n".join(shipped)
        else:
            shipped_text = ""  # the catalog has no ordinary rule to compute with; the entered ones follow
        parts = (trial.ordinary_rule, f"Hjemmel: {trial.ordinary_reference}", shipped_text)
        self.ordinary_label = _text("\n\n".join(part for part in parts if part))
        box = _group("Almindelig regel", self.ordinary_label)
        self.entered_labels: dict[date, QLabel] = {}
        spec = changeable_rule(trial)
        by_day = {c.known_from: c for c in spec.ordinary_changes} if spec else {}
        for version in versions:
            day = version.entered_from
            if day is None:
                continue
            # The version in force today in bold: the one the deadlines follow now.
            label = self.entered_labels[day] = _text(_capital(version.text), bold=version.in_force)
            button = QPushButton("Tilbagekald …")
            button.setObjectName(f"withdraw_ordinary_{day.isoformat()}")
            button.setAccessibleName(f"Tilbagekald reglen fra {fmt(day)}")
            button.setToolTip(f"Tilbagekald reglen fra {fmt(day)}, fx hvis den er indtastet ved en fejl")
            button.clicked.connect(lambda _=False, v=by_day[day]: self.withdraw(v))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            _group_layout(box).addWidget(label)
            _group_layout(box).addLayout(row)
        self.withdrawn_labels: list[QLabel] = []
        for entry in ordinary_entries(self.store.overrides(), trial.id):
            if entry.withdrawn_by is not None:
                struck = escape(_capital(entry.entry.label))
                label = QLabel(f"<s>{struck}</s><br>– {escape(withdrawn_text(entry.withdrawn_by))}")
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setWordWrap(True)
                self.withdrawn_labels.append(label)
                _group_layout(box).addWidget(label)
        return box

    def _with_buttons(self, title: str, body: QLabel, buttons: tuple[tuple[str, str], ...]) -> QGroupBox:
        """A box with its buttons above its text: a trial's period grows with every extension, and
        "Ny forlængelse …" under it was off a 1366×768 screen."""
        box = _group(title, body)
        row = QHBoxLayout()
        row.addStretch(1)
        for text, field in buttons:
            button = QPushButton(text)
            button.setObjectName(f"override_{field}")
            button.clicked.connect(lambda _=False, f=field: self.edit(f))
            row.addWidget(button)
        _group_layout(box).insertLayout(0, row)
        return box

    def _override_history(self, trial_id: str) -> str:
        lines = []
        overrides = self.store.overrides()
        notes = {e.entry.id: entry_notes(e) for e in ordinary_entries(overrides, trial_id)}
        for override in overrides:
            if override.trial_id != trial_id:
                continue
            who = stamp_text(override.created_at, override.created_by) or "–"
            source = "Begrundelse" if override.withdraws else "Kilde"
            lines.append(f"{who}: {override.label}\n    {source}: {_continued(override.source)}")
            lines.extend(f"    {_continued(note[:1].upper() + note[1:])}" for note in notes.get(override.id, ()))
        return "\n".join(lines) or "Ingen. Kataloget gælder, som det blev leveret."

    # ------------------------------------------------------------ changes

    def withdraw(self, version: RuleSpec) -> bool:
        """Ask why and withdraw an entered version of the shown trial's ordinary rule; True when saved."""
        trial = self.current_trial()
        if trial is None:
            return False
        if not WithdrawOrdinaryDialog(self.store, trial, version, parent=self).exec():
            self.reload()  # a refusal may mean another window changed it meanwhile: show it as stored
            return False
        self.reload()
        self.changed.emit()
        return True

    def edit(self, field: str) -> bool:
        """Open the change dialog for field on the shown trial; True when a change was saved."""
        trial = self.current_trial()
        if trial is None:
            return False
        if field == "ordinary":
            dialog = OrdinaryRuleDialog(self.store, trial, parent=self, today=self._today())
        else:
            dialog = OverrideDialog(self.store, trial, field, parent=self)
        if not dialog.exec():
            return False
        self.reload()
        self.changed.emit()
        return True


def _continued(text: str) -> str:
    """A source or reason of several lines (the store keeps line breaks) indented under its heading."""
    return hanging(text, "      ")
