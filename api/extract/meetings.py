"""Candidate meetings from a readout: drafts finished with place, occasion and topics."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace

from api.extract.attendance import Capacity, find_capacities
from api.extract.context import Context, build_context
from api.extract.dates import time_of_day
from api.extract.drafts import Draft, clause_limit, find_drafts
from api.extract.kinds import find_triggers, forget_triggers
from api.extract.model import Evidence, ExtractedMeeting, ExtractedParticipant
from api.extract.occasions import Occasion, find_occasion, ministers_occasion
from api.extract.people import Person
from api.extract.places import Place, find_city, find_country, find_here, find_venue, venue_city
from api.extract.text import Sentence
from api.extract.titles import accredited_title, counterpart_title
from api.extract.topics import find_topics
from api.extract.trips import carry_trip
from api.models import MeetingKind, Role, Setting

__all__ = ["extract"]


def extract(text: str, published: dt.date | None) -> list[ExtractedMeeting]:
    """Candidate meetings reported in `text`, a readout published on `published`.

    `published` anchors relative days ("on Friday", "yesterday"); without it they stay
    unresolved and the meeting's date is None.
    """
    forget_triggers()
    context = build_context(text, published)
    drafts = find_drafts(context)
    capacities = find_capacities(context)
    meetings = carry_trip([_finish(context, draft, drafts, capacities) for draft in drafts])
    return carry_trip(meetings[::-1])[::-1]


def _place(
    context: Context, draft: Draft, evidence: Evidence
) -> tuple[Place | None, Place | None, str | None]:
    sentence = draft.sentence
    clause = sentence.text[: max(draft.clause_end, draft.trigger.end) - sentence.start]
    held = _held_at(context, draft)
    venue = find_venue(clause, sentence.start) or (
        find_venue(held.text, held.start) if held else None
    )
    city = find_city(clause, sentence.start, draft.trigger.start)
    if city is None and held is not None:
        city = find_city(held.text, held.start, held.start)
        if city is not None:
            evidence["city"] = [city.span]
    if city is None and (lead := _lead_place(context, draft)) is not None:
        city = lead  # 'At the summit in Nuku'alofa, Tonga today, X held talks with ...'
        evidence["city"] = [lead.span]
    if city is None and context.dateline_city is None and (came := _arrival(context, draft)):
        city = came  # 'Sharif reached Beijing on Tuesday night': where the visitor is
        evidence["city"] = [came.span]
    elsewhere = _named_elsewhere(context, clause, sentence.start)
    if city is None and context.dateline_city is not None and elsewhere is None:
        here = find_here(sentence.text, sentence.start)
        city = context.dateline_city
        evidence["city"] = [here] if here else [context.dateline_city.span]
    elif city is not None:
        evidence["city"] = [city.span]
    if city is None and venue is not None and venue.country is not None:
        city = _venue_city(venue)
        evidence["city"] = [venue.span]
    for other in _retellings(context, draft):
        if venue is not None and (city is not None or context.dateline_city is None):
            break
        told = other.sentence.text[
            : max(other.clause_end, other.trigger.end) - other.sentence.start
        ]
        venue = venue or find_venue(told, other.sentence.start)
        if city is None:
            city = find_city(told, other.sentence.start, other.trigger.start)
            if city is not None:
                evidence["city"] = [city.span]
    if venue is not None:
        evidence["venue"] = [venue.span]
    country = city.country if city else (venue.country if venue else None)
    if country is None:
        named = find_country(clause, sentence.start)
        if named is not None:
            country = named.country
            evidence["country_code"] = [named.span]
    elif "city" in evidence:
        evidence["country_code"] = evidence["city"]
    return city, venue, country


_AT_PLACE = re.compile(r"\b(?:in|at)\s+$")
_HELD_AT = re.compile(
    r"\b(?:meeting|talks|call-on|conversation)\s+(?:between\s+[^.;]{3,40}?\s+)?"
    r"(?:(?:was|were|had been|is being)\s+held|held|"
    r"took place|(?:is|was)\s+taking\s+place)\s+(?:at|in)\b|\b(?:at the (?:outset|start|beginning) of the (?:meeting|talks))\b",
    re.I,
)
"""A later sentence that places the meeting: 'The meeting was held at the Great Hall ...'."""


def _named_elsewhere(context: Context, clause: str, offset: int) -> Place | None:
    """A country the clause puts the meeting in ('in Saudi Arabia on 9 May') that is not
    the dateline's: the dateline's city is then not the meeting's."""
    named = find_country(clause, offset)
    dateline = context.dateline_city
    if named is None or dateline is None or named.country == dateline.country:
        return None
    at = _AT_PLACE.search(context.doc.text, max(0, named.span[0] - 4), named.span[0])
    return named if at else None


def _lead_sentence(context: Context, draft: Draft) -> Sentence | None:
    """The first body sentence of the draft's item, when it is not the draft's own."""
    item = context.item_start(draft.sentence.start)
    body = [s for s in context.doc.sentences if not s.headline and s.start >= item]
    lead = body[0] if body else None
    return lead if lead is not None and lead.index < draft.sentence.index else None


def _lead_place(context: Context, draft: Draft) -> Place | None:
    """The city the lead sentence puts the story in, when it reports meetings of one of
    the draft's principals there and differs from the dateline (filed from home)."""
    lead = _lead_sentence(context, draft)
    if lead is None or not find_triggers(lead.text, lead.start):
        return None
    people = {id(p) for p, _ in draft.principals}
    if not any(id(r.person) in people for r in context.refs.get(lead.index, [])):
        return None
    told = clause_limit(context.doc.text, lead.start, lead.end, places=True) - lead.start
    city = find_city(lead.text[:told], lead.start, lead.start)  # not 'since they met in Bali'
    dateline = context.dateline_city
    if city is None or (dateline is not None and city.name == dateline.name):
        return None
    return city


def _held_at(context: Context, draft: Draft) -> Sentence | None:
    """A following sentence of the same or the next paragraph that places the meeting
    ('The meeting was held at ...', 'The meeting is taking place in New York')."""
    sentences = context.doc.sentences
    for other in sentences[draft.sentence.index + 1 : draft.sentence.index + 4]:
        if other.paragraph > draft.sentence.paragraph + 1:
            break
        if _HELD_AT.search(other.text):
            return other
    return None


_ARRIVED = re.compile(
    r"\b(?:arrived\s+in|reached|landed\s+in|is\s+in|was\s+in|flew\s+(?:in)?to)\s+(?=[A-Z])"
)
"""'reached Beijing', 'is in Beijing for a state visit': where a principal of the trip is."""


def _naming_principals(context: Context, draft: Draft) -> Iterator[Sentence]:
    """The body sentences of the draft's item that name one of its principals."""
    people = {id(p) for p, _ in draft.principals}
    item = context.item_start(draft.sentence.start)
    for sentence in context.doc.sentences:
        if sentence.headline or context.item_start(sentence.start) != item:
            continue
        if any(id(r.person) in people for r in context.refs.get(sentence.index, [])):
            yield sentence


def _arrival(context: Context, draft: Draft) -> Place | None:
    """The city a sentence of the same item says one of the principals arrived in or is
    in, when the meeting's own sentences name no place."""
    for sentence in _naming_principals(context, draft):
        for came in _ARRIVED.finditer(sentence.text):
            rest = sentence.text[came.end() : came.end() + 40]
            found = find_city(rest, sentence.start + came.end(), sentence.start + came.end())
            if found is not None and found.span[0] == sentence.start + came.end():
                return found
    return None


_SHAKING_HANDS = re.compile(
    r"\bsh(?:akes?|ook|aking)\s+hands?\b|\((?:[RLC]|\d(?:st|nd|rd|th)\s*,?\s*[RL])\)\s+"
    r"(?:meets|greets|holds|talks|poses|interacts)\b",
    re.I,
)
"""A photo caption of the principals: 'A (R) shakes hands with B in Beijing', 'A (L) meets
B in Beijing, capital of China, April 13' (before or after the report)."""


def _retellings(context: Context, draft: Draft) -> list[Draft]:
    """Later reports of the meeting, and photo captions of its principals shaking hands."""
    told = list(draft.retellings)
    people = {id(p) for p, _ in draft.principals}
    if draft.story is not None:
        story = draft.story
        trigger = replace(draft.trigger, start=story.start, end=story.start)
        told.append(Draft(story, trigger, draft.principals, draft.date, clause_end=story.end))
    for sentence in context.doc.sentences:
        if sentence.index == draft.sentence.index:
            continue
        found = _SHAKING_HANDS.search(sentence.text)
        named = {id(r.person) for r in context.refs.get(sentence.index, [])}
        if found and people <= named:
            trigger = replace(
                draft.trigger,
                start=sentence.start + found.start(),
                end=sentence.start + found.end(),
            )
            told.append(
                Draft(sentence, trigger, draft.principals, draft.date, clause_end=sentence.end)
            )
    return told


def _venue_city(venue: Place) -> Place | None:
    """The city a well-known venue is in ('the Great Hall of the People' -> Beijing)."""
    found = venue_city(venue.name)
    return Place(found[0], found[1], venue.span) if found else None


def _occasion(context: Context, draft: Draft) -> Occasion | None:
    sentence = draft.sentence
    clause = sentence.text[: max(draft.clause_end, draft.trigger.end) - sentence.start]
    found = find_occasion(clause, sentence.start)
    for told in [r.sentence for r in draft.retellings] + ([draft.story] if draft.story else []):
        found = found or find_occasion(told.text, told.start)
    if found is None:
        paragraph = [
            s for s in context.doc.sentences if s.paragraph == sentence.paragraph and s != sentence
        ]
        for other in paragraph:
            found = found or find_occasion(other.text, other.start)
    if found is None and draft.trigger.kind == "meeting":
        found = _trip_purpose(context, draft)
    lead = _lead_sentence(context, draft)
    if (
        found is None
        and draft.trigger.kind == "meeting"
        and lead is not None
        and _lead_place(context, draft) is not None  # the lead's place is the event's
    ):
        found = find_occasion(lead.text, lead.start)
    return found


_TO_ATTEND = re.compile(
    r"\b(?:arrived|arrives|is|was|came|travell?ed|flew)\b[^.;]{0,60}?\b(?:to\s+attend|for)\b"
    r"|\b(?:participated|took\s+part|attended)\s+(?:in\s+)?(?=the\b)",
    re.I,
)
"""'Obama, who arrived in Beijing on Monday to attend the APEC meeting', 'he took part in
the BIMSTEC retreat': why a principal is in the country, told anywhere in the text."""


def _trip_purpose(context: Context, draft: Draft) -> Occasion | None:
    """The event a principal travelled to attend, when a sentence of the same item names
    that principal and the purpose ('arrived ... to attend the APEC ... meeting')."""
    for sentence in _naming_principals(context, draft):
        purpose = _TO_ATTEND.search(sentence.text)
        if purpose is not None:
            found = find_occasion(sentence.text[purpose.end() :], sentence.start + purpose.end())
            if found is not None:
                return found
    return None


def _other_side(person: Person, principals: list[Person]) -> str | None:
    """The one country of the principals other than `person`'s, if there is one."""
    others = {p.country for p in principals if p.country and p.country != person.country}
    return others.pop() if len(others) == 1 else None


def _topics_range(context: Context, draft: Draft, drafts: list[Draft]) -> tuple[int, int]:
    later = [d.sentence.start for d in drafts if d.sentence.paragraph > draft.sentence.paragraph]
    first = drafts.index(draft) == 0 if draft in drafts else False
    start = 0 if first else draft.sentence.start
    return start, min(later) if later else len(context.doc.text)


def _participant(
    person: Person, role: str, others: list[Person], capacities: list[Capacity], host: str | None
) -> tuple[ExtractedParticipant, Capacity | None]:
    title = person.title
    if title is None and person.counterpart and role == "principal":
        # 'he met his counterpart from Samoa, X': X holds the office of the one he met
        held = [p.title for p in others if p is not person and p.title]
        title = counterpart_title(held[0], person.country) if len(held) == 1 else None
    title = accredited_title(title, person.country, host)  # 'Ambassador' -> '... to Pakistan'
    capacity = next((c for c in capacities if c.person is person), None)
    participant = ExtractedParticipant(
        name=person.name,
        country_code=person.country,
        title=title,
        role=Role(role),
        capacity=capacity.text if capacity else None,
    )
    return participant, capacity


def _finish(
    context: Context, draft: Draft, drafts: list[Draft], capacities: list[Capacity]
) -> ExtractedMeeting:
    evidence: Evidence = {k: v for k, v in draft.evidence.items() if not k.endswith("explicit")}
    is_call = draft.trigger.kind != "meeting"
    city = venue = None
    country: str | None = None
    occasion = None
    setting = "remote"
    home = {p.country for p, _ in draft.principals}
    if not is_call:
        city, venue, country = _place(context, draft, evidence)
        found = _occasion(context, draft)
        if country is not None:
            setting = "bilateral_visit" if country in home else "third_country"
        else:
            setting = "third_country" if found else "bilateral_visit"
        if found is not None:
            titles = [p.title for p, _ in draft.principals]
            occasion = ministers_occasion(found.label, titles, context.doc.text)
            evidence["occasion"] = [found.span]
        evidence["setting"] = evidence.get("city") or evidence.get("occasion") or evidence["kind"]
    else:
        evidence["setting"] = evidence["kind"]
        evidence.pop("city", None)
    principals = [p for p, _ in draft.principals]
    participants: list[ExtractedParticipant] = []
    members = [(p, s, "principal") for p, s in draft.principals] + [
        (p, s, "attendee") for p, s, _ in draft.attendees
    ]
    for index, (person, span, role) in enumerate(members):
        host = country or _other_side(person, principals)
        participant, capacity = _participant(person, role, principals, capacities, host)
        participants.append(participant)
        evidence[f"participants[{index}].name"] = [span]
        if (
            person.title_span
            and person.title
            and (participant.title or "").startswith(person.title)
        ):
            evidence[f"participants[{index}].title"] = [person.title_span]
        if person.country_span:
            evidence[f"participants[{index}].country_code"] = [person.country_span]
        if capacity is not None:
            evidence[f"participants[{index}].capacity"] = [capacity.span]
    part = time_of_day(draft.sentence.text)
    if part is not None:
        evidence["time_of_day"] = [(draft.sentence.start + part[1], draft.sentence.start + part[2])]
    start, end = _topics_range(context, draft, drafts)
    topics = find_topics(context.doc.text, start, end)
    for topic, spans in topics.items():
        evidence[f"topics.{topic}"] = spans
    return ExtractedMeeting(
        date=draft.date,
        kind=MeetingKind(draft.trigger.kind),
        setting=Setting(setting),
        city=city.name if city else None,
        country_code=country,
        venue=venue.name if venue else None,
        occasion=occasion,
        participants=participants,
        initiated_by=draft.initiated_by if is_call else None,
        time_of_day=part[0] if part else None,
        topics=sorted(topics),
        evidence=evidence,
    )
