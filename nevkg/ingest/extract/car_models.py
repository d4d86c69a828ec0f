"""Carmakers and their vehicle models: "Maker Model" after a known maker or brand, and one record per model.

A maker or brand (a known carmaker or brand, or a name of :data:`~nevkg.ingest.makers.MAKERS`) followed by a
model name names a model of it: a proper noun ("a Honda Jazz-sized hatchback", "the Opel Astra"), a
code of letters and digits ("Xpeng G6", "Kia EV9"), or several such words ("BYD Atto 3", "BYD Seal U DM-i",
"Tesla Model Y"). Words that continue a company's name instead ("Nissan Motor", "BYD Europe", "Tesla CEO",
"BYD Szeged Factory") do not. The model gets its maker; the maker named inside the model's name is a
mention of its own (it is named there: "the Opel Astra is built in X" says where Opel builds), proposed as a
new carmaker or brand when unknown. A name of the list that the parse typed as a place or a person is an
organisation.

A code the parse left untagged ("the EV5", "its G6 SUV") in a sentence naming a carmaker is a model (its maker
is chosen from the sentence later). "Leapmotor B10" and "B10" in one article are one model. A name right
before "platform" or "architecture" is a platform: it is proposed (the reviewer files it), with no maker guessed.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import span_at

__all__ = ["maker_models"]

#: words that continue a company's, a site's or a person's title rather than name a model
_NOT_MODEL = {
    "motor", "motors", "auto", "automobile", "automobiles", "automotive", "group", "holding", "holdings",
    "international", "global", "corporation", "corp", "company", "co", "ltd", "inc", "limited", "ag", "gmbh", "sa",
    "plc", "nv", "technology", "technologies", "energy", "mobility", "finance", "financial", "bank", "capital",
    "ventures", "partners", "research", "design", "team", "board", "unit", "division", "brand", "brands", "models",
    "cars", "car", "vehicles", "vehicle", "electric", "new", "plant", "factory", "works", "centre", "center", "hub",
    "campus", "site", "chairman", "ceo", "cfo", "cto", "president", "chief", "executive", "director", "founder",
    "vice", "head", "spokesman", "spokeswoman", "spokesperson", "boss", "officials", "dealers", "dealer", "shares",
    "stock", "said", "says", "the", "and", "of", "in", "on", "for", "to", "a", "an", "is", "was", "has", "will",
    "europe", "asia", "africa", "america", "americas", "latam", "do", "de", "da", "uk", "us", "usa", "eu", "ev", "evs",
    "nev", "nevs", "suv", "suvs", "sales", "exports", "production", "share", "logistics", "parts", "battery",
    "batteries", "show", "expo", "day", "week", "china", "chinese", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "dm", "india", "brasil", "brazil", "mexico", "thailand", "turkey",
    "news", "daily", "times", "post", "media", "magazine", "review", "journal", "weekly", "today", "online",
    "insider", "report", "club", "foundation", "academy", "university", "institute", "association"}
#: words that end a site's or a company's name ("X Y Factory" is no model "X Y")
_LONGER_NAME = {"factory", "plant", "works", "site", "centre", "center", "hub", "campus", "group", "motor", "motors",
                "auto", "holding", "holdings", "international", "global", "corporation", "company", "ltd", "inc",
                "limited", "technology", "technologies", "automotive", "automobile", "mobility", "energy"}
_CODE = r"[A-Z]{1,3}\d{1,3}[A-Za-z]{0,3}|[A-Z][A-Za-z]*\d+[A-Za-z]*"
_WORD = rf"(?:(?:{_CODE}|i[A-Z][A-Za-z0-9]*|ID\.\d|[A-Z][A-Za-z]+)\b)"
_MORE = r"(?:[ ](?:DM-[ipP]\b|\d{1,3}(?:\.\d)?[A-Za-z]?\b|[A-Z][A-Za-z]*\d*[A-Za-z]*|[A-Z]{1,3}\d{0,3}))"
_PLATFORM = re.compile(r"\s+(?:platform|architecture|chassis|skateboard)\b", re.I)
_MODEL_AFTER = re.compile(rf"[ ](?P<model>{_WORD}{_MORE}{{0,3}})(?![\w.]*\s*(?:Motors?|Group|Co\.|Ltd|Inc)\b)")


def _makers(E: Any) -> list[tuple[int, int, str, str, str | None]]:
    """Every maker or brand named in the text: (start, end, name, id, kind); id is empty when unknown yet. A known
    carmaker or brand, or a name of the list; not a new name that only ends in "Motors" or "Auto"."""
    from nevkg.ingest.makers import MAKERS

    out: dict[tuple[int, int], tuple[int, int, str, str, str | None]] = {}
    for m in E.mentions:
        if m.file == "organizations" and (m.known and (m.kind or "") in {"automaker", "brand"} or m.text in MAKERS
                                          or E.new.get(m.id, {}).get("label") in MAKERS):
            out[(m.start, m.end)] = (m.start, m.end, m.text, m.id, m.kind)
    rx = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(n) for n in sorted(MAKERS, key=len, reverse=True))
                    + r")(?![\w\-])")
    for x in rx.finditer(E.text):
        if (x.start(), x.end()) in out or any(m.file != "vehicle_models" and m.start <= x.start() < m.end
                                              and (m.known or m.start < x.start()) for m in E.mentions):
            continue
        out[(x.start(), x.end())] = (x.start(), x.end(), x.group(0), "", MAKERS[x.group(0)])
    return sorted(out.values())


#: a body type after a model's name ("Chery's Tiggo hatchback"): the possessive form names a model only so, or
#: with a code ("Chery's Tiggo 4 Pro"), never a place or a unit ("BYD's Szeged plant", "Geely's Zeekr unit")
_BODY_AFTER = re.compile(r"\s+(?:(?:all-|fully\s+)?electric\s+|plug-in\s+(?:hybrid\s+)?|hybrid\s+)?(?:SUV|sedan|"
                         r"saloon|hatchback|pickup|pick-up|crossover|MPV|minivan|coupe|estate|wagon|shooting\s+brake)"
                         r"s?\b", re.I)


def _model_words(E: Any, doc: Any, end: int) -> tuple[int, int] | None:
    """The span of a model's name right after a maker ending at ``end`` ("BYD Atto 3", or "Chery's Tiggo 4 Pro"
    with a code or a body type after it), or ``None``."""
    poss = re.match(r"['’]s(?= )", E.text[end:end + 3])
    m = _MODEL_AFTER.match(E.text, end + 2 if poss else end)
    if m is None:
        return None
    words = m.group("model").split(" ")
    while words and words[-1].lower() in _NOT_MODEL and not (words[-1] == "EV" and len(words) > 1):
        if words[-1].lower() in _LONGER_NAME:
            return None  # "BYD Szeged Factory", "Kia Slovakia Group": a site's or a company's name
        words.pop()  # "MG Windsor EV" keeps its "EV": the name is written so
    if not words or words[0].lower() in _NOT_MODEL or words[0] == "Model" and len(words) == 1:
        return None
    from nevkg.ingest.countries import COUNTRIES, DEMONYMS
    from nevkg.ingest.makers import MAKERS

    first = words[0]
    if first in COUNTRIES or first in DEMONYMS or first in MAKERS or E.gaz.lookup(first, ("places", "organizations",
                                                                                      "people")) is not None:
        return None
    s = m.start("model")
    e = s + len(" ".join(words))
    token = doc[span_at(doc, s, s + len(first)).start] if doc is not None else None
    coded = bool(re.search(r"\d", " ".join(words)))
    if not coded and (token is None or token.pos_ not in {"PROPN", "NOUN"} or token.ent_type_ in {"GPE", "PERSON",
                                                                                                "DATE"}):
        return None  # a word, not a name: "BYD said", "Nissan plans" (a capitalised noun is a name: "Jazz")
    if any(k.start < e and s < k.end and k.file in {"places", "people"} and k.known for k in E.mentions):
        return None
    if poss and not coded and not _BODY_AFTER.match(E.text, e):
        return None
    return s, e


def maker_models(E: Any, doc: Any) -> None:
    """Models named after their maker, the makers inside them, and makers of the list typed as something else."""
    from nevkg.ingest.countries import COUNTRIES
    from nevkg.ingest.extract.ner import _propose, retype
    from nevkg.ingest.makers import MAKERS

    for rid, rec in list(E.new.items()):  # a maker of the list the parse called a place or a person
        meta = E.new_meta[rid]
        if rec.get("label") in MAKERS and meta.file in {"places", "people", "organizations"}:
            if meta.file != "organizations":
                retype(E, rid, "organizations", MAKERS[rec["label"]])
            rec["kind"] = MAKERS[rec["label"]]
            for k in E.mentions:
                if k.id == rid:
                    k.kind = rec["kind"]
    for ms, me, name, mid, kind in _makers(E):
        span = _model_words(E, doc, me)
        if span is None:
            continue
        s, e = (span[0] if E.text[me:me + 1] in "'’" else ms), span[1]  # "Chery's Tiggo": the model alone
        label = E.text[s:e]
        clash = [k for k in E.mentions if k.start < e and s < k.end and (k.start, k.end) != (ms, me)]
        if any(k.end > e or k.start < s or k.known and k.file != "vehicle_models" for k in clash):
            continue  # part of a longer name ("BYD Szeged Factory")
        if s == ms and label.rsplit(" ", 1)[-1] in COUNTRIES and not any(k.known for k in clash):
            for k in [k for k in E.mentions if ms <= k.start and k.end <= e]:
                E.forget(k)  # "the Hyundai Trans Kazakhstan plant": the maker's partner or arm there, no model
            _propose(E, "organizations", "company", label, s, e, "maker-arm")
            continue
        same = next((k for k in clash if (k.start, k.end) == (s, e)), None)
        maker = _maker_mention(E, ms, me, name, mid, kind)
        if same is not None and same.file == "vehicle_models":
            if same.id in E.new and maker:
                E.new[same.id].setdefault("maker", maker)
            continue
        if same is not None and not same.known and same.id in E.new:
            retype(E, same.id, "vehicle_models", "")
            E.new[same.id].pop("kind", None)
            if maker:
                E.new[same.id]["maker"] = maker
            for k in E.mentions:
                if k.id == same.id:
                    k.kind = None
            continue
        for k in clash:
            E.mentions.remove(k)
        known = E.gaz.lookup(label, ("vehicle_models",))
        if known is not None:
            E.mentions.append(Mention(s, e, label, "vehicle_models", known.id, True, None, "maker-model", 0.8,
                                      known.label))
            continue
        rid = next((r for r, rec in E.new.items() if rec.get("label") == label), None) or \
            E._new_id(label, "vehicle_models")
        mention = Mention(s, e, label, "vehicle_models", rid, False, None, "maker-model", 0.6, label)
        if rid not in E.new:
            E.new[rid] = {"id": rid, "label": label}
            E.new_meta[rid] = mention
        E.mentions.append(mention)  # beside its maker's mention (``add`` would drop that)
        if maker is not None:
            E.new[rid]["maker"] = maker
    if doc is not None:
        _coded_models(E, doc)
        _platforms(E)
    _trim_body_words(E)
    _merge_short_forms(E)
    _names_cut_before_code(E)
    for rid, rec in E.new.items():  # "the X platform", "its Y architecture": not a model, no maker to guess
        if E.new_meta[rid].file == "vehicle_models" and any(
                k.id == rid and _PLATFORM.match(E.text, k.end) for k in E.mentions):
            rec["platform"] = True


def _maker_mention(E: Any, s: int, e: int, name: str, mid: str, kind: str | None) -> str | None:
    """The maker named at the start of a model's name, a mention of its own; its id (proposed when new)."""
    from nevkg.ingest.extract.linking import link

    if not mid:
        known = link(name, E.gaz, ("organizations",), fuzzy=False)
        mid = known.id if known is not None else next(
            (r for r, rec in E.new.items() if rec.get("label") == name and E.new_meta[r].file == "organizations"), "")
        if not mid:
            mid = E._new_id(name, "organizations")
            E.new[mid] = {"id": mid, "label": name, "kind": kind or "automaker"}
            E.new_meta[mid] = Mention(s, e, name, "organizations", mid, False, kind, "maker-of-model", 0.6, name)
        label = known.label if known is not None else name
        E.mentions.append(Mention(s, e, name, "organizations", mid, known is not None, kind, "maker-of-model", 0.7,
                                  label))
    return mid


def _merge_short_forms(E: Any) -> None:
    """"Leapmotor B10" and "B10" are one model: the shorter name becomes an alias of the maker-and-model one's
    record (its full name, as a model is listed)."""
    models = {rid: rec for rid, rec in E.new.items() if E.new_meta[rid].file == "vehicle_models"}
    by_label = {rec["label"]: rid for rid, rec in models.items()}
    for rid, rec in list(models.items()):
        parts = rec["label"].split(" ", 1)
        short = by_label.get(parts[1]) if len(parts) == 2 else None
        if short is None or short == rid or short not in E.new:
            continue
        for k in E.mentions:
            if k.id == short:
                k.id = rid
        gone = E.new[short]
        rec["aliases"] = sorted({*rec.get("aliases", []), gone["label"], *gone.get("aliases", [])} - {rec["label"]})
        if gone.get("maker") and not rec.get("maker"):
            rec["maker"] = gone["maker"]
        del E.new[short]
        del E.new_meta[short]


def _names_cut_before_code(E: Any) -> None:
    """A new name the parser cut before a model's code ("Nova" of "Nova 7 goes on sale", where "Nova 7" is a model
    elsewhere in the text) names that model, not a place or a company."""
    models = {rec["label"]: rid for rid, rec in E.new.items() if E.new_meta[rid].file == "vehicle_models"}
    for k in list(E.mentions):
        code = re.match(r" [A-Z]?\d+[A-Za-z+]*\b", E.text[k.end:k.end + 8])
        if k.known or k.file == "vehicle_models" or k.id not in E.new or code is None \
                or k.text + code.group(0) not in models:
            continue
        rid = models[k.text + code.group(0)]
        E.forget(k)
        E.mentions.append(Mention(k.start, k.end + len(code.group(0)), k.text + code.group(0), "vehicle_models", rid,
                                  False, None, "model-code", 0.5, E.new[rid]["label"]))


#: a model's code on its own ("the EV5", "its G6"): letters then digits
_CODED = re.compile(rf"(?:{_CODE})")
_MODEL_NOUNS = {"suv", "sedan", "hatchback", "mpv", "pickup", "crossover", "model", "coupe", "wagon", "minivan",
                "ev", "van", "saloon", "estate", "roadster", "hybrid", "version", "variant"}


def _coded_models(E: Any, doc: Any) -> None:
    """A code of letters and digits the parse left untagged ("the EV5", "its G6 SUV") in a sentence that names a
    carmaker or brand is one of its models (the maker is chosen later, from the sentence)."""
    from nevkg.ingest.extract.vocab import DOMAIN_ABBREVIATIONS
    from nevkg.ingest.makers import MAKERS

    for t in doc:
        if not _CODED.fullmatch(t.text) or t.text.upper() in DOMAIN_ABBREVIATIONS or t.like_num \
                or any(m.start <= t.idx < m.end for m in E.mentions):
            continue
        prev = doc[t.i - 1] if t.i > 0 else None
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        cued = prev is not None and (prev.lower_ in {"the", "its", "their", "new", "a", "an"}
                                     or prev.text in {"'s", "’s"}) \
            or nxt is not None and nxt.lemma_.lower() in _MODEL_NOUNS
        if not cued or t.dep_ == "compound" and t.head.lemma_.lower() not in _MODEL_NOUNS \
                or re.match(r"\s*(?:GWh|kWh|MW|GW|km|%)", E.text[t.idx + len(t.text):]):
            continue  # "the G20 meeting", "a 40 GWh line"
        sent = t.sent
        if not any(m.file == "organizations" and sent.start_char <= m.start < sent.end_char
                   and ((m.kind or "") in {"automaker", "brand"} and m.known or m.text in MAKERS) for m in E.mentions):
            continue
        s, e = t.idx, t.idx + len(t.text)
        rid = next((r for r, rec in E.new.items() if rec.get("label") == t.text
                    and E.new_meta[r].file == "vehicle_models"), None)
        mention = Mention(s, e, t.text, "vehicle_models", rid or "", False, None, "coded-model", 0.5, t.text)
        if rid is None:
            rid = mention.id = E._new_id(t.text, "vehicle_models")
            E.new[rid] = {"id": rid, "label": t.text}
            E.new_meta[rid] = mention
        E.mentions.append(mention)


_PLATFORM_NAME = re.compile(r"(?<![\w\-])(?P<name>[A-Z][A-Za-z0-9\-]*(?:[ ](?:[A-Z][A-Za-z0-9\-]*|\d+(?:\.\d+)?)){0,3})"
                            r"\s+(?:platform|architecture)\b")


def _platforms(E: Any) -> None:
    """"the X platform", "its Y architecture": a platform, proposed for the reviewer to file (no maker guessed);
    a maker's name in front stays the maker's mention ("Geely SEA architecture" → SEA)."""
    from nevkg.ingest.makers import MAKERS

    for m in _PLATFORM_NAME.finditer(E.text):
        s, name = m.start("name"), m.group("name")
        words = name.split(" ")
        while words and (words[0] in MAKERS or words[0].lower() in _NOT_MODEL or E.gaz.lookup(words[0]) is not None):
            s += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        e = s + len(name)
        if re.fullmatch(r"[A-Z][a-z\-]+", name) and re.search(r"(?:^|[.!?]\s+|\n)\s*[\"“]?$", E.text[max(0, s - 4):s]):
            continue  # a common word opening a sentence ("Ride-hailing platform X"): a description, no name
        if not name or any(k.start < e and s < k.end and k.file != "vehicle_models" for k in E.mentions) \
                or any((k.start, k.end) == (s, e) for k in E.mentions):
            continue
        rid = E._new_id(name, "vehicle_models")
        mention = Mention(s, e, name, "vehicle_models", rid, False, None, "platform-name", 0.45, name)
        E.new[rid] = {"id": rid, "label": name, "platform": True}
        E.new_meta[rid] = mention
        E.mentions.append(mention)


_BODY_WORD = re.compile(r"[ ](?:SUVs?|sedans?|MPVs?|pickups?|hatchbacks?|crossovers?|coupes?|models?)$", re.I)


def _trim_body_words(E: Any) -> None:
    """A model's name without the body style the parse took into it: "Q9 SUV" is the Q9."""
    from nevkg.ingest.extract.ner import relabel

    for rid, rec in list(E.new.items()):
        if E.new_meta[rid].file != "vehicle_models" or not _BODY_WORD.search(rec["label"]):
            continue
        label = _BODY_WORD.sub("", rec["label"])
        if not re.search(r"\d|[A-Z]", label):
            continue
        for k in [E.new_meta[rid], *(k for k in E.mentions if k.id == rid)]:
            if k.text.endswith(k.text[len(label):]) and k.text.startswith(label):
                k.end, k.text, k.label = k.start + len(label), label, label
        meta = E.new_meta[rid]
        meta.id = relabel(E, rid, label, "vehicle_models")  # ("xingfan-5", not "xingfan-5-suv")
