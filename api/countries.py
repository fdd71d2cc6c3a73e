"""ISO 3166-1 countries, from pycountry (a maintained copy of the ISO tables)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry

__all__ = ["Country", "all_countries", "country_name", "is_country_code"]


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
