"""People's names the parser cuts short or mistypes: names with particles, names after an honorific.

- A name whose words are joined by lower-case particles ("Rahim bin Yusof", "Siti Aminah binti Kamal", "Paulo
  dos Reis Lima", "Ana Lucia de la Rosa", "Pieter van den Berg", "Clara von Stetten") is one person's name, when
  it stands where a person stands: after an honorific or a title, before a comma and a title, before a verb of
  saying, or after "said" / "according to" (a patronymic "bin", "binti", "ibn" is a person's name wherever it
  stands). The parser often reads only a part of it as a person, or the whole as an organisation. So is a name that
  ends with the Turkic word for "son of" or "daughter of" after the father's name ("Ermek Tologon uulu", "Aigerim
  Nurlan kyzy", "Anar Rasul oglu": Kyrgyz, Kazakh, Azerbaijani, Uzbek usage).
- A name after an honorific of rank ("Datuk", "Tan Sri", "Sheikh", "H.E.") is the person without the honorific.
- A name written as the initial of the father's name, a full stop and the given name with no space between
  ("B.Tsogtbaatar", "Ts.Enkhjargal": the Mongolian usage, also the Russian press's "A.Ivanov") is a person's.

Companies named with a particle ("Banco do Nordeste", "Renault do Brasil") are left alone: a name whose last word
is a place, or with a word of a company's name, is no person's.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["particle_names", "remit_names", "honorific_people", "initialled_names", "company_short_names",
           "byline_people", "HONORIFIC_RANK", "family_forms"]

_UP = r"[A-ZÀ-Þ]"
_LOW = r"[a-zß-ÿ]"
_WORD = rf"{_UP}{_LOW}+(?:['’-]{_UP}?{_LOW}+)?"
#: lower-case particles inside a person's name
_PARTICLE = r"(?:bin|binti|bint|ibn|bte|dos|das|da|do|de|del|della|di|du|van|von|der|den|ter|la|le|y|e)"
_PATRONYMIC = {"bin", "binti", "bint", "ibn", "bte"}
#: the Turkic patronymic after the father's name ("son of": uulu, uly, oglu, ogly, o'g'li; "daughter of": kyzy, qyzy,
#: qizi, kizi, gizi)
_AFTER_FATHER = {"uulu", "uly", "oglu", "ogly", "o'g'li", "o‘g‘li", "kyzy", "qyzy", "qizi", "kizi", "gizi"}
#: honorifics of rank or address written before a name (Malay, Arabic, diplomatic, English; Fiji's chiefly "Ratu",
#: Zimbabwe's "Cde", Cambodia's "Oknha", Myanmar's "U" and "Daw", Bhutan's "Lyonpo" and "Dasho"; Brunei's "Dato Seri
#: Paduka", "Pehin", "Awang", "Dayang", "Pengiran", "Hajah"; a parliamentarian's "Hon." and "Senator"; Liberia's
#: "Madam" and a counsellor-at-law's "Cllr."; an Australian councillor's "Cr"; Malay "Encik" and "Puan"; a
#: governor's, a senator's and a representative's "Gov.", "Sen." and "Rep." before the name, with their full stop)
HONORIFIC_RANK = re.compile(r"(?:(?:Tan\s+Sri|Toh\s+Puan|Puan\s+Sri|Datuk\s+Seri|Dato['’]?\s+Sri|"
                            r"Dato['’]?\s+Seri\s+(?:Paduka|Setia|Laila\s+Jasa|Utama)|Dato['’]?\s+Seri|Pehin|Awang|Dayang|"
                            r"Pengiran|Hajah|Yang\s+Berhormat|Yang\s+Mulia|Hon|Honourable|Senator|"
                            r"Datuk|Datin|Dato['’]?|Tun|Sheikh|Sheikha|Shaikh|H\.\s?E\.?|His\s+Excellency|"
                            r"Her\s+Excellency|Mr|Ms|Mrs|Mx|Dr|Prof|Sir|Dame|Engr?|Ir|Haji|Hajjah|Hajiya|Alhaji|Alhaja|Mallam|"
                            r"Ratu|Cde|Comrade|Oknha|Neak\s+Oknha|U|Daw|Lyonpo|Dasho|Madam|Cllr|Cr|Encik|Puan|Gov\.|"
                            r"Sen\.|Rep\.)\.?\s+)+")
#: an Arabic article joined to a family name ("al-Harthi", "el-Sayed")
_ARTICLE = r"(?:al|el|ad|ar|as|az|ash|an)-"
_NAME = re.compile(rf"(?<![\w-])(?P<name>(?:{_WORD}[ \t]+){{1,3}}(?:(?:{_PARTICLE}[ \t]+){{1,3}}{_WORD}|"
                   rf"(?:{_PARTICLE}[ \t]+){{0,2}}{_ARTICLE}{_WORD})"
                   rf"(?:[ \t]+(?:Al|El)[ \t]+{_WORD}|(?:[ \t]+{_WORD}){{1,2}})?)"
                   r"(?![\w-])")  # (an article written apart ends it: "Salma bint Ali Al Hinai"; a father's name of
# three words: "Norhayati binti Haji Abdul Ghani")
#: a given name, the father's name and the Turkic word for "son of" or "daughter of" ("Aigerim Nurlan kyzy")
_FATHERS_NAME = re.compile(rf"(?<![\w-])(?P<name>{_WORD}[ \t]+{_WORD}[ \t]+"
                           rf"(?:{'|'.join(sorted(_AFTER_FATHER, key=len, reverse=True))}))(?![\w-])")
#: what stands right before a person's name: an honorific, a title word and a comma, a verb of saying
_BEFORE = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|Datuk|Dato['’]?|Tan\s+Sri|Tun|Sheikh|Seri|Sri|H\.\s?E\.)\.?|"
                     r"\b(?:said|says|told|according\s+to)|\b(?:chairman|chairwoman|president|director|minister|"
                     r"secretary|undersecretary|governor|mayor|ambassador|executive|officer|founder|head|manager|"
                     r"partner|analyst|economist|spokesperson|spokesman|spokeswoman|CEO|CFO|COO|CTO)\s*,?)\s+$", re.I)
#: what follows a person's name: a title in apposition, a relative clause, a verb of saying
_AFTER = re.compile(r"^(?:\s*,\s*(?:(?:the|a|an|its|our)\s+)?(?:[\w-]+\s+){0,3}?(?:chairman|chairwoman|president|"
                    r"director|minister|secretary|undersecretary|governor|mayor|ambassador|executive|officer|founder|"
                    r"co-founder|head|manager|partner|analyst|economist|spokesperson|spokesman|spokeswoman|consultant|"
                    r"adviser|advisor|CEO|CFO|COO|CTO)\b|\s*,\s*who\b|,?\s+(?:said|says|told|added|noted|stressed|"
                    r"explained|announced|stated)\b)", re.I)
#: capitalised title words written before a name ("Managing Director", "Chairman"): never part of the name
_TITLE_LEAD = re.compile(r"(?:(?:Chairman|Chairwoman|Chair|President|Vice|Managing|Executive|Director|Chief|"
                         r"Officer|Minister|Secretary|General|Deputy|Senior|Head|Founder|Spokesman|Spokeswoman|"
                         r"Spokesperson|Ambassador|Governor|Mayor|Commissioner|Manager|Partner|Councillor)\s+)+")
#: a title and "of" right before a name run: the run's first word is the title's remit ("the Minister of Transport
#: Mansour bin Ibrahim Al Obaidly")
_REMIT_BEFORE = re.compile(r"\b(?:Minister|Secretary|Director|Governor|Mayor|Head|Commissioner|Chairman|"
                           r"Chairwoman|President)\s+of\s+(?:the\s+)?$")
#: words of a company's or body's name: never in a person's name
_BODY_WORDS = {"banco", "banca", "grupo", "group", "motors", "motor", "auto", "automotive", "companhia", "compania",
               "compañía", "universidad", "universidade", "instituto", "ministerio", "ministério", "secretaria",
               "secretaría", "casa", "cámara", "camara", "câmara", "associação", "asociación", "federação", "porto",
               "puerto", "san", "santa", "são", "rio", "costa", "mobility", "energia", "energy", "holdings", "holding",
               "bank", "capital", "fund", "port", "city", "state", "province"}


def particle_names(E: Any) -> None:
    """Make one person of every name with particles in ``E.text`` that stands where a person stands (module
    docstring); the parser's new names inside it (a part read as a person, the whole as an organisation, an
    honorific read into it) give way to it.

    Parameters
    ----------
    E : _Entities
        The article's mentions, after the parser's names are in.
    """
    from nevkg.ingest.countries import COUNTRIES
    from nevkg.ingest.extract.ner import _propose

    text = E.text
    for m in [*_NAME.finditer(text), *_FATHERS_NAME.finditer(text)]:
        a, b = m.start("name"), m.end("name")
        hon = HONORIFIC_RANK.match(text, a, b)
        if hon:
            a = hon.end()
        lead = _TITLE_LEAD.match(text, a, b)
        if lead and len(text[lead.end():b].split()) >= 3:
            a, hon = lead.end(), hon or lead  # "Managing Director Pieter van Leeuwen": the title is no part of it
        remit = re.match(rf"{_WORD}[ \t]+", text[a:b]) if _REMIT_BEFORE.search(text, max(0, a - 40), a) else None
        if remit and len(text[a + remit.end():b].split()) >= 3:
            a, hon = a + remit.end(), hon or remit  # "Minister of Transport Mansour bin Ibrahim": the remit's word
        words = text[a:b].split()
        low = [w for w in words if w.islower()]
        if len(words) - len(low) < 2 or words[0].islower() or words[-1].islower() and words[-1] not in _AFTER_FATHER:
            continue
        if any(w.lower() in _BODY_WORDS for w in words) or words[-1] in COUNTRIES or \
                E.gaz.lookup(words[-1], ("places", "organizations")) is not None:
            continue  # "Banco do Nordeste", "Renault do Brasil"
        strong = any(w in _PATRONYMIC or w in _AFTER_FATHER for w in low)
        inside = E.overlaps(a, b)
        placed = _BEFORE.search(text[max(0, a - 40):a]) or _AFTER.match(text[b:b + 80]) or hon or any(
            k.file == "people" for k in inside)  # (the parser read a part of it as a person)
        if not (strong or placed):
            continue
        if any(k.known or k.start < min(a - 12, m.start("name")) or k.end > b  # (an honorific's own words may
               or k.file not in {"people", "organizations", "places"} for k in inside):  # be read into the name)
            continue
        if any(k.file == "people" and (k.start, k.end) == (a, b) for k in inside):
            continue
        fuller = re.escape(" ".join([words[0].lower(), *words[1:]]))
        if words[0][:1].isupper() and re.search(rf"\b[A-Z][\w\-]+\s+{fuller}\b", text):
            continue  # "Van der Berg said" after "Sophie van der Berg": the full name's surname, no person of its own
        old = {k.id for k in inside}
        for k in inside:
            E.mentions.remove(k)
        others = [k for k in E.mentions if k.id in old]  # its short name elsewhere ("Rahim")
        for rid in old:
            E.new.pop(rid, None)
            E.new_meta.pop(rid, None)
        _propose(E, "people", "", text[a:b], a, b, "particle-name")
        person = next(k for k in E.mentions if k.start == a and k.file == "people")
        for k in others:
            k.file, k.id, k.kind, k.label = "people", person.id, None, person.label


def family_forms(name: str) -> list[str]:
    """The shorter forms a later mention may use for a person named with particles.

    The family name with its particles ("El Mansouri" of "Karim El Mansouri", "de la Rosa", "van den Berg"), and
    for a patronymic name the personal name before "bin" or "binti" (Malay usage names a person by the words
    before the patronymic: "Rahim" for "Rahim bin Yusof").

    Parameters
    ----------
    name : str
        The person's full name.

    Returns
    -------
    list of str
        The forms, longest first; empty for a name without particles.

    >>> family_forms("Karim El Mansouri"), family_forms("Ana Lucia de la Rosa"), family_forms("Rahim bin Yusof")
    (['El Mansouri'], ['de la Rosa'], ['Rahim'])
    """
    words = name.split()
    out = []
    for i, w in enumerate(words[1:-1], 1):
        if w in _PATRONYMIC:
            out.append(" ".join(words[:i]))
            break
        if w.lower() in {"el", "al", "ben", "ait", "abu", "bin", "de", "da", "dos", "das", "del", "della", "di",
                         "du", "van", "von", "la", "le", "ter"} or re.fullmatch(r"(?:[Aa]l|[Ee]l)-\w+", w):
            out.append(" ".join(words[i:]))
            break
    return out


def honorific_people(E: Any) -> None:
    """A new name the parser proposed with an honorific of rank in it ("Datuk Rahim Yusof", "Sheikh Omar Saleh"
    read as an organisation or a person) is the person named after it.

    Parameters
    ----------
    E : _Entities
        The article's mentions.
    """
    from nevkg.ingest.extract.ner import _propose

    for k in [k for k in E.mentions if not k.known and k.rule.startswith("ner:")
              and k.file in {"people", "organizations", "places"}]:
        if HONORIFIC_RANK.fullmatch(k.text + " "):  # "H.E." read as a name of its own
            E.forget(k)
            after = re.match(rf"\s+({_WORD}(?:\s+{_WORD}){{1,4}})(?![\w-])", E.text[k.end:])
            if after and not E.overlaps(k.end + after.start(1), k.end + after.end(1)):  # "Datuk Seri" + "Mohd
                a = k.end + after.start(1)  # Rashdan Zainal Abidin", which the parser left untagged: the person
                _propose(E, "people", "", after.group(1), a, k.end + after.end(1), "honorific-name")
            continue
        hon = HONORIFIC_RANK.match(k.text)
        if k.file == "places":
            continue
        if hon is None or not re.fullmatch(rf"{_WORD}(?:\s+(?:{_WORD}|{_UP}\.)){{0,3}}", k.text[hon.end():]):
            # (a middle initial too: "Madam Precious T. Weefur")
            continue
        if k.file == "organizations" and not re.search(r"\b(?:Datuk|Dato|Tan\s+Sri|Tun|Sheikh|Sheikha|Shaikh|H\.\s?E|"
                                                       r"Excellency|Mr|Ms|Mrs|Dr|Lyonpo|Dasho)\b", hon.group(0)):
            continue
        a, b = k.start + hon.end(), k.end
        more = re.match(rf"(?:\s+{_WORD}){{1,2}}(?![\w-])", E.text[b:])  # ("Tan Sri Azman" + "Hashim")
        while more and len(E.text[a:b + more.end()].split()) > 4:
            more = None
        rest = E.overlaps(b, b + more.end()) if more else []
        if more and all(not o.known and o.file == "people" and o.rule.startswith("ner:") and b <= o.start
                        and o.end <= b + more.end() for o in rest):  # ("Hajiya Hauwa" + "Ladi Zonkwa": one name)
            for o in rest:
                E.forget(o)
            b += more.end()
        if len(E.text[a:b].split()) < 2:  # ("Mr Smith": a later mention of a person, for the surname rules)
            if k.file == "organizations":  # "Ms Kittiya" read as a company: the person of that given name
                _honorific_short(E, k, E.text[a:b])
            continue
        E.forget(k)
        _propose(E, "people", "", E.text[a:b], a, b, "honorific-name")


#: an initial (one letter, or a letter and a lower-case one: "Ts", "Kh", "Ch") joined by a full stop to a given
#: name ("B.Tsogtbaatar"); not in an address or a dotted abbreviation, nor a legal form ("Co.Ltd")
_INITIALLED = re.compile(rf"(?<![\w.@/])(?P<name>{_UP}{_LOW}?\.{_UP}{_LOW}{{3,}}(?:-{_UP}{_LOW}+)?)(?![\w-]|\.\w)")


def initialled_names(E: Any) -> None:
    """Make a person of every name written with its father's initial joined to it ("B.Tsogtbaatar"); the parser's
    new names holding it give way, and what they held before it stays a name when the article or the gazetteer
    knows it, or ends in a legal form ("Mayor of Ulaanbaatar B.Tsogtbaatar" read as one organisation: Ulaanbaatar
    and the person).

    Parameters
    ----------
    E : _Entities
        The article's mentions, after the parser's names are in.
    """
    from nevkg.ingest.extract.linking import link
    from nevkg.ingest.extract.model import Mention
    from nevkg.ingest.extract.ner import _propose
    from nevkg.ingest.extract.ner_spans import _LEGAL_TAIL

    names = [m for m in _INITIALLED.finditer(E.text) if not any(
        k.known or k.file not in {"people", "organizations", "places"} for k in E.overlaps(*m.span("name")))]
    for m in names:  # (every name's old readings go before the first person is proposed)
        a, b = m.span("name")
        for k in E.overlaps(a, b):
            E.forget(k)
            lead = E.text[k.start:a].rstrip()
            if not lead or lead[-1] in ",;(":
                continue
            known = link(lead, E.gaz, fuzzy=False)
            same = next((r for r, rec in E.new.items() if rec.get("label") == lead), None)
            if known is not None:
                E.add(Mention(k.start, k.start + len(lead), lead, known.file, known.id, True, known.kind,
                              "initialled-name", 0.8, known.label))
            elif same is not None:
                E.add(Mention(k.start, k.start + len(lead), lead, E.new_meta[same].file, same, False,
                              E.new_meta[same].kind, "initialled-name", 0.6, lead))
            elif k.file == "organizations" and _LEGAL_TAIL.search(lead):  # ("Selenge Energy LLC O.Narantsetseg")
                _propose(E, "organizations", k.kind or "company", lead, k.start, k.start + len(lead), "ORG")
    for m in names:
        _propose(E, "people", "", m.group("name"), *m.span("name"), "initialled-name")


def _honorific_short(E: Any, k: Any, word: str) -> None:
    """An honorific and one name the parser read as a company ("Ms Kittiya" for "Kittiya Thanomrat", "Mr Lu" for
    "Lu Zhanpeng": a given name, or a family name written first) is the one person of the article whose name opens
    or ends with it; with none or several, no company either."""
    from nevkg.ingest.extract.model import Mention

    people = {rid for rid, rec in E.new.items() if E.new_meta[rid].file == "people" and (
        rec["label"].split()[0] == word or rec["label"].split()[-1] == word)}
    E.forget(k)
    if len(people) == 1:
        rid = people.pop()
        E.add(Mention(k.start, k.end, k.text, "people", rid, False, None, "honorific-short", 0.6,
                      E.new[rid]["label"]))


def company_short_names(E: Any) -> None:
    """A new "person" whose name opens the name of an organisation of the article followed by words of a company's
    name ("Seri Mutiara" after "Seri Mutiara Automotive Sdn Bhd") is that organisation named short.

    Parameters
    ----------
    E : _Entities
        The article's mentions.
    """
    from nevkg.ingest.extract.linking import STRIP_FOR_HEAD

    orgs = [m for m in E.mentions if m.file == "organizations"]
    for k in [k for k in E.mentions if k.file == "people" and not k.known and k.rule.startswith("ner:")]:
        full = next((o for o in orgs if o.text.startswith(k.text + " ") and STRIP_FOR_HEAD.sub("", o.text) == k.text),
                    None)
        if full is None:
            continue
        old = k.id
        for x in [x for x in E.mentions if x.id == old]:
            x.file, x.id, x.kind, x.label, x.known, x.rule = "organizations", full.id, full.kind, full.label, \
                full.known, "short-name"
        E.new.pop(old, None)
        E.new_meta.pop(old, None)


#: a wire story's credits ("(Reporting by A in X; Editing by B)"), a byline line ("By A in X", "By A and B") and a
#: closing credit line ("--With assistance from A."), a credit line's field ("Editor: A"), a photo's credit ("— Picture
#: by A", "(Photo: A)")
_CREDITS = re.compile(r"\((?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\s+by\b[^)]*\)|"
                      r"\b(?:Picture|Photo(?:graph)?|Pic|Image)s?(?:[ \t]+credit)?(?:[ \t]+by\b|[ \t]*:)[ \t]*"
                      r"[A-ZÀ-Þ][^\n:()]{2,60}|"
                      r"^[ \t]*By\s+[A-ZÀ-Þ][^\n.]{2,80}$|"
                      r"^[ \t]*(?:[-–—]+\s*)?With\s+assistance\s+from\s+[A-ZÀ-Þ][^\n]{2,120}$|"
                      r"\b(?:Editor|Author|Reporter|Writer)[ \t]*:[ \t]*[A-ZÀ-Þ][^\n:]{2,60}?"
                      r"(?=[ \t]+[A-Z][a-z]+[ \t]*:|[ \t]*$)", re.M)


def byline_people(E: Any) -> None:
    """The writers and editors a byline or a wire story's credits name are no subjects of the story: their new
    names are dropped.

    Parameters
    ----------
    E : _Entities
        The article's mentions.
    """
    for c in _CREDITS.finditer(E.text):
        for k in [k for k in E.mentions if c.start() <= k.start < c.end() and not k.known and (
                k.end <= c.end() or k.file == "people") and (  # ("Editor: A Date:" read as one name)
                k.file == "people" or k.file in {"organizations", "places"} and _writer(E.text[c.start():k.start],
                                                                                        k.text))]:
            E.forget(k)


def _writer(before: str, name: str) -> bool:
    """Whether a name the parser called a company or a place in a credit is a writer's: one to three words after
    "by", "from" or "and" ("By A Lacerda and B"), or one word not after "in", a dash or a comma (not the place
    they file from nor the service they write for: "By A in X", "By A, ET Bureau")."""
    return bool(re.fullmatch(r"[A-Z][a-z\-]+(?:[ ][A-Z][a-z\-]+){0,2}", name)
                and re.search(r"(?i:\bby|\bfrom|\band)\s+$|:\s*$", before)
                or re.fullmatch(r"[A-Z][a-z\-]+", name) and not re.search(r"(?:\bin|[—–-]|,)\s+$", before))


#: a title and its remit, then a person's name of two words, then a verb of saying ("Deputy Mayor of
#: Khujand Nilufar Saidova told …", "Minister of Economic Affairs Jarkko Pelkonen said")
_REMIT_NAME = re.compile(r"\b(?:Minister|Secretary|Director|Governor|Mayor|Head|Commissioner|Chairman|Chairwoman|"
                         r"President)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,3}?"
                         r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                         r"(?=\s+(?:said|says|told|added|noted|stated)\b)")  # (not in a list: "A, B and others")


def remit_names(E: Any) -> None:
    """Make a person of a name the parser left untagged after a title and its remit ("Deputy Mayor of Khujand
    Nilufar Saidova told …": the name is the two words before the verb of saying; never words of a body's name, nor
    a name the parser or the records have).

    Parameters
    ----------
    E : _Entities
        The article's mentions, after the parser's names are in.
    """
    from nevkg.ingest.extract.ner import _propose
    from nevkg.ingest.extract.ner_types import _ORG_WORDS

    for m in _REMIT_NAME.finditer(E.text):
        a, b = m.span("name")
        name = E.text[a:b]
        if E.overlaps(a, b) or _ORG_WORDS.search(name) or any(w.lower() in _BODY_WORDS for w in name.split()) \
                or E.gaz.lookup(name) is not None:
            continue
        _propose(E, "people", "", name, a, b, "remit-name")
