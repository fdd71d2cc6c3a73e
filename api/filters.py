"""Which meetings: `MeetingFilter`, the order of a listing, and keyset cursors.

`MeetingFilter` is the one description of a selection. GraphQL arguments, REST query
parameters, CLI options and export requests all parse into it; only the repository turns
it into SQL. Within one field a list means *any of* (kind, setting, topic); `person` and
`country` mean *all of*, so `person=[a, b]` selects the meetings between a and b.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from enum import StrEnum
from typing import Annotated, Self

import orjson
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from api.errors import InvalidInput
from api.models import CountryCode, MeetingKind, Setting

__all__ = [
    "MAX_PAGE_SIZE",
    "MAX_TERMS",
    "Cursor",
    "MeetingFilter",
    "MeetingOrder",
    "PageRequest",
    "decode_token",
    "encode_token",
    "filter_query",
]

MAX_PAGE_SIZE = 100
MAX_TERMS = 20
"""At most this many values in one list of a filter (e.g. 20 countries)."""


def _printable(value: str) -> str:
    if any(ord(ch) < 32 for ch in value):
        raise ValueError(f"{value!r} contains a control character; remove it")
    return value


_Term = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_printable),
]


class MeetingFilter(BaseModel):
    """A selection of meetings; every field is optional and fields combine with AND."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date_from: dt.date | None = Field(default=None, description="On or after this date.")
    date_to: dt.date | None = Field(default=None, description="On or before this date.")
    person: list[_Term] = Field(
        default_factory=list,
        max_length=MAX_TERMS,
        description="Person id or any known spelling of the name; all listed took part.",
    )
    country: list[CountryCode] = Field(
        default_factory=list,
        max_length=MAX_TERMS,
        description="ISO alpha-2 code; a participant from each listed country took part.",
    )
    kind: list[MeetingKind] = Field(
        default_factory=list, max_length=MAX_TERMS, description="Any of these formats."
    )
    setting: list[Setting] = Field(
        default_factory=list, max_length=MAX_TERMS, description="Any of these settings."
    )
    topic: list[_Term] = Field(
        default_factory=list, max_length=MAX_TERMS, description="Any of these topic ids."
    )
    occasion: _Term | None = Field(
        default=None, description="Occasion label, case-insensitive, e.g. 'SCO summit'."
    )
    q: _Term | None = Field(
        default=None, description="Words to find in the summary, statements, occasion or place."
    )
    synthetic: bool | None = Field(
        default=None, description="True: only generated data; false: only real records."
    )

    @model_validator(mode="after")
    def _ordered_dates(self) -> Self:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(
                f"date_from {self.date_from.isoformat()} is after date_to "
                f"{self.date_to.isoformat()}; swap them"
            )
        return self


class MeetingOrder(StrEnum):
    """Order of a meeting listing: `-date` (newest first, the default) or `date`."""

    DATE_DESC = "-date"
    DATE_ASC = "date"


class Cursor(BaseModel):
    """Position after the last meeting of a page: the key of that meeting and the order.

    On the wire it is opaque (URL-safe base64). Keyset positions stay valid while rows are
    inserted: a page never repeats or skips a meeting that existed when paging began.
    """

    model_config = ConfigDict(frozen=True)

    order: MeetingOrder
    date: dt.date
    id: str

    def encode(self) -> str:
        """The opaque string form."""
        return encode_token([self.order.value, self.date.isoformat(), self.id])

    @classmethod
    def decode(cls, token: str, order: MeetingOrder) -> Self:
        """Parse a cursor made by `encode` for the same order; `InvalidInput` otherwise."""
        try:
            order_value, date_value, meeting_id = decode_token(token)
            cursor = cls(order=order_value, date=dt.date.fromisoformat(date_value), id=meeting_id)
        except (ValueError, TypeError) as error:
            raise _bad_cursor(token) from error
        if cursor.order is not order:
            raise InvalidInput(
                f"cursor {token!r} was made for order {cursor.order.value!r}, "
                f"not {order.value!r}; restart without a cursor"
            )
        return cursor


class PageRequest(BaseModel):
    """One page of a listing: order, size and where to start."""

    model_config = ConfigDict(frozen=True)

    order: MeetingOrder = MeetingOrder.DATE_DESC
    limit: int = Field(default=20, ge=1, le=MAX_PAGE_SIZE)
    after: str | None = Field(default=None, description="A cursor from a previous page.")
    with_total: bool = Field(default=False, description="Also count the whole selection.")

    def cursor(self) -> Cursor | None:
        """The decoded `after` cursor, if any."""
        return None if self.after is None else Cursor.decode(self.after, self.order)


def encode_token(values: list[str]) -> str:
    """An opaque, URL-safe page token holding `values`."""
    return base64.urlsafe_b64encode(orjson.dumps(values)).decode().rstrip("=")


def decode_token(token: str) -> list[str]:
    """The values of a token made by `encode_token`; `InvalidInput` for anything else."""
    try:
        values = orjson.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError) as error:
        raise _bad_cursor(token) from error
    if not isinstance(values, list) or not all(
        isinstance(v, str) and "\x00" not in v for v in values
    ):
        raise _bad_cursor(token)
    return values


def _bad_cursor(token: str) -> InvalidInput:
    return InvalidInput(
        f"invalid cursor {token!r}; pass the next_cursor of a previous page unchanged"
    )


def filter_query(selection: MeetingFilter) -> list[tuple[str, str]]:
    """The selection as URL query parameters (repeated keys for lists), defaults left out."""
    params: list[tuple[str, str]] = []
    for name, value in selection.model_dump(mode="json", exclude_defaults=True).items():
        values = value if isinstance(value, list) else [value]
        params.extend((name, str(v).lower() if isinstance(v, bool) else str(v)) for v in values)
    return params
