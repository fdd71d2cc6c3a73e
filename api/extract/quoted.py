"""Meetings told in the first person, inside a leader's own quoted words.

'"Good to meet FM X of Nepal on the sidelines of ...," Mr Jaishankar tweeted.': the
quote has no subject; the one who wrote or said it is the other party.
"""

from __future__ import annotations

import re

from api.extract.context import Context, Ref
from api.extract.text import Sentence

__all__ = ["QUOTED_MEETING", "quoted_speaker"]

QUOTED_MEETING = re.compile(
    r"(?<=[\"“])(?:(?:(?:It\s+was\s+)?(?:[Aa]\s+)?(?:Good|Great|Glad|Pleased|Happy|Delighted|"
    r"Wonderful|Nice|Pleasure|Honou?red)\s+(?:as\s+always\s+)?to\s+(?:meet|see|call\s+on)"
    r"(?:\s+with)?)|Met(?:\s+with)?)\b"
)
"""A quote that opens by reporting a meeting of the speaker ('"Met FM X', '"Glad to meet X')."""
_ATTRIBUTION = re.compile(
    r"[\"”]\s*,?\s*(?:(?P<pronoun>he|she)\s+|(?P<named>[A-Z][^\"”.;]{0,40}?)\s+)"
    r"(?:said|tweeted|posted|wrote|added)\b"
)


def quoted_speaker(context: Context, sentence: Sentence, at: int) -> Ref | None:
    """Who wrote the quote that opens at `at`: the person named in the attribution after
    the closing quote (this or one of the next two sentences), or whom 'he' stands for."""
    sentences = context.doc.sentences
    for other in sentences[sentence.index : sentence.index + 3]:
        found = _ATTRIBUTION.search(context.doc.text, max(at, other.start), other.end)
        if found is None:
            continue
        if found.group("pronoun"):
            for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
                refs = [r for r in context.refs.get(index, []) if not r.excluded]
                if refs and not sentences[index].headline:
                    span = found.span("pronoun")
                    return Ref(*span, refs[0].person, span, False)
            return None
        named = [
            r
            for r in context.refs.get(other.index, [])
            if found.start("named") <= r.start < found.end("named")
        ]
        return named[0] if named else None
    return None
