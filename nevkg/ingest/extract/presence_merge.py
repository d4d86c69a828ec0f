"""One market presence said several times is one candidate.

A wire story on exports says "China exports to Russia" in its lede, again with the year's figures and again in its
closing paragraphs; each sentence gave a candidate of its own, so a reviewer met the same fact three times and
accepting them all would put it into the graph three times. :func:`merge_repeated_presence` keeps the first
candidate of each (activity, exporter, market) whose other fields agree, with the evidence spans of all of them and
the widest period they name; one that differs in anything else (a status, a mode, a stated channel) stays apart.

A dealer's showrooms in a market where the brand it sells is said to be sold ("X cars have been sold in A since
2024 by Y, which has showrooms in B and C") are the brand's sales there through Y: :func:`drop_dealer_sales` keeps
the brand's sale and Y's store network and partnership, not a sale of Y's own (the samples record one sale "of
both"). A market named by its town is the town's country (:func:`markets_in_countries`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["markets_in_countries", "merge_repeated_presence", "drop_dealer_sales"]

#: the rules that read a sale in a market from a seller's stores there
_STORE_SALES = {"parse:market:showroom", "parse:market:dealership", "parse:market:outlet"}
#: fields that may differ between two sayings of one presence
_LOOSE = {"id", "label", "start", "end", "period_inferred", "sources"}


def _key(rec: dict[str, Any]) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in rec.items() if k not in _LOOSE))


def merge_repeated_presence(candidates: list[Any]) -> None:
    """Drop the repeats of each market presence from ``candidates`` (in place), the first keeping their evidence.

    Examples
    --------
    >>> from nevkg.ingest.extract.model import Candidate
    >>> rec = {"activity": "exports-to", "exporter": "china", "market": "russia"}
    >>> cands = [Candidate("market_presence", {"id": "a", **rec, "start": "2026"}, 0.7, [(0, 5)], "r"),
    ...          Candidate("market_presence", {"id": "b", **rec, "start": "2025", "end": "2026-10"}, 0.7,
    ...                    [(40, 45)], "r")]
    >>> merge_repeated_presence(cands)
    >>> [(c.id, c.record["start"], c.record["end"], c.spans) for c in cands]
    [('a', '2025', '2026-10', [(0, 5), (40, 45)])]
    """
    first: dict[tuple, Any] = {}
    for c in list(candidates):
        if c.file != "market_presence":
            continue
        kept = first.setdefault(_key(c.record), c)
        if kept is c:
            continue
        kept.spans = sorted(set(kept.spans) | set(c.spans))
        kept.confidence = max(kept.confidence, c.confidence)
        for end, pick in (("start", min), ("end", max)):
            values = [v for v in (kept.record.get(end), c.record.get(end)) if v]
            if values:
                kept.record[end] = pick(values)
        if not (kept.record.get("period_inferred") and c.record.get("period_inferred")):
            kept.record.pop("period_inferred", None)
        candidates.remove(c)


def drop_dealer_sales(candidates: list[Any]) -> None:
    """Drop from ``candidates`` (in place) each sale read from a seller's stores in a market where a partner of the
    seller is said to sell (module docstring).

    Examples
    --------
    >>> from nevkg.ingest.extract.model import Candidate
    >>> sale = {"activity": "sells-in", "market": "kenya"}
    >>> cands = [Candidate("partnerships", {"id": "p", "kind": "cooperation", "partners": ["maker", "dealer"]}, 0.5,
    ...                    [], "r"),
    ...          Candidate("market_presence", {"id": "a", "exporter": "maker", **sale}, 0.5, [], "presence:sells-in"),
    ...          Candidate("market_presence", {"id": "b", "exporter": "dealer", **sale}, 0.5, [],
    ...                    "parse:market:showroom")]
    >>> drop_dealer_sales(cands)
    >>> [c.id for c in cands]
    ['p', 'a']
    """
    pairs = {frozenset(c.record.get("partners") or []) for c in candidates if c.file == "partnerships"}
    sales = [c for c in candidates if c.file == "market_presence" and c.record.get("activity") == "sells-in"]
    for c in sales:
        if c.rule in _STORE_SALES and any(
                o is not c and o.record["market"] == c.record["market"] and o.record["exporter"] != c.record["exporter"]
                and frozenset({o.record["exporter"], c.record["exporter"]}) in pairs for o in sales):
            candidates.remove(c)


#: the kinds of place smaller than a market: a town's market is its country's
_TOWNS = {"city", "district", "port", "place", "island"}


def markets_in_countries(candidates: list[Any], kind_of: Any, country_above: Any, label: Any) -> None:
    """Move each market presence whose market is a town, district or island to the town's country, where one is
    known ("named dealer for Brades": the dealer's country; a delivery stays the town's); ``kind_of``,
    ``country_above`` and ``label`` take a place's id. The moved candidate's id and label name the country, its id
    kept apart from the other candidates' ids.

    Examples
    --------
    >>> from nevkg.ingest.extract.model import Candidate
    >>> c = Candidate("market_presence", {"id": "x-entered-brades", "label": "X entered Brades", "exporter": "x",
    ...                                    "market": "brades", "activity": "entered"}, 0.5, [(0, 5)], "r")
    >>> markets_in_countries([c], {"brades": "city"}.get, {"brades": "montserrat"}.get, str.title)
    >>> c.record["market"], c.record["id"], c.record["label"]
    ('montserrat', 'x-entered-montserrat', 'X entered Montserrat')
    >>> own = Candidate("market_presence", {"id": "cn-exports-to-tianjin", "exporter": "china", "market": "tianjin",
    ...                                      "activity": "exports-to"}, 0.5, [(0, 5)], "r")
    >>> markets_in_countries([own], {"tianjin": "city"}.get, {"tianjin": "china"}.get, str.title)
    >>> own.record["market"]
    'tianjin'
    """
    ids = {c.record.get("id") for c in candidates}
    for c in candidates:
        market = c.record.get("market") if c.file == "market_presence" else None
        if market is None or c.record.get("activity") == "delivers-to" or kind_of(market) not in _TOWNS or (
                country := country_above(market)) is None or country == c.record.get("exporter"):
            continue  # (a delivery is to the town itself; a country's trade with its own town is none abroad)
        head, _, tail = c.record["id"].rpartition(f"-{market}")
        rid, n = f"{head}-{country}{tail}", 2
        while rid in ids:
            rid, n = f"{head}-{country}{tail}-{n}", n + 1
        ids.add(rid)
        c.record.update(id=rid, market=country)
        if "label" in c.record:
            c.record["label"] = c.record["label"].replace(label(market), label(country))
