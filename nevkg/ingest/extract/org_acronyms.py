"""Organisations named by an acronym in brackets: "Roads and Transport Authority (RTA)" — the acronym, there and
later, names the organisation before the bracket; a capitalised name spelled out there whose initials are the
acronym is an organisation even where the parser made it a site or missed it (a public body with Transport,
Authority, Council … in it)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["acronyms"]

#: words of a public body's name ("Integrated Transport Centre", "Roads Authority")
_GOV_WORDS = re.compile(r"\b(?:Authority|Department|Ministry|Agency|Commission|Council|Bureau|Administration|"
                        r"Transport|Roads|Regulatory|Office)\b")


def acronyms(E: Any) -> None:
    """Link every "(ACR)" after a name, and the acronym's later occurrences, to that organisation in ``E``."""
    for m in re.finditer(r"[ ]\((?P<a>[A-Z][A-Z0-9&]{1,7})\)", E.text):
        acr = m.group("a")
        full = next((k for k in E.mentions if k.file == "organizations" and k.end == m.start()), None) or \
            _spelled_out(E, m.start(), acr)
        if full is None:
            continue
        for hit in re.finditer(rf"(?<![\w\-]){re.escape(acr)}(?![\w\-])", E.text):
            for odd in [k for k in E.overlaps(hit.start(), hit.end()) if not k.known and k.id != full.id
                        and (k.start, k.end) == hit.span()]:
                E.mentions.remove(odd)
                if not any(k.id == odd.id for k in E.mentions):
                    E.new.pop(odd.id, None)
                    E.new_meta.pop(odd.id, None)
            if not E.overlaps(hit.start(), hit.end()):
                E.mentions.append(Mention(hit.start(), hit.end(), acr, "organizations", full.id, full.known,
                                          full.kind, "acronym", 0.7, full.label))
        rec = E.new.get(full.id)
        if rec is not None and acr not in rec.get("aliases", []):
            rec.setdefault("aliases", []).append(acr)

def _spelled_out(E: Any, end: int, acr: str) -> Mention | None:
    """The capitalised name right before "(ACR)" whose initials are ACR ("Integrated Transport Centre (ITC)"): an
    organisation (a new one, or the parser's new site or place of that span retyped)."""
    from nevkg.ingest.extract.linking import acronym_of
    from nevkg.ingest.extract.ner import retype

    run = re.search(r"(?:[A-Z][\w\-]*[ ](?:(?:of|and|for|the|&)[ ])*)+[A-Z][\w\-]*$", E.text[max(0, end - 90):end])
    if run is None:
        return None
    words = run.group(0).split(" ")
    while len(words) > 1 and acronym_of(" ".join(words)) != acr:
        words = words[1:]
    name = " ".join(words)
    s = end - len(name)
    if acronym_of(name) != acr:
        return None
    kind = "government-body" if _GOV_WORDS.search(name) else "company"
    rid = next((r for r, rec in E.new.items() if rec.get("label") == name and E.new_meta[r].file in {"sites",
                                                                                                     "places"}), None)
    if rid is not None:  # the parser's site or place of that name ("… Centre"): an organisation
        retype(E, rid, "organizations", kind)
        E.new[rid].pop("operator", None)
        m = Mention(s, end, name, "organizations", rid, False, kind, "acronym", 0.6, name)
        E.add(m)
        return m
    from nevkg.ingest.extract.org_context import _org_at

    return _org_at(E, s, end, kind, "acronym")
