"""Kits a maker ships from its own plant to an assembly plant abroad: the maker exports to the assembly plant's
country.

"The vehicles will be assembled from semi-knocked-down kits shipped from X's factory in Nanchang, in China's Jiangxi
province", "kits made at X's plant in Zhengzhou", "assembled from chassis and drive units made at X's factory in Y":
X exports to the country of the assembly site the article told of
before (the one the article reports from, else the country stated above the site's place, else the one it names
most), as the samples' golds record it. The kits' plant must be named with a town in China (kits go from
China's plants to assembly abroad in the articles the extractor reads); a sentence after no site proposes nothing. A
mixin of the parsed relations, whose ``_mention_of``, ``_host_country`` and ``listed_market`` it uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.vocab import SITE_NOUNS

__all__ = ["KitExportRules"]

#: parts that vehicles assembled abroad are made from, like kits ("assemble vehicles from chassis, electric drive
#: units and battery packs made at X's main factory in Y")
_PARTS = {"chassis", "component", "part"}
#: the prepositions a kits' plant is named after ("shipped from X's plant", "made at X's factory")
_FROM = {"from", "at", "in", "by"}


class KitExportRules:
    """Exports of kits to an assembly site abroad (a mixin of the parsed relations)."""

    candidates: list[Any]

    def kit_exports(self, sent: Any, orgs: list[Mention]) -> None:
        """Propose the exports of a maker whose own plant in China the sentence says the kits come from."""
        lemmas = {t.lemma_.lower() for t in sent}
        if "kit" not in lemmas and not ("assemble" in lemmas and lemmas & _PARTS):
            return  # (kits, or the parts vehicles are assembled from: "assembled from chassis and drive units")
        for noun in sent:
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is None or noun.lemma_.lower() not in SITE_NOUNS or noun.dep_ != "pobj" \
                    or noun.head.lower_ not in _FROM:
                continue
            maker = self._mention_of(owner)  # type: ignore[attr-defined]
            if maker is None or maker not in orgs:
                continue
            homes = {c for t in noun.subtree if (p := self._mention_of(t, ("places",))) is not None  # type: ignore
                     for c in (self._host_country(p).id, self.ents.country_above(p.id), _table_home(p))}  # type: ignore
            host = self._assembly_country(sent, homes) if "china" in homes else None
            if host is not None:
                self.listed_market(maker, host, "exports-to", [], (noun.idx, noun.idx + len(noun.text)),  # type: ignore
                                   "parse:kits")

    def _assembly_country(self, sent: Any, homes: set[str]) -> Mention | None:
        """A mention of the country the kits go to, not one of ``homes`` (the kits' plant's): the one the article
        reports from, else the country of the latest site proposed before the sentence ``sent``, else the one the
        article names most; ``None`` when no site was named before."""
        E = self.ents  # type: ignore[attr-defined]
        sites = [c for c in self.candidates if c.file == "sites" and c.spans and c.record.get("place")
                 and c.evidence_end <= sent.start_char]
        if not sites:
            return None

        def found() -> Iterator[str | None]:  # (each asked only when the ones before gave none)
            yield E.home_country()
            for c in reversed(sites):
                place = c.record["place"]
                yield place if E.kind_of(place) == "country" else E.country_above(place)
            yield E.leading_country(1, stated=True)

        country = next((c for c in found() if c is not None and c not in homes), None)
        return next((m for m in E.mentions if m.id == country and m.file == "places"), None) if country else None


def _table_home(place: Mention) -> str | None:
    """``"china"`` for a Chinese town of the table of the world's larger cities ("Nanchang"), else ``None``."""
    from nevkg.ingest.cities import city_country

    return "china" if city_country(place.label or place.text) == "CN" else None
