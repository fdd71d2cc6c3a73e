"""The medium a later sentence gives talks just reported: 'The talks were held via video
conference.' makes the talks of the sentence before a video call."""

from __future__ import annotations

import re
from dataclasses import replace

from api.extract.context import Context
from api.extract.kinds import Trigger
from api.extract.text import Sentence

__all__ = ["medium_told_next"]

_MEDIUM_NEXT = re.compile(
    r"\s*(?:The|Their|These|This)\s+(?:talks|meeting|discussions?|conversation|exchange)\s+"
    r"(?:was|were)\s+(?:held|conducted)\s+(?:via|by|over|through|on)\s+(?:an?\s+)?"
    r"(?:(?P<video>video|virtual)|(?:tele)?phone)",
    re.IGNORECASE,
)
"""'The talks were held via video conference.': the medium of talks just reported."""


def medium_told_next(context: Context, sentence: Sentence, trigger: Trigger) -> Trigger:
    """The trigger with the medium the next sentence gives its in-person talks, if any."""
    sentences = context.doc.sentences
    if trigger.kind != "meeting" or sentence.index + 1 >= len(sentences):
        return trigger
    following = sentences[sentence.index + 1]
    told = _MEDIUM_NEXT.match(following.text)
    if told is None:
        return trigger
    kind = "video_call" if told.group("video") else "phone_call"
    span = (following.start + told.start(), following.start + told.end())
    return replace(trigger, kind=kind, kind_span=span)
