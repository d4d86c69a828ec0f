"""Checks on the names the parser proposes, before any relation is read from them.

Mistakes of a statistical parser (or of the rules that retype its names) that would each give wrong
relations:

- a new "place" named right after a noun of a company's role ("through importer X", "rival X", "its partner
  X"): it is an organisation (a company is never a market);

- a place the parser found after "in", "at" or "near" that a list rule made an organisation ("signed in
  Jakarta, X will …" read as "Jakarta, X"): it is a place again (a place is never a partner);

- two companies joined by "and" taken as one name ("Kestrel Auto and Andes Motors"), or a name that swallowed
  the "and" after it: each company is a name of its own (a joint venture of the two is no venture of one);
- a company's name ending in a word no person's name ends in ("Hualong Electric", "Qiantang Motors") typed as a
  person: it becomes an organisation again (a person never exports, builds or is a market's seller);
- a common noun that opens a sentence before a trade noun and a name ("Robotaxi operator X", "Battery maker Y")
  typed as an organisation: it describes X and is no name of its own (it would become X's partner);
- a new name between a possessive and a body style ("its Aurora sedan", "the group's Lynx SUV") typed as an
  organisation: it is the owner's vehicle model (it would become the owner's partner or an exporter);
- a person's full name the parser took for a place (often in a headline or at a paragraph's start: "Wu Qiming
  keeps …"), one word of which stands alone as a person elsewhere ("Wu, 47, is …", "Wu says"): it is that
  person (the lone word then is the person's surname, not a company);
- a person's two names and a third word the parser cut off as a name of its own before "said", "told" or a
  comma ("Anfavea president Ricardo Tavares Bastos said": no company "Bastos"): one person of three names;
- a one-word name in an apposition that describes a company named just before ("X Auto Import, the Rotterdam
  importer of …", "…, the Rotterdam company that distributes …") typed as an organisation: it says where the
  company is, a city (it would become a partner);
- a company's name that swallowed the place after it ("with Careem in Jeddah"): the company, then the place (it
  would be a company of its own, and the place lost);
- a new name found only in a headline written in title case ("Chinese EV Makers Turn to Colombia as Brazil and
  Mexico Raise Walls": "Mexico Raise Walls"): every word there is capitalised, so the parser's names are guesses;
  a name the body uses too stays;
- a press release's heading "About X" taken as one name, a time zone after a clock time ("9:00 p.m. Beijing
  Time") and "Level" of "Level 4": the heading names X, the others nothing.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.cities import city_country
from nevkg.ingest.extract.model import Mention

__all__ = ["check_names"]

#: last words of a company's name that never end a person's name
_COMPANY_TAIL = {"electric", "motor", "motors", "auto", "autos", "automobile", "automotive", "group", "holding",
                 "holdings", "technology", "technologies", "energy", "mobility", "vehicles", "industries",
                 "industry", "corporation", "corp", "company", "ltd", "limited", "inc", "plc", "gmbh", "logistics",
                 "batteries", "battery", "power", "new-energy", "bus", "buses", "trucks", "works", "cabs", "taxis",
                 "assemblers"}
#: trade nouns that follow a descriptor and precede a company's name ("Battery maker X")
_TRADE_NOUN = (r"(?:operator|maker|makers|manufacturer|supplier|giant|firm|company|startup|start-up|group|"
               r"carmaker|automaker|producer|developer|provider|platform|specialist|leader|major)")
#: a body named for its portfolio, whose "and" joins two fields, not two companies
_PORTFOLIO_HEAD = re.compile(r"(?:The\s+)?(?:Ministry|Department|Office|Commission|Bureau|Agency|Administration|"
                             r"Council|Committee|Secretariat|Directorate|Institute)\s+(?:of|for)\s")
#: nouns of a company's role right before its name ("through importer X", "rival X")
_ROLE_BEFORE = re.compile(r"\b(?:importer|distributor|dealer|retailer|partner|rival|competitor|subsidiary|"
                          r"supplier|customer|client|investor|shareholder)\s+$")
#: body styles that follow a model's name
_BODY = r"(?:sedans?|saloons?|SUVs?|hatchbacks?|pickups?|pick-ups?|MPVs?|crossovers?|coupes?|minivans?|vans?)"
_OWNER_BEFORE = re.compile(r"(?:\b(?:its|their)|['’]s?)\s+(?:(?:new|latest|electric|all-electric|compact|flagship|"
                           r"best-selling|plug-in|hybrid|mid-size|midsize|small|large|first)\s+){0,2}$", re.I)


def check_names(E: Any) -> None:
    """Correct the mistakes above in ``E`` (an ``_Entities`` whose names are all found); first drop the
    capitalised phrases that name nothing, last join an organisation proposed with and without its legal form
    (:mod:`.name_generic`)."""
    from nevkg.ingest.extract.departments import split_departments
    from nevkg.ingest.extract.listed_bodies import listed_bodies
    from nevkg.ingest.extract.listings import ticker_listings
    from nevkg.ingest.extract.name_generic import drop_generic_names
    from nevkg.ingest.extract.name_merges import join_paired_names, merge_legal_forms
    from nevkg.ingest.extract.name_people import (
        byline_people,
        company_short_names,
        honorific_people,
        particle_names,
        remit_names,
    )

    byline_people(E)
    honorific_people(E)
    particle_names(E)
    remit_names(E)
    company_short_names(E)
    drop_generic_names(E)
    _headings_and_clock_zones(E)  # (before names are joined: "About X Co., Ltd." would take X's mentions)
    join_paired_names(E)
    _role_named_places(E)
    _places_again(E)
    _joined_companies(E)
    listed_bodies(E)
    _company_people(E)
    _descriptors(E)
    _owned_models(E)
    _people_named_as_places(E)
    _third_names(E)
    _described_homes(E)
    split_departments(E)
    merge_legal_forms(E)
    ticker_listings(E)
    _places_out_of_names(E)
    _title_case_headline_names(E)


#: leading words that are no company's short name
_NOT_SHORT = {"The", "New", "General", "China", "Grupo", "Group", "National", "International", "Great", "United"}


def _named_elsewhere(E: Any, name: str, joined: Mention) -> Mention | None:
    """Another mention of an organisation named ``name``, or whose name starts with it ("X Taxi AS", "X Autonomy":
    its short form), outside the joined name ``joined``; a known organisation of that name counts too."""
    if E.gaz.lookup(name, ("organizations",)) is not None:
        return Mention(0, 0, name, "organizations", "", True, None, "gazetteer", 0.9)
    return next((m for m in E.mentions if m.file == "organizations" and m is not joined and (
        m.text == name or m.id != joined.id and m.text.startswith(name + " ") and name not in _NOT_SHORT)), None)


def _role_named_places(E: Any) -> None:
    """A new place every mention of which follows a company-role noun is an organisation."""
    from nevkg.ingest.extract.ner import retype

    for rid in [r for r, m in E.new_meta.items() if m.file == "places"]:
        ms = [m for m in E.mentions if m.id == rid]
        if ms and all(_ROLE_BEFORE.search(E.text[max(0, m.start - 30):m.start]) for m in ms):
            retype(E, rid, "organizations", "company")


def _places_again(E: Any) -> None:
    """A new organisation the parser found as a place, every mention of which follows "in", "at" or "near"; and a
    new organisation of one word, named as a company's home once ("the Prešov-based X") and otherwise only by the
    parser ("… serve Prešov, Košice and Poprad")."""
    from nevkg.ingest.extract.ner import retype

    for rid in [r for r, m in E.new_meta.items() if m.file == "organizations"]:
        ms = [m for m in E.mentions if m.id == rid]
        if ms and all(m.rule == "ner:GPE" and re.search(r"\b(?:in|at|near)\s+$", E.text[max(0, m.start - 8):m.start])
                      for m in ms) or ms and " " not in ms[0].text.strip() and any(
                re.match(r"-(?:based|headquartered)\b", E.text[m.end:m.end + 16]) for m in ms) and all(
                m.rule.startswith(("ner:", "listed-org")) for m in ms):
            retype(E, rid, "places", "city")
        elif ms and " " not in ms[0].text and (
                of := re.search(rf"\b(state|province)\s+of\s+{re.escape(ms[0].text)}\b", E.text)):
            retype(E, rid, "places", of.group(1))  # "the northeastern Brazilian state of Ceara": a state, whatever
            # the headline's "Brazil's Ceara" made of it


#: what a utility sells, joined by "and" in its one name ("Power and Light", "Water and Sewerage")
_UTILITY = {"power", "light", "lighting", "water", "gas", "electric", "electricity", "energy", "sewerage"}


def _joined_companies(E: Any) -> None:
    """Split a new name "A Motors and B Group" (both parts end in a company word) into its two companies, and
    trim a new name's trailing "and"; a name like "Omoda and Jaecoo UK Ltd" (one part is no company's name of
    its own) stays whole."""
    from nevkg.ingest.extract.org_forms import _put, org_record

    for k in [k for k in E.mentions if k.file == "organizations" and not k.known and k.rule.startswith("ner:")]:
        trail = re.search(r"\s+(?:and|&)$", k.text)
        joined = re.fullmatch(r"(?P<a>[A-Z][^,]*?\b(?P<ta>[\w\-]+))\s+(?:and|&)\s+(?P<b>[A-Z][^,]*?\b(?P<tb>[\w\-]+))",
                              k.text)
        pair = re.fullmatch(r"(?P<a>[A-Z][^,]*?)\s+(?:and|&)\s+(?P<b>[A-Z][^,]*)", k.text)
        field = re.match(r"[ ]+[A-Z][a-z]+\b(?![ ]+[A-Z])", E.text[k.end:]) if trail else None
        if field and _PORTFOLIO_HEAD.match(k.text) and E.gaz.lookup(field.group(0).strip()) is None:
            parts = [(k.start, k.end + field.end())]  # a body's second field the parser cut: "Ministry of
            # Housing and [Lands]"
        elif trail:
            parts = [(k.start, k.start + trail.start())]
        elif joined and joined.group("ta").lower() in _COMPANY_TAIL and joined.group("tb").lower() in _COMPANY_TAIL \
                and not _PORTFOLIO_HEAD.match(k.text) and not (  # ("Ministry of Industry and Information Technology")
                    joined.group("ta").lower() in _UTILITY and joined.group("b").split()[0].lower() in _UTILITY):
            # (a utility's name joins what it sells: "Guyana Power and Light Inc", "X Water and Power Authority")
            parts = [(k.start + joined.start("a"), k.start + joined.end("a")),
                     (k.start + joined.start("b"), k.start + joined.end("b"))]
        elif pair and all(_named_elsewhere(E, pair.group(g), k) for g in ("a", "b")):
            # both parts name companies the article names on their own: "… a deal that Kuaiyun and Uber signed"
            parts = [(k.start + pair.start("a"), k.start + pair.end("a")),
                     (k.start + pair.start("b"), k.start + pair.end("b"))]
        else:
            continue
        E.forget(k)
        for a, b in parts:
            name = E.text[a:b]
            known = E.gaz.lookup(name, ("organizations",))
            if known is not None:
                E.add(Mention(a, b, name, "organizations", known.id, True, known.kind, "joined-name", 0.8,
                              known.label))
                continue
            other = _named_elsewhere(E, name, k)
            if other is not None and other.id == k.id:  # the part's own mentions were read as the joined name's
                rec = {"id": E._new_id(name, "organizations"), "label": name,
                       "kind": E.new.get(k.id, {}).get("kind") or "company"}
                for m in [m for m in E.mentions if m.id == k.id and m.text == name]:
                    _put(E, m.start, m.end, rec, m.rule, m.confidence)
                _put(E, a, b, rec, "joined-name", 0.6)
                E.drop_unused(k.id)
                continue
            if other is not None and not other.known and other.id in E.new:
                _put(E, a, b, E.new[other.id], "joined-name", 0.6)
                continue
            kind = "ministry" if name.startswith(("Ministry", "The Ministry")) else \
                "government-body" if _PORTFOLIO_HEAD.match(name) else "company"
            _put(E, a, b, org_record(E, name, kind), "joined-name", 0.6)


def _company_people(E: Any) -> None:
    """A new "person" of two or more words whose last word only ends companies' names is an organisation."""
    from nevkg.ingest.extract.ner import retype

    for rid, rec in list(E.new.items()):
        meta = E.new_meta[rid]
        words = str(rec.get("label") or "").split()
        if meta.file == "people" and len(words) >= 2 and words[-1].lower() in _COMPANY_TAIL \
                and words[0][:1].isupper():
            retype(E, rid, "organizations", "company")


def _descriptors(E: Any) -> None:
    """Drop a new one-word organisation that opens a sentence before a lowercase trade noun and a name; a carmaker
    or brand the extractor knows by name ("Tesla supplier X") is a name, never a descriptor."""
    from nevkg.ingest.makers import MAKERS

    for rid in [r for r, m in E.new_meta.items() if m.file == "organizations"]:
        ms = [m for m in E.mentions if m.id == rid]
        if not ms or any(" " in m.text or m.text in MAKERS for m in ms):
            continue
        descriptive = [m for m in ms if re.match(rf"\s+{_TRADE_NOUN}\s+(?:[A-Z]|the\s)", E.text[m.end:m.end + 40])
                       and re.search(r"(?:^|[.!?]\s+|\n)\s*(?:[\"“]\s*)?$", E.text[max(0, m.start - 4):m.start])]
        if len(descriptive) != len(ms):
            continue  # named elsewhere as a name of its own
        for m in ms:
            E.mentions.remove(m)
        del E.new[rid]
        del E.new_meta[rid]


def _owned_models(E: Any) -> None:
    """A new organisation every mention of which stands between a possessive and a body style is a model."""
    from nevkg.ingest.extract.ner import retype

    for rid in [r for r, m in E.new_meta.items() if m.file == "organizations"]:
        ms = [m for m in E.mentions if m.id == rid]
        if ms and all(re.match(rf"\s+{_BODY}\b", E.text[m.end:m.end + 14])
                      and _OWNER_BEFORE.search(E.text[max(0, m.start - 40):m.start]) for m in ms):
            retype(E, rid, "vehicle_models", "")
            E.new[rid].pop("kind", None)
            for m in ms:
                m.kind = None


#: words of a place's name that no person's name holds
_PLACE_WORD = re.compile(r"\b(?:City|County|Province|Region|District|Valley|Bay|Port|Island|Islands|Lake|River|"
                         r"Coast|North|South|East|West|New|San|Santa|Saint|St|Fort|Mount|Zone|Area|Park)\b")


def _people_named_as_places(E: Any) -> None:
    """A new place of two or three capitalised words (not a place's word among them), whose first or last word
    stands alone in the text as a person (the parser tags it so, or it is followed by an age in commas or a verb
    of saying: "Wu, 47, is …", "Wu says …"), is a person's name ("De Vries" opening a sentence is a surname with
    its particle, left to the surname rules)."""
    from nevkg.ingest.extract.ner import retype

    for rid in [r for r, m in E.new_meta.items() if m.file == "places" and m.rule in {"ner:GPE", "ner:LOC"}]:
        words = str(E.new[rid].get("label") or "").split()
        if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", w) for w in words) or \
                words[0] in {"De", "Van", "Von", "Da", "Del", "Della", "Di", "Du", "Dos", "Das", "La", "Le", "Ter"} or \
                _PLACE_WORD.search(E.new[rid]["label"]) or E.gaz.lookup(E.new[rid]["label"], ("places",)) or \
                city_country(E.new[rid]["label"]) is not None:  # (a larger town of the world: "Santo Domingo")
            continue
        alone = [k for k in E.mentions if not k.known and k.rule == "ner:PERSON" and k.text in (words[0], words[-1])
                 and k.file in {"organizations", "people"}]
        cue = re.compile(rf"(?<![\w-])(?:{words[0]}|{words[-1]})(?:,\s*\d{{2}},|\s+(?:says|said|told|added|recalls)\b)")
        if not alone and not cue.search(E.text):
            continue
        retype(E, rid, "people", "")
        E.new[rid].pop("kind", None)
        for k in alone:  # the surname alone: the person's, found again by the surname rules
            E.forget(k)


#: after a place in an apposition: the noun that describes the company named before it
_DESCRIPTOR_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}(?:company|firm|group|importer|distributor|dealer|"
                               r"carmaker|automaker|maker|lender|bank|broker|retailer|operator|start-?up|supplier|"
                               r"manufacturer|subsidiary|unit)\b")


def _described_homes(E: Any) -> None:
    """A new one-word organisation every mention of which stands in "ORG, the WORD importer / company …" (the
    apposition describing the organisation named right before) is a city."""
    from nevkg.ingest.extract.ner import retype

    for rid in [r for r, m in E.new_meta.items() if m.file == "organizations"]:
        ms = [m for m in E.mentions if m.id == rid]
        if ms and all(" " not in m.text and _DESCRIPTOR_AFTER.match(E.text, m.end) and any(
                k.file == "organizations" and k.id != rid and re.fullmatch(r",\s+the\s+", E.text[k.end:m.start])
                for k in E.mentions) for m in ms):
            retype(E, rid, "places", "city")


#: a new organisation's name that swallowed "in PLACE" after it ("Careem in Jeddah")
_IN_PLACE_TAIL = re.compile(r"^(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+in\s+"
                            r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})$")


def _places_out_of_names(E: Any) -> None:
    """A new organisation the parser named with a place after it ("with Careem in Jeddah" read as one name) is the
    organisation, then the place (a known one, or a new city)."""
    from nevkg.ingest.extract.ner import _propose

    for m in [m for m in E.mentions if m.file == "organizations" and not m.known and m.id in E.new
              and m.rule == "ner:ORG"]:
        cut = _IN_PLACE_TAIL.match(m.text)
        if cut is None or E.gaz.lookup(cut.group("place"), ("organizations",)) is not None:
            continue
        place = E.gaz.lookup(cut.group("place"), ("places",))
        name, ps = cut.group("name"), m.start + cut.start("place")
        E.mentions.remove(m)
        E.drop_unused(m.id)
        known = E.gaz.lookup(name, ("organizations",))
        if known is not None:
            E.add(Mention(m.start, m.start + len(name), name, "organizations", known.id, True, known.kind,
                          "gazetteer", 0.9, known.label))
        else:
            _propose(E, "organizations", "company", name, m.start, m.start + len(name), "ORG")
        if place is not None:
            E.add(Mention(ps, m.end, cut.group("place"), "places", place.id, True, place.kind, "gazetteer", 0.9,
                          place.label))
        else:
            _propose(E, "places", "city", cut.group("place"), ps, m.end, "GPE")


#: a clock time before a time zone's name ("8:00 a.m. U.S. Eastern Time", "21:00 Beijing time")
_CLOCK = re.compile(r"\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?\s+(?:\(\s*)?$", re.I)


def _headings_and_clock_zones(E: Any) -> None:
    """Drop the parser's organisation "About X" of a heading line or "SOURCE X" of a wire release's last line (X
    named again, when the article names it), the "State for X" of a "Secretary of State for X" and
    its organisation or place for a time zone after a clock time ("Beijing Time")."""
    for m in [m for m in E.mentions if m.file in {"organizations", "places"} and not m.known and m.id in E.new]:
        if m.text.lower().endswith(" time") and _CLOCK.search(E.text, max(0, m.start - 20), m.start):
            E.forget(m)  # "9:00 p.m. Beijing Time": an hour's zone, no body and no place
            continue
        if m.text in {"Level", "Phase", "Stage", "Tier"} and re.match(r"\s?\d", E.text[m.end:m.end + 2]):
            E.forget(m)  # "develops Level 4 technology": an autonomy level, no body
            continue
        if re.match(r"State\s+(?:for|of)\s", m.text) and re.search(r"\bSecretary\s+of\s+$", E.text[:m.start]):
            E.forget(m)  # "Secretary of State for Energy": a title, no body
            continue
        head = re.match(r"(?:About|SOURCE)\s+", m.text)  # (a press release's boilerplate and source lines)
        if head is None or E.text[max(0, m.start - 1):m.start] not in {"", "\n"}:
            continue
        rest = m.text[head.end():]
        same = next((k for k in E.mentions if k is not m and k.file == "organizations" and k.text == rest), None)
        E.forget(m)
        if same is not None:  # "About Kunlai Robotics Inc." heading the company's boilerplate
            E.add(Mention(m.start + head.end(), m.end, rest, "organizations", same.id, same.known, same.kind,
                          same.rule, same.confidence, same.label))


def _title_case_headline_names(E: Any) -> None:
    """Drop the new names found only in a title-case headline (the article's first line) or in a crosshead written
    in capitals ("GOVERNOR, UNION WELCOME")."""
    end = E.text.find("\n")
    head = E.text[:end] if end > 0 else ""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", head)[1:] if len(w) >= 4]
    spans = [] if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.9 * len(words) or \
        head.rstrip().endswith(".") else [(0, end)]  # (a headline ends in no full stop)
    spans += [m.span() for m in re.finditer(r"(?m)^[ \t]*[A-Z][A-Z0-9 ,&'’%:-]{3,60}$", E.text)
              if " " in m.group(0).strip() and m.start() > 0]
    for a, b in spans:
        rest = E.text[:a] + E.text[b:]  # (the article without the headline or crosshead)
        for k in [k for k in E.mentions if a <= k.start and k.end <= b and not k.known
                  and k.file in {"organizations", "people", "places"}]:
            if not any(m.id == k.id and not a <= m.start < b for m in E.mentions) and k.text not in rest:
                E.forget(k)


def _third_names(E: Any) -> None:
    """Join a new person's two-word name and the new one-word name right after it (before "said", "says", "told",
    "added" or a comma) into one person."""
    from nevkg.ingest.extract.ner import relabel

    for p in [m for m in E.mentions if m.file == "people" and not m.known and m.id in E.new
              and len(m.text.split()) == 2]:
        q = next((k for k in E.mentions if k.start == p.end + 1 and not k.known and k.id in E.new and k.file in {
            "organizations", "places", "people"} and re.fullmatch(r"[A-ZÀ-Þ][a-zß-ÿ]+", k.text)), None)
        if q is None or E.text[p.end] != " " or not re.match(r"\s*(?:,|\s(?:said|says|told|added)\b)",
                                                              E.text[q.end:q.end + 8]):
            continue
        E.forget(q)
        full = E.text[p.start:q.end]
        relabel(E, p.id, full, "people")
        p.end, p.text = q.end, full
