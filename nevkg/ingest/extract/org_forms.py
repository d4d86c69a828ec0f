"""Organisations in forms the parse misses or merges: a company's local arm, lists, place adjectives; government
bodies named in lower case are :mod:`.gov_forms`.

Arms
    An organisation or carmaker followed by a country or region ("Velmo Group Europe", "Renault Mexico",
    "Volkswagen do Brasil", "Kia de México"; not "X of China") names its local arm: an organisation of its own
    whose parent is the one it is named after, unless the text says who owns it ("… is 51 % owned by X": the
    stake rules set the parent then). "X International", "X Global" and "X Overseas" are X itself, except where
    the text says they are owned by someone, a joint venture or a subsidiary: then they are an organisation of
    their own. A name the parse typed as a model, person or place ("Stellantis Brasil") is retyped so.
Listed organisations
    A capitalised name in a list of organisations ("partners include A Motors, B Group, Cleary, and D Ltd") is
    an organisation too, when more of the list's names are organisations than anything else (at least two) and
    the others are new names the parse typed as places or people (the places become organisations too). Two
    names of the list the parse joined across a comma are two organisations.
Adjectives of places
    A new organisation's or site's name that starts with a place's adjective ("South American Research Centre",
    "Brazilian Vehicle Federation") names that place too (a mention kept aside, not a relation end).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import IN_CLAUSE

__all__ = ["org_forms"]

_REGIONS = {"Europe", "Asia", "Asia Pacific", "Asia-Pacific", "Latin America", "North America", "South America",
            "Middle East", "Africa", "Americas", "Oceania", "ASEAN", "Southeast Asia", "Central Asia"}
_GLOBAL = {"International", "Global", "Overseas"}
#: what says who owns a company, right after its name
_OWNED = re.compile(r"^" + IN_CLAUSE + r"{0,40}?\b(?:owned|controlled|held)\s+by\b|^" + IN_CLAUSE
                    + r"{0,30}?\b(?:joint[\s-]venture|subsidiary|unit\s+of|arm\s+of|affiliate)\b", re.I)
def org_forms(E: Any) -> None:
    """Add arms, government bodies and listed organisations to the mentions of ``E`` (an ``_Entities``)."""
    from nevkg.ingest.extract.gov_forms import gov_forms

    _listed(E)
    _leading_demonyms(E)
    _arms(E)
    gov_forms(E)
    seen: set[tuple[int, int, str]] = set()
    inner = []
    for k in E.inner:  # a name kept aside twice is kept once
        if (k.start, k.end, k.id) not in seen:
            seen.add((k.start, k.end, k.id))
            inner.append(k)
    E.inner[:] = inner


def _country_of_word(E: Any, word: str | None) -> str | None:
    """The country a name or adjective names ("Thailand", "Thai"), as a known or new place id."""
    from nevkg.ingest.countries import DEMONYMS

    return E.country_id(DEMONYMS.get(word, word)) if word else None


def _put(E: Any, s: int, e: int, rec: dict[str, Any], rule: str, conf: float = 0.6) -> Mention:
    """A new organisation's mention at ``text[s:e]``; the known names inside it stay mentions aside."""
    inside = [k for k in E.mentions if s <= k.start and k.end <= e]
    E.inner.extend(k for k in inside if k.known)
    mention = Mention(s, e, E.text[s:e], "organizations", rec["id"], False, rec.get("kind"), rule, conf,
                      rec["label"])
    if rec["id"] not in E.new:
        E.new[rec["id"]] = rec
        E.new_meta[rec["id"]] = mention
    swallowed = {k.id for k in E.overlaps(s, e) if not k.known and k.id != rec["id"]}
    E.add(mention)
    for rid in swallowed:  # a new name cut from this one ("Commerce" of "Commerce ministry") goes with it
        if rid in E.new and E.new_meta[rid].file == "organizations" and not any(k.id == rid for k in E.mentions):
            del E.new[rid], E.new_meta[rid]
    return mention


def org_record(E: Any, name: str, kind: str) -> dict[str, Any]:
    """The new organisation record labelled ``name``, or a fresh one of ``kind`` (its id never a known record's),
    for :func:`_put`."""
    rid = next((r for r, rec in E.new.items() if rec.get("label") == name), None) or E._new_id(name, "organizations")
    return E.new.get(rid) or {"id": rid, "label": name, "kind": kind}


# ------------------------------------------------------------------------------------------------- arms
def _arms(E: Any) -> None:
    from nevkg.ingest.countries import COUNTRIES
    from nevkg.ingest.makers import MAKERS

    places = "|".join(re.escape(n) for n in sorted([*COUNTRIES, *_REGIONS, "Brasil", "México"], key=len, reverse=True))
    tail = re.compile(rf"[ ](?:(?:do|de|da)[ ])?(?P<place>{places}|(?P<glob>International|Global|Overseas))"
                      rf"(?![\w\-])(?![ ][A-Z&])")
    owners = [m for m in sorted(E.mentions, key=lambda m: m.start) if m.file == "organizations"]
    makers = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(n) for n in sorted(MAKERS, key=len, reverse=True))
                        + r")(?=[ ])")
    for x in makers.finditer(E.text):  # a carmaker of the list that no mention covers yet ("Renault Mexico")
        if not any(k.start < x.end() and x.start() < k.end for k in E.mentions) and tail.match(E.text, x.end()):
            owners.append(_maker_org(E, x.start(), x.end()))
    for m in owners:
        x = tail.match(E.text, m.end)
        if x is None or m not in E.mentions:
            continue
        owned = bool(_OWNED.match(E.text[x.end():x.end() + 80]))
        if x.group("glob") and not owned:
            continue  # "X International" is X itself
        _arm(E, m, m.start, x.end(), None if owned else m.id)
    _named_arms(E, places)
    for m in list(E.mentions):  # "X International" already linked to X: an organisation of its own when owned
        if m.file != "organizations" or not re.search(r"[ ](?:International|Global|Overseas)$", m.text) \
                or m not in E.mentions or not _OWNED.match(E.text[m.end:m.end + 80]):
            continue
        head = m.text.rsplit(" ", 1)[0]
        if E.new.get(m.id, {}).get("label") == m.text:
            _unshorten(E, m.id, head)  # "X" alone is not the owned "X International"
            continue
        parent = next((k for k in E.mentions if k.file == "organizations" and k.text == head), None)
        _arm(E, parent or m, m.start, m.end, None)


def _unshorten(E: Any, rid: str, head: str) -> None:
    """Mentions of ``head`` taken for short forms of the arm ``rid`` name an organisation of their own."""
    from nevkg.ingest.makers import MAKERS

    shorts = [k for k in E.mentions if k.id == rid and k.text == head]
    if not shorts:
        return
    aliases = E.new[rid].get("aliases") or []
    if head in aliases:
        aliases.remove(head)
    pid = _org_named(E, head) if _org_named(E, head) != rid else None
    if pid is None:
        pid = E._new_id(head, "organizations")
        E.new[pid] = {"id": pid, "label": head, "kind": MAKERS.get(head, "company")}
        E.new_meta[pid] = shorts[0]
    for k in shorts:
        k.id, k.label, k.rule, k.kind = pid, head, "name", E.new.get(pid, {}).get("kind", k.kind)


def _named_arms(E: Any, places: str) -> None:
    """A new name the parse typed as a model, a person or a place that is an organisation's name then a country's
    ("Stellantis Brasil", "Kia de México") is that organisation's arm."""
    from nevkg.ingest.extract.ner import retype
    from nevkg.ingest.makers import MAKERS

    rx = re.compile(rf"(?P<p>.+?)[ ](?:(?:do|de|da)[ ])?(?:{places})")
    for rid, rec in list(E.new.items()):
        meta = E.new_meta[rid]
        x = rx.fullmatch(rec.get("label", ""))
        if x is None or meta.file not in {"organizations", "vehicle_models", "people", "places"} or rec.get("parent"):
            continue
        head = x.group("p")
        pid = _org_named(E, head)
        if pid is None and head in MAKERS:
            pid = _maker_org(E, meta.start, meta.start + len(head)).id
            E.mentions.remove(E.mentions[-1])
            E.inner.append(E.new_meta.get(pid) or Mention(meta.start, meta.start + len(head), head, "organizations",
                                                          pid, True, MAKERS[head], "maker-list", 0.7, head))
        if pid is None or pid == rid:
            continue
        if meta.file != "organizations":
            retype(E, rid, "organizations", "company")
        rec["kind"] = rec.get("kind") if meta.file == "organizations" else "company"
        if not _OWNED.match(E.text[meta.end:meta.end + 80]):
            rec["parent"] = pid


def _org_named(E: Any, name: str) -> str | None:
    """The organisation ``name`` names in this article: a mention by that name, a known record, or a new one
    whose name without its corporate words is that name ("Renault" → "Renault Group")."""
    from nevkg.ingest.extract.linking import STRIP_FOR_HEAD, link

    hit = next((k.id for k in E.mentions if k.file == "organizations" and k.text == name), None)
    if hit is not None:
        return hit
    known = link(name, E.gaz, ("organizations",), fuzzy=False)
    if known is not None:
        return known.id
    return next((r for r, o in E.new.items() if E.new_meta[r].file == "organizations" and name in {
        o.get("label"), STRIP_FOR_HEAD.sub("", o.get("label", ""))}), None)


def _maker_org(E: Any, s: int, e: int) -> Mention:
    """A mention of the carmaker of the list named at ``text[s:e]`` (known, or proposed)."""
    from nevkg.ingest.extract.linking import link
    from nevkg.ingest.makers import MAKERS

    name = E.text[s:e]
    known = link(name, E.gaz, ("organizations",), fuzzy=False)
    if known is not None:
        mention = Mention(s, e, name, "organizations", known.id, True, known.kind, "maker-list", 0.7, known.label)
    else:
        rid = next((r for r, rec in E.new.items() if rec.get("label") == name), None) or \
            E._new_id(name, "organizations")
        mention = Mention(s, e, name, "organizations", rid, False, MAKERS[name], "maker-list", 0.6, name)
        if rid not in E.new:
            E.new[rid] = {"id": rid, "label": name, "kind": MAKERS[name]}
            E.new_meta[rid] = mention
    E.mentions.append(mention)
    return mention


def _arm(E: Any, parent: Mention, s: int, e: int, parent_id: str | None) -> None:
    """Propose the arm named ``text[s:e]`` (parent ``parent_id`` when its name alone says so)."""
    label = E.text[s:e]
    rid = next((r for r, rec in E.new.items() if rec.get("label") == label), None) or E._new_id(label,
                                                                                              "organizations")
    rec = E.new.get(rid) or {"id": rid, "label": label, "kind": "company"}
    if parent_id and parent_id != rid:
        rec.setdefault("parent", parent_id)
    for k in [k for k in E.mentions if k.start < e and s < k.end and k is not parent]:
        if k.known:
            E.inner.append(k)
    _put(E, s, e, rec, "arm-of-org", 0.6)
    if parent.start == s and parent.end < e and parent.id != rid:
        E.inner.append(parent)  # the parent's name inside the arm's stays a mention of the article
    for m in re.finditer(rf"(?<![\w]){re.escape(label)}(?![\w])", E.text):
        if not any(k.id == rid and k.start == m.start() for k in E.mentions):
            for k in [k for k in E.mentions if k.start < m.end() and m.start() < k.end]:
                E.mentions.remove(k)
            E.mentions.append(Mention(m.start(), m.end(), label, "organizations", rid, False, rec["kind"],
                                      "arm-of-org", 0.6, label))


_ITEM = r"[A-Z][\w&'’\-]*(?:[ ][A-Z][\w&'’\-]*){0,3}"
_LIST = re.compile(rf"{_ITEM}(?:,[ ]{_ITEM}){{1,}},?[ ](?:and|or)[ ]{_ITEM}|{_ITEM}(?:,[ ]{_ITEM}){{2,}}")


def _listed(E: Any) -> None:
    """Untagged names in a list of organisations are organisations (never an honorific: "…, NADDC, Mr. NAME")."""
    from nevkg.ingest.extract.name_people import HONORIFIC_RANK
    from nevkg.ingest.extract.vocab import LEAD_STOP

    for x in _LIST.finditer(E.text):
        _split_joined(E, x.start(), x.end())
        if _PORTFOLIO_AFTER.match(E.text, x.end()) or re.search(r"\b(?:Minister|Secretary)\b", x.group(0)) or \
                _PORTFOLIO_BEFORE.search(E.text, max(0, x.start() - 20), x.start()):
            continue  # "Investment, Trade and Industry Minister": a portfolio of several fields, no companies
        items = [(i.start() + x.start(), i.end() + x.start()) for i in re.finditer(_ITEM, x.group(0))]
        items = [(a, b) for a, b in items if E.text[a:b] not in {"And", "Or"}]
        kinds, overs = [], []
        for a, b in items:
            over = [k for k in E.mentions if k.start < b and a < k.end]
            overs.append(over)
            kinds.append({k.file for k in over} or {None})
        orgs = len({k.id for o, kind in zip(overs, kinds, strict=True) if kind == {"organizations"} for k in o})
        # (distinct organisations: "X Council, XC, Mr. NAME" names one, then a person)
        others = [o for o in overs if o and any(k.file != "organizations" for k in o)]
        if orgs < 2 or orgs <= len(others) or any(k.known or not k.rule.startswith("ner:") for o in others
                                                   for k in o if k.file != "organizations"):
            continue  # a list of places or people, or one the parse is sure of
        from nevkg.ingest.extract.ner import retype

        for o in others:  # a name of the list the parse took for a place (a person's name stays a person's)
            for k in o:
                if k.id in E.new and E.new_meta[k.id].file == "places":
                    retype(E, k.id, "organizations", "company")
        for (a, b), k in zip(items, kinds, strict=True):
            name = E.text[a:b]
            if k != {None} or name.lower() in LEAD_STOP or name.isupper() and len(name) <= 3 \
                    or HONORIFIC_RANK.fullmatch(name + " ") or E.gaz.lookup(name) is not None:
                continue
            _put(E, a, b, org_record(E, name, "company"), "listed-org", 0.5)


#: the words around a portfolio of several fields ("Investment, Trade and Industry Minister", "the Ministry of
#: Economy, Trade and Industry"): one name, never a list of companies
_PORTFOLIO_AFTER = re.compile(r"\s+(?:Minister|Ministry|Secretary|Department|Committee|Commission)\b")
_PORTFOLIO_BEFORE = re.compile(r"\b(?:Ministry|Department|Minister|Secretary|Committee)\s+(?:of|for)\s+(?:the\s+)?$")


def _split_joined(E: Any, s: int, e: int) -> None:
    """A new name of the parse that spans a comma of a list ("Riverside, Castell Group") is two names: the
    joined record is dropped, each part is proposed on its own."""
    for k in [k for k in E.mentions if s <= k.start and k.end <= e and ", " in k.text and not k.known
              and k.file == "organizations" and k.rule.startswith("ner:") and not _PORTFOLIO_AFTER.match(E.text, k.end)
              and not _PORTFOLIO_BEFORE.search(E.text, max(0, k.start - 20), k.start)]:
        E.forget(k)
        offset = k.start
        for part in k.text.split(", "):
            if part and part[0].isupper():
                rid = E._new_id(part, "organizations")
                _put(E, offset, offset + len(part), E.new.get(rid) or {"id": rid, "label": part, "kind": "company"},
                     "listed-org", 0.5)
            offset += len(part) + 2


def _leading_demonyms(E: Any) -> None:
    """The place a new organisation's or site's name starts with, as an adjective, is named there too."""
    from nevkg.ingest.countries import DEMONYMS
    from nevkg.ingest.extract.ner import REGION_DEMONYMS

    adjectives = {**DEMONYMS, **REGION_DEMONYMS}
    for rid, rec in list(E.new.items()):
        meta = E.new_meta[rid]
        if meta.file not in {"organizations", "sites"}:
            continue
        adj = next((a for a in sorted(adjectives, key=len, reverse=True) if rec.get("label", "").startswith(a + " ")),
                   None)
        if adj is None or any(k.start == meta.start and k.file == "places" for k in E.mentions + E.inner):
            continue
        mention = E._country_mention(meta.start, meta.start + len(adj), adjectives[adj], "demonym-in-name", 0.6)
        if mention is None:
            from nevkg.ingest.extract.linking import link

            known = link(adjectives[adj], E.gaz, ("places",), fuzzy=False)
            if known is None:
                continue
            mention = Mention(meta.start, meta.start + len(adj), adj, "places", known.id, True, known.kind,
                              "demonym-in-name", 0.6, known.label)
        E.inner.append(mention)
