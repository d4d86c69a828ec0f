"""Measures stated by their verb: "Mexico banned imports of used cars", "the ministry will restrict exports of
graphite", "Lima suspended sales of diesel buses".

A verb of prohibition or restriction (ban, prohibit, bar, restrict, curb, limit, suspend, halt) whose object is a
trade flow (imports, exports, shipments, sales) of some goods names a measure: a ban, or restrictions, on that
flow ("ban on imports of used cars"). It is proposed as a new ``policies`` record, kind regulation, and its
occurrence joins the article's measures (``E.measures``), so that :mod:`.relations_policy` gives it its issuer
(the verb's subject: a government, never a company), the places whose goods it covers ("from the United States")
and its start.
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.measures import tokens_text
from nevkg.ingest.extract.model import Mention

__all__ = ["verb_measures"]

#: verbs of a measure → the measure's noun
_VERBS = {"ban": "ban", "prohibit": "ban", "bar": "ban", "forbid": "ban", "restrict": "restrictions",
          "curb": "restrictions", "limit": "restrictions", "suspend": "suspension", "halt": "suspension"}
_FLOWS = {"import", "export", "shipment", "sale"}


def _object(verb: Any) -> Any:
    """The trade flow the verb acts on: its object, or the subject of its passive ("imports were banned")."""
    deps = {"dobj"} if verb.tag_ != "VBN" else {"dobj", "nsubjpass"}
    return next((c for c in verb.children if c.dep_ in deps and c.lemma_.lower() in _FLOWS), None)


#: nouns of a government, as the subject of a verb of prohibition
_GOVERNMENTS = {"government", "authority", "ministry", "regulator", "cabinet", "parliament", "congress", "state",
                "administration", "country", "commission", "council", "customs", "agency", "department", "senate",
                "president", "minister", "court", "office", "bureau", "committee", "directorate"}


def _by_government(E: Any, verb: Any) -> bool:
    """Whether the verb's subject (or, in the passive, its agent) may be a government: a place, an authority, a
    noun of government, a passive without agent; never a company ("Geely will limit exports of …")."""
    from nevkg.ingest.extract.policy_authorities import is_authority

    who = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] or \
        [c for c in verb.children if c.dep_ == "nsubj"]
    if not who:
        return verb.tag_ == "VBN"
    head = who[0]
    m = next((m for m in E.mentions if m.start <= head.idx < m.end), None)
    if m is not None:
        return m.file == "places" or is_authority(m)
    return head.lemma_.lower() in _GOVERNMENTS or head.ent_type_ in {"GPE", "NORP"}


def verb_measures(E: Any, doc: Any) -> list[Mention]:
    """Propose the measures stated by a verb of prohibition on a trade flow, and return a mention of each.

    Parameters
    ----------
    E : _Entities
        The mention finder: proposals go to ``E.new`` and ``E.new_meta``.
    doc : spacy.tokens.Doc
        The parse of the text.

    Returns
    -------
    list of Mention
        One per measure stated, spanning the verb and its object.
    """
    out: list[Mention] = []
    for verb in doc:
        noun = _VERBS.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
        obj = _object(verb) if noun else None
        if obj is None or not _by_government(E, verb):
            continue
        goods = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if goods is None:
            continue  # "banned imports": of what, the text does not say here
        words = [t for t in obj.subtree if t.i >= obj.i and t.i <= max(g.i for g in goods.subtree)]
        name = f"{noun} {'of' if noun == 'suspension' else 'on'} " + tokens_text(words)
        s, e = min(verb.idx, obj.idx), max(t.idx + len(t.text) for t in [*words, verb])
        rid = next((r for r, rec in E.new.items() if E.new_meta[r].file == "policies" and rec["label"] == name),
                   None)
        if rid is None:
            rid = E._new_id(name, "policies")
            E.new[rid] = {"id": rid, "label": name, "kind": "regulation"}
            E.new_meta[rid] = Mention(s, e, name, "policies", rid, False, "regulation", f"measure:{noun}", 0.55,
                                      name)
        out.append(Mention(s, e, E.text[s:e], "policies", rid, False, "regulation", f"measure:{noun}", 0.55, name))
    return out
