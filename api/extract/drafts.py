"""Draft meetings: a trigger with two principals from two countries and a date, then
the attendees and requests that later sentences attach to them."""

from __future__ import annotations

import datetime as dt
import re

from api.extract.attachments import attach
from api.extract.context import Context, Ref, fallback_country
from api.extract.dates import DateMention, find_dates
from api.extract.draft import Draft
from api.extract.earlier import told_as_earlier
from api.extract.kinds import Trigger, find_triggers
from api.extract.medium import medium_told_next
from api.extract.model import Evidence
from api.extract.people import Person, Span
from api.extract.principals import find_principals, named_in, pair_discussed
from api.extract.retold import dated_retelling, is_day_said
from api.extract.text import Sentence
from api.extract.titles import is_stateless

__all__ = ["Draft", "clause_limit", "find_drafts"]

_CLAUSE_STOP = re.compile(
    r"\b(?:and|but|who|which|whom|where|since|after|before|when|while|whereas)\b|;"
)
"""Where the clause of a trigger ends: a date after it belongs to another event."""
_EVENT_STOP = re.compile(
    r"\b(?:since|after|before|when|whereas|until|following\s+on|previous|their\s+last)\b|;"
)
"""Where talk of another event starts: a place after it is not the meeting's."""


def _assign_countries(context: Context, people: list[Person], sentence: Sentence) -> bool:
    known = {p.country for p in people if p.country}
    stateless = [p for p in people if p.country is None and is_stateless(p.title)]
    uncued = [p for p in people if not p.country or p.country_rank >= 5]
    if len(uncued) >= 2 and len({p.tokens[-1].lower() for p in uncued}) < len(uncued):
        return False  # two of one family name and no country told: one country's people
    home = context.home_country
    for person in people:
        if person.country is None and person not in stateless:
            code = home if home and home not in known else None
            code = code or fallback_country(context, known, sentence)
            if code:
                person.country, person.country_rank = code, 5
                known.add(code)
    sides = {p.country for p in people if p not in stateless and p.country}
    unknown = [p for p in people if p not in stateless and not p.country]
    if len(unknown) == 1 and unknown[0].title and len(sides) == 1:
        return True  # 'President X met Premier Li': an office, no country told or guessed
    return len(sides) + min(len(stateless), 1) >= 2 and not unknown


def clause_limit(text: str, start: int, end: int, *, places: bool = False) -> int:
    """Where the clause that runs from `start` (a trigger's end) stops, at most `end`;
    with `places`, only where talk of another event starts."""
    stop = (_EVENT_STOP if places else _CLAUSE_STOP).search(text, start, end)
    return stop.start() if stop else end


_CAME_AFTER = re.compile(r"(?:a|one) day after\b", re.I)


def _pick_date(
    mentions: list[DateMention],
    trigger: Trigger,
    previous: Draft | None,
    clause_end: int,
    text: str,
) -> tuple[dt.date | None, Span | None, bool]:
    mentions = [  # 'X came a day after A spoke to B': it dates what follows it, not X
        m
        for m in mentions
        if not (m.start >= trigger.end and _CAME_AFTER.match(text, m.start))
        and not is_day_said(text, m)  # 'the ministry said Friday': the day it spoke
    ]
    if not mentions:
        return None, None, False
    limit = min(clause_limit(text, trigger.end, clause_end), trigger.end + 120)
    after = [m for m in mentions if trigger.end <= m.start < limit]
    before = [m for m in mentions if m.end <= trigger.start]
    if not after and not before and text[limit : limit + 5].strip().startswith("who"):
        return None, None, False  # 'met X, who took office last month': X's past, not the day
    best = (
        after[0]
        if after
        else min(
            mentions, key=lambda m: min(abs(m.start - trigger.end), abs(m.end - trigger.start))
        )
    )
    opening = [m for m in mentions if m.end <= trigger.start and m.date is not None]
    if best.vague and opening and text[opening[0].start - 3 : opening[0].start].strip() == "On":
        best = opening[0]  # 'On October 26, A held B ... after their meeting in September'
    if best.relative_to_previous is not None:
        if previous is None or previous.date is None:
            return None, None, False
        return (
            previous.date + dt.timedelta(days=best.relative_to_previous),
            (best.start, best.end),
            True,
        )
    return best.date, (best.start, best.end), True


def _draft(
    context: Context,
    sentence: Sentence,
    trigger: Trigger,
    previous: Draft | None,
    clause_end: int,
    refs: list[Ref],
) -> Draft | None:
    if len(refs) < 2 or not _assign_countries(context, [r.person for r in refs], sentence):
        return None
    reference = context.reference_at(sentence.start)
    if previous is not None and context.item_start(previous.sentence.start) != context.item_start(
        sentence.start
    ):
        previous = None  # another item of the page: its dates are not this one's
    mentions = find_dates(sentence.text, sentence.start, reference)
    date, span, found = _pick_date(mentions, trigger, previous, clause_end, context.doc.text)
    naming = named_in(context, sentence, refs)
    named = naming[0] if naming else None
    story: Sentence | None = None
    for earlier in naming if not found else []:  # 'Both the leaders met ...': when named
        own = find_dates(earlier.text, earlier.start, reference)
        if own and own[0].date is not None:
            date, span, found = own[0].date, (own[0].start, own[0].end), True
            story = earlier
            break
    lead = named if named is not None and not found else sentence
    evidence: Evidence = {"kind": [trigger.kind_span]}
    if found and date is None and reference is not None:
        return None
    if not found and trigger.label == "earlier_noun":
        return None  # 'their last call': a meeting only with a day of its own
    if not found and told_as_earlier(
        sentence.text, trigger.start - sentence.start, trigger.end - sentence.start
    ):
        return None  # 'had met before', 'did meet in New York': an earlier contact, undated
    if not found:
        if (
            previous is not None
            and previous.date is not None
            and not previous.key().isdisjoint(id(r.person) for r in refs)
        ):  # 'He later met X': a new meeting of the same story, on its day
            date = previous.date
            span = previous.evidence["date"][0] if previous.evidence.get("date") else None
        elif (retold := dated_retelling(context, sentence, trigger, reference)) is not None:
            date, span = retold.date, (retold.start, retold.end)
        elif (told := _told_before(context, sentence, refs, reference)) is not None:
            date, span = told[0].date, (told[0].start, told[0].end)
            story = told[1]
        elif not _is_lead(context, lead) and (opened := _lead_telling(context, refs)):
            date = context.dateline_date or reference
            span = context.dateline_date_span if context.dateline_date else None
            story = opened
        elif not _is_lead(context, lead) and (role_lead := _role_lead(context, trigger)):
            date, span = role_lead.date, (role_lead.start, role_lead.end)
        elif context.dateline_date is not None and _is_lead(context, lead):
            date, span = context.dateline_date, context.dateline_date_span
        elif reference is not None and _is_lead(context, lead):
            date = reference
        elif reference is not None:
            return None
    if span is not None:
        evidence["date"] = [span]
    principals = [(r.person, r.name_span) for r in refs]
    trigger = medium_told_next(context, sentence, trigger)
    evidence["kind"] = [trigger.kind_span]
    draft = Draft(sentence, trigger, principals, date, evidence, story=story)
    draft.clause_end = clause_limit(context.doc.text, trigger.end, clause_end, places=True)
    if trigger.initiator:
        who = refs[0] if trigger.initiator == "subject" else refs[-1]
        if trigger.start > refs[0].start or trigger.initiator == "object":
            draft.initiated_by = who.person.country
            evidence["initiated_by"] = [(trigger.start, trigger.end)]
    return draft


_TALKING_TO = re.compile(r"[\"“]?(?:He|She)\s+was\s+(?:talking|speaking)\s+to\b")
"""'X said on Monday ... He was talking to Y, who called on him': the day X spoke."""
_WELCOME = re.compile(r"\b(?:welcomed|greeted|was\s+received|were\s+received)\b", re.I)
_EARLIER = re.compile(r"\blast\s+(?:met|spoke|talked)\b|\bago\b|\bprevious(?:ly)?\b", re.I)


def _told_before(
    context: Context, sentence: Sentence, refs: list[Ref], reference: dt.date | None
) -> tuple[DateMention, Sentence] | None:
    """The day an earlier sentence of the story gives one of the principals ('Wang hailed
    ... on Friday as he welcomed ...' before 'Wang met with ...'), when the meeting's own
    sentence gives none: the nearest of the three body sentences before it, same item,
    that itself reports a meeting. A contact told as earlier ('last met') takes none."""
    if _EARLIER.search(sentence.text):
        return None
    people = {id(r.person) for r in refs}
    item = context.item_start(sentence.start)
    for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
        earlier = context.doc.sentences[index]
        if earlier.headline or earlier.start < item:
            break
        if not any(id(r.person) in people for r in context.refs.get(index, [])):
            continue
        if (
            not find_triggers(earlier.text, earlier.start)
            and not _WELCOME.search(earlier.text)
            and not _TALKING_TO.match(sentence.text)
        ):
            continue  # the earlier sentence reports no meeting or welcome of theirs
        days = [m for m in find_dates(earlier.text, earlier.start, reference) if m.date]
        told = find_triggers(earlier.text, earlier.start)
        if days:
            at = told[0].start if told else earlier.start
            return min(days, key=lambda m: abs(m.start - at)), earlier
    return None


def _lead_telling(context: Context, refs: list[Ref]) -> Sentence | None:
    """The lead sentence that reported a meeting of one of the principals without naming
    the other ('Johnson met with his American counterpart in London ...'): a later
    sentence naming both tells the same meeting, on the lead's day."""
    people = {id(r.person) for r in refs}
    for earlier in context.doc.sentences:
        if earlier.headline:
            continue
        if not _is_lead(context, earlier):
            break
        named = [r for r in context.refs.get(earlier.index, []) if id(r.person) in people]
        if (
            len(named) == 1
            and find_triggers(earlier.text, earlier.start)
            and not find_dates(earlier.text, earlier.start, context.reference)
        ):
            return earlier
    return None


def _role_lead(context: Context, trigger: Trigger) -> DateMention | None:
    """The day of a lead that told a contact of the same kind by offices alone ('Turkish
    foreign minister on Saturday spoke with his U.S. counterpart'), for the later sentence
    that names the two."""
    item = context.item_start(trigger.start)
    for earlier in context.doc.sentences:
        if earlier.headline or earlier.start < item:
            continue
        told = find_triggers(earlier.text, earlier.start)
        if earlier.start >= trigger.start or not told:
            if earlier.start >= trigger.start:
                return None
            continue  # breadcrumbs and bylines before the story's first report
        if context.refs.get(earlier.index) or told[0].kind != trigger.kind:
            return None
        days = [m for m in find_dates(earlier.text, earlier.start, context.reference) if m.date]
        return days[0] if days else None
    return None


def _is_lead(context: Context, sentence: Sentence) -> bool:
    """True for the story's first paragraph: the first body one, or the one its dateline
    opens ('ISLAMABAD (Dunya News) - ...' after a standfirst and a byline)."""
    start = context.item_start(sentence.start)
    body = [s for s in context.doc.sentences if not s.headline and s.start >= start]
    if body and sentence.paragraph == body[0].paragraph:
        return True
    dateline = context.doc.dateline
    if dateline is None or not dateline.cities or start > dateline.cities[0][1]:
        return False
    opened = next((s for s in body if s.end > dateline.cities[0][1]), None)
    return opened is not None and sentence.paragraph == opened.paragraph


def _same_event(a: Draft, b: Draft) -> bool:
    return (
        a.key() == b.key()
        and a.trigger.kind == b.trigger.kind
        and (a.date == b.date or a.date is None or b.date is None)
    )


def _drafts(context: Context) -> list[Draft]:
    drafts: list[Draft] = []
    for sentence in context.doc.sentences:
        if sentence.headline:
            continue
        triggers = find_triggers(sentence.text, sentence.start)
        found = [find_principals(context, sentence, trigger) for trigger in triggers]
        for number, trigger in enumerate(triggers):
            later = [  # 'met X for talks at Hyderabad House': 'talks' reports no other meeting
                t.start
                for t, pairs in zip(triggers[number + 1 :], found[number + 1 :], strict=True)
                if any(len(refs) >= 2 for refs in pairs)
            ]
            clause_end = later[0] if later else sentence.end
            anchor = _anchor(context, drafts, sentence)  # 'spoke to X and Y': one day for both
            for refs in found[number]:
                if not pair_discussed(context, trigger, refs):
                    continue
                previous = anchor
                draft = _draft(context, sentence, trigger, previous, clause_end, refs)
                if draft is not None and _replaces_echo(draft, drafts):
                    continue
                if draft is not None and _possessive_retelling(context, draft, drafts):
                    continue
                if (
                    draft is not None
                    and not (_retold(draft, drafts, refs))
                    and not _echo(draft, drafts)
                ):
                    _add(drafts, draft)
    return drafts


_POSSESSED = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _possessive_retelling(context: Context, draft: Draft, drafts: list[Draft]) -> bool:
    """'Zelenskyy called his conversation with Biden positive': a contact of theirs the
    text has already reported on that day, told again whatever its medium word."""
    start = draft.trigger.start
    if not _POSSESSED.search(context.doc.text, max(0, start - 24), start):
        return False
    twin = next((d for d in drafts if d.key() == draft.key() and d.date == draft.date), None)
    if twin is not None:
        twin.retellings.append(draft)
    return twin is not None


def _anchor(context: Context, drafts: list[Draft], sentence: Sentence) -> Draft | None:
    """The draft a later undated report of the story takes its day from: the last one,
    unless that was an earlier contact recalled with its own date ('they had met on
    September 9'), days before the story; then the last one of the story's days."""
    reference = context.reference_at(sentence.start)
    for draft in reversed(drafts):
        if draft.date is None or reference is None or abs((reference - draft.date).days) <= 3:
            return draft
    return drafts[-1] if drafts else None


def _retold(draft: Draft, drafts: list[Draft], refs: list[Ref]) -> bool:
    """'The two leaders had a candid discussion' after the report of their call is the same
    event told again, whatever word it uses; with a date of its own it is another one."""
    by_pair = len(refs) >= 2 and refs[0].start == refs[1].start
    twin = next((d for d in drafts if d.key() == draft.key() and d.date == draft.date), None)
    if by_pair and twin is not None:
        twin.retellings.append(draft)
    return by_pair and twin is not None


def _echo(draft: Draft, drafts: list[Draft]) -> bool:
    """'A and B exchanged views on ...' reports a meeting only when the text has not
    already reported one of A and B: otherwise it tells what they said there."""
    return draft.trigger.label == "exchanged" and any(d.key() == draft.key() for d in drafts)


def _replaces_echo(draft: Draft, drafts: list[Draft]) -> bool:
    """A meeting first known from 'A and B exchanged views' and then told with a verb of
    meeting ('Both the leaders met ... here'): the later report gives it its place."""
    if draft.trigger.label == "exchanged":
        return False
    for index, echo in enumerate(drafts):
        same_day = draft.date is None or echo.date is None or draft.date == echo.date
        if echo.trigger.label == "exchanged" and echo.key() == draft.key() and same_day:
            draft.date = draft.date or echo.date
            if "date" in echo.evidence and "date" not in draft.evidence:
                draft.evidence["date"] = echo.evidence["date"]
            drafts[index] = draft
            return True
    return False


def _add(drafts: list[Draft], draft: Draft) -> None:
    """Add `draft`, or merge it into the draft of the same event told earlier."""
    twin = next((d for d in drafts if _same_event(d, draft)), None)
    if twin is None:
        drafts.append(draft)
        return
    twin.retellings.append(draft)
    if twin.date is None and draft.date is not None:
        twin.date = draft.date
        twin.evidence["date"] = draft.evidence.get("date", [])
    if twin.initiated_by is None and draft.initiated_by:
        twin.initiated_by = draft.initiated_by
        twin.evidence["initiated_by"] = draft.evidence["initiated_by"]


def find_drafts(context: Context) -> list[Draft]:
    """Draft meetings of a readout, with attendees and requests applied."""
    drafts = _drafts(context)
    if drafts:
        attach(context, drafts)
    return drafts
