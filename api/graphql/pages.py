"""Connections: pages of meetings and people with cursors, in the Relay shape.

`totalCount` costs one count statement, so it is computed only when the query selects it.
"""

from __future__ import annotations

from collections.abc import Iterable

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from api.filters import Cursor, MeetingOrder
from api.graphql.context import Info
from api.graphql.inputs import MeetingFilterInput, page_request, resolved_filter
from api.graphql.types import Meeting, Person, present

__all__ = [
    "MeetingConnection",
    "MeetingEdge",
    "PageInfo",
    "PersonConnection",
    "meeting_connection",
    "selects",
]


@strawberry.type(description="Where a page ends and whether another follows.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when a next page exists.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last item: pass it as `after` for the next page."
    )


@strawberry.type(description="A meeting and the cursor just after it.")
class MeetingEdge:
    cursor: str = strawberry.field(description="Pass as `after` to continue after this meeting.")
    node: Meeting = strawberry.field(description="The meeting.")


@strawberry.type(description="One page of meetings.")
class MeetingConnection:
    total_count: int | None = strawberry.field(
        description="How many meetings the whole selection holds (one extra count query)."
    )
    page_info: PageInfo = strawberry.field(description="Where this page ends.")
    nodes: list[Meeting] = strawberry.field(description="The meetings of this page, in order.")
    order: strawberry.Private[MeetingOrder]

    @strawberry.field(description="The meetings of this page with their cursors.")
    def edges(self) -> list[MeetingEdge]:
        return [
            MeetingEdge(
                cursor=Cursor(order=self.order, date=node.date, id=node.id).encode(),
                node=node,
            )
            for node in self.nodes
        ]


@strawberry.type(description="One page of people, ordered by id.")
class PersonConnection:
    page_info: PageInfo = strawberry.field(description="Where this page ends.")
    nodes: list[Person] = strawberry.field(description="The people of this page, in order.")


async def meeting_connection(
    info: Info,
    given: MeetingFilterInput | None,
    order: MeetingOrder | None,
    first: int,
    after: str | None,
    person: str | None = None,
) -> MeetingConnection:
    """A page of the meetings `given` selects (met by `person`, when set)."""
    selection = await resolved_filter(info.context.repository, given)
    if person is not None:
        selection = selection.model_copy(update={"person": [*selection.person, person]})
    page = page_request(order, first, after, with_total=selects(info, "totalCount"))
    result = await run_in_threadpool(info.context.repository.list_meetings, selection, page)
    last = result.items[-1] if result.items else None
    end = None if last is None else Cursor(order=page.order, date=last.date, id=last.id).encode()
    return MeetingConnection(
        total_count=result.total,
        page_info=PageInfo(has_next_page=result.next_cursor is not None, end_cursor=end),
        nodes=present(result.items),
        order=page.order,
    )


def selects(info: Info, name: str) -> bool:
    """True when the current field's selection asks for the field `name` (one level down)."""
    return any(_has_field(field.selections, name) for field in info.selected_fields)


def _has_field(selections: Iterable[Selection], name: str) -> bool:
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name == name:
                return True
        elif isinstance(selection, FragmentSpread | InlineFragment) and _has_field(
            selection.selections, name
        ):
            return True
    return False
