"""The extraction run: every rule family over the sentences of one article."""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.anaphora import resolve_anaphors
from nevkg.ingest.extract.figures import (
    _COMPILER_AFTER,
    _COMPILER_BEFORE,
    _COMPILER_KINDS,
    _FORECAST,
    _TARGET,
    find_statistics,
)
from nevkg.ingest.extract.mentions import _Entities
from nevkg.ingest.extract.model import Candidate, Extraction, Mention, Period, Statistic
from nevkg.ingest.extract.observations import _YEAR_EARLIER, ObservationRules
from nevkg.ingest.extract.parsed import ParsedRelations
from nevkg.ingest.extract.people import PeopleRules
from nevkg.ingest.extract.periods import MONTH, _plain, find_periods, split_sentences
from nevkg.ingest.extract.relations import RelationRules
from nevkg.ingest.extract.roles import RoleRules
from nevkg.ingest.gazetteer import Gazetteer


# ========================================================================================= extraction
class _Extractor(ObservationRules, RelationRules, ParsedRelations, PeopleRules, RoleRules):
    """Runs every rule family over the sentences of one article."""

    def __init__(self, text: str, gaz: Gazetteer, article_date: str | None, source_id: str,
                 doc: Any = None, publisher: str | None = None) -> None:
        self.doc = doc
        self.publisher = publisher
        self.text = text
        self.gaz = gaz
        self.date = article_date
        self.source = source_id
        self.ents = _Entities(text, gaz, doc)
        self._sentences: list[tuple[int, int, int]] = []
        #: the latest reporting period (a range) of the article, for flow figures stated without one
        self.article_period: Period | None = None
        self.candidates: list[Candidate] = []
        self.used_ids: set[str] = set()
        #: the organisation the text last spoke about ("The company" refers to it)
        self.last_org: Mention | None = None
        #: the subject of the paragraph's latest figure (a port or city can be an exporter too)
        self.para_subject: Mention | None = None

    # -- helpers
    def cid(self, base: str) -> str:
        base = re.sub(r"-+", "-", base).strip("-")[:80].strip("-") or "candidate"
        rid, n = base, 2
        while rid in self.used_ids or rid in self.gaz.ids:
            rid, n = f"{base}-{n}", n + 1
        self.used_ids.add(rid)
        return rid

    def label(self, rid: str) -> str:
        if rid in self.ents.new:
            return self.ents.new[rid]["label"]
        entry = self.gaz.entries.get(rid)
        return entry.label if entry else rid

    def add(self, file: str, record: dict[str, Any], conf: float, spans: list[tuple[int, int]], rule: str,
            **kw: Any) -> Candidate:
        record = {**record, "sources": [self.source]}
        cand = Candidate(file, record, round(max(0.05, min(conf, 0.99)), 2), sorted(set(spans)), rule, **kw)
        self.candidates.append(cand)
        return cand

    def mentions_in(self, s: int, e: int, files: tuple[str, ...] = ("organizations", "places")) -> list[Mention]:
        return [m for m in self.ents.mentions if s <= m.start and m.end <= e and m.file in files]

    # -- run
    def run(self) -> Extraction:
        self.ents.run()
        sentences = split_sentences(self.text)
        self._sentences = sentences
        self.mark_compilers(sentences)
        self._mark_publisher()
        self.ents.anaphors = resolve_anaphors(self.text, self.ents.mentions, sentences, self.doc)
        state: dict[int, dict[str, Any]] = {}
        for s, e, para in sentences:
            ctx = state.setdefault(para, {"period": None, "subject": None})
            periods = find_periods(self.text[s:e], s, self.date)
            self.para_subject = ctx.get("subject")  # from the sentences before this one
            orgs_before = self._org_spans()
            self.people(s, e)
            self.parse_people(s, e)
            if self._org_spans() != orgs_before:  # a name the parser took for a company is a person ("Chen said")
                self.ents.anaphors = resolve_anaphors(self.text, self.ents.mentions, sentences, self.doc)
            self.statistics(s, e, periods, ctx)
            self.relations(s, e, periods)
            self.parse_relations(s, e)
            actors = [m for m in self.mentions_in(s, e, ("organizations",)) if not m.compiler]
            if actors:
                self.last_org = actors[0]
            stat_periods = [p for p in periods if not p.date and p.kind != "since"]
            if stat_periods:
                ctx["period"] = stat_periods[-1]
                ranges = [p for p in stat_periods if p.kind == "period" and p.period_start != p.period_end]
                if ranges and (self.article_period is None
                               or _months(ranges[-1]) > _months(self.article_period)):
                    self.article_period = ranges[-1]  # the report's period: the widest range it names
        self.entity_candidates()
        self.finish_measures()
        self.measure_flows()
        return Extraction(sorted(self.ents.mentions + self.ents.inner, key=lambda m: m.start), self.candidates)

    def _org_spans(self) -> set[tuple[int, str]]:
        return {(m.start, m.id) for m in self.ents.mentions if m.file == "organizations"}

    def _mark_publisher(self) -> None:
        """The publication named in its own article is a source: its mentions act as compilers."""
        if not self.publisher:
            return
        from nevkg.queries.resolve import normalize

        pub = normalize(self.publisher)
        for m in self.ents.mentions:
            key = normalize(m.text)
            if m.file == "organizations" and len(key) >= 3 and (pub == key or pub.startswith(key + " ")):
                m.compiler = True

    def mark_compilers(self, sentences: list[tuple[int, int, int]]) -> None:
        for m in self.ents.mentions:
            if m.file != "organizations":
                continue
            if _COMPILER_BEFORE.search(self.text[max(0, m.start - 60):m.start]) or \
                    _COMPILER_AFTER.match(self.text[m.end:m.end + 30]):
                m.compiler = True
            elif m.kind in _COMPILER_KINDS and re.match(r"^\s+(?:said|says|reported|announced|estimated|showed)\b",
                                                        self.text[m.end:m.end + 30]):
                m.compiler = True

    # -- statistics
    def statistics(self, s: int, e: int, periods: list[Period], ctx: dict[str, Any]) -> None:
        sent = self.text[s:e]
        stats = find_statistics(sent, s)
        # numbers inside a date or period ("14, 2025") are not figures
        stats = [st for st in stats if not any(p.start <= st.start < p.end for p in periods)]
        # model names and ids ("SU7") were skipped by find_statistics; numbers inside entity names are dropped here
        self._drop_currency_names(stats)
        stats = [st for st in stats if not any(m.start <= _digit(self.text, st) < m.end for m in self.ents.mentions)]
        bases: list[tuple[Statistic, Candidate | None]] = []
        compilers = [m for m in self.mentions_in(s, e, ("organizations",)) if m.compiler]
        status = "forecast" if _FORECAST.search(sent) else "target" if _TARGET.search(sent) else \
            "estimate" if re.search(r"\bestimat(?:ed|es)\b(?!\s+\d)", sent) and not re.search(
                r"\ban\s+estimated\b", sent) else "reported"
        pending: Statistic | None = None  # "rose 12% to N": a change waiting for the figure it leads to
        for i, st in enumerate(stats):
            if st.role == "yoy":
                target = next((c for b, c in reversed(bases) if c is not None and b.yoy is None
                               and not b.conversion and not self._comparison_base(b, e)), None)
                base_stat = next((b for b, c in reversed(bases) if c is target), None)
                if base_stat is not None and (self._clause_break(base_stat.end, st.start)
                                              or _MONTH_ON_MONTH.match(self.text[st.end:e])):
                    target = base_stat = None  # (another clause's figure; a change against the month before)
                if target is not None and base_stat is not None:
                    self._attach_change(st, base_stat, target, bases)
                    continue
                nxt = stats[i + 1] if i + 1 < len(stats) else None
                if nxt is not None and nxt.kind == "amount" and _CHANGE_TO.fullmatch(self.text[st.end:nxt.start]) \
                        and not _MONTH_ON_MONTH.match(self.text[nxt.end:e]):
                    pending = st
                    continue
                st.role = "growth"
            cand = self.observation(st, s, e, periods, ctx, compilers, status, bases)
            bases.append((st, cand))
            if pending is not None:
                if cand is not None and st.kind == "amount":
                    self._attach_change(pending, st, cand, bases)
                else:
                    pending.role = "growth"
                    bases.append((pending, self.observation(pending, s, e, periods, ctx, compilers, status, bases)))
                pending = None

    def _comparison_base(self, b: Statistic, e: int) -> bool:
        """A figure given as the base of a comparison ("from 3,000 a year earlier", "compared with 18,000 in
        2024"): a change in the sentence belongs to the figure compared with it, not to the base."""
        return bool(_YEAR_EARLIER.match(self.text, b.end, e) or re.search(
            r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|from)\s+$", self.text[max(0, b.start - 20):b.start]))

    def _attach_change(self, st: Statistic, base_stat: Statistic, target: Candidate, bases: list) -> None:
        """Record the change ``st`` as the year-on-year change of the figure ``base_stat`` (its candidate
        ``target``); conversions of the same figure share it."""
        yoy = (st.value - 1) * 100 if st.kind == "times" else st.value
        base_stat.yoy = yoy
        target.record["yoy_change_pct"] = _plain(yoy)
        if st.bound:
            target.record["yoy_bound"] = st.bound
        target.spans.append((st.start, st.end))
        target.spans.sort()
        for b, c in bases:
            if b.conversion and c is not None and b.start > base_stat.start:
                c.record["yoy_change_pct"] = _plain(yoy)

    def _drop_currency_names(self, stats: list[Statistic]) -> None:
        """A currency code before an amount ("EUR 1.2bn"), or the amount with it, that the parser proposed as a new
        name (an organisation, a model)."""
        for st in stats:
            for m in [m for m in self.ents.overlaps(st.start, st.end) if not m.known and m.rule.startswith("ner:")
                      and re.fullmatch(r"(?:[A-Z]{3}|US\$?|Rs\.?|R\$)(?:\s?[\d.,]+\s?(?:bn|mn|m|k|billion|million|"
                                       r"thousand)?)?", m.text)]:
                self.ents.mentions.remove(m)
                if not any(k.id == m.id for k in self.ents.mentions):
                    self.ents.new.pop(m.id, None)
                    self.ents.new_meta.pop(m.id, None)

    def _clause_break(self, a: int, b: int) -> bool:
        """Whether a new clause about another subject starts between two offsets."""
        gap = self.text[a:b]
        if re.search(r";|,\s+(?:while|whereas|but)\b|\bwhile\b", gap):
            return True
        return any(m.file == "organizations" and not m.compiler for m in self.mentions_in(a, b))

    # -- entities
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
                country = next(filter(None, (self._country_of(m) for m in by_id.get(rid, [first]))), None) \
                    or self._country_in_name(first)
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
            country = self._country_of(m)
            if country and country != m.id:
                seen.add(m.id)
                entry = self.gaz.entries[m.id]
                self.add("organizations", {"id": m.id, "label": entry.label, "kind": entry.kind or "company",
                                           "country": country}, 0.6, [(m.start, m.end)], "stated-country",
                         new=False, merge_into=m.id, notes=[f"this article names '{m.id}' as from '{country}'"])

    def _maker_of(self, model: Mention) -> Mention | None:
        """The maker of a model: the organisation its name starts with ("Opel Grandland"), the one right before it
        ("Xpeng's G6"), else the sentence's carmaker or brand nearest before it (after it when none is before)."""
        first = model.text.split()[0]
        for m in self.ents.mentions:
            if m.file == "organizations" and (m.text == first or self.label(m.id) == first):
                return m
        from nevkg.ingest.extract.linking import link

        known = link(first, self.gaz, ("organizations",), fuzzy=False) if len(model.text.split()) > 1 else None
        if known is not None:
            return Mention(model.start, model.start + len(first), first, "organizations", known.id, True, known.kind,
                           "model-name", 0.8, known.label)
        for s, e, _ in self._sentences or split_sentences(self.text):
            if not s <= model.start < e:
                continue
            orgs = [m for m in self.mentions_in(s, e, ("organizations",)) if not m.compiler and m.id != model.id]
            for m in orgs:
                if re.fullmatch(r"(?:['’]s)?\s+(?:new\s+|latest\s+)?", self.text[m.end:model.start]):
                    return m
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


def extract(text: str, gazetteer: Gazetteer, *, article_date: str | None = None,
            source_id: str = "new-source", nlp: bool = True, publisher: str | None = None) -> Extraction:
    """Find candidate records in an article's text.

    Parameters
    ----------
    text : str
        The article's plain text (offsets refer to it).
    gazetteer : Gazetteer
        The known entities.
    article_date : str, optional
        ``YYYY[-MM[-DD]]``: resolves "last year", "this year" and months named without a year.
    source_id : str
        Id of the source record every candidate cites.
    nlp : bool
        Parse with the statistical pipeline when it is installed (:mod:`nevkg.ingest.extract.nlp`); ``False``
        runs the rules alone.
    publisher : str, optional
        The publisher's name: where the text names the publication itself ("X reported", "told X"), it is a
        source, never the actor of a fact.

    Returns
    -------
    Extraction
        The entity mentions and the candidate records.
    """
    from nevkg.ingest.extract.nlp import parse, pipeline_status

    doc = parse(text) if nlp else None
    result = _Extractor(text, gazetteer, article_date, source_id, doc, publisher).run()
    result.pipeline = pipeline_status() if nlp else "rules only: the statistical pipeline was turned off"
    return result


#: between a change and the figure it leads to: "rose 12% to N", "up 35% from a year earlier at N"
_CHANGE_TO = re.compile(r"\s*,?\s*(?:to|at)\s+(?:an?\s+(?:record|all-time\s+high|total)\s+(?:of\s+)?)?")


#: a change against the month before, written after the figure: a statistic of its own, not a yearly change
_MONTH_ON_MONTH = re.compile(rf"[^.;]{{0,40}}?\b(?:from|than|compared\s+(?:with|to)|over)\s+(?:in\s+)?(?:{MONTH}|"
                             r"the\s+previous\s+month|last\s+month|a\s+month\s+(?:earlier|before))|"
                             r"[^.;]{0,40}?\bmonth[\s-]on[\s-]month", re.I)


def _digit(text: str, st: Statistic) -> int:
    """The offset of a figure's first digit (after a currency code or symbol, a qualifier)."""
    m = re.search(r"\d", text[st.start:st.end])
    return st.start + m.start() if m else st.start


def _months(p: Period) -> int:
    """How many months a period covers (a year without months counts twelve)."""
    def index(v: str, end: bool) -> int:
        return int(v[:4]) * 12 + (int(v[5:7]) if len(v) >= 7 else (12 if end else 1))
    return index(p.period_end, True) - index(p.period_start, False) + 1
