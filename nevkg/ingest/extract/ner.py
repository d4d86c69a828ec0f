"""Entity mentions from the statistical parse: named entities, demonyms, vehicle models and named measures.

The pipeline's entity labels on trade news are often wrong about the *type* (a carmaker labelled a person, a
brand a place), rarely about the *span*. So a span is taken from the parser, linked to a known record when it
is one (:func:`~nevkg.ingest.extract.linking.link`), and otherwise typed from its own words and its
context (:mod:`.ner_types`): "in X" is a place, a word with digits after a maker is a model, two or three
capitalised words the pipeline calls a person are a person, a name with a corporate word is an organisation.

This module holds the run over the parse's names (:func:`ner_mentions`: the spans of :mod:`.ner_spans`,
linked or typed and proposed, repeated, retyped by coordination), the dateline, and the helpers other name rules
share (:func:`retype`, ``_propose``)."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.currencies import CODES
from nevkg.ingest.extract.datelines import datelines
from nevkg.ingest.extract.linking import clean_name, link
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.ner_spans import _LEGAL_TAIL, LEGAL_AFTER, name_spans
from nevkg.ingest.extract.ner_types import _ORG_WORDS, LEGAL_THEN_SENTENCE, _type_of
from nevkg.ingest.extract.surnames import Known, person_by_surname
from nevkg.ingest.extract.vocab import DOMAIN_ABBREVIATIONS

__all__ = ["ner_mentions", "REGION_DEMONYMS", "DOMAIN_ABBREVIATIONS"]

_SKIP = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
#: a nation's adjective and a company noun before a name ("Lao Firm X" in a headline, "the Angolan company X")
_TITLED_DESCRIPTOR = re.compile(r"(?P<adj>[A-Z][a-z]+)\s+(?i:(?:EV\s+|Electric\s+Vehicle\s+|Car\s+|Battery\s+)?"
                                r"(?:Firm|Company|Maker|Carmaker|Automaker|Giant|Conglomerate|Startup|Start-up))\s+"
                                r"(?=[A-Z])")  # (in the text's case too: "the Angolan company X")
#: a headline's verb the parser read into the name before it ("X Auto Sells …", "X Motors Opens …")
_HEADLINE_VERB = re.compile(r"(?<=\S)\s+(?:Sells|Buys|Opens|Plans|Wins|Signs|Exits|Unwinds|Launches|Enters|Expands|"
                            r"Cuts|Raises|Eyes|Seeks|Posts|Reports|Starts|Begins|Builds|Ships|Exports|Picks|Delays|"
                            r"Scraps|Halts|Recalls|Invests|Lands|Agrees|Unveils|Appoints|Names|Shifts|Quits)$"
                            r"|(?<=[A-Za-z])\s+\d{1,3}(?:,\d{3})+$")  # (or a count: "Geely 41,872, Yinhu 14,205")
#: adjectives of regions and of the United States ("American" of a company names the country)
REGION_DEMONYMS = {"European": "Europe", "Latin American": "Latin America", "Asian": "Asia", "African": "Africa",
                   "Southeast Asian": "Southeast Asia", "Middle Eastern": "Middle East", "American": "United States",
                   "North American": "North America", "South American": "South America",
                   "Central Asian": "Central Asia", "Scandinavian": "Scandinavia", "Nordic": "Nordic countries",
                   "West African": "West Africa", "East African": "East Africa", "North African": "North Africa",
                   "Central American": "Central America", "East Asian": "East Asia", "South Asian": "South Asia",
                   "Eastern European": "Eastern Europe", "Western European": "Western Europe"}


def _junk(name: str) -> bool:
    if len(name) < 2 or not re.search(r"[A-Za-z]", name) or name.upper() in DOMAIN_ABBREVIATIONS or \
            name.lower() in CODES and name.isupper():  # a currency's code ("MNT 412 billion")
        return True
    if re.fullmatch(r"[\d.,]+\s*(?:mn|bn|m|k)?", name, re.I) or name[0].islower() or \
            name.split()[0] in {"Our", "My", "Your", "His", "Her", "Their"}:  # ("Our Staff Reporter": a byline)
        return True
    return all(w.upper() in DOMAIN_ABBREVIATIONS or w.lower() in {"the", "of", "and"} for w in name.split())


def _common_word(text: str, name: str) -> bool:
    """Whether an unknown one-word name is a common word capitalised by a heading or a sentence's start: the
    article writes it in lower case elsewhere ("Total revenues were …" beside "of total deliveries")."""
    return " " not in name and name[:1].isupper() and not name.isupper() and re.search(
        rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text) is not None


def _is_demonym(name: str) -> bool:
    from nevkg.ingest.countries import DEMONYMS

    return name in DEMONYMS


def _demonym(E: Any, s: int, e: int, adj: str) -> bool:
    from nevkg.ingest.countries import DEMONYMS

    name = DEMONYMS.get(adj) or REGION_DEMONYMS.get(adj)
    if name is None:
        return False
    if E.overlaps(s, e):
        return True
    mention = E._country_mention(s, e, name, "demonym", 0.7)
    if mention is None:
        known = link(name, E.gaz, ("places",), fuzzy=False)
        if known is not None:
            mention = Mention(s, e, E.text[s:e], "places", known.id, True, known.kind, "demonym", 0.7, known.label)
        else:
            rid = next((r for r, rec in E.new.items() if rec["label"] == name), None) or E._new_id(name, "places")
            mention = Mention(s, e, E.text[s:e], "places", rid, False, "region", "demonym", 0.6, name)
            if rid not in E.new:
                E.new[rid] = {"id": rid, "label": name, "kind": "region"}
                E.new_meta[rid] = mention
    mention.new_alias = None
    E.mentions.append(mention)
    return True


def _translated_name(E: Any, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` fills the brackets right after an organisation's name (its name in English: "Polgári
    Mérleg (Civic Balance)"); the new organisation takes it as an alias."""
    if E.text[e:e + 1] != ")":
        return False
    org = next((k for k in E.mentions if k.file == "organizations" and re.fullmatch(r"\s*\(\s*", E.text[k.end:s])),
               None)
    if org is None:
        return False
    if not org.known and org.id in E.new:
        aliases = E.new[org.id].setdefault("aliases", [])
        if E.text[s:e] not in aliases:
            aliases.append(E.text[s:e])
    return True


#: an honorific the parser read as the last word of an organisation's name ("X Group Eng. NAME")
_HONORIFIC_END = re.compile(r"\s+(?:Eng|Engr|Dr|Mr|Mrs|Ms|Prof)\.?$")


def ner_mentions(E: Any, doc: Any) -> None:
    """Add the parse's named entities to ``E`` (an ``_Entities``): linked when known, else typed and proposed."""
    from nevkg.ingest.countries import COUNTRIES, DEMONYMS
    from nevkg.ingest.extract.name_people import initialled_names

    text = E.text
    for ent in name_spans(doc):
        if ent.label_ in _SKIP:
            continue
        raw = text[ent.start_char:ent.end_char]
        name = _HEADLINE_VERB.sub("", clean_name(raw))  # "Jinghua Auto Sells Russian Stake": Jinghua Auto
        if ent.label_ == "ORG":  # "CEO of X Group Eng. NAME": the honorific opens the person's name
            name = _HONORIFIC_END.sub("", name)
        if ent.label_ == "ORG" and (lead := _TITLED_DESCRIPTOR.match(name)) and lead.group("adj") in DEMONYMS:
            # a headline's "Lao Firm Dokkhoun", "Chinese EV Maker Yuanqu": the name is what follows the company
            # noun, of the nation the adjective says
            a = ent.start_char + raw.find(name)
            _demonym(E, a, a + len(lead.group("adj")), lead.group("adj"))
            name = name[lead.end():]
        if ent.label_ in {"PERSON", "ORG"} and _WORD_THEN_NAME.fullmatch(name) and not _ORG_WORDS.search(
                name.rsplit(", ", 1)[1]):
            name = name.rsplit(", ", 1)[1]  # "Transport, Eva Smit": a portfolio, then a person's name
        lead = re.match(r"(?:JV|[Jj]oint\s+[Vv]enture|[Vv]enture)\s+(?:of|between)\s+(?:the\s+)?", name)
        name = name[lead.end():] if lead else name  # "the JV of X and Y": the names are X and Y
        owner = re.match(r"(?P<o>[^\s'’]+(?:\s[^\s'’]+)?)['’]s\s+(?=\S)", name)
        if owner and link(owner.group("o"), E.gaz, ("organizations",), fuzzy=False) is not None:
            name = name[owner.end():]  # "Geely’s Coolray": a known owner's thing is named without the owner
        region = re.match(r"(?P<n>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)\s+(?P<k>province|state|prefecture|county)$", name)
        if region and ent.label_ in {"GPE", "LOC"}:
            name = region.group("n")  # "Thailand's Rayong province": Rayong, a province
        name = name[:cut.end()] if (cut := LEGAL_THEN_SENTENCE.search(name)) else name  # ("X Co. Rupsha will …")
        if (counted := re.fullmatch(r"(.+?)\s+\d[\d,.]*", name)) and counted.group(1) in COUNTRIES:
            name = counted.group(1)  # "Papua New Guinea 620" in a list of parts: the country, then its count
        if not name:
            continue
        s = ent.start_char + raw.find(name)
        e = s + len(name)
        if ent.label_ == "ORG" and (land := next((k for k in E.overlaps(s, e) if k.file == "places"
                                                  and k.start < s < k.end <= e), None)) is not None:
            s, name = land.start, text[land.start:e]  # "Norfolk [Island Electricity]": the land the name opens with
        if ent.label_ == "PERSON" and text[max(0, s - 4):s] == "Ma. ":  # (the Filipino María: "Ma. Cristina Reyes")
            s, name = s - 4, "Ma. " + name
        if ent.label_ == "NORP" or name in REGION_DEMONYMS or _is_demonym(name):
            _demonym(E, s, e, name)  # (also "the Ukrainian border" the parser calls a place: an adjective)
            continue
        if _junk(name) or any(k.start <= s and e <= k.end for k in E.overlaps(s, e)):
            continue
        if ent.label_ in {"GPE", "LOC", "ORG"} and re.match(r"\s+dollars?\b|\s?\$", text[e:e + 12]):
            continue  # "US $ 1.42 billion", "Hong Kong dollars": a currency, not the place
        if ent.label_ == "PERSON" and _translated_name(E, s, e):
            continue  # "Polgári Mérleg (Civic Balance)": the organisation's name in English, no person
        if run_in_head(text, s, e) and ent.label_ not in {"GPE", "LOC"}:
            continue  # "DISTRIBUTION — X has …": a newsletter's run-in head, not a company
        inner = E.overlaps(s, e)
        if inner and all(not k.known and k.file == "organizations" and s <= k.start and k.end <= e for k in inner) \
                and ent.label_ == "ORG":
            for k in inner:  # a longer name the parser found replaces a pattern's shorter cut of it
                E.forget(k)
            inner = []
        if _heading(text, s, e):
            continue
        of = re.match(r"^(?P<x>.+?) of (?P<y>[A-Z][\w ]+)$", name)
        if of and link(of.group("y"), E.gaz, ("places",), fuzzy=False) and link(of.group("x"), E.gaz, fuzzy=False):
            name, e = of.group("x"), s + len(of.group("x"))  # "X Auto of China": X Auto (the place stays a place)
        fuzzy = " " in name or not re.search(rf"(?<![\w-]){re.escape(name)}\s+[A-Z][a-z]", text)  # ("Shanhai" of
        known = link(name, E.gaz, fuzzy=fuzzy) or person_by_surname(E, name, ent.label_, s)  # ("Shanhai Auto" is no
        # Shanghai)
        if known is not None:
            if not inner:
                is_known = not isinstance(known, Known)
                alias = name if is_known and name != known.label and name not in known.names \
                    and not name.isupper() else None
                E.add(Mention(s, e, name, known.file, known.id, is_known, known.kind, f"ner:{ent.label_}+link", 0.85,
                              known.label, new_alias=alias))
            continue
        if _common_word(text, name):
            continue
        typed = _type_of(name, ent.label_, doc, ent, E)
        if typed is None:
            continue
        file, kind = typed
        if region and file == "places" and ent.label_ in {"GPE", "LOC"}:
            kind = "state" if region.group("k") == "state" else "province"
        if file == "vehicle_models":
            tail = re.match(r"(?:\s+(?:\d[\w.\-]*|[A-Z]{1,3}\d*|Pro|Max|Plus|Ultra|Hybrid|EV|DM-i|DM-p)\b){1,3}",
                            text[e:e + 24])
            if tail:
                name, e = name + tail.group(0), e + len(tail.group(0))
        if file == "people" and inner and _arm_of_named(E, name):
            file, kind = "organizations", "company"  # "Hexing Africa": a named company's regional arm, no person
        if file == "people" and inner and all(k.known and k.start == s and " " not in k.text and k.text != k.label
                                              for k in inner):
            for k in inner:  # "Ola Berg": a given name that is only another spelling of a brand's ("Ola" of ORA)
                E.forget(k)
            _propose(E, file, kind, name, s, e, ent.label_)
            continue
        if file in {"sites", "policies"} or inner and file != "vehicle_models":
            # a longer name holding known ones ("BYD Uzbekistan Factory"): a site or measure keeps the inner
            # names as mentions; an organisation becomes the mention, its inner names are kept aside
            if file == "organizations" or kind in {"airport", "venue"}:  # (so is "Malta International Airport")
                rest = text[s:e]
                for k in sorted(inner, key=lambda k: -k.start):
                    rest = rest[:k.start - s] + rest[k.end - s:]
                if not re.sub(r"\b(?:and|&|of|the)\b|[\s,]", "", rest):
                    continue  # "A and B": two names the parser joined
                E.inner.extend(k for k in inner if k.known)
                _propose(E, file, kind, name, s, e, ent.label_)
            elif file in {"sites", "policies"}:
                _propose(E, file, kind, name, s, e, ent.label_, keep_inner=True)
            continue
        _propose(E, file, kind, name, s, e, ent.label_)
    initialled_names(E)  # (before a joined name's words are read as its short names elsewhere)
    _repeat_mentions(E)
    _retype_by_coordination(E)
    datelines(E)


def _arm_of_named(E: Any, name: str) -> bool:
    """Whether ``name`` is the short name of an organisation the article names and a region's or country's name
    ("Hexing Africa" beside Hexing New Energy Automobile): that company's regional arm."""
    from nevkg.ingest.extract.linking import fullest_name
    from nevkg.ingest.extract.regional_arms import regional_arm

    first = name.split()[0]
    return regional_arm(first, name, E.gaz) and fullest_name(E.mentions, first) is not None


def retype(E: Any, rid: str, file: str, kind: str) -> None:
    """Move a new entity to another record file (every mention of it too)."""
    if file == "organizations" and kind == "company" and E.new[rid].get("kind") == "publisher":
        kind = "publisher"  # (a paper found cited stays one when its name is also read as a person's)
    for k in E.mentions:
        if k.id == rid:
            k.file, k.kind = file, kind
    E.new_meta[rid].file = file
    E.new_meta[rid].kind = kind
    E.new[rid]["kind"] = kind
    E.new[rid].pop("located_in", None)


def relabel(E: Any, rid: str, label: str, file: str, meta: Any = None) -> str:
    """Give the new record ``rid`` the label ``label`` and the id made from it (kept when another new record holds
    that id); every mention of it follows, and ``meta`` (else its old one) stays its first mention. The new id."""
    new_id = E._new_id(label, file)
    if new_id != rid and new_id in E.new:
        new_id = rid
    rec, old_meta = E.new.pop(rid), E.new_meta.pop(rid, None)
    E.new[new_id], E.new_meta[new_id] = {**rec, "id": new_id, "label": label}, old_meta if meta is None else meta
    for k in E.mentions:
        if k.id == rid:
            k.id, k.label = new_id, label
    return new_id


def _retype_by_coordination(E: Any) -> None:
    """A new name coordinated with names of the other kind takes their kind: "Omoda and Jaecoo" (the parser
    called one a place) are both brands; "Eisenach and Trnava" are both places."""
    ms = sorted(E.mentions, key=lambda m: m.start)
    for i, m in enumerate(ms):
        if m.known or m.file not in {"organizations", "places"} or not m.rule.startswith("ner:") \
                or m.id not in E.new or m.kind == "country" or _LEGAL_TAIL.search(m.text) \
                or E.new_meta[m.id].rule.startswith(("org-suffix:", "place-suffix:")):
            continue  # (a name ending in a legal form is a company whatever its neighbours; so is a short name of
            # a name typed by its own last word: "In Brazil, Haoyun's sales …" keeps "Haoyun Auto" a company)
        nbrs = []
        if i > 0 and re.fullmatch(r"\s*(?:,|and|or|&)\s*", E.text[ms[i - 1].end:m.start]) and not (
                m.file == "places" and _LEGAL_TAIL.search(ms[i - 1].text) and E.text[ms[i - 1].end] == ","):
            nbrs.append(ms[i - 1])  # (not a company's seat after its full name: "X GmbH, Hilden, has signed")
        if i + 1 < len(ms) and re.fullmatch(r"\s*(?:,|and|or|&)\s*", E.text[m.end:ms[i + 1].start]):
            nbrs.append(ms[i + 1])
        nbrs = [n for n in nbrs if not any(k is not n and (E.text[k.end:n.start] == " " or E.text[n.end:k.start] == " ")
                                           for k in E.mentions)]  # (not a word of a longer name: "X Motor Europe")
        other = {n.file for n in nbrs if n.file in {"organizations", "places"} and not n.rule.startswith("demonym")
                 and (n.known or not n.rule.startswith("ner:") or n.file == "places" and re.search(
                     r"\b(?:in|at|near|to|across|outside)\s+(?:the\s+)?$", E.text[max(0, n.start - 12):n.start]))}
        if len(other) == 1 and m.file not in other \
                and not (m.file == "places" and re.search(r"\b(?i:in|on|at|near|outside|from)\s+(?:the\s+)?$",
                                                          E.text[max(0, m.start - 12):m.start])):
            file = other.pop()  # (a place after "in" stays one: "In Madrid, X Group said …")
            retype(E, m.id, file, "company" if file == "organizations" else "city")


#: the word naming a group's international arm, which is no short name of the group
_ARM = re.compile(r"\bInternational\b")
#: capitalised words, a comma, then a name of two or three words: the parser ran a title's end into a name
_WORD_THEN_NAME = re.compile(r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*,\s+[A-Z][a-z]+(?:\s+[A-Z][\w-]+){1,2}")
def run_in_head(text: str, s: int, e: int) -> bool:
    """The words at ``s:e`` are a run-in head in capitals that opens a later paragraph ("MARKETS — …", "DEALS: …";
    not the text's first line, where a dateline stands: "LIMA: …")."""
    return s > 0 and text[s - 1] == "\n" and text[s:e].isupper() and bool(re.match(r"\s*[—–:]|\s+-\s",
                                                                                   text[e:e + 3]))


def _heading(text: str, s: int, e: int) -> bool:
    """The name is a line of its own (a subheading), not a mention in a sentence."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    return line == text[s:e].strip() and len(line.split()) > 1


def _propose(E: Any, file: str, kind: str, name: str, s: int, e: int, label: str, *, keep_inner: bool = False) -> None:
    from nevkg.ingest.extract.linking import name_head

    rid = next((r for r, rec in E.new.items() if E.new_meta[r].file == file and (
        rec.get("label") == name or file == "organizations" and name_head(rec["label"]) == name_head(name)
        and bool(_ARM.search(rec["label"])) == bool(_ARM.search(name)))), None)  # ("X International": X's arm)
    if rid is not None and file == "organizations" and E.new[rid]["label"] != name:
        from nevkg.ingest.extract.name_merges import first_owner

        rid = first_owner(E, name, rid)  # ("Xuri" of Xuri Power Technology, named before Xuri Group)
    rule = f"ner:{label}"
    mention = Mention(s, e, name, file, rid or "", False, kind or None, rule, 0.6, name)
    if rid is not None:
        mention.id = rid
        if not keep_inner:
            E.add(mention)
        return
    rid = E._new_id(name, file)
    mention.id = rid
    cut = [] if keep_inner or file != "organizations" else _cut_names(E, s, e, name)
    rec: dict[str, Any] = {"id": rid, "label": name}
    if name.isupper() and len(name) > 4 and file in {"places", "people"}:  # a dateline's capitals
        rec["label"], rec["aliases"] = name.title(), [name]
    if kind:
        rec["kind"] = kind
    if keep_inner:
        E.new[rid] = rec
        E.new_meta[rid] = mention
    else:
        E._add_new(rec, mention)
    for old in cut:  # its other mentions ("Xiamen-based Hengqiao" above) are of the whole name
        for k in E.mentions:
            if k.id == old:
                k.id, k.label = rid, name
        E.drop_unused(old)


def _cut_names(E: Any, s: int, e: int, name: str) -> list[str]:
    """The new organisations the rules named by the start of the parser's longer name at ``s:e`` ("Hengqiao New
    Energy" of "Hengqiao New Energy Vehicle Co"), never named alone elsewhere and not the parent of a regional arm
    ("Hongyan Motors" of "Hongyan Motors Malaysia")."""
    from nevkg.ingest.extract.regional_arms import regional_arm

    return [r for r, m in list(E.new_meta.items()) if m.file == "organizations" and m.start == s and m.end < e
            and r in E.new and name.startswith(E.new[r]["label"] + " ") and not regional_arm(E.new[r]["label"], name,
                                                                                            E.gaz)
            and not any(o.id == r and o.text == E.new[r]["label"] for o in E.mentions)]


def _repeat_mentions(E: Any) -> None:
    """Every later occurrence of a new name is a mention of it too (the parser does not tag each one)."""
    for rid, rec in list(E.new.items()):
        meta = E.new_meta[rid]
        if meta.file not in {"organizations", "places", "people", "vehicle_models"} or len(rec["label"]) < 3:
            continue
        for m in re.finditer(rf"(?<![\w]){re.escape(rec['label'])}(?![\w])", E.text):
            if E.overlaps(m.start(), m.end()):
                continue
            end = m.end()
            legal = LEGAL_AFTER.match(E.text, end) if meta.file == "organizations" else None
            if legal and not _LEGAL_TAIL.search(rec["label"]) and not E.overlaps(end, legal.end()):
                # the full name, with its legal form, where the parser tagged only later short ones ("the company
                # X OJSC", then "X"): the record takes it, the short name an alias
                end, full = legal.end(), E.text[m.start():legal.end()]
                aliases = [*rec.get("aliases", []), rec["label"]]
                rid = relabel(E, rid, full, meta.file)
                rec = E.new[rid]
                rec["aliases"] = aliases
            E.mentions.append(Mention(m.start(), end, E.text[m.start():end], meta.file, rid, False, meta.kind,
                                      meta.rule, meta.confidence, rec["label"]))
