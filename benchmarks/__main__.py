"""`uv run python -m benchmarks`: every figure of issue 13 against its floor and target."""

from benchmarks.run_all import main

raise SystemExit(main())
