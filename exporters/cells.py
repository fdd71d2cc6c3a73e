"""Formula injection: which text a spreadsheet would run, and how to keep it inert.

Spreadsheet programs treat a cell that starts with `=`, `+`, `-` or `@` as a formula (and
tab or carriage return can hide one), so text from readouts could run on a user's
machine. The xlsx exporter stores such text as plain string cells; the csv exporter
prefixes it with an apostrophe, as OWASP recommends.
"""

from __future__ import annotations

__all__ = ["FORMULA_PREFIXES", "is_formula_like", "neutralise"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read `text` as a formula."""
    return text.startswith(FORMULA_PREFIXES)


def neutralise(text: str) -> str:
    """`text`, prefixed with `'` when it is formula-like, so it shows as typed."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text
