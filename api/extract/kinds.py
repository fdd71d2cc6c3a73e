"""Meeting triggers and their kind: what in a sentence says two people met or spoke.

A trigger is a verb or noun phrase ("met", "called on", "held talks with", "had a phone
conversation with", "telephoned"); the kind comes from the medium words around it
(phone, video link, virtual). Triggers under a future or hypothetical reading ("will
meet", "is expected to hold talks") are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from api.extract.asides import (
    FUTURE_BEFORE,
    FUTURE_SENTENCE,
    is_appeal,
    is_plural_contact,
    is_recollection,
)
from api.extract.quoted import QUOTED_MEETING

__all__ = ["Trigger", "find_triggers", "forget_triggers"]

_NOUNS = (
    r"(?:summit\s+(?:talks|meetings?)|talks?|meetings?|conversations?|discussions?|calls?|dialogue|"
    r"consultations?|chat|contacts|"
    r"engagements?|(?:pull-)?asides?|interactions?|"
    r"negotiations|"
    r"video\s*conferences?|teleconferences?|summit)"
)
_WHEN = (
    r"(?:(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening)|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+)?"
)
"""A time adverb that may stand between a verb and its object ('spoke today with')."""
_TRIGGERS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    # (label, initiator: subject|object|"", pattern)
    (
        "receive_call",
        "object",
        re.compile(
            r"\b(?:received|receives|took|takes|answered)\s+(?:a\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:tele)?phon(?:e|ic)\s+call\s+(?:(?:on\s+\w+|today|yesterday|this\s+\w+|late\s+\w+)\s+)?"
            r"from\b",
            re.I,
        ),
    ),
    ("phoned", "subject", re.compile(r"\b(?:telephoned|phoned|rang|dialled|dialed)\b", re.I)),
    (
        "phoned",
        "subject",
        re.compile(
            r"\b(?:made|placed|makes|places)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:tele)?phone\s+"
            r"calls?\s+(?:(?:today|yesterday|on\s+\w+day)\s+)?to\b",
            re.I,
        ),
    ),
    (
        "spoke_pair",
        "",
        re.compile(
            r"\b(?:spoke|spoken|speak|talked|conversed|discussed|exchanged\s+views)\s+(?:\w+\s+)?"
            r"(?:over|on|by|via)\s+"
            r"(?:the\s+)?(?:tele)?phone\b(?:\s+for\s+(?:about\s+)?[\w-]+\s+(?:minutes|hours?))?"
            r"(?:\s+(?:with|to)\b)?",
            re.I,
        ),
    ),
    (
        "during_call",
        "",
        re.compile(
            r"\b(?:during|in|via|through|over)\s+(?:an?|their)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:(?:tele)?phone|video)\s*"
            r"(?:calls?|conversations?|conference|talks?|link)\b",
            re.I,
        ),
    ),
    (
        "called",
        "subject",
        re.compile(
            r"\bcall(?:ed|s)\b(?!\s+(?:on|upon|for|off|in|at|it)\b)(?!\s+(?:his|her|their|its|the)\s+"
            r"(?:[\w-]+\s+)?(?:conversation|talks|meeting|discussion|call|visit|relations|ties|"
            r"relationship|exchange)s?\b)"
        ),
    ),
    (
        "called_on",
        "",
        re.compile(
            r"\b(?:call(?:ed|s)\s+(?:on|upon)|(?:paid|pays|paying)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
            r"call\s+(?:on|upon))\b",
            re.I,
        ),
    ),
    (
        "held",
        "",
        re.compile(
            r"\b(?:held|holds|had|has|conducted|hold|began|begun|started|opened|launched)\s+"
            r"(?:an?\s+|the\s+)?(?:(?!(?:for|to|at|in|after|before|with|from|since|during|and|"
            r"but|when|while|arrived|come|gone)\b)[\w'’–-]+\s+){0,5}?" + _NOUNS + r"\b",
            re.I,
        ),
    ),
    ("noun_with", "", re.compile(r"\b" + _NOUNS + r"\s+(?:with|between)\b", re.I)),
    (
        "noun_with",
        "",
        re.compile(
            r"\b(?:talks|meeting|discussions|consultations)\s+(?:(?:was|were)\s+)?"
            r"(?:led|headed|co-chaired)\s+by\b",
            re.I,
        ),
    ),
    (
        "noun_with",
        "",
        re.compile(
            r"\b(?:meeting|talks)\b,?[^.;]{0,50}?,?\s+(?:(?:was|were)|took\s+place|"
            r"(?:was|were)\s+held)\s+with\b",
            re.I,
        ),
    ),
    ("quoted_met", "", QUOTED_MEETING),
    (
        "met",
        "",
        re.compile(
            r"\b(?:met|meets)(?:\s+with)?\b(?!\s+of\b)|\bmeeting(?:\s+with)?\b(?!\s+(?:of|on)\b)",
            re.I,
        ),
    ),
    ("met", "", re.compile(r"\b(?:interacts|interacted)\s+(?:briefly\s+)?with\b", re.I)),
    ("received", "", re.compile(r"\b(?:received|receives|hosted|hosts)\b", re.I)),
    ("visited", "", re.compile(r"\b(?:visited|visits)\b(?=\s+[A-Z])")),
    (
        "travelled_to_meet",
        "",
        re.compile(
            r"\b(?:travell?ed|flew|went|came|headed)\b[^.;]{0,60}?\bto\s+meet(?:\s+with)?\b",
            re.I,
        ),
    ),
    (
        "spoke",
        "",
        re.compile(
            r"\b(?:spoke|speaks|talked|talks|conversed|sat down)\s+"
            + _WHEN
            + r"(?:(?:over|on|by)\s+"
            r"(?:the\s+)?(?:tele)?phone\s+)?" + _WHEN + r"(?:with|to)\b",
            re.I,
        ),
    ),
    (
        "spoke",
        "",
        re.compile(
            r"\b(?:spoke|talked)\b(?=\s+(?:(?:last|again|previously|earlier|briefly)\s+)?"
            r"(?:on|in|at|by|over|via|for|earlier|yesterday|today|this|last)\b)",
            re.I,
        ),
    ),
    (
        "exchanged",
        "",
        re.compile(r"\bexchanged\s+(?:their\s+)?(?:[\w-]+\s+)?views\b", re.I),
    ),
    ("exchanged", "", re.compile(r"(?<=\s)(?:discussed|reviewed)\b")),
    (
        "dialogue",
        "",
        re.compile(
            r"\b(?:held|co-chaired|chaired)\s+the\s+(?:[\w-]+\s+){0,2}round\s+of\b|"
            r"\bco-chaired\b",
            re.I,
        ),
    ),
    (
        "earlier_noun",
        "",
        re.compile(
            r"\b(?:last|previous|most\s+recent)\s+(?:(?:tele)?phone\s+|video\s+|in-person\s+|"
            r"face-to-face\s+)?(?:conversation|call|meeting|talks|summit)\s+"
            r"(?=(?:was|were|took\s+place|had\s+been)\b)",
            re.I,
        ),
    ),
    (
        "noun_event",
        "",
        re.compile(
            r"\b(?:meeting|talks|video\s+call|phone\s+call|telephone\s+call)\s+"
            r"(?=(?:in|at|on)\s+[A-Z])",
            re.I,
        ),
    ),
)
_PHONE = re.compile(r"\b(?:tele)?phon(?:e|ic|ed)\b|\bby phone\b|\bphone\b", re.I)
_VIDEO = re.compile(
    r"\bvideo(?:\s*(?:call|conference|link|meeting|summit|talks|chat))?\b|\bvideoconference\b|"
    r"\bvirtual(?:ly)?\b|\bonline\s+(?:meeting|talks|summit)\b",
    re.I,
)
_CALL_NOUN = re.compile(
    r"\bcalls?\s+(?:with|between)\b|\b(?:during|in|on)\s+(?:an?|the|their)\s+call\b", re.I
)
"""A call named without its medium ('during a call with'): a call is made by telephone."""
_COURTESY = re.compile(r"\b(?:courtesy|farewell|introductory|official)\s+call", re.I)
"""'paid a courtesy (farewell) call on': an in-person visit, not a telephone call."""
_CEREMONY = re.compile(r"\bceremon(?:y|ies)\b|\binaugurat|\blaunch", re.I)
_NOUN_START = re.compile(_NOUNS, re.I)
_TRIP_PURPOSE = re.compile(
    r"\b(?:arrived|arrives|arriving|landed|lands|reached|flew|travell?ed|is|are)\b[^.;,]{0,60}"
    r"\bfor\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$"
)
"""'arrived at the Great Hall of the People for talks with': the purpose of a trip."""
"""Words before a trigger that make it a plan, a hedge or the purpose of a trip: 'will
meet', 'a possible phone call between', 'arrived in Beijing for talks with'."""
_HOW_OFTEN = re.compile(
    r"\s+(?:\w+\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|"
    r"numerous|multiple)\s+times\b|\s+(?:often|regularly|frequently|on\s+several\s+occasions)\b",
    re.I,
)
"""'have met 10 times since 2019': a count of past contacts, not one that can be dated."""
_PAST_PURPOSE = re.compile(
    r"\b(?:travell?ed|flew|went|came|arrived|headed)\b[^.;]{0,60}\bto\s+$", re.I
)
"""'travelled to Riyadh to meet with ...': the purpose of a trip made, not a plan."""
_NOT_RECEIVED = re.compile(
    r"\b(?:letters?|messages?|cables?|calls?|invitations?|credentials|copies|greetings)\s+(?:\w+\s+)?"
    r"received\b|\breceived\s+from\b|"
    r"\breceived\s+(?:[\w-]+\s+){0,3}?(?:at|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:airport|air\s*base|airfield|tarmac|railway\s+station)\b",
    re.I,
)
"""'a letter he received from ...': something received, not a visitor;
'was received at the airport by ...': a welcome on arrival, not talks."""
_RELATIVE = re.compile(r"\b(?:what|which)\s+$", re.I)
"""A future cue right after 'what'/'which' describes the event, not its timing ('met on
Saturday, in what is expected to be their last meeting')."""

_EVENT_NAME = re.compile(r"\b[A-Z][\w'’-]*['’]?\s+$")
"""A capitalised word right before a capitalised 'Meeting' makes it part of a name."""
_NAMED_BY_MEMBERS = re.compile(r"\b[A-Z][\w-]*s['’]\s+$")
"""'the ASEAN Foreign Ministers' meeting in ...': a meeting named by who sits in it."""
_ARTICLES = frozenset({"the", "this", "that"})
_NOUN_ONLY = frozenset({"met", "noun_event", "noun_with"})
_DEFINITE = re.compile(
    r"\b(?:the|this|that|their|his|her|its)\s+(?:(?:tele)?phon(?:e|ic)\s+|video\s+)?$", re.I
)
_ATTENDING = re.compile(
    r"\b(?:sat in on|(?:was|were) (?:also )?present|(?:accompanied|joined)\b.{0,50}\b"
    r"(?:in|at|during|for) the "
    r"(?:meeting|talks)|attended the (?:above |said )?(?:activity|meeting|talks|call))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A place in a sentence where a meeting or call is reported."""

    label: str
    start: int
    end: int
    kind: str
    kind_span: tuple[int, int]
    initiator: str
    needs_object: bool


def _kind(
    sentence: str, offset: int, start: int, end: int, label: str
) -> tuple[str, tuple[int, int]]:
    phone = [(abs(m.start() - start), m) for m in _PHONE.finditer(sentence)]
    video = [(abs(m.start() - start), m) for m in _VIDEO.finditer(sentence)]
    if video and (
        not phone or min(video, key=lambda x: x[0])[0] <= min(phone, key=lambda x: x[0])[0]
    ):
        match = min(video, key=lambda x: x[0])[1]
        return "video_call", (offset + match.start(), offset + match.end())
    if phone:
        match = min(phone, key=lambda x: x[0])[1]
        return "phone_call", (offset + match.start(), offset + match.end())
    if _CALL_NOUN.search(sentence, start, end + 9) and not _COURTESY.search(sentence, 0, end):
        return "phone_call", (offset + start, offset + end)  # 'a call with', 'the call between'
    if label in ("phoned", "called", "receive_call", "spoke"):
        kind = "phone_call" if label != "spoke" or "spoke" in sentence[start:end] else "meeting"
        return kind, (offset + start, offset + end)
    return "meeting", (offset + start, offset + end)


_CLAUSE_EDGE = re.compile(
    r";|,\s+(?=(?:ahead\s+of|before|after|as|while|following|which|who|whose|where|when|since|during|"
    r"days?\s+(?:after|before)|a\s+day\s+(?:after|before))\b)|\s(?=ahead\s+of\b)",
    re.I,
)
"""Where a clause about another event starts: a future cue beyond it ('..., ahead of the
visit scheduled for next week') leaves the meeting reported in the main clause alone."""


def _in_clause(sentence: str, cues: list[int], start: int, end: int) -> bool:
    if not cues:
        return False
    edges = [m.start() for m in _CLAUSE_EDGE.finditer(sentence)]
    low = max([e for e in edges if e <= start], default=0)
    high = min([e for e in edges if e >= end], default=len(sentence))
    return any(low <= cue < high for cue in cues)


def find_triggers(sentence: str, offset: int) -> list[Trigger]:
    """Triggers in `sentence` (which starts at `offset`), future ones left out."""
    return list(_triggers(sentence, offset))


def forget_triggers() -> None:
    """Drop the triggers remembered for the previous readout (each readout is read anew)."""
    _triggers.cache_clear()


@lru_cache(maxsize=512)
def _triggers(sentence: str, offset: int) -> tuple[Trigger, ...]:
    """The triggers of one sentence, computed once however many rules ask."""
    return tuple(_find_triggers(sentence, offset))


def _find_triggers(sentence: str, offset: int) -> list[Trigger]:
    found: list[Trigger] = []
    cues = [
        m.start()
        for m in FUTURE_SENTENCE.finditer(sentence)
        if not _RELATIVE.search(sentence[max(0, m.start() - 12) : m.start()])
    ]
    for label, initiator, pattern in _TRIGGERS:
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(t.start - offset <= start < t.end - offset for t in found):
                continue
            before = sentence[max(0, start - 40) : start]
            if (
                (FUTURE_BEFORE.search(before) and not _PAST_PURPOSE.search(sentence, 0, start))
                or (
                    _NOUN_START.match(match.group(0))
                    and _TRIP_PURPOSE.search(sentence[max(0, start - 100) : start])
                )
                or _in_clause(sentence, cues, start, end)
            ):
                continue
            if label == "received" and _NOT_RECEIVED.search(sentence, max(0, start - 30), end + 40):
                continue
            if label == "called_on" and is_appeal(sentence, end):
                continue
            if is_recollection(before) or (
                label in ("during_call", "noun_with") and is_plural_contact(match.group(0))
            ):
                continue
            definite = _DEFINITE.search(sentence[max(0, start - 24) : start])
            if (
                label in _NOUN_ONLY
                and definite
                and (label != "noun_with" or definite.group(0).split()[0].lower() in _ARTICLES)
                and not (match.group(0).lower().endswith("between") and start <= 12)
            ):
                continue
            if _HOW_OFTEN.match(sentence, end) or any(
                cue.start() <= start for cue in _ATTENDING.finditer(sentence)
            ):
                continue  # 'X sat in on the meeting': attendance, from the cue on
            if label in ("met", "noun_event") and (
                (match.group(0)[0].isupper() and _EVENT_NAME.search(sentence, 0, start))
                or _NAMED_BY_MEMBERS.search(sentence, 0, start)
            ):
                continue  # 'the APEC Summit Meeting in Yokohama': a name, not a report
            kind, kind_span = _kind(sentence, offset, start, end, label)
            if (
                kind == "video_call"
                and _CEREMONY.search(sentence)
                and label not in ("held", "noun_with", "spoke", "met")
            ):
                continue
            needs_object = label in (
                "phoned",
                "called",
                "called_on",
                "received",
                "receive_call",
                "visited",
            )
            found.append(
                Trigger(
                    label, offset + start, offset + end, kind, kind_span, initiator, needs_object
                )
            )
    return sorted(found, key=lambda t: t.start)
