"""A site priced in its own noun phrase is an investment: "X is building a $1 billion plant in Y"; so is a site
built "with an investment of N" or "at a cost of N" named after it in its sentence.

News names what a plant costs as a modifier of the plant noun ("a $1.4 billion factory", "a Rs 4,800-crore
plant", "a USD 500 million battery plant"); the site rules propose X's plant in Y, and the money in front of the
plant noun says X invests that much there. The investment goes to the site's place (its host country where the
text states one, as for other investments), with the amount. A site only weighed, given up or put off
(``considered``, ``dropped``, ``postponed``) gives none, nor does a production project (another's plant).
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.vocab import MONEY_UNITS

__all__ = ["CostRules"]

#: what may stand between the money and the plant noun ("a $1 billion electric vehicle plant", "-crore")
_BETWEEN = re.compile(r"^(?:-|\s)*(?:[a-z][\w\-]*\s+){0,3}$")
#: the money a sentence's site is built with, after it ("… with an initial investment of N", "at a cost of N")
#: the hedge or bound before a site's price ("about", "more than", "up to")
_ABOUT = r"(?:about\s+|around\s+|some\s+|approximately\s+|nearly\s+|more\s+than\s+|up\s+to\s+|over\s+)?"
#: a site's price to come ("would cost", "is expected to cost")
_WILL_COST = r"(?:would|will|could|is\s+(?:expected\s+|set\s+|due\s+)?to)\s+cost"
_WITH_COST = re.compile(r"\b(?:with|involving|through|at)\s+(?:an?\s+|the\s+)?(?:(?:initial|total|planned|combined|"
                        r"overall|estimated)\s+)?(?:investment|cost|outlay)\s+of\s+" + _ABOUT + "$", re.I)
#: the money a site costs, in a clause of its own after it ("a plant that would cost N", "a factory costing N")
_COSTING = re.compile(rf"\b(?:(?:that|which)\s+{_WILL_COST}|costing)\s+{_ABOUT}$", re.I)
#: a sentence that prices the site the sentence before named ("The project would cost $65 million, …")
_IT_COSTS = re.compile(rf"\s*(?:The|This|That)\s+(?:new\s+)?(?:project|plant|factory|facility|site|works)\s+"
                       rf"{_WILL_COST}\s+{_ABOUT}")
#: statuses of a site that no money is yet put into
_UNSPENT = {"considered", "dropped", "postponed"}
#: words of a sentence whose plan was given up, put off or only weighed
_GIVEN_UP = re.compile(r"\b(?:dropped|abandoned|scrapped|shelved|cancell?ed|withdr[ae]w|ruled\s+out|on\s+hold|"
                       r"postponed|had\s+proposed|considering|weighing|studying|exploring)\b", re.I)
#: an investment's status from its site's
_STATUS = {"planned": "planned", "announced": "announced", "under-construction": "in-progress",
           "expanding": "in-progress"}


class CostRules:
    """Investments read from a price in front of a site noun (a mixin of the extractor)."""

    candidates: list[Any]
    text: str

    def priced_sites(self, before: set[int], s: int, e: int) -> None:
        """Propose an investment for each site added since ``before`` (ids of the candidates that were there)
        whose noun, in the sentence ``s``–``e``, has a money amount in front of it.

        Parameters
        ----------
        before : set of int
            ``id()`` of the candidates that were there before the sentence was read.
        s, e : int
            The sentence's offsets in the text.
        """
        sites = [c for c in self.candidates if c.file == "sites" and (id(c) not in before or any(
                     s <= a and b <= e for a, b in c.spans))  # (or one this sentence narrowed: "at the X Zone")
                 and c.record.get("place") and c.record.get("operator")
                 and c.record.get("kind") != "production-project" and c.record.get("status") not in _UNSPENT]
        last, self._sites_before = getattr(self, "_sites_before", (None, [])), (e, sites)
        money = [st for st in find_statistics(self.text[s:e], s) if getattr(st, "kind", None) == "amount"
                 and st.unit in MONEY_UNITS]  # (not "will hire 300 workers at its plant")
        it_costs = _IT_COSTS.match(self.text, s, e)
        if not sites and it_costs and last[0] is not None and not self.text[last[0]:s].count("\n\n"):
            sites = last[1]  # "… to set up a plant at X. The project would cost $65 million": that site's price
            money = [st for st in money if st.start == it_costs.end()]
        if not sites or _GIVEN_UP.search(self.text, s, e):
            return  # ("had proposed a $1 billion plant …, but dropped the plan"): no money goes in
        for site in sites:
            amount = next((st for st in money if st.start == it_costs.end()), None) if it_costs else None
            amount = amount or next((st for st in money for a, _ in site.spans if st.end <= a
                                     and _BETWEEN.match(self.text[st.end:a])), None) or next(
                (st for st in money if (_WITH_COST.search(self.text[max(s, st.start - 60):st.start])
                                        or _COSTING.search(self.text[max(s, st.start - 60):st.start]))
                 and any(b <= st.start for _, b in site.spans)), None)  # "… a plant in Y with an investment of N"
            if amount is None:
                continue
            investor = self._cost_mention(site.record["operator"][0], s, e)
            place = self._cost_mention(site.record["place"], s, e)
            if investor is None or place is None:
                continue
            cue = SimpleNamespace(idx=amount.start, text=self.text[amount.start:amount.end], lemma_="price")
            status = _STATUS.get(site.record.get("status") or "")
            self._propose(investor, [place], [], amount, cue, status)  # type: ignore[attr-defined]

    def _cost_mention(self, rid: str, s: int, e: int) -> Any:
        """A mention of ``rid`` in the sentence (an anaphor's too), else anywhere in the article."""
        here = [m for m in self.orgs_in(s, e) + self.mentions_in(s, e, ("places",))  # type: ignore[attr-defined]
                if m.id == rid]
        return here[0] if here else next((m for m in self.ents.mentions if m.id == rid), None)  # type: ignore[attr-defined]
