"""A company that sells or ships *through* another works with it: the channel of a sale is a partner.

"X sells its cars in Y through Z, an importer", "X ships vans to Y via Z", "it is sold in Y by Z": the market rules
propose X's presence in Y; the company named after "through" or "via" on the same verb (or as the agent of its
passive) is X's importer, distributor or dealer group, a
cooperation of the two (of a brand's owner and the channel, for a brand), and so is the company that runs the
outlets the sale goes through ("through 32 dealerships run by Z"). Not a channel: an unnamed one ("through
its local arm", "through dealers"), an authority, a place, or the seller itself.
"""

from __future__ import annotations

from typing import Any

from nevkg.ingest.extract.spans import span_at

__all__ = ["ChannelRules"]

#: verbs of a sale whose "through"/"via" names the channel
_SALE_VERBS = {"sell", "export", "ship", "distribute", "market", "offer", "import", "deliver", "retail", "arrive",
               "enter", "launch"}  # ("arrived in Chile through local importer Y")
#: kinds of organisation that are no sales channel
_NO_CHANNEL = {"government-body", "ministry", "customs-office", "legislature", "political-body", "publisher",
               "regulator", "agency"}


class ChannelRules:
    """Partnerships of a seller and the company it sells through (a mixin of the extractor)."""

    candidates: list[Any]

    def sale_channels(self, before: set[int], s: int, e: int) -> None:
        """Add a cooperation for each market presence added since ``before`` (ids of the candidates that were
        there) whose verb names a company after "through" or "via".

        Parameters
        ----------
        before : set of int
            ``id()`` of the candidates that were there before the sentence was read.
        """
        doc = getattr(self, "doc", None)
        if doc is None:
            return
        found = [(c.record.get("exporter"), c.spans, self._sale_verbs(c)) for c in self.candidates
                 if id(c) not in before and c.file == "market_presence" and c.record.get("activity") in
                 {"sells-in", "exports-to", "entered"}]
        found += self._known_market_sales(before, span_at(doc, s, e) or [])
        for seller, spans, verbs in found:
            seller = self.ents.new.get(seller, {}).get("brand_of") or seller  # type: ignore[attr-defined]
            # (a brand sold through Z: its owner works with Z)
            for verb in verbs:
                passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
                for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"through", "via"}
                             or c.dep_ == "agent" and passive):  # ("it is sold in Y by Z": Z sells it)
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        channel = self._channel_of(obj) or self._runner_of(obj)
                        if channel is None or channel.id == seller or channel.file != "organizations" \
                                or (channel.kind or "") in _NO_CHANNEL or channel.rule.startswith("anaphor:") \
                                or self.deal_ended_with([channel.id], s, e):  # type: ignore[attr-defined]
                            continue  # ("by X, whose contract it did not renew": a channel no more)
                        if self._new_partnership(seller, channel.id, "cooperation"):  # type: ignore[attr-defined]
                            self.add("partnerships", {  # type: ignore[attr-defined]
                                "id": self.cid(f"{seller}-{channel.id}-cooperation"),  # type: ignore[attr-defined]
                                "label": f"{self.label(seller)} sells through {self.label(channel.id)}",  # type: ignore[attr-defined]
                                "kind": "cooperation", "partners": [seller, channel.id]}, 0.5,
                                [*spans, (channel.start, channel.end)], "partnership:sells-through")

    def _known_market_sales(self, before: set[int], sent: Any) -> list[tuple[str, list, list]]:
        """Sales the sentence names again in a market a presence was proposed for before ("It sold its first cars in
        X in 2023. In X, the company's vehicles are sold through Z"): for each sale verb of the sentence ``sent``
        not read above, the seller (the possessor of the goods it sells), the verb's span and the verb; the caller
        looks for the channel after "through", "via" or a passive's "by"."""
        out = []
        new = [c for c in self.candidates if id(c) not in before]
        for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in _SALE_VERBS):
            if any(verb.idx in range(a, b) for c in new for a, b in c.spans):
                continue  # (a presence of this sentence: read above)
            goods = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
            owner = next((c for c in goods.children if c.dep_ == "poss"), None) if goods is not None else None
            seller = self._mention_of(owner) if owner is not None else None  # type: ignore[attr-defined]
            if seller is not None and seller.file == "organizations" and any(
                    c.file == "market_presence" and c.record.get("exporter") == seller.id for c in self.candidates):
                out.append((seller.id, [(verb.idx, verb.idx + len(verb.text))], [verb]))
        return out

    def _sale_verbs(self, cand: Any) -> list[Any]:
        """The verbs of selling among the tokens of the candidate's spans."""
        out = []
        for a, b in cand.spans:
            span = span_at(self.doc, a, b)  # type: ignore[attr-defined]
            for tok in span or []:
                if (tok.pos_ == "VERB" and tok.lemma_.lower() in _SALE_VERBS or tok.lemma_ == "be" and any(
                        c.lower_ == "on" and any(o.lower_ == "sale" for o in c.children) for c in tok.children)) \
                        and tok not in out:  # ("have been on sale in X through Y")
                    out.append(tok)
        return out

    def _runner_of(self, obj: Any) -> Any:
        """The company that runs the outlets the sale goes through ("through 32 dealerships run by Z")."""
        for tok in obj.subtree:
            if tok.dep_ == "acl" and tok.lemma_.lower() in {"run", "operate", "own", "manage"}:
                for agent in (c for c in tok.children if c.dep_ == "agent"):
                    for who in (c for c in agent.children if c.dep_ == "pobj"):
                        found = self._channel_of(who)
                        if found is not None:
                            return found
        return None

    def _channel_of(self, tok: Any) -> Any:
        """The organisation mention whose words include ``tok`` (the object of "through")."""
        return next((m for m in self.ents.mentions  # type: ignore[attr-defined]
                     if m.start <= tok.idx < m.end and m.file == "organizations"), None)
