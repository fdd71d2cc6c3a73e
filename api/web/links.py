"""The page's URL is its state: links that add or remove a filter, page, download, or call
the APIs with exactly the selection on screen.

A state is the list of query parameters as given (empty form fields dropped), in the
names of `/api/v1/meetings`; every link is that list with one change, so a filter the
page has no control for (any field `MeetingFilter` grows) is still kept and shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from api.filters import MeetingFilter, MeetingOrder
from api.params import FILTER_PARAMS

__all__ = [
    "API_MEETINGS",
    "Chip",
    "State",
    "graphql_query",
]

API_MEETINGS = "/api/v1/meetings"

_PAGING = ("order", "limit", "cursor")


@dataclass(frozen=True)
class Chip:
    """An active filter value and the link that removes it."""

    name: str
    value: str
    label: str
    remove: str


class State:
    """The query parameters of a meetings page and the links made from them."""

    def __init__(self, params: QueryParams) -> None:
        self.items: list[tuple[str, str]] = [
            (k, v.strip()) for k, v in params.multi_items() if v.strip()
        ]
        self._bases: dict[bool, str] = {}

    def params(self) -> QueryParams:
        """The parameters to parse (empty form fields dropped)."""
        return QueryParams(self.items)

    def filters(self) -> list[tuple[str, str]]:
        """The filter parameters only, as given."""
        return [(k, v) for k, v in self.items if k in FILTER_PARAMS]

    def has(self, name: str, value: str) -> bool:
        """Whether `name=value` is one of the filters."""
        return (name, value) in self.items

    def first(self, name: str) -> str:
        """The first value of `name`, or ''."""
        return next((v for k, v in self.items if k == name), "")

    def url(self, items: Iterable[tuple[str, str]], path: str = "/") -> str:
        """`path` with `items` as its query string."""
        query = urlencode(list(items))
        return f"{path}?{query}" if query else path

    def _filters_and_order(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.items if k != "cursor"]

    def adding(self, name: str, value: str) -> str:
        """This page with `name=value` added (back to the first page)."""
        return self.url([*self._filters_and_order(), (name, value)])

    def removing(self, name: str, value: str) -> str:
        """This page without `name=value` (back to the first page)."""
        return self.url(i for i in self._filters_and_order() if i != (name, value))

    def toggling(self, name: str, value: str) -> str:
        """Removes `name=value` when present, adds it otherwise."""
        return self.removing(name, value) if self.has(name, value) else self.adding(name, value)

    def year(self, year: int, kind: str | None = None) -> str:
        """This selection within one year (and of one kind, if given)."""
        dates = f"date_from={year}-01-01&date_to={year}-12-31"
        if kind is None or self.has("kind", kind):
            base = self._year_base(keep_kinds=True)
            return f"/?{base}&{dates}" if base else f"/?{dates}"
        base = self._year_base(keep_kinds=False)
        return f"/?{base}&{dates}&kind={kind}" if base else f"/?{dates}&kind={kind}"

    def _year_base(self, keep_kinds: bool) -> str:
        """The encoded parameters a year link keeps (built once: a chart has many)."""
        cached = self._bases.get(keep_kinds)
        if cached is None:
            dropped = {"date_from", "date_to"} if keep_kinds else {"date_from", "date_to", "kind"}
            cached = urlencode([i for i in self._filters_and_order() if i[0] not in dropped])
            self._bases[keep_kinds] = cached
        return cached

    def at(self, cursor: str | None) -> str:
        """This selection at another page (`None`: the first)."""
        kept = self._filters_and_order()
        return self.url([*kept, ("cursor", cursor)] if cursor else kept)

    def chips(self) -> list[Chip]:
        """One chip per filter value, labelled with `_label`."""
        return [
            Chip(name=k, value=v, label=_label(k, v), remove=self.removing(k, v))
            for k, v in self.filters()
        ]

    def download(self, exporter: str) -> str:
        """The REST download of this selection in `exporter`'s format (paging left out)."""
        return self.url(self.filters(), path=f"{API_MEETINGS}.{exporter}")

    def api(self) -> str:
        """The REST call that answers this very page."""
        return self.url(
            [*self.filters(), *((k, v) for k, v in self.items if k in _PAGING)], API_MEETINGS
        )


def _label(name: str, value: str) -> str:
    return f"{name.replace('_', ' ')}: {value.replace('_', ' ')}"


def graphql_query(selection: MeetingFilter, order: MeetingOrder, first: int) -> str:
    """A GraphQL query asking for the same selection and page size, ready to paste."""
    args = []
    for name, value in selection.model_dump(exclude_defaults=True).items():
        args.append(f"{_camel(name)}: {_graphql_value(value)}")
    filters = f", filter: {{{', '.join(args)}}}" if args else ""
    ordering = "" if order is MeetingOrder.DATE_DESC else ", orderBy: DATE_ASC"
    return (
        "query {\n"
        f"  meetings(first: {first}{ordering}{filters}) {{\n"
        "    totalCount\n"
        "    nodes { id date kind setting participants { person { name } } topics { id } }\n"
        "    pageInfo { hasNextPage endCursor }\n"
        "  }\n"
        "}\n"
    )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _graphql_value(value: object) -> str:
    if isinstance(value, Enum):
        return value.name
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return f'"{value.isoformat()}"'
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "[" + ", ".join(_graphql_value(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return str(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
