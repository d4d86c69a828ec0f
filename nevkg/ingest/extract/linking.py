"""Linking a name found in the text to a known record: exact names, head names, acronyms, fuzzy spellings.

>>> from nevkg.ingest.gazetteer import Entry, Gazetteer
>>> gaz = Gazetteer([Entry("great-wall-motor", "organizations", "Great Wall Motor", "automaker", []),
...                  Entry("czechia", "places", "Czechia", "country", ["Czech Republic"])])
>>> link("GWM", gaz).id, link("Great Wall Motors", gaz).id, link("Great Wall Motor Co.", gaz).id
('great-wall-motor', 'great-wall-motor', 'great-wall-motor')
>>> link("Czech Repubic", gaz).id
'czechia'
>>> link("Graz", gaz) is None
True
"""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.vocab import LEGAL_DOTTED_RE, ROMANCE_TRADE_RE
from nevkg.ingest.gazetteer import Entry, Gazetteer

__all__ = ["link", "acronym_of", "initials_form", "clean_name", "composite", "fullest_name", "other_firsts",
           "STRIP_FOR_HEAD", "name_head", "body_forms"]

#: corporate words that a short form of an organisation's name leaves out
STRIP_FOR_HEAD = re.compile(rf"(?:,?[ ]+(?:Automobile|Auto|Motors?|{ROMANCE_TRADE_RE}|"
                            r"Group|Holdings?|Holding|Technology|Technologies|"
                            r"Corporation|Corp\.?|Company|Co\.,?(?:[ ]+Ltd\.?)?|Ltd\.?|Inc\.?|Limited|International|"
                            r"Global|New[ ]+Energy|Automotive|Vehicles?|S\.?A\.?|AG|GmbH|PLC|plc|"
                            r"Sdn\.?[ ]+Bhd\.?|Bhd\.?|\((?:Pvt|Pty|Private)\)|Pte\.?|Pty\.?|Pvt\.?|"
                            rf"SARL|LLC|LLP|Tbk\.?|(?:{LEGAL_DOTTED_RE})\.?))+$")
_ACRONYM_SKIP = {"of", "and", "the", "for", "de", "do", "da", "&"}


def name_head(name: str) -> str:
    """An organisation's name without the corporate words at its end (:data:`STRIP_FOR_HEAD`), or the name itself
    when nothing else is left: the form two records of one company share.

    >>> name_head("Kelumpang Motors Sdn Bhd"), name_head("Kelumpang Motors"), name_head("Motors")
    ('Kelumpang', 'Kelumpang', 'Motors')
    """
    return STRIP_FOR_HEAD.sub("", name) or name


#: a town named after a saint in the possessive ("St John's", "St. George's")
SAINTS_TOWN = re.compile(r"(?:St\.?|Saint|Ste\.?)\s+[A-Z][a-z]+['’]s")


def clean_name(text: str) -> str:
    """A name without a leading article, a trailing possessive or surrounding punctuation.

    >>> clean_name("the Leapmotor B10’s")
    'Leapmotor B10'
    """
    text = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    for open_, close in ("“”", "«»"):  # a quoted name before its legal form ("Majevica Distribucija” d.o.o.")
        if text.count(close) > text.count(open_):
            text = text.replace(close, "")
    if not SAINTS_TOWN.fullmatch(text):  # ("St John's": a saint's town, named by the possessive)
        text = re.sub(r"['’]s?$", "", text)
    text = re.sub(r"\s*\([^)]*$", "", text)  # an unclosed bracket: "Board of Investment (BOI"
    text = re.sub(r"\s+[-–—]\s+\d[\d,.]*$", "", text)  # a ranked list's figure: "GAC Aion - 611"
    text = re.sub(r"(?:\s+(?:to|of|for|and|in|at|with|by|from|on))+$", "", text)  # "Eagle Farm to": the parser's
    out = text.strip(" ,.;:()\"“”‘’")  # span ran on into the next phrase
    # (a closing bracket that balances one in the name stays: "Tubli Bay Holding B.S.C. (c)")
    return out + ")" if out.count("(") > out.count(")") and text.rstrip(" ,.;:\"“”‘’").endswith(")") else out


def acronym_of(name: str, *, whole_caps: bool = False) -> str | None:
    """The initials of a name of two or more words: "China Association of Automobile Manufacturers" → CAAM; with
    ``whole_caps``, a word in capitals counts whole ("BVI Electricity Corporation" → BVIEC).

    >>> acronym_of("BVI Electricity Corporation"), acronym_of("BVI Electricity Corporation", whole_caps=True)
    ('BEC', 'BVIEC')
    """
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[0].isalpha() for w in words):
        return None
    return "".join(w if whole_caps and len(w) > 1 and w.isupper() and w.isalpha() else w[0] for w in words).upper()


def initials_form(label: str, text: str, gaz: Gazetteer, least: int) -> list[str]:
    """The initials of a new name as its short form: when they are ``least`` letters at least, no known name, and
    ``text`` uses them as a word.

    >>> from nevkg.ingest.gazetteer import Gazetteer
    >>> initials_form("Riverlane Mobility Corporation", "RMC said", Gazetteer([]), 2)
    ['RMC']
    >>> initials_form("Riverlane Mobility Corporation", "RMCs said", Gazetteer([]), 2)
    []
    >>> initials_form("BVI Electricity Corporation", "BVIEC said", Gazetteer([]), 2)
    ['BVIEC']
    """
    for acr in dict.fromkeys([acronym_of(label), acronym_of(label, whole_caps=True)]):  # ("BVI Electricity
        # Corporation": BVIEC too)
        if acr and len(acr) >= least and not gaz.lookup(acr) and re.search(rf"(?<![\w\-]){acr}(?![\w\-])", text):
            return [acr]
    return []


def body_forms(label: str, gaz: Gazetteer) -> list[str]:
    """The short form of a public body's name that leaves out its place: the words before "of PLACE" ("Municipal
    Authority" of "Municipal Authority of Dili"), or the words after a country's name that opens it ("Post Office"
    of "Isle of Man Post Office"), when they are no known name.

    >>> gaz = Gazetteer([Entry("dili", "places", "Dili", "city", [])])
    >>> body_forms("Municipal Authority of Dili", gaz), body_forms("Isle of Man Post Office", gaz)
    (['Municipal Authority'], ['Post Office'])
    """
    from nevkg.ingest.cities import city_country
    from nevkg.ingest.extract.countries_here import is_country_name

    body = re.fullmatch(r"((?:[A-Z][\w-]+[ ]){1,3}[A-Z][\w-]+)[ ]of[ ](?:the[ ])?([A-Z][\w' -]+)", label)
    if body and (gaz.lookup(body.group(2), ("places",)) or city_country(body.group(2))):
        form = body.group(1)
    else:
        words = label.split(" ")
        form = next((" ".join(words[n:]) for n in range(1, min(4, len(words) - 1))
                     if is_country_name(" ".join(words[:n]), gaz) and all(w[:1].isupper() for w in words[n:])), "")
    return [form] if form and not gaz.lookup(form) else []


def _org_index(gaz: Gazetteer, attr: str, key_of, min_len: int) -> dict[str, list[Entry]]:
    """Known organisations by a key of their names (cached on the gazetteer under ``attr``)."""
    cached = getattr(gaz, attr, None)
    if cached is None:
        cached = {}
        for entry in gaz.entries.values():
            if entry.file != "organizations":
                continue
            for name in [entry.label, *entry.names]:
                key = key_of(name or "")
                if key and len(key) >= min_len and entry not in cached.setdefault(key, []):
                    cached[key].append(entry)
        setattr(gaz, attr, cached)
    return cached


def _acronyms(gaz: Gazetteer) -> dict[str, list[Entry]]:
    return _org_index(gaz, "_nevkg_acronyms", acronym_of, 3)


def _heads(gaz: Gazetteer) -> dict[str, list[Entry]]:
    from nevkg.queries.resolve import normalize

    return _org_index(gaz, "_nevkg_heads", lambda n: normalize(STRIP_FOR_HEAD.sub("", n)), 3)


def _fuzzy(name: str, gaz: Gazetteer, files: tuple[str, ...] | None) -> Entry | None:
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # the nlp extra is not installed: exact links only
        return None
    from nevkg.queries.resolve import normalize

    keys = getattr(gaz, "_nevkg_keys", None)
    if keys is None:
        keys = {}
        for entry in gaz.entries.values():
            for n in [entry.label, *entry.names]:
                if n and len(n) >= 5:
                    keys.setdefault(normalize(n), entry)
        gaz._nevkg_keys = keys  # type: ignore[attr-defined]
    key = normalize(name)
    if len(key) < 6:
        return None
    best = process.extractOne(key, list(keys), scorer=fuzz.ratio, score_cutoff=90)
    if best is None:
        return None
    entry = keys[best[0]]
    if files and entry.file not in files or best[0][0] != key[0] or best[0].split()[-1][:3] != key.split()[-1][:3]:
        return None
    if entry.file == "places" and " " not in key:
        return None  # a one-word place a letter away is another place ("Zhenjiang" is no "Zhejiang")
    return entry


def link(name: str, gaz: Gazetteer, files: tuple[str, ...] | None = None, *, fuzzy: bool = True) -> Entry | None:
    """The known record a name refers to, or ``None``.

    Tried in order: the name itself; its head without corporate words ("Great Wall Motors" → "Great Wall");
    an acronym of a known organisation's name ("GWM"); a spelling within edit ratio 90 of a known name.
    """
    name = clean_name(name)
    if not name:
        return None
    found = gaz.lookup(name, files)
    if found is not None:
        return found
    dotted = re.sub(r"(?<= Co)$", ".", name)  # (the full stop clean_name took: "Great Wall Motor Co.")
    if files is None or "organizations" in files:
        from nevkg.queries.resolve import normalize

        cands = _heads(gaz).get(normalize(STRIP_FOR_HEAD.sub("", dotted)))
        if cands and len(cands) == 1:
            return cands[0]
    head = STRIP_FOR_HEAD.sub("", dotted)
    if head and head != name and len(head) >= 2:
        found = link(head, gaz, files, fuzzy=False)
        if found is not None and found.file == "organizations":
            return found
    if re.fullmatch(r"[A-Z]{3,6}", name) and (files is None or "organizations" in files):
        cands = _acronyms(gaz).get(name) or []
        if len(cands) == 1:
            return cands[0]
    if fuzzy:
        return _fuzzy(name, gaz, files)
    return None



def fullest_name(mentions: list[Mention], short: str, exclude: str | None = None) -> Mention | None:
    """The organisation mention that ``short`` is the short form of: of the names that start with it and a
    capitalised word ("Ziyun" → "Ziyun Drive", "Ziyun Lombardia Mobility"), the one with the fewest words (the
    name the short form cuts least: "Ziyun Drive"), and of those the first named; a venture named after its
    parents comes last (:func:`composite`).

    Parameters
    ----------
    mentions : list of Mention
        The article's mentions.
    short : str
        The short form ("Ziyun").
    exclude : str, optional
        An id that is not the answer (the short form's own record).

    Returns
    -------
    Mention or None

    Examples
    --------
    >>> a = Mention(40, 64, "Ziyun Lombardia Mobility", "organizations", "zlm", False, "company")
    >>> b = Mention(90, 101, "Ziyun Drive", "organizations", "zd", False, "company")
    >>> fullest_name([a, b], "Ziyun").id
    'zd'
    """
    cands = [m for m in mentions if m.file == "organizations" and m.id != exclude and m.text.startswith(short + " ")
             and m.text[len(short) + 1:][:1].isupper()]
    firsts = other_firsts(mentions, short)
    return min(cands, key=lambda m: (composite(m.label or m.text, short, firsts), len((m.label or m.text).split()),
                                     m.start), default=None)


#: a group word that opens a conglomerate's name before its own ("Grupo Yaque", "Groupe Sahel")
_GROUP_OPENER = {"Grupo", "Grupa", "Grup", "Gruppo", "Groupe", "Group"}


def other_firsts(mentions: list[Mention], short: str) -> set[str]:
    """The leading words of the organisations named that ``short`` does not open (for :func:`composite`), and the
    word after a group word that opens one ("Grupo Yaque": Yaque, as in the venture "Ruyue Yaque Motors").

    >>> ms = [Mention(0, 11, "Grupo Yaque", "organizations", "gy", False, "company")]
    >>> sorted(other_firsts(ms, "Ruyue"))
    ['Grupo', 'Yaque']
    """
    words = [m.text.split() for m in mentions if m.file == "organizations" and not m.text.startswith(short)]
    return {w[0] for w in words} | {w[1].rstrip(",") for w in words if len(w) > 1 and w[0] in _GROUP_OPENER}


def composite(label: str, short: str, firsts: set[str]) -> bool:
    """Whether a name that ``short`` opens goes on with the leading word of another organisation's name: a venture
    named after its parents ("Danzhu Akchour Materials SA" beside Akchour Holding), of which ``short`` is not the
    short form while a name of the first parent alone is there.

    >>> composite("Danzhu Akchour Materials SA", "Danzhu", {"Akchour"}), composite("Danzhu New Energy", "Danzhu", set())
    (True, False)
    """
    words, n = label.split(), len(short.split())
    return len(words) > n + 1 and words[n] in firsts
