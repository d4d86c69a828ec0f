"""Policy measures named by their head and scope: "a 40 percent duty on Korean-made trucks", "an export licence
for battery packs", "the Reciprocal Access import tariff", "a duty increase for imported buses".

A measure word (tariff, duty, surtax, levy, quota, licence, ban, subsidy, tax) heads a noun phrase of the parse.
Its name is the head with its classifying words before it (a proper name, another measure word, "import",
"anti-dumping") and its scope after it ("on X", "for X", "against X"); the rate, the article, quantifiers and
evaluative adjectives ("existing", "higher") are left out, and so is an authority named before it ("EU tariffs",
"Brazil's tariff": the issuer, not the name). A phrase without a scope counts only when its words name one
("the Reciprocal Access import tariff", "a duty-waiver quota"). In a sentence that names a law or
regulation by its proper name, the measure is that one. "This surtax", "the same tariffs" refer to
a measure named before and propose nothing. Two phrases with the same measure word and the same scope words are
one measure ("a levy rise for imported buses" … "the levy hike for imported buses"). A measure word before
"management", "regime", "system" or "requirement" names the measure with it ("export licence management for
battery packs").

The measures are proposed as new ``policies`` (not as mentions: a measure's span holds the names of the places
it covers, which stay mentions of their own); :mod:`.relations_policy` gives each its issuer, what it hits and
when it starts.

>>> from nevkg.ingest.extract.measures import measure_word
>>> measure_word("surtaxes"), measure_word("licences"), measure_word("rate")
('surtax', 'licence', None)
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["measure_mentions", "measure_word", "measure_kind", "tokens_text", "MEASURE_WORDS"]

#: measure words (lemma or lower-case form) → the word's canonical form
MEASURE_WORDS = {"tariff": "tariff", "duty": "duty", "duties": "duty", "surtax": "surtax", "surtaxes": "surtax",
                 "levy": "levy", "levies": "levy", "quota": "quota", "licence": "licence", "license": "licence",
                 "licences": "licence", "licenses": "licence", "ban": "ban", "subsidy": "subsidy",
                 "subsidies": "subsidy", "tax": "tax", "taxes": "tax", "licensing": "licence", "licencing": "licence",
                 "permit": "licence", "permits": "licence", "restriction": "restriction",
                 "restrictions": "restriction"}
#: words that are measures only after a word of trade ("export controls", "a minimum import price")
_AFTER_TRADE = {"control": "control", "controls": "control", "price": "minimum price", "prices": "minimum price",
                "fee": "fee", "fees": "fee"}
#: the words that make a fee a measure ("a recycling fee on imported cars", "import fees")
_FEE_KINDS = {"recycling", "utilisation", "utilization", "scrappage", "disposal", "registration", "import", "customs",
              "environmental", "emissions", "carbon"}
#: nouns that, with a measure word before them, name a measure ("a levy rise", "a duty holiday")
_CHANGE_NOUNS = {"increase", "hike", "rise", "cut", "reduction", "break", "exemption", "holiday", "waiver",
                 "relief", "rebate", "cap"}
#: nouns that, with a measure word before them, name the measure as a regime ("export licence management for X")
_FRAME_NOUNS = {"management", "regime", "system", "scheme", "requirement", "requirements", "rule", "rules",
                "mechanism", "programme", "program", "control", "controls", "measure", "measures"}
#: adjectives that classify a measure (kept in its name); other adjectives before it are left out
_CLASSIFYING = {"countervailing", "anti-dumping", "antidumping", "anti-subsidy", "provisional", "definitive",
                "retaliatory", "punitive", "import", "export", "safeguard", "luxury", "carbon", "consumption",
                "purchase", "excise", "customs", "minimum"}
#: determiners and adjectives that refer back to a measure named before
_ANAPHORIC = {"this", "that", "these", "those", "same", "such", "other", "said"}
#: objects of "on" or "for" that are not what a measure covers ("on top of", "for six months")
_NOT_SCOPE = {"top", "basis", "behalf", "hold", "average", "time", "month", "year", "week", "day", "period"}
_SCOPE_PREPS = {"on", "for", "against", "covering", "to"}
_RATE = re.compile(r"^(?:\d[\d.,]*|per|percent|cent|pc|%|-)$", re.I)


def measure_word(word: str) -> str | None:
    """The canonical measure word of ``word`` (a noun's lemma or form), or ``None``."""
    return MEASURE_WORDS.get(word.lower())


def _trade_word(token: Any) -> str | None:
    """"control" after "export" or "import" ("export controls"), "price" after "minimum" ("a minimum import
    price"), "fee" after a kind of fee ("a recycling fee"): measures only in these phrases."""
    canon = _AFTER_TRADE.get(token.lower_)
    if canon is None:
        return None
    before = {t.lower_ for t in token.lefts} | ({token.doc[token.i - 1].lower_} if token.i else set())
    want = {"minimum"} if canon == "minimum price" else _FEE_KINDS if canon == "fee" else {"export", "import", "trade"}
    return canon if before & want else None


def measure_kind(word: str) -> str:
    """The policy kind of a measure word: a tariff is a trade measure, a licence a licence …

    >>> measure_kind("surtax"), measure_kind("licence"), measure_kind("subsidy"), measure_kind("ban")
    ('trade-measure', 'licence', 'support-measure', 'regulation')
    """
    return {"licence": "licence", "subsidy": "support-measure", "ban": "regulation", "control": "regulation",
            "restriction": "regulation",
            "tax": "tax-change"}.get(word, "trade-measure")


def _word_of(token: Any) -> str | None:
    return measure_word(token.lemma_) or measure_word(token.lower_) or _trade_word(token)


def _head_of(token: Any) -> Any:
    """The noun that heads the measure phrase: the measure word itself, or the change noun it modifies
    ("levy" in "a levy rise" gives "rise"); ``None`` when the word only modifies another measure word."""
    if token.dep_ == "compound" or token.dep_ == "npadvmod" or (token.dep_ == "nmod" and token.head.i > token.i):
        head = token.head
        if head.lemma_.lower() in _CHANGE_NOUNS or head.lower_ in _FRAME_NOUNS:
            return None if head.dep_ in {"compound", "npadvmod"} and _word_of(head.head) else head
        if _word_of(head) is not None or head.lower_ == "free":
            return None  # "import tariff quota", "duty-free quota": the phrase's head is further right
    return token if token.pos_ in {"NOUN", "PROPN"} else None


def _inside(E: Any, token: Any, files: tuple[str, ...]) -> bool:
    return any(m.file in files and m.start <= token.idx < m.end for m in E.mentions)


def _left(head: Any, E: Any) -> list[Any] | None:
    """The kept words before the head, or ``None`` when the phrase refers back ("this surtax")."""
    doc = head.doc
    lefts = sorted((t for t in head.subtree if t.i < head.i), key=lambda t: t.i)
    # only the contiguous run of modifiers right before the head
    run: list[Any] = []
    for t in reversed(lefts):
        if t.i != (run[0].i if run else head.i) - 1:
            break
        run.insert(0, t)
    if any(t.lower_ in _ANAPHORIC for t in run) or (head.i > 0 and doc[head.i - 1].lower_ in _ANAPHORIC):
        return None
    while run:
        t = run[0]
        if t.text[0].isupper() and (t.ent_type_ or not t.is_sent_start) and t.dep_ not in {"det", "poss"} \
                and not _inside(E, t, ("organizations", "places")):
            break  # a proper name: "Reciprocal Access tariff"
        if t.dep_ in {"det", "predet", "poss", "case", "punct", "nummod", "quantmod", "advmod", "cc"} \
                or _RATE.match(t.text) or t.like_num or t.lemma_.lower() in _NOT_SCOPE \
                or _inside(E, t, ("organizations", "places")) \
                or (t.pos_ in {"ADJ", "VERB"} and t.lower_ not in _CLASSIFYING and "-" not in t.text) \
                or t.text in {"'s", "’s"}:
            run.pop(0)
            continue
        break
    return run


def _scope(head: Any, prep: Any = None) -> list[Any]:
    """The words of what the measure covers: "on all Korean-made trucks" (without "all"), "for battery packs"
    (``prep``: the preposition to read, when known)."""
    doc = head.doc
    prep = prep or next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in _SCOPE_PREPS), None)
    if prep is None:  # the parser hung the preposition on the verb: "impose a duty on X"
        nxt = max(t.i for t in head.subtree) + 1
        if nxt < len(doc) and doc[nxt].dep_ == "prep" and doc[nxt].lower_ in _SCOPE_PREPS \
                and doc[nxt].head.i in {a.i for a in head.ancestors}:
            prep = doc[nxt]
    if prep is None:
        return []
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() in _NOT_SCOPE or obj.ent_type_ in {"DATE", "TIME", "PERCENT", "MONEY"} \
            or prep.lower_ == "to" and (obj.ent_type_ or obj.like_num):
        return []  # "for six months", "raised to 35 %", "to Chile": no scope
    drop: set[int] = set()
    for c in obj.subtree:
        if c.dep_ in {"relcl", "acl", "appos", "advcl"} and c.i > obj.i or (
                c.dep_ == "prep" and any(g.ent_type_ in {"DATE", "TIME"} for g in c.subtree)):
            drop |= {g.i for g in c.subtree}
    if sum(1 for _ in obj.subtree) > 11:  # a long list: its first member only
        for c in obj.children:
            if c.dep_ in {"cc", "conj"} and c.i > obj.i:
                drop |= {g.i for g in c.subtree}
    words = [prep]
    for t in sorted(obj.subtree, key=lambda t: t.i):
        if t.i in drop or t.text in {",", ";", ":", "—", "–"}:
            break
        if t.i != words[-1].i + 1:
            break
        words.append(t)
    while len(words) > 1 and words[1].lower_ in {"all", "the", "a", "an", "any", "every"}:
        words.pop(1)
    while len(words) > 1 and words[-1].dep_ in {"cc", "punct", "prep", "det"}:
        words.pop()
    if len(words) < 2:
        return []
    last = words[-1]
    if not last.whitespace_ and last.i + 1 < len(doc) and doc[last.i + 1].text == "-":
        return []  # the parse cut a hyphenated word ("semi-assembled"): no scope rather than half a word
    return words if len(words) <= 12 else []


def _clause_scope(head: Any) -> tuple[str, list[Any]]:
    """What a measure covers when its clause names it elsewhere: the preposition of the verb that describes
    it ("duties imposed by X on Y" → "on Y"); the subject of "be subject to" ("Y will be subject to a duty" →
    "on Y"); the goods of "manage exports of Y under a licence system" (→ "for exports of Y"). Returns the
    preposition to name it with and the words after it (none: ``("", [])``)."""
    for acl in (c for c in head.rights if c.dep_ == "acl" and c.lemma_.lower() in _IMPOSE):
        prep = next((c for c in acl.rights if c.dep_ == "prep" and c.lower_ in {"on", "for", "against"}), None)
        if prep is not None:
            return "", _scope(acl, prep)
    gov = head.head if head.dep_ == "pobj" else None
    if gov is None:
        return "", []
    if gov.lower_ == "to" and gov.head.lower_ == "subject":
        verb = gov.head.head
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and not subj.pos_ == "PRON":
            return "on", _phrase(subj)
    if gov.lower_ in {"under", "through", "via", "with"}:
        flows = {"export", "import", "shipment", "sale"}
        obj = gov.head if gov.head.pos_ == "NOUN" and gov.head.lemma_.lower() in flows else \
            next((c for c in gov.head.children if c.dep_ == "dobj" and c.lemma_.lower() in flows), None)
        if obj is not None:
            return "for", _phrase(obj, gov)
    return "", []


#: verbs that put a measure on goods ("duties imposed by X on Y")
_IMPOSE = {"impose", "levy", "apply", "place", "slap", "charge", "introduce", "set", "announce", "propose"}


def _phrase(noun: Any, skip: Any = None) -> list[Any]:
    """A noun's words without its relative clauses, articles and quantifiers ("all scooters imported from X"),
    and without the phrase ``skip`` (the measure's own, "under a licence system")."""
    cut = {t.i for c in noun.children if c.dep_ in {"relcl", "appos"} or skip is not None and c.i == skip.i
           for t in c.subtree}
    words = [t for t in noun.subtree if t.i not in cut and t.dep_ not in {"det", "predet"}
             and t.lower_ not in {"all", "any", "every"}]
    while words and words[-1].dep_ in {"punct", "cc"}:
        words.pop()
    return words if 1 <= len(words) <= 12 else []


def tokens_text(tokens: list[Any]) -> str:
    """The text of a measure's words (tokens of the parse, in order, maybe with gaps), a capitalised common
    noun or adjective that opens the sentence in lower case.

    Parameters
    ----------
    tokens : list of spacy.tokens.Token

    Returns
    -------
    str
    """
    out = ""
    for i, t in enumerate(tokens):
        out += t.text + (t.whitespace_ if i + 1 < len(tokens) and tokens[i + 1].i == t.i + 1 else " ")
    out = out.strip()
    first = tokens[0] if tokens else None
    if first is not None and (first.is_sent_start or first.pos_ == "NOUN") and first.pos_ != "PROPN" \
            and first.text.istitle() and not first.ent_type_:
        out = out[:1].lower() + out[1:]  # a common noun that opens the sentence ("Exports of X …")
    return out


def _key(word: str, scope: list[Any], left: list[Any]) -> tuple[str, frozenset[str]]:
    stop = {"on", "for", "against", "covering", "of", "and", "from", "-", "the", "all"}
    words = {t.lemma_.lower() for t in scope if t.lemma_.lower() not in stop}
    if not words:
        words = {t.lemma_.lower() for t in left if t.text != "-"}
    return word, frozenset(words)


def measure_mentions(E: Any, doc: Any) -> None:
    """Propose the measures the parse names (new ``policies``); ``E.measures`` keeps every named occurrence."""
    E.measures = []
    keys: dict[tuple[str, frozenset[str]], str] = {}
    for token in doc:
        word = _word_of(token)
        if word is None or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        head = _head_of(token)
        if head is None or _inside(E, head, ("organizations", "places", "people", "vehicle_models")):
            continue
        if any(m.file == "policies" and not m.rule.startswith("measure:") and token.sent.start_char <= m.start
               < token.sent.end_char for m in E.new_meta.values()):
            continue  # the sentence names the measure by its proper name ("Regulation 2031/77"): that is the one
        left = _left(head, E)
        if left is None:
            continue
        scope = _scope(head)
        prep, more = ("", []) if scope else _clause_scope(head)
        # a change or regime of a classified measure names one ("the vehicle purchase tax exemption")
        named = any(t.text[0].isupper() or _word_of(t) for t in left if t.i != token.i) or head.i != token.i \
            and any(t.lower_ in _CLASSIFYING for t in left)
        if not scope and not more and not named:
            continue
        tokens = left + [head] + scope
        if head.i != token.i and token not in tokens:
            continue
        name = tokens_text(tokens) + (f" {prep} " if prep else " ") + tokens_text(more) if more else tokens_text(tokens)
        both = tokens + more
        s, e = min(t.idx for t in both), max(t.idx + len(t.text) for t in both)
        scope = scope or more
        key = _key(word, scope, left)
        rid = keys.get(key)
        if rid is None:
            rid = E._new_id(name, "policies")
            keys[key] = rid
            E.new[rid] = {"id": rid, "label": name, "kind": measure_kind(word)}
            E.new_meta[rid] = Mention(s, e, name, "policies", rid, False, measure_kind(word), f"measure:{word}", 0.6,
                                      name)
        elif name != E.new[rid]["label"] and name not in E.new[rid].setdefault("aliases", []):
            E.new[rid]["aliases"].append(name)
        E.measures.append(Mention(s, e, E.text[s:e], "policies", rid, False, measure_kind(word), f"measure:{word}",
                                  0.6, E.new[rid]["label"]))
