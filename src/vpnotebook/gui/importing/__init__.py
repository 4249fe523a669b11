"""The spreadsheet import wizard (Bestand → Importeren uit Excel…)."""
