"""The vocabulary of people's titles (the titles a role may hold, those only a state or a company gives, title words,
business functions, ranks, a person's name) and the clean-up of organisation names the parser made of title words
("Communications Manager", "Global Sales", "X Chairman"), used by :mod:`.people` and the role rules."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.periods import _MONTH_NUM

__all__ = ["COMPANY_TITLE", "COUNCIL_TITLE", "GOV_TITLE", "LEGISLATOR_INITIALS", "NOT_A_TITLE", "ROLE_TITLE_RX",
           "STATE_TITLE", "business_partner", "functions_are_no_companies", "titles_out_of_org_names",
           "holder_named_next", "region_remit", "trailing_function", "legislator_before", "LEGISLATOR_TITLES"]

_TITLE_WORDS = (r"chairman|chairwoman|chairperson|chair|president|vice[\s-]president|director|director-general|"
                r"general\s+manager|manager|chief\s+executive(?:\s+officer)?|CEO|CFO|CTO|COO|founder|co-founder|"
                r"head|secretary|spokesperson|spokesman|spokeswoman|executive|officer|minister|deputy|partner|"
                r"engineer|analyst|researcher|economist|professor|dean|leader|boss|general\s+counsel|fellow|"
                r"senior\s+associate|under-?secretary|consultant|counsel|advis[eo]r|principal|(?-i:MD)|VP|SVP|EVP|CCO|CMO|CIO|"
                r"CBO|CGO|CPO|"
                r"CSO|(?:plant|shop|union|workers['’]?|staff)\s+(?:representative|steward|delegate)|shop\s+steward")
_TITLE_RX = re.compile(rf"\b(?:{_TITLE_WORDS})\b", re.I)

#: a member of an assembly, a council or a committee ("a member of the Vilnius City Council", "Kurdistan Parliament
#: member NAME", "the Member for Blue Hills"; not a member of a club or a board)
#: (the bodies named right before "member"; after "member of" also a House, a Chamber and assemblies by their own name,
#: whose fields "and" may join: "the Finance and Budget Committee")
_BEFORE_MEMBER = ("Parliament", "Assembly", "Council", "Congress", "Senate", "Legislature", "Committee")
_ASSEMBLIES = "(?:" + "|".join((*_BEFORE_MEMBER, "House", "Chamber", "Duma", "Knesset", "Majlis")) + ")"
_ASSEMBLY_MEMBER = ("(?:" + "|".join(rf"(?<={w}\s)" for w in _BEFORE_MEMBER) + r")(?-i:member)|"
                    r"member(?=\s+of\s+(?:the\s+)?(?-i:(?:[A-Z][\w'’-]*\s+(?:(?:and|&)\s+)?){0,5}?"
                    + _ASSEMBLIES + r")\b)|"
                    r"(?-i:Member)(?=\s+for\s+(?-i:[A-Z]))")
#: the titles a role may hold, of companies and of states (read by the role rules, the parser's spans and the
#: name checks; :data:`_TITLE_WORDS` above is the narrower list of words that make a phrase a title)
_ROLE_TITLES = (r"chairman|chairwoman|chairperson|chair|president|vice[\s-]?president|vice[\s-]?chairman|director|"
                r"director[\s-]general|general\s+manager|managing\s+director|manager|chief(?:\s+\w+){0,2}\s+officer|"
                r"chief\s+executive|CEO|CFO|CTO|COO|founder|co-founder|(?:co-)?owner|head|secretary|spokesperson|spokesman|"
                r"spokeswoman|minister|prime\s+minister|premier|governor|mayor|ambassador|commissioner|chancellor|administrator|"
                r"proprietor|"
                r"executive|boss|chief|emeritus|partner|analyst|economist|professor|lecturer|envoy|consul|general\s+counsel|"
                r"(?:senior|principal)\s+associate|associate\s+director|crown\s+prince|emir|under-?secretary|"
                r"consultant|counsel|advis[eo]r|(?-i:MD)|VP|SVP|EVP|CCO|CMO|CIO|CBO|CGO|CPO|CSO|"
                r"council(?:l?or|man|woman|\s+member)|alderman|alderwoman|(?:senior|research|visiting)\s+fellow|researcher|leader|"
                r"(?:plant|shop|union|workers['’]?|staff)\s+(?:representative|steward|delegate)|shop\s+steward|MP|MHK|(?-i:MLA|MNA|MPP|MSP)|"
                r"member\s+of\s+parliament|lawmaker|legislator|senator|" + _ASSEMBLY_MEMBER + "|"
                r"(?:(?:management|supervisory)\s+)?board\s+member|(?-i:Gov|Sen|Rep)(?=\.)")
ROLE_TITLE_RX = re.compile(rf"\b(?:{_ROLE_TITLES})\b", re.I)
#: a lookahead: what follows is no title (after an acronym, "DPS Holdings" is another name but "DPS Commissioner
#: NAME" names the body)
NOT_A_TITLE = rf"(?!(?i:{ROLE_TITLE_RX.pattern}))"
#: titles of a government or council
GOV_TITLE = re.compile(r"\b(?:minister|president|premier|governor|(?-i:Administrator)|mayor|ambassador|envoy|consul|"
                       r"chancellor|king|"
                       r"crown\s+prince|emir|council(?:l?or|man|woman|\s+member)|alderman|alderwoman|"
                       r"secretary|under-?secretary|commissioner|(?-i:Gov)(?=\.))\b", re.I)
#: a member of a local council ("Councillor NAME", "NAME, a city councilwoman")
COUNCIL_TITLE = re.compile(r"\b(?:council(?:l?or|man|woman|\s+member)|alderman|alderwoman)\b", re.I)
#: titles only a state gives (a company's "president" or "secretary" is not one)
STATE_TITLE = re.compile(r"\b(?:minister|premier|governor|(?-i:Administrator)|mayor|ambassador|envoy|consul|chancellor|"
                         r"king|"
                         r"commissioner|secretary\s+of\s+state|under-?secretary)\b", re.I)
#: titles only a company gives
COMPANY_TITLE = re.compile(r"\b(?:chief|CEO|CFO|CTO|COO|(?-i:MD)|SVP|EVP|chair(?:man|woman|person)?|"
                           r"managing\s+director|"
                           r"general\s+manager|founder|co-founder|vice[\s-]?president|executive|head|director)\b",
                           re.I)
#: a name of two or three words, accented letters too ("Arturo Mendía", "Jürgen Maß")
_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME = (rf"[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?(?:[ ][{_UP}]\.)?"  # (a middle initial: "Josefina T. Lacson")
         rf"(?:[ ][{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)?){{1,2}}")

#: a business function, written in capitals in a title ("Head of Global Sales", "VP, Investor Relations")
_FUNCTION = re.compile(r"(?:(?:[A-Z][a-z]+\s+){0,2}(?:Sales|Marketing|Operations|Communications?|Strategy|Procurement|"
                       r"Purchasing|Relations|Affairs|Planning|Experience|Partnerships|Alliances|Policy|Safety|"
                       r"Expansion|Growth)|(?:(?:Global|International|Overseas|Corporate|Public|Investor|Government|"
                       r"Business|Human|Product|Brand|Customer|Digital)\s+)?(?:Finance|Engineering|Research|Design|"
                       r"Logistics|Resources|Development|Service|Services|Technology|Products?|Business)|"
                       r"(?:Land|Road|Public|Urban|Rail|Maritime|Air)\s+Transport(?:ation)?)"  # (a ministry's)
                       r"(?:\s+(?:and|&)\s+[A-Z][a-z]+)?")
#: (any words may qualify a function's noun that ends no company's name: "Driver Experience", "Global
#: Partnerships"; only these qualify the others: "Beiling Technology" is a company)
#: a capitalised word of rank before a title ("Senior Vice President")
_RANK = r"(?:Senior|Executive|Deputy|Vice|Chief|Group|Global|Regional|Managing|General|Assistant|Associate|Corporate)"
#: not a word of a title: a preposition, an article, a conjunction (a lookahead before a lower-case word)
_FUNCTION_WORD = r"(?!(?:by|of|at|from|with|to|for|on|in|the|a|an|and|or|said|says|told|that)\s)"
#: title words only, capitalised, that a parser may take for an organisation ("Managing Partner")
_TITLE_ONLY = re.compile(r"(?:(?:Managing|Senior|General|Executive|Chief|Vice|Deputy|Assistant|Associate|Founding|"
                         r"Regional|Country)\s+)+(?:Partner|Director|Manager|President|Chairman|Officer|Executive|"
                         r"Counsel|Consultant|Adviser|Advisor)|Co-?[Ff]ounder")  # (or "Co-Founder" alone)
#: a function's head or officer ("Communications Manager", "Sales Director", "Press Officer")
_FUNCTION_TITLE = re.compile(rf"(?:{_FUNCTION.pattern}|Press|Media)\s+(?:Manager|Director|Officer|Head|Lead|"
                             r"Coordinator|Specialist|Executive|Adviser|Advisor)")
_TITLE_BEFORE_FUNCTION = re.compile(rf"\b(?:{_TITLE_WORDS}|VP|SVP|EVP|director\s+general)\s*(?:,|of|for)\s*$", re.I)


def trailing_function(tokens: Any) -> int:
    """How many of the last tokens (up to three, never all) name a business function ("[ZDA] Public Relations"
    before "Manager"): the title's words, not the body's name; 0 when none do."""
    for n in (3, 2, 1):
        if len(tokens) > n and _FUNCTION.fullmatch("".join(t.text_with_ws for t in tokens[-n:]).strip()):
            return n
    return 0


#: title words a parser may take into an organisation's name before a person ("X Chairman & CEO NAME")
_TRAILING_TITLE = re.compile(r"(?:\s+(?:President|Chairman|Chairwoman|Chairperson|CEO|Founder|Co-[Ff]ounder|Chief|"
                             r"Executive|Director|Vice|Managing|Senior|General|Manager))+$")


def functions_are_no_companies(R: Any, s: int, e: int) -> None:
    """A business function written in capitals after a title ("Head of Sales", "Vice President, Global
    Marketing") is part of the title: a new organisation the parser made of it is dropped.

    Parameters
    ----------
    R : PeopleRules
        The extractor (its text and mentions).
    s, e : int
        The sentence's bounds.
    """
    for m in R.mentions_in(s, e, ("organizations",)):
        before = R.text[max(s, m.start - 40):m.start]
        function = _FUNCTION.fullmatch(m.text) or re.fullmatch(rf"(?:{_FUNCTION.pattern})\s+{_NAME}", m.text)
        # (the parser may read the function and the name after it as one: "Global Sales Ella Marsh")
        if not m.known and m.id in R.ents.new and (function and _TITLE_BEFORE_FUNCTION.search(before) or
                                                   _TITLE_ONLY.fullmatch(m.text) or
                                                   _FUNCTION_TITLE.fullmatch(m.text) or re.match(
                r"\s+(?:[Cc]ontacts?|[Ee]nquiries|[Rr]elations)\s*:", R.text[m.end:m.end + 20])):
            R.ents.forget(m)  # (or title words only: "Managing Partner", "Executive Director", a function's
            # title: "Communications Manager", or a label's first word: "Media contact:")
            continue
        at = re.fullmatch(rf"(?:{_FUNCTION.pattern})\s+(?:at|of)\s+(?:the\s+)?(?P<org>\S.*)", m.text)
        other = next((o for o in R.ents.mentions if at and o.file == "organizations" and o.id != m.id
                      and o.text == at.group("org")), None)
        if other is not None and not m.known and m.id in R.ents.new and _TITLE_BEFORE_FUNCTION.search(before):
            # "Director General of [Land Transport at MOTL]" read as one name: the function is the title's,
            # the organisation named after it the person's
            R.ents.forget(m)
            R.ents.add(Mention(m.start + at.start("org"), m.end, at.group("org"), "organizations", other.id,
                               other.known, other.kind, other.rule, other.confidence, other.label))


def titles_out_of_org_names(R: Any, s: int, e: int) -> None:
    """A new organisation whose name ends in title words before a person ("X Chairman & CEO NAME" read as
    "X Chairman") is the organisation without them: a mention of the one of that name, else renamed.

    Parameters
    ----------
    R : PeopleRules
        The extractor (its text, gazetteer and mentions).
    s, e : int
        The sentence's bounds.
    """
    for m in R.mentions_in(s, e, ("organizations",)):
        t = _TRAILING_TITLE.search(m.text)
        if m.known or m.id not in R.ents.new or t is None or t.start() == 0 or \
                not re.match(rf"\s*(?:(?:&|and)\s+[\w\s-]*?)?\s*{_NAME}", R.text[m.end:e]):
            continue
        name, old = m.text[:t.start()], m.id
        same = next((o for o in R.ents.mentions if o.file == "organizations" and o.text == name), None)
        known = R.gaz.lookup(name, ("organizations",)) if same is None else None
        m.end, m.text = m.start + len(name), name
        if same is not None or known is not None:
            m.id, m.known = (same.id, same.known) if same is not None else (known.id, True)
            m.label, m.kind = (same.label, same.kind) if same is not None else (known.label, known.kind)
            R.ents.drop_unused(old)
            continue
        m.id, m.label = R.ents._new_id(name, "organizations"), name
        R.ents.new[m.id] = {**R.ents.new.pop(old), "id": m.id, "label": name}
        R.ents.new_meta[m.id] = R.ents.new_meta.pop(old)
        R.ents.new_meta[m.id].label = name
        for k in R.ents.mentions:
            if k.id == old:  # (its repeats, which end in the title words too)
                k.id, k.label = m.id, name


#: words before "partner" that still make it a person's post ("managing partner", "a senior partner at X")
_PERSON_PARTNER = {"managing", "senior", "junior", "founding", "general", "equity", "name", "former", "co-managing"}


def business_partner(title: str) -> bool:
    """Whether ``title`` names a business relation, not a person's post.

    So it is when "partner" is its only title word and a word saying what kind of partner stands before it
    ("its distribution partner", "the sales partner for X", "official importer and service partner"): what it
    is said of is a company.

    Parameters
    ----------
    title : str
        A title as read next to a name.

    Returns
    -------
    bool
        True for a business partner, False for a person's post ("partner", "managing partner", "chairman").

    >>> business_partner("former national sales partner"), business_partner("partner"), business_partner(
    ...     "managing partner")
    (True, False, False)
    """
    words = ROLE_TITLE_RX.findall(title)
    if not words or any(w.lower() not in {"partner", "partners"} for w in words):
        return False
    before = re.search(r"([\w-]+)\s+partners?\b", title, re.I)
    return before is not None and before.group(1).lower() not in _PERSON_PARTNER


#: words that open no person's name
_NAME_STOP = {"The", "In", "On", "According", "China", "Chinese", "Its", "His", "Her", "Both", "This", "That",
              "Last", "Next", "Since", "After", "However", "Meanwhile", "Speaking", "Asked"}


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 3 and not any(w in _NAME_STOP or w.lower() in _MONTH_NUM for w in words)


def holder_named_next(R: Any, end: int, e: int) -> bool:
    """Whether a person's name follows right after ``end`` ("Governor of Eskişehir Cemil Akbulut"): the holder of
    the title before it, named title first (``R`` the extractor, ``e`` the sentence's end)."""
    n = re.match(rf"[ \t]+(?P<name>{_NAME})(?=\s*(?:[,.;]|and\b|said\b|$))", R.text[end:e])
    return n is not None and _is_name(n.group("name")) and not any(  # (the parser may call it a company)
        k.file == "places" or k.known for k in R.mentions_in(end + n.start("name"), end + n.end("name")))


#: a post's region after its title, which the parser may hang on the verb ("vice-president for Central Asia, told",
#: "director for Africa and the Indian Ocean", "general manager for southern Africa")
_REGION_REMIT = re.compile(r"\s+for\s+(?P<r>(?:the\s+)?(?:(?:southern|northern|eastern|western|central)\s+)?"
                           r"[A-Z][\w-]*(?:\s+(?:and\s+(?:the\s+)?)?[A-Z][\w-]*)*)(?=\s*[,;.)]|$)")
#: words of a region of the world (a remit's region that is no place of the article's)
_REGIONS = re.compile(r"\b(?:Africa|Asia|Europe|Americas?|Oceania|Pacific|Caribbean|Middle\s+East|Gulf|Indian\s+Ocean|"
                      r"Balkans|Nordics?|Eurasia|ASEAN)\b")


def region_remit(text: str, pos: int, mentions: list[Mention]) -> int | None:
    """Where a title's region that starts at ``pos`` ends ("for Central Asia", "for the Americas"): a region of the
    world or a place the article names, and no organisation ("a spokesman for X" keeps X for the role's
    organisation); ``None`` when none follows.

    >>> t = "Zhou Lan, Kelun's vice-president for Central Asia, said"
    >>> t[:region_remit(t, t.index(" for"), [])]
    "Zhou Lan, Kelun's vice-president for Central Asia"
    """
    m = _REGION_REMIT.match(text, pos)
    if m is None or any(k.file == "organizations" and m.start("r") <= k.start < m.end("r") for k in mentions):
        return None
    placed = any(k.file == "places" and m.start("r") <= k.start and k.end <= m.end("r") for k in mentions)
    return m.end() if placed or _REGIONS.search(m.group("r")) else None


#: the titles of a member of a legislature (the short forms "Sen." and "Rep." apart)
#: the initials of a legislator's title ("MP", "MHK", "MLA" …)
LEGISLATOR_INITIALS = r"MP|MHK|MLA|MNA|MPP|MSP|TD"
LEGISLATOR_TITLES = rf"{LEGISLATOR_INITIALS}|Senator|Representative|Congress(?:wo)?man|Assembly(?:wo)?man"
#: a legislator's title written right before the name, after any party or seat ("Garff MHK NAME", "SP MP NAME", "the
#: UNITA deputy NAME")
_LEGISLATOR_BEFORE = re.compile(rf"(?<![\w.])({LEGISLATOR_TITLES}|Deputy|(?<=[A-Z][A-Z] )deputy|Sen\.|Rep\.)[ ]+$")


def legislator_before(text: str, pos: int) -> tuple[str, int, int] | None:
    """The legislator's title written right before the name that starts at ``pos``, with its offsets ("Sen." and
    "Rep." written out); ``None`` when there is none.

    >>> t = "Garff MHK Rachel Cowin, a member of Tynwald's Public Accounts Committee, said"
    >>> legislator_before(t, t.index("Rachel")), legislator_before("Sen. Ana Ruiz", 5)
    (('MHK', 6, 9), ('Senator', 0, 4))
    """
    m = _LEGISLATOR_BEFORE.search(text, max(0, pos - 20), pos)
    if m is None:
        return None
    return {"Sen.": "Senator", "Rep.": "Representative"}.get(m.group(1), m.group(1)), m.start(1), m.end(1)
