"""Topics of a meeting, matched by keyword cues against the controlled vocabulary.

Only ids present in `seeds/topics.json` are returned: a cue for a topic the vocabulary
lacks is dropped, so the table may be broader than the vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

import orjson

from api.extract.gazetteer import country_of_phrase
from api.vocabulary import SEEDS_DIR, builtin_topic_ids

__all__ = ["TOPIC_CUES", "find_topics"]

TOPIC_CUES: dict[str, str] = {
    "cpec": r"China-Pakistan Economic Corridor|Pakistan-China Economic Corridor|\bCPEC\b",
    "belt-and-road": r"Belt and Road|\bBRI\b|Silk Road",
    "connectivity": r"\bconnectivity\b|\brailways?\b|\bhighways?\b",
    "trade-and-investment": r"\btrade\b|\binvestments?\b|\bexports?\b|free trade|"
    r"industrial cooperation|Economic and Trade Commission",
    "finance-and-debt": r"\bloans?\b|\bdebt\b|\brollover|currency swap|\bIMF\b|financing",
    "economic-recovery": r"revive (?:its |the )?economy|economic recovery|people's livelihood|"
    r"poverty (?:alleviation|reduction)|cutting poverty",
    "agriculture": r"\bagricultur|\bfarming\b|food security|\blivestock\b|\blocust",
    "information-technology": r"information technology|digital economy|telecommunication|"
    r"\b5G\b|e-commerce|\bICT\b",
    "science-and-technology": r"science and technology|\bspace\b|\bsatellite|\bastronaut|"
    r"\binnovation\b",
    "energy": r"\benergy\b|power plants?|hydropower|electricity|nuclear power|oil and gas",
    "climate-change": r"climate change|green development|\bcarbon\b|\bemissions\b|glaciers",
    "disaster-relief": r"\bfloods?\b|\bearthquake|disaster",
    "covid-19": r"COVID|coronavirus|\bpandemic\b|\bepidemic\b|\bvaccines?\b",
    "security-of-chinese-nationals": r"(?:safety|security|protection) of (?:the )?Chinese|"
    r"Chinese (?:nationals|citizens|personnel|engineers|workers)",
    "counter-terrorism": r"terroris[tm]|counter-terror|\bextremis|perpetrators",
    "regional-security": r"regional (?:peace|security|stability)|peace and stability in the region",
    "defence-cooperation": r"\bdefen[cs]e\b|\bmilitary\b|armed forces|joint exercises?",
    "afghanistan": r"\bAfghan(?:istan)?\b|\bTaliban\b",
    "kashmir": r"\bKashmir|Line of Control",
    "ukraine": r"\bUkrain",
    "middle-east": r"Middle East|\bPalestin|\bGaza\b|\bIsrael",
    "one-china": r"one-China|One China|reunification",
    "core-interests": r"core (?:national )?interests?|core issues|\bTaiwan\b|\bXinjiang\b|"
    r"\bTibet\b|territorial integrity",
    "global-development-initiative": r"Global Development Initiative|\bGDI\b",
    "global-security-initiative": r"Global Security Initiative|\bGSI\b",
    "global-civilization-initiative": r"Global Civili[sz]ation Initiative|\bGCI\b",
    "community-with-shared-future": r"shared future|community of shared destiny",
    "strategic-communication": r"strategic (?:communication|coordination|mutual trust)|"
    r"all-weather strategic",
    "multilateralism": r"multilateral|United Nations|international fairness",
    "people-to-people-exchanges": r"people-to-people|cultural exchanges|\btourism\b",
    "education": r"\bstudents?\b|scholarships?|universit(?:y|ies)|vocational",
}
"""General wording per topic. Names of particular projects, places and bodies are data:
they come from the '(cues: ...)' of each topic's description in the vocabulary."""

_CUE_LIST = re.compile(r"\(cues?:\s*(?P<cues>[^)]*)\)")


def _named_cues() -> dict[str, list[str]]:
    """Topic id -> the proper names its vocabulary entry lists as cues ('Gwadar', 'ML-1'):
    cues with a capital or a digit, other than country names (too broad for a topic)."""
    path = SEEDS_DIR / "topics.json"
    if not path.exists():
        return {}
    named: dict[str, list[str]] = {}
    for topic in orjson.loads(path.read_bytes())["topics"]:
        found = _CUE_LIST.search(topic.get("description", ""))
        for cue in (c.strip() for c in found["cues"].split(",")) if found else ():
            if len(cue) >= 3 and re.search(r"[A-Z0-9]", cue) and country_of_phrase(cue) is None:
                named.setdefault(topic["id"], []).append(rf"\b{re.escape(cue)}\b")
    return named


for _topic, _names in _named_cues().items():
    if _topic in TOPIC_CUES:
        TOPIC_CUES[_topic] += "|" + "|".join(_names)

_IDS = list(TOPIC_CUES)


def _alternatives(cue: str) -> list[str]:
    """The top-level alternatives of a cue pattern (not those inside its groups)."""
    parts, depth, start, escaped = [], 0, 0, False
    for i, char in enumerate(cue):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(cue[start:i])
            start = i + 1
    return [*parts, cue[start:]]


def _anchor(alternative: str) -> str | None:
    """A plain piece of text every match of `alternative` contains (lower case), if any:
    the longest run of letters outside groups, escapes and optional characters."""
    plain = re.sub(r"\\[bBsSdDwW]|\([^()]*\)|\[[^]]*\]", "\x00", alternative.lower())
    plain = plain.replace("\\ ", " ").replace("\\-", "-")
    runs = re.findall(r"[a-z0-9' -]+(?![?*{])", plain)
    best = max((r.strip() for r in runs), key=len, default="")
    return best if len(best) >= 3 else None


def _topic_anchors() -> list[tuple[str, ...] | None]:
    """Per topic, the anchors of its alternatives; None where one alternative has none."""
    table: list[tuple[str, ...] | None] = []
    for cue in TOPIC_CUES.values():
        anchors = [_anchor(a) for a in _alternatives(cue)]
        table.append(None if None in anchors else tuple(a for a in anchors if a))
    return table


_ANCHORS = _topic_anchors()


@lru_cache(maxsize=64)
def _pattern(topics: tuple[int, ...], folded: bool) -> re.Pattern[str]:
    """The cue alternation for the topics a text can match, in the vocabulary's order."""
    cues = list(TOPIC_CUES.values())
    joined = "|".join(f"(?P<t{n}>{cues[n].lower() if folded else cues[n]})" for n in topics)
    return re.compile(joined or "(?!)", 0 if folded else re.IGNORECASE)


@lru_cache(maxsize=4)
def _all_matches(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every cue in `text`, once per text however many meetings it reports. Topics none of
    whose plain words occur in the text are left out of the pattern before it runs."""
    lowered = text.lower()
    folded = len(lowered) == len(text)
    possible = tuple(
        n
        for n, anchors in enumerate(_ANCHORS)
        if anchors is None or any(anchor in lowered for anchor in anchors)
    )
    matches = _pattern(possible, folded).finditer(lowered if folded else text)
    return tuple((_IDS[int(str(m.lastgroup)[1:])], m.start(), m.end()) for m in matches)


def find_topics(text: str, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """Topic id -> evidence spans, for the part `text[start:end]` about one meeting."""
    known = builtin_topic_ids()
    found: dict[str, list[tuple[int, int]]] = {}
    for topic, first, last in _all_matches(text):
        if start <= first and last <= end and topic in known:
            found.setdefault(topic, []).append((first, last))
    return found
