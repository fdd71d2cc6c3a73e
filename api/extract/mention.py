"""A mention of a person in one sentence: the record `api.extract.mentions` finds and
`api.extract.offices` completes with the office and country beside the name."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Mention", "Span"]

Span = tuple[int, int]
"""A (start, end) pair of character offsets: where a piece of evidence lies."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One reference to a person in one sentence, with its evidence spans."""

    sentence: int
    start: int
    end: int
    name: tuple[str, ...]
    name_span: Span
    title: str | None = None
    title_span: Span | None = None
    title_rank: int = 9
    country: str | None = None
    country_span: Span | None = None
    possessive: bool = False
    excluded: bool = False
    counterpart: bool = False
    headline: bool = False
    alias: str | None = None
    """A short name the text gives in brackets or quotes ('Joko Widodo (Jokowi)')."""
