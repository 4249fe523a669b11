"""vpnotebook: an offline, encrypted case notebook for Dutch confidential counsellors."""

__version__ = "0.1.0"
