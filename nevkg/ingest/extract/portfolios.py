"""Government portfolios in people's titles: the words of a portfolio ("Trade", "Mining", "Public Works"), a
portfolio the parser may take for an organisation ("Trade and Industry"), and a minister's title that lists its
fields with commas ("Investment, Trade and Industry Minister"), whose commas belong to the title. Used by the title
and role rules."""

from __future__ import annotations

import re

__all__ = ["PORTFOLIO_WORDS", "PORTFOLIO_ORG", "LISTED_PORTFOLIO_TITLE", "without_portfolio_commas",
           "listed_fields_start"]

#: the common nouns of a government portfolio, written capitalised in a title ("Minister of Economy", "Trade
#: Minister"); a longer one before its first word ("Economic Affairs" before "Economic")
PORTFOLIO_WORDS = (r"Economy|Economics|Economic\s+Affairs|Finance|Industry|Trade|Commerce|Transport|Mobility|"
                   r"Public\s+Works|Foreign\s+Affairs|Energy|Environment|Investment\s+Promotion|Investments?|Development|"
                   r"Infrastructure|Innovation|Technology|Agriculture|Labou?r|Interior|Defen[cs]e|Health|Education|"
                   r"Tourism|Planning|Enterprise|Climate|Digital\s+Affairs|Treasury|Business|Exports?|"
                   r"International\s+Trade|Transportation|Science|Services|Foreign\s+Trade|Mines|Mining|"
                   r"Communications|Urban\s+Development|Housing|Industrial\s+Policy|Construction|Ecology|"
                   r"Natural\s+Resources|Industriali[sz]ation|Integration|Information|Logistics|Competitiveness|"
                   r"Employment|Justice|Culture|Water|Power|Petroleum|Public\s+Enterprises|Sustainability|"
                   r"Sustainable\s+Development|(?:Territorial|Spatial|Physical|Economic)\s+Planning|Works|Lands?|"
                   r"Fisheries|Marine\s+Resources|Home\s+Affairs|Local\s+Government|Social\s+Affairs|Sports?|Youth|"
                   r"Utilities|Public\s+Utilities|Telecommunications?|(?:Civil\s+)?Aviation|Maritime\s+Affairs|Ports|"
                   r"Immigration|Budget|Renewable\s+Energy")
#: (and, before a title's head, the adjectives of a portfolio: "Foreign and Trade Minister", "Cabinet Secretary")
_PORTFOLIO_WORD = rf"(?:{PORTFOLIO_WORDS}|Foreign|Digital|Economic|Industrial|Cabinet)"
#: a government portfolio the parser may take for an organisation ("Trade Minister NAME", "Finance and Economy")
PORTFOLIO_ORG = re.compile(rf"{_PORTFOLIO_WORD}(?:,?\s+(?:and|&)\s+(?:[A-Z][a-z]+)|,?\s+{_PORTFOLIO_WORD})*")
#: a minister's portfolio of several fields, listed with commas ("Deputy Industry, Mining and Trade Minister")
_FIELD = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
LISTED_PORTFOLIO_TITLE = re.compile(rf"(?:(?:Deputy|Vice|Acting|State|Assistant)\s+)?(?:{_FIELD},\s+)+{_FIELD}\s+"
                                    rf"(?:and|&)\s+{_FIELD}\s+(?:Minister|Secretary)\b")
#: a stop of no width (where a title starts)
_AT = re.compile("")


def without_portfolio_commas(stops: list[re.Match], phrase: str) -> list[re.Match]:
    """The places where a title phrase before a name may start (``stops`` in ``phrase``), without the commas of a
    minister's portfolio of several fields, which belong to the title.

    >>> phrase = "said on Monday, Investment, Trade and Industry Minister "
    >>> [m.start() for m in without_portfolio_commas(list(re.finditer(",", phrase)), phrase)]
    [14]
    >>> phrase = "in the presence of Industry, Commerce and Employment Minister "
    >>> [m.end() for m in without_portfolio_commas(list(re.finditer(",", phrase)), phrase)]
    [19]
    """
    while stops and stops[-1].group(0).strip() == ",":
        start = stops[-2].end() if len(stops) > 1 else 0
        if LISTED_PORTFOLIO_TITLE.match(phrase[start:].lstrip()):
            stops.pop()  # "Investment, Trade and Industry Minister"
            continue
        field = re.search(rf"\b(?:{PORTFOLIO_WORDS})$", phrase[start:stops[-1].start()])
        if field and LISTED_PORTFOLIO_TITLE.match(phrase, start + field.start()):
            # "in the presence of Industry, Commerce and Employment Minister": no stop before the title's first
            # field, which is a portfolio's word; the title starts there
            stops[-1] = _AT.match(phrase, start + field.start())  # type: ignore[assignment]
        break
    return stops


def listed_fields_start(text: str, at: int) -> int:
    """Where a minister's title that lists its fields with commas starts, when a phrase of it starts at ``at`` after
    its first fields (the parser hangs only the last ones on "Minister"); ``at`` itself otherwise.

    >>> text = "in the presence of Industry, Commerce and Employment Minister Sonam Dorji"
    >>> text[listed_fields_start(text, text.index("Commerce")):text.index(" Sonam")]
    'Industry, Commerce and Employment Minister'
    """
    before = re.search(rf"(?:\b(?:{PORTFOLIO_WORDS}),\s+)+$", text[max(0, at - 80):at])
    if before is not None:
        start = max(0, at - 80) + before.start()
        title = LISTED_PORTFOLIO_TITLE.match(text, start)
        if title is not None and title.end() > at:
            return start
    return at
