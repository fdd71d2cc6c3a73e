"""GraphQL inputs and arguments, and the one conversion of each into the query layer.

`MeetingFilterInput` mirrors `api.filters.MeetingFilter` field for field (a test keeps
them equal); `to_meeting_filter` is the only place that turns one into the other, so
validation and its messages are the filter model's own.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from typing import Annotated, Any

import strawberry
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from api import models
from api.errors import InvalidInput, Spelling
from api.filters import (
    MAX_PAGE_SIZE,
    MeetingFilter,
    MeetingOrder,
    PageRequest,
    PeopleFilter,
    PeoplePage,
)
from api.graphql import enums as _enums  # noqa: F401  (registers the models' enums)
from api.resolve import Directory, resolve_filter

__all__ = [
    "AFTER",
    "FILTER",
    "FIRST",
    "ORDER",
    "AfterArgument",
    "FilterArgument",
    "FirstArgument",
    "MeetingFilterInput",
    "OrderArgument",
    "PeopleFilterInput",
    "SyntheticChoice",
    "page_request",
    "people_request",
    "resolved_filter",
    "to_meeting_filter",
]

FIRST = f"How many to return: 1 to {MAX_PAGE_SIZE}, 20 by default."
AFTER = "The `endCursor` of the previous page, to continue after it."
FILTER = "Which meetings; every field is optional and fields combine with AND."
ORDER = "DATE_DESC (newest first, the default) or DATE_ASC."


def _filter_field(field: str) -> str:
    head, *rest = field.split("_")
    return "filter." + head + "".join(part.title() for part in rest)


_FILTER = Spelling(label=_filter_field, field=_filter_field)
"""Filter fields as the GraphQL input names them: `filter.dateFrom`."""


def _doc(name: str) -> str | None:
    return MeetingFilter.model_fields[name].description


@strawberry.enum(description="Which meetings by origin: real records, generated ones, or both.")
class SyntheticChoice(Enum):
    EXCLUDE = strawberry.enum_value(False, description="Real records only (the default).")
    ONLY = strawberry.enum_value(True, description="Generated (synthetic) meetings only.")
    ANY = strawberry.enum_value("any", description="Both.")


@strawberry.input(description=MeetingFilter.__doc__)
class MeetingFilterInput:
    date_from: str | None = strawberry.field(
        default=None, description=f"{_doc('date_from')} YYYY-MM-DD, YYYY-MM or YYYY."
    )
    date_to: str | None = strawberry.field(
        default=None, description=f"{_doc('date_to')} YYYY-MM-DD, YYYY-MM or YYYY."
    )
    person: list[str] | None = strawberry.field(default=None, description=_doc("person"))
    country: list[str] | None = strawberry.field(default=None, description=_doc("country"))
    held_in: list[str] | None = strawberry.field(default=None, description=_doc("held_in"))
    city: list[str] | None = strawberry.field(default=None, description=_doc("city"))
    kind: list[models.MeetingKind] | None = strawberry.field(default=None, description=_doc("kind"))
    setting: list[models.Setting] | None = strawberry.field(
        default=None, description=_doc("setting")
    )
    topic: list[str] | None = strawberry.field(default=None, description=_doc("topic"))
    occasion: str | None = strawberry.field(default=None, description=_doc("occasion"))
    q: str | None = strawberry.field(default=None, description=_doc("q"))
    synthetic: SyntheticChoice | None = strawberry.field(
        default=None, description="EXCLUDE (the default): real records only; ONLY; or ANY."
    )
    updated_since: str | None = strawberry.field(default=None, description=_doc("updated_since"))


@strawberry.input(description=PeopleFilter.__doc__)
class PeopleFilterInput:
    q: str | None = strawberry.field(
        default=None, description=PeopleFilter.model_fields["q"].description
    )
    country: str | None = strawberry.field(
        default=None, description=PeopleFilter.model_fields["country"].description
    )


FilterArgument = Annotated[MeetingFilterInput | None, strawberry.argument(description=FILTER)]
"""The `filter` argument of a field that lists or counts meetings."""
OrderArgument = Annotated[MeetingOrder | None, strawberry.argument(description=ORDER)]
FirstArgument = Annotated[int, strawberry.argument(description=FIRST)]
AfterArgument = Annotated[str | None, strawberry.argument(description=AFTER)]


def to_meeting_filter(given: MeetingFilterInput | None, person: str | None = None) -> MeetingFilter:
    """The `MeetingFilter` for `given` (plus `person`, if set); `InvalidInput` names the field."""
    values: dict[str, Any] = {
        name: value.value if isinstance(value, SyntheticChoice) else value
        for name in MeetingFilter.model_fields
        if (value := getattr(given, name, None)) is not None
    }
    if person is not None:
        values["person"] = [*values.get("person", []), person]
    try:
        return MeetingFilter.model_validate(values)
    except ValidationError as error:
        raise InvalidInput.from_validation(error, _FILTER) from None
    except InvalidInput as error:  # a country no name or code matches
        raise _in_filter(error) from None


def _in_filter(error: InvalidInput) -> InvalidInput:
    """`error` with its fields named as in the GraphQL input (`filter.country`)."""
    errors = [replace(e, field=_filter_field(e.field)) for e in error.errors]
    head = f"{errors[0].field}: " if errors else ""
    return InvalidInput(head + error.detail, errors)


async def resolved_filter(
    directory: Directory, given: MeetingFilterInput | None, person: str | None = None
) -> MeetingFilter:
    """`to_meeting_filter`, then names resolved to ids (`api.resolve`) off the event loop."""
    selection = to_meeting_filter(given, person)
    try:
        return await run_in_threadpool(resolve_filter, selection, directory)
    except InvalidInput as error:
        raise _in_filter(error) from None


def page_request(
    order: MeetingOrder | None, first: int, after: str | None, with_total: bool = False
) -> PageRequest:
    """A `PageRequest`; `InvalidInput` when `first` is out of range."""
    _check_first(first)
    return PageRequest(
        order=order or MeetingOrder.DATE_DESC, limit=first, after=after, with_total=with_total
    )


def people_request(
    given: PeopleFilterInput | None, first: int, after: str | None
) -> tuple[PeopleFilter, PeoplePage]:
    """The `PeopleFilter` and `PeoplePage` of a `people` query; `InvalidInput` names the
    argument (`filter.country`, `first`, `after`)."""
    _check_first(first)
    values = {name: getattr(given, name) for name in PeopleFilter.model_fields} if given else {}
    try:
        selection = PeopleFilter.model_validate({k: v for k, v in values.items() if v is not None})
        return selection, PeoplePage(limit=first, after=after)
    except ValidationError as error:
        raise InvalidInput.from_validation(error, _FILTER) from None
    except InvalidInput as error:  # a country no name or code matches
        raise _in_filter(error) from None


def _check_first(first: int) -> None:
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise InvalidInput(
            f"first {first} is out of range; ask for 1 to {MAX_PAGE_SIZE} and page on "
            "with `after: pageInfo.endCursor`"
        )
