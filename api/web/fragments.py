"""The two parts of the meetings page repeated most: the facet lists and the meeting list.

They are built as strings here (escaped with `html.escape`) rather than in the templates:
a page holds hundreds of facet values, links and meeting lines, and plain string building
keeps the page within a small factor of the API call it shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from markupsafe import Markup

from api.countries import country_name, is_country_code
from api.storage.facets import FacetCounts
from api.web.links import State

__all__ = ["CHECKBOX_FACETS", "facet_fields", "meeting_items"]

CHECKBOX_FACETS = (
    ("kind", "Kind"),
    ("setting", "Setting"),
    ("country", "Participant country"),
    ("person", "Person"),
    ("topic", "Topic"),
)
"""Facets offered as checkboxes of the filter form, with their legends."""


def _label(name: str, key: str, facets: FacetCounts) -> str:
    if name == "country":
        return country_name(key) if is_country_code(key) else key
    if name in {"person", "topic"}:
        return facets.labels.get(key, key)
    return key.replace("_", " ")


def facet_fields(facets: FacetCounts, state: State) -> Markup:
    """The year links, the checkbox facets and the occasion links, as fieldsets."""
    out = ['<fieldset><legend>Year</legend><ul class="facet">']
    for bucket in facets.buckets["year"]:
        href = escape(state.year(int(bucket.key)))
        out.append(
            f'<li><a href="{href}">{bucket.key}</a> <span class="count">{bucket.count}</span></li>'
        )
    out.append("</ul></fieldset>")
    for name, legend in CHECKBOX_FACETS:
        out.append(f'<fieldset><legend>{legend}</legend><ul class="facet">')
        shown = set()
        for number, bucket in enumerate(facets.buckets[name], start=1):
            shown.add(bucket.key)
            key = escape(bucket.key)
            checked = " checked" if state.has(name, bucket.key) else ""
            label = escape(_label(name, bucket.key, facets))
            out.append(
                f'<li><input type="checkbox" id="f-{name}-{number}" name="{name}" '
                f'value="{key}"{checked}><label for="f-{name}-{number}">{label} '
                f'<span class="count">{bucket.count}</span></label></li>'
            )
        for number, (given, value) in enumerate(state.filters(), start=1):
            if given == name and value not in shown:  # chosen, but not among the top values
                out.append(
                    f'<li><input type="checkbox" id="f-{name}-x{number}" name="{name}" '
                    f'value="{escape(value)}" checked><label for="f-{name}-x{number}">'
                    f"{escape(value)}</label></li>"
                )
        out.append("</ul></fieldset>")
    out.append('<fieldset><legend>Occasion</legend><ul class="facet">')
    for bucket in facets.buckets["occasion"]:
        href = escape(state.toggling("occasion", bucket.key))
        out.append(
            f'<li><a href="{href}">{escape(bucket.key)}</a> '
            f'<span class="count">{bucket.count}</span></li>'
        )
    out.append("</ul></fieldset>")
    return Markup("".join(out))


def _words(value: Any) -> str:
    return str(getattr(value, "value", value)).replace("_", " ")


def meeting_items(meetings: Iterable[Mapping[str, Any]]) -> Markup:
    """A list of meeting briefs (dicts shaped like `MeetingBrief`): date and kind linking
    to the meeting, principals linking to their pages, setting, place, summary."""
    out = ['<ol class="meetings">']
    for m in meetings:
        day = m["date"].isoformat() if hasattr(m["date"], "isoformat") else str(m["date"])
        who = []
        for p in m["participants"]:
            if str(getattr(p["role"], "value", p["role"])) != "principal":
                continue
            person = p["person"]
            text = f'<a href="/people/{escape(person["id"])}">{escape(person["name"])}</a>'
            if p["country_code"]:
                code = escape(p["country_code"])
                text += f' (<a href="/countries/{code}">{code}</a>)'
            who.append(text)
        meta = [_words(m["setting"])]
        if m["location"]["city"]:
            meta.append(escape(m["location"]["city"]))
        if m["occasion"]:
            meta.append(escape(m["occasion"]))
        if m["synthetic"]:
            meta.append('<span class="tag">synthetic</span>')
        summary = f'<p class="summary">{escape(m["summary"])}</p>' if m["summary"] else ""
        out.append(
            f'<li><h3><a href="/meetings/{escape(m["id"])}">{day} · {_words(m["kind"])}</a></h3>'
            f'<p class="who">{" · ".join(who)}</p><p class="meta">{" · ".join(meta)}</p>'
            f"{summary}</li>"
        )
    out.append("</ol>")
    return Markup("".join(out))
