"""Rupees written "Rs": whose they are.

"Rs15 billion" in a Karachi paper is Pakistani rupees, in a Mumbai paper Indian ones. The figure readers take
"Rs" (and a bare "rupees") for Indian rupees; an article whose dateline city lies in another country that writes
its rupees so has its amounts in that country's currency (:func:`localise_rupees`). Without a dateline the Indian
reading stays.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.vocab import MONEY_UNITS

__all__ = ["localise_rupees"]

#: the rupee of a country (ISO 3166-1 code) that writes it "Rs"
_RUPEE_OF = {"PK": "pkr", "LK": "lkr", "NP": "npr"}
#: an amount written in rupees
_RUPEES = re.compile(r"(?:Rs\.?\s?\d|\d[\d.,]*\s*(?:million|billion|crore|lakh|bn|m)?\s*rupees?\b)", re.I)
#: the field holding a candidate's money unit
_FIELD = {"observations": "unit", "investments": "currency"}


def localise_rupees(candidates: list[Any], text: str, country_code: str | None) -> None:
    """Give the amounts read as Indian rupees from "Rs" or "rupees" the rupee of the dateline's country.

    Parameters
    ----------
    candidates : list of Candidate
        The article's candidates (observations and investments are changed in place).
    text : str
        The article's text (the candidates' spans index it).
    country_code : str or None
        The ISO 3166-1 code of the dateline city's country.

    Examples
    --------
    >>> from types import SimpleNamespace as C
    >>> text = "KARACHI: an investment of Rs15 billion"
    >>> fig = C(file="observations", record={"unit": "inr"}, spans=[(15, 38)])  # ("an investment of Rs15 billion")
    >>> localise_rupees([fig], text, "PK"); fig.record["unit"]
    'pkr'
    """
    unit = _RUPEE_OF.get(country_code or "")
    if unit is None or unit not in MONEY_UNITS:
        return
    for c in candidates:
        field = _FIELD.get(c.file)
        if field and c.record.get(field) == "inr" and any(_RUPEES.search(text, a, b) for a, b in c.spans):
            c.record[field] = unit
