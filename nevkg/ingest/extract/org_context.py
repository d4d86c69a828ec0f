"""Organisations named by what the text says of them, not by their own words.

Mobility and autonomous-driving news names many companies by a bare name the parser misses or mistypes ("Kairo",
"Tripla", "Pony.ai"): no corporate suffix, a person's or a place's look. The sentence around such a name says what
it is:

- a trade noun or a home right before it: "ride-hailing company X", "transport operator X", "Oslo-based X",
  "Chinese car brand X" (a brand), also a name in quotes ('the joint-stock company "X"');
- a trade noun in apposition after it: "X, a Shenzhen-based self-driving startup, …";
- a company title and a person's name after it: "X chief executive NAME", "X's co-founder and CEO NAME"; or a
  person before it: "NAME, a X vice president"; or a title only a company's officer holds before it: "Chief
  Executive Officer of X";
- a partnership: "X has partnered with Y", "X teamed up with Y", "in collaboration with Y";
- a list with a known organisation: "X and Uber plan to …";
- the subject of a verb only a company does (parse): "X will deploy …", "X has obtained a permit …";
- a named service: "X's Y robotaxi service", "the Y app", "Y robotaxis" (Y is a service brand, kind ``brand``;
  :mod:`.org_services`);
- a news agency cited as a source: "told X", "according to X" (a one-word name; kind ``publisher``);
- a trade union named before its noun: "the X union", "the X metalworkers' union" (kind ``trade-union``);

Each such name becomes a new organisation (or the parser's new person or place of the same span is retyped), and
its other occurrences are mentions of it. A name the records know, a country, a month or a sentence's opening
word is never taken.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.cities import city_country
from nevkg.ingest.extract.currencies import CODES
from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.org_services import _RUN, _SERVICE_AFTER, _WORD, named_services
from nevkg.ingest.extract.vocab import APPOS_COMPANY_NOUNS, DOMAIN_ABBREVIATIONS

__all__ = ["context_orgs", "org_at"]

#: nouns of a kind of company, right before its name ("ride-hailing company X")
_TRADE = (r"company|companies|firm|startup|start-up|operator|platform|app|provider|developer|carmaker|automaker|"
          r"maker|giant|specialist|player|unit|subsidiary|partner|rival|group|service|pioneer|leader|"
          r"aggregator|agency|utility|retailer|network|insurer|lessor|manufacturer|supplier|distributor|importer")
#: lower-case words that make those nouns a description of a mobility or technology company
_DESC = r"(?:[a-z][a-z\-]*|[A-Z]{2,4}|[A-Z][a-z]+-based|Chinese|US|U\.S\.|[A-Z][a-z]+(?:ian|an|ish|ese|ch|i))"
#: (the last: a country's adjective, "the French utility X", "the Dutch lessor Y")
#: titles of a company's officers ("X chief executive NAME")
_OFFICER = (r"(?:co-?founder(?:\s+and\s+(?:chief\s+executive(?:\s+officer)?|CEO|chairman|president))?|founder|"
            r"chief\s+(?:executive|operating|financial|technology)(?:\s+officer)?|CEO|CFO|CTO|COO|president|"
            r"chairman|chairwoman|boss|spokes(?:man|woman|person)|managing\s+director|general\s+manager|"
            r"vice[\s-]president)")
#: titles only a company's officers hold, before "of" or "at" and its name ("Chief Executive Officer of X", "chief
#: commercial officer at Y"; not "president", which a country has too)
_OFFICER_OF = (r"chief[ ](?:[a-z]+[ ]){1,2}officer|chief[ ]executive|CEO|CFO|CTO|COO|chairman|chairwoman|"
               r"managing[ ]director|general[ ]manager")
#: words that never make an organisation's name on their own
_NEVER = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "it", "we", "they",
          "former", "then", "current", "interim", "acting", "group", "company", "global", "regional", "deputy",
          "senior", "executive", "co", "vice", "chief", "ceo", "cfo", "cto", "coo", "president", "chairman",
          "mr", "ms", "mrs", "dr", "prof", "sir", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
          "sunday", "i", "but", "and", "or", "if", "when", "while", "after", "before", "under", "in", "on", "at",
          "for", "from", "by", "with", "as", "level", "phase", "stage", "new", "local", "both", "all", "such",
          "earlier", "later", "meanwhile", "however", "also", "shares", "analysts", "investors", "officials",
          "reuters", "chinese", "european", "american", "asian", "state", "city", "government", "ministry", "now",
          "today", "yesterday", "here", "there", "so", "thus", "still", "yet", "instead", "separately", "first",
          "next", "finally", "overall", "elsewhere", "together", "additionally", "moreover", "furthermore",
          "currently", "recently", "previously", "initially", "eventually", "ultimately", "similarly", "likewise",
          "western", "eastern", "northern", "southern", "international", "foreign", "domestic", "overseas",
          "rival", "rivals", "major", "leading", "several", "many", "other", "some",
          # common nouns written in capitals ("the JV will invest")
          "jv", "jvs", "ev", "evs", "nev", "nevs", "bev", "bevs", "phev", "phevs", "suv", "suvs", "oem", "oems"}
#: verbs only an organisation does, whose subject the parser may leave untyped ("X will deploy …")
_ORG_VERBS = {"partner", "team", "deploy", "launch", "operate", "test", "supply", "obtain", "secure", "receive",
              "integrate", "sign", "expand", "roll", "collaborate", "cooperate", "commercialize", "commercialise",
              "trial", "pilot", "acquire", "invest", "list", "raise", "unveil", "offer"}
#: a company described through a place's or a company's possessive in apposition ("X, the country's largest coach
#: operator", "Y, Norway's leading charging provider"): nouns that are no person's title ("partner", "leader" are)
#: (the shared nouns, and words of service firms that relations_places does not read: there "X, Oman's leading
#: ride-hailing platform" would give X a country in one sample's review file)
_APPOS_NOUNS = "|".join(sorted(APPOS_COMPANY_NOUNS | {"platform", "importer", "retailer", "insurer", "lessor",
                                                      "aggregator", "subsidiary", "union", "association",
                                                      "federation", "bank", "lender", "fund"}))
#: the kind of organisation an apposition's noun says, when not a company
_APPOS_KIND = {"union": "trade-union", "association": "industry-association", "federation": "industry-association"}
_POSSESSIVE_APPOS = re.compile(
    rf"(?P<n>{_RUN})(?:[ ]\([^()]{{1,60}}\))?,[ ](?:the[ ](?:country|region|city|nation|state|island)|"
    rf"[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)['’]s[ ](?:{_DESC}['’]?[ ]){{0,4}}?(?P<noun>{_APPOS_NOUNS})(?=[,;.)]|[ ](?:"
    r"that|which|based|"
    r"headquartered|backed|owned|founded|with|from|in|of)\b)")

#: an autonomy level written as a name
_LEVEL = re.compile(r"(?:SAE(?:[ ](?:Level|L)[ -]?[0-5]\+?)?|(?:Level|L)[ -]?[0-5]\+?)", re.I)


def context_orgs(E: Any) -> None:
    """Add the organisations that the words around a name make one to ``E`` (an ``_Entities``)."""
    text = E.text
    for m in re.finditer(rf"\b{_DESC}[ ](?:{_DESC}[ ]){{0,3}}?(?:{_TRADE})[ ](?:[\"“](?=[^\"”\n]{{1,60}}[\"”]))?"
                         rf"(?P<n>{_RUN})", text):  # (a name in quotes too: 'the joint-stock company "X"')
        org_at(E, m.start("n"), m.end("n"), "company", "after-trade-noun")
    for m in re.finditer(rf"\b{_DESC}[ ](?:{_DESC}[ ]){{0,2}}?brand[ ](?P<n>{_RUN})", text):
        org_at(E, m.start("n"), m.end("n"), "brand", "after-trade-noun")  # "Chinese car brand X"
    for m in re.finditer(rf"\b{_DESC}[ ](?:{_DESC}[ ]){{0,3}}?(?:association|federation)[ ](?P<n>{_RUN})", text):
        org_at(E, m.start("n"), m.end("n"), "industry-association", "after-trade-noun")  # "dealer association X"
    for m in re.finditer(rf"\b[A-Z][\w]*(?:[ ][A-Z][\w]*)?-(?:based|headquartered)[ ](?P<n>{_RUN})", text):
        org_at(E, m.start("n"), m.end("n"), "company", "after-trade-noun")  # "Oslo-based X"
    for m in re.finditer(rf"(?P<n>{_RUN}),[ ](?:a|an)[ ](?:{_DESC}[ ]){{0,4}}?(?:{_TRADE})(?=[,;.)]|[ ](?:that|which|"
                         rf"based|headquartered|backed|owned|founded|with|from|in|of)\b)", text):
        org_at(E, m.start("n"), m.end("n"), "company", "apposition")
    for m in _POSSESSIVE_APPOS.finditer(text):  # "X, the country's largest coach operator, …"
        kind = _APPOS_KIND.get(m.group("noun"), "company")  # ("Vasas, Hungary's biggest metalworkers' union")
        if (k := org_at(E, m.start("n"), m.end("n"), kind, "apposition")) is not None:
            E.no_people.add(k.id)
    for m in re.finditer(rf"\bthe[ ](?P<n>{_RUN})[ ](?:[a-z\-]+[ ])?(?:plant|factory|works)[ ](?:in|at|near)[ ]"
                         rf"(?P<p>{_RUN})", text):  # "the Allur plant in Kostanay": the plant's owner, not a town
        if not city_country(m.group("n")) and any(k.file == "places" and k.kind == "city" and k.start == m.start("p")
                                                  and (k.known or city_country(k.text)) for k in E.mentions):
            org_at(E, m.start("n"), m.end("n"), "company", "before-site")  # (a town in a region: "the Halol plant
            # in Gujarat")
    for m in re.finditer(rf"(?P<n>{_RUN})[ ]\((?:https?://|www\.)[^()\s]+\)", text):
        if (k := org_at(E, m.start("n"), m.end("n"), "company", "web-address")) is not None:
            E.no_people.add(k.id)  # "X (www.x.com)": people have none
    for m in re.finditer(rf"(?P<n>{_RUN})(?:['’]s)?[ ](?:{_OFFICER}),?[ ](?P<p>[A-Z][a-z]+[ ][A-Z])", text):
        if not _in_people(E, m.start("p")) and not re.match(r"[A-Z][a-z]+[ ][A-Z][a-z]+", text[m.start("p"):]):
            continue
        if org_at(E, m.start("n"), m.end("n"), "company", "before-officer") is not None:
            _person_after(E, m.start("p"))
    for m in re.finditer(rf"\b(?i:{_OFFICER_OF})[ ](?:of|at)[ ](?:the[ ])?(?P<n>{_RUN})(?![ ]?[\w-])", text):
        if not city_country(m.group("n")) and not re.match(r"[ ](?:[a-z\-]+[ ])?(?:group|company|firm|unit|arm|"
                                                           r"division|dealer|dealership)s?\b", text[m.end():]):
            org_at(E, m.start("n"), m.end("n"), "company", "after-officer")  # "Chief Executive Officer of X" (not
            # "of the Budapest dealer group")
    for m in re.finditer(rf"(?P<p>[A-Z][a-z]+[ ][A-Z][\w\-]+),[ ](?:a|an|the)[ ](?P<n>{_RUN})[ ]"
                         rf"(?:senior[ ]|executive[ ]|former[ ])?(?:{_OFFICER}|director|executive|manager)\b", text):
        if _in_people(E, m.start("p")):  # "NAME, a X vice president"
            org_at(E, m.start("n"), m.end("n"), "company", "before-officer")
    for m in re.finditer(rf"(?P<n>{_RUN})[ ](?:has[ ]|have[ ]|had[ ])?(?:partnered|teamed[ ]up|joined[ ]forces)"
                         rf"[ ]with\b", text):
        org_at(E, m.start("n"), m.end("n"), "company", "partner")
    for m in re.finditer(rf"\b(?:partnered|teamed[ ]up|joined[ ]forces|(?:in|a)[ ](?:collaboration|partnership|"
                         rf"cooperation)|together|(?:deal|agreement|contract|memorandum[ ]of[ ]understanding))[ ]"
                         rf"with[ ](?:{_DESC}[ ]){{0,3}}?(?P<n>{_RUN})", text):
        org_at(E, m.start("n"), m.end("n"), "company", "partner")
    for m in re.finditer(rf"\b(?:the|a|its)[ ](?P<n>{_RUN})[ ](?:[a-z\-]+['’]?[ ]){{0,2}}union\b", text):
        org_at(E, m.start("n"), m.end("n"), "trade-union", "before-union")  # "the FIOM-CGIL metalworkers' union"
    for m in re.finditer(rf"\b(?:told|according[ ]to|reported[ ]by|cited[ ]by|in[ ]an[ ]interview[ ]with)[ ]"
                         rf"(?P<n>{_WORD})(?=[,.;]|[ ](?:on|in|that|this|last|earlier|late|news|TV)\b)", text):
        if not any(k.file == "organizations" and k.text.startswith(m.group("n") + " ") for k in E.mentions):
            org_at(E, m.start("n"), m.end("n"), "publisher", "news-agency")  # (not "according to X" of X Group)
    from nevkg.ingest.extract.publications import publication_names

    publication_names(E)  # "told The Edge": the paper's "The" is part of its name
    _coordinated(E)
    if E.doc is not None:
        _subjects(E)
    named_services(E)
    _one_file_per_name(E)
    _autonomy_levels(E)


def _autonomy_levels(E: Any) -> None:
    """"Level 4", "L4", "SAE": an autonomy level is a technical specification, never a name."""
    for m in [m for m in E.mentions if not m.known and _LEVEL.fullmatch(m.text)]:
        E.forget(m)


def _one_file_per_name(E: Any) -> None:
    """A new name the parser typed one way here and another way there ("Zenvo" a company, then a place) keeps the
    type of its record, and a new organisation's short name is it wherever it stands: one name, one entity."""
    short = {a: rid for rid, rec in E.new.items() if E.new_meta[rid].file == "organizations"
             for a in rec.get("aliases", [])}
    for m in [m for m in E.mentions if not m.known and m.text in short and m.id != short[m.text]
              and m.rule.startswith("ner:")]:  # "Kairo" again, after "Kairo Robotics" gave it as its short name
        old, full = m.id, E.new_meta[short[m.text]]
        m.id, m.file, m.kind, m.label, m.rule = full.id, "organizations", full.kind, full.label, "short-name"
        E.drop_unused(old)
    for m in E.mentions:
        meta = E.new_meta.get(m.id)
        if not m.known and meta is not None and m.file != meta.file and m.file in {"organizations", "places"} \
                and meta.file in {"organizations", "places"}:
            m.file, m.kind = meta.file, meta.kind


def _person_after(E: Any, pos: int) -> None:
    """The name of two words at ``pos``, after an officer's title ("X chief executive Han Lei"), is a person: the
    parser's pieces of it (a one-word "organisation" or "place") give way."""
    from nevkg.ingest.extract.ner import _propose

    n = re.match(r"[A-Z][a-z]+[ ][A-Z][a-z]+(?![\w\-])", E.text[pos:])
    if n is None or _in_people(E, pos):
        return
    s, e = pos, pos + n.end()
    over = E.overlaps(s, e)
    if any(k.known or k.start < s or k.end > e or not k.rule.startswith("ner:") for k in over):
        return
    for k in over:
        E.forget(k)
    _propose(E, "people", "", n.group(0), s, e, "context-person")


def _in_people(E: Any, pos: int) -> bool:
    return any(k.file == "people" and k.start <= pos < k.end for k in E.mentions)


#: words that open no name in general ("Southern" of "Southern Chinese makers") but may open a registered one
#: ("Southern Cross Charging Pty Ltd", "Global Fleet Services GmbH")
_NAME_ADJECTIVES = {"eastern", "western", "northern", "southern", "global", "international", "new", "first",
                    "regional", "state", "overseas"}


def _ok_name(E: Any, s: int, e: int) -> tuple[int, int] | None:
    """The span of ``text[s:e]`` without its leading words that never open a name, or ``None``."""
    from nevkg.ingest.countries import COUNTRIES, DEMONYMS
    from nevkg.ingest.extract.ner_spans import _LEGAL_TAIL
    from nevkg.ingest.extract.periods import _MONTH_NUM

    words = E.text[s:e].split(" ")
    keep = _NAME_ADJECTIVES if _LEGAL_TAIL.search(E.text[s:e].rstrip(".,")) else set()
    while words and (words[0].lower() in _NEVER - keep or words[0] in DEMONYMS):
        s += len(words[0]) + 1
        words = words[1:]
    while words and words[-1].lower() in _NEVER | {"of"}:
        e -= len(words[-1]) + 1
        words = words[:-1]
    name = " ".join(words)
    if not words or len(name) < 2 or not all(w[:1].isupper() for w in words) or name in COUNTRIES or \
            name in DEMONYMS or any(w.lower() in _MONTH_NUM or w.lower() in _NEVER - keep for w in words):
        return None
    if E.gaz.lookup(name, ("places", "people")) is not None:
        return None
    return s, e


def org_at(E: Any, s: int, e: int, kind: str, rule: str) -> Mention | None:
    """Make ``text[s:e]`` an organisation of ``kind``: a new one, or the parser's new person or place of that span
    retyped. Names the records know and spans inside other names are left alone.

    Parameters
    ----------
    E : _Entities
        The mention finder of one article.
    s, e : int
        The name's character offsets in the article.
    kind : str
        The organisation's kind ("company", "government-body", …).
    rule : str
        The rule that found it (kept on the mention, and "news-agency" or "partner" decide a person's name).

    Returns
    -------
    Mention or None
        The organisation's mention, or None where the span names no new organisation.
    """
    from nevkg.ingest.extract.ner import _propose, retype

    span = _ok_name(E, s, e)
    if span is None:
        return None
    s, e = span
    over = E.overlaps(s, e)
    same = [k for k in over if (k.start, k.end) == (s, e)]
    name = E.text[s:e]
    short = _short_name(E, s, e, over)
    if short is not None:
        return short
    if same:
        k = same[0]
        if k.file == "organizations":
            if rule == "news-agency" and k.id in E.new and not _SERVICE_AFTER.match(E.text, k.end):
                _set_kind(E, k.id, "publisher")  # the parser's new organisation, cited as a source
            elif kind == "industry-association" and E.new.get(k.id, {}).get("kind") == "company":
                _set_kind(E, k.id, kind)  # "dealer association X": the parser's new company is a members' body
            return k
        if k.known or k.id not in E.new or k.kind == "country" or not k.rule.startswith("ner:"):
            return None
        if k.file == "people" and len(k.text.split()) > 1 and rule in {"news-agency", "partner"} or \
                rule == "coordinated" or rule == "listed" and k.file == "people":
            return None  # a person's full name after "told", "with": a person; a listed place or person stays
            # (but a new place in a list of two organisations or more is one too: "A, B and X")
        retype(E, k.id, "organizations", kind)
        return k
    if over or name.upper() in DOMAIN_ABBREVIATIONS or name.isupper() and name.lower() in CODES:
        return None  # ("LFP": a cell chemistry, "USD": a currency's code, no company, wherever it stands)
    known = E.gaz.lookup(name, ("organizations",))
    if known is not None:
        m = Mention(s, e, name, "organizations", known.id, True, known.kind, f"context:{rule}", 0.8, known.label)
        E.add(m)
        return m
    if rule == "news-agency" and any(k.file == "people" and name in k.text.split() for k in E.mentions):
        return None  # "told Chen": the person named before
    _propose(E, "organizations", kind, name, s, e, f"context-{rule}")
    for k in re.finditer(rf"(?<![\w.\-]){re.escape(name)}(?![\w\-])", E.text):  # its other occurrences
        if not E.overlaps(k.start(), k.end()):
            rid = next(m.id for m in E.mentions if m.start == s and m.file == "organizations")
            E.mentions.append(Mention(k.start(), k.end(), name, "organizations", rid, False, kind,
                                      f"ner:context-{rule}", 0.6, name))
    return next((m for m in E.mentions if m.start == s and m.file == "organizations"), None)


def _short_name(E: Any, s: int, e: int, over: list[Mention]) -> Mention | None:
    """``text[s:e]`` as the short name of an organisation of the article ("Talvik" for "Talvik Energy"), replacing
    the parser's new place or person there; ``None`` when it is none."""
    name = E.text[s:e]
    from nevkg.ingest.extract.linking import fullest_name

    full = fullest_name(E.mentions, name)
    if full is None or not all(not k.known and k.rule.startswith("ner:") and k.file != "organizations"
                               for k in over):
        return None
    for k in over:
        E.forget(k)
    m = Mention(s, e, name, "organizations", full.id, full.known, full.kind, "short-name", 0.6, full.label)
    E.add(m)
    return m


#: a title's head word ending a run ("NAME, Research Analyst, ORG": a title between commas, no organisation)
_TITLE_END = re.compile(r"\b(?:Analyst|Director|Officer|Manager|President|Economist|Chair(?:man|woman|person)|Head|"
                        r"Strategist|Adviser|Advisor|Spokes(?:man|woman|person)|Researcher|Fellow)$")


def _coordinated(E: Any) -> None:
    """"X and Uber plan …", "Uber, X and Y": a bare name listed with a known organisation is one too."""
    orgs = [m for m in E.mentions if m.file == "organizations" and (m.known or m.kind != "publisher")]
    before_rx = re.compile(rf"(?<![\w.\-])(?P<n>{_RUN})(?:[ ]?,[ ]|[ ]and[ ]|[ ]?,[ ]and[ ])$")  # ("X , Uber")
    after_rx = re.compile(rf"(?:,[ ]|[ ]and[ ]|,[ ]and[ ])(?P<n>{_RUN})(?![\w\-])")
    for o in orgs:
        # (read in the whole text, not a slice of it: a window's edge would cut a name "Southern Cross Charging
        # Pty Ltd" to "Charging Pty Ltd")
        before = before_rx.search(E.text, max(0, o.start - 80), o.start)
        after = after_rx.match(E.text, o.end)
        span = _whole_run(E.text, before.start("n"), before.end("n")) if before else None
        if span and not (before.group(0).endswith(", ") and _opens_sentence(E.text, span[0])) \
                and not _TITLE_END.search(E.text, span[0], span[1]):
            org_at(E, *span, "company", "coordinated")
        span = _whole_run(E.text, after.start("n"), after.end("n")) if after else None
        if span and not re.match(r"[ ](?:said|says|told)\b", E.text[span[1]:span[1] + 8]) \
                and not _TITLE_END.search(E.text, span[0], span[1]):
            listed = any(k is not o and 0 < o.start - k.end <= 3 and re.fullmatch(r"[ ]?,[ ]", E.text[k.end:o.start])
                         for k in orgs)  # o is itself listed after another organisation
            org_at(E, *span, "company", "listed" if listed else "coordinated")


def _whole_run(text: str, s: int, e: int) -> tuple[int, int] | None:
    """``text[s:e]`` widened to the whole run of capitalised words it is part of when that run ends in a legal form
    ("Southern Cross Charging Pty Ltd", not its last three words); ``None`` when the run is longer than the span
    and ends in no legal form (a name cut at its edge is no name)."""
    from nevkg.ingest.extract.ner_spans import _LEGAL_TAIL

    lead = re.search(r"(?:(?<![\w.\-])[A-Z][\w&.\-]*[ ])+$", text[max(0, s - 80):s])
    tail = re.match(r"(?:[ ][A-Z][\w&.\-]*(?![\w\-]))+", text[e:e + 80])
    if not lead and not tail:
        return s, e
    s2, e2 = s - (len(lead.group(0)) if lead else 0), e + (len(tail.group(0)) if tail else 0)
    return (s2, e2) if _LEGAL_TAIL.search(text[s2:e2].rstrip(".,")) else None


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence (a word there followed by a comma is often an adverb: "Now, X …")."""
    return bool(re.search(r"(?:^|[.!?]\s+|\n)\s*[\"“‘']?$", text[max(0, pos - 4):pos]))


def _subjects(E: Any) -> None:
    """A proper noun the parser left untyped as the subject of a verb only a company does ("X will deploy …",
    "X has partnered with …")."""
    for tok in E.doc:
        subj = tok
        while subj.dep_ in {"conj", "appos"} and subj.head.i != subj.i:  # "A and B will deploy …": B too
            subj = subj.head
        if tok.tag_ != "NNP" or subj.dep_ not in {"nsubj", "nsubjpass"} or subj.head.lemma_.lower() not in _ORG_VERBS:
            continue
        if tok.ent_type_ in {"PERSON", "LOC", "NORP", "DATE"}:
            continue  # (a name the parser called a city may be a company: the checks of org_at keep known places)
        words = [c for c in tok.lefts if c.dep_ == "compound" and c.tag_ == "NNP"] + [tok]
        s, e = words[0].idx, tok.idx + len(tok.text)
        if any(k.known or k.file != "places" or tok.dep_ == "appos" for k in E.overlaps(s, e)) or any(
                k.file == "people" and E.text[s:e] in k.text.split() for k in E.mentions) or city_country(E.text[s:e]):
            continue  # (nor a larger town of the world: "Nyíregyháza offered the land"; nor a subject's seat)
        org_at(E, s, e, "company", "subject")


def _set_kind(E: Any, rid: str, kind: str) -> None:
    """Give the new organisation ``rid`` (its record and every mention) another kind."""
    E.new[rid]["kind"] = kind
    E.new_meta[rid].kind = kind
    for k in E.mentions:
        if k.id == rid:
            k.kind = kind
