"""Short names introduced in brackets: "the Korea Automobile Manufacturers Association (KAMA)", "the Ministry
of Commerce (MOFCOM)". The capitals in brackets right after an organisation's name are that organisation's
short name when their letters come in order from its name, the first one an initial ("MOFCOM" from Ministry
OF COMmerce, "BOI" from Thailand Board Of Investment): every mention of the short name is then a mention of
the organisation, never a new company of its own.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["bracket_acronyms", "fits_name"]

_BRACKET = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z&]{1,9})\)")


def fits_name(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``: its letters in order from the name, its first an initial.

    Parameters
    ----------
    acronym : str
        The short form, mostly capitals ("MOFCOM", "KAMA").
    name : str
        The full name.

    Returns
    -------
    bool

    Examples
    --------
    >>> fits_name("MOFCOM", "Ministry of Commerce"), fits_name("BOI", "Thailand Board of Investment")
    (True, True)
    >>> fits_name("EU", "Ministry of Commerce"), fits_name("Ministry", "Ministry of Commerce")
    (False, False)
    """
    if sum(c.isupper() for c in acronym) < 2:
        return False
    initials = {w[0].lower() for w in re.findall(r"[A-Za-z]+", name)}
    letters = acronym.lower().replace("&", "")
    if letters[0] not in initials:
        return False
    rest = iter(re.sub(r"[^a-z]", "", name.lower()))
    return all(c in rest for c in letters)


def _as_known(E: Any, org: Mention, acr: str) -> Mention | None:
    """A new organisation whose short name in brackets is a known organisation's ("the Ministry of Commerce
    (MOFCOM)"): every mention of the new one becomes a mention of the known one."""
    from nevkg.ingest.extract.linking import link

    known = link(acr, E.gaz, ("organizations",), fuzzy=False)
    if known is None or acr not in known.names + [known.label] or org.id not in E.new:
        return None
    rid = org.id
    for k in E.mentions:
        if k.id == rid:
            k.id, k.known, k.kind, k.label = known.id, True, known.kind, known.label
            k.new_alias = None  # a name many countries' bodies share is no alias of this one
    del E.new[rid], E.new_meta[rid]
    return org


def bracket_acronyms(E: Any) -> None:
    """Make the bracketed short name of an organisation (and each later mention of it) name that
    organisation; a new organisation proposed for the short name alone is dropped. ``E`` is the mention
    finder (``_Entities``)."""
    for org in sorted((m for m in E.mentions if m.file == "organizations"), key=lambda m: m.start):
        x = _BRACKET.match(E.text, org.end)
        if x is None:
            continue
        acr = x.group("acr")
        full = E.new.get(org.id, {}).get("label") or org.label or org.text
        if not fits_name(acr, org.text) and not fits_name(acr, full):
            continue
        if not org.known:
            org = _as_known(E, org, acr) or org
        owner_known = org.known
        known_names = set(E.gaz.entries[org.id].names) | {E.gaz.entries[org.id].label} if owner_known else set()
        for k in [k for k in E.mentions if k.text == acr and k is not org]:
            if k.known and k.id != org.id:
                continue  # the short name is already another known record's
            if not k.known and k.id != org.id and k.id in E.new and E.new_meta[k.id].file == "organizations":
                E.new.pop(k.id, None)
                E.new_meta.pop(k.id, None)
            k.id, k.known, k.kind, k.label, k.file = org.id, owner_known, org.kind, org.label, "organizations"
            k.new_alias = acr if owner_known and acr not in known_names else None
        for m in re.finditer(rf"(?<![\w]){re.escape(acr)}(?![\w])", E.text):
            if not E.overlaps(m.start(), m.end()):
                E.mentions.append(Mention(m.start(), m.end(), acr, "organizations", org.id, owner_known, org.kind,
                                          "acronym", org.confidence, org.label,
                                          new_alias=acr if owner_known and acr not in known_names else None))
        if not owner_known and org.id in E.new:
            aliases = E.new[org.id].setdefault("aliases", [])
            if acr not in aliases:
                aliases.append(acr)
