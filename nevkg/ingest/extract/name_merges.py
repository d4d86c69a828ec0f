"""One organisation proposed twice: joining the new names that stand for the same company or body.

- the same new organisation written with and without its legal form ("Velmora Motors Co." and later "Velmora
  Motors"), or without the one or two words its fuller name starts with ("Andes Velmora Motor Peru" and "Velmora
  Motor Peru"): one organisation, so the shorter form becomes an alias of the fuller (a first word alone is not
  joined: "Magna" and "Magna Steyr" are two companies);
- a name the parser cut in two before its legal form, or after the first of two brands ("A and B UK Ltd");
- a short form named only in the front matter, and a public body named again without its country.

:func:`merge_legal_forms` and :func:`join_paired_names` only touch new names: a record the graph knows is never
changed.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.name_generic import _ORG_WORD
from nevkg.ingest.extract.vocab import LEGAL_FORM_END

__all__ = ["merge_legal_forms", "join_paired_names", "join_cut_legal_names", "merge_headline_names",
           "used_before_others", "composite_names", "first_owner"]

#: a legal form at the end of a company's name
_LEGAL_FORM = LEGAL_FORM_END


def _cores(label: str) -> list[str]:
    """:func:`_core`, and for a name with a legal form also its core that keeps the group word ("X Holdings, Inc."
    is "X Holdings" as well as "X")."""
    out = [_core(label)]
    if _LEGAL_FORM.search(label):
        out.append(_core(label, keep_group=True))
    return [c for c in dict.fromkeys(out) if c]


def _core(label: str, keep_group: bool = False) -> str:
    """A company's name without its legal form (and a group word before it), accents, case and connecting words
    ("X Motors do Brasil Ltda." and "X Motors Brasil" are one; so are "X Auto Group Co., Ltd." and "X Auto")."""
    import unicodedata

    bare = _LEGAL_FORM.sub("", label)
    if bare != label and not keep_group:  # "X Group Co., Ltd." is the X named without its group word and legal form
        bare = re.sub(r"\s+(?:Group|Holdings?)$", "", bare)
    core = unicodedata.normalize("NFKD", bare).encode("ascii", "ignore").decode().lower()
    return " ".join(_SAME_WORD.get(w, w) for w in re.split(r"[\s,.]+", core) if w and w not in {
        "do", "da", "de", "dos", "das", "of", "the", "and", "&"})  # ("X Auto" is "X Automobile Group Co., Ltd.")


#: a company word and its short form, one word of a name's core
_SAME_WORD = {"automobile": "auto", "automobiles": "auto", "motor": "motors"}

def join_cut_legal_names(E: Any) -> None:
    """A company's name the parser cut in two before its legal form ("Yuelu Automotive" then "Brasil Ltda."): two
    new organisations one space apart, the second ending in a legal form, are one name."""
    from nevkg.ingest.extract.org_forms import _put, org_record

    orgs = sorted([m for m in E.mentions if m.file == "organizations" and not m.known], key=lambda m: m.start)
    for a, b in zip(orgs, orgs[1:], strict=False):
        if E.text[a.end:b.start] != " " or not _LEGAL_FORM.search(b.text) or a not in E.mentions \
                or b not in E.mentions or len(b.text.split()) > 3 or _LEGAL_FORM.search(a.text):
            continue  # (a name that ends in its legal form is whole: "… with X Ltd. X Ltd, based in …")
        name = E.text[a.start:b.end]
        olds = {a.id, b.id}
        E.mentions.remove(a)
        E.mentions.remove(b)
        _put(E, a.start, b.end, org_record(E, name, a.kind or "company"), "joined-legal-name")
        for old in olds:
            E.drop_unused(old)


def merge_legal_forms(E: Any) -> None:
    """Join two new organisations whose names differ only by a legal form ("X Motors Co., Ltd." and "X Motors"):
    the mentions of the shorter become mentions of the fuller, whose aliases gain the shorter name."""
    join_cut_legal_names(E)
    orgs = [r for r, m in E.new_meta.items() if m.file == "organizations"]
    by_core: dict[str, list[str]] = {}
    for rid in orgs:
        for core in _cores(E.new[rid].get("label") or ""):
            by_core.setdefault(core, []).append(rid)
    for rids in by_core.values():
        rids = [r for r in dict.fromkeys(rids) if r in E.new]
        if len(rids) < 2:
            continue
        keep = max(rids, key=lambda r: (len(E.new[r]["label"]), -E.new_meta[r].start))
        for rid in rids:
            if rid != keep:
                _merge(E, rid, first_owner(E, E.new[rid]["label"], keep))
    _merge_later_short_names(E)
    # "MG Motor India" after "JSW MG Motor India": the fuller name with one or two words before the same name
    labels = {r: E.new[r]["label"].split() for r, m in E.new_meta.items() if m.file == "organizations"}
    for rid, words in sorted(labels.items(), key=lambda x: len(x[1])):
        fuller = [r for r, w in labels.items() if r != rid and r in E.new and 1 <= len(w) - len(words) <= 2
                  and w[len(w) - len(words):] == words and not _names_a_company(E, w[:len(w) - len(words)])]
        if len(fuller) == 1 and rid in E.new and (len(words) >= 2 or E.new_meta[fuller[0]].start < E.new_meta[
                rid].start):  # (one word too, after the full name: "Serrana" after "Carrocerias Serrana")
            _merge(E, rid, fuller[0])
    _merge_country_bodies(E)


def _merge_later_short_names(E: Any) -> None:
    """A new organisation named after another by that one's name without its group word and legal form is it, named
    short ("Mabira Transit" after "Mabira Transit Holdings", "Ruhunu Auto" after "Ruhunu Auto Industries PLC"; named
    first in the body, it may be the group's unit; a headline's or deck's use does not count)."""
    from nevkg.ingest.extract.datelines import front_matter_end

    top = front_matter_end(E.text)
    labels = {E.new[r]["label"]: r for r, m in E.new_meta.items() if m.file == "organizations" and r in E.new}

    def body_start(rid: str) -> int:
        return min((m.start for m in E.mentions if m.id == rid and m.start >= top), default=len(E.text))

    for label, rid in list(labels.items()):
        cut = labels.get(re.sub(r"\s+(?:Holdings?|Group|Industries|Corporation|Enterprises)$", "",
                                _LEGAL_FORM.sub("", label)))
        if cut not in {None, rid} and {cut, rid} <= E.new.keys() and body_start(cut) > body_start(rid):
            _merge(E, cut, rid)


def merge_headline_names(E: Any) -> list[tuple[str, str]]:
    """A new company named in full only in the headline, by a short form ("Yaolan Auto") of a company the body
    names in full ("Yaolan Automobile Group": the same name without its corporate words), is that company (and so
    are the body's mentions of their common head, "Yaolan"). Its mentions move there; the pairs (kept id, headline
    name) returned are the aliases to add once the kept company's short forms are found (a record with aliases
    gets none)."""
    from nevkg.ingest.extract.datelines import front_matter_end
    from nevkg.ingest.extract.mentions import _stripped_head

    top = front_matter_end(E.text)
    if top < 0:
        return []
    orgs = {r: E.new[r]["label"] for r, m in E.new_meta.items() if m.file == "organizations" and r in E.new}
    out = []
    for rid, label in orgs.items():
        head = _stripped_head(label)
        if not head or head == label or not any(m.id == rid and m.end <= top for m in E.mentions) or any(
                m.id == rid and m.start >= top and m.text != head for m in E.mentions):
            continue
        body = [r for r, other in orgs.items() if r != rid and r in E.new and _stripped_head(other) == head
                and any(m.id == r and m.start >= top for m in E.mentions)]
        if len(body) == 1 and set(E.new[rid].get("aliases", [])) <= {head}:
            keep = E.new[body[0]]
            del E.new[rid], E.new_meta[rid]
            for m in E.mentions:
                if m.id == rid:
                    m.id, m.label, m.kind = body[0], keep["label"], keep.get("kind", m.kind)
            out.append((body[0], label))
    return out


def _used_alone(text: str, form: str, start: int, end: int) -> bool:
    """Whether ``form`` stands on its own (not inside a longer name) somewhere in ``text[start:end]``."""
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-]|[ ][A-Z])").search(text, start, end) is not None


def used_before_others(E: Any, form: str, rids: list[str]) -> str | None:
    """Of the new organisations sharing the short ``form``, the one introduced first when the text uses the form on
    its own before any other of them is named."""
    starts = {r: min((m.start for m in E.mentions if m.id == r), default=None) for r in rids}
    if any(v is None for v in starts.values()):
        return None
    order = sorted(rids, key=lambda r: starts[r])
    first_end = max(m.end for m in E.mentions if m.id == order[0] and m.start == starts[order[0]])
    return order[0] if _used_alone(E.text, form, first_end, starts[order[1]]) else None


def composite_names(E: Any, form: str, rids: list[str]) -> set[str]:
    """Of the new organisations sharing the short ``form``, those named after parents (:func:`~.linking.composite`)."""
    from nevkg.ingest.extract.linking import composite, other_firsts

    firsts = other_firsts(E.mentions, form)
    return {r for r in rids if composite(E.new[r]["label"], form, firsts)}


def first_owner(E: Any, label: str, keep: str) -> str:
    """The new organisation a bare name ``label`` stands for: ``keep``, unless another company whose name it opens
    was named first and the bare name was in use for it before any other of them was named ("Xuri Power Technology
    … Xuri said …", then "Xuri's parent, Xuri Group"; "Kelumpang Mutiara Holdings … Kelumpang said …", then
    Kelumpang Motors and Kelumpang Estates). The records of one name with and without its legal form are one company."""
    from nevkg.ingest.extract.linking import name_head

    if " " in label:
        return keep
    own = name_head(E.new[keep]["label"])
    companies: dict[str, list[str]] = {own: [keep]}
    for r, m in E.new_meta.items():
        if m.file == "organizations" and r in E.new and r != keep and E.new[r]["label"].startswith(label + " "):
            companies.setdefault(name_head(E.new[r]["label"]), []).append(r)
    named = {h: min(((m.start, m.end) for m in E.mentions if m.id in rs and m.text != label), default=None)
             for h, rs in companies.items()}
    order = sorted((h for h in companies if named[h] is not None), key=lambda h: named[h])
    if len(order) < 2 or order[0] == own or not _used_alone(E.text, label, named[order[0]][1], named[order[1]][0]):
        return keep
    return max(companies[order[0]], key=lambda r: len(E.new[r]["label"]))


#: the state's own name before a country's ("the Republic of", "the Federal Republic of", "the Kingdom of")
_STATE_OF = re.compile(r"(?:the\s+)?(?:(?:(?:Federal|People['’]s|Islamic|United|Socialist)\s+)?"
                       r"(?:Republic|Kingdom|State|Commonwealth|Government|Sultanate|Emirate|Grand\s+Duchy)\s+of\s+"
                       r"(?:the\s+)?)?")


def _merge_country_bodies(E: Any) -> None:
    """"the Ministry of Infrastructure" after "the Ministry of Infrastructure of the Republic of Slovenia": a public
    body named again without its country is the same body (the fuller name stays)."""
    from nevkg.ingest.extract.countries_here import is_country_name

    labels = {E.new[r]["label"]: r for r, m in E.new_meta.items() if m.file == "organizations" and r in E.new}
    for label, rid in list(labels.items()):
        for m in re.finditer(r"\s+of\s+", label):
            short, rest = label[:m.start()], label[m.end():]
            country = rest[_STATE_OF.match(rest).end():]
            if not _ORG_WORD.search(short) or not is_country_name(country, E.gaz):
                continue
            other = labels.get(short)
            if other is not None and other != rid and other in E.new and rid in E.new:
                _merge(E, other, rid)
            break


def join_paired_names(E: Any) -> None:
    """"A and B UK Ltd": a company named after two brands and ending in a legal form is one name, where the parser
    cut it after the first brand (the brand stays a mention of its own, aside)."""
    from nevkg.ingest.extract.org_forms import _put

    for k in [k for k in E.mentions if k.file == "organizations" and not k.known and _LEGAL_FORM.search(k.text)]:
        base = max(0, k.start - 40)
        lead = re.search(r"(?<![\w-])(?P<a>[A-Z][\w-]+)\s+(?:and|&)\s+$", E.text[base:k.start])
        if lead is None:
            continue
        s = base + lead.start("a")
        if re.search(r"[A-Z][\w.&'’-]*\s+$", E.text[max(0, s - 30):s]) or any(
                m.start < s < m.end for m in E.mentions if m.file == "organizations") or any(
                (m.start, m.end) == (s, base + lead.end("a")) for m in E.mentions if m.file == "places") \
                or re.search(r"\b(?:in|at|from)\s+$", E.text[max(0, s - 6):s]):
            continue  # the first word ends a longer name: "X New Energy Group and Y Ltd" are two companies (so does
            # "the Governor's Office and Y Ltd"); so does a place ("X SAS in Nice and Y SAS in Menton")
        if re.search(r"\bbetween\s+$", E.text[max(0, s - 12):s]) or any(
                m.text.startswith(lead.group("a") + " ") for m in E.mentions if m.file == "organizations"
                and m.start != k.start):
            continue  # "a venture between A and B Ltd", or A the short name of another company named here: two
        name = E.text[s:k.end]
        old = [m for m in E.mentions if s <= m.start and m.end <= k.end and m.file == "organizations"]
        for m in old:
            E.forget(m)
        E.mentions.extend(m for m in old if m.known or m.id in E.new)  # (put back aside by _put below)
        rid = E._new_id(name, "organizations")
        _put(E, s, k.end, {"id": rid, "label": name, "kind": "company"}, "paired-name", 0.6)


def _names_a_company(E: Any, words: list[str]) -> bool:
    """Whether the words a fuller name starts with name a company of their own ("Haiyue Auto" of a name the
    parser joined, "Haiyue Auto Beiling Technology"): then the two names are two companies."""
    name = " ".join(words)
    return bool(_ORG_WORD.search(name)) or E.gaz.lookup(name) is not None or any(
        rec.get("label") == name for rec in E.new.values())


def _merge(E: Any, rid: str, keep: str) -> None:
    """Make the new entity ``rid`` a name of the new organisation ``keep``: its mentions and names move there."""
    rec = E.new[keep]
    other = E.new.pop(rid)
    E.new_meta.pop(rid)
    for name in [other["label"], *other.get("aliases", [])]:
        if name != rec["label"] and name not in rec.setdefault("aliases", []):
            rec["aliases"].append(name)
    for m in E.mentions:
        if m.id == rid:
            m.id, m.label, m.kind, m.file = keep, rec["label"], rec.get("kind", m.kind), "organizations"
