"""Partners named by the role one company plays for another: "Y is X's partner", "Y became X's official importer",
"the local partner is Y", "X's Peruvian distributor Y", "the importer Y"; a mixin of the parsed relations
(:class:`~nevkg.ingest.extract.parsed.ParsedRelations`), whose ``_named_in``, ``_mention_of``, ``_same_group`` and
``_client_partner`` it uses."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.spans import unit_appositions

__all__ = ["RoleNounPartnerRules"]

#: the roles one company plays for another ("Y is X's partner", "Y became X's importer", "X's distributor Y")
_ROLE_NOUNS = {"partner", "importer", "distributor", "dealer", "agent", "representative", "assembler"}


class RoleNounPartnerRules:
    """Cooperations read from a role noun of a sentence's parse."""

    ents: Any
    last_org: Mention | None

    def copula_partners(self, sent: Any, orgs: list[Mention]) -> None:
        """"The local partner is Y", "Its partner in Riyadh is Y", "Y is X's partner", "Y became X's official
        importer", "X's Peruvian distributor Y": Y is the partner of the possessor (X, or what "its" stands for),
        else of the company the text spoke of last ("the partner")."""
        for tok in sent:
            if tok.lemma_.lower() in _ROLE_NOUNS and tok.dep_ == "compound":
                self._named_role(tok, orgs)  # "X's Peruvian distributor Y", "through local importer Y"
                continue
            if tok.lemma_.lower() in _ROLE_NOUNS and tok.dep_ == "appos":
                self._apposed_role(tok, orgs)  # "Y, the Majuro dealer for Chinese carmaker X, …"
                continue
            named_after = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if tok.lemma_.lower() in _ROLE_NOUNS and named_after is not None:
                self._named_role(tok, orgs, named_after)  # "A and its Greek partner Y" (Y in apposition)
                continue
            if tok.lemma_.lower() not in _ROLE_NOUNS or tok.dep_ not in {"nsubj", "attr"} \
                    or tok.head.lemma_ not in {"be", "become", "remain"}:
                continue  # (also "Y became X's official importer in Peru")
            other = next((c for c in tok.head.children if c.dep_ == ("attr" if tok.dep_ == "nsubj" else "nsubj")),
                         None)
            if other is not None and other.lower_ in {"which", "that", "who"} and tok.head.dep_ == "relcl":
                other = tok.head.head  # "Y, which has been X's distributor since 2024": Y
            # ("X's arm, Y, has been the distributor …": the name in apposition, Y, not its owner X)
            named = next((n for c in unit_appositions(other) if (n := self._named_in(c, orgs))), None) \
                or self._named_in(other, orgs) if other is not None else None
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            of = _client_of(tok)  # "the exclusive distributor of X"
            owner = (self._mention_of(poss) if poss is not None else None) or (
                self._mention_of(of, anaphors=False) if of is not None else None) or (
                self._maker_before(tok.idx, named) if any(c.lower_ == "the" for c in tok.children) else None)
            if named is not None and owner is not None and not self._same_group(owner, named):
                self._client_partner(owner, named, tok, "parse:partner:copula", "partners with")

    def _apposed_role(self, tok: Any, orgs: list[Mention]) -> None:
        """A role noun in apposition to a company's name, its client after "for" or "of" ("Y, the Majuro dealer for
        Chinese carmaker X"; "X" in apposition to its noun too): Y is X's partner."""
        start = tok.left_edge.idx  # (the name right before the comma: "A and B, the distributor of X" is B)
        named = next((m for m in orgs if re.fullmatch(r"\.?\s*,\s*", self.text[m.end:start])), None)
        of = _client_of(tok)
        owner = next((m for t in ([of, *(c for c in of.children if c.dep_ == "appos")] if of is not None else [])
                      if (m := self._mention_of(t, anaphors=False)) is not None), None)
        if named in orgs and owner in orgs and owner.id != named.id and not self._same_group(owner, named):
            self._client_partner(owner, named, tok, "parse:partner:apposed", "partners with")

    def _named_role(self, tok: Any, orgs: list[Mention], name: Any = None) -> None:
        """A role noun set before a name as its title, "X's Peruvian distributor Y" (X possesses the noun): Y is
        X's partner; "the general importer Y" is the partner of the carmaker or brand named last before. ``name``:
        the name's token where the parser set it in apposition to the noun, else the noun's head."""
        named = self._mention_of(tok.head if name is None else name, anaphors=False)
        named = named if named in orgs else None
        poss = next((c for c in [*tok.children, *tok.head.children] if c.dep_ == "poss" and c.i < tok.i), None)
        owner = self._mention_of(poss) if poss is not None else None  # (the parser hangs it on either noun)
        if poss is not None and poss.lower_ in {"its", "their"}:  # "A and its Greek partner Y": A's, whatever
            joined = next((o for o in orgs if re.fullmatch(r"\s*,?\s+(?:and|with|together\s+with)\s+",  # "its"
                                                           self.text[o.end:poss.idx])), None)  # stands for elsewhere
            owner = joined or owner
        if poss is None and any(c.lower_ == "the" and c.i < tok.i for c in [*tok.children, *tok.head.children]):
            owner = self._maker_before(tok.idx, named)  # "The brand … The general importer Y, …": the brand's
        if named is not None and owner is not None and owner.id != named.id and not self._same_group(owner, named):
            self._client_partner(owner, named, tok, "parse:partner:titled", "partners with")

    def _maker_before(self, pos: int, named: Mention | None) -> Mention | None:
        """Whose "the distributor" or "the partner" a clause names: the carmaker or brand named last before
        ``pos`` (not the distributor the sentence before named: "X appointed A as its distributor … In Peru, B
        became the exclusive distributor"), else the organisation named last."""
        makers = [m for m in self.ents.mentions if m.file == "organizations" and m.end <= pos and not m.compiler
                  and (m.kind or "") in {"automaker", "brand"} and (named is None or m.id != named.id)]
        return makers[-1] if makers else self.last_org


def _client_of(tok: Any) -> Any:
    """The object of a role noun's "of" or "for" ("the distributor of X", "the dealer for X"), else ``None``."""
    return next((o for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}
                 for o in c.children if o.dep_ == "pobj"), None)
