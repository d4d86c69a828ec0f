"""Who a relation is about: the actor named before a cue, "it" and "the company", and place mentions that are
not actors (a destination after "to", a company's home after "based in")."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import span_at
from nevkg.ingest.extract.vocab import DESCRIBED_RE

_ANAPHOR = re.compile(r"^(?:The\s+(?:company|firm|automaker|carmaker|group|brand|start-?up|manufacturer|"
                      r"maker)|It|Its)\b")
#: a stock market's place, right before it ("shares jumped 8% in Hong Kong", "listed in Shanghai")
_VENUE = re.compile(r"(?:\b(?:shares?|stock)\b[^.;,]{0,40}|\b(?:listed|listing|trading|traded|debuted|floated|"
                    r"IPO)\s+(?:\w+\s+){0,2})\b(?:in|on)\s+(?:the\s+)?$", re.I)
#: a place named where something is ("makes vans in A and B"): not an actor of what follows
_LOCATED = re.compile(r"\b(?:in|at|near|across)\s+(?:the\s+)?"
                      r"(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s*(?:,|and|,\s*and)\s+)*$")
#: a relative or parenthetical clause closed by a comma: ", which has sold vans through Y since 2023,"
#: a comma that does not close a clause: a legal form's ("Holdings, Inc.") or a thousands separator's ("742,000")
_INNER_COMMA = r"(?:[^,;]|,(?=\s+(?:Inc|Ltd|Co|Corp|LLC|S\.A)\b)|(?<=\d),(?=\d{3}\b))"
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b" + _INNER_COMMA + r"{3,120},")
#: examples of a plural subject ("Several Chinese manufacturers, including BYD, have announced plants in A and B"):
#: what the clause says is said of the group, not of each one named
_EXAMPLES = re.compile(r"(?<=s),\s+(?:including|such\s+as|among\s+them)\s+" + _INNER_COMMA + r"{1,80},")
#: an apposition that describes a name by others ("X, a joint venture of A and B, opened …"): A and B are not
#: the ones the clause speaks of
_APPOSED = re.compile(r"(?<=[\w).]),\s+(?:an?|the)\s+(?:[\w\-:–]+\s+){0,4}?(?:joint[\s-]venture|JV|venture|unit|"
                      r"subsidiary|arm|affiliate|division|(?:distributor|importer|dealer|agent|partner|supplier|"
                      r"licensee|assembler|parent|owner|shareholder)s?\s+(?:of|for|to)\b)" + _INNER_COMMA + r"{0,80},")
#: (also a role towards others: "X, the exclusive distributor of A in Y, will open …": X, not A)
#: the words joining two coordinated names, with a short description of the second
_AND_NAME = re.compile(r"\s+and\s+(?:(?:[A-Z][a-z]+(?:-[a-z]+|['’]s)?|[a-z][\w\-]*)\s+){0,4}")  # ("and Tokyo-based X",
# "and China's X")
#: kinds of organisation that govern (an authority, never a commercial partner)
_GOV = {"government-body", "ministry", "customs-office", "legislature", "political-body"}
#: a government body's name ("Ministry of Trade", "the Investment Authority"), whatever kind the parser gave it
_GOV_NAME = re.compile(r"^(?:The\s+)?(?:Ministry|Department|Government|Secretariat|Directorate)\b|"
                       r"\b(?:Ministry|Authority|Agency|Commission|Government)$")


def is_government(m: Mention) -> bool:
    """Whether the organisation ``m`` is a government body, by its kind or by its name.

    Parameters
    ----------
    m : Mention
        An organisation's mention.

    Returns
    -------
    bool
        True for a ministry, agency, authority, commission or government.
    """
    return (m.kind or "") in _GOV or bool(_GOV_NAME.search(m.label or m.text))


def _is_destination(text: str, m: Mention) -> bool:
    """A place named after "to"/"into" (a destination, not an actor)."""
    return m.file == "places" and bool(re.search(r"\b(?:to|into)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}$",
                                                  text[max(0, m.start - 30):m.start]))


def _is_outside(text: str, m: Mention) -> bool:
    """A country or region named after "outside" ("its third plant outside China"): where a site is not."""
    return m.file == "places" and m.kind in {"country", "region", "economic-union"} and bool(re.search(
        r"\b(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?$", text[max(0, m.start - 16):m.start]))


#: verbs whose object is where goods go, not where they are made ("the plant will supply A and B")
_SUPPLY_VERBS = {"supply", "serve", "feed", "export", "ship", "sell", "deliver", "cater"}


#: nouns of goods whose "for" or "to" names where they go ("cars for A", "kits to B")
_GOODS = frozenset({"car", "vehicle", "model", "version", "unit", "kit", "ev", "bus", "truck", "van", "coach",
                    "motorcycle", "tricycle"})


def is_destination(tok: Any) -> bool:
    """A place token named as where goods go: the object of a verb of supplying ("will supply A, B and C", a list
    too) or after "for" or "to" on a verb of making or supplying or on the goods ("build right-hand-drive cars
    for A", "ship kits to B"); never where a site is.

    Parameters
    ----------
    tok : spacy.tokens.Token
        The head token of the place's name.

    Returns
    -------
    bool
        True when the place is a destination.
    """
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head  # ("A, B and C": the first of the list)
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in {"including", "like", "as"} and tok.head.head.lemma_.lower() in {
            "market", "country", "destination", "region"}:
        tok = tok.head.head  # "for markets including A, B and C": as the markets are
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _SUPPLY_VERBS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in {"for", "to", "into"}:
        gov = tok.head.head
        return gov.lemma_.lower() in _SUPPLY_VERBS | {"build", "make", "produce", "assemble", "manufacture"} or (
            gov.pos_ == "NOUN" and gov.lemma_.lower() in _GOODS) or gov.lemma_.lower() == "go" and any(
            t.lemma_.lower() in _GOODS | {"output", "production"} for c in gov.children if c.dep_ == "nsubj"
            for t in c.subtree)  # ("70% of its output will go to A, B and C")
    return False


#: verbs of an event whose place is only where it happened ("an agreement signed in Vienna", "told reporters in X")
_EVENT_VERBS = {"sign", "announce", "hold", "unveil", "tell", "say", "speak", "present", "ink", "conclude", "meet",
                "attend", "host", "celebrate"}


def _event_place(span: Any) -> bool:
    """A place named only as where a signing, announcement or meeting happened ("Under an agreement signed in
    Vienna on Monday, X will build …"): no place where the clause's fact is."""
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.dep_ in {"conj", "compound"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at"} and tok.head.head.lemma_.lower() in _EVENT_VERBS


def _is_owner_word(text: str, m: Mention) -> bool:
    """An organisation named as an owner before another name ("X-owned Y", "X-controlled Y"): not the actor."""
    return bool(re.match(r"-(?:owned|controlled|backed)\b|\s+portfolio\s+compan(?:y|ies)\b", text[m.end:m.end + 24]))


def _is_home(text: str, m: Mention) -> bool:
    """A place named as a company's home ("based in X", "X-based"): never the actor itself."""
    before = text[max(0, m.start - 20):m.start]
    return m.file == "places" and bool(re.search(r"\b(?:based|headquartered)\s+in\s+$", before)
                                       or re.match(r"-(?:based|headquartered)\b", text[m.end:m.end + 14]))


#: nouns of a kind of organisation ("an Abu Dhabi investment firm": the place is the firm's home)
_ORG_NOUNS = {"firm", "company", "group", "startup", "start-up", "carmaker", "automaker", "maker", "manufacturer",
              "operator", "conglomerate", "investor", "fund", "bank", "distributor", "dealer", "supplier", "importer",
              "retailer", "developer", "business", "holding", "venture", "brand", "subsidiary", "unit", "arm"}


def _described_home(span: Any) -> bool:
    """A place that describes an organisation in apposition or as a predicate ("X, an Abu Dhabi investment
    firm, …", "X is a Shenzhen startup"): the organisation's home, not a place where it acts. ``span`` is the
    place's span in the parse."""
    if span is None:
        return False
    noun = span.root
    while noun.dep_ in {"compound", "amod", "nmod"} and noun.head.i != noun.i:
        noun = noun.head
    return noun.i != span.root.i and noun.lemma_.lower() in _ORG_NOUNS and noun.dep_ in {"appos", "attr"}


def _origin_phrase(span: Any) -> bool:
    """A place named as where goods come from through "of" ("shipped from the port of X", "from the city of
    X"): an origin, not a destination. ``span`` is the place's span in the parse."""
    tok = span.root if span is not None else None
    while tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
        tok = tok.head.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "from":
            return True
    return False


def _outside(span: Any) -> bool:
    """A place named as where something is not ("outside China and the Middle East", "beyond Europe"), also the
    later places of such a list. ``span`` is the place's span in the parse."""
    tok = span.root if span is not None else None
    while tok is not None and tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in {"outside", "beyond", "except", "excluding"}


#: organisations named in the plural or as a service after an adjective of origin ("Dutch bus operators")
_ORG_PLURALS = {"platform", "provider", "operators", "companies", "firms", "groups", "developers", "carmakers",
                "automakers", "makers", "startups", "investors", "funds", "suppliers"}


#: nouns of a person's office: a place hung on one ("general manager for Germany") names the office's remit
_OFFICE_NOUNS = {"manager", "head", "director", "president", "chief", "executive", "officer", "chairman",
                 "spokesperson", "spokesman", "spokeswoman", "representative", "boss", "vice-president", "analyst"}


def _in_title_or_source(span: Any) -> bool:
    """A place inside a person's title ("its general manager for Germany and Austria", "head of Europe") or in
    an attribution ("according to X's office in Y"): the clause's fact does not happen there. ``span`` is the
    place's span in the parse."""
    tok = span.root if span is not None else None
    for _ in range(12):
        if tok is None or tok.head.i == tok.i or tok.pos_ in {"VERB", "AUX"}:
            return False
        head = tok.head
        if head.lower_ in {"for", "of"} and tok.dep_ == "pobj" and head.head.lemma_.lower() in _OFFICE_NOUNS:
            return True
        if head.lower_ == "to" and head.head.lower_ == "according":
            return True
        tok = head
    return False


def _describes_org(cue: Any) -> bool:
    """A cue word that only describes an organisation ("car manufacturing giant X", "a production company"): it
    names no site, market or deal of its own."""
    nouns = {"firm", "company", "group", "giant", "titan", "powerhouse", "heavyweight", "conglomerate", "startup",
             "start-up", "specialist", "major", "leader"}
    head = cue
    while head.dep_ in {"compound", "amod", "nmod"} and head.head.i != head.i:
        head = head.head
    nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None  # the word right after, whatever the parse hung it on
    return head.i != cue.i and head.lemma_.lower() in nouns or nxt is not None and nxt.lemma_.lower() in nouns \
        and cue.pos_ != "VERB"

def _clause(head: Any) -> set[int]:
    """The tokens of a verb's clause, without the clauses coordinated with it ("A sells cars in X, and its
    service runs in Y": Y is not where A sells) nor an adverbial clause with a subject of its own ("A tests cars
    in X, while B has said it will start in Y")."""
    out = {t.i for t in head.subtree}
    for c in head.children:
        if c.pos_ in {"VERB", "AUX"} and (c.dep_ == "conj" or c.dep_ == "advcl" and any(
                d.dep_ in {"nsubj", "nsubjpass"} for d in c.children)) or c.dep_ == "conj" and any(
                d.dep_ == "xcomp" and d.pos_ == "VERB" for d in c.children):  # ("and plans to enter Y": the parser's
            out -= {t.i for t in c.subtree}  # noun "plans" heads a clause of its own)
    for c in head.subtree:  # deeper too: "… on a line that has run below capacity since a customer moved a model
        if c.i != head.i and c.dep_ == "advcl" and c.head.dep_ == "relcl" and any(  # to Hungary": not the head's
                d.dep_ in {"nsubj", "nsubjpass"} and d.pos_ in {"NOUN", "PROPN"} for d in c.children):
            out -= {t.i for t in c.subtree}
    return out


class ActorRules:
    """Finding the organisation a cue speaks about (a mixin of the extractor)."""

    def orgs_in(self, s: int, e: int) -> list[Mention]:
        """The organisations a sentence speaks of: its named ones and its anaphors ("it", "the carmaker",
        "the plant" → the organisation they stand for, :mod:`anaphora`), in text order."""
        named = self.mentions_in(s, e, ("organizations",))
        more = [a for a in getattr(self.ents, "anaphors", []) if s <= a.start and a.end <= e
                and not any(m.start < a.end and a.start < m.end for m in named)]
        return sorted(named + more, key=lambda m: m.start)

    def aside_place(self, m: Mention) -> bool:
        """Whether a place mention names no place where the clause's fact happens: a language ("a
        German-speaking city"), where a company's shares trade ("shares rose 3% in Hong Kong"), a person's title
        or an attribution (:func:`_in_title_or_source`)."""
        if re.match(r"-speaking\b", self.text[m.end:m.end + 10]):
            return True
        if _VENUE.search(self.text[max(0, m.start - 60):m.start]):
            return True  # "its shares jumped 8% in Hong Kong", "listed in Shanghai": where it trades
        doc = getattr(self, "doc", None)
        return doc is not None and (_in_title_or_source(span_at(doc, m.start, m.end))
                                    or _event_place(span_at(doc, m.start, m.end)))

    def _origin_of_org(self, p: Mention) -> bool:
        """A place that only says where an organisation comes from: an adjective before an organisation's noun
        ("with Qatari fleet operator X"), or a possessive before its name or description ("China's battery maker X")."""
        after = self.text[p.end:p.end + 60]
        if p.rule.startswith("demonym"):
            words = re.match(r"(?:\s+[a-z][\w\-]*){1,4}", after)
            return words is not None and any(w in _ORG_NOUNS or w in _ORG_PLURALS for w in words.group().split())
        poss = re.match(r"['’]s\s+", after)
        return poss is not None and any(o.file == "organizations" and p.end + poss.end() <= o.start < p.end + 60
                                        and re.fullmatch(DESCRIBED_RE, self.text[p.end + poss.end():o.start])
                                        for o in self.ents.mentions)

    def anaphor_at(self, pos: int) -> Mention | None:
        """The anaphor ("it", "the company" …) covering offset ``pos``, if any."""
        return next((a for a in getattr(self.ents, "anaphors", []) if a.start <= pos < a.end), None)

    def noun_anaphors(self, start: int, end: int) -> list[Mention]:
        """The anaphors of organisations that are noun phrases ("the company", "the operator"; not "it" nor "its")
        starting in ``text[start:end]``, in the order they were resolved."""
        return [a for a in getattr(self.ents, "anaphors", []) if a.file == "organizations" and start <= a.start < end
                and a.text.lower() not in {"it", "its"}]

    def _actor_before(self, pos: int, s: int, orgs: list[Mention], exclude: set[str] = frozenset(),
                      places: list[Mention] | None = None) -> Mention | None:
        examples = [(r.start(), r.end()) for r in _EXAMPLES.finditer(self.text, s, pos)]
        pool = [m for m in orgs + (places or []) if m.end <= pos and m.id not in exclude and not m.compiler
                and not _is_destination(self.text, m) and not _is_home(self.text, m)
                and not _is_owner_word(self.text, m) and not any(a <= m.start < b for a, b in examples)
                and not (m.file == "places" and _LOCATED.search(self.text[max(s, m.start - 80):m.start]))
                and not _TOLD.search(self.text, max(s, m.start - 12), m.start)]  # ("told Reuters that …": not Reuters)
        # a name inside a relative clause closed before the cue ("X, which sells through Y, plans …") is not
        # the one the cue speaks of
        closed = [(r.start(), r.end()) for rx in (_RELATIVE, _APPOSED) for r in rx.finditer(self.text, s, pos)]
        closed += self._relative_clauses(s, pos)
        outside = [m for m in pool if not any(a <= m.start and m.end <= b for a, b in closed)]
        pool = outside or pool
        return max(pool, key=lambda m: m.end) if pool else None

    def _relative_clauses(self, s: int, pos: int) -> list[tuple[int, int]]:
        """The character spans of the relative clauses of the parse that close before ``pos`` ("X, which signed
        deals with A, B and C last year, plans …": commas inside too)."""
        doc = getattr(self, "doc", None)
        span = span_at(doc, s, pos) if doc is not None and pos > s else None
        out = []
        for t in span if span is not None else []:
            if t.dep_ == "relcl" and t.head.i < t.i:
                sub = list(t.subtree)
                if sub[-1].idx + len(sub[-1]) <= pos:
                    out.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
        return out

    def _it_actor(self, s: int, pos: int, orgs: list[Mention], exclude: set[str] = frozenset()) -> Mention | None:
        """Whom "it" or "the company" before ``pos`` means: the sentence's speaker ("X said on Monday it had …"),
        else the organisation named last."""
        own = [o for o in orgs if o.end <= pos and o.id not in exclude and not o.compiler and re.search(
            r"\b(?:said|says|announced|reported|told|added|stated|confirmed)\b", self.text[o.end:pos])]
        return own[-1] if own else self.last_org

    def _refers_back(self, s: int, pos: int) -> bool:
        """Whether ``text[s:pos]`` refers back to an organisation (its, them, the company …)."""
        return bool(re.search(r"\b(?:its|their|them|it|they|the\s+(?:company|group|firm|carmaker|automaker|brand))\b",
                              self.text[s:pos], re.I))

    def _fallback_actor(self, s: int, pos: int) -> Mention | None:
        """Who a sentence without an actor of its own speaks about: the organisation named last when the
        sentence refers back to it (its, them, the company …), else the subject of the paragraph's figures."""
        if self._refers_back(s, pos) and self.last_org is not None:
            return self.last_org
        return self.para_subject

    def _planners(self, cue: Any, orgs: list[Mention]) -> list[Mention]:
        """The organisations that are subjects of the verbs above the cue ("A and B said they plan to deploy …"):
        they take part in what the clause says. Not past the verb of an adverbial, coordinated or relative clause
        ("A runs fleets, while B has said it will deploy …": A is not one of B's planners)."""
        out: list[Mention] = []
        below = cue
        for verb in cue.ancestors:
            if below.pos_ in {"VERB", "AUX"} and below.dep_ in {"advcl", "conj", "relcl", "parataxis"}:
                break
            below = verb
            for subj in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
                aside = {d.i for t in subj.subtree if t.dep_ in {"relcl", "acl"} for d in t.subtree}  # ", which …,"
                out += [m for t in subj.subtree if t.i not in aside and (m := self._mention_of(t)) is not None
                        and m in orgs and m not in out]
        return out

    def _adverb_subject(self, verb: Any) -> Mention | None:
        """The organisation a verb without a subject has before it as an "adverb" ("Geely paid …", "Under the deal,
        Geely will supply …": the parser's reading of a one-word name it does not know)."""
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        return next((m for c in verb.lefts if c.dep_ in {"advmod", "npadvmod"} and c.is_title
                     if (m := self._mention_of(c, anaphors=False)) is not None), None)

    def _mention_of(self, token: Any, files: tuple[str, ...] = ("organizations",),
                    anaphors: bool = True) -> Mention | None:
        for m in self.ents.mentions:
            if m.file in files and m.start <= token.idx < m.end and not m.compiler:
                return m
        if anaphors and "organizations" in files:  # "it", "the company", "the plant": what it stands for
            return self.anaphor_at(token.idx)
        return None

    def _coactors(self, actor: Mention, orgs: list[Mention]) -> list[Mention]:
        """The organisations coordinated with the actor ("A and B plan to …"): they do it together."""
        span = span_at(self.doc, actor.start, actor.end)
        if span is None:
            return []
        out = [m for m in map(self._mention_of, span.root.conjuncts) if m is not None and m in orgs]
        # "A and Korean parts maker B …" (the parser often hangs such a pair the wrong way)
        out += [o for o in orgs if o.start > actor.end and _AND_NAME.fullmatch(self.text[actor.end:o.start])]
        out += [o for o in orgs if o.end < actor.start and _AND_NAME.fullmatch(self.text[o.end:actor.start])]
        return [m for i, m in enumerate(out) if m.id != actor.id and m not in out[:i]]


#: a verb of telling right before a name: the one told, who does not act in the clause reported
_TOLD = re.compile(r"\b(?:told|tells|tell|telling)\s+(?:the\s+)?$", re.I)


def org_of_description(rules: Any, tok: Any) -> Any:
    """The token of the organisation whose description a place at ``tok`` ends ("X, a fund based in Y, which
    paid …": the relative clause hangs on Y but speaks of X); None when ``tok`` is no place or describes none.

    Parameters
    ----------
    rules : ActorRules
        The extractor (its mentions).
    tok : spacy.tokens.Token
        The noun a relative clause hangs on.

    Returns
    -------
    spacy.tokens.Token or None
    """
    if rules._mention_of(tok, ("places",)) is None:
        return None
    t = tok
    while t.dep_ in {"pobj", "prep", "acl", "appos", "amod", "compound"} and t.head.i != t.i:
        t = t.head
        if rules._mention_of(t, ("organizations",), anaphors=False) is not None:
            return t
    return None
