"""The other authorities of a measure: those that issue it with its issuer ("jointly issued by A and B", "A and
B will require licences") and those that carry it out ("the rules will be enforced by B", "B will implement the
measure"). Both are kept as the measure's ``implementers``.

A mixin of :class:`~nevkg.ingest.extract.relations_policy.PolicyRules`: it reads the parse of the sentence and
the facts gathered for each named measure (``self._facts``).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import _GOV
from nevkg.ingest.extract.spans import span_at

#: verbs of issuing a measure or carrying it out
_CARRY_OUT = {"enforce", "implement", "administer", "oversee", "execute", "police", "monitor", "apply", "manage",
              "supervise", "handle", "process", "issue", "grant", "approve", "review", "release", "publish",
              "announce", "unveil", "introduce", "adopt", "impose", "require"}
#: verbs of announcing
_SAY = {"say", "announce", "state", "add", "confirm", "note", "tell", "declare"}
#: a government body by its name's words, whatever kind the records give it
_GOV_NAME = re.compile(r"\b(?:Ministry|Department|Commission|Council|Government|Agency|Authority|Administration|"
                       r"Customs|Directorate|Committee|Bureau)\b")


def is_authority(m: Mention) -> bool:
    """An organisation that governs: of a governing kind, or named as a ministry, agency, customs office …"""
    return m.file == "organizations" and ((m.kind or "") in _GOV or bool(_GOV_NAME.search(m.label or m.text)))


def policy_not_trade(cue: Any, actor: Mention) -> bool:
    """Whether a trade cue ("export", "sell") says nothing of a market: its actor is an authority (a ministry
    exports nothing), or it only classifies a measure ("export licences", "export controls").

    Parameters
    ----------
    cue : spacy.tokens.Token
        The trade word.
    actor : Mention
        Who the cue would say trades.

    Returns
    -------
    bool
    """
    from nevkg.ingest.extract.measures import measure_word

    return is_authority(actor) or cue.dep_ in {"compound", "amod", "nmod"} and (
        measure_word(cue.head.lemma_) is not None or cue.head.lemma_.lower() in {"control", "restriction"})


class PolicyAuthorityRules:
    """Co-issuers and implementers of measures (a mixin of the extractor's policy rules)."""

    def _authorities(self, sent: Any) -> list[Mention]:
        """The authorities the sentence names, sources included ("according to a notice by X")."""
        return [m for m in self.mentions_in(sent.start_char, sent.end_char, ("organizations",)) if is_authority(m)]

    def co_issuers(self, issuer: Mention, orgs: list[Mention]) -> list[Mention]:
        """Authorities named with the issuer as one subject or agent ("A and B jointly issued", "by A and B").

        Parameters
        ----------
        issuer : Mention
            The measure's issuer as named in the sentence.
        orgs : list of Mention
            The organisations of the sentence.

        Returns
        -------
        list of Mention
            The other authorities coordinated with it, in text order.
        """
        span = span_at(self.doc, issuer.start, issuer.end)
        if span is None:
            return []
        root = span.root
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        heads = {t.i for t in first.subtree if t.dep_ == "conj" or t.i == first.i}
        out = []
        for o in orgs:
            if o.id == issuer.id or not is_authority(o):
                continue
            other = span_at(self.doc, o.start, o.end)
            if other is not None and other.root.i in heads:
                out.append(o)
        return out

    def carried_out_by(self, sent: Any, orgs: list[Mention]) -> list[Mention]:
        """Authorities the sentence says carry a measure out: the agent of a passive verb of carrying out ("will
        be enforced by B"), or the subject of an active one whose object is a measure or rule ("B will implement
        the rules").

        Parameters
        ----------
        sent : spacy.tokens.Span
            The sentence.
        orgs : list of Mention
            The organisations of the sentence.

        Returns
        -------
        list of Mention
        """
        out: list[Mention] = []
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CARRY_OUT:
                continue
            who: list[Any] = []
            for c in verb.children:
                if c.dep_ == "agent":
                    who += [g for g in c.children if g.dep_ == "pobj"]
                if c.dep_ == "nsubj" and any(d.dep_ == "dobj" and _measure_noun(d) for d in verb.children):
                    who.append(c)
            for w in who:  # "A and B", "A's customs administration" (the parse may hang A on B)
                for t in [w, *(x for x in w.subtree if x.dep_ in {"conj", "nmod", "compound", "appos"})]:
                    o = next((o for o in orgs if o.start <= t.idx < o.end and is_authority(o)), None)
                    if o is not None and o not in out:
                        out.append(o)
        return out

    def speakers(self, sent: Any, auths: list[Mention]) -> list[Mention]:
        """Authorities that announce what the sentence says ("…, the industry ministry said in a notice")."""
        out = []
        for verb in sent:
            if verb.lemma_.lower() not in _SAY:
                continue
            for c in verb.children:
                if c.dep_ != "nsubj":
                    continue
                for t in [c, *(x for x in c.subtree if x.dep_ in {"conj", "nmod", "compound"})]:
                    o = next((o for o in auths if o.start <= t.idx < o.end), None)
                    if o is not None and o not in out:
                        out.append(o)
        return out

    def add_speakers(self, rid: str, sent: Any) -> None:
        """The authorities that announce a measure issue or carry it out with its issuer when they are of the
        issuer's country (a ministry of the country that requires licences), or issue it when none is named; a
        foreign authority that comments on it does neither."""
        facts = self._facts(rid)
        for o in self.speakers(sent, self._authorities(sent)):
            if facts["issuer"] is None:
                facts["issuer"] = o.id
                facts["spans"].append((o.start, o.end))
                continue
            country = self._authority_country(o)
            if country is not None and country in {facts["issuer"], self._authority_country_id(facts["issuer"])}:
                self.add_implementers(rid, [o])

    def _authority_country(self, o: Mention) -> str | None:
        """The country of an authority: its record's, the one its new record names, or the one the text gives."""
        return self._authority_country_id(o.id) or self._country_in_name(o, public=True) or self._country_of(o) or \
            self.ents.dateline_country()

    def _authority_country_id(self, rid: str | None) -> str | None:
        entry = self.gaz.entries.get(rid or "")
        if entry is not None and entry.file == "organizations" and entry.parents:
            return entry.parents[0]
        return (self.ents.new.get(rid or "") or {}).get("country")

    def add_implementers(self, rid: str, found: list[Mention]) -> None:
        """Keep ``found`` as implementers of the measure ``rid`` (never its issuer)."""
        facts = self._facts(rid)
        for o in found:
            if o.id != facts["issuer"] and o.id not in facts.setdefault("implementers", []):
                facts["implementers"].append(o.id)


def _measure_noun(token: Any) -> bool:
    """A noun that names a measure or a rule ("the measure", "the new rules", "the licences")."""
    from nevkg.ingest.extract.measures import measure_word

    return token.lemma_.lower() in {"measure", "rule", "regulation", "requirement", "policy", "regime", "system",
                                    "announcement", "notice", "decision", "law"} or measure_word(token.lemma_) \
        is not None
