"""One-word company names the parser gives no entity label: found by what they do in the sentence.

A small statistical pipeline often leaves a short brand-like company name unlabelled ("Lyft", "Zeekr"), tagging
it a proper noun or even a common noun. Such a word is taken for an organisation when, in the article,

- it is written with a capital every time, never next to another capitalised word (a longer name, a person's
  full name) or inside a mention, at least once a proper noun, more than once or inside a sentence, and is no
  common English word (its lower-case form never occurs in the text, and it is not a month, a weekday or a country's
  adjective);
- at least one occurrence acts like a company: the subject of a verb of trade or speech ("X said", "X bought Y",
  "X plans to …"), or a name coordinated with an organisation ("Uber and X", "X and Baidu").

A surname of a person named in the article is left alone (it is the person's).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.name_people import HONORIFIC_RANK
from nevkg.ingest.extract.people_frames import _AFTER_OFFICE_LIST

__all__ = ["unnamed_companies"]

#: verbs whose subject is an actor of trade news (lemmas)
_ACTOR_VERBS = {"say", "tell", "announce", "plan", "aim", "expect", "sell", "buy", "acquire", "sign", "launch",
                "deploy", "operate", "offer", "build", "open", "invest", "partner", "agree", "export", "ship",
                "deliver", "produce", "make", "enter", "expand", "report", "post", "hire", "own", "hold", "run",
                "provide", "unveil", "start", "begin", "raise", "list", "seek", "want", "intend", "add", "confirm",
                "compete", "supply", "work", "team", "join", "rival", "form", "set", "have"}


#: the rest of a minister's title after the first word of its portfolio ("[Communications] and Works Minister")
_PORTFOLIO_BEFORE = re.compile(r"(?:,\s+[A-Z]\w+)*\s+(?:and|&)\s+[A-Z]\w+\s+(?:Minister|Secretary|Commissioner)\b")


def unnamed_companies(E: Any, doc: Any) -> None:
    """Propose as new organisations the one-word names of ``doc`` that act like companies (see the module)."""
    from nevkg.ingest.countries import DEMONYMS
    from nevkg.ingest.extract.periods import _MONTH_NUM

    by_word: dict[str, list[Any]] = {}
    for t in doc:
        if t.is_alpha and len(t.text) >= 3 and t.text[0].isupper() and not t.text.isupper() and t.pos_ in {
                "PROPN", "NOUN"} and not t.ent_type_:
            by_word.setdefault(t.text, []).append(t)
    lower = {t.lower_ for t in doc if t.text.islower()}
    people = {w for m in E.mentions if m.file == "people" for w in m.text.split()}
    weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    for word, toks in by_word.items():
        low = word.lower()
        if low in lower or low in _MONTH_NUM or low in weekdays or word in DEMONYMS or word in people \
                or HONORIFIC_RANK.fullmatch(word + " ") \
                or E.gaz.lookup(word) is not None or any(E.overlaps(t.idx, t.idx + len(t)) for t in toks):
            continue
        if len([m for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", E.text)]) != len(toks):
            continue  # also written inside a longer token ("Word-based") or tagged otherwise
        if any(re.search(_AFTER_OFFICE_LIST, E.text[max(0, t.idx - 80):t.idx]) for t in toks) or any(
                _PORTFOLIO_BEFORE.match(E.text, t.idx + len(word)) for t in toks):
            continue  # a portfolio ("NAME, Minister of Commerce, Industry and …", "Communications and Works
            # Minister NAME"), not a company
        if any(_in_longer_name(t) for t in toks) or not any(_acts(t, E) for t in toks) or not any(
                t.pos_ == "PROPN" for t in toks) or len(toks) < 2 and toks[0].is_sent_start or re.search(
                rf"[A-Z][\w'’-]*\s+{re.escape(word)}\b|\b{re.escape(word)}\s+[A-Z]", E.text):
            continue  # (a word seen only opening sentences, or also in a longer name: "Anna Word", "Word Group")
        rid = E._new_id(word, "organizations")
        first = toks[0]
        rec = {"id": rid, "label": word, "kind": "company"}
        E._add_new(rec, Mention(first.idx, first.idx + len(word), word, "organizations", rid, False, "company",
                                "actor-word", 0.5, word))
        for t in toks[1:]:
            E.add(Mention(t.idx, t.idx + len(word), word, "organizations", rid, False, "company", "actor-word", 0.5,
                          word))


def _in_longer_name(t: Any) -> bool:
    """The word stands next to another capitalised word of the same name ("Lyft Media", "New Lyft")."""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    prev = doc[t.i - 1] if t.i > 0 else None
    return bool(nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and nxt.pos_ == "PROPN"
                or prev is not None and prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start
                and prev.pos_ == "PROPN")


def _acts(t: Any, E: Any) -> bool:
    """The occurrence is the subject of an actor's verb, or coordinated with an organisation."""
    if t.dep_ in {"nsubj", "nsubjpass"} and t.head.lemma_.lower() in _ACTOR_VERBS:
        return True
    if t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children):
        pair = [t.head] if t.dep_ == "conj" else [c for c in t.children if c.dep_ == "conj"]
        return any(m.file == "organizations" for p in pair for m in E.overlaps(p.idx, p.idx + len(p)))
    return False
