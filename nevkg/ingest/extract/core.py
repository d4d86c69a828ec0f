"""The extraction run: every rule family over the sentences of one article.

:class:`_Extractor` holds the run (the sentences in order, each paragraph's period and subject, the organisation
spoken of last), the helpers every rule family uses (``add``, ``cid``, ``label``, ``mentions_in``) and the marking
of compilers and of the publisher; the rule families are its mixins: :mod:`.sentence_figures` and
:mod:`.observations` (figures), :mod:`.relations` and :mod:`.parsed` (relations), :mod:`.people` and
:mod:`.roles` (people), :mod:`.entity_records` (entity candidates, run last). :func:`extract` is the entry point.
"""

from __future__ import annotations

import re
from typing import Any

from nevkg.ingest.extract.anaphora import resolve_anaphors
from nevkg.ingest.extract.dateline_currency import LOCAL_MONEY, localise_currency
from nevkg.ingest.extract.entity_records import EntityRecords
from nevkg.ingest.extract.figure_cues import (
    _ANALYSTS_AFTER,
    _ANALYSTS_AT,
    _COMPILER_AFTER,
    _COMPILER_BEFORE,
    _COMPILER_DESCRIBED,
    _COMPILER_KINDS,
    _COMPILER_VIA,
    _OFFICER_AFTER,
)
from nevkg.ingest.extract.forms import refit_short_names
from nevkg.ingest.extract.mentions import _Entities
from nevkg.ingest.extract.model import Candidate, Extraction, Mention, Period
from nevkg.ingest.extract.network_countries import network_countries
from nevkg.ingest.extract.observations import ObservationRules
from nevkg.ingest.extract.parsed import ParsedRelations
from nevkg.ingest.extract.people import PeopleRules
from nevkg.ingest.extract.period_forms import FISCAL_START, fiscal_start_of
from nevkg.ingest.extract.periods import find_periods
from nevkg.ingest.extract.presence_merge import drop_dealer_sales, markets_in_countries, merge_repeated_presence
from nevkg.ingest.extract.relations import RelationRules
from nevkg.ingest.extract.relations_assert import AssertionRules
from nevkg.ingest.extract.relations_channels import ChannelRules
from nevkg.ingest.extract.relations_costs import CostRules
from nevkg.ingest.extract.relations_fronted import FrontedMarketRules
from nevkg.ingest.extract.relations_handover import HandoverRules
from nevkg.ingest.extract.relations_import_origins import ImportOriginRules
from nevkg.ingest.extract.relations_launches import LaunchRules
from nevkg.ingest.extract.relations_levels import MarketLevelRules
from nevkg.ingest.extract.relations_market_back import MarketBackRules
from nevkg.ingest.extract.relations_rankings import RankingRules
from nevkg.ingest.extract.relations_respective import RespectiveRules
from nevkg.ingest.extract.relations_types import TypedEndRules
from nevkg.ingest.extract.roles import RoleRules
from nevkg.ingest.extract.sentence_figures import SentenceFigures
from nevkg.ingest.extract.sentences import list_intros, split_sentences
from nevkg.ingest.extract.ventures import VentureRules
from nevkg.ingest.gazetteer import Gazetteer

#: the words before the time of a comparison's base ("than in the same period of last year", "compared with 2025")
_COMPARED = re.compile(r"\b(?:the\s+same\s+(?:period|months?|quarter)\s+(?:of|in)\s+|than\s+(?:in\s+)?|"
                       r"compared\s+(?:with|to)\s+(?:in\s+)?)$", re.I)


# ========================================================================================= extraction
class _Extractor(SentenceFigures, EntityRecords, ObservationRules, RelationRules, ParsedRelations, PeopleRules,
                 RoleRules, VentureRules, HandoverRules, AssertionRules, MarketLevelRules,
                 RespectiveRules, TypedEndRules, ChannelRules, CostRules, MarketBackRules, LaunchRules, RankingRules,
                 FrontedMarketRules, ImportOriginRules):
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
        #: the ISO 3166-1 code of the dateline city's country, and the month a fiscal year ("FY27") starts in
        #: there (April where the article says nothing); both set when the run has read the mentions
        self.dateline_code: str | None = None
        self.fiscal_start = 4
        self._sentences: list[tuple[int, int, int]] = []
        #: the latest reporting period (a range) of the article, for flow figures stated without one
        self.article_period: Period | None = None
        #: the month or quarter the article opens with ("… sold four in ten new cars in Chile in November")
        self.lede_period: Period | None = None
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
        self.dateline_code = self._dateline_code()
        home = self.dateline_code or self._named_home_code()
        self.fiscal_start = fiscal_start_of(self.text, self.dateline_code or (home if home in FISCAL_START else None))
        sentences = split_sentences(self.text)
        self._sentences = sentences
        self.mark_compilers(sentences)
        self._mark_publisher()
        self.ents.anaphors = resolve_anaphors(self.text, self.ents.mentions, sentences, self.doc)
        state: dict[int, dict[str, Any]] = {}
        intros = list_intros(self.text)  # a list's items share its lead-in's context
        ctx: dict[str, Any] = {}
        for s, e, para in sentences:
            key = intros.get(para, para)
            if key not in state:  # ("Fiji took 1,160 of them" opening a paragraph: a part of the count just before)
                state[key] = {"period": None, "subject": None, "carried_obs": (s, ctx.get("last_obs"))}
            ctx = state[key]
            periods = find_periods(self.text[s:e], s, self.date, self.fiscal_start)
            self.para_subject = ctx.get("subject")  # from the sentences before this one
            orgs_before = self._org_spans()
            self.people(s, e)
            self.parse_people(s, e)
            if self._org_spans() != orgs_before:  # a name the parser took for a company is a person ("Chen said")
                refit_short_names(self.ents)  # (or a person's name a company's: its short name may be that one's)
                self.ents.anaphors = resolve_anaphors(self.text, self.ents.mentions, sentences, self.doc)
            self.statistics(s, e, periods, ctx)
            alive = list(self.candidates)  # (held for the sentence: a candidate dropped in it frees its id, which
            before = {id(c) for c in alive}  # a new one could take, and would then pass for one made before)
            self.relations(s, e, periods)
            self.parse_relations(s, e)
            self.venture_sentence(s, e)
            self.handovers(s, e)
            self.drop_unasserted(before, s, e)
            self.respective_pairs(before, s, e)
            self.city_markets(before)
            self.town_exporters(before)
            self.domestic_sales(before)
            self.typed_ends(before, s, e)
            self.sale_channels(before, s, e)
            self.fronted_markets(before, s, e)
            self.priced_sites(before, s, e)
            self.markets_back(s, e)
            self.import_origins(s, e)
            actors = [m for m in self.mentions_in(s, e, ("organizations",)) if not m.compiler]
            if actors:
                self.last_org = actors[0]
            stat_periods = [p for p in periods if not p.date and p.kind != "since"]
            if stat_periods and self.lede_period is None and s < _LEDE_END:
                self.lede_period = lede_period(stat_periods, self.date)
            told = [p for p in stat_periods if not _COMPARED.search(self.text, max(0, p.start - 40), p.start)]
            if told:  # (not the base of a comparison: "…, 6.8% less than in the same period of last year")
                ctx["period"] = told[-1]
            if stat_periods:
                ranges = [p for p in stat_periods if p.kind == "period" and p.period_start != p.period_end
                          and not (self.date and (p.period_end or "") > self.date[:7])  # (not a plan's time,
                          and not re.search(r"\bsince\s+$", self.text[max(0, p.start - 8):p.start])]  # "since March")
                if ranges and (self.article_period is None
                               or _months(ranges[-1]) > _months(self.article_period)):
                    self.article_period = ranges[-1]  # the report's period: the widest range it names
        self.finish_ventures()
        self.venture_sites()
        self.entity_candidates()
        network_countries(self.candidates, self.ents.country_above)
        self.finish_measures()
        self.measure_flows()
        self.sales_rankings()
        self.store_markets()
        self.export_figures()
        self.supply_exports()
        self.domestic_sales(set())  # (the rankings' and stores' sales too)
        markets_in_countries(self.candidates, self.ents.kind_of, self.ents.country_above, self.label)
        merge_repeated_presence(self.candidates)
        drop_dealer_sales(self.candidates)
        localise_currency(self.candidates, self.text, self.dateline_code, home)
        return Extraction(sorted(self.ents.mentions + self.ents.inner, key=lambda m: m.start), self.candidates)

    def _dateline_code(self) -> str | None:
        """The ISO 3166-1 code of the dateline city's country, when the world's larger towns know it."""
        from nevkg.ingest.cities import city_country

        line = getattr(self.ents, "dateline", None)
        city = (line.label or line.text) if line is not None else getattr(self.ents, "dateline_city", None)
        return city_country(city.title() if city and city.isupper() else city) if city else None

    def _named_home_code(self) -> str | None:
        """The ISO 3166-1 code of the country whose own press an article without a dateline may be: of the
        countries that write money or fiscal years their own way ("Rs", "Sh", a July fiscal year), and India and
        Kenya, which share the signs, the one it names most (at least three times, by name). The "Rs" of a
        Kathmandu paper are Nepalese rupees, its fiscal year Nepal's."""
        from collections import Counter

        from nevkg.ingest.countries import COUNTRIES

        counts = Counter(COUNTRIES.get(m.label or m.text) for m in self.ents.countries_in(0, len(self.text),
                                                                                           adjectives=False))
        local = {c: n for c, n in counts.items() if c in {*FISCAL_START, *LOCAL_MONEY, "IN", "KE"}}
        code, n = max(local.items(), key=lambda x: x[1], default=(None, 0))
        return code if n >= 3 else None

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
            full = normalize(self.label(m.id))  # "Lanshan" for Lanshan Motors is the company, not "Lanshan Daily"
            if m.file == "organizations" and len(key) >= 3 and (pub == key or pub.startswith(key + " ")) and (
                    full == key or pub == full or pub.startswith(full + " ")):
                m.compiler = True

    def mark_compilers(self, sentences: list[tuple[int, int, int]]) -> None:
        for m in self.ents.mentions:
            if m.file != "organizations":
                continue
            if _COMPILER_BEFORE.search(self.text[max(0, m.start - 60):m.start]) and (
                    m.kind in _COMPILER_KINDS or not _OFFICER_AFTER.match(self.text[m.end:m.end + 60])) or \
                    _COMPILER_AFTER.match(self.text[m.end:m.end + 30]) or \
                    _COMPILER_DESCRIBED.search(self.text[max(0, m.start - 90):m.start]):
                m.compiler = True  # (not "according to X's chief financial officer": X speaks through him)
            elif m.kind in _COMPILER_KINDS and re.match(r"^\s+(?:said|says|reported|announced|estimated|showed)\b",
                                                        self.text[m.end:m.end + 30]):
                m.compiler = True
            elif (via := _COMPILER_VIA.search(self.text[max(0, m.start - 90):m.start])) and (
                    m.kind in _COMPILER_KINDS or re.search(r"\b(?:analyst|economist|researcher|statistician)s?\b",
                                                           via.group(0), re.I)):
                m.compiler = True  # "according to NAME, an analyst at X"; not "NAME, chairman of X"
            elif _ANALYSTS_AT.search(self.text[max(0, m.start - 40):m.start]) or _ANALYSTS_AFTER.match(
                    self.text, m.end):
                m.compiler = True  # "analysts at X said", "X analysts wrote", "a note from X": a source


#: a wire service's tag at the start of a line, glued to the headline by a hyphen
_WIRE_TAG = re.compile(r"(?m)^(?:EXCLUSIVE|UPDATE(?:\s\d{1,2})?|ANALYSIS|FACTBOX|BREAKINGVIEWS|INSIGHT|RPT|"
                       r"CORRECTED|REFILE|WRAPUP(?:\s\d{1,2})?|FOCUS|EXPLAINER)-(?=[A-Z])")


#: a zone's kind in lower case after its capitalised name ("the Kokand free economic zone", "the Alabuga special
#: economic zone"): read in capitals, as the zone's name (same length; not after a demonym: "a Uruguayan free zone")
_ZONE_KIND = re.compile(r"\b(?P<name>[A-Z][\w'\-]+) (?P<kind>(?:free(?: economic| trade)?|special economic) zone)\b")

#: a zone's name in its own language, on the same line
_NAMED_ZONE = re.compile(r"\b(?:Zona|Zone|Franca|Libre|Franche)\b[^\n.]*$")


def _zone_names(read: str) -> str:
    """``read`` with a zone's kind in capitals after its name ("the Kokand Free Economic Zone")."""
    from nevkg.ingest.countries import DEMONYMS

    def cap(m: re.Match) -> str:
        if m.group("name") in DEMONYMS or _NAMED_ZONE.search(read, max(0, m.start() - 40), m.start("kind")):
            return m.group(0)  # (a zone already named in its own language: "Zona Franca de Occidente free zone")
        return f"{m.group('name')} {m.group('kind').title()}"
    return _ZONE_KIND.sub(cap, read)


#: a line that links to another story ("Read more: …", "Read also: …", "Related: …"): none of its facts are this one's
_LINK_LINE = re.compile(r"(?m)^[ \t]*(?:Read\s+(?:more|also|next)|READ\s+(?:MORE|ALSO)|Also\s+read|ALSO\s+READ|Related|"
                        r"RELATED|See\s+also)\s*[:|–—-][^\n]*$")


def extract(text: str, gazetteer: Gazetteer, *, article_date: str | None = None,
            source_id: str = "new-source", nlp: bool = True, publisher: str | None = None) -> Extraction:
    """Find candidate records in an article's text.

    Parameters
    ----------
    text : str
        The article's plain text (offsets refer to it). A typographic apostrophe (’) is read as ``'`` (the
        same length, so offsets still point into the original): new records' labels have the straight one,
        mentions quote the text as written. A wire service's tag glued to a headline ("EXCLUSIVE-") is read as
        blanks of its length.
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

    read = text.replace("\u2019", "'")  # one apostrophe for the parser and every rule; offsets do not move
    # a wire service's tag glued to a headline ("EXCLUSIVE-China's X …", "UPDATE 2-X …") is read as blanks
    read = _WIRE_TAG.sub(lambda m: " " * len(m.group(0)), read)
    read = _LINK_LINE.sub(lambda m: " " * len(m.group(0)), read)  # (offsets do not move)
    read = _zone_names(read)
    doc = parse(read) if nlp else None
    result = _Extractor(read, gazetteer, article_date, source_id, doc, publisher).run()
    for m in result.mentions:  # a mention quotes the article as written
        m.text = text[m.start:m.end]
    result.pipeline = pipeline_status() if nlp else "rules only: the statistical pipeline was turned off"
    return result


def _months(p: Period) -> int:
    """How many months a period covers (a year without months counts twelve)."""
    def index(v: str, end: bool) -> int:
        return int(v[:4]) * 12 + (int(v[5:7]) if len(v) >= 7 else (12 if end else 1))
    return index(p.period_end, True) - index(p.period_start, False) + 1


#: where an article's opening ends: the headline, byline, dateline and first paragraph
_LEDE_END = 700


def lede_period(periods: list[Period], article_date: str | None) -> Period | None:
    """The reporting period an article opens with: the first of ``periods`` (its lede's) when it is a month or a
    quarter that ended by the article's month ("… sold four in ten new cars in Chile in November"), else ``None``;
    a flow the article gives later without a time is of that period.

    >>> p = Period(0, 11, "in November", "2026-11", "2026-11", True)
    >>> lede_period([p], "2026-12-03") is p, lede_period([p], "2026-10-03")
    (True, None)
    """
    p = periods[0]
    if p.kind != "period" or not p.period_start or not p.period_end or len(p.period_start) != 7:
        return None
    if article_date and p.period_end > article_date[:7] or _months(p) > 3:
        return None
    return p
