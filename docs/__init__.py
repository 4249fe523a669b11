"""The user guide and its screenshots, shipped as vpnotebook.docs (see pyproject package-dir).

The program shows docs/handleiding/README.md in its Help menu, offline, with the pictures
from docs/screenshots/ beside it; the same files are what the repository shows.
"""
