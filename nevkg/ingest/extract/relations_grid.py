"""Utilities that connect a charging network to the grid: the utility and the network's operator work together.

"Distribution company X will connect them to the grid", "Grid operator X will connect the new sites", "the new
chargers will be connected to the grid by X", "X has agreed to connect the new chargers to its grid", "X will supply
the electricity for the new chargers" (or "the stations with electricity"), "the stations will draw on the X grid",
"they will take power from the grid of X": X and the operator of the charging network the article told of last
(within a few sentences) are partners, a ``cooperation``, as the samples record a utility's connection of a network.
The utility is the verb's subject, its "by" agent, the "with" party of an agreement it is connected under or the
owner of the grid drawn on. A mixin of the parsed relations, whose ``_mention_of`` and ``_client_partner`` it uses
(an authority on either side is left out there).
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.model import Mention

__all__ = ["GridRules"]

#: nouns of what a charging network connects
_CONNECTED = {"charger", "point", "station", "site", "depot", "hub", "they", "them", "it", "network"}
#: what stands between the utility's name and its verb ("X will connect", "X has agreed to connect")
_BEFORE_VERB = r"\s+(?:(?:will|would|shall|is\s+to|has\s+agreed\s+to|agreed\s+to)\s+)?"
#: what names a company a grid operator, right before its name ("grid operator X", "the distribution utility X")
_GRID_OPERATOR = re.compile(r"\b(?:(?:grid|network|distribution|transmission|power)\s+(?:system\s+)?(?:operator|"
                            r"company|utility)|utility)\s+$", re.I)
#: an apposition that names a company a utility ("X, the state-owned distribution company, will connect …")
_UTILITY_APPOS = re.compile(r"(?:\s+\([A-Z&]{2,8}\))?,\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}(?:distribution|grid|power|"
                            r"electricity|transmission)\s+(?:system\s+)?(?:operator|company|utility)\b", re.I)
#: words of a utility's own name ("State Electric Company Limited", "X Power and Light")
_UTILITY_NAME = re.compile(r"\b(?:Electric|Electricity|Power|Grid)\b")
#: how far back (characters) the charging network's record may end
_NETWORK_BACK = 700


class GridRules:
    """Utilities connecting charging networks (a mixin of the parsed relations)."""

    def grid_partners(self, sent: Any, orgs: list[Mention]) -> None:
        """Propose the cooperation of a utility and the charging network's operator the sentence connects."""
        for tok in sent:
            lem = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lem not in {"connect", "supply", "take", "draw"}:
                continue
            what = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if lem == "connect" and not (what is not None and what.lemma_.lower() in _CONNECTED and (
                    _to_grid(tok) or (u := self._grid_party(tok, orgs)) is not None and self._utility(u))):
                continue  # (to the grid, or by a grid operator: "Grid operator X will connect the new sites")
            if lem == "supply" and not (what is not None and (what.lower_ in {"electricity", "power"} or (
                    what.lemma_.lower() in _CONNECTED and _with_power(tok)))):
                continue  # "X will supply the electricity for the new chargers", "Electricity will be supplied by X",
                # "X will supply the stations with electricity"
            if lem in {"take", "draw"}:  # "the stations will draw on the X grid", "take power from the grid of X"
                grid = next((t for t in tok.subtree if t.lemma_.lower() == "grid"), None)
                utility = next((m for t in grid.subtree if t.i != grid.i and (m := self._mention_of(t)) is not None
                                and m in orgs), None) or next((m for m in orgs if re.fullmatch(
                                    r"\s+", self.text[m.end:grid.idx])), None) if grid is not None else None
            else:
                utility = self._grid_party(tok, orgs)
            operator = self._network_operator(sent.start_char) if utility is not None else None
            if operator is not None and utility is not None:
                self._client_partner(operator, utility, tok, "parse:grid", "is connected to the grid by")

    def _utility(self, m: Mention) -> bool:
        """Whether the organisation ``m`` is said to be a utility: so named before it ("grid operator X"), in an
        apposition after it ("X, the state-owned distribution company,") or by its own name ("State Electric
        Company Limited")."""
        return bool(_GRID_OPERATOR.search(self.text, max(0, m.start - 40), m.start) or _UTILITY_APPOS.match(
            self.text, m.end) or _UTILITY_NAME.search(self.label(m.id)))

    def _grid_party(self, verb: Any, orgs: list[Mention]) -> Mention | None:
        """The utility: the verb's subject ("X will connect them"), its agent ("connected … by X") or the party of
        the agreement it is done under ("under an agreement with X")."""
        heads = [c for c in verb.children if c.dep_ == "nsubj"]
        heads += [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        heads += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "under" for n in c.children
                  for w in n.children if w.dep_ == "prep" and w.lower_ == "with" for o in w.children
                  if o.dep_ == "pobj"]
        return next((m for h in heads for t in h.subtree if (m := self._mention_of(t)) is not None and m in orgs),
                    None) or next((m for m in orgs if re.fullmatch(_BEFORE_VERB, self.text[m.end:verb.idx])), None)
        # (the name right before the verb, when the parser reads the name's legal form as a conjunction: "X AS will")

    def _network_operator(self, pos: int) -> Mention | None:
        """The operator of the charging network told of last before ``pos`` (its mention nearest before)."""
        nets = [c for c in self.candidates if c.file == "deployments" and c.record.get("kind") == "charging-network"
                and c.spans and 0 <= pos - c.evidence_end < _NETWORK_BACK]
        if not nets:
            return None
        op = nets[-1].record["operator"]
        return max((m for m in self.ents.mentions if m.id == op and m.file == "organizations" and m.end <= pos),
                   key=lambda m: m.end, default=None)


def _to_grid(verb: Any) -> bool:
    """Whether ``verb`` says "to the grid" ("connect them to the grid", "to its grid", "to the power grid")."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(o.lemma_.lower() == "grid" for o in c.children)
               for c in verb.children)


def _with_power(verb: Any) -> bool:
    """Whether ``verb`` says "with electricity" or "with power" ("supply the stations with electricity")."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(o.lower_ in {"electricity", "power"}
                                                               for o in c.children) for c in verb.children)
