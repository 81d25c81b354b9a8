"""Placeholder until the cleaning pipeline lands: returns text unchanged."""

from beyond_traffic._validate import require_str


def clean_text(raw: str) -> str:
    """Return ``raw`` unchanged (placeholder)."""
    return require_str(raw, name="raw")
