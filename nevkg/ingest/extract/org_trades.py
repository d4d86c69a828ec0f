"""A new company's kind from the trade noun written right before its name: "Chinese electric vehicle maker X",
"bus manufacturer X", "carmaker X" make X a carmaker, whatever its name's last word says ("X New Energy Vehicle
Group" is a company by its suffix alone)."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["described_makers"]

#: a vehicle maker's description ending right before a name ("(electric) vehicle maker", "EV manufacturer",
#: "bus and coach maker", "carmaker"); not a maker of parts or batteries ("battery maker X", "parts maker X")
_MAKER_BEFORE = re.compile(r"\b(?:car|auto|automobile|vehicle|EV|NEV|bus|truck|van|coach|motorcycle|two-wheeler|"
                           r"three-wheeler|tricycle)(?:\s+and\s+(?:car|bus|truck|van|coach)s?)?[\s-]*"
                           r"(?:maker|manufacturer|producer)\s+$|\b(?:carmaker|automaker)\s+$", re.I)


def described_makers(E: Any) -> None:
    """Retype as ``automaker`` each new company that a vehicle maker's description names (:data:`_MAKER_BEFORE`).

    Parameters
    ----------
    E : _Entities
        The article's mentions and new records (their kinds are changed in place).

    Examples
    --------
    >>> _MAKER_BEFORE.search("Chinese electric vehicle maker ") is not None
    True
    >>> _MAKER_BEFORE.search("battery maker ") is None
    True
    """
    for m in E.mentions:
        rec = E.new.get(m.id) if not m.known and m.file == "organizations" else None
        if rec is None or rec.get("kind") != "company" or E.new_meta[m.id].file != "organizations":
            continue
        if _MAKER_BEFORE.search(E.text, max(0, m.start - 40), m.start):
            rec["kind"] = "automaker"
