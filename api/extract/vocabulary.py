"""How the extractor's word lists are written: whitespace-separated words in a string,
so that a vocabulary reads as data and grows without code."""

from __future__ import annotations

__all__ = ["word_set"]


def word_set(text: str) -> frozenset[str]:
    """The words of `text` (split on any whitespace) as a set."""
    return frozenset(text.split())
