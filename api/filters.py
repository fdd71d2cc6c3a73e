"""Which meetings and which people: `MeetingFilter`, `PeopleFilter`, pages and cursors.

`MeetingFilter` is the one description of a selection. GraphQL arguments, REST query
parameters, CLI options and export requests all parse into it; only the repository turns
it into SQL. Within one field a list means *any of* (kind, setting, topic, held_in,
city); `person` and `country` mean *all of*, so `person=[a, b]` selects the meetings
between a and b.

Values are read the way people type them: a year or a month is a date (its first day in
`date_from`, its last in `date_to`), a country is a code or a name (`api.countries`), and
person and topic names are resolved to ids by `api.resolve.resolve_filter` before any
page query.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

import orjson
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from api.countries import resolve_country
from api.errors import InvalidInput, clip
from api.filter_fields import description
from api.models import CountryCode, MeetingKind, Setting

__all__ = [
    "MAX_PAGE_SIZE",
    "MAX_TERMS",
    "Cursor",
    "MeetingFilter",
    "MeetingOrder",
    "PageRequest",
    "PeopleFilter",
    "PeoplePage",
    "PersonCursor",
    "Synthetic",
    "change_cursor",
    "change_position",
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


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")  # an ISO 8601 day, or an instant on it

Synthetic = bool | Literal["any"]
"""`False` (the default): real records only; `True`: generated ones only; `"any"`: both."""


def _partial_date(value: Any, last: bool) -> Any:
    """'2021' or '2021-09' as their first (or `last`) day; a day (YYYY-MM-DD) or a date
    object unchanged. Any other text is refused, never read as a number of seconds."""
    if not isinstance(value, str) or _DAY.match(value):
        return value
    if not (match := _PARTIAL_DATE.match(value)):
        raise ValueError(f"{clip(value)!r} is not a date; give YYYY-MM-DD, YYYY-MM or YYYY")
    year, month = int(match[1]), match[2]
    if month is None:
        return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
    number = int(month)
    if not 1 <= number <= 12:
        raise ValueError(f"month {number} does not exist; give YYYY-MM-DD, YYYY-MM or YYYY")
    day = calendar.monthrange(year, number)[1] if last else 1
    return dt.date(year, number, day)


_Term = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_printable),
]


def _one(name: str, default: object = None) -> Any:
    return Field(default=default, description=description(name))


def _many(name: str) -> Any:
    return Field(default_factory=list, max_length=MAX_TERMS, description=description(name))


class MeetingFilter(BaseModel):
    """A selection of meetings; every field is optional and fields combine with AND."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date_from: dt.date | None = _one("date_from")
    date_to: dt.date | None = _one("date_to")
    person: list[_Term] = _many("person")
    country: list[CountryCode] = _many("country")
    held_in: list[CountryCode] = _many("held_in")
    city: list[_Term] = _many("city")
    kind: list[MeetingKind] = _many("kind")
    setting: list[Setting] = _many("setting")
    topic: list[_Term] = _many("topic")
    occasion: _Term | None = _one("occasion")
    q: _Term | None = _one("q")
    synthetic: Synthetic = _one("synthetic", default=False)
    updated_since: dt.datetime | None = _one("updated_since")

    @field_validator("date_from", mode="before")
    @classmethod
    def _first_day(cls, value: Any) -> Any:
        return _partial_date(value, last=False)

    @field_validator("date_to", mode="before")
    @classmethod
    def _last_day(cls, value: Any) -> Any:
        return _partial_date(value, last=True)

    @field_validator("country", "held_in", mode="before")
    @classmethod
    def _country_codes(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return value
        field = info.field_name or "country"
        return [resolve_country(v, field) if isinstance(v, str) else v for v in value]

    @field_validator("updated_since", mode="wrap")
    @classmethod
    def _utc(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> dt.datetime | None:
        """An instant; one without an offset is read as UTC. A number (which pydantic
        would read as seconds since 1970) is refused like any text that is not ISO 8601."""
        try:
            if isinstance(value, int | float) or (
                isinstance(value, str) and not _ISO_START.match(value)
            ):
                raise ValueError(value)
            instant: dt.datetime | None = handler(value)
        except (ValidationError, ValueError):
            raise ValueError(
                "not an instant; give ISO 8601 such as 2021-09-17T08:00:00Z, or a day "
                "YYYY-MM-DD (its start, UTC)"
            ) from None
        if instant is not None and instant.tzinfo is None:
            return instant.replace(tzinfo=dt.UTC)
        return instant

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

    @field_validator("after", mode="before")
    @classmethod
    def _empty_is_first_page(cls, value: object) -> object:
        """An empty cursor (`cursor=`) asks for the first page, as no cursor does."""
        return None if value == "" else value

    def cursor(self) -> Cursor | None:
        """The decoded `after` cursor, if any."""
        return None if self.after is None else Cursor.decode(self.after, self.order)


class PeopleFilter(BaseModel):
    """A selection of people; fields combine with AND."""

    # Both APIs' people listings parse into it; the repository takes it as it is.

    model_config = ConfigDict(extra="forbid", frozen=True)

    q: _Term | None = Field(
        default=None, description="Part of the name or of any known spelling of it."
    )
    country: CountryCode | None = Field(
        default=None,
        description="The person's country: a code (alpha-2 or alpha-3) or a name.",
    )

    @field_validator("country", mode="before")
    @classmethod
    def _country_code(cls, value: Any) -> Any:
        return resolve_country(value) if isinstance(value, str) else value


class PersonCursor(BaseModel):
    """Position after the last person of a page (people are listed by id); opaque on the
    wire, as meeting cursors are."""

    model_config = ConfigDict(frozen=True)

    id: str

    def encode(self) -> str:
        """The opaque string form."""
        return encode_token([self.id])

    @classmethod
    def decode(cls, token: str) -> Self:
        """Parse a cursor made by `encode`; `InvalidInput` otherwise."""
        values = decode_token(token)
        if len(values) != 1:
            raise InvalidInput(
                f"invalid cursor {token!r} for people; pass the next_cursor of a previous "
                "people page unchanged"
            )
        return cls(id=values[0])


class PeoplePage(BaseModel):
    """One page of people: its size and the cursor (decoded) it starts after."""

    model_config = ConfigDict(frozen=True)

    limit: int = Field(default=20, ge=1, le=MAX_PAGE_SIZE)
    after: PersonCursor | None = Field(default=None, description="A cursor from a previous page.")

    @field_validator("after", mode="before")
    @classmethod
    def _decoded(cls, value: object) -> object:
        """An empty cursor asks for the first page; a token is decoded here, once."""
        if value == "":
            return None
        return PersonCursor.decode(value) if isinstance(value, str) else value


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


def change_cursor(seq: int) -> str:
    """The opaque cursor of the changes feed after change `seq`."""
    return encode_token(["changes", str(seq)])


def change_position(token: str | None) -> int:
    """The change a feed cursor from `change_cursor` stands after (0: none, the start);
    `InvalidInput` for anything else."""
    if not token:
        return 0
    values = decode_token(token)
    if len(values) != 2 or values[0] != "changes" or not values[1].isdigit():
        raise _bad_cursor(token)
    return int(values[1])


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
