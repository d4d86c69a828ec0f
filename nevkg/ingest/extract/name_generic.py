"""Capitalised words that name nothing: checks on the new names.

A capitalised phrase is not always a name. The rules and the parser propose some that no analyst would record:

- a phrase that opens a sentence with a preposition or a time word ("In March", "Last Year", "In The Region"):
  a time or a generic noun once the opening word is left out;
- a generic noun written with a capital ("the Company", "the Group's", "the Government", "The Region",
  "Board of Directors"): a reference back to a name, not a name;
- a title taken for an organisation ("Minister of Industry", "Chief Operating Officer"): the person's title; the
  organisation is named elsewhere (or is the country, for a minister);
- a nation's people ("Bahrainis", "Papua New Guineans");

:func:`drop_generic_names` removes them (their mentions and records); it only touches new names: a record the graph
knows is never dropped. One organisation proposed twice is joined in :mod:`.name_merges`.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.periods import _MONTH_NUM
from nevkg.ingest.extract.spans import span_at
from nevkg.ingest.extract.title_words import ROLE_TITLE_RX as _TITLE_RX

__all__ = ["drop_generic_names", "generic_name"]

#: common nouns that a capital letter does not make a name
_GENERIC = {"company", "companies", "group", "government", "state", "region", "regions", "board", "ministry",
            "firm", "brand", "brands", "unit", "department", "authority", "authorities", "commission", "council",
            "agency", "bureau", "administration", "management", "directors", "country", "countries", "nation",
            "city", "province", "market", "markets", "plant", "factory", "committee", "parliament", "cabinet",
            "court", "carmaker", "automaker", "manufacturer", "partner", "partners", "venture", "subsidiary",
            "analysts", "officials", "executives", "sources", "industry", "sector", "overseas", "abroad",
            "domestic", "global", "world", "chairman", "president", "minister", "ministers", "embassy",
            "announcement", "notice", "guidelines", "rules", "regulation", "regulations", "measures", "policy",
            "law", "decree", "plan", "programme", "program", "statement", "report", "document", "agreement", "deal",
            "memorandum", "circular", "directive", "scheme", "assembly", "production", "output",
            "gov't", "govt"}  # (a headline's "Gov't welcomes …")
#: documents a filing defines by a capitalised term ("the Framework Agreement", "the Listing Rules")
_DEFINED_DOCS = {"agreement", "agreements", "contract", "contracts", "memorandum", "mou", "rules", "announcement",
                 "circular", "transaction", "transactions", "deed", "undertaking", "letter"}
#: the common words such a term is made of (a named treaty, "the Paris Agreement", is no such term)
_DEAL_WORDS = {"framework", "supply", "distribution", "sales", "sale", "purchase", "share", "subscription",
               "cooperation", "partnership", "joint", "venture", "investment", "strategic", "master", "service",
               "services", "licence", "license", "licensing", "technology", "transfer", "agency", "loan", "equity",
               "listing", "battery", "vehicle", "vehicles", "lease", "placing", "underwriting", "shareholders",
               "capital", "increase", "acquisition", "disposal", "exclusive", "dealer", "dealership", "parts",
               "procurement", "manufacturing", "processing", "assembly", "export", "import", "new", "the"}
#: words of a corporate body that only together with each other name no one ("Board of Directors")
_BODY_WORDS = {"board", "directors", "supervisors", "management", "supervisory", "executive", "committee",
               "shareholders", "general", "meeting", "annual", "of", "the"}
#: words of a state's form of government, which alone refer back to a country ("the Grand Duchy")
_STATE_WORDS = {"grand", "duchy", "kingdom", "republic", "emirate", "emirates", "sultanate", "principality",
                "federation", "commonwealth", "of", "the"}
#: the last word of a title ("Overseas Chief", "Regional President")
_TITLE_HEADS = {"chief", "officer", "president", "director", "manager", "minister", "chairman", "chairwoman",
                "executive", "spokesperson", "spokesman", "spokeswoman", "head", "secretary", "governor", "mayor"}
_GENERIC |= {"regional", "international", "general", "deputy", "senior", "vice", "executive", "managing"}
#: the roles a filing defines for the parties of a deal ('X Ltd. (the "Purchaser")'): names of no one of their own
_GENERIC |= {"purchaser", "vendor", "seller", "buyer", "subscriber", "issuer", "guarantor", "lender", "borrower",
             "transferor", "transferee", "licensor", "licensee", "operator", "contractor", "investor",
             "offeror", "offeree"}
#: time words that a capital at the start of a sentence does not make a name
_TIME_WORDS = {"year", "years", "month", "months", "week", "weeks", "quarter", "half", "today", "yesterday",
               "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spring",
               "summer", "autumn", "fall", "winter", "q1", "q2", "q3", "q4", "h1", "h2", "earlier", "later"}
#: words that open a phrase before a name or a time and are never its first word
_OPENERS = {"in", "on", "at", "by", "during", "since", "from", "until", "after", "before", "last", "next", "this",
            "the", "early", "late", "mid", "earlier", "later", "for", "over", "across", "within", "throughout",
            "of", "and", "to", "under", "with", "its", "their", "our"}
#: words of an organisation's name that a title of a person never has
_ORG_WORD = re.compile(r"\b(?:Ministry|Office|Department|Agency|Authority|Commission|Council|Bureau|Group|Company|"
                       r"Corporation|Motors?|Auto|Holdings?|Association|Federation|Chamber|Institute|Bank|Ltd|Inc|"
                       r"Co|Embassy|Government|Administration|Customs|University)\b")


def generic_name(name: str) -> bool:
    """Whether a capitalised phrase names nothing: a time or a generic noun (after any opening preposition or
    article), a corporate body in general terms, or a person's title.

    >>> [generic_name(x) for x in ["In March", "the Company", "Board of Directors", "Minister of Industry"]]
    [True, True, True, True]
    >>> [generic_name(x) for x in ["State Council", "Ministry of Industry", "In Motion Ltd", "March Group"]]
    [False, False, False, False]
    """
    words = name.replace("’", "'").split()
    while words and words[0].lower() in _OPENERS:
        words = words[1:]
    words = [re.sub(r"'s?$", "", w) for w in words]
    if not words:
        return True
    low = [w.lower().strip(".,") for w in words]
    if all(w in _MONTH_NUM or w in _TIME_WORDS or re.fullmatch(r"\d{1,4}", w) for w in low):
        return True
    if len(low) == 1 and low[0] in _GENERIC:
        return True
    if low[-1] in _DEFINED_DOCS and all(w in _DEAL_WORDS for w in low[:-1]):
        return True  # a document a filing defines ("the Framework Agreement", "the Supply Agreement")
    if len(low) > 1 and all(w in _BODY_WORDS for w in low) or all(w in _STATE_WORDS for w in low):
        return True  # "Board of Directors"; "the Grand Duchy", "the Kingdom": a country spoken of by its form
    text = " ".join(words)
    if _people_of_a_nation(text):
        return True  # "Bahrainis", "Papua New Guineans": a nation's people, no organisation or place
    if re.match(r"Md\.?\s+[A-Z][a-z]", text):
        return False  # "Md Shafiqul Islam": Bangladeshi names open with "Md" (Mohammad), no managing director's "MD"
    titled = _TITLE_RX.match(text) or low[-1] in _TITLE_HEADS and all(w in _GENERIC or w in _TITLE_HEADS
                                                                     for w in low[:-1])
    return bool(titled) and not _ORG_WORD.search(text)


def _people_of_a_nation(text: str) -> bool:
    """Whether ``text`` is a nation's adjective made plural ("Kenyans", "Bahrainis", "Papua New Guineans").

    >>> [_people_of_a_nation(x) for x in ("Papua New Guineans", "Bahrainis", "Kenya", "Philippines")]
    [True, True, False, False]
    """
    from nevkg.ingest.countries import COUNTRIES, DEMONYMS

    return text.endswith("s") and text[:-1] in DEMONYMS and text not in COUNTRIES  # (not "Philippines")


def drop_generic_names(E: Any) -> None:
    """Drop the new organisations, places and people whose every mention names nothing (:func:`generic_name`), or
    opens a sentence without a proper noun in it ("Together, A and B …", "Going Forward, …")."""
    kinds = {"organizations", "places", "people"}
    named = {k.id for k in E.mentions if k.file in kinds}  # (a "policy" of the parser's some rule made a company)
    for rid in [r for r, m in E.new_meta.items() if m.file in kinds or r in named]:
        ms = [m for m in E.mentions if m.id == rid]
        if not (generic_name(E.new[rid].get("label") or "") and all(generic_name(m.text) for m in ms)
                or ms and all(_opener(E, m) or _caps_heading(E, m) or _lone_label(E, m) for m in ms)):
            continue
        for m in ms:
            E.mentions.remove(m)
        E.new.pop(rid, None)
        E.new_meta.pop(rid, None)



#: the joining words of a heading's phrase ("PROPOSED ESTABLISHMENT OF THE JOINT VENTURE COMPANY")
_HEADING_JOIN = re.compile(r"\b(?:OF|WITH|FOR|AND|ON|TO|IN|REGARDING|CONCERNING)\b")


def _caps_heading(E: Any, m: Any) -> bool:
    """The mention is in a line of capitals of its own (a filing's or a release's heading) and joins words with
    "OF", "WITH", "FOR" …: a heading's phrase, no company's name ("FRAMEWORK AGREEMENT WITH X COMPANY")."""
    start = E.text.rfind("\n", 0, m.start) + 1
    end = E.text.find("\n", m.end)
    line = E.text[start:end if end >= 0 else len(E.text)].strip()
    return bool(m.text.isupper() and line.isupper() and _HEADING_JOIN.search(m.text))


def _lone_label(E: Any, m: Any) -> bool:
    """The mention is one word that is a line of its own (a release's subheading: "Background", "Remarks") or
    that opens a line as the label of a contact number or address ("Tel: +27 …", "Email: media@…")."""
    if " " in m.text.strip():
        return False
    start = E.text.rfind("\n", 0, m.start) + 1
    end = E.text.find("\n", m.end)
    line = E.text[start:end if end >= 0 else len(E.text)]
    if line.strip() == m.text.strip():
        return True
    return not line[:m.start - start].strip() and bool(re.match(r":\s*(?:[+(\d]|\S+@)", E.text[m.end:end]))


def _opener(E: Any, m: Any) -> bool:
    """The mention opens its sentence before a comma and the parse tags none of its words a proper noun (an
    adverb or a phrase that a list rule or the parser took for a name)."""
    doc = getattr(E, "doc", None)
    span = span_at(doc, m.start, m.end)
    return span is not None and span[0].is_sent_start and E.text[m.end:m.end + 1] == "," and not any(
        t.pos_ == "PROPN" for t in span)
