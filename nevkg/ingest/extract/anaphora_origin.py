"""An anaphoric phrase with a country's adjective ("the Chinese carmaker", "the Korean firm") stands for the
organisation the article describes as of that country ("China's X", "Chinese carmaker X"), not merely the one
named last ("X and Y set up Z … Y holds 51 % of Z and the Chinese carmaker the rest": X)."""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention

__all__ = ["described_from"]


def described_from(text: str, orgs: list[Mention], pos: int, phrase: str) -> Mention | None:
    """Of the organisations named before ``pos``, the last one the text describes as of the country whose
    adjective ``phrase`` holds; ``None`` when it holds none or no such organisation is named.

    >>> t = "China's Kestrel Auto and Saryarka Holding set up Kestrel Saryarka LLP. The Chinese carmaker holds 49%."
    >>> a = Mention(8, 20, "Kestrel Auto", "organizations", "ka", False, "automaker")
    >>> b = Mention(25, 41, "Saryarka Holding", "organizations", "sh", False, "company")
    >>> c = Mention(49, 69, "Kestrel Saryarka LLP", "organizations", "ks", False, "automaker")
    >>> described_from(t, [a, b, c], 71, "The Chinese carmaker").id
    'ka'
    """
    from nevkg.ingest.extract.mentions import DEMONYMS

    adj = next((w for w in phrase.split() if w in DEMONYMS), None)
    if adj is None:
        return None
    country = re.escape(DEMONYMS[adj])
    # (a bracketed acronym among the describing words: "Chinese new-energy vehicle (NEV) manufacturer X")
    cue = re.compile(rf"(?:\b{re.escape(adj)}|\b{country}['’]s)\s+(?:[a-z\-]+\s+){{0,3}}(?:\([A-Z]{{2,6}}\)\s+"
                     rf"(?:[a-z\-]+\s+){{0,2}})?$")
    ids = {o.id for o in orgs if cue.search(text, max(0, o.start - 50), o.start)}
    return max((o for o in orgs if o.end <= pos and o.id in ids), key=lambda o: o.end, default=None)
