"""Place and person names joined by hyphens around a small particle ("Mazar-i-Sharif", "Shahr-e-Naw",
"Stoke-on-Trent", "Aix-en-Provence"), which the tokenizer splits at every hyphen and the parser tags in part.

>>> from nevkg.ingest.extract.nlp import parse
>>> doc = parse("A showroom opened in Mazar-i-Sharif on Monday.")
>>> doc is None or [doc[s:e].text for s, e in [hyphen_joined(doc, 4, 5)]] == ["Mazar-i-Sharif"]
True
"""

from __future__ import annotations

from typing import Any

__all__ = ["hyphen_joined"]

#: the particles a name joins with hyphens (Persian and Arabic "-i-", "-e-", "-ul-", "-al-"; French, English,
#: German and Italian ones)
PARTICLES = frozenset({"i", "e", "ul", "al", "el", "ud", "ur", "en", "on", "upon", "under", "de", "la", "le", "les",
                       "sur", "sous", "am", "an", "der", "di", "du", "des"})


def _joint(doc: Any, k: int) -> bool:
    """Whether tokens ``k .. k+3`` are "-", a particle, "-" and a capitalised word, written with no space."""
    return k + 3 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in PARTICLES and doc[k + 2].text == "-" \
        and doc[k + 3].is_title and not any(doc[i].whitespace_ for i in range(k - 1, k + 3))


def hyphen_joined(doc: Any, start: int, end: int) -> tuple[int, int]:
    """The token span ``start:end`` of a name widened over the hyphened particles and words written onto it on
    either side.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The parsed article.
    start, end : int
        The name's first token and the token after its last.

    Returns
    -------
    tuple of int
        The widened ``(start, end)``.
    """
    while _joint(doc, end):
        end += 4
    while start >= 4 and doc[start - 4].is_title and _joint(doc, start - 3):
        start -= 4
    return start, end
