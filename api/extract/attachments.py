"""What later sentences attach to the meetings reported before them: attendees ('X was
also present'), who requested a call, and the medium ('during the phone call')."""

from __future__ import annotations

import re
from dataclasses import replace

from api.extract.attendance import find_attendance
from api.extract.context import Context
from api.extract.draft import Draft
from api.extract.requests import Request, find_requests

__all__ = ["attach"]


def attach(context: Context, drafts: list[Draft]) -> None:
    """Give `drafts` the medium, attendees and requests that later sentences tell."""
    _medium_told_after(context, drafts)
    _apply_attendance(context, drafts)
    _apply_requests(context, drafts)


def _owner(drafts: list[Draft], sentence: int) -> Draft | None:
    before = [d for d in drafts if d.sentence.index <= sentence]
    return before[-1] if before else None


def _apply_attendance(context: Context, drafts: list[Draft]) -> None:
    for attendance in find_attendance(context):
        draft = _owner(drafts, attendance.sentence)
        if draft is None:
            continue
        principal_ids = {id(p) for p, _ in draft.principals}
        for index, (person, span) in enumerate(attendance.people):
            if id(person) in principal_ids or any(a[0] is person for a in draft.attendees):
                continue
            if person.country is None:
                sides = [p.country for p, _ in draft.principals]
                home = context.home_country if context.home_country in sides else None
                person.country = attendance.side_of(index) or home or sides[0]
                person.country_rank = 6
            draft.attendees.append((person, span, None))


def _apply_requests(context: Context, drafts: list[Draft]) -> None:
    calls = [d for d in drafts if d.trigger.kind != "meeting"]
    if not calls:
        return
    for sentence in context.doc.sentences:
        for request in find_requests(sentence.text, sentence.start, sentence.index, context.people):
            owner = None if sentence.headline else _owner(calls, sentence.index)
            draft = owner or calls[0]
            _set_request(draft, request)


def _set_request(draft: Draft, request: Request) -> None:
    if request.side is not None:
        if "initiated_by_explicit" not in draft.evidence:
            person = draft.principals[-1 if request.side == "latter" else 0][0]
            draft.initiated_by = person.country
            draft.evidence["initiated_by"] = [request.span]
            draft.evidence["initiated_by_explicit"] = [request.span]
        return
    if request.other_side:
        if draft.initiated_by is not None:
            return
        subject = draft.principals[0][0]
        others = [p for p, _ in draft.principals if p.country != subject.country]
        if others:
            draft.initiated_by = others[0].country
            draft.evidence["initiated_by"] = [request.span]
        return
    countries = {p.country for p, _ in draft.principals}
    if request.country in countries and "initiated_by_explicit" not in draft.evidence:
        draft.initiated_by = request.country
        draft.evidence["initiated_by"] = [request.span]
        draft.evidence["initiated_by_explicit"] = [request.span]


_MEDIUM_AFTER = re.compile(
    r"\b(?:during|in|over)\s+the\s+(?P<m>(?:tele)?phone|video)\s*(?:call|conversation|talks?|"
    r"conference|link)\b|\b(?:on|over|by)\s+the\s+(?P<n>(?:tele)?phone)\b",
    re.I,
)
"""'... were discussed during the phone conversation': the medium of a meeting told before."""
_PLAIN_WORDS = frozenset({"held", "noun_with", "spoke"})


def _medium_told_after(context: Context, drafts: list[Draft]) -> None:
    """A discussion reported without its medium is a call when the next sentences, before
    any other meeting is reported, say it took place by phone or video."""
    starts = sorted(d.sentence.index for d in drafts)
    for draft in drafts:
        if draft.trigger.kind != "meeting" or draft.trigger.label not in _PLAIN_WORDS:
            continue
        if re.search(
            r"\bmeet|\bvisit|\btalks\b", context.doc.text[draft.trigger.start : draft.trigger.end]
        ):
            continue
        later = [i for i in starts if i > draft.sentence.index]
        end = min(later[0] if later else len(context.doc.sentences), draft.sentence.index + 4)
        for sentence in context.doc.sentences[draft.sentence.index + 1 : end]:
            found = _MEDIUM_AFTER.search(sentence.text)
            if found:
                kind = "video_call" if (found.group("m") or "").lower() == "video" else "phone_call"
                span = (sentence.start + found.start(), sentence.start + found.end())
                draft.trigger = replace(draft.trigger, kind=kind, kind_span=span)
                draft.evidence["kind"] = [span]
                break
