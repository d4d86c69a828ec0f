"""Money written the local way: whose rupees "Rs" are, and whose dollars a bare "$" is.

"Rs15 billion" in a Karachi paper is Pakistani rupees, in a Mumbai paper Indian ones; "Sh45 billion" in a Dar es
Salaam paper Tanzanian shillings, in a Nairobi paper Kenyan ones; "K640 million" in a Lusaka paper Zambian kwacha, in
a Lilongwe paper Malawian kwacha, in a Port Moresby paper kina; "$96 million" in a
Singapore paper is Singapore dollars, in a Reuters story from Singapore US dollars. The figure readers take "Rs"
(and a bare "rupees") for Indian rupees and "$" for US dollars; an article whose dateline city lies in a country
that writes its own currency so has its amounts in that currency (:func:`localise_currency`): rupees in Pakistan,
Sri Lanka and Nepal, dollars in Singapore, Australia, Canada, New Zealand, Hong Kong, Fiji, Jamaica, Trinidad and
Tobago, Namibia and Taiwan, unless the story is a wire service's (they write "$" for US dollars wherever they file
from). Without a dateline, the country the article names most (at least three times, among those that write money
their own way) is its home: a Sydney or Toronto paper prints no dateline on its own city's news, and its "$" is the
Australian or Canadian dollar. Lands that use another country's dollar (Norfolk Island, Kiribati, Tokelau, the Cook
Islands …) write that dollar.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.countries import FOLLOWS
from nevkg.ingest.extract.vocab import MONEY_UNITS

__all__ = ["localise_currency", "LOCAL_MONEY"]

#: the rupee of a country (ISO 3166-1 code) that writes it "Rs"
_RUPEE_OF = {"PK": "pkr", "LK": "lkr", "NP": "npr"}
#: the shilling of a country whose press writes it "Sh" (read as Kenya's where no dateline says otherwise)
_SHILLING_OF = {"TZ": "tzs", "UG": "ugx"}
#: the dollar of a country whose own press writes it "$"
_DOLLAR_OF = {"SG": "sgd", "AU": "aud", "CA": "cad", "NZ": "nzd", "HK": "hkd", "FJ": "fjd", "JM": "jmd", "TT": "ttd",
              "NA": "nad", "TW": "twd"}
#: (and the lands whose money is another country's dollar: those that keep Australia's or New Zealand's ways, and
#: Kiribati and Tuvalu with Australian dollars, Pitcairn with New Zealand dollars, whose fiscal years are their own)
_DOLLAR_OF |= {code: _DOLLAR_OF[of] for code, of in FOLLOWS.items()} | {"KI": "aud", "TV": "aud", "PN": "nzd"}
#: the money of a country whose press writes it "K" (read as Zambia's kwacha where no country says otherwise)
_K_OF = {"MW": "mwk", "PG": "pgk", "MM": "mmk"}
#: the countries whose press writes "Rs", "Sh", "K" or "$" for money of their own
LOCAL_MONEY = frozenset({*_RUPEE_OF, *_SHILLING_OF, *_DOLLAR_OF, *_K_OF})
#: an amount written in rupees
_RUPEES = re.compile(r"(?:Rs\.?\s?\d|\d[\d.,]*\s*(?:million|billion|crore|lakh|bn|m)?\s*rupees?\b)", re.I)
#: an amount written in shillings with no country's mark ("Sh312 billion", "Sh750", "45 billion shillings")
_SHILLINGS = re.compile(r"(?:(?<![A-Za-z])Shs?\.?\s?\d|\d[\d.,]*\s*(?:million|billion|bn|m)?\s*shillings?\b)")
#: an amount written with a "K" before it ("K640 million", "K1,450")
_K_AMOUNT = re.compile(r"(?<![A-Za-z])K\s?\d")
#: an amount written with a bare dollar sign (not "US$", "S$", "A$", "HK$")
_BARE_DOLLARS = re.compile(r"(?<![A-Za-z$])\$\s?\d")
#: a wire service's tag after the dateline ("SINGAPORE, Dec 2 (Reuters) -")
_WIRE = re.compile(r"\((?:Reuters|Bloomberg|AFP|AP|dpa|Xinhua)\b[^()]{0,30}\)", re.I)
#: the field holding a candidate's money unit
_FIELD = {"observations": "unit", "investments": "currency"}


def localise_currency(candidates: list[Any], text: str, country_code: str | None,
                      home_code: str | None = None) -> None:
    """Give the amounts read as Indian rupees from "Rs" or "rupees", as Kenyan shillings from "Sh", or as US
    dollars from a bare "$", the currency the dateline's country writes so (for rupees and shillings, without a
    dateline, the country the article names most).

    Parameters
    ----------
    candidates : list of Candidate
        The article's candidates (observations and investments are changed in place).
    text : str
        The article's text (the candidates' spans index it).
    country_code : str or None
        The ISO 3166-1 code of the dateline city's country.
    home_code : str or None
        The ISO 3166-1 code of the country the article names most, for an article without a dateline.

    Examples
    --------
    >>> from types import SimpleNamespace as C
    >>> text = "KARACHI: an investment of Rs15 billion"
    >>> fig = C(file="observations", record={"unit": "inr"}, spans=[(15, 38)])  # ("an investment of Rs15 billion")
    >>> localise_currency([fig], text, "PK"); fig.record["unit"]
    'pkr'
    >>> text = "SINGAPORE – a deal worth $96 million"
    >>> fig = C(file="observations", record={"unit": "usd"}, spans=[(12, 36)])
    >>> localise_currency([fig], text, "SG"); fig.record["unit"]
    'sgd'
    >>> text = "a $38 million (about US$16.9m) plant"
    >>> fig = C(file="observations", record={"unit": "usd"}, spans=[(2, 13)])
    >>> localise_currency([fig], text, None, "FJ"); fig.record["unit"]
    'fjd'
    """
    home = country_code or home_code or ""  # (the dateline's country, else the one the article names most)
    # (a bare "$" beside amounts written in US dollars is the home country's own dollar too: "$38 million (about
    # US$16.9m)" in a Fiji paper)
    dollar = _DOLLAR_OF.get(home)
    for read, local, written in (("inr", _RUPEE_OF.get(home), _RUPEES), ("kes", _SHILLING_OF.get(home), _SHILLINGS),
                                 ("zmw", _K_OF.get(home), _K_AMOUNT),
                                 ("usd", None if _WIRE.search(text[:600]) else dollar, _BARE_DOLLARS)):
        if local is None or local not in MONEY_UNITS:
            continue
        for c in candidates:
            field = _FIELD.get(c.file)
            if field and c.record.get(field) == read and any(written.search(text, a, b) for a, b in c.spans):
                c.record[field] = local
