"""Places named again by a noun: "the country", "the city", "the emirate", "the capital", "the territory" (a
dependency with a government of its own).

"Zenvo won a permit in Luxembourg … the first such permit in the country", "Dubai's transport authority will launch
robotaxis in the city", "the EU … the bloc's market": the noun names the place of its kind named last before it
(within a few sentences), and becomes a mention of it, so that the relation rules see the place where the text
speaks of it again. "The country" right after a national body whose name opens with a country's ("According to the
PNG Customs Service, the country imported …") is that country.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.countries import COUNTRIES, TERRITORIES
from nevkg.ingest.extract.model import Mention

__all__ = ["place_anaphors"]

#: the noun → the kinds of place it may name again
_NOUNS = {"country": {"country"}, "kingdom": {"country"}, "sultanate": {"country"}, "nation": {"country"},
          "city": {"city", None}, "capital": {"city", None}, "emirate": {"city", "province", "state", None},
          "state": {"state", "province"}, "province": {"province", "state"}, "bloc": {"economic-union"},
          "territory": {"country"}}
_ANAPHOR = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+(?P<n>" + "|".join(_NOUNS) + r"|Kingdom|Sultanate)\b"
                      r"(?!\s+of\b|['’]s\s+(?:capital|"
                      r"largest|biggest)|\s*[A-Z])")
#: a company noun after a country's adjective ("the first Chinese company to …"): the company's nationality, no
#: place the text goes on to speak of
_COMPANY_AFTER = re.compile(r"\s+(?:[a-z][\w\-]*\s+){0,2}?(?:compan(?:y|ies)|firms?|carmakers?|automakers?|developers?|"
                            r"operators?|start-?ups?|makers?|groups?|brands?|players?|manufacturers?|platforms?|"
                            r"apps?|providers?|investors?|marques?)\b")
#: a place named as where goods or brands come from ("Brands from China combined for …"): not the place the text
#: goes on to speak of as "the country"
_ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$")
#: the countries "the kingdom" may name: monarchies styled kingdoms (not "the kingdom" for a republic named last)
_KINGDOMS = {"saudi-arabia", "united-kingdom", "thailand", "morocco", "jordan", "bahrain", "spain", "netherlands",
             "belgium", "norway", "sweden", "denmark", "cambodia", "eswatini", "lesotho", "tonga", "bhutan"}
#: the countries "the sultanate" may name (as the Omani press writes "the Sultanate")
_SULTANATES = {"oman", "brunei"}
#: how far back the place may be named
_REACH = 600


def place_anaphors(E: Any) -> None:
    """Add a mention of the place each "the country", "the city" … of ``E``'s text (an ``_Entities``) names."""
    for m in _ANAPHOR.finditer(E.text):
        if E.overlaps(m.start(), m.end()):
            continue
        noun = m.group("n").lower()  # ("the Kingdom", as the Saudi press writes it; "the Sultanate", the Omani)
        kinds = _NOUNS[noun]
        reach = m.start() if m.group("n") in {"Kingdom", "Sultanate"} else _REACH  # (a style: named anywhere before)
        before = [k for k in E.mentions if k.file == "places" and m.start() - reach <= k.start and k.end <= m.start()
                  and (k.kind if k.kind in {"country", "city", "province", "state", "region", "economic-union"}
                       else None) in kinds
                  and not (k.rule.startswith("demonym") and _COMPANY_AFTER.match(E.text, k.end))
                  and not _ORIGIN_BEFORE.search(E.text, max(0, k.start - 12), k.start)
                  and not re.match(r"-(?:built|made|based)\b", E.text[k.end:k.end + 8])
                  and (noun != "kingdom" or k.id in _KINGDOMS) and (noun != "sultanate" or k.id in _SULTANATES)
                  and (noun != "territory" or COUNTRIES.get(k.label or k.text) in TERRITORIES)]
        body = _national_body(E, m.start()) if "country" in kinds else None
        if body is not None and not any(k.end > body[0] for k in before):
            ant = body[1]  # "According to the PNG Customs Service, the country imported …": the body's country
        elif not before:
            continue
        else:
            ant = max(before, key=lambda k: k.end)
        E.mentions.append(Mention(m.start(), m.end(), m.group(0), "places", ant.id, ant.known, ant.kind,
                                  "place-anaphor", 0.55, ant.label))


def _national_body(E: Any, pos: int) -> tuple[int, Mention] | None:
    """The country whose name opens the name of an organisation named in the sentence before ``pos`` ("the PNG
    Customs Service", "the Kenya Revenue Authority"), as a mention of the article's: where that name ends, and the
    country."""
    from nevkg.ingest.countries import COUNTRIES, COUNTRY_NAMES

    start = max(0, E.text.rfind(". ", 0, pos) + 1)
    for k in sorted((k for k in E.mentions if k.file == "organizations" and start <= k.start and k.end <= pos),
                    key=lambda k: -k.end):
        name = next((c for c in COUNTRIES if k.text.startswith(c + " ")), None)
        cid = E.country_id(COUNTRY_NAMES[COUNTRIES[name]]) if name else None  # ("PNG": Papua New Guinea's id)
        country = next((c for c in E.mentions if cid is not None and c.file == "places" and c.id == cid), None)
        if country is not None:  # (a country the article names as such too)
            return k.end, country
    return None
