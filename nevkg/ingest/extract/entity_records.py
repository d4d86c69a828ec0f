"""Entity candidates: the new records the mentions propose, and what the article says of known ones.

A mixin of the extractor (:class:`~nevkg.ingest.extract.core._Extractor`), run once after every sentence:
:meth:`EntityRecords.entity_candidates` turns each new entity into a candidate record (a model with its maker,
an organisation with its country, a site with its operator and place, a measure with its kind), proposes the
new aliases of known records, and :meth:`EntityRecords.known_facts` the container, country or maker the
article states for a known place, organisation or model.
"""

from __future__ import annotations

import re

from nevkg.ingest.extract.model import Mention
from nevkg.ingest.extract.relations_actors import _GOV
from nevkg.ingest.extract.sentences import split_sentences


class EntityRecords:
    """Candidate records for the entities of the article (needs the extractor's mentions and ``add``)."""

    def entity_candidates(self) -> None:
        by_id: dict[str, list[Mention]] = {}
        for m in self.ents.mentions:
            by_id.setdefault(m.id, []).append(m)
        makers: dict[str, str] = {}
        for m in self.ents.mentions:
            if m.file == "vehicle_models" and m.id not in makers:
                own = self.ents.new.get(m.id, {})
                if own.get("maker") or own.get("platform"):  # named with its maker ("Opel Astra"); a platform
                    makers.update({m.id: own["maker"]} if own.get("maker") else {})
                    continue
                maker = self._maker_of(m)
                if maker is not None and maker.id != m.id:
                    makers[m.id] = maker.id
        self._coordinated_makers(makers)
        for rid, rec in self.ents.new.items():
            first = self.ents.new_meta[rid]
            spans = [(m.start, m.end) for m in by_id.get(rid, [first])]
            file = first.file
            body = dict(rec)
            if file == "vehicle_models" and rid in makers:
                body["maker"] = makers[rid]
            if file == "organizations" and body.get("kind") != "publisher" and not body.get("country"):
                country = self._country_in_name(first, public=True) if body.get("kind") in _GOV else None
                country = country or next(filter(None, (self._country_of(m) for m in by_id.get(rid, [first]))),
                                          None) or self._country_in_name(first)
                if not country and body.get("kind") in _GOV:  # an authority named without its country: the dateline's
                    country = self.ents.dateline_country()
                if country and country != rid:
                    body["country"] = country
            if file == "sites":
                inside = [m.id for m in self.mentions_in(first.start, first.end, ("organizations",))]
                near = self._maker_of(first)
                body["operator"] = inside[:1] or ([near.id] if near else [])
                places = [m.id for m in self.mentions_in(first.start, first.end, ("places",))]
                if places:
                    body["place"] = places[-1]
            if file == "policies":
                body["kind"] = "trade-measure" if re.search(r"tariff|dut(?:y|ies)|surtax|quota", rec["label"],
                                                            re.I) else "regulation"
                body["status"] = "announced"
            for key in ("parent", "brand_of", "based_in", "country", "maker", "located_in", "place"):
                value = body.get(key)  # an entity is never its own parent, maker or place
                if isinstance(value, list):
                    body[key] = [v for v in value if v != rid]
                elif value == rid:
                    del body[key]
            missing = ["maker"] if file == "vehicle_models" and "maker" not in body else []
            if file == "vehicle_models" and rec.get("platform"):
                missing = ["maker"]  # a platform the parse called a model: the reviewer decides what it is
            if file == "sites" and not body["operator"]:
                missing = ["operator"]
            order = ["id", "label", "aliases", "kind", "status", "parent", "brand_of", "based_in", "country", "maker",
                     "operator", "place", "located_in", "iso_code"]
            body = {k: body[k] for k in order if k in body and body[k] not in (None, [])}
            self.add(file, body, first.confidence + min(0.1, 0.03 * (len(spans) - 1)) - 0.2 * len(missing), spans,
                     first.rule, new=True, status="incomplete" if missing else "proposed", missing=missing,
                     notes=[f"no {missing[0]} named nearby; fill in '{missing[0]}'"] if missing else [])
        self.known_facts(makers)
        # known entities named by a new alias
        aliases: dict[str, list[Mention]] = {}
        for m in self.ents.mentions:
            if m.known and m.new_alias:
                aliases.setdefault(m.id, []).append(m)
        for rid, ms in aliases.items():
            entry = self.gaz.entries[rid]
            names = list(dict.fromkeys(m.new_alias for m in ms))
            body = {"id": rid, "label": entry.label, "aliases": names}
            if entry.kind:
                body["kind"] = entry.kind
            self.add(entry.file, body, 0.75, [(m.start, m.end) for m in ms], "alias-of-known",
                     new=False, merge_into=rid, notes=[f"adds the alias(es) {', '.join(names)} to '{rid}'"])

    def known_facts(self, makers: dict[str, str]) -> None:
        """What the article states about known places, organisations and models (a container, a company's
        country, a model's maker), proposed for merging into the known record so that it is sourced here too."""
        for mid, maker in makers.items():
            entry = self.gaz.entries.get(mid)
            if entry is not None and entry.file == "vehicle_models":
                spans = [(m.start, m.end) for m in self.ents.mentions if m.id == mid]
                self.add("vehicle_models", {"id": mid, "label": entry.label, "maker": maker}, 0.6, spans,
                         "stated-maker", new=False, merge_into=mid, notes=[f"this article names '{maker}' as maker"])
        for pid, (container, a, b) in getattr(self.ents, "stated_in", {}).items():
            entry = self.gaz.entries[pid]
            self.add("places", {"id": pid, "label": entry.label, "kind": entry.kind or "city",
                                "located_in": [container]}, 0.6, [(a, b)], "stated-container", new=False,
                     merge_into=pid, notes=[f"this article places '{pid}' in '{container}'"])
        for pid, ups in getattr(self.ents, "implied_in", {}).items():
            stated = self.ents.stated_in.get(pid, ("",))[0]
            ups = [u for u in ups if u[0] != stated]
            if ups:
                entry = self.gaz.entries[pid]
                self.add("places", {"id": pid, "label": entry.label, "kind": entry.kind or "city",
                                    "located_in": [u[0] for u in ups]}, 0.5, [(a, b) for _, a, b in ups],
                         "named-with-container", new=False, merge_into=pid,
                         notes=[f"this article names '{pid}' with {', '.join(u[0] for u in ups)}, which the "
                                "records say contain it"])
        seen: set[str] = set()
        for m in self.ents.mentions:
            if not m.known or m.file != "organizations" or m.id in seen:
                continue
            country = self._country_of(m) or getattr(self.ents, "stated_country", {}).get(m.id) or \
                self._dateline_authority(m)
            if country and country != m.id:  # (a ministry linked through the country its text names)
                seen.add(m.id)
                entry = self.gaz.entries[m.id]
                self.add("organizations", {"id": m.id, "label": entry.label, "kind": entry.kind or "company",
                                           "country": country}, 0.6, [(m.start, m.end)], "stated-country",
                         new=False, merge_into=m.id, notes=[f"this article names '{m.id}' as from '{country}'"])

    def _dateline_authority(self, m: Mention) -> str | None:
        """The dateline's country for a known authority of that country ("BEIJING -- … the General
        Administration of Customs"): the article plainly implies whose it is."""
        from nevkg.ingest.extract.policy_authorities import is_authority

        home = self.ents.dateline_country()
        entry = self.gaz.entries.get(m.id)
        return home if home and is_authority(m) and entry is not None and entry.parents[:1] == [home] else None

    def _maker_of(self, model: Mention) -> Mention | None:
        """The maker of a model: the organisation its name starts with ("Opel Grandland"), the one right before it
        ("Xpeng's G6"), else the sentence's carmaker or brand nearest before it (after it when none is before)."""
        first = model.text.split()[0]
        for m in self.ents.mentions:
            if m.file == "organizations" and (m.text == first or self.label(m.id) == first):
                return m
        led = {m.id: m for m in self.ents.mentions if m.file == "organizations" and len(model.text.split()) > 1
               and (self.label(m.id) or "").startswith(first + " ") and (m.kind or "") in {"automaker", "brand"}}
        if len(led) == 1:
            return next(iter(led.values()))  # "Marlin V5" of Marlin Auto Inc., named by its leading word
        from nevkg.ingest.extract.linking import link

        known = link(first, self.gaz, ("organizations",), fuzzy=False) if len(model.text.split()) > 1 else None
        if known is not None:
            return Mention(model.start, model.start + len(first), first, "organizations", known.id, True, known.kind,
                           "model-name", 0.8, known.label)
        for s, e, _ in self._sentences or split_sentences(self.text):
            if not s <= model.start < e:
                continue
            orgs = [m for m in self.mentions_in(s, e, ("organizations",)) if not m.compiler and m.id != model.id]
            for m in orgs + [a for a in getattr(self.ents, "anaphors", []) if a.rule == "anaphor:its" and s <= a.start]:
                if re.fullmatch(r"(?:['’]s)?\s+(?:new\s+|latest\s+)?", self.text[m.end:model.start]):
                    return m  # (or "its" right before it: "X, which builds its EX30 in China": X's)
            makers = [m for m in orgs if (m.kind or "") in {"automaker", "brand"}]
            if not makers:  # no carmaker in the sentence: the article's main carmaker, else the sentence's firm
                counts: dict[str, list[Mention]] = {}
                for m in self.ents.mentions:
                    if m.file == "organizations" and (m.kind or "") in {"automaker", "brand"}:
                        counts.setdefault(m.id, []).append(m)
                if counts:
                    return max(counts.values(), key=len)[0]
                makers = orgs
            before = [m for m in makers if m.end <= model.start]
            after = [m for m in makers if m.start >= model.end]
            return before[-1] if before else (after[0] if after else None)
        return None

    def _coordinated_makers(self, makers: dict[str, str]) -> None:
        """Models named together ("the A6 and A8", "as well as the A9") share a maker."""
        models = sorted((m for m in self.ents.mentions if m.file == "vehicle_models"), key=lambda m: m.start)
        for a, b in zip(models, models[1:], strict=False):
            gap = self.text[a.end:b.start]
            if re.fullmatch(r"\s*(?:,|and|or|as\s+well\s+as|,\s+as\s+well\s+as)\s+(?:the\s+)?", gap):
                if a.id in makers and b.id not in makers:
                    makers[b.id] = makers[a.id]

