"""ISO 3166-1 countries, from pycountry (a maintained copy of the ISO tables).

`resolve_country` turns what people type into a code: a code (alpha-2 or alpha-3), an
English, official or common name, or a common short form ('UK', 'South Korea'); anything
else is an `InvalidInput` with the nearest names as candidates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pycountry

from api.errors import FieldError, InvalidInput
from api.names import name_key
from api.suggestions import candidates, nearest, suggest

__all__ = ["Country", "all_countries", "country_name", "is_country_code", "resolve_country"]


@dataclass(frozen=True, slots=True)
class Country:
    """One country: its alpha-2 code and common English name."""

    code: str
    name: str


@cache
def _by_code() -> dict[str, Country]:
    countries = {}
    for entry in pycountry.countries:
        name = getattr(entry, "common_name", None) or entry.name
        countries[entry.alpha_2] = Country(code=entry.alpha_2, name=name)
    return countries


def all_countries() -> list[Country]:
    """Every ISO 3166-1 country, ordered by code."""
    return sorted(_by_code().values(), key=lambda country: country.code)


def is_country_code(code: str) -> bool:
    """True when `code` is an ISO 3166-1 alpha-2 code (upper case)."""
    return code in _by_code()


def country_name(code: str) -> str:
    """The English name of the country with alpha-2 `code`; KeyError when unknown."""
    return _by_code()[code].name


def resolve_country(term: str, field: str = "country") -> str:
    """The ISO 3166-1 alpha-2 code `term` names: a code (alpha-2 or alpha-3, any case), an
    English name or a common short form ('Pakistan', 'PAK', 'South Korea', 'UK')."""
    names = _country_index()
    code = names.get(name_key(term))
    if code is not None:
        return code
    near = candidates(nearest(name_key(term), _names()), _names())
    raise InvalidInput(
        f"unknown country {term!r} in {field}; "
        + suggest(near, "give an ISO 3166-1 alpha-2 code such as CN or PK, or a name"),
        [FieldError(field, "unknown country", term, near)],
    )


_SHORT_FORMS = {
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "usa": "US",
    "us": "US",
    "america": "US",
    "united states of america": "US",
    "russia": "RU",
    "uae": "AE",
    "emirates": "AE",
    "czech republic": "CZ",
    "turkey": "TR",
    "ivory coast": "CI",
    "vatican": "VA",
    "burma": "MM",
    "east timor": "TL",
    "swaziland": "SZ",
    "macedonia": "MK",
    "holland": "NL",
    "drc": "CD",
    "prc": "CN",
    "peoples republic of china": "CN",
    "brunei": "BN",
}


@cache
def _country_index() -> dict[str, str]:
    """Name key → alpha-2 for codes, names, official and common names, short forms."""
    index: dict[str, str] = {}
    for c in pycountry.countries:
        for form in (c.alpha_2, c.alpha_3, c.name, *_optional(c, "common_name", "official_name")):
            index.setdefault(name_key(form), c.alpha_2)
    for c in pycountry.countries:  # "Iran, Islamic Republic of" → "Iran", unless taken
        for sep in (",", "("):
            if sep in c.name:
                index.setdefault(name_key(c.name.split(sep)[0]), c.alpha_2)
    for form, code in _SHORT_FORMS.items():
        index.setdefault(form, code)
    return index


def _optional(entry: object, *names: str) -> Iterable[str]:
    return [value for name in names if (value := getattr(entry, name, None))]


def _names() -> dict[str, str]:
    return {code: country.name for code, country in _by_code().items()}
