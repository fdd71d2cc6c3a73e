"""Entity tags: the one hash of a representation.

REST answers every resource with `ETag: entity_tag(body)`; curation compares a write's
`If-Match` with `meeting_tag(meeting)`, the tag of the body `GET /meetings/{id}` sends, so
the ETag a client read is the one its conditional write must give back.
"""

from __future__ import annotations

import hashlib

from api.models import Meeting

__all__ = ["entity_tag", "meeting_tag"]


def entity_tag(body: bytes) -> str:
    """A strong entity tag for `body`."""
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def meeting_tag(meeting: Meeting) -> str:
    """The ETag of a meeting's representation (its JSON, as REST serves it)."""
    return entity_tag(meeting.__pydantic_serializer__.to_json(meeting))
