"""Towns named after their country ("Andorra la Vella", "Port of Spain", "Kuwait City"): where the text writes the
town's whole name, the country inside it is no mention of its own and the town is a place."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.cities import towns_named_like_countries
from nevkg.ingest.extract.place_lists import new_place

__all__ = ["country_named_towns"]


def country_named_towns(E: Any) -> None:
    """Replace the country mentions that lie inside a town's whole name with the town (``E`` is the mention finder,
    run after the records' names were found, longest first: a town they know is one mention already and is skipped)."""
    names = [n for n in towns_named_like_countries() if n in E.text]
    if not names:
        return
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    for m in rx.finditer(E.text):
        inside = E.overlaps(m.start(), m.end())
        if any(k.file != "places" or k.kind != "country" or k.start < m.start() or k.end > m.end() for k in inside):
            continue  # (a name the records know, or a longer one, holds it)
        for k in inside:
            E.mentions.remove(k)
        new_place(E, m.start(), m.end(), "city", "country-town")  # (a town the records know is found whole before)
