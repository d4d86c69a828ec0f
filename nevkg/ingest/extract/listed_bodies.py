"""A public body whose name lists several fields ("Ministry of Finance, Budget and Economic Planning", "the Ministry
of Finance and National Development", "Foreign, Commonwealth and Development Office"): the parser cuts such a name
at its commas or at its "and" into a body and pieces that name nothing; the whole list is one body's name."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.portfolios import PORTFOLIO_WORDS

__all__ = ["listed_bodies", "LISTED_BODY"]

#: one field of a body's remit: a portfolio's words, with up to two capitalised words before ("National
#: Development", "Sustainable Development") or a portfolio's adjective ("Foreign")
_FIELD = rf"(?:(?:[A-Z][a-z]+[ ]){{0,2}}(?:{PORTFOLIO_WORDS})|Foreign|Commonwealth)(?![\w-])"
_HEAD = r"(?:Ministry|Department|Office|Secretariat|Directorate)"
#: the whole name: the head, then its fields ("Ministry of A, B and C"), or the fields, then the head ("A, B and C
#: Office"); the fields listed with commas and joined by "and" at the end
LISTED_BODY = re.compile(rf"(?<![\w-])(?:{_HEAD}[ ](?:of|for)[ ]{_FIELD}(?:,[ ]{_FIELD})*,?[ ](?:and|&)[ ]{_FIELD}|"
                         rf"{_FIELD}(?:,[ ]{_FIELD})+,?[ ](?:and|&)[ ]{_FIELD}[ ]{_HEAD})(?![\w-])(?![ ][A-Z])")


def listed_bodies(E: Any) -> None:
    """Make each body's name that lists its fields one new organisation (``E`` is the mention finder, whose names are
    all found): the new names cut from it go, and their other mentions (a short name in brackets) name the body.

    >>> for m in LISTED_BODY.finditer("the Ministry of Tourism, Economic Affairs, Transport and Telecommunication "
    ...                               "said; the UK's Foreign, Commonwealth and Development Office (FCDO) paid"):
    ...     print(m.group(0))
    Ministry of Tourism, Economic Affairs, Transport and Telecommunication
    Foreign, Commonwealth and Development Office
    """
    from nevkg.ingest.extract.org_forms import _put, org_record

    found = list(LISTED_BODY.finditer(E.text))
    for m in found:
        s, e = m.start(), m.end()
        inside = [k for k in E.overlaps(s, e) if k.file == "organizations"]
        if not inside or any(k.known or k.start < s or k.end > e for k in E.overlaps(s, e)):
            continue  # (a name the records know, or a longer one, holds it; or no organisation was read here)
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (s, e):
            continue  # read whole already
        name = m.group(0)
        rec = org_record(E, name, "ministry" if name.startswith("Ministry") else "government-body")
        cut = {k.id for k in inside}
        aliases = [a for k in cut for a in E.new.get(k, {}).get("aliases", [])]
        if aliases:
            rec["aliases"] = sorted({*rec.get("aliases", []), *aliases})
        for k in [k for k in E.mentions if k.id in cut and not any(x.start() <= k.start and k.end <= x.end()
                                                                   for x in found)]:
            _put(E, k.start, k.end, rec, k.rule, k.confidence)  # ("(FCDO)" names the whole body)
        _put(E, s, e, rec, "listed-body", 0.6)
        for k in cut:
            E.drop_unused(k)
