"""Deployments told in a gapped clause, the verb said once for two companies: "A has been testing robotaxis in X
and B in Y", "A runs driverless buses in X, while B in Y". A runs in X and B in Y, each on its own: neither is the
other's partner, and neither runs in the other's place (a mixin of the cue-pattern relations,
:class:`~nevkg.ingest.extract.relations_markets.MarketRules`)."""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention

#: between the first company's last place and the second company ("in X and B in Y")
_GAP = re.compile(r"\s*,?\s+(?:and|while|whereas|but)\s+")
#: between the second company and its own place
_GAP_PREP = re.compile(r"\s+(?:in|at|across)\s+(?:the\s+)?")


class GappedDeployments:
    """Deployments of a gapped clause, each company at its own places."""

    def gapped_deployments(self, kind: str, op: Mention, where: list[Mention], orgs: list[Mention], cue_s: int,
                           cue_e: int, sent: str) -> bool:
        """Propose each company's own deployment when the places of the cue at ``text[cue_s:cue_e]`` are split by
        another company named with no verb of its own ("… in X and B in Y"). Whether the clause is gapped so.

        Parameters
        ----------
        kind : str
            The deployment's kind (``robotaxi-service``, ``store-network`` …).
        op : Mention
            The company before the cue.
        where : list of Mention
            The cue's places, in the order of the text.
        orgs : list of Mention
            The sentence's organisations.
        cue_s, cue_e : int
            The cue's offsets.
        sent : str
            The sentence's text (for the deployment's status).

        Returns
        -------
        bool
            True when the clause was gapped and its deployments proposed (the caller proposes none of its own).
        """
        gaps: list[Mention] = []
        for o in orgs:
            if o.start < cue_e or o.id == op.id or o.compiler:
                continue
            before = next((p for p in reversed(where) if p.end <= o.start), None)
            after = next((p for p in where if p.start >= o.end), None)
            if before is None or after is None or any(p.end <= o.start for p in where if p.start > before.end):
                continue
            if _GAP.fullmatch(self.text[before.end:o.start]) and _GAP_PREP.fullmatch(self.text[o.end:after.start]):
                gaps.append(o)
        if not gaps:
            return False
        bounds = [(op, cue_s)] + [(o, o.start) for o in gaps]
        for i, (org, start) in enumerate(bounds):
            end = bounds[i + 1][1] if i + 1 < len(bounds) else len(self.text)
            for p in [p for p in where if start <= p.start < end]:
                if not any(c.file == "deployments" and c.record.get("operator") == org.id and
                           p.id in c.record.get("places", []) for c in self.candidates):
                    self._deployment_at_place(kind, org, p, cue_s, cue_e, sent)
        return True
