"""Bestand → Overdragen aan een collega… and Bestand → Overdracht samenvoegen… (issue 13)."""
