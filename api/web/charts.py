"""Per-year counts by kind: the chart's data and the table beside it.

The table body is built here rather than in the template: a long span of years makes
hundreds of linked cells, and plain string building keeps the page close to the cost of
the API call it shows.
"""

from __future__ import annotations

from html import escape
from typing import Any

from markupsafe import Markup

from api.models import MeetingKind
from api.storage.facets import FacetCounts
from api.web.links import State

__all__ = ["year_chart"]


def year_chart(facets: FacetCounts, state: State) -> dict[str, Any]:
    """`kinds` (the columns), `cells` (the chart's data) and `body` (the table rows, each
    count a link to the meetings behind it)."""
    kinds = [k.value for k in MeetingKind if any(c[1] == k.value for c in facets.year_kind)]
    rows: dict[int, dict[str, int]] = {}
    for year, kind, count in facets.year_kind:
        rows.setdefault(year, {})[kind] = count
    html: list[str] = []
    for year, counts in sorted(rows.items()):
        html.append(f'<tr><th scope="row">{year}</th>')
        for kind in kinds:
            count = counts.get(kind, 0)
            cell = f'<a href="{escape(state.year(year, kind))}">{count}</a>' if count else "0"
            html.append(f"<td>{cell}</td>")
        html.append(
            f'<td><a href="{escape(state.year(year))}">{sum(counts.values())}</a></td></tr>'
        )
    return {
        "kinds": kinds,
        "cells": [{"year": y, "kind": k, "meetings": n} for y, k, n in facets.year_kind],
        "body": Markup("".join(html)),
    }
