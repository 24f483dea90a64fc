"""Filer › Importér sager … and Filer › Fortryd import …: a caseworker's own case list (.xlsx or
.csv) read into the database, and an import undone as a whole.

The windows are a face on services/importing/, the API `caseworker-app import` uses too.
`command` opens the import dialog (`dialog`), which is put together from `files` (which file),
`reader` (read in a thread), `mapping_tab`, `preview_tab` with `preview_model`, `error_tab` and
`options`; `undo_dialog` is Fortryd import. Import from the modules themselves: this package loads
nothing of its own.
"""
