"""Printing and exporting: pages built as HTML, cut into pages and painted by Qt.

- layouts.py: the HTML of the calendar's pages (week list, month grid) and the parts a plan shares;
  plan_layout.py: a case's plan, for the file or for the citizen.
- pagination.py: cut a laid-out document into pages between table rows.
- document.py: a PrintJob and painting it page by page (preview, printer, PDF).
- jobs.py: the calendar and plan jobs from an open database (window and command line alike).
- evaluation.py: the evaluation report as a print job.
- job_dialog.py: the preview / print / PDF buttons every print dialog has.
- dialogs.py: the calendar and plan print dialogs; export_dialogs.py: the export dialogs and the
  choice of only my own or every caseworker's; save_paths.py: where a file is saved.

Nothing is imported here: the command line uses document and jobs without loading Qt's widgets.
"""
