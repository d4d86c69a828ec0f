"""Names the parser joined with "and": "X and Uber" (a new name and a known company's) and a headline's "A and B to
…" whose parts the text names on their own are two names, not one company; "A and B UK Ltd" (a company named after
two brands, with a legal form) stays one. Called by :func:`.ner.ner_mentions` for each of the parser's names."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.linking import link
from nevkg.ingest.extract.ner import _LEGAL_TAIL, _propose, retype

__all__ = ["split_joined", "both_named_alone"]


def split_joined(E: Any, name: str, s: int, e: int, inner: list) -> bool:
    """"X and Uber", "Uber and X" (a headline's "X and Uber to run robotaxis"): the parser joined a new name to a
    known organisation's. X is an organisation of its own, coordinated with one, under the fullest form the text
    gives it elsewhere ("Kuaiyun and Uber" beside "Kuaiyun Autonomy"); not "A and B UK Ltd", a company named after
    two brands. Returns whether the span was taken so."""
    orgs = [k for k in inner if k.known and k.file == "organizations"]
    if len(orgs) != 1 or len(inner) != 1 or _LEGAL_TAIL.search(name):
        return False
    k = orgs[0]
    before = re.fullmatch(r"(?P<x>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})\s+(?:and|&)\s+", E.text[s:k.start])
    after = re.fullmatch(r"\s+(?:and|&)\s+(?P<x>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})", E.text[k.end:e])
    part = before if before and k.end == e else after if after and k.start == s else None
    if part is None:
        return False
    x = part.group("x")
    xs = (s if before else k.end) + part.start("x")
    if link(x, E.gaz) is not None:
        return False
    fuller = [m.group(0) for m in re.finditer(rf"(?<![\w\-]){re.escape(x)}(?:[ ][A-Z][\w&\-]*)+", E.text)
              if not xs <= m.start() < xs + len(x) and not E.gaz.lookup(m.group(0))]
    label = max(fuller, key=fuller.count) if fuller else x
    same = next((r for r, rec in E.new.items() if rec.get("label") == label), None)
    if same is not None and E.new_meta[same].file in {"people", "places"} and E.new_meta[same].rule.startswith("ner:"):
        retype(E, same, "organizations", "company")  # (the parser's person "Kuaiyun Autonomy", listed with Uber)
    _propose(E, "organizations", "company", label, xs, xs + len(x), "ORG")
    return True


def both_named_alone(text: str, name: str, s: int) -> bool:
    """"A and B" (a headline's "Tengyun Auto and Nordlys Taxi to bring …") is two names when the text names each
    part on its own elsewhere (not "A and B" again): the parts are found there."""
    parts = re.fullmatch(r"(?P<a>[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3}) (?:and|&) (?P<b>[A-Z][\w&.\-]*(?: [A-Z]"
                         r"[\w&.\-]*){0,3})", name)
    if parts is None or _LEGAL_TAIL.search(name):
        return False

    def alone(part: str) -> bool:
        if " " not in part and re.search(rf"(?<![\w\-]){re.escape(part.lower())}(?![\w\-])", text):
            return False  # "Trade and Customs": a word the text also writes in lower case is a common noun
        return any(not s <= m.start() < s + len(name) for m in re.finditer(
            rf"(?<![\w\-]){re.escape(part)}(?![\w\-])(?! (?:and|&) )", text))
    return alone(parts.group("a")) and alone(parts.group("b"))
