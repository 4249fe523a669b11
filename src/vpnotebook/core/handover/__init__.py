"""Handing cases over to a colleague, and merging a hand-over into a vault (see the modules)."""
