"""The country a network of stores or chargers is spread over: a dealer's showrooms in three towns, a charging
company's stations in four, are also a deployment in the country those towns lie in (the samples' convention from
round 13 on: "a store or charging network spread over a country is a deployment in the country and in each named
place"; the corpus has no such network)."""

from __future__ import annotations

from collections.abc import Callable

from nevkg.ingest.extract.model import Candidate

__all__ = ["NETWORK_KINDS", "network_countries"]

#: the kinds of deployment that are networks spread over places
NETWORK_KINDS = {"store-network", "charging-network"}


def network_countries(candidates: list[Candidate], country_above: Callable[[str], str | None]) -> None:
    """Add to each network's places the one country all of them lie in, when it is not among them already.

    Parameters
    ----------
    candidates : list of Candidate
        The article's candidates; deployments of a network kind are changed in place.
    country_above : callable
        The nearest country a place id lies in, or ``None``.

    Examples
    --------
    >>> c = Candidate("deployments", {"id": "x", "kind": "store-network", "operator": "d", "places": ["a", "b"]},
    ...               0.5, [], "t")
    >>> network_countries([c], {"a": "ku", "b": "ku"}.get)
    >>> c.record["places"]
    ['a', 'b', 'ku']
    """
    for c in candidates:
        if c.file != "deployments" or c.record.get("kind") not in NETWORK_KINDS:
            continue
        places = c.record.get("places") or []
        countries = {country_above(p) for p in places}
        if len(places) > 1 and len(countries) == 1 and None not in countries and not countries & set(places):
            c.record["places"] = [*places, *countries]
