"""Publications called by a name that begins with "The": "he told The Edge", "The New Times understands that …".

A newspaper's "The" is part of its name: written with a capital inside a sentence, after a verb that cites a
source ("told", "according to", "speaking to"), or before the verbs with which a paper speaks of its own reporting
("understands", "has learned"), it stays in the name (``the-new-times``, not ``new-times``); the parser's shorter
name of it (or its place, "Peninsula") becomes that publication's mention.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["cited_papers", "publication_names"]

_NAME = r"(?P<n>The(?:[ ][A-Z][\w\-]*){1,3})"
#: a source cited after a verb ("told The Edge the …", "according to The Citizen,")
_CITED = re.compile(r"\b(?:told|according[ ]to|reported[ ]by|cited[ ]by|quoted[ ]by|speaking[ ]to|spoke[ ]to|"
                    rf"in[ ]an[ ]interview[ ]with)[ ]{_NAME}(?=[,.;:]|\s+[a-z])")
#: the nouns a newspaper's name ends in
_PAPER_NOUN = (r"(?:Gazette|Times|Post|News|Herald|Tribune|Journal|Daily|Observer|Chronicle|Telegraph|Guardian|"
               r"Review|Weekly|Standard|Mail|Express|Monitor|Insider|Insight|Independent|Citizen|Today|Courier|Reporter|Sun|"
               r"Star)")
#: a paper cited by a name of words that ends in a newspaper's noun ("told Saudi Gazette", "according to Kenya Times")
_PAPER = re.compile(r"\b(?:told|according[ ]to|reported[ ]by|cited[ ]by|quoted[ ]by|speaking[ ]to|spoke[ ]to)[ ]"
                    rf"(?P<n>(?:[A-Z][\w\-]*[ ]){{1,2}}{_PAPER_NOUN})(?=[,.;:]|\s+[a-z])")
#: a paper speaking of its own reporting at the start of a sentence ("The New Times understands that …")
_CITES = re.compile(rf"(?:^|(?<=[.!?][ ])|(?<=\n)){_NAME}[ ](?:understands|has[ ]learn(?:ed|t)|learn(?:ed|t)|"
                    r"has[ ]seen|was[ ]told)\b", re.M)


def publication_names(E: Any) -> None:
    """Make every "The X" cited as a source in ``E.text``, and every cited name ending in a newspaper's noun
    ("told Saudi Gazette"), a publication named so (``E``: an ``_Entities``).

    >>> from nevkg.ingest.gazetteer import Gazetteer
    >>> from nevkg.ingest.extract.mentions import _Entities
    >>> E = _Entities("Ms Teoh told The Edge the car would cost less.", Gazetteer.load())
    >>> publication_names(E)
    >>> [(m.id, m.kind) for m in E.mentions]
    [('the-edge', 'publisher')]
    """
    from nevkg.ingest.extract.linking import link

    for m in [*_PAPER.finditer(E.text), *_CITED.finditer(E.text), *_CITES.finditer(E.text)]:
        s, e = m.start("n"), m.end("n")
        if link(m.group("n"), E.gaz, ("organizations", "places"), fuzzy=False) is not None:
            continue  # a name the records know ("The Hague")
        over = E.overlaps(s, e)
        paper = re.search(rf"\b{_PAPER_NOUN}$", m.group("n"))
        if any(k.known and not (paper and k.file == "places") or k.start < s or k.end > e
               or k.file == "people" and not paper for k in over):
            continue  # (a person's name never ends in "Gazette", and "Jordan" of The Jordan Times is no place)
        _publication(E, s, e, over)


def cited_papers(text: str) -> set[str]:
    """The names ``text`` cites as papers, each ending in a newspaper's noun ("told Prishtina Insight").

    >>> cited_papers("the minister told Prishtina Insight.")
    {'Prishtina Insight'}
    """
    return {m.group("n") for m in _PAPER.finditer(text)}


def _publication(E: Any, s: int, e: int, over: list[Any]) -> None:
    """``E.text[s:e]`` is a publication: its new mention replaces the names ``over`` it, whose other mentions (the
    shorter name, "The" left out) become its mentions too."""
    from nevkg.ingest.extract.ner import _propose

    text, name = E.text, E.text[s:e]
    old = {k.id for k in over if k.id in E.new and k.kind != "country" and not k.rule.startswith("demonym")}
    # (the country an adjective inside the paper's name names stays a country: "The Namibian", "in Namibia")
    for k in over:
        E.mentions.remove(k)
    _propose(E, "organizations", "publisher", name, s, e, "publication")
    new = next(k for k in E.mentions if k.start == s and k.file == "organizations")
    E.new[new.id]["kind"], new.kind = "publisher", "publisher"
    E.new_meta[new.id] = new  # (a record the parser had proposed as a person's is an organisation's now)
    for k in [k for k in E.mentions if k.id in old]:
        k.id, k.file, k.kind, k.label = new.id, "organizations", "publisher", name
        if text[max(0, k.start - 4):k.start] in {"The ", "the "} and name.startswith("The "):
            k.start -= 4
        k.text = text[k.start:k.end]
    for rid in old:
        E.drop_unused(rid)
