"""Synthetic curated records whose entity graph is large: organisations, places, people and the facts between them.

The analytics (``rank``, ``path``, ``communities``…) run on the entity projection, which leaves statistics tables
out (their rows are figures, not ties), so a trade table of a million triples projects to almost nothing. To
measure the analytics at scale this writes curated records in the shipped layout (``organizations.yaml``,
``places.yaml``, ``partnerships.yaml``, ``sites.yaml``, ``market_presence.yaml``, ``people.yaml``,
``roles.yaml``, ``sources.yaml``), loaded by the same loader and validated by the same shapes as the shipped
records, with the mix of the shipped graph (per organisation: about one market presence, a production site, a
role, a tenth of a partnership) and the skew of a real ecosystem: who partners, exports and builds is drawn with
Zipf-like weights (a few groups are everywhere, most firms appear once or twice), places are regions, countries
and cities, markets are countries, plants are in cities, every record cites one of a few hundred sources.

:func:`write_records` is deterministic for a given seed and number of organisations; :func:`orgs_for` turns a
target number of quads (with the shipped records) into a number of organisations.
The names are made up (``Org 1234``): never mix them with real data.

Run: ``python bench/analytics_data.py ORGS FOLDER`` writes the folder.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

__all__ = ["write_records", "TRIPLES_PER_ORG", "orgs_for"]

#: quads the records give per organisation (measured: 200 and 2,000 organisations built with the shipped records
#: give 22,244 and 111,902 quads)
TRIPLES_PER_ORG = 49.8
#: quads of the shipped records (and the ontology) built with them
SHIPPED_QUADS = 12_300

_ORG_KINDS = ["automaker"] * 5 + ["company", "subsidiary", "technology-company", "mobility-platform",
                                   "brand"]
_ACTIVITIES = ["exports-to", "entered", "delivers-to", "sells-in", "key-destination", "targets-market",
               "opened-deliveries", "core-market"]
_PARTNERSHIPS = ["joint-venture", "strategic-cooperation", "cooperation", "alliance"]
_SITES = ["factory", "plant", "production-base", "parts-factory"]
_TITLES = ["chairman", "chief executive", "president", "vice president", "chief engineer"]


def orgs_for(triples: int) -> int:
    """How many organisations give about ``triples`` quads, built with the shipped records."""
    return max(10, round((triples - SHIPPED_QUADS) / TRIPLES_PER_ORG))


def _dump(path: Path, records: list[dict]) -> None:
    """Records as YAML (a flat subset: strings and lists of strings), written without a YAML library."""
    def scalar(v) -> str:
        return "'" + str(v).replace("'", "''") + "'"

    with path.open("w", encoding="utf-8") as out:
        for rec in records:
            first = True
            for key, value in rec.items():
                text = "[" + ", ".join(scalar(x) for x in value) + "]" if isinstance(value, list) else scalar(value)
                out.write(f"{'- ' if first else '  '}{key}: {text}\n")
                first = False


def _zipf(rng: random.Random, n: int, s: float = 1.1) -> list[float]:
    """Zipf-like weights for n items, shuffled so the popular ones are spread over the id range."""
    w = [1.0 / (i + 1) ** s for i in range(n)]
    rng.shuffle(w)
    return w


def write_records(orgs: int, folder: str | Path, *, seed: int = 7) -> dict[str, int]:
    """Write a folder of synthetic curated records for ``orgs`` organisations; returns the records per file."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    n_regions, n_countries = 12, 180
    n_cities = max(20, orgs // 4)
    n_sources = max(5, min(400, orgs // 50))
    sources = [{"id": "syn-curation", "kind": "curation", "title": "synthetic reference data",
                "publisher": "syn-press-0", "issued": "2026-01-01"}]
    for i in range(n_sources):
        sources.append({"id": f"syn-src-{i}", "kind": "news-article", "title": f"Synthetic article {i}",
                        "publisher": f"syn-press-{i % 20}",
                        "issued": f"20{22 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        "url": f"https://example.org/syn/{i}"})

    def src() -> list[str]:
        return [f"syn-src-{rng.randrange(n_sources)}"]

    places = [{"id": f"syn-region-{i}", "label": f"Region {i}", "kind": "region", "sources": ["syn-curation"]}
              for i in range(n_regions)]
    countries = [f"syn-country-{i}" for i in range(n_countries)]
    for i, c in enumerate(countries):
        places.append({"id": c, "label": f"Country {i}", "kind": "country", "iso_code": f"XQ-{i}",
                       "located_in": [f"syn-region-{i % n_regions}"], "sources": ["syn-curation"]})
    cities = [f"syn-city-{i}" for i in range(n_cities)]
    country_w = _zipf(rng, n_countries, 0.8)
    city_country = rng.choices(countries, country_w, k=n_cities)
    for i, c in enumerate(cities):
        places.append({"id": c, "label": f"City {i}", "kind": "city", "located_in": [city_country[i]],
                       "sources": src()})

    organizations = [{"id": f"syn-press-{i}", "label": f"Press {i}", "kind": "publisher", "sources": ["syn-curation"]}
                     for i in range(20)]
    org_ids = [f"syn-org-{i}" for i in range(orgs)]
    org_w = _zipf(rng, orgs)
    for i, o in enumerate(org_ids):
        rec = {"id": o, "label": f"Org {i}", "kind": rng.choice(_ORG_KINDS),
               "country": rng.choices(countries, country_w)[0], "sources": src()}
        organizations.append(rec)

    presence, sites, partnerships, people, roles = [], [], [], [], []
    for i in range(orgs):
        exporter = rng.choices(org_ids, org_w)[0]
        market = rng.choices(countries, country_w)[0]
        presence.append({"id": f"syn-presence-{i}", "label": f"Presence {i}", "exporter": exporter, "market": market,
                         "activity": rng.choice(_ACTIVITIES), "start": str(2015 + rng.randrange(12)),
                         "sources": src()})
        sites.append({"id": f"syn-site-{i}", "label": f"Site {i}", "kind": rng.choice(_SITES),
                      "operator": [rng.choices(org_ids, org_w)[0]], "place": rng.choice(cities),
                      "status": rng.choice(["operating", "operating", "planned"]), "sources": src()})
        people.append({"id": f"syn-person-{i}", "label": f"Person {i}", "sources": src()})
        roles.append({"id": f"syn-role-{i}", "label": f"Role {i}", "person": f"syn-person-{i}",
                      "organization": org_ids[i] if rng.random() < 0.7 else rng.choices(org_ids, org_w)[0],
                      "title": rng.choice(_TITLES), "as_of": f"20{20 + rng.randrange(6)}-0{1 + rng.randrange(9)}-15",
                      "sources": src()})
        if i % 10 == 0:
            a, b = rng.choices(org_ids, org_w, k=2)
            if a != b:
                partnerships.append({"id": f"syn-partnership-{i}", "label": f"Partnership {i}",
                                     "kind": rng.choice(_PARTNERSHIPS), "partners": [a, b],
                                     "markets": [rng.choices(countries, country_w)[0]],
                                     "start": str(2016 + rng.randrange(10)), "sources": src()})
    files = {"sources.yaml": sources, "places.yaml": places, "organizations.yaml": organizations,
             "market_presence.yaml": presence, "sites.yaml": sites, "people.yaml": people, "roles.yaml": roles,
             "partnerships.yaml": partnerships}
    for name, records in files.items():
        _dump(folder / name, records)
    return {name: len(records) for name, records in files.items()}


if __name__ == "__main__":
    print(write_records(int(sys.argv[1]), sys.argv[2]))
