"""Offline, rule-based extraction of meetings from readout texts.

`extract(text, published)` returns candidate meetings, each field with the character
spans of its evidence; `to_corpus` and `to_domain` give them the annotation format and
the domain model. No network, no model downloads: rules, tables and pycountry.
"""

from __future__ import annotations

from api.extract.convert import meeting_id, to_corpus, to_domain
from api.extract.meetings import extract
from api.extract.model import Evidence, ExtractedMeeting, ExtractedParticipant

__all__ = [
    "Evidence",
    "ExtractedMeeting",
    "ExtractedParticipant",
    "extract",
    "meeting_id",
    "to_corpus",
    "to_domain",
]
