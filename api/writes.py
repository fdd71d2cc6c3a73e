"""What the faces share for writes: a readout as a request gives it, and request hashes.

REST (`POST /api/v1/readouts`) and GraphQL (`ingestReadout`) validate a readout with the
same model, then call `api.ingest.ingest_readouts` with the writer's token name.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from api.errors import InvalidInput
from api.ids import Text
from api.ingest import Once, Readout

__all__ = ["ReadoutRequest", "once", "readout_of", "to_readout"]

MAX_KEY_LENGTH = 200


class ReadoutRequest(BaseModel):
    """A readout sent for ingest: its text and published date, and optional source fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text = Field(min_length=1, description="The readout's text, as published.")
    published: dt.date = Field(description="When it was published (YYYY-MM-DD).")
    publisher: Text | None = Field(default=None, min_length=1, max_length=200)
    url: Text | None = Field(default=None, min_length=1, max_length=2000)
    headline: Text | None = Field(default=None, min_length=1, max_length=500)


def readout_of(data: object) -> ReadoutRequest:
    """`data` (parsed JSON or form fields) as a readout; `InvalidInput` naming the fields."""
    try:
        request = ReadoutRequest.model_validate(data)
    except ValidationError as error:
        hint = "send {text, published, publisher?, url?, headline?}"
        raise InvalidInput.from_validation(error, hint=hint) from None
    return request


def to_readout(request: ReadoutRequest) -> Readout:
    """The readout `api.ingest` takes; its document is named by the text's hash."""
    digest = hashlib.sha256(request.text.encode()).hexdigest()
    return Readout(
        document=f"http-{digest[:12]}",
        text=request.text,
        published=request.published,
        publisher=request.publisher,
        headline=request.headline,
        url=request.url,
    )


def once(key: str | None, what: str, request: BaseModel) -> Once | None:
    """The idempotency of a write with `key` (an `Idempotency-Key`); None without one."""
    if key is None:
        return None
    if not key.strip() or len(key) > MAX_KEY_LENGTH:
        raise InvalidInput(
            f"Idempotency-Key {key[:MAX_KEY_LENGTH]!r} cannot be used; give 1 to "
            f"{MAX_KEY_LENGTH} characters (a UUID, say)"
        )
    body = orjson.dumps([what, request.model_dump(mode="json")], option=orjson.OPT_SORT_KEYS)
    return Once(key=key.strip(), request_hash=hashlib.sha256(body).hexdigest())
