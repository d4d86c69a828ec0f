"""Short names introduced in brackets: "the Korea Automobile Manufacturers Association (KAMA)", "the Ministry
of Commerce (MOFCOM)", "Roads and Transport Authority (RTA)", also written as a word ("(Naamsa)"). The short name
in brackets right after an organisation's name is that organisation's when its letters come in order from its
name, the first one an initial ("MOFCOM" from Ministry OF COMmerce, "BOI" from Thailand Board Of Investment; one
written as a word spells the initials exactly), or, after a public body's English name, whatever its letters (a
short name in the body's own language): every mention of the short name is then a mention of the organisation,
never a new company or place of its own. Where no organisation ends before the bracket, the capitalised words
there whose initials are exactly the short name ("Integrated Transport Centre (ITC)") are made one (a public body
when its words say so): the parser often takes such a name for a site or misses it.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["apposed_acronyms", "bracket_acronyms", "fits_name", "quoted_short_names"]

_BRACKET = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9&]{1,9})\)")
#: words of a public body's name ("Integrated Transport Centre", "Roads Authority")
_GOV_WORDS = re.compile(r"\b(?:Authority|Department|Ministry|Agency|Commission|Council|Bureau|Administration|"
                        r"Transport|Roads|Regulatory|Office|Tribunal|Court)\b")


def _from_starts(letters: str, words: list[str], first: bool = False) -> bool:
    """Whether ``letters`` are the starts of some of ``words`` in order (the first word's start first when
    ``first``), at least two of them: "dart" from "dar", "r", "t" of "dar rapid transit agency"."""
    if not letters:
        return not first
    for i, w in enumerate(words[:1] if first else words):
        n = 1
        while n <= min(len(w), len(letters)) and letters[:n] == w[:n]:
            if _from_starts(letters[n:], words[i + 1:]) and (not first or letters[n:]):
                return True
            n += 1
    return False


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
    >>> fits_name("Naamsa", "National Association of Automobile Manufacturers of SA")
    True
    >>> fits_name("Dart", "Dar Rapid Transit Agency"), fits_name("Tanesco", "Tanzania Electric Supply Company")
    (True, True)
    >>> fits_name("Dart", "Daewoo Motors"), fits_name("Sapa", "State Automobile Parts Association")
    (False, True)
    """
    if sum(c.isupper() for c in acronym) < 2:  # "Naamsa", "Nada", "Dart", "Tanesco": a short name written as a
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)  # word is made of the starts of its words
                 if w.lower() not in {"of", "and", "the", "for", "de", "del", "la"}]
        return len(acronym) >= 3 and _from_starts(acronym.lower(), words, first=True)
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


def _org_ending_at(E: Any, pos: int) -> tuple[Mention | None, str]:
    """The organisation whose mention ends at ``pos`` (right before a short name; or its legal form's full stop
    does: "X, S.A. (XSA)") and its full name, else ``(None, "")``."""
    org = next((m for m in E.mentions if m.file == "organizations" and (
        m.end == pos or m.end == pos - 1 and E.text[m.end] == "." and E.text[m.start:m.end][-1:].isupper())), None)
    return org, (E.new.get(org.id, {}).get("label") or org.label or org.text) if org is not None else ""


def bracket_acronyms(E: Any) -> None:
    """Make the bracketed short name of an organisation or of an agreement the parser named (and each later
    mention of it) name that organisation or agreement (also one in capitals set off by commas after a name of three
    words or more whose letters it takes in order: "the Kaduna State Urban Mobility Agency, KASUMA,"); a new
    organisation or place proposed for the short name alone is dropped. ``E`` is the mention finder
    (``_Entities``)."""
    from nevkg.ingest.extract.ner_types import _ZONE  # (a zone's name, a free zone's too)
    from nevkg.ingest.extract.policy_names import found_instruments as instruments

    for x in list(_BRACKET.finditer(E.text)):
        acr = x.group("acr")
        org, full = _org_ending_at(E, x.start())
        law = next((m for m in [*E.mentions, *E.new_meta.values()] if m.file == "policies" and m.end == x.start()),
                   None) if org is None else None
        if law is not None and fits_name(acr, law.text) and not any(a <= law.start and law.end <= b
                                                                   for a, b, _, _ in instruments(E.text)):
            _name_again(E, law, acr)  # "the ASEAN Trade in Goods Agreement (ATIGA)": the measure's short name (a
            continue  # law's own, "the X Act (XA)", is read with its name in policy_names)
        zone = next((m for m in E.mentions if m.file == "places" and m.end == x.start() and _ZONE.search(m.text)),
                    None) if org is None else None  # (an industrial zone's or park's short name)
        if zone is not None and (fits_name(acr, zone.text) or acr.isupper() and _initials_in(acr, zone.text)):
            _name_again(E, zone, acr)  # "the Sungai Liang Industrial Park (SPARK)": the zone's short name
            continue
        if org is None and _common_noun(E.text, x.start(), acr):
            for k in [k for k in E.mentions if k.text == acr and not k.known and k.file != "policies"]:
                E.forget(k)  # "a public motor vehicle (PMV) operator": "PMV" is no company, site or place
            continue
        if sum(c.isupper() for c in acr) < 2 and not (org is not None and fits_name(acr, full)):
            continue  # ("(Naamsa)" after the name whose initials it spells is its short name)
        # a short name in the body's own language: a public body's ("(KBA)"), or any whose capitals are the
        # name's initials in another order ("Mexican Association of Automotive Distributors (AMDA)")
        foreign = org is not None and acr.isupper() and (
            (org.kind or "") == "government-body" and _GOV_WORDS.search(full) is not None
            or _initials_in(acr, full))
        if org is not None and (fits_name(acr, org.text) or fits_name(acr, full) or foreign):
            if not org.known:
                org = _as_known(E, org, acr) or org
        elif (spelled := _spelled_out(E, x.start(), acr)) is not None:
            org = spelled
        elif (joined := _of_a_country(E, x.start(), acr)) is not None:
            org = joined
        elif org is not None and not org.known and len(full.split()) >= 3 and 3 <= len(acr) <= 6 and \
                acr.isupper() and E.gaz.lookup(acr) is None:
            pass  # a new body of three words or more: its short name in its own language ("… Organization (OASTH)")
        else:
            continue
        _name_again(E, org, acr)
    for x in list(_COMMA_SHORT.finditer(E.text)):  # "the Kaduna State Urban Mobility Agency, KASUMA, will …"
        acr = x.group("acr")
        org, full = _org_ending_at(E, x.start())
        if org is None or len(full.split()) < 3 or not fits_name(acr, full):
            continue
        if not org.known:
            org = _as_known(E, org, acr) or org
        _name_again(E, org, acr)


def _initials_in(acr: str, name: str) -> bool:
    """Whether a short name in capitals holds the initials of the name's capitalised words, its first letter one of
    them, in any order and with letters of its own: the short name in the body's own language or with its legal
    form ("Colón Free Zone (ZLC)" for Zona Libre de Colón, "Elektra Noreste (ENSA)" for Elektra Noreste S.A.,
    "Mexican Association of Automotive Distributors (AMDA)").

    >>> _initials_in("ZLC", "Colón Free Zone"), _initials_in("ENSA", "Elektra Noreste")
    (True, True)
    >>> _initials_in("EU", "Elektra Noreste")
    False
    >>> _initials_in("BYD", "Chery Automobile")
    False
    """
    initials = {w[0] for w in name.split() if w[:1].isupper()}
    shared = sum(c in acr for c in initials)
    return acr[0] in initials and shared >= max(2, len(initials) - 1)


def _common_noun(text: str, end: int, acr: str) -> bool:
    """Whether the lower-case words right before "(ACR)" at ``end`` are what ACR stands for: the short form of a
    common noun ("a public motor vehicle (PMV)", "completely knocked-down (CKD) kits"), no organisation's name.

    >>> t = "a public motor vehicle (PMV) operator"
    >>> _common_noun(t, t.index(" (PMV)"), "PMV"), _common_noun("the Motor Vehicle Board (MVB)", 24, "MVB")
    (True, False)
    """
    from nevkg.ingest.extract.linking import acronym_of

    words = re.search(r"(?:\b[a-z][a-z\-]*[ ]){1,6}$", text[max(0, end - 80):end] + " ")
    parts = words.group(0).split() if words is not None else []
    return any(acronym_of(" ".join(parts[i:])) == acr for i in range(len(parts) - 1))


#: a short name in capitals set off by commas right after a name ("X Urban Mobility Agency, KASUMA, …")
_COMMA_SHORT = re.compile(r",\s+(?P<acr>[A-Z][A-Z0-9&]{2,9})(?=\s*[,.;])")


#: a body described, then its short name in apposition: "the importers' association, ANAC, said"
_APPOSED = re.compile(r"\b(?P<noun>association|federation|body|agency|regulator|lobby|union|council|chamber|institute|"
                      r"authority|ministry|commission|bureau|operator|company|firm|group)['’]?,\s+"
                      r"(?P<acr>[A-Z][A-Z&]{1,7})(?=\s*,)")


_PUBLIC_NOUNS = {"agency", "regulator", "authority", "ministry", "commission", "bureau", "council"}
_MEMBERS_NOUNS = {"association", "federation", "lobby", "chamber", "union", "institute", "body"}


def apposed_acronyms(E: Any) -> None:
    """Capitals set off by commas after a noun that says what a body is ("the carmakers' lobby, ABCD, said") name
    that body: an organisation (a public body after "agency", "authority", "ministry" …), named so wherever the
    short name stands again. ``E`` is the mention finder (``_Entities``)."""
    from nevkg.ingest.extract.org_context import org_at

    for x in list(_APPOSED.finditer(E.text)):
        acr = x.group("acr")
        if E.overlaps(x.start("acr"), x.end("acr")) or acr in {"CEO", "CFO", "EV", "EU", "US", "UK"}:
            continue
        noun = x.group("noun")
        kind = "government-body" if noun in _PUBLIC_NOUNS else "industry-association" if noun in _MEMBERS_NOUNS \
            else "company"
        org = org_at(E, x.start("acr"), x.end("acr"), kind, "acronym")
        if org is not None:
            _name_again(E, org, acr)


#: a short name defined in quotes in brackets: ("Tengyun"), (the “Company”)
_QUOTED = re.compile(r"\s*\(\s*(?:the\s+)?[\"“](?P<short>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,2})[\"”]\s*\)")


#: a defined term that names a company by what it is ('Y (the "JV Company")', 'Z (the "Target Company")')
_DEFINED_COMPANY = re.compile(r"(?:[A-Z][\w\-]*\s+)+(?:Company|Venture|Subsidiary)")


def quoted_short_names(E: Any) -> None:
    """A short name defined in quotes right after an organisation's name ("Nordlys Taxi AS ("Nordlys")",
    "Velmora Holdings Berhad (“Velmora”)") names that organisation wherever it stands, also where another name
    of the article starts with the same word. Only a short name made of the name's own words or initials, or a
    term that calls it a company ("the "JV Company""): a defined role ("the "Operator"") is no name. ``E`` is
    the mention finder (``_Entities``)."""
    for x in list(_QUOTED.finditer(E.text)):
        short = x.group("short")
        org = next((m for m in E.mentions if m.file == "organizations" and m.end == x.start()), None)
        if org is None or short == org.text:
            continue
        words = set(re.findall(r"[\w\-]+", org.label or org.text)) | set(re.findall(r"[\w\-]+", org.text))
        if not set(short.split()) <= words and not fits_name(short, org.text) \
                and not _DEFINED_COMPANY.fullmatch(short):
            continue
        _name_again(E, org, short)
        E.defined_names = getattr(E, "defined_names", set()) | {short}  # (no later rule gives it to another)


def _name_again(E: Any, org: Mention, acr: str) -> None:
    """Every occurrence of the short name ``acr`` names ``org``, an organisation or a measure (unless the records
    give it to another)."""
    owner_known = org.known
    known_names = set(E.gaz.entries[org.id].names) | {E.gaz.entries[org.id].label} if owner_known else set()
    alias = acr if owner_known and acr not in known_names else None
    for k in [k for k in E.mentions if k.text == acr and k is not org]:
        if k.known and k.id != org.id:
            continue  # the short name is already another known record's
        old = k.id
        k.id, k.known, k.kind, k.label, k.file, k.new_alias = org.id, owner_known, org.kind, org.label, \
            org.file, alias
        if old != org.id:
            E.drop_unused(old)  # the parser's own company, site or place of the short name alone
    for m in re.finditer(rf"(?<![\w\-]){re.escape(acr)}(?![\w\-])", E.text):
        if not E.overlaps(m.start(), m.end()):
            E.mentions.append(Mention(m.start(), m.end(), acr, org.file, org.id, owner_known, org.kind,
                                      "acronym", org.confidence, org.label, new_alias=alias))
    if not owner_known and org.id in E.new:
        aliases = E.new[org.id].setdefault("aliases", [])
        if acr not in aliases:
            aliases.append(acr)


def _place_kind(name: str) -> str | None:
    """The kind of place a spelled-out name ends in: an airport or hall, an industrial zone, a city (or a district
    named a city); else None.

    >>> _place_kind("Ninoy Aquino International Airport"), _place_kind("Bonifacio Global City"), _place_kind(
    ...     "Integrated Transport Centre"), _place_kind("Quezon City")
    ('airport', 'district', None, 'city')
    """
    from nevkg.ingest.extract.ner_types import _VENUE, _ZONE

    if _VENUE.search(name):
        return "airport" if re.search(r"\bAir", name.split()[-1]) else "venue"
    if _ZONE.search(name):
        return "district"
    if re.search(r"\s(?:City|Town)$", name):  # (a "city" of three words or more is a district of a larger one:
        return "city" if len(name.split()) < 3 else "district"  # "Bonifacio Global City", "Tanger Automotive City")
    return None


#: a measure's last word: "Antigua and Barbuda Sales Tax (ABST)" names no organisation
_MEASURE_END = re.compile(r"\b(?:Tax|Duty|Levy|Tariff|Act|Law|Regulation|Scheme|Programme|Program|Plan|Policy)$")


def _one_name(E: Any, over: list[Mention], file: str, kind: str, name: str, s: int, end: int) -> Mention | None:
    """The mentions ``over`` made one new mention of ``name`` at ``text[s:end]`` (a ``file`` record of ``kind``;
    the known ones among them kept as names inside it), found by its short name in brackets."""
    from nevkg.ingest.extract.ner import _propose

    for k in over:
        E.forget(k)
    E.inner.extend(k for k in over if k.known)
    _propose(E, file, kind, name, s, end, "context-acronym")
    return next((m for m in E.mentions if m.start == s and m.file == file), None)


def _of_a_country(E: Any, end: int, acr: str) -> Mention | None:
    """A new organisation's name the parser cut before "of" and a country, right before a short name in capitals
    in brackets ("Power Plants of North Macedonia (ESM)", in the body's own language): one organisation of the whole
    name, the country inside it."""
    if not (acr.isupper() and 2 <= len(acr) <= 6):
        return None
    place = next((m for m in E.mentions if m.file == "places" and m.end == end and m.kind == "country"), None)
    cut = next((m for m in E.mentions if place is not None and m.file == "organizations" and not m.known
                and m.rule.startswith("ner:") and m.id in E.new
                and re.fullmatch(r"\s+of\s+(?:the\s+)?", E.text[m.end:place.start])), None)
    if cut is None or E.gaz.lookup(acr) is not None:
        return None
    kind = E.new[cut.id].get("kind") or cut.kind or "company"
    return _one_name(E, [cut, place], "organizations", kind, E.text[cut.start:end], cut.start, end)


def _spelled_out(E: Any, end: int, acr: str) -> Mention | None:
    """The capitalised name right before "(ACR)" at ``end`` whose initials are exactly ACR ("Integrated
    Transport Centre (ITC)"): an organisation (a new one, or the parser's new site or place of that span
    retyped)."""
    from nevkg.ingest.extract.linking import acronym_of
    from nevkg.ingest.extract.ner import retype
    from nevkg.ingest.extract.org_context import org_at

    run = re.search(r"(?:[A-Z][\w\-]*,?[ ](?:(?:of|and|for|the|&)[ ])*)+[A-Z][\w\-]*$", E.text[max(0, end - 90):end])
    if run is None:
        return None
    words = run.group(0).split(" ")

    def spells(name: str) -> bool:  # (a capitalised particle is an initial too: "Da Afghanistan Breshna Sherkat")
        return acr in {acronym_of(name.replace(",", "")), "".join(w[0] for w in name.split(" ") if w[:1].isupper())}

    while len(words) > 1 and not spells(" ".join(words)):
        words = words[1:]  # ("Customs, Excise and Service Tax Appellate Tribunal (CESTAT)": commas in a list)
    while words and not words[0][:1].isupper():
        words = words[1:]  # ("Officer of the Ghana Investment Promotion Centre (GIPC)": from the name's first word)
    name = " ".join(words)
    if not words or not spells(name):
        return None
    s = end - len(name)
    if (place := _place_kind(name)) is not None:  # "Ninoy Aquino International Airport (NAIA)", "Bonifacio
        # Global City (BGC)": a place, the parser's or a new one
        name, s = (name[4:], s + 4) if name.startswith(("The ", "the ")) else (name, s)
        over = E.overlaps(s, end)
        same = next((k for k in over if (k.start, k.end) == (s, end) and k.file == "places"), None)
        if same is not None and not same.known and same.id in E.new and same.kind != place:
            retype(E, same.id, "places", place)  # ("Cebu Business Park City": a district, not a town)
        if same is not None or any(k.known or k.start < s or k.end > end for k in over):
            return same
        return _one_name(E, over, "places", place, name, s, end)
    kind = "government-body" if _GOV_WORDS.search(name) else "company"
    rid = next((r for r, rec in E.new.items() if rec.get("label") == name and E.new_meta[r].file in {"sites", "places"}
                and rec.get("kind") != "country"), None)
    if rid is not None:  # the parser's site or place of that name ("… Centre"): an organisation
        retype(E, rid, "organizations", kind)
        E.new[rid].pop("operator", None)
        m = Mention(s, end, name, "organizations", rid, False, kind, "acronym", 0.6, name)
        E.add(m)
        return m
    if name.startswith(("The ", "the ")):
        name, s = name[4:], s + 4
    over = E.overlaps(s, end)
    cut = [k for k in over if k.file == "organizations" and not k.known and k.start == s and k.end < end]
    if cut and re.fullmatch(r"\s+of\s+(?:the\s+)?", E.text[cut[0].end:next((k.start for k in over if k.start >
                                                                            cut[0].end), end)]) and all(
            s <= k.start and k.end <= end and (k in cut or k.file == "places") for k in over):
        # "The Electric Vehicle Association of Thailand (EVAT)": one body, not a cut name and a place
        return _one_name(E, over, "organizations", E.new.get(cut[0].id, {}).get("kind") or cut[0].kind or kind,
                         name, s, end)
    inside = over and all(s <= k.start and k.end <= end for k in over)
    if inside and len(words) >= 3 and not _MEASURE_END.search(name) and all(
            (k.start, k.end) != (s, end) and (not k.known and k.id in E.new and k.file != "organizations"
                                              or k.kind == "country") for k in over) or \
            inside and kind == "government-body" and " and " in name and all(
                not k.known and k.id in E.new for k in over):
        # "Da Afghanistan Breshna Sherkat (DABS)", the parser's country and person inside it; "Roads and Transport
        # Authority (RTA)" read as "Roads" and "Transport Authority": one body
        return _one_name(E, over, "organizations", kind, name, s, end)
    return org_at(E, s, end, kind, "acronym")
