"""GraphQL inputs and arguments, and the one conversion of each into the query layer.

`MeetingFilterInput` mirrors `api.filters.MeetingFilter` field for field (a test keeps
them equal); `to_meeting_filter` is the only place that turns one into the other, so
validation and its messages are the filter model's own.
"""

from __future__ import annotations

import datetime as dt

import strawberry
from pydantic import ValidationError

from api import models
from api.errors import InvalidInput, field_errors
from api.filters import MAX_PAGE_SIZE, MeetingFilter, MeetingOrder, PageRequest
from api.graphql import enums as _enums  # noqa: F401  (registers the models' enums)

__all__ = [
    "AFTER",
    "FILTER",
    "FIRST",
    "ORDER",
    "MeetingFilterInput",
    "PeopleFilterInput",
    "page_request",
    "to_meeting_filter",
]

FIRST = f"How many to return: 1 to {MAX_PAGE_SIZE}, 20 by default."
AFTER = "The `endCursor` of the previous page, to continue after it."
FILTER = "Which meetings; every field is optional and fields combine with AND."
ORDER = "DATE_DESC (newest first, the default) or DATE_ASC."


def _doc(name: str) -> str | None:
    return MeetingFilter.model_fields[name].description


@strawberry.input(description=MeetingFilter.__doc__)
class MeetingFilterInput:
    date_from: dt.date | None = strawberry.field(default=None, description=_doc("date_from"))
    date_to: dt.date | None = strawberry.field(default=None, description=_doc("date_to"))
    person: list[str] | None = strawberry.field(default=None, description=_doc("person"))
    country: list[str] | None = strawberry.field(default=None, description=_doc("country"))
    kind: list[models.MeetingKind] | None = strawberry.field(default=None, description=_doc("kind"))
    setting: list[models.Setting] | None = strawberry.field(
        default=None, description=_doc("setting")
    )
    topic: list[str] | None = strawberry.field(default=None, description=_doc("topic"))
    occasion: str | None = strawberry.field(default=None, description=_doc("occasion"))
    q: str | None = strawberry.field(default=None, description=_doc("q"))
    synthetic: bool | None = strawberry.field(default=None, description=_doc("synthetic"))


@strawberry.input(description="A selection of people; fields combine with AND.")
class PeopleFilterInput:
    q: str | None = strawberry.field(
        default=None, description="Part of the name or of any known spelling of it."
    )
    country: str | None = strawberry.field(
        default=None, description="ISO 3166-1 alpha-2 code of the person's country."
    )


def to_meeting_filter(given: MeetingFilterInput | None, person: str | None = None) -> MeetingFilter:
    """The `MeetingFilter` for `given` (plus `person`, if set); `InvalidInput` names the field."""
    values = {
        name: value
        for name in MeetingFilter.model_fields
        if (value := getattr(given, name, None)) is not None
    }
    if person is not None:
        values["person"] = [*values.get("person", []), person]
    try:
        return MeetingFilter.model_validate(values)
    except ValidationError as error:
        errors = field_errors(error, prefix="filter")
        raise InvalidInput("; ".join(f"{e.field}: {e.message}" for e in errors), errors) from None


def page_request(
    order: MeetingOrder | None, first: int, after: str | None, with_total: bool = False
) -> PageRequest:
    """A `PageRequest`; `InvalidInput` when `first` is out of range."""
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise InvalidInput(
            f"first {first} is out of range; ask for 1 to {MAX_PAGE_SIZE} and page on "
            "with `after: pageInfo.endCursor`"
        )
    return PageRequest(
        order=order or MeetingOrder.DATE_DESC, limit=first, after=after, with_total=with_total
    )
