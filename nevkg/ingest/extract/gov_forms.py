"""Government bodies named in forms the parse misses: embassies, ministries named by their area in lower case,
customs administrations named by their country (a part of :mod:`.org_forms`).

"the Chinese embassy in Peru", "the Embassy of Japan": an embassy; "Thailand's finance ministry", "the commerce
ministry" (of the country named with it, else of the dateline or of its sentence): a ministry, linked to the known
"Ministry of Finance of Thailand" when there is one; a capitalised "Ministry of Commerce" in a sentence naming one
country is that country's known ministry. "China's customs administration", "the ministry and customs
authorities" (of the country named with it, else of the dateline or of its sentence): the country's known
national customs office, when the records know one.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.org_forms import _country_of_word, _put

__all__ = ["gov_forms"]

_AREA = ("foreign affairs|foreign trade|foreign|commerce|trade|finance|industry|economy|economic affairs|"
         "transport|transportation|energy|environment|investment|interior|agriculture|science|technology|"
         "information technology|development|infrastructure|mobility|public works|mines|tourism|communications|"
         "digital affairs|labour|labor|planning|customs")
#: one area or two joined by "and": "industry and technology", "mobility and public works"
_AREAS = rf"(?:{_AREA})(?:\s+and\s+(?:{_AREA}))?"
_MINISTRY = re.compile(rf"(?:(?P<poss>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+|\b[Tt]he\s+(?P<adj>[A-Z][a-z]+\s+)?)"
                       rf"(?P<area>{_AREAS})\s+ministry\b|\b[Tt]he\s+ministry\s+of\s+(?P<area2>{_AREAS})\b|"
                       rf"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?P<area3>(?i:{_AREAS}))\s+[Mm]inistry\b")
_EMBASSY = re.compile(r"\b(?:the\s+)?(?!The\b)(?P<adj>[A-Z][a-z]+)\s+(?P<noun>[Ee]mbassy|[Cc]onsulate)"
                      r"(?:\s+in\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?|\b(?:the\s+)?(?P<noun2>Embassy|Consulate(?:\s+General)?)\s+of\s+"
                      r"(?:the\s+)?(?P<of>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s+in\s+(?P<place2>[A-Z][a-z]+))?")
_CUSTOMS = re.compile(r"(?:(?P<poss>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+|\b(?:[Tt]he|[Ii]ts|and)\s+"
                      r"(?P<adj>[A-Z][a-z]+\s+)?)(?P<name>customs\s+(?:administration|authorit(?:y|ies)|agency|"
                      r"service|bureau|office|officials))\b")


def gov_forms(E: Any) -> None:
    """Add embassies, ministries and customs administrations to the mentions of ``E`` (an ``_Entities``)."""
    _ministries(E)
    _bare_ministry(E)
    _bare_heads(E)
    _embassies(E)
    _customs(E)


def _sentence_country(E: Any, s: int) -> str | None:
    """The country the sentence at ``s`` names, when it names exactly one (a ministry named without its country
    is that country's; with none or several, it is left for the reviewer)."""
    from nevkg.ingest.countries import CAPITALS
    from nevkg.ingest.extract.sentences import split_sentences

    for a, b, _ in split_sentences(E.text):
        if a <= s < b:
            here = {k.id for k in E.mentions if k.file == "places" and k.kind == "country" and a <= k.start < b}
            if not here:  # a capital names its country ("In Brasília, the finance ministry said")
                here = {_country_of_word(E, country) for city, country in CAPITALS.items()
                        if re.search(rf"(?<![\w]){re.escape(city)}(?![\w])", E.text[a:b])} - {None}
            return here.pop() if len(here) == 1 else None
    return None


def _ministries(E: Any) -> None:
    from nevkg.ingest.extract.linking import link

    for x in _MINISTRY.finditer(E.text):
        s, e = x.span()
        if x.group("poss") or x.group("adj"):
            country = _country_of_word(E, (x.group("poss") or x.group("adj")).strip())
            if country is None and x.group("poss"):
                continue  # "Velmo's trade ministry"?
        else:
            country = None
        if country is None:  # the dateline's country, else the sentence's one country, else the article's main one
            country = E.dateline_country() or _sentence_country(E, s)
        area = (x.group("area") or x.group("area2") or x.group("area3")).title().replace(" And ", " and ")
        name = f"Ministry of {area}"
        if x.group("adj") and country is None:
            continue
        if any(k.start <= s and e <= k.end for k in E.mentions if k.file == "organizations"):
            continue
        # the country's name stays a mention of its own: the ministry's span starts after "Peru's" or "the"
        named = x.group("poss") or x.group("adj")
        start = x.start("area") if named else s + (x.group(0).lower().startswith("the ") and 4)
        country_label = E.gaz.entries[country].label if country in E.gaz.entries else \
            (E.new.get(country) or {}).get("label")
        known = link(f"{name} of {country_label}", E.gaz, ("organizations",), fuzzy=False) if country_label else None
        if known is not None and country:  # the text says whose ministry it is
            E.__dict__.setdefault("stated_country", {})[known.id] = country
        known = known or (None if named else _named_before(E, s, area))
        if known is not None:
            E.add(Mention(start, e, E.text[start:e], "organizations", known.id, True, known.kind, "ministry-form",
                          0.75, known.label, new_alias=None))
            continue
        rid = E._new_id(f"{name} {country_label or ''}".strip(), "organizations")
        alias_start = x.start("poss" if x.group("poss") else "adj") if named else start
        rec = {"id": rid, "label": name, "kind": "ministry", "aliases": [E.text[alias_start:e]]}
        if country:
            rec["country"] = country
        _put(E, start, e, rec, "ministry-form", 0.55)
    for rid, rec in list(E.new.items()):  # "Ministry of Commerce" of a country the article names: the known one
        meta = E.new_meta[rid]
        if meta.file != "organizations" or not rec.get("label", "").startswith("Ministry of ") \
                or rec.get("kind") == "ministry" and rec.get("aliases"):
            continue
        poss = re.search(r"(?P<c>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+$", E.text[max(0, meta.start - 30):meta.start])
        country = rec.get("country") or (poss and _country_of_word(E, poss.group("c"))) or E.dateline_country() \
            or _sentence_country(E, meta.start)  # ("China's Ministry of Commerce" under a New Delhi dateline)
        label = E.gaz.entries[country].label if country in E.gaz.entries else None
        known = link(f"{rec['label']} of {label}", E.gaz, ("organizations",), fuzzy=False) if label else None
        if known is None:
            continue
        E.__dict__.setdefault("stated_country", {})[known.id] = country
        for k in E.mentions:
            if k.id == rid:
                k.id, k.known, k.kind, k.label = known.id, True, known.kind, known.label
        del E.new[rid]
        del E.new_meta[rid]


def _named_before(E: Any, s: int, area: str) -> Any:
    """The ministry the article named before ``s`` whose name holds ``area`` ("the industry ministry" after
    "the Ministry of Industry and Trade"), as a known record or an in-article one (``id``, ``kind``, ``label``);
    ``None`` when none or several are."""
    from nevkg.ingest.extract.surnames import Known

    found: dict[str, Any] = {}
    for k in E.mentions:
        label = k.label or k.text
        if k.file == "organizations" and k.end <= s and re.search(r"\bMinistry\b", label) and \
                re.search(rf"\b{re.escape(area)}\b", label, re.I):
            if k.id not in E.gaz.entries:
                found[k.id] = Known(k.id, "organizations", label)
                found[k.id].kind = k.kind
            else:
                found[k.id] = E.gaz.entries[k.id]
    return next(iter(found.values())) if len(found) == 1 else None


def _bare_ministry(E: Any) -> None:
    """"Ministry spokesperson X said", "Ministry officials": a capitalised "Ministry" alone at a sentence start is
    the ministry the article named last."""
    for x in re.finditer(r"(?:^|(?<=[.!?]\s)|(?<=\n))Ministry(?=\s+(?:spokes\w+|officials?|data|figures|"
                         r"statement|said)\b)", E.text):
        before = [k for k in E.mentions if k.file == "organizations" and k.end <= x.start() and
                  re.search(r"\bMinistry\b|\bministry\b", k.label or k.text)]
        if not before:
            continue
        last = max(before, key=lambda k: k.end)
        inside = [k for k in E.mentions if k.start < x.end() and x.start() < k.end]
        for k in inside:
            E.mentions.remove(k)
            if k.id in E.new and not any(m.id == k.id for m in E.mentions):
                del E.new[k.id], E.new_meta[k.id]
        E.mentions.append(Mention(x.start(), x.end(), "Ministry", "organizations", last.id, last.known, last.kind,
                                  "ministry-form", 0.6, last.label))


#: the head words of a body's name that, capitalised after "the", speak of that body again ("the Corporation")
_BODY_HEADS = r"Corporation|Authority|Enterprise|Commission|Council|Agency|Bank|Board|Trust"


def _bare_heads(E: Any) -> None:
    """"head of distribution at the Corporation": a body's capitalised head word after "the" is the one organisation
    named before whose name ends in it (none where several or none do)."""
    for x in re.finditer(rf"(?<=\b[Tt]he )(?:{_BODY_HEADS})\b(?![ ]+(?:of|for)\b)(?![ ]+[A-Z])", E.text):
        if any(k.start < x.end() and x.start() < k.end for k in E.mentions):
            continue
        before = {k.id: k for k in E.mentions if k.file == "organizations" and k.end <= x.start() and
                  re.search(rf"\b{x.group(0)}$", k.label or k.text)}
        if len(before) != 1:
            continue
        last = next(iter(before.values()))
        E.mentions.append(Mention(x.start(), x.end(), x.group(0), "organizations", last.id, last.known, last.kind,
                                  "body-head", 0.6, last.label))


def _embassies(E: Any) -> None:
    for x in _EMBASSY.finditer(E.text):
        whose = x.group("adj") or x.group("of")
        country = _country_of_word(E, whose)
        if country is None:
            continue
        s = x.start() + (x.group(0).lower().startswith("the ") and 4)
        e = x.end()
        if any(k.start <= s and e <= k.end and k.file == "organizations" for k in E.mentions):
            continue
        label = E.text[s:e]
        rid = E._new_id(label, "organizations")
        _put(E, s, e, {"id": rid, "label": label, "kind": "government-body", "country": country},
             "embassy-form", 0.6)


def _customs(E: Any) -> None:
    """"China's customs administration", "the customs authorities": the national customs office of the country
    named with it (else of the dateline or of the sentence), when the records know it."""
    for x in _CUSTOMS.finditer(E.text):
        s, e = x.start("name"), x.end("name")
        if E.overlaps(s, e):
            continue
        word = (x.group("poss") or x.group("adj") or "").strip()
        country = _country_of_word(E, word) if word else E.dateline_country() or _sentence_country(E, s)
        office = next((k for k in E.gaz.entries.values() if k.file == "organizations" and k.kind == "customs-office"
                       and k.parents == [country] and re.search(r"\b(?:General|National|State|Federal)\b|"
                                                                r"^Customs\b", k.label)), None) if country else None
        if office is not None:
            E.add(Mention(s, e, E.text[s:e], "organizations", office.id, True, office.kind, "customs-form", 0.7,
                          office.label, new_alias=None))
