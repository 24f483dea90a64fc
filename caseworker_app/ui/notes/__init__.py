"""The journal-note window: the note for FASIT, written from the situation's template, and the
municipality's own templates.

    window.py           NoteWindow: assembles the tabs, follows the situation, drafts the note
    copying.py          why the note cannot be copied yet, and the copy to FASIT (kept in the history)
    freshness.py        the note read again from the database at copy time, and why it changed
    inputs.py           NoteInputs: the fields the situation's template asks for
    conditions.py       ConditionsPanel: the conditions the caseworker confirms (decision 15)
    draft_pane.py       DraftPane: the note's text, hand edits, why it cannot be copied yet, the copy button
    template_editor.py  TemplateEditor: the "Skabelon" tab, "Gem skabelon" and "Gendan standard"
    note_page.py        NotePage: the Notat tab's layout, the fields above the note, the movable line
    registration.py     the note's event registered before the note is copied, so the lists show its deadline

Imported only when a note is written (the case window opens it), never at start-up.
"""

from .window import NoteWindow

__all__ = ["NoteWindow"]
