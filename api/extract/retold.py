"""Days told around a report: the day something was said, and the day a retelling gives.

'X and Y have held talks, the ministry said Friday. The two ministers met in Lima on
Thursday.': Friday is when the ministry spoke; Thursday, told by the next sentence, is
the day of the meeting.
"""

from __future__ import annotations

import datetime as dt
import re

from api.extract.context import Context
from api.extract.dates import DateMention, find_dates
from api.extract.kinds import Trigger, find_triggers
from api.extract.text import Sentence

__all__ = ["dated_retelling", "is_day_said"]

_SAID = re.compile(
    r"\b(?:said|says|announced|reported|stated|confirmed|told\s+reporters)\s+(?:on\s+)?$", re.I
)


def is_day_said(text: str, mention: DateMention) -> bool:
    """True when `mention` dates a statement ('the ministry said Friday'), not an event."""
    return _SAID.search(text, max(0, mention.start - 30), mention.start) is not None


def dated_retelling(
    context: Context, sentence: Sentence, trigger: Trigger, reference: dt.date | None
) -> DateMention | None:  # fmt: skip
    """The day one of the next two sentences of the item gives the same contact, when it
    reports one of the same kind without naming anyone ('The top diplomats of the two
    nations held a meeting in Lima on Thursday')."""
    item = context.item_start(sentence.start)
    for other in context.doc.sentences[sentence.index + 1 : sentence.index + 3]:
        if other.headline or context.item_start(other.start) != item:
            break
        if context.refs.get(other.index):
            continue  # a sentence naming people reports its own contact
        told = find_triggers(other.text, other.start)
        if not told or told[0].kind != trigger.kind:
            continue
        days = [
            m
            for m in find_dates(other.text, other.start, reference)
            if m.date is not None and not m.vague and not is_day_said(context.doc.text, m)
        ]
        if days:
            return days[0]
    return None
