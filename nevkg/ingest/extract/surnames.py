"""Surnames: a person named again by the last words of the full name ("Ó Ceallaigh", "Minister Tchoungui Manga")."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["Known", "person_by_surname", "surname_tail"]

#: honorifics before a surname ("Mr Ndive", "Dr Nfor")
_HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "Madam", "Hon", "Cllr", "Prof", "Sir", "Dame"}


def surname_tail(words: list[str], full: list[str], particle: bool = True, double: bool = False) -> bool:
    """Whether ``words`` end the full name ``full`` as its surname: one word of it after the first, or (with
    ``particle``, the words read as a person's) the last words opening with a surname's particle ("Ó Ceallaigh" of
    "Niall Ó Ceallaigh", "Al Habsi" of "Saleh bin Hamad Al Habsi"), or (with ``double``, the words after a title or
    an honorific) a double surname, the last two words of a name of three or more ("Minister Tchoungui Manga" of
    "Ebenezer Tchoungui Manga").

    >>> surname_tail(["Ó", "Ceallaigh"], ["Niall", "Ó", "Ceallaigh"]), surname_tail(["Porsuk", "Otomotiv"],
    ...                                                                     ["Taiheng", "Porsuk", "Otomotiv"], False)
    (True, False)
    """
    from nevkg.ingest.extract.vocab import SURNAME_PARTICLES

    if len(words) == 1:
        return words[0] in full[1:]
    return particle and len(words) <= 3 and len(words) < len(full) and full[-len(words):] == words and (
        words[0].lower() in SURNAME_PARTICLES or double and len(words) == 2)


def person_by_surname(E: Any, name: str, label: str = "PERSON", s: int = 0) -> Any:
    """A single word that is the surname of a person named before in full (known or new), or a surname with its
    particle that ends that name ("Ó Ceallaigh" after "Niall Ó Ceallaigh", "Al Habsi" after "Saleh bin Hamad Al
    Habsi", "van Leeuwen"), which the parser took for a person's (``label``); after a title or an honorific at
    ``s``, a double surname too ("Minister Tchoungui Manga" after "Ebenezer Tchoungui Manga")."""
    from nevkg.ingest.extract.title_words import ROLE_TITLE_RX

    before = re.search(r"\b([A-Z][a-z]+)\.?\s+$", E.text[max(0, s - 24):s]) if s else None
    double = before is not None and (before.group(1) in _HONORIFICS or ROLE_TITLE_RX.fullmatch(before.group(1)))
    for rid, rec in E.new.items():
        if E.new_meta[rid].file == "people" and surname_tail(name.split(), rec["label"].split(), label == "PERSON",
                                                             bool(double)):
            return Known(rid, "people", rec["label"])
    return None


class Known:
    """An in-article entity looked up like a known record (id, file, label, kind, names)."""

    def __init__(self, rid: str, file: str, label: str) -> None:
        self.id, self.file, self.label, self.kind, self.names = rid, file, label, None, [label]
