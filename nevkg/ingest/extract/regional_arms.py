"""A company's regional arm: its short name and a country's, a continent's or a known place's name ("Hexing
Africa", "Hongyan Motors Malaysia"). The bare short name names the company, never the arm."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["national_arms", "regional_arm"]

#: continents and regions a company's regional arm is named after ("X Africa", "X Latin America")
_REGIONS = re.compile(r"Africa|Europe|Asia|Oceania|(?:North|South|Latin|Central)\s+America|Americas|Middle\s+East|"
                      r"(?:Southeast|South|East|Central|West)\s+Asia|Asia[\s-]Pacific|Pacific|Caribbean|ASEAN|APAC|EMEA|Gulf|"
                      r"Nordics?")


def regional_arm(form: str, label: str, gaz: Any) -> bool:
    """Whether ``label`` is the short form ``form`` and a country's, a continent's or a known place's name: a
    company's regional arm ("Hexing Africa", "Hongyan Malaysia"), never what the bare form names.

    >>> regional_arm("Hexing", "Hexing Africa", None), regional_arm("Hexing", "Hexing Motors", None)
    (True, False)
    """
    from nevkg.ingest.countries import COUNTRIES

    if not label.startswith(form + " "):
        return False
    rest = label[len(form):].strip()
    return rest in COUNTRIES or bool(_REGIONS.fullmatch(rest)) or (
        gaz is not None and gaz.lookup(rest, ("places",)) is not None)


def national_arms(labels: dict[str, str], gaz: Any) -> set[str]:
    """Of organisations whose names share a short form, the ones named after a country, a region or a known place
    at their end (a national arm: "Jiarun Components Poland", "Lanjing Auto UK"), when just one is not.

    >>> sorted(national_arms({"a": "Jiarun New Energy Components", "b": "Jiarun Components Poland"}, None))
    ['b']
    >>> sorted(national_arms({"a": "Qiaolan New Energy Bus Co Ltd", "b": "Qiaolan Pacific Motors Pte Ltd"}, None))
    ['b']
    >>> sorted(national_arms({"a": "Huaizhou Electric Co Ltd", "b": "Huaizhou Motors (Bangladesh) Ltd"}, None))
    ['b']
    """
    from nevkg.ingest.countries import COUNTRIES
    from nevkg.ingest.extract.linking import name_head

    def arm(label: str) -> bool:  # (the name's end before its corporate words: "Qiaolan Pacific Motors Pte Limited";
        label = re.sub(r"[()]", "", label)  # a country in brackets: "Huaizhou Motors (Bangladesh) Ltd")
        tails = [" ".join(words[-n:]) for words in {tuple(label.split()), tuple(name_head(label).split())}
                 for n in (2, 1) if len(words) > n]
        return any(t in COUNTRIES or _REGIONS.fullmatch(t) or t in {"UK", "USA", "US", "UAE"}
                   or (gaz is not None and gaz.lookup(t, ("places",)) is not None) for t in tails)

    arms = {r for r, label in labels.items() if arm(label)}
    return arms if len(labels) - len(arms) == 1 else set()
