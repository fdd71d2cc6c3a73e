"""The multilateral occasion of a meeting, as a short normalised label ('SCO summit')."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Occasion", "find_occasion", "ministers_occasion"]

_MINISTERS = re.compile(
    r"foreign(?:\s+and\s+[\w-]+)?\s+ministers?|council of (?:foreign )?ministers|FMs?\b|"
    r"\bministerial\b",
    re.I,
)
_TABLE: tuple[tuple[re.Pattern[str], str, str | None], ...] = (
    # (pattern, summit label, ministers' meeting label)
    (
        re.compile(r"Shanghai Cooperation Organi[sz]ation|\bSCO\b"),
        "SCO summit",
        "SCO foreign ministers' meeting",
    ),
    (
        re.compile(r"\bG-?20\b|Group of (?:Twenty|20)\b"),
        "G20 summit",
        "G20 foreign ministers' meeting",
    ),
    (re.compile(r"\bG-?7\b|Group of Seven\b"), "G7 summit", "G7 foreign ministers' meeting"),
    (re.compile(r"\bBRICS\b"), "BRICS summit", "BRICS foreign ministers' meeting"),
    (re.compile(r"East Asia Summit|\bEAS\b"), "East Asia Summit", None),
    (
        re.compile(r"\bASEAN\b|Association of Southeast Asian Nations"),
        "ASEAN summit",
        "ASEAN foreign ministers' meeting",
    ),
    (re.compile(r"(?:UN|United Nations) General Assembly|\bUNGA\b"), "UN General Assembly", None),
    (re.compile(r"(?:UN|United Nations) Security Council|\bUNSC\b"), "UN Security Council", None),
    (
        re.compile(r"\bAPEC\b|Asia[- ]Pacific Economic Cooperation"),
        "APEC summit",
        "APEC ministerial meeting",
    ),
    (
        re.compile(r"\bCICA\b|Conference on Interaction and Confidence[- ]Building"),
        "CICA summit",
        "CICA ministerial meeting",
    ),
    (
        re.compile(r"\bBIMSTEC\b|Bay of Bengal Initiative"),
        "BIMSTEC summit",
        "BIMSTEC ministerial meeting",
    ),
    (re.compile(r"Boao Forum"), "Boao Forum for Asia", None),
    (re.compile(r"World Economic Forum|\bWEF\b|\bDavos\b"), "World Economic Forum", None),
    (re.compile(r"Munich Security Conference"), "Munich Security Conference", None),
    (re.compile(r"Shangri-La Dialogue"), "Shangri-La Dialogue", None),
    (
        re.compile(r"\bNATO\b|North Atlantic Treaty Organi[sz]ation"),
        "NATO summit",
        "NATO foreign ministers' meeting",
    ),
    (re.compile(r"Belt and Road Forum"), "Belt and Road Forum", None),
    (
        re.compile(r"\bOIC\b|Organi[sz]ation of Islamic Cooperation"),
        "OIC summit",
        "OIC Council of Foreign Ministers",
    ),
    (re.compile(r"Commonwealth Heads of Government|\bCHOGM\b"), "CHOGM", None),
    (re.compile(r"Economic Cooperation Organi[sz]ation|\bECO\b"), "ECO summit", None),
    (re.compile(r"Forum on China-Africa Cooperation|\bFOCAC\b"), "FOCAC summit", None),
    (re.compile(r"China-Arab States Summit|Arab League"), "China-Arab States Summit", None),
    (re.compile(r"China-Central Asia Summit"), "China-Central Asia Summit", None),
    (re.compile(r"Eastern Economic Forum"), "Eastern Economic Forum", None),
    (
        re.compile(r"St\.? Petersburg International Economic Forum|\bSPIEF\b"),
        "St. Petersburg International Economic Forum",
        None,
    ),
    (re.compile(r"Raisina Dialogue"), "Raisina Dialogue", None),
    (re.compile(r"Nuclear Security Summit"), "Nuclear Security Summit", None),
    (re.compile(r"Summit of the Future"), "Summit of the Future", None),
    (re.compile(r"European Council|\bEU summit"), "EU summit", None),
    (re.compile(r"Olympic|Olympics"), "Olympic Games", None),
)
_NOT_EVENT = re.compile(
    r"\s+(?:issues?|agenda|presidency|chairmanship|members?|member\s+states|countries|nations|"
    r"cooperation|framework|mechanism|platform|process|partners?|charter|secretariat)\b",
    re.I,
)
"""'G20 issues', 'the SCO's agenda': the body named, not one of its meetings."""
_SIDELINES = re.compile(
    r"\b(?:on|at)\s+the\s+(?:sidelines|margins?)\s+of\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){1,7})"
)
"""An event of any name a meeting was held beside: 'on the margins of the Arctic Council
Ministerial'; named events of the table above take the table's label."""
_COP = re.compile(r"\bCOP ?(?P<n>\d{1,2})\b|UN Climate Change Conference")


_TO_BE_HELD = re.compile(
    r"[^.;,]{0,30}?\b(?:to\s+be\s+held|will\s+be\s+held|(?:is|are)\s+scheduled|"
    r"later\s+this\s+(?:year|month|week))\b",
    re.I,
)
_INVITED_TO = re.compile(r"\binvit(?:ed|ing|es?)\b[^.;]{0,40}?\bto\s+(?:a|an|the|its)?\s*$", re.I)
"""'invited him to a G7 summit to be held in Hiroshima in May': an event still to come."""


def _is_future(sentence: str, match: re.Match[str]) -> bool:
    before = sentence[max(0, match.start() - 60) : match.start()]
    return bool(_TO_BE_HELD.match(sentence, match.end()) or _INVITED_TO.search(before))


@dataclass(frozen=True, slots=True)
class Occasion:
    """A normalised occasion label and the words it was read from."""

    label: str
    span: tuple[int, int]


def find_occasion(sentence: str, offset: int) -> Occasion | None:
    """The first multilateral occasion named in `sentence`, if any."""
    best: tuple[int, Occasion] | None = None
    for pattern, label, ministers in _TABLE:
        match = next(
            (
                m
                for m in pattern.finditer(sentence)
                if not _NOT_EVENT.match(sentence, m.end()) and not _is_future(sentence, m)
            ),
            None,
        )
        if not match:
            continue
        window = sentence[max(0, match.start() - 60) : match.end() + 60]
        if (
            ministers
            and _MINISTERS.search(window)
            and not re.search(r"summit|heads of state", window, re.I)
        ):
            label = ministers
        found = Occasion(label, (offset + match.start(), offset + match.end()))
        if best is None or match.start() < best[0]:
            best = (match.start(), found)
    cop = _COP.search(sentence)
    if cop and (best is None or cop.start() < best[0]):
        label = f"COP{cop.group('n')}" if cop.group("n") else "UN climate conference"
        best = (cop.start(), Occasion(label, (offset + cop.start(), offset + cop.end())))
    if best is None and (aside := _SIDELINES.search(sentence)):
        name = aside.group("name")
        best = (
            aside.start(),
            Occasion(name, (offset + aside.start("name"), offset + aside.end("name"))),
        )
    return best[1] if best else None


_FOREIGN_MINISTERS = re.compile(
    r"foreign minister|minister (?:of|for) foreign affairs|external affairs minister|"
    r"foreign secretary|secretary of state",
    re.I,
)


def ministers_occasion(label: str, titles: list[str | None], text: str) -> str:
    """The ministers' meeting of a body instead of its summit, when every principal is a
    foreign minister and the text never says 'summit' ('the BIMSTEC retreat')."""
    ministers = next((m for _, lab, m in _TABLE if lab == label and m), None)
    if (
        ministers is None
        or re.search(r"\bsummit\b", text, re.I)
        or not titles
        or not all(t and _FOREIGN_MINISTERS.search(t) for t in titles)
    ):
        return label
    return ministers
