"""Names the role rules may read as people's although the parser gave them another kind: its label for a two- or
three-word name wavers between person, organisation and place, so such a name without corporate words, a place's
words or a region's name may be a person's."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["person_like"]

#: words of a place's or a site's name: never in a person's ("Maputsoe Industrial Estate", "San Pedro")
_PLACE_WORDS = re.compile(r"\b(?:City|Province|State|County|District|Region|Island|Islands|Bay|Port|Zone|Park|Estate|"
                          r"Area|Harbou?r|Airport|North|South|East|West|New|San|Santa|São|Saint|St)\b")
#: the last word of a region's name ("Latin America", "Sub-Saharan Africa"): never a person's surname
_CONTINENT_END = re.compile(r"\b(?:America|Americas|Africa|Asia|Europe|Oceania|Caribbean|Balkans|Arabia)$")


def person_like(m: Mention, ents: Any) -> bool:
    """A person mention, or a new two- or three-word name without corporate words (the parser's label wavers); never
    a place the table of the world's larger cities knows ("Samut Prakan").

    >>> m = Mention(0, 11, "Lerato Tau", "organizations", "lerato-tau", False, "company", "ner:ORG")
    >>> person_like(m, None), person_like(Mention(0, 26, "Maputsoe Industrial Estate", "places",
    ...                                               "maputsoe-industrial-estate", False, "district", "ner:ORG"), None)
    (True, False)
    """
    if m.file == "people":
        return True
    if m.known or m.file not in {"organizations", "places"} or not m.rule.startswith("ner:"):
        return False
    from nevkg.ingest.cities import city_country
    from nevkg.ingest.countries import COUNTRIES
    from nevkg.ingest.extract.ner_types import _ORG_WORDS

    words = m.text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not _ORG_WORDS.search(m.text) \
        and not any(ch.isdigit() for ch in m.text) and m.text not in COUNTRIES and not _PLACE_WORDS.search(m.text) \
        and not _CONTINENT_END.search(m.text) and not (m.file == "places" and city_country(m.text) is not None)
