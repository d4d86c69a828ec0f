"""Joint ventures read from the parse: the venture's company named in apposition or as a copula's subject ("X, a
joint venture of A and B", "X is a joint venture set up by A and B") and its owners listed with their shares ("a
joint venture in which A holds 60% and B the remaining 40%"); a mixin of the extractor."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["VentureParseRules"]

#: the heads of anaphors that may name a venture's owner in its clause of shares ("the Chinese company holds 70%"):
#: nouns of a company, not of the venture itself
_OWNER_ANAPHORS = frozenset({"company", "group", "carmaker", "automaker", "maker", "manufacturer", "firm"})


class VentureParseRules:
    """A joint venture's company and owners from a venture cue's clause (needs the extractor's ``_mention_of``,
    ``_coactors``, ``_short_org_name``, ``note_venture``, ``_new_partnership``, ``add``, ``cid``, ``label``,
    ``mentions_in``, ``ents`` and ``text``)."""

    def _named_venture(self, cue: Any, actor: Mention | None, orgs: list[Mention]) -> bool:
        """"A and B launched X, a joint venture", "X is a joint venture set up by A and B": X is the joint
        venture's company, A and B its parents.
        Whether the cue names a joint-venture company this way."""
        jv = self._mention_of(cue.head) if cue.dep_ == "appos" else next(
            (m for c in cue.children if c.dep_ == "appos" and (m := self._mention_of(c)) is not None), None)
        if jv is None:  # "a joint venture named X", "a venture called X"
            jv = next((m for c in cue.children if c.dep_ == "acl" and c.lower_ in {"named", "called", "dubbed"}
                       for o in c.children if o.dep_ in {"oprd", "dobj", "attr", "xcomp"}
                       and (m := self._mention_of(o)) is not None), None)
        if jv is None and cue.dep_ == "attr" and cue.head.lemma_ == "be":  # "X is a joint venture set up by A and B"
            jv = next((m for c in cue.head.children if c.dep_ == "nsubj" and (m := self._mention_of(c)) is not None),
                      None)
        if jv is None or jv not in orgs:
            return False
        self._last_venture = jv
        if jv.id in self.ents.new and self.ents.new_meta[jv.id].file == "organizations":
            self.ents.new[jv.id]["kind"] = "joint-venture-company"
        named = [m for c in cue.children if c.dep_ == "prep" and c.lower_ in {"between", "of"} for t in c.subtree
                 if (m := self._mention_of(t)) is not None and m in orgs]  # "a joint venture between A and B"
        owners = [self._parent_named_short(m, jv) for m in self._venture_owners(cue, orgs)]
        owners = [m for m in owners if m is not None and m.id != jv.id]  # ("owned 60% by A and 40% by B")
        named = (owners if len(owners) >= 2 and len({m.id for m in named} - {jv.id}) < 2 else named) or [
            m for c in cue.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent" for t in a.subtree
            if (m := self._mention_of(t)) is not None and m in orgs]  # ("established by A, which holds 51%, and B")
        group = getattr(self, "_last_group", None) or []
        if actor in group and self._plural_subject(cue):
            named = named or group  # "the two sides will set up a joint venture named X" after "A and B …"
        named = named or ([actor, *self._coactors(actor, orgs)] if actor is not None else [])
        parents = list({m.id: m for m in named if m.id != jv.id}.values())
        self.note_venture(jv, parents, (jv.start, jv.end))
        if len(parents) >= 2 and self._new_partnership(parents[0].id, parents[1].id, "joint-venture"):
            a, b = parents[:2]
            self.add("partnerships", {"id": self.cid(f"{a.id}-{b.id}-joint-venture"),
                                      "label": f"{self.label(a.id)}–{self.label(b.id)} joint venture",
                                      "kind": "joint-venture", "partners": [a.id, b.id]}, 0.6,
                     [(a.start, a.end), (b.start, b.end), (jv.start, jv.end), (cue.idx, cue.idx + len(cue.text))],
                     "parse:partner:named-venture", notes=[f"the joint venture's company is '{jv.id}'"])
        return True

    def _parent_named_short(self, m: Mention, jv: Mention) -> Mention | None:
        """An owner the short-name rules gave the venture's id ("owned 60 per cent by Xinghai" of "Xinghai Atlas
        Automotive"): the other organisation of the article whose name starts with that short name, if one."""
        if m.id != jv.id or m.text == jv.text:
            return m
        other = [k for k in self.ents.mentions if k.file == "organizations" and k.id != jv.id
                 and not k.rule.startswith("anaphor:") and (k.label or k.text).startswith(m.text + " ")]
        return other[0] if other and len({k.id for k in other}) == 1 else None

    def _venture_owners(self, cue: Any, orgs: list[Mention]) -> list[Mention]:
        """The owners a joint venture's clause lists with their shares: "a joint venture in which A will hold 60%
        and B the remaining 40%", "a joint venture, X, owned 60% by A and 40% by B", "a joint venture of A, which
        holds 60%, and B, which holds the other 40%" (in the order named)."""
        sent_end = cue.sent.end_char
        after = self.text[cue.idx + len(cue.text):sent_end]
        share = r"\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)"
        # (", Y, in which", "company, Y, in which": the venture's name first)
        which = re.match(r"(?:\s+company)?(?:\s*,\s+[^;]{1,100}?,)?\s+in\s+which\b", after)
        owned = re.search(r"\bowned\s+(?:jointly\s+|equally\s+)?", after[:120])
        holds = rf"(?:,\s+(?:an?|the|its)\s+[^,;]{{1,80}})?,\s+which\s+(?:will\s+)?(?:holds?|owns?|has)\s+" \
                rf"(?:the\s+(?:other|remaining)\s+)?{share}"  # ("of A, which holds 60%, and B, a firm, which …")
        of = re.match(r"\s+(?:of|between)\b", after) if re.search(holds, after) else None
        if which is None and owned is None and of is None:
            return []
        start = cue.idx + len(cue.text) + (which or owned or of).end()
        found = [m for m in orgs if start <= m.start < sent_end  # ("the Chinese company holds 70%": its antecedent)
                 and (not m.rule.startswith("anaphor:") or m.rule[8:] in _OWNER_ANAPHORS)]
        for p in self.mentions_in(start, sent_end, ("places",)):  # a company's short name the parser called a place
            short = self._short_org_name(p.start, p.end)
            if short is not None:
                found.append(short)
        found.sort(key=lambda m: m.start)
        out = []
        for m in found:
            later = [o.start for o in found if o.start > m.start] + [sent_end]
            if which and re.match(rf"(?:,\s+(?:an?|the|its)\s+[^,;]{{1,60}},)?\s+(?:(?:will|would|is\s+to)\s+)?"
                                  rf"(?:\w+\s+){{0,3}}?{share}",  # ("B, a Qatari fund, holds the remaining 40%")
                                  self.text[m.end:min(later[0], m.end + 60)]) \
                    or owned and re.search(rf"{share}\s+(?:owned\s+)?by\s+(?:the\s+)?$",
                                           self.text[max(start - 40, m.start - 40):m.start]) \
                    or of and re.match(holds, self.text[m.end:min(later[0], m.end + 140)]):
                out.append(m if not m.rule.startswith("anaphor:") else next(
                    (o for o in orgs if o.id == m.id and not o.rule.startswith("anaphor:")), m))
        return list({m.id: m for m in out}.values())

    def _venture_of_owners(self, cue: Any, owners: list[Mention]) -> bool:
        """A joint venture of the first two ``owners`` (when there are two): whether it was proposed or known."""
        if len(owners) < 2:
            return False
        a, b = owners[:2]
        if self._new_partnership(a.id, b.id, "joint-venture"):
            self.add("partnerships", {"id": self.cid(f"{a.id}-{b.id}-joint-venture"),
                                      "label": f"{self.label(a.id)}–{self.label(b.id)} joint venture",
                                      "kind": "joint-venture", "partners": [a.id, b.id]}, 0.6,
                     [(a.start, a.end), (b.start, b.end), (cue.idx, cue.idx + len(cue.text))],
                     "parse:partner:venture-shares")
        return True
