"""Run-time resources: translation sources and icons (see pyproject package-dir)."""
