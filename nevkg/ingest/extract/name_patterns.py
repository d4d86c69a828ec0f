"""New names from their own words: a capitalised run ending in a company or place suffix.

A mixin of the mention finder (:class:`~nevkg.ingest.extract.mentions._Entities`): :meth:`NamePatterns._patterns`
cuts the text's runs of capitalised words into names ("A Group and B Ltd." are two, "Ministry of Y" one), drops
the sentence-initial and adjectival words in front, keeps the longest prefix that ends in a suffix word
(Co., Ltd., Group, Motors, Customs, Association … for an organisation; Province, City, Port … for a place)
and links it to a known record or proposes it. The vocabulary (suffixes and their kinds, words that never
start a name, the corporate tail left out of a short name) is shared with the other name rules.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.cities import city_country
from nevkg.ingest.extract.countries_here import is_country_name
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.periods import _MONTH_NUM
from nevkg.ingest.extract.suffix_words import _BODY_HEADS, _NOT_PORTFOLIO, _OF_HEADS, _ORG_SUFFIX, _PUBLIC
from nevkg.ingest.extract.vocab import (
    CLOSE_QUOTES,
    LEAD_STOP,
    LEGAL_DOTTED_RE,
    LEGAL_LEADS,
    MAKER_NAME,
    ROMANCE_TRADE_RE,
    ZONE_WORDS_RE,
)
from nevkg.ingest.gazetteer import Entry

_CAP = (r"(?!(?:Co|Ltd|Inc|Corp)\.|[A-Z]\.[A-Z])[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9&\-]*"
        r"(?:['’](?!s\b)[a-zß-öø-ÿā-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ0-9\-]*)*"  # (a glottal stop: "Kolomotu'a", "Fanga'uta")
        r"(?:(?<=s)['’](?=[ ]+(?:Association|Federation|Union|Council|Chamber|Alliance|Confederation|Institute|"
        r"Society|Organi[sz]ation)\b)|['’]s(?=[ ]+Office\b)|"
        r"['’]s(?=(?:[ ]+[A-Z][A-Za-z&\-]*){1,3},?[ ]+(?:Ltd|Limited|Inc|LLC|PLC|Corp|Corporation)\b))?")
# ("Manufacturers' Association", "the Governor's Office", a possessive inside a company's name before its legal form:
# "Sea Cow's Bay Motors Ltd."; not the capital of a dotted legal form: "S.A.C."; the letters of Latin-1 and Latin
# Extended-A: "Mašīnbūve", "Łódź", "Ağaçlı")
#: a public body's head words, after which "for (the)" goes on with its name ("General Authority for the Suez …")
_FOR_HEADS = ("Authority", "Agency", "Ministry", "Council", "Commission", "Office", "Department", "Institute",
              "Centre", "Center")
_FOR_THE = "(?:" + "|".join(f"(?<={w})" for w in _FOR_HEADS) + ")"
#: the particles inside a name in a Romance, Dutch or German language ("Garage du Rocher", "Ford do Brasil")
_PARTICLES = "de|du|des|del|della|di|da|do|dos|das|von|der|den"
_RUN = re.compile(rf"{_CAP}(?:{_FOR_THE}[ ]+for[ ]+the(?=[ ]+[A-Z])|"
                  rf"[ ]+(?:{_CAP}|&|of|and|de|(?:{_PARTICLES})(?=[ ]+[A-Z])|for)|"
                  rf"[ ]+\({_CAP}\.?(?:[ ]+{_CAP})?\)(?=[ ]+(?:Limited|Company|"
                  rf"Co\.|Ltd\b|Inc\.|Corporation|Sdn[ ]+Bhd|Bhd\b|Pte\b|Pty\b|Private[ ]+Limited|LLC\b)))*"
                  rf"(?:,?[ ]+Co\.,?(?:[ ]+Ltd\.)?|,?[ ]+Ltd\.|"
                  rf",?[ ]+Inc\.|[ ]+Corp\.|,?[ ]+(?:{LEGAL_DOTTED_RE})(?=\.))?")
# (a place or a legal form in brackets before a legal form: "X (Hong Kong) Limited", "X (Pvt) Ltd", "X (Pvt.) Ltd.")
#: a post whose remit follows after "of" ("Director of …", "head of …")
_POST_OF = re.compile(r"\b(?:[Dd]irector|[Hh]ead|[Mm]anager|[Cc]hief|[Oo]fficer|[Pp]resident)(?:[ -]General)?\s+of\s+$")
#: words before "Customs" that name a national service, not a Chinese city's customs office
_NOT_LOCAL = {"State", "Federal", "National", "Central", "General", "Royal", "Border", "Russian", "Kazakh", "Uzbek",
              "Indian", "Turkish", "Brazilian", "Mexican", "Thai", "Korean", "Japanese", "European", "US", "UK", "EU"}
_PLACE_SUFFIX = {"province": "province", "city": "city", "district": "district", "port": "port",
                 "prefecture": "city", "county": "district"}
#: a short prefix hyphened to a company word ("E-Mobility", "e-Auto"): the company word ends the name
_HYPHENED_SUFFIX = re.compile(r"^[a-z]{1,2}-(?=[a-z])")
#: kinds of a place a city or district is never the same as, though named after it
_WIDER_THAN_CITY = {"country", "province", "state", "region", "economic-union", "continent"}
#: corporate words a short form of a name found here leaves out. Kept apart from linking.STRIP_FOR_HEAD (which
#: also strips Global, Holding, S.A., AG, plc and Corp/Ltd/Inc without a dot, but not Robotics or Mobility): one
#: list for both changes names and aliases in six samples' review files
_STRIP_FOR_HEAD = re.compile(rf"(?:,?[ ]+(?:Automobile|Auto|Motors?|{ROMANCE_TRADE_RE}|"
                             r"Group|Holdings?|Technology|Technologies|"
                             r"Robotics|Mobility|"
                             r"Corporation|Corp\.?|Company|Co\.?,?(?:[ ]+Ltd\.?)?|Ltd\.?|Inc\.?|Limited|International|"
                             r"New[ ]+Energy|Automotive|Vehicles?|Sdn[ ]+Bhd|Bhd|SARL|GmbH|LLC|LLP|PLC|Tbk|"
                             r"\((?:Pvt|Pty|Private)\)|Pte\.?|Pty\.?|Pvt\.?|"
                             rf"(?:{LEGAL_DOTTED_RE})\.?))+$")


#: capitalised words ending in a company word after a place-like name ("Lion City Fleet Services"): the name goes on
_ORG_AFTER = re.compile(r"(?:\s+[A-Z][\w&\-]*){0,3}?\s+(?:Services|Group|Holdings?|Ltd|Limited|Inc|Corp(?:oration)?|"
                        r"Company|Motors?|Mobility|Logistics|Bank|Capital|Partners|Technolog(?:y|ies)|Fleet|"
                        r"Transport|Taxis?)\b")


#: a word that makes the words before it an adjective of the name after them ("Bursa Malaysia-listed", "Tokyo-based")
_NAME_ADJECTIVE = re.compile(r"-(?:based|owned|listed|headquartered|backed|made|built)$")


def _owner(possessive: str, gaz: Any) -> bool:
    """Whether "X's" before a name is a known country, place or organisation's ("China's"), not part of the name."""
    name = possessive[:-2]
    return bool(_is_country(name, gaz) or gaz.lookup(name) or city_country(name))


def _clean_run(run: str, start: int) -> tuple[str, int]:
    """Drop sentence-initial and adjectival words from the front of a capitalised run."""
    words = run.split(" ")
    adjective = next((i for i, w in enumerate(words[:4]) if _NAME_ADJECTIVE.search(w)), None)
    if adjective is not None and adjective + 1 < len(words):  # "Bursa Malaysia-listed X Bhd", "Hong Kong-based X"
        start += len(" ".join(words[:adjective + 1])) + 1
        words = words[adjective + 1:]
    while words and words[0] not in LEGAL_LEADS and (words[0].lower() in LEAD_STOP or words[0].lower().rstrip(
            "s") in LEAD_STOP or words[0].lower() in _MONTH_NUM):  # (not a legal form: "AS X")
        start += len(words[0]) + 1
        words = words[1:]
    while words and (words[0].lower() in {"of", "and", "&", "for"} or re.fullmatch(_PARTICLES, words[0])):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


#: the heads of a public body or institution whose name may join two fields with "and"
_JOINED_HEADS = {"authority", "ministry", "commission", "agency", "council", "department", "bureau", "committee",
                 "administration", "association", "federation", "chamber", "institute", "office", "board"}

#: the words that end a company's name: "A Group and B Authority" are two
_COMPANY_ENDS = {"group", "ltd", "ltd.", "inc", "inc.", "motors", "motor", "auto", "co", "co.", "corp", "corporation",
                 "company", "holdings", "holding", "limited", "plc", "llc"}


def _one_body(before: str, rest: list[str]) -> bool:
    """"Roads and Transport Authority", "Trade and Industry Ministry": the words before "and" (with no head of
    their own) and the next part, ending in a public body's head, are one name."""
    nxt = rest[0] if rest else ""
    last_before = before.split(" ")[-1].lower()
    words = nxt.split(" ")
    return bool(nxt) and len(words) <= 3 and words[-1].lower() in _JOINED_HEADS and \
        last_before not in _COMPANY_ENDS and all(w[:1].isupper() for w in words)


#: a public body's head word opening its name ("Ministry of …", "Directorate-General for …")
_BODY_OF = re.compile(r"(?:The\s+)?(?:Ministry|Department|Directorate(?:-General)?|Agency|Authority|Bureau|Commission|"
                      r"Administration)\s+(?:of|for)\s")

#: a members' body named with what its members are ("Association of Automobile Manufacturers of …")
_MEMBERS = {"Association", "Federation", "Chamber"}
_MEMBERS_OF = re.compile(r"\b(?:Association|Federation|Chamber)\s+of\s")
#: words after a name that begin a person's title, not more of the name
_TITLE_WORDS = {"spokesperson", "spokesman", "spokeswoman", "minister", "chairman", "chair", "president",
                "director", "chief", "head", "secretary", "executive", "officer", "manager", "deputy", "vice"}


def _board_of(current: str, rest: list[str]) -> bool:
    """"Board" + "of" + "Investment": a public board's name goes on through "of" to its portfolio, which names no
    company ("the board of X Group Co., Ltd." is X's board) and no company's board ("Board of Directors")."""
    words = rest[0].split(" ") if rest else []
    return current.split(" ")[-1] == "Board" and bool(words) and words[0] not in _NOT_PORTFOLIO and not any(
        w.lower() in _ORG_SUFFIX for w in words)


def _members_of(current: str, rest: list[str]) -> bool:
    """"National Association of Automobile Manufacturers" + "of" + "SA": a members' body's name goes on through a
    second "of" to a short place or qualifier (two words at most)."""
    return bool(_MEMBERS_OF.search(current)) and bool(rest) and len(rest[0].split(" ")) <= 2


def _place_of(current: str, rest: list[str], gaz: Any) -> bool:
    """"Isle" + "of" + "Man Post Office": a country's or territory's name with "of" inside opens the name."""
    words = rest[0].split(" ") if rest else []
    return bool(words) and any(_is_country(f"{current.split(' ')[-1]} of {' '.join(words[:n])}", gaz)
                               for n in (1, 2) if n <= len(words))


def _members_and(current: str, rest: list[str]) -> bool:
    """"Chamber of Car Dealers" + "and" + "Manufacturers": a members' body's name goes on through "and" to the
    other members it names (one or two capitalised words, a plural)."""
    words = rest[0].split(" ") if rest else []
    return bool(_MEMBERS_OF.search(current)) and 0 < len(words) <= 2 and all(w[:1].isupper() for w in words) \
        and words[-1].endswith("s") and words[-1].lower() not in _ORG_SUFFIX


def _body_of_place(words: list[str], cut: str, kind: str | None) -> tuple[str, str | None]:
    """A members' body's name goes on through "of" ("National Automotive Association of Chile", "National
    Association of Automobile Manufacturers of SA"): the whole run of ``words``, of the body's kind, when its head word
    stands before an "of" at or before where ``cut`` (the name up to its last suffix word) ends and at most six
    words that are no title follow the cut."""
    n = len(cut.split(" "))
    head = next((i for i, w in enumerate(words[:n]) if i + 1 < len(words) and (
        w in _MEMBERS and words[i + 1] == "of" or w in _FOR_HEADS and words[i + 1] == "for")),
                None)  # (a public body keeps its country apart: "State Customs Committee" of Uzbekistan; but a
    # body "for" its remit is named by all of it: "General Authority for the Suez Canal Economic Zone")
    rest = words[n:]
    if head is None or len(rest) > 6 or any(w.lower() in _TITLE_WORDS for w in rest):
        return cut, kind  # (the head's kind even when the cut is the whole run: "Chamber of Automotive Industries")
    return " ".join(words), _ORG_SUFFIX.get(words[head].lower(), "government-body")

#: a closing quote between a name and its legal form
_QUOTED_FORM = re.compile(rf"([{CLOSE_QUOTES}])([ ]+(?:{LEGAL_DOTTED_RE})\.)")


class NamePatterns:
    """Organisations and places named by a suffix word (needs the mention finder's ``add`` and ``_add_new``)."""

    def _patterns(self) -> None:
        gaz = self.gaz
        # a quoted name before its legal form ("“X” d.o.o."): read with the quote after the form (offsets hold)
        text = _QUOTED_FORM.sub(lambda m: m.group(2) + m.group(1), self.text)
        pieces: list[tuple[str, int]] = []
        owned: list[list[str]] = []  # names with a possessive inside, cut after it: ["Sea Cow's", "Bay Motors Ltd."]
        for m in _RUN.finditer(text):
            offset = m.start()
            if re.search(r"[a-z]['’]s [A-Z]", m.group(0)) and not _owner(
                    (cut := re.split(r"(?<=['’]s) ", m.group(0), maxsplit=1))[0], gaz):
                owned.append(cut)
            # "A Group and B Ltd." are two names; "Shares of X Group" is X Group, "Ministry of Y" stays whole
            parts = re.split(r"( (?:and|&) | of )", re.sub(r" (?:and|&|of)$", "", m.group(0)))  # ("X City and …")
            current, current_start = "", offset
            # a body "for" two places, its short form in brackets after them ("Urban Transportation Authority for
            # Lima and Callao (ATU)"): one name
            acronym = re.match(r"\s+\([A-Z]{2,6}\)", text[m.end():]) is not None
            for i, part in enumerate(parts):
                if part == " of " and current and (current.split(" ")[-1] in _OF_HEADS or _board_of(
                        current, parts[i + 1:]) or _members_of(current, parts[i + 1:])
                                                   or _place_of(current, parts[i + 1:], gaz)) or \
                        part.strip() in {"and", "&"} and current and (_one_body(current, parts[i + 1:])
                                                                       or _members_and(current, parts[i + 1:])) or \
                        part == " and " and acronym and i == len(parts) - 2 and re.search(
                            rf"\b(?:{'|'.join(_FOR_HEADS)}) for [A-Z]\w+$", current):
                    current += part  # "Ministry of Y"; "Roads and Transport Authority" is one body
                elif part.strip() in {"and", "&", "of"}:
                    if current:
                        pieces.append((current, current_start))
                    current, current_start = "", offset + len(part)
                else:
                    current += part
                offset += len(part)
            if current:
                pieces.append((current, current_start))
        for raw, raw_start in pieces:
            run, start = _clean_run(raw, raw_start)
            owner = next((o for o, rest in owned if rest.startswith(run) and text[:start].endswith(o + " ")), None)
            if owner:  # "Sea Cow's Bay Motors" after "Sea Cow's Bay Motors Ltd.": the name's short form, whole
                run, start = f"{owner} {run}", start - len(owner) - 1
            own = re.match(r"(.+?['’]s) (?=[A-Z])", run)
            if own and _owner(own.group(1), gaz):
                run, start = run[own.end():], start + own.end()  # "China's X Motors Ltd": the owner's, no name
            if not run:
                continue
            words = run.split(" ")
            lower = run.lower()
            org_kind = place_kind = None
            cut = None
            # the longest prefix of the run that ends with a suffix word
            for i in range(len(words), 1, -1):
                tail = " ".join(words[:i]).lower()
                last = words[i - 1].lower()
                for suffix in ("co., ltd.", "co. ltd."):
                    if tail.endswith(" " + suffix) and len(tail) > len(suffix) + 1:
                        org_kind, cut = "company", " ".join(words[:i])
                        break
                if cut:
                    break
                last = _HYPHENED_SUFFIX.sub("", last)  # "Serendib E-Mobility": its word ends it
                if last in _ORG_SUFFIX and words[0] in _OF_HEADS and words[1] == "of" \
                        and _ORG_SUFFIX.get(words[0].lower()) in _PUBLIC and _ORG_SUFFIX[last] not in _PUBLIC:
                    continue  # "Ministry of Transport (of Estonia)": a body's portfolio, the body named by its head
                if last in _ORG_SUFFIX:
                    org_kind, cut = _ORG_SUFFIX[last], " ".join(words[:i])
                    break
                if last in _PLACE_SUFFIX:
                    place_kind, cut = _PLACE_SUFFIX[last], " ".join(words[:i])
                    break
                if last == "capital" and i == 2 and city_country(words[0]) is not None:
                    place_kind, cut = "city", " ".join(words[:i])  # "Vientiane Capital": the city, as Laos names it
                    break
            if not cut and len(words) >= 2 and words[0] in LEGAL_LEADS:  # ("SIA X Y", "AS X", "PT X Y")
                org_kind, cut = "company", run
            if not cut and len(words) >= 3 and words[0] in _BODY_HEADS and words[1] == "of" \
                    and words[2] not in _NOT_PORTFOLIO:
                end = next((i for i, w in enumerate(words) if i > 2 and w.split("-")[0].lower() in _TITLE_WORDS),
                           len(words))  # ("Department of Investment Review Director-General X": up to the title)
                body = " ".join(words[:end])
                if not any(w.lower() in _ORG_SUFFIX for w in words[2:end]) \
                        and not re.match(r",?\s+(?:and|of)\s+[A-Z]", text[start + len(body):]):
                    # "Board of Investment": a public body and its portfolio (not "the board of X Ltd", nor a part of
                    # a longer name the parse reads: "Ministry of Industry and Construction", "Ministry of Economy of
                    # Peru")
                    org_kind, cut = "government-body", body
            if not cut:
                continue
            cut, org_kind = _body_of_place(words, cut, org_kind)
            if org_kind and _BODY_OF.match(cut):
                # "Directorate-General for Mobility": a public body, whatever its last word
                org_kind = "government-body"
            nxt = words[len(cut.split(" "))] if org_kind and len(cut.split(" ")) < len(words) else ""
            if nxt and _is_country(nxt, gaz):
                cut = f"{cut} {nxt}"  # a local arm named with its country ("X Motor India")
            name = cut.rstrip(",")
            if re.match(r"\s+(?:Show|Expo|Fair|Week|Festival|Summit|Forum)\b", text[start + len(name):]):
                continue  # an event ("X Motor Show"), not an organisation
            area = re.match(r"\s+(?:Park|Zone|Estate|Area|Cluster)\b", text[start + len(name):])
            if org_kind and area and re.search(rf"{ZONE_WORDS_RE}$", name + area.group(0)):
                continue  # the start of an area's name ("the King Salman Automotive Cluster"), not a company
            if org_kind and re.search(r"\b(?:Minister|Secretary|Commissioner|Ambassador|Governor|Mayor)\s+(?:of|for)\b",
                                      name):
                continue  # an office and its portfolio ("Minister for Mobility"), not an organisation
            s, e = start, start + len(name)
            if re.search(r"\b(?:and|of|for)$", name) or name.lower() == lower and len(words) < 2:
                continue
            if org_kind and _POST_OF.search(text, max(0, s - 40), s) and re.match(r"\s+(?:at|of)\s+(?:the\s+)?[A-Z]",
                                                                                  text[e:e + 12]):
                continue  # a post's remit ("the Director of Electric Mobility at X"), not an organisation
            head = _STRIP_FOR_HEAD.sub("", name) if org_kind else re.sub(r"[ ]+\w+$", "", name)
            if not head or head == name and org_kind:
                head = name
            inside = [k for k in self.overlaps(s, e) if k.known]
            if any(k.start <= s and e <= k.end for k in inside):
                continue  # already a known name (or inside one)
            file = "places" if place_kind else "organizations"
            known = gaz.lookup(name, (file,)) or (gaz.lookup(head, (file,)) if head != name else None)
            if place_kind in {"city", "district", "port"} and head != name and not gaz.lookup(name, (file,)) and (
                    known.kind in _WIDER_THAN_CITY if known is not None else _is_country(head, gaz)):
                known, head = None, name  # "Mexico City", "Quebec City": a city named after its country or province
            if org_kind == "customs-office" or org_kind in {"ministry", "government-body", "university",
                                                            "industry-association", "research-centre"}:
                known = gaz.lookup(name, (file,))  # "Qingdao Customs" is not Qingdao
            if known is not None:
                alias = name if normalize_in(name, known) is False else None
                self.add(Mention(s, e, name, known.file, known.id, True, known.kind,
                                 "pattern+gazetteer", 0.85, known.label, new_alias=alias))
                continue
            if any(len(name) <= len(k.text) for k in inside):
                continue
            if place_kind and (_ORG_AFTER.match(text, e) or len(name.split(" ")) < len(words)):
                continue  # "Lion City Fleet Services", "Grand Port Maritime de Marseille": a longer name's start
            dated = re.search(r"\b\d{1,2}(?:st|nd|rd|th)\s+of\s+$", text[max(0, s - 12):s]) if place_kind else None
            if dated:  # "Egypt's 10th of Ramadan City": a town named by a date, whole
                s -= len(dated.group(0))
                name = head = text[s:e]
            if place_kind:  # ("Sri City", "Ho Chi Minh City": a city whose name without "City" is no known town;
                # "Jebel Ali Port", "Guangzhou Port": a port is no town, its name keeps "Port")
                label = name if place_kind == "port" else head if place_kind != "city" or city_country(
                    head) not in {None, "PH"} or re.search(rf"\b{re.escape(head)}\b(?![ ]+City\b)", text) else name
                # (a Philippine city's name is "X City": Davao City, Iloilo City, apart from the province X)
                rid = self._new_id(label, "places")
                rec = {"id": rid, "label": label, **({"aliases": [name]} if name != label else {}), "kind": place_kind}
                rule, conf = f"place-suffix:{name.split(' ')[-1]}", 0.7
            else:
                label = name
                rid = self._new_id(label, "organizations")
                rec = {"id": rid, "label": label, "kind": org_kind}
                if org_kind == "automaker" or (MAKER_NAME.search(name) or re.search(r"\bAutomotive\b", name)) \
                        and org_kind == "company":
                    rec["kind"] = "automaker"
                if org_kind == "customs-office":
                    where = re.sub(r"[ ]+Customs$", "", name)
                    city = gaz.lookup(where, ("places",))
                    if city:
                        rec["based_in"] = city.id
                    # "Qingdao Customs": a city's office of China's customs; not "State Customs", "Russian Customs"
                    local = _in_china(city, gaz) if city else \
                        where not in _NOT_LOCAL and not _is_country(where, gaz) and " " not in where
                    if local and "general-administration-of-customs" in gaz.ids:
                        rec["parent"] = "general-administration-of-customs"
                rule, conf = f"org-suffix:{name.split(' ')[-1]}", 0.7 if org_kind != "company" else 0.6
            self._add_new(rec, Mention(s, e, name, file, rid, False, rec["kind"], rule, conf, label))


def normalize_in(name: str, entry: Entry) -> bool:
    """Whether the name is already one of the entry's names (compared normalized)."""
    from nevkg.queries.resolve import normalize

    key = normalize(name)
    return any(normalize(n) == key for n in [entry.label, *entry.names])


def _in_china(place: Entry, gaz: Any) -> bool:
    """Whether the records put a place in China (or say nothing of where it lies: built from a graph)."""
    seen, todo = set(), list(place.parents)
    if not todo:
        return True
    while todo:
        pid = todo.pop()
        if pid == "china":
            return True
        entry = gaz.entries.get(pid)
        if pid not in seen and entry is not None:
            seen.add(pid)
            todo += entry.parents
    return False


def _is_country(word: str, gaz: Any) -> bool:
    """Whether a word names a country (a known one, or one of the built-in list)."""
    return is_country_name(word, gaz)
