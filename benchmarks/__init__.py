"""Speed figures (not tests): `uv run python -m benchmarks` runs them all (see run_all.py)."""
