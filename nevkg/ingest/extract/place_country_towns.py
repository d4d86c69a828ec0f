"""Towns named after their country ("Andorra la Vella", "Port of Spain", "Kuwait City"): where the text writes the
town's whole name, the country inside it is no mention of its own and the town is a place."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.cities import towns_named_like_countries
from nevkg.ingest.extract.model import Mention

__all__ = ["country_named_towns"]


def country_named_towns(E: Any) -> None:
    """Replace the country mentions that lie inside a town's whole name with the town (``E`` is the mention finder,
    run after the records' names were found)."""
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
        known = E.gaz.lookup(m.group(0), ("places",))
        if known is not None:
            E.mentions.append(Mention(m.start(), m.end(), m.group(0), "places", known.id, True, known.kind,
                                      "gazetteer", 0.95, known.label))
            continue
        rid = next((r for r, rec in E.new.items() if rec.get("label") == m.group(0)), None) \
            or E._new_id(m.group(0), "places")
        E._add_new({"id": rid, "label": m.group(0), "kind": "city"},
                   Mention(m.start(), m.end(), m.group(0), "places", rid, False, "city", "country-town", 0.6,
                           m.group(0)))
