"""The world's larger cities, so that a town the curated records do not know is typed a place.

The parser often calls an unfamiliar town a person or a company ("Nyíregyháza had the land", "a plant in Sagamu").
:func:`city_country` says whether a name is a city of at least 100,000 people (1,000,000 in China, whose smaller cities
share their names with companies) or a country's or territory's capital however small, and in which country. The table,
``world-cities.tsv``, is derived from GeoNames (CC BY 4.0, https://www.geonames.org) by
``scripts/build_world_cities.py``; it is read once, on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["city_country", "towns_named_like_countries"]

_TABLE = Path(__file__).with_name("world-cities.tsv")


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, int]]:
    rows: dict[str, tuple[str, int]] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, code, population = line.split("\t")
            rows[name] = (code, int(population))
    return rows


def city_country(name: str) -> str | None:
    """The ISO 3166-1 code of the country of the city called ``name``, or ``None`` when it is no larger city.

    Examples
    --------
    >>> city_country("Nyíregyháza"), city_country("Sao Paulo"), city_country("Lanshan"), city_country("Majuro")
    ('HU', 'BR', None, 'MH')
    """
    row = _cities().get(name)
    return row[0] if row else None


@lru_cache(maxsize=1)
def towns_named_like_countries() -> tuple[str, ...]:
    """The cities of the table whose name holds a country's name and more words ("Andorra la Vella", "Port of Spain",
    "Kuwait City"), longest first: where the text writes one, the country is no mention of its own.

    Examples
    --------
    >>> {"Andorra la Vella", "Port of Spain", "Kuwait City"} <= set(towns_named_like_countries())
    True
    """
    from nevkg.ingest.countries import COUNTRIES

    rx = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(COUNTRIES, key=len, reverse=True)) + r")\b")
    return tuple(sorted((n for n in _cities() if " " in n and rx.search(n) and n not in COUNTRIES), key=len,
                        reverse=True))
