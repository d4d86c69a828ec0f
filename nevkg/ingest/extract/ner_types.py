"""What kind of thing a name the parse found but no record knows is: the typing rules of :mod:`.ner`.

The parser's label is a hint, its type often wrong on trade news; :func:`_type_of` decides from the name's own
words (a token of letters and digits makes a model, a corporate word an organisation, "Factory" a site, "Decree"
a measure), from a maker's name in front ("Opel Grandland") and from the words around it ("in X" is a place,
"bus operator X" an organisation, "a stake in X" an organisation, "the province of X" a place). The word lists
are shared with the role rules (:mod:`.roles`).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.cities import city_country
from nevkg.ingest.extract.linking import link
from nevkg.ingest.extract.name_patterns import _MEMBERS
from nevkg.ingest.extract.name_people import HONORIFIC_RANK
from nevkg.ingest.extract.suffix_words import _ORG_SUFFIX
from nevkg.ingest.extract.vocab import (
    LEGAL_DOTTED_RE,
    LEGAL_POLISH_RE,
    LEGAL_TAIL_RE,
    MAKER_NAME,
    SITE_NOUNS,
    ZONE_WORDS_RE,
)

_PLACE_PREP = {"in", "at", "near", "outside", "from", "to", "into", "across", "throughout", "of"}
#: trade words that end a company's name and that the parser may leave out of it ("[Uganda Coach] Manufacturers")
TRADE_ENDS = r"Manufacturers|Makers|Haulage|Hauliers|Transporters"
_ORG_WORDS = re.compile(r"\b(?:Motors?|Auto|Automobiles?|Automotive|Group|Holdings?|Corporation|Corp|Company|Co|"
                        r"Ltd|Inc|Limited|Technologies|Technology|Logistics|Energy|Mobility|Bank|Partners|"
                        r"Association|Ministry|Council|Chamber|Commission|Agency|Authority|Department|Office|"
                        r"Board|Institute|University|Federation|Industries|International|Global|AG|GmbH|SA|PLC|"
                        r"Magazine|News|Media|Capital|Fund|Ventures|Dealer|Dealers|Customs|Administration|Directorate|"
                        r"Committee|Bureau|Society|Systems|Solutions|Services|Retail|Rentals|Carriers|Union|Manufacturing|"
                        r"Engineering|Components|Treasury|Assemblers|Cooperative|Co-operative|Sacco|SACCO|"
                        # a legislature ("in the Legislative Assembly": the body, not a place)
                        r"Assembly|Parliament|Legislature|Senate|Congress|"
                        # the word for a bank or a group in Romance and Slavic languages, first in the name ("Banco X")
                        r"Banco|Banca|Banka|Banque|Grupo|Groupe|Gruppo|"
                        # Spanish, Portuguese and French trade words ("Tominé Movilidad", "Chingaza Energía",
                        # "Carrocerías Guatavita", "Importadora Nutibara")
                        r"Movilidad|Mobilidade|Mobilit[ée]|Energ[íi]a|[ÉE]nergie|Transportes?|Log[íi]stica|"
                        r"Carrocer[íi]as|Importadora|Distribuidora|Comercializadora|Industrias|Anal[íi]tica|"
                        # German company words, alone or at a compound's end ("Kessler Automobilwerke")
                        r"[A-Za-z]*[Ww]erke|[A-Za-z]*[Ff]ahrzeugbau|"
                        # legal forms: Malaysia, Indonesia, Brazil, Hungary, Nordics, Italy, France, Turkey, CIS …
                        rf"Sdn|PT|SIA|UAB|{LEGAL_TAIL_RE}|Pte|Pvt)\b"
                        # (and the forms with inner dots: Slovenia, Croatia, Czechia, Poland, Netherlands, Nordics …)
                        rf"|(?:\s|^)(?:{LEGAL_DOTTED_RE}|{LEGAL_POLISH_RE})\.?(?=\s|$)"
                        # trade words a company's name ends with, never a person's ("Halvard Trucks"; not a law's
                        # inner word: "Clean Trucks Funding Act")
                        # (Systems, Solutions, Rentals: organisation words wherever they stand, above)
                        r"|\b(?:Trucks|Buses|Cars|Vehicles|Robotics|Batteries|Networks|Charging|Charge|Cells|Materials|"
                        r"Shipping|Leasing|Freight|Labs|Motorcycles|Semiconductors?|Securities|Consulting|Consultancy|"
                        rf"Advisory|Analytics|Insights|Research|{TRADE_ENDS}|Zones)$")
#: the tag a model's name ends with
_POWERTRAIN = {"EV", "PHEV", "BEV", "HEV", "DM-i", "DM-p", "e-POWER", "EREV", "Hybrid"}
_SITE_WORDS = re.compile(r"\b(?:Factory|Plant|Complex|Facility|Works|Centre|Center|Campus|Hub)$",
                         re.I)
#: a centre of research or policy studies: an institute, not a site
_THINK_TANK = re.compile(r"\b(?:Research|Studies|Policy|Strategic|Economic)\s+Cent(?:re|er)$")
#: an area set aside for industry ("Gopalpur Industrial Park", "Coega Special Economic Zone", "Batang Integrated
#: Industrial Estate", "Eskisehir Organised Industrial Zone")
_ZONE = re.compile(rf"\b(?:{ZONE_WORDS_RE}|Economic\s+Zones?|Free\s+(?:Trade\s+)?Zone)$")
# (not "African Continental Free Trade Area": an agreement)
#: an airport or a hall for events is a place, whatever company word its name holds ("X International Airport")
_VENUE = re.compile(r"\b(?:Airport|Airfield|(?:Convention|Exhibition|Conference|Congress|Expo)\s+(?:Centre|Center|"
                    r"Hall|Complex)|Arena|Stadium)$")
_POLICY_WORDS = re.compile(r"\b(?:Regulation|Directive|Decree|Act|Law|Ordinance|Resolution|Programme|Program|Plan|"
                           r"Initiative|Scheme|Policy|Strategy|Agreement|Tariff|Rota|Mover|Announcement|Notice|"
                           r"Circular|Guidelines)\b")
#: a place named by a landform or a crossing ("Fortitude Valley", "the South Bank", "Eagle Farm", "the Maputsoe
#: Bridge border post"): one or two capitalised words then the landform noun, or a compass word before "Bank"
_LANDFORM = re.compile(r"(?:(?:North|South|East|West|Left|Right)\s+Bank|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s+"
                       r"(?:Valley|Heights|Hills|Beach|Creek|Island|Bay|Harbour|Harbor|Quay|Wharf|Farm|Downs|Flats|"
                       r"Bridge))")
#: a part of a country named by its compass point or by a word for a state or province ("Central Java", "Upper
#: Austria", "Andhra Pradesh", "Kostanay Oblast"): no person's or company's name
_PART_OF_LAND = re.compile(r"(?:Central|North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower)"
                           r"(?:\s+[A-Z][\w'-]+){1,2}|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s+(?:(?P<state>Pradesh)|Oblast|"
                           r"Voivodeship|Governorate)")
_GOV_HEADS = {"ministry", "department", "agency", "authority", "commission", "council", "board", "office",
              "chamber", "bureau", "administration", "embassy", "government", "parliament", "senate", "customs",
              "directorate", "committee", "treasury", "legislature", "congress"}

#: the bodies of a state whose one word names them ("Treasury", "Congress"), not a company named before
_STATE_BODIES = {"Treasury", "Customs", "Congress", "Senate", "Parliament", "Legislature", "Assembly"}
#: an assembly that is a legislature ("the Legislative Assembly", "the National Assembly", "Assembly of the Republic")
_LEGISLATIVE_ASSEMBLY = re.compile(r"\b(?:Legislative|National|General|States|Territorial|Provincial|Regional|Federal|"
                                   r"Constituent|Parliamentary|People's|Popular)\s+Assembly\b|\bAssembly\s+of\b")


def _model_like(name: str) -> bool:
    """A vehicle model's name: a short name with a token of letters and digits ("G6", "Omoda 5", "B10")."""
    words = name.split()
    return 1 <= len(words) <= 4 and any(re.fullmatch(r"[A-Z]{0,3}\d{1,3}(?:\.\d)?[A-Za-z]{0,3}\+?|[A-Z]+\d+[A-Z]*|"
                                                      r"[A-Z]{1,4}-\d{1,4}[A-Za-z]{0,3}", w)  # ("JK-12E")
                                         for w in words) and not re.fullmatch(r"[\d.,]+", name)


def _maker_word(word: str, E: Any) -> bool:
    """The word names a carmaker or brand (known, or new in this article)."""
    known = link(word, E.gaz, ("organizations",), fuzzy=False)
    if known is not None:
        return (known.kind or "") in {"automaker", "brand"}
    return any(E.new_meta[r].file == "organizations" and rec["label"].split()[0] == word and
               rec.get("kind") in {"automaker", "brand"} for r, rec in E.new.items())


def _place_context(doc: Any, ent: Any) -> bool:
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and prev.lower_ in _PLACE_PREP and prev.lower_ != "of":
        return True
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return nxt is not None and nxt.text == "," and ent.end + 1 < len(doc) and doc[ent.end + 1].ent_type_ == "GPE"


#: nouns that describe a company in apposition ("X, the maker of …", "X, a start-up backed by …")
_COMPANY_NOUNS = {"maker", "manufacturer", "company", "firm", "startup", "start-up", "carmaker", "automaker",
                  "supplier", "importer", "distributor", "builder", "producer", "developer", "subsidiary", "unit"}


#: company nouns that end compounds naming a trade ("bodybuilder", "shipbuilder", "coachmaker", "toolmaker")
_COMPANY_TAILS = ("builder", "maker", "manufacturer", "producer", "supplier", "distributor", "importer")


def _described_as_org(doc: Any, ent: Any) -> bool:
    """"X, the Y-backed maker of vans", "X, a start-up …": a name with a company's description after it."""
    i = ent.end
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in {"the", "a", "an"}:
        return False
    words = re.split(r"[,;.()]|\s(?:of|by|in|for|with|to|from|that|which)\s", doc[i + 2:i + 9].text,
                     maxsplit=1)[0].lower().split()  # the description's head comes before its modifiers
    return any(w in _COMPANY_NOUNS or w.endswith(_COMPANY_TAILS) for w in words)  # (a "bodybuilder", a "coachmaker")


def _before_country(doc: Any, ent: Any) -> bool:
    """"X (Slovakia)", "X, Spain": a name followed by a country in brackets or after a comma is a place."""
    i = ent.end
    if i + 1 < len(doc) and doc[i].text in {"(", ","}:
        from nevkg.ingest.countries import COUNTRIES

        return doc[i + 1].text in COUNTRIES or doc[i + 1:i + 3].text in COUNTRIES
    return False


#: words right before a person's name ("Mr Santos", "Dr. Lima")
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "mx"}


def _a_city(name: str, doc: Any, ent: Any) -> bool:
    """The name is one of the world's larger cities and nothing around it says it names a person ("Mr Santos")."""
    prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return city_country(name) is not None and prev not in _HONORIFICS


def _capitals() -> dict[str, str]:
    from nevkg.ingest.countries import CAPITALS

    return CAPITALS


#: the nouns a newspaper is called by after "the" ("the Times", "the Post")
_PAPER_NOUNS = {"Times", "Post", "Journal", "Herald", "Tribune", "Guardian", "Telegraph", "Observer", "Chronicle"}
#: a provision of a law or contract ("Section 21E", "Article 5(2)", "Clause 12.1")
_PROVISION = re.compile(r"(?:Section|Article|Clause|Chapter|Rule|Paragraph)\s+\d+[\w.]*(?:\(\w+\))*")
#: an amount with a currency letter and a scale word or groups of thousands ("R1 350 000"), never a name
_AMOUNT = re.compile(r"[A-Z]{0,3}\$?\s?(?:\d[\d.,]*\s?(?:thousand|million|billion|trillion|bn|mn)|"
                     r"\d{1,3}(?:[\s,]\d{3})+)", re.I)

#: a name that opens with a year or a fiscal year ("2025/26 Budget", "2024-25 Budget")
_YEAR_LEAD = re.compile(r"(?:19|20)\d\d(?:[/\-–]\d{2,4})?\s")
#: a currency's letters glued to a number ("RM236", "SR1.35"), an amount when a scale word follows ("RM236 mil")
_SIGN_NUMBER = re.compile(r"[A-Z][A-Za-z]{0,3}\$?\d[\d.,]*")
_SCALE_AFTER = re.compile(r"\s?(?:mil|bil|million|billion|trillion|bn|mn|m|k)\b", re.I)


def _type_of(name: str, label: str, doc: Any, ent: Any, E: Any) -> tuple[str, str] | None:
    """(record file, kind) for a new name, or ``None`` to leave it."""
    if _AMOUNT.fullmatch(name) or _SIGN_NUMBER.fullmatch(name) and _SCALE_AFTER.match(doc.text, ent.end_char):
        return None  # "R6.2 billion", "P1.5 million", "R1 350 000", "RM236 [mil]": an amount the parser called a name
    if len(name.split()) == 1 and _ORG_WORDS.fullmatch(name) and name not in _STATE_BODIES:
        return None  # "the Sacco's members", "the Group": a company word alone speaks of a company named before
        # (the state's "Treasury", "Customs" and "Congress" are bodies of their own)
    if _YEAR_LEAD.match(name) and not _ORG_WORDS.search(name):
        return None  # "the 2025/26 Budget", "2024 Games": a year's event or instrument, never a place or company
    if _PROVISION.fullmatch(name) or ent.end < len(doc) and doc[ent.end].lower_ in {"family", "families"} \
            and label in {"ORG", "PERSON", "NORP"}:
        return None  # "Section 21E" of a law; "the Bittencourt Schmitt family": no organisation
    words = name.split()
    if len(words) == 1 and name in _PAPER_NOUNS and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        return "organizations", "publisher"  # "told the Times": a newspaper called by its noun
    if label == "LAW" and len(words) > 1 and (re.search(r"\bNo\.?\s*\d", name) or _POLICY_WORDS.search(name)):
        return "policies", "policy"  # "Announcement No. 12", "Decree 45": an instrument, not a model
    if _described_as_org(doc, ent):
        return "organizations", "company"  # "Lumina EV, the maker of electric vans, …": a company, not a model
    if _model_like(name) and not _ORG_WORDS.search(name) or 2 <= len(words) <= 3 and words[-1] in _POWERTRAIN \
            and all(w[:1].isupper() for w in words) and not _ORG_WORDS.search(name):
        return "vehicle_models", ""  # "G6", "Omoda 5"; a name with a powertrain's tag ("Windsor EV", "Atto 3 DM-i")
    if len(words) >= 2 and label in {"LOC", "GPE", "FAC", "PRODUCT", "ORG", "WORK_OF_ART"} and \
            not _ORG_WORDS.search(name) and _maker_word(words[0], E) and not _SITE_WORDS.search(name):
        from nevkg.ingest.countries import COUNTRIES

        if " ".join(words[1:]) in COUNTRIES or words[-1] in {"UK", "US", "USA", "EU", "Europe"}:
            return "organizations", "company"  # a maker's name then a market's: its local arm ("X Hungary")
        return "vehicle_models", ""  # a maker's name then a model's ("Opel Grandland")
    if _ZONE.search(name) and len(words) > 1:
        return "places", "district"  # an industrial park or a special economic zone: an area many plants stand in
    if _VENUE.search(name) and len(words) > 1:
        return "places", "airport" if "Air" in words[-1] else "venue"  # not "International" Airport's company
    if _THINK_TANK.search(name) and len(words) > 2 and not _maker_word(words[0], E):
        return "organizations", "research-centre"  # "Amberd Research Center" (not a carmaker's "X Research Centre")
    if _SITE_WORDS.search(name) and len(words) > 1 and words[0].lower() not in _GOV_HEADS:
        return "sites", "factory"  # (not "Ministry of Mobility & Public Works")
    if label == "LAW" or (_POLICY_WORDS.search(name) and label in {"LAW", "ORG", "WORK_OF_ART", "EVENT"}
                          and not _ORG_WORDS.search(name)):
        return ("policies", "policy") if len(words) > 1 else None
    if label in {"WORK_OF_ART", "PRODUCT"} and len(words) > 1 and _ORG_WORDS.search(words[-1]) \
            and all(w[:1].isupper() for w in words) and not _POLICY_WORDS.search(name):
        return "organizations", "company"  # "Brandauer Fahrzeugbau's plant": a company's name the parser mislabelled
    if label == "EVENT" or label == "WORK_OF_ART":
        return None
    if _LANDFORM.fullmatch(name):
        return "places", "district"  # "Fortitude Valley", "South Bank": a landform's name is a place's
    if label in {"PERSON", "ORG"} and (part := _PART_OF_LAND.fullmatch(name)) and not _ORG_WORDS.search(name):
        return "places", "state" if part.group("state") else "region"  # "Central Java", "Andhra Pradesh"
    if _ORG_WORDS.search(name):
        head = words[0].lower()
        gov = any(part in _GOV_HEADS for w in words for part in w.lower().split("-")) or head in _GOV_HEADS \
            or bool(_LEGISLATIVE_ASSEMBLY.search(name))  # (not "X Auto Assembly", a company that assembles cars)
        # ("Directorate-General for Traffic": a hyphenated head word)
        body = _MEMBERS_BODY.get(words[-1]) or (_MEMBERS_BODY.get(words[0]) if len(words) > 2 and words[1] == "of"
                                                 else None)  # "X Association", "Federation of Y"
        return "organizations", "government-body" if gov else body or (
            "automaker" if MAKER_NAME.search(name) else "company")
    if name in _capitals():
        return "places", "city"  # "Lisbon", however the parser labels it ("tell Lisbon": PERSON)
    if label in {"GPE", "LOC"} and len(words) >= 2 and words[0] not in _PLACE_LEADS \
            and _held_after(doc, ent, {"at", "with"}) and link(words[0], E.gaz, ("places",), fuzzy=False) is None:
        return "organizations", "company"  # "an analyst at Mobilytics Europe": a firm's name, whatever it ends in
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if label in {"GPE", "LOC", "FAC"} and len(words) >= 2 and prev is not None and prev.tag_ == "NN" and \
            prev.lemma_.lower() in _TRADE_NOUNS_BEFORE and city_country(name) is None:
        return "organizations", "company"  # "Kazakh carmaker Zhelmaya Avto": a company, whatever the parser says
    if label in {"GPE", "LOC", "FAC"}:
        noun = doc[ent.end].lower_ if ent.end < len(doc) else ""
        if noun in {"region", "province", "state", "district"}:  # "the X region": a country's part, not a city (and
            return "places", "province" if noun == "region" else noun  # no world region: "the Kaluga region")
        return "places", "region" if label == "LOC" and city_country(name) is None else "city"  # (not "Pune")
    core = [w for w in words if w.lower() not in _CONNECTORS]
    hon = HONORIFIC_RANK.match(name + " ")  # ("Datuk Seri Ooi Beng Seng": a name of three words after its rank;
    if hon is not None and len(name[hon.end():].split()) >= 2:  # "Datuk Khoo" stays the person's later mention)
        core = [w for w in name[hon.end():].split() if w.lower() not in _CONNECTORS]
    if label == "PERSON" and prev is not None and prev.lemma_.lower() in _ORG_NOUNS_BEFORE:
        return "organizations", "company"  # "bus operator Anna Berg", named after its founder
    if label in {"PERSON", "ORG", "PRODUCT"} and _VENTURE_APPOSED.search(doc.text, 0, ent.start_char):
        return "organizations", "joint-venture-company"  # "their joint venture, Arlanza Jiuxiao Automóviles, …"
    before = doc[ent.start - 2] if ent.start >= 2 else None
    place_noun = prev is not None and (prev.lower_ in _PLACE_NOUNS or prev.lower_ == "of" and before is not None
                                       and before.lower_ in _PLACE_NOUNS)
    site_in = label == "PERSON" and prev is not None and prev.lower_ in {"in", "near", "outside"} and (
        before is None or before.lemma_.lower() in _SITE_NOUNS)
    listed = _listed_after_place_noun(doc, ent.start)
    if listed is not None and label in {"PERSON", "ORG", "PRODUCT", "GPE", "LOC", "NORP"}:
        return "places", listed  # "in the states of Sao Paulo, Parana and Minas Gerais": each a state
    if label in {"PERSON", "ORG", "PRODUCT"} and _place_noun_after(doc, ent.end):
        return "places", "district"  # "the X district", "the X and Y districts"
    if label in {"PERSON", "ORG"} and (place_noun or site_in):
        return "places", "city"  # "the province (of) Jizzakh", "a plant in São Bento"
    if label in {"PERSON", "ORG", "PRODUCT"} and _a_city(name, doc, ent):
        return "places", "city"  # "Nyíregyháza had the land": a larger town of the world, not a person
    if label == "PERSON" and 2 <= len(core) <= 4 and all(w[0].isupper() for w in core):
        return "people", ""
    if label == "ORG" and 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words) and \
            not _ORG_WORDS.search(name) and any(c.dep_ == "appos" and c.lemma_.lower() in _APPOSED_TITLE_HEADS
                                                for c in doc[ent.start:ent.end].root.children):
        return "people", ""  # "said Gokarna Prasad Baral, information officer at the Department of Customs"
    held_in = _held_after(doc, ent, {"in", "at"})  # "a stake in X", "an analyst at X": X is an organisation
    if (_place_context(doc, ent) and not held_in) or _before_country(doc, ent):
        return "places", "city"
    if label in {"ORG", "PERSON", "PRODUCT", "NORP"} and len(words) <= 4:
        return "organizations", "company"
    return None


#: a dotted legal form followed by a capitalised word that starts the next sentence ("Jinhe Battery Co. Rupsha will"):
#: where a name the parser ran on ends
LEGAL_THEN_SENTENCE = re.compile(r"\b(?:Co|Ltd|Inc|Corp|Pvt|Bhd|LLC|PLC)\.(?=\s+[A-Z])(?!\s+(?:Ltd|Limited|LLC|Inc|"
                                 r"Co|Corp)\b)")
#: the head nouns of a title set in apposition after a person's name ("NAME, information officer at X"; not
#: "executive": "NAME, a former chief executive of X and now …" is read by the title frames)
_APPOSED_TITLE_HEADS = {"officer", "director", "manager", "secretary", "president", "chairman", "chairwoman",
                        "chairperson", "economist", "analyst", "spokesperson", "spokesman", "spokeswoman", "minister",
                        "founder", "governor", "commissioner", "adviser", "advisor", "researcher", "head", "engineer",
                        "consultant"}
#: first words of a region's name ("Western Europe", "Latin America", "Southeast Asia")
_PLACE_LEADS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Greater",
                "Upper", "Lower", "Inner", "Outer", "New", "Old", "Latin", "Southeast", "Northeast", "Southwest",
                "Northwest", "Sub-Saharan", "Continental", "Mainland", "Rural", "Coastal", "Metro", "Metropolitan"}


def _held_after(doc: Any, ent: Any, preps: set[str]) -> bool:
    """Whether a name follows one of ``preps`` after a noun of what an organisation holds or employs ("a stake
    in X", "an analyst at X", "an economist with X")."""
    prev = doc[ent.start - 1] if ent.start > 0 else None
    before = doc[ent.start - 2] if ent.start >= 2 else None
    return prev is not None and prev.lower_ in preps and before is not None and \
        before.lemma_.lower() in _HELD_IN_NOUNS


#: the head word of a members' body and its kind ("Brazilian Electric Vehicle Association", "Federation of X"), as
#: the name patterns type it
_MEMBERS_BODY = {w: _ORG_SUFFIX[w.lower()] for w in _MEMBERS}
#: a joint venture's noun right before its name in apposition
_VENTURE_APPOSED = re.compile(r"\b(?:joint[\s-]venture|JV)\s*,\s*$", re.I)
#: nouns that, right before a name, say it names an organisation (even one that reads like a person's name); of
#: them, the nouns of a trade also make a company of a name the parser calls a place ("carmaker X")
_TRADE_NOUNS_BEFORE = {"carmaker", "automaker", "maker", "manufacturer", "operator", "distributor", "dealer",
                       "importer", "assembler", "firm", "company", "startup", "supplier", "producer", "conglomerate",
                       "exporter", "retailer"}
_ORG_NOUNS_BEFORE = _TRADE_NOUNS_BEFORE | {"start-up", "provider", "consultancy", "brokerage", "bank", "lender",
                                          "insurer", "group", "fund", "investor", "house", "association"}
#: plural nouns of places before "of" and a list of their names, with the kind of each
_PLACES_OF = {"states": "state", "provinces": "province", "cities": "city", "towns": "city", "regions": "region",
              "municipalities": "city", "counties": "district", "prefectures": "province", "emirates": "province"}


def _listed_after_place_noun(doc: Any, start: int) -> str | None:
    """The kind of place a name is when it stands in a list after "the states of", "the provinces of" … ("the
    states of Sao Paulo, Parana and Minas Gerais"), else ``None``."""
    j = start - 1
    while j > 0 and (doc[j].pos_ == "PROPN" or doc[j].lower_ in {",", "and"}):
        j -= 1
    if j < 1 or doc[j].lower_ != "of":
        return None
    return _PLACES_OF.get(doc[j - 1].lower_)


def _place_noun_after(doc: Any, end: int) -> bool:
    """A noun of a place follows the name at token ``end``, or follows the names joined to it ("X and Y districts")."""
    j = end
    while j < len(doc) and (doc[j].lower_ in {"and", ","} or doc[j].pos_ == "PROPN" and j > end):
        j += 1
    if j < len(doc) and (j == end or doc[j - 1].pos_ == "PROPN") and doc[j].lower_ in _AREA_ADJECTIVES:
        j += 1  # ("the Gadong and Kiulap commercial areas")
    return j < len(doc) and (j == end or doc[j - 1].pos_ == "PROPN" or doc[j - 1].lower_ in _AREA_ADJECTIVES) \
        and doc[j].lower_ in {
        "district", "districts", "municipality", "municipalities", "province", "provinces", "region", "regions",
        "county", "counties", "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "suburb", "suburbs",
        "area", "areas", "township", "townships"}


#: words of the kind of area a place is, between its name and the noun ("commercial areas", "residential suburbs")
_AREA_ADJECTIVES = {"commercial", "residential", "business", "industrial", "central", "coastal", "rural", "urban",
                    "outlying", "financial"}


#: nouns of a place, right before its name
_PLACE_NOUNS = {"province", "city", "town", "state", "region", "district", "port", "municipality", "county",
                "prefecture", "village"}
#: nouns after which "in X" or "at X" names an organisation, not a place
_HELD_IN_NOUNS = {"stake", "share", "shareholding", "holding", "interest", "analyst", "economist", "researcher",
                  "engineer", "executive", "director", "manager", "professor", "strategist"}
#: nouns of a site, before "in <place>"
_SITE_NOUNS = SITE_NOUNS | {"base", "centre", "center", "hub", "headquarters", "office", "line"}
_CONNECTORS = {"do", "da", "dos", "das", "de", "del", "di", "von", "van", "der", "la", "le", "nad", "pod"}
