"""wizard."""
