"""Shared test set-up: headless Qt, once for the whole suite."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
