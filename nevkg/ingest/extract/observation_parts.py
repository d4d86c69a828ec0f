"""Figures told as parts of the figure before: "12,000 of them", "Of these, 96,300 were sold abroad", "The first 80
will arrive in May 2027".

The part takes what the whole says of itself (measure, subject, scope, period and unit), except a narrower measure
of its own ("Of these, N were sold outside the mainland": overseas sales). Used by
:class:`~.observations.ObservationRules`.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["part_of_last", "part_place", "whole_of_batch"]

#: measures of sales abroad, which a part keeps as its own ("Of these, N were exported")
_ABROAD = {"overseas-sales", "export-volume", "overseas-deliveries"}
#: what a part takes from the whole
_TAKEN = ("measure", "subject", "scope", "period_start", "period_end", "period_inferred", "unit")


def part_of_last(rec: dict[str, Any], last: Any, missing: list[str], notes: list[str],
                 concepts: Any, batch: bool = False) -> tuple[list[str], list[str]]:
    """Fill the observation record ``rec`` of a part from ``last``, the observation of the whole, and return what
    is still missing and the notes. A dated ``batch`` of the whole ("The first 80 will arrive in May 2027") keeps its
    own period and measure.

    Examples
    --------
    >>> from types import SimpleNamespace as C
    >>> whole = C(id="x-sales", record={"measure": "sales-volume", "subject": "x", "unit": "vehicles"})
    >>> rec = {"value": 12000, "measure": "export-volume"}
    >>> part_of_last(rec, whole, ["measure", "unit"], ["no measure cue"], {"vehicles"})
    ([], ["'of them' read as part of x-sales"])
    >>> rec["measure"], rec["subject"]
    ('export-volume', 'x')
    """
    own = rec.get("measure")
    kept = {"measure", "period_start", "period_end", "period_inferred"} if batch and rec.get("period_start") else set()
    for k in _TAKEN:
        if k in last.record and not (k in kept and rec.get(k)):
            rec[k] = last.record[k]
    if own in _ABROAD:  # "Of these, N were sold outside the mainland": the part's own, narrower measure
        rec["measure"] = own
    missing = [k for k in missing if k not in rec]
    if rec.get("unit") in concepts or not concepts:
        missing = [k for k in missing if k != "unit"]
    notes = [n for n in notes if not n.startswith(("no measure", "subject carried", "period carried"))]
    told = "a batch" if batch else "'of them'"
    notes.append(f"{told} read as part of {last.id}")
    return missing, notes


#: the units of goods told in batches
_BATCH_UNITS = {"vehicles", "chargers"}


def whole_of_batch(candidates: list[Any]) -> Any:
    """The latest count of goods proposed (the order a batch is part of: "ordered 200 saloons worth BD2.4m. The
    first 80 …" is of the saloons, not of the money), or ``None``.

    >>> from types import SimpleNamespace as C
    >>> order = C(file="observations", record={"unit": "vehicles", "value": 200})
    >>> price = C(file="observations", record={"unit": "bhd", "value": 2400000})
    >>> whole_of_batch([order, price]) is order
    True
    """
    return next((c for c in reversed(candidates) if c.file == "observations"
                 and c.record.get("unit") in _BATCH_UNITS), None)


#: the measures of flows whose parts are told by the market they went to ("Fiji took 1,160 of them")
_FLOWS = {"export-volume", "overseas-sales", "sales-volume", "import-volume"}


def part_place(rec: dict[str, Any], text: str, before: list[Any], start: int) -> Any:
    """The country a part of a flow is told of: the one named right before it, with no other figure between
    ("Fiji took 1,160 of them, Papua New Guinea 620"), or ``None``.

    >>> from types import SimpleNamespace as M
    >>> text = "Fiji took 1,160 of them, Papua New Guinea 620"
    >>> fiji, png = M(file="places", kind="country", end=4), M(file="places", kind="country", end=41)
    >>> part_place({"measure": "export-volume"}, text, [fiji, png], 42) is png
    True
    >>> part_place({"measure": "export-volume"}, text, [fiji], 42) is None
    True
    """
    if rec.get("measure") not in _FLOWS:
        return None
    m = next((m for m in reversed(before) if m.file == "places" and m.kind == "country"), None)
    return m if m is not None and not re.search(r"\d", text[m.end:start]) else None
