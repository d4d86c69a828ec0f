"""Publications called by a name that begins with "The": "he told The Edge", "The New Times understands that …".

A newspaper's "The" is part of its name: written with a capital inside a sentence, after a verb that cites a
source ("told", "according to", "speaking to"), or before the verbs with which a paper speaks of its own reporting
("understands", "has learned"), it stays in the name (``the-new-times``, not ``new-times``); the parser's shorter
name of it (or its place, "Peninsula") becomes that publication's mention.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["publication_names"]

_NAME = r"(?P<n>The(?:[ ][A-Z][\w\-]*){1,3})"
#: a source cited after a verb ("told The Edge the …", "according to The Citizen,")
_CITED = re.compile(r"\b(?:told|according[ ]to|reported[ ]by|cited[ ]by|quoted[ ]by|speaking[ ]to|spoke[ ]to|"
                    rf"in[ ]an[ ]interview[ ]with)[ ]{_NAME}(?=[,.;:]|\s+[a-z])")
#: a paper speaking of its own reporting at the start of a sentence ("The New Times understands that …")
_CITES = re.compile(rf"(?:^|(?<=[.!?][ ])|(?<=\n)){_NAME}[ ](?:understands|has[ ]learn(?:ed|t)|learn(?:ed|t)|"
                    r"has[ ]seen|was[ ]told)\b", re.M)


def publication_names(E: Any) -> None:
    """Make every "The X" cited as a source in ``E.text`` a publication named with its "The" (``E``: an
    ``_Entities``).

    >>> from nevkg.ingest.gazetteer import Gazetteer
    >>> from nevkg.ingest.extract.mentions import _Entities
    >>> E = _Entities("Ms Teoh told The Edge the car would cost less.", Gazetteer.load())
    >>> publication_names(E)
    >>> [(m.id, m.kind) for m in E.mentions]
    [('the-edge', 'publisher')]
    """
    from nevkg.ingest.extract.linking import link
    from nevkg.ingest.extract.ner import _propose

    text = E.text
    for m in [*_CITED.finditer(text), *_CITES.finditer(text)]:
        s, e = m.start("n"), m.end("n")
        name = m.group("n")
        if link(name, E.gaz, ("organizations", "places"), fuzzy=False) is not None:
            continue  # a name the records know ("The Hague")
        over = E.overlaps(s, e)
        if any(k.known or k.file == "people" or k.start < s or k.end > e for k in over):
            continue
        old = {k.id for k in over if k.id in E.new}
        for k in over:
            E.mentions.remove(k)
        _propose(E, "organizations", "publisher", name, s, e, "publication")
        new = next(k for k in E.mentions if k.start == s and k.file == "organizations")
        E.new[new.id]["kind"], new.kind = "publisher", "publisher"
        for k in [k for k in E.mentions if k.id in old]:  # its other mentions by the shorter name
            k.id, k.file, k.kind, k.label = new.id, "organizations", "publisher", name
            if text[max(0, k.start - 4):k.start] in {"The ", "the "}:
                k.start -= 4
            k.text = text[k.start:k.end]
        for rid in old:
            E.drop_unused(rid)
