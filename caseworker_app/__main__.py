"""`python -m caseworker_app`, and the PyInstaller bundle's entry point."""

from caseworker_app.cli import main

raise SystemExit(main())
