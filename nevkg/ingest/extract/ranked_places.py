"""A company's markets ranked with their figures: "Europe is now our biggest region with about 41,000 units,
followed by the Middle East with 33,000".

Each place ranked with a figure is where the figure goes (:func:`ranked_with`), and the company whose ranking it is
("its", "our", "X's" biggest region) is the figure's owner (:func:`ranking_owner`).
"""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import IN_CLAUSE

__all__ = ["ranked_with", "ranking_owner"]

#: a place the figure goes to: "X remained the largest destination … with N", "followed by Y with M"
_DESTINATION_WITH = re.compile(r"\s+(?:(?:\w+\s+){0,2}(?:the|its|their|our|(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])"
                               r"[\w.&-]*){0,3}['’]s)\s+(?:(?:largest|biggest|top|main|leading|"
                               r"second|third|[\w-]+-largest)\s+){1,2}(?:(?:export|overseas)\s+)?(?:destination|market|"
                               r"buyer|importer|region)\b" + IN_CLAUSE
                               + r"{0,60}?)?\b(?:with|taking|receiving)\s+(?=(?:(?:some|about|around|nearly|almost|"
                                 r"roughly)\s+)?\d)", re.I)
#: a company's ranking of its markets: "its biggest region", "our largest export market", "X's top destination"
_RANKING_OWN = re.compile(r"\b(?:its|their|our|(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3}['’]s)\s+"
                          r"(?:(?:largest|biggest|top|main|leading|second|third|[\w-]+-largest)\s+){1,2}"
                          r"(?:(?:overseas|export)\s+)?"
                          r"(?:destination|market|region)\b", re.I)


#: a place going on a ranking of destinations: "Y, a transit hub, followed with 198,000", "Z took 176,000"
_NEXT_DESTINATION = re.compile(r"(?:,\s+[^,.;]{0,80},)?\s+(?:followed|came\s+(?:next|second|third))\s+with\s+|"
                               r"\s+(?:took|received|absorbed|contributed|accounted\s+for)\s+(?=(?:(?:some|about|around|"
                               r"nearly|almost|roughly)\s+)?"
                               r"\d)", re.I)
#: the ranking of destinations it goes on ("the largest destination for Chinese NEVs"), in the 800 characters before
_DESTINATION_RANKING = re.compile(r"\b(?:largest|biggest|top|main|leading)\s+(?:export\s+)?(?:destination|market)s?"
                                  r"\s+for\b", re.I)


def ranked_with(text: str, end: int, figure: int, *, anywhere: bool = False) -> bool:
    """Whether the words from ``end`` (after a place) to a figure at ``figure`` rank the place with it ("… was the
    largest destination with about 41,000", "followed by Y with 33,000"; after a ranking of destinations or of a
    company's markets, "Y followed with 198,000", "Z took 176,000", "Z contributed 3,415 units")."""
    m = _DESTINATION_WITH.match(text, end, figure + 16)
    if m is None and (_DESTINATION_RANKING.search(text, max(0, end - 800), end) or _RANKING_OWN.search(
            text, max(0, end - 800), end)):  # (after "X's largest overseas region, with N": "Y contributed M")
        m = _NEXT_DESTINATION.match(text, end, figure + 16)
    if anywhere or m is None:  # (with ``anywhere``: ranked with any figure before ``figure``)
        return m is not None
    return m.end() <= figure and re.fullmatch(r"(?:(?:some|about|around|nearly|almost|roughly)\s+)?",
                                              text[m.end():figure]) is not None


def ranking_owner(text: str, mentions: list[Mention], s: int, figure: int) -> Mention | None:
    """The organisation whose markets the clause from ``s`` to a figure at ``figure`` ranks ("its biggest region",
    "our largest market", "X's top destination"): the mention of its possessor, or ``None``.

    Examples
    --------
    >>> text = "Europe is now its biggest region with 41,000 units, followed by Asia with 26,000."
    >>> its = Mention(14, 17, "its", "organizations", "ruifeng-auto", False, "automaker", "anaphor:its", 0.5)
    >>> ranking_owner(text, [its], 0, text.index("26,000")).id
    'ruifeng-auto'
    """
    owns = list(_RANKING_OWN.finditer(text, s, figure))
    if not owns:
        return None
    at = owns[-1].start()
    return next((m for m in mentions if m.file == "organizations" and m.start == at and not m.compiler), None)


