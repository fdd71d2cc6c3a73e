"""Topics of a meeting, matched by keyword cues against the controlled vocabulary.

Only ids present in `seeds/topics.json` are returned: a cue for a topic the vocabulary
lacks is dropped, so the table may be broader than the vocabulary.
"""

from __future__ import annotations

import re

from api.vocabulary import builtin_topic_ids

__all__ = ["TOPIC_CUES", "find_topics"]

TOPIC_CUES: dict[str, str] = {
    "cpec": r"China-Pakistan Economic Corridor|\bCPEC\b|Pakistan-China Economic Corridor",
    "security-of-chinese-nationals": (
        r"(?:safety|security|protection) of (?:the )?Chinese (?:nationals|citizens|personnel|"
        r"workers|engineers|institutions|projects)|Chinese (?:nationals|citizens|personnel|"
        r"engineers|workers) (?:and|in)|attacks? on Chinese"
    ),
    "afghanistan": r"\bAfghan(?:istan)?\b",
    "covid-19": r"COVID|coronavirus|\bpandemic\b|\bepidemic\b",
    "one-china": r"one-China|\bTaiwan\b",
    "global-development-initiative": r"Global Development Initiative|\bGDI\b",
    "global-security-initiative": r"Global Security Initiative|\bGSI\b",
    "global-civilization-initiative": r"Global Civili[sz]ation Initiative|\bGCI\b",
    "belt-and-road": r"Belt and Road|\bBRI\b",
    "kashmir": r"\bKashmir",
    "counter-terrorism": r"terroris[tm]|counter-terror",
    "ukraine": r"\bUkrain",
    "india-pakistan": r"(?:Pakistan and India|India and Pakistan|Pakistan-India|India-Pakistan)",
    "trade": r"\btrade\b|\binvestment\b",
    "climate-change": r"climate change|\bclimate\b",
    "sco": r"Shanghai Cooperation Organi[sz]ation|\bSCO\b",
    "defence-cooperation": r"\bdefen[cs]e (?:cooperation|ties)|military cooperation",
    "middle-east": r"\bGaza\b|Palestin|Middle East",
    "taiwan": r"\bTaiwan\b",
    "human-rights": r"human rights",
}
_COMPILED = {topic: re.compile(cue, re.IGNORECASE) for topic, cue in TOPIC_CUES.items()}


def find_topics(text: str, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """Topic id -> evidence spans, for the part `text[start:end]` about one meeting."""
    known = builtin_topic_ids()
    found: dict[str, list[tuple[int, int]]] = {}
    for topic, pattern in _COMPILED.items():
        if topic not in known:
            continue
        spans = [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
        if spans:
            found[topic] = spans
    return found
